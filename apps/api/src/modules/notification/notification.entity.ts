import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { NotificationChannel, NotificationEvent, NotificationLocale } from '@fulfilment/domain';
import { toGlobalId } from '../../common/global-id';
import { Node } from '../node/node.interface';
import {
  LanguageEnum,
  LANGUAGE_OF,
  NotificationChannelEnum,
  NotificationEventEnum,
  type NotificationLanguage,
  type NotificationStatus,
  NotificationStatusEnum,
} from './notification.enums';

@Entity()
@ObjectType({
  implements: Node,
  description:
    'A message to a customer about their order (or complaint, return, refund): written with the change that caused it, sent by the customer’s preferred channel, kept as the record of what they were told.',
})
export class Notification implements Node {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID, { name: 'id', description: 'Global id (opaque); node(id:) fetches it.' })
  get nodeId(): string {
    return toGlobalId('Notification', this.id);
  }

  @Column()
  sourceKey: string;

  @Field(() => NotificationEventEnum, { description: 'What the customer is told about.' })
  @Column({ type: 'text' })
  event: NotificationEvent;

  @Field(() => NotificationChannelEnum, { description: 'How (the customer’s preferred channel when it was written).' })
  @Column({ type: 'text' })
  channel: NotificationChannel;

  @Column({ type: 'text' })
  locale: NotificationLocale;

  @Field(() => LanguageEnum, { description: 'The language it is written in (the customer’s).' })
  get language(): NotificationLanguage {
    return LANGUAGE_OF[this.locale];
  }

  @Column('uuid')
  customerId: string;

  @Column({ type: 'uuid', nullable: true })
  orderId: string | null;

  @Column({ type: 'jsonb' })
  facts: Record<string, string>;

  @Field(() => NotificationStatusEnum, { description: 'Pending, sent, retrying after a failure, or failed.' })
  @Column({ type: 'text' })
  status: NotificationStatus;

  @Field(() => Int, { description: 'Attempts made so far.' })
  @Column()
  attempts: number;

  @Field(() => Date, { nullable: true, description: 'When it is tried next (pending or retrying); null otherwise.' })
  get nextAttemptAt(): Date | null {
    return this.status === 'PENDING' || this.status === 'RETRYING' ? this.nextAttemptAtColumn : null;
  }

  @Column({ name: 'next_attempt_at', type: 'timestamptz' })
  nextAttemptAtColumn: Date;

  @Column({ type: 'timestamptz', nullable: true })
  claimedUntil: Date | null;

  @Column({ type: 'text', nullable: true })
  recipient: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The subject (e-mail, in-app title) as sent; null before it is sent.',
  })
  @Column({ type: 'text', nullable: true })
  subject: string | null;

  @Column({ type: 'text', nullable: true })
  body: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Who carried it: smtp, log (no SMTP server configured), sms-recorder (no SMS provider configured), in-app.',
  })
  @Column({ type: 'text', nullable: true })
  provider: string | null;

  @Column({ type: 'text', nullable: true })
  providerMessageId: string | null;

  @Field(() => String, { nullable: true, description: 'Why the last attempt failed; null when it did not.' })
  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  @Field(() => Date, { nullable: true, description: 'When it was handed to the channel.' })
  @Column({ type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @Field({ description: 'When it was written (with its cause).' })
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

@Entity()
@ObjectType({
  description:
    'The text customers get for one event in one language: {{placeholders}} are filled with the order’s facts when it is sent. Managers edit them.',
})
export class NotificationTemplate {
  @Field(() => NotificationEventEnum, { description: 'The event it tells about.' })
  @PrimaryColumn({ type: 'text' })
  event: NotificationEvent;

  @PrimaryColumn({ type: 'text' })
  locale: NotificationLocale;

  @Field(() => LanguageEnum, { description: 'Its language.' })
  get language(): NotificationLanguage {
    return LANGUAGE_OF[this.locale];
  }

  @Field({ description: 'Subject of the e-mail and title in the app (not used by SMS).' })
  @Column()
  subject: string;

  @Field({ description: 'The message, with {{placeholders}} (see placeholders).' })
  @Column()
  body: string;

  @Field(() => String, { nullable: true, description: 'Who changed it last; null for the platform’s default text.' })
  @Column({ type: 'text' })
  updatedBy: string | null;

  @Field(() => Date, { nullable: true, description: 'When it was changed last; null for the default text.' })
  @Column({ type: 'timestamptz' })
  updatedAt: Date | null;
}
