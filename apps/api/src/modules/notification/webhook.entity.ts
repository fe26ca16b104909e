import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { toGlobalId } from '../../common/global-id';
import { Node } from '../node/node.interface';
import {
  type WebhookDeliveryStatus,
  WebhookDeliveryStatusEnum,
  type WebhookEndpointStatus,
  WebhookEndpointStatusEnum,
} from './notification.enums';

@Entity()
@ObjectType({
  implements: Node,
  description:
    'An integrator’s HTTPS receiver of signed webhook events (Standard Webhooks: webhook-id, webhook-timestamp, webhook-signature).',
})
export class WebhookEndpoint implements Node {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID, { name: 'id', description: 'Global id (opaque); node(id:) fetches it.' })
  get nodeId(): string {
    return toGlobalId('WebhookEndpoint', this.id);
  }

  @Field({ description: 'Where events are POSTed.' })
  @Column()
  url: string;

  @Field({ description: 'What the endpoint is for, e.g. “Storefront order sync”.' })
  @Column()
  description: string;

  @Field(() => [String], { description: 'The event types it receives (see webhookEventTypes).' })
  @Column('text', { array: true })
  eventTypes: string[];

  @Field(() => WebhookEndpointStatusEnum, { description: 'Active, paused (events kept), or disabled.' })
  @Column({ type: 'text' })
  status: WebhookEndpointStatus;

  @Column()
  secret: string;

  @Column({ type: 'text', nullable: true })
  previousSecret: string | null;

  @Field(() => Date, {
    nullable: true,
    description: 'After a rotation, requests are signed with the old secret too until then (24 hours).',
  })
  @Column({ type: 'timestamptz', nullable: true })
  previousSecretUntil: Date | null;

  @Field(() => String, { nullable: true, description: 'Why it was disabled (410 Gone at a time); null otherwise.' })
  @Column({ type: 'text', nullable: true })
  disabledReason: string | null;

  @Column()
  createdBy: string;

  @Field({ description: 'When it was registered.' })
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Field({ description: 'When it was last changed.' })
  @Column({ type: 'timestamptz' })
  updatedAt: Date;
}

@Entity()
@ObjectType({
  implements: Node,
  description:
    'One event’s delivery to one endpoint, with every attempt. Its webhookId stays the same across retries and redeliveries: receivers deduplicate on it.',
})
export class WebhookDelivery implements Node {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID, { name: 'id', description: 'Global id (opaque); node(id:) fetches it.' })
  get nodeId(): string {
    return toGlobalId('WebhookDelivery', this.id);
  }

  @Column('uuid')
  eventId: string;

  @Field({ description: 'The webhook-id header: the event’s id, the same for every endpoint, retry and redelivery.' })
  get webhookId(): string {
    return webhookIdOf(this.eventId);
  }

  @Column('uuid')
  endpointId: string;

  @Field({ description: 'The event type, e.g. order.status_changed.' })
  @Column()
  eventType: string;

  @Field(() => WebhookDeliveryStatusEnum, { description: 'Pending, delivered, retrying, or failed.' })
  @Column({ type: 'text' })
  status: WebhookDeliveryStatus;

  @Field(() => Int, { description: 'Attempts made so far.' })
  @Column()
  attempts: number;

  @Column({ name: 'next_attempt_at', type: 'timestamptz' })
  nextAttemptAtColumn: Date;

  @Field(() => Date, { nullable: true, description: 'When it is tried next (pending or retrying); null otherwise.' })
  get nextAttemptAt(): Date | null {
    return this.status === 'PENDING' || this.status === 'RETRYING' ? this.nextAttemptAtColumn : null;
  }

  @Column({ type: 'timestamptz', nullable: true })
  claimedUntil: Date | null;

  @Field(() => Int, {
    nullable: true,
    description: 'HTTP status of the last attempt; null before one or without an answer.',
  })
  @Column({ type: 'int', nullable: true })
  lastStatusCode: number | null;

  @Field(() => String, { nullable: true, description: 'What went wrong in the last attempt; null when nothing did.' })
  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  @Field(() => Date, { nullable: true, description: 'When the endpoint answered 2xx.' })
  @Column({ type: 'timestamptz', nullable: true })
  deliveredAt: Date | null;

  @Field({ description: 'When the event happened (its transaction committed just after).' })
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

@Entity()
@ObjectType({ description: 'One HTTP attempt of a webhook delivery.' })
export class WebhookAttempt {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column('uuid')
  deliveryId: string;

  @Field(() => Int, { description: '1 for the first attempt, then 2, 3, …' })
  @Column()
  attempt: number;

  @Field({ description: 'When the request was sent.' })
  @Column({ type: 'timestamptz' })
  startedAt: Date;

  @Field(() => Int, { description: 'Until the answer (or the failure), in ms.' })
  @Column()
  durationMs: number;

  @Field(() => Int, { nullable: true, description: 'The HTTP status; null on timeout or network error.' })
  @Column({ type: 'int', nullable: true })
  statusCode: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Timeout, network error, or refused address; null on an answer.',
  })
  @Column({ type: 'text', nullable: true })
  error: string | null;

  @Field(() => String, { nullable: true, description: 'The first 500 characters of the answer’s body.' })
  @Column({ type: 'text', nullable: true })
  responseExcerpt: string | null;
}

/** The Standard Webhooks message id of an event: msg_ and its uuid's hex (no dots, as the spec asks). */
export function webhookIdOf(eventId: string): string {
  return `msg_${eventId.replace(/-/g, '')}`;
}
