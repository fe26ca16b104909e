import { Field, InputType } from 'type-graphql';

@InputType()
export class AuditFilter {
  @Field({ nullable: true, description: 'User e-mail or key:<name>.' })
  actor?: string;

  @Field({ nullable: true })
  action?: string;

  @Field({ nullable: true, description: 'Id of the target, e.g. an order id or a staff e-mail.' })
  targetId?: string;

  @Field({ nullable: true })
  from?: Date;

  @Field({ nullable: true })
  to?: Date;
}
