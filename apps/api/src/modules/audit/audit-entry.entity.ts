import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';

@Entity({ name: 'audit_log' })
@ObjectType({ description: 'One append-only audit record: who did what to which target, and how it ended.' })
export class AuditEntry {
  @Field(() => ID)
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Field()
  @Column({ type: 'timestamptz' })
  at: Date;

  @Field({ description: 'USER, API_KEY or ANONYMOUS.' })
  @Column()
  actorKind: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  actorId: string | null;

  @Field()
  @Column()
  actorName: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  role: string | null;

  @Field({ description: 'e.g. PLACE_ORDER, LOGIN, ACCESS_DENIED, API_KEY_USED, CUSTOMER_PII_READ.' })
  @Column()
  action: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  targetType: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  targetId: string | null;

  @Field({ description: 'SUCCESS, FAILURE or DENIED.' })
  @Column()
  outcome: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  requestId: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  clientIp: string | null;

  @Field(() => GraphQLJSONObject, { nullable: true })
  @Column({ type: 'jsonb', nullable: true })
  details: Record<string, unknown> | null;
}
