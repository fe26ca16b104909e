import { Field, InputType } from 'type-graphql';

@InputType({ description: 'All given conditions must hold; texts match exactly.' })
export class AuditFilter {
  @Field({ nullable: true, description: 'User e-mail or key:<name>.' })
  actor?: string;

  @Field({ nullable: true, description: 'The action, e.g. PLACE_ORDER.' })
  action?: string;

  @Field({ nullable: true, description: 'Id of the target, e.g. an order id or a staff e-mail.' })
  targetId?: string;

  @Field({ nullable: true, description: 'At or after this time.' })
  from?: Date;

  @Field({ nullable: true, description: 'Before this time.' })
  to?: Date;
}
