import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Field, Int, ObjectType } from 'type-graphql';
import type {
  DeliveryEventType as DeliveryEventTypeT,
  DeliveryRunEventType as DeliveryRunEventTypeT,
  DeliveryRunStatus as DeliveryRunStatusT,
  DeliveryStatus as DeliveryStatusT,
} from '@fulfilment/domain';
import { DeliveryEventType, DeliveryRunEventType, DeliveryRunStatus, DeliveryStatus } from './delivery.enums';

@Entity()
@ObjectType({ description: "One step in a delivery's history, written in the same transaction as the change." })
export class DeliveryEvent {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column('uuid')
  deliveryId: string;

  @Field(() => Int, { description: 'Per-delivery sequence number, 1, 2, 3… without gaps.' })
  @Column('integer')
  sequence: number;

  @Field(() => DeliveryEventType, { description: 'What happened.' })
  @Column({ type: 'text' })
  type: DeliveryEventTypeT;

  @Field(() => DeliveryStatus, { nullable: true, description: 'Status before; null for the creation.' })
  @Column({ type: 'text', nullable: true })
  fromStatus: DeliveryStatusT | null;

  @Field(() => DeliveryStatus, { description: 'Status after.' })
  @Column({ type: 'text' })
  toStatus: DeliveryStatusT;

  @Field(() => String, { nullable: true, description: 'Why, in words.' })
  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column()
  actor: string;

  @Field({ description: 'When.' })
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

@Entity()
@ObjectType({ description: "One step in a run's history: created, assigned (and overridden), started, completed." })
export class DeliveryRunEvent {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column('uuid')
  deliveryRunId: string;

  @Field(() => Int, { description: 'Per-run sequence number, 1, 2, 3… without gaps.' })
  @Column('integer')
  sequence: number;

  @Field(() => DeliveryRunEventType, { description: 'What happened.' })
  @Column({ type: 'text' })
  type: DeliveryRunEventTypeT;

  @Field(() => DeliveryRunStatus, { nullable: true, description: 'Status before; null for the creation.' })
  @Column({ type: 'text', nullable: true })
  fromStatus: DeliveryRunStatusT | null;

  @Field(() => DeliveryRunStatus, { description: 'Status after.' })
  @Column({ type: 'text' })
  toStatus: DeliveryRunStatusT;

  @Field(() => String, { nullable: true, description: 'Why, in words.' })
  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column()
  actor: string;

  @Field({ description: 'When.' })
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
