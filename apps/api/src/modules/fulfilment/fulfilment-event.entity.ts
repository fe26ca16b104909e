import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Field, Int, ObjectType } from 'type-graphql';
import type {
  PickListEventType as PickListEventTypeT,
  PickListStatus as PickListStatusT,
  ShipmentEventType as ShipmentEventTypeT,
  ShipmentStatus as ShipmentStatusT,
} from '@fulfilment/domain';
import { PickListEventType, PickListStatus, ShipmentEventType, ShipmentStatus } from './fulfilment.enums';

@Entity()
@ObjectType({ description: "One step in a pick list's history, written in the same transaction as the change." })
export class PickListEvent {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column('uuid')
  pickListId: string;

  @Field(() => Int, { description: 'Per-list sequence number, 1, 2, 3… without gaps.' })
  @Column('integer')
  sequence: number;

  @Field(() => PickListEventType, { description: 'What happened.' })
  @Column({ type: 'text' })
  type: PickListEventTypeT;

  @Field(() => PickListStatus, { nullable: true, description: 'Status before; null for the creation.' })
  @Column({ type: 'text', nullable: true })
  fromStatus: PickListStatusT | null;

  @Field(() => PickListStatus, { description: 'Status after.' })
  @Column({ type: 'text' })
  toStatus: PickListStatusT;

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
@ObjectType({ description: "One step in a shipment's history: stage changes and check results, with who and when." })
export class ShipmentEvent {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column('uuid')
  shipmentId: string;

  @Field(() => Int, { description: 'Per-shipment sequence number, 1, 2, 3… without gaps.' })
  @Column('integer')
  sequence: number;

  @Field(() => ShipmentEventType, { description: 'What happened.' })
  @Column({ type: 'text' })
  type: ShipmentEventTypeT;

  @Field(() => ShipmentStatus, { nullable: true, description: 'Stage before; null for the creation.' })
  @Column({ type: 'text', nullable: true })
  fromStatus: ShipmentStatusT | null;

  @Field(() => ShipmentStatus, { description: 'Stage after.' })
  @Column({ type: 'text' })
  toStatus: ShipmentStatusT;

  @Field(() => String, { nullable: true, description: 'Why, in words.' })
  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column()
  actor: string;

  @Field({ description: 'When.' })
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
