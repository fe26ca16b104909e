import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Field, Int, ObjectType } from 'type-graphql';
import type {
  PurchaseOrderEventType as PurchaseOrderEventTypeT,
  PurchaseOrderStatus as PurchaseOrderStatusT,
} from '@fulfilment/domain';
import { PurchaseOrderEventType, PurchaseOrderStatus } from './purchasing.enums';

@Entity()
@ObjectType({ description: "One step in a purchase order's history, written in the same transaction as the change." })
export class PurchaseOrderEvent {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column('uuid')
  purchaseOrderId: string;

  @Field(() => Int, { description: 'Per-order sequence number, 1, 2, 3… without gaps.' })
  @Column('integer')
  sequence: number;

  @Field(() => PurchaseOrderEventType, { description: 'What happened.' })
  @Column({ type: 'text' })
  type: PurchaseOrderEventTypeT;

  @Field(() => PurchaseOrderStatus, { nullable: true, description: 'Status before; null for the creation.' })
  @Column({ type: 'text', nullable: true })
  fromStatus: PurchaseOrderStatusT | null;

  @Field(() => PurchaseOrderStatus, { description: 'Status after.' })
  @Column({ type: 'text' })
  toStatus: PurchaseOrderStatusT;

  @Field(() => String, { nullable: true, description: 'Why, in words (a receipt number, an expedite note…).' })
  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Field({ description: 'Who acted.' })
  @Column()
  actor: string;

  @Field({ description: 'When.' })
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

@Entity()
@ObjectType({ description: 'A contact with the supplier about a late purchase order, and the new expected date.' })
export class PurchaseOrderContact {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column('uuid')
  purchaseOrderId: string;

  @Field({ description: 'What the supplier said.' })
  @Column()
  note: string;

  @Field(() => String, { nullable: true, description: 'The new expected date agreed (YYYY-MM-DD), if any.' })
  @Column({ type: 'date', nullable: true })
  newExpectedDate: string | null;

  @Field({ description: 'Who made the contact.' })
  @Column()
  actor: string;

  @Field({ description: 'When.' })
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
