import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { ComplaintCategory as ComplaintCategoryT, NotificationLocale } from '@fulfilment/domain';
import { toGlobalId } from '../../common/global-id';
import { LanguageEnum, LANGUAGE_OF, type NotificationLanguage } from '../notification/notification.enums';
import { ComplaintCategory } from './complaint.enums';

@Entity()
@ObjectType({ description: 'A ready answer agents insert into their reply (and edit), per category and language.' })
export class ReplyTemplate {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID, { name: 'id', description: 'Global id.' })
  get globalId(): string {
    return toGlobalId('ReplyTemplate', this.id);
  }

  @Field(() => ComplaintCategory, { nullable: true, description: 'The category it answers; null for any.' })
  @Column({ type: 'text', nullable: true })
  category: ComplaintCategoryT | null;

  @Column({ type: 'text' })
  locale: NotificationLocale;

  @Field(() => LanguageEnum, { description: 'Its language.' })
  get language(): NotificationLanguage {
    return LANGUAGE_OF[this.locale];
  }

  @Field({ description: 'A short title agents pick it by.' })
  @Column()
  title: string;

  @Field({ description: 'The text.' })
  @Column()
  body: string;

  @Field({ description: 'Who changed it last.' })
  @Column()
  updatedBy: string;

  @Field({ description: 'When it was changed last.' })
  @Column({ type: 'timestamptz' })
  updatedAt: Date;
}

@Entity()
@ObjectType({
  description:
    'A satisfaction survey, sent after a complaint was resolved (or after delivery): one answer, 1–5 with a comment.',
})
export class SatisfactionSurvey {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID, { name: 'id', description: 'Global id.' })
  get globalId(): string {
    return toGlobalId('SatisfactionSurvey', this.id);
  }

  @Column()
  token: string;

  @Field({
    description:
      'What it asks about: COMPLAINT (a resolved complaint) or ORDER (a delivery; survey history from before go-live names no order; deliveries of our own fleet are rated on their tracking page).',
  })
  @Column()
  subject: string;

  @Column({ type: 'uuid', nullable: true })
  complaintId: string | null;

  @Column({ type: 'uuid', nullable: true })
  orderId: string | null;

  @Column('uuid')
  customerId: string;

  @Field(() => Int, {
    nullable: true,
    description: 'The answer, 1–5 (4 and 5 count as satisfied); null until answered.',
  })
  @Column({ type: 'smallint', nullable: true })
  rating: number | null;

  @Field(() => String, { nullable: true, description: 'The customer’s comment.' })
  @Column({ type: 'text', nullable: true })
  comment: string | null;

  @Field({ description: 'When it was sent.' })
  @Column({ type: 'timestamptz' })
  sentAt: Date;

  @Field(() => Date, { nullable: true, description: 'When it was answered.' })
  @Column({ type: 'timestamptz', nullable: true })
  answeredAt: Date | null;
}
