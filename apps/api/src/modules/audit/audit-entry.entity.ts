import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';

@Entity({ name: 'audit_log' })
@ObjectType({ description: 'One append-only audit record: who did what to which target, and how it ended.' })
export class AuditEntry {
  @Field(() => ID, { description: 'Id of the entry; entries are numbered in the order they were written.' })
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Field({ description: 'When it happened.' })
  @Column({ type: 'timestamptz' })
  at: Date;

  @Field({ description: 'USER, API_KEY or ANONYMOUS.' })
  @Column()
  actorKind: string;

  @Field(() => String, { nullable: true, description: 'Global id of the user or API key; null for ANONYMOUS.' })
  @Column({ type: 'text', nullable: true })
  actorId: string | null;

  @Field({ description: 'User e-mail, key:<name>, or anonymous.' })
  @Column()
  actorName: string;

  @Field(() => String, {
    nullable: true,
    description: 'The user’s role at the time; null for API keys and anonymous callers.',
  })
  @Column({ type: 'text', nullable: true })
  role: string | null;

  @Field({ description: 'e.g. PLACE_ORDER, LOGIN, ACCESS_DENIED, API_KEY_USED, CUSTOMER_PII_READ.' })
  @Column()
  action: string;

  @Field(() => String, {
    nullable: true,
    description: 'Type of the target, e.g. Order, User, ApiKey; null when there is none.',
  })
  @Column({ type: 'text', nullable: true })
  targetType: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Id of the target, e.g. an order id or a staff e-mail; null when there is none.',
  })
  @Column({ type: 'text', nullable: true })
  targetId: string | null;

  @Field({ description: 'SUCCESS, FAILURE or DENIED.' })
  @Column()
  outcome: string;

  @Field(() => String, {
    nullable: true,
    description: 'Id of the HTTP request (also in the x-request-id header and the logs).',
  })
  @Column({ type: 'text', nullable: true })
  requestId: string | null;

  @Field(() => String, { nullable: true, description: 'Address of the caller.' })
  @Column({ type: 'text', nullable: true })
  clientIp: string | null;

  @Field(() => GraphQLJSONObject, {
    nullable: true,
    description: 'More about the action as a JSON object, e.g. the error codes of a failure.',
  })
  @Column({ type: 'jsonb', nullable: true })
  details: Record<string, unknown> | null;
}
