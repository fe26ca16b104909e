import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import type {
  ReturnReason as ReturnReasonT,
  ReturnResolution as ReturnResolutionT,
  ReturnStatus as ReturnStatusT,
} from '@fulfilment/domain';
import { toGlobalId } from '../../common/global-id';
import { Money } from '../../common/money.type';
import { Node } from '../node/node.interface';
import {
  ReturnEventType,
  type ReturnEventType as ReturnEventTypeT,
  ReturnReason,
  ReturnResolution,
  ReturnStatus,
} from './return.enums';

@Entity()
@ObjectType({
  implements: Node,
  description:
    'A return of delivered goods: checked against the policy, decided, inspected by the warehouse, refunded.',
})
export class ReturnRequest implements Node {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID, { name: 'id', description: 'Global id (opaque); node(id:) fetches it.' })
  get nodeId(): string {
    return toGlobalId('ReturnRequest', this.id);
  }

  @Field({ description: 'Return number customers quote, e.g. RT-000017.' })
  @Column()
  number: string;

  @Column('uuid')
  orderId: string;

  @Column('uuid')
  customerId: string;

  @Column({ type: 'uuid', nullable: true })
  complaintId: string | null;

  @Field(() => ReturnReason, { description: 'Why the goods come back.' })
  @Column({ type: 'text' })
  reason: ReturnReasonT;

  @Field(() => ReturnResolution, { description: 'What the customer gets when the goods arrive.' })
  @Column({ type: 'text' })
  resolution: ReturnResolutionT;

  @Column({ type: 'uuid', nullable: true })
  replacementOrderId: string | null;

  @Field(() => ReturnStatus, { description: 'Where it is.' })
  @Column({ type: 'text' })
  status: ReturnStatusT;

  @Field(() => String, { nullable: true, description: 'What the customer said.' })
  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Field(() => String, { nullable: true, description: 'Why it was rejected; null otherwise.' })
  @Column({ type: 'text', nullable: true })
  decisionReason: string | null;

  @Column()
  requestedBy: string;

  @Column({ type: 'text', nullable: true })
  idempotencyKey: string | null;

  @Field({ description: 'When it was asked for.' })
  @Column({ type: 'timestamptz' })
  requestedAt: Date;

  @Field(() => Date, { nullable: true, description: 'When it was approved or rejected.' })
  @Column({ type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the goods arrived.' })
  @Column({ type: 'timestamptz', nullable: true })
  receivedAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it was refunded.' })
  @Column({ type: 'timestamptz', nullable: true })
  resolvedAt: Date | null;

  @Column('integer')
  lastEventSequence: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

@Entity()
@ObjectType({ description: 'One order line coming back, with what the warehouse found.' })
export class ReturnLine {
  @PrimaryColumn('uuid')
  returnId: string;

  @Field(() => Int, { description: 'The order line.' })
  @PrimaryColumn('integer')
  lineNo: number;

  @Column('uuid')
  productId: string;

  @Field({ description: 'Its SKU.' })
  @Column()
  sku: string;

  @Field(() => Int, { description: 'Units asked to come back.' })
  @Column('integer')
  quantity: number;

  @Column('integer')
  unitPriceFen: number;

  @Field(() => Money, { description: 'The price paid per unit.' })
  get unitPrice(): Money {
    return Money.ofFen(this.unitPriceFen);
  }

  @Field(() => Int, { nullable: true, description: 'Units that arrived; null before the inspection.' })
  @Column({ type: 'integer', nullable: true })
  received: number | null;

  @Field(() => Int, { nullable: true, description: 'Sellable again (RETURN movement).' })
  @Column({ type: 'integer', nullable: true })
  restocked: number | null;

  @Field(() => Int, { nullable: true, description: 'Damaged: written off.' })
  @Column({ type: 'integer', nullable: true })
  damaged: number | null;

  @Field(() => Int, { nullable: true, description: 'Sent back to the supplier (quality).' })
  @Column({ type: 'integer', nullable: true })
  toSupplier: number | null;

  @Field(() => String, { nullable: true, description: 'What the inspector noted.' })
  @Column({ type: 'text', nullable: true })
  inspectionNote: string | null;

  @Column({ type: 'uuid', nullable: true })
  goodsReceiptId: string | null;

  @Column({ type: 'uuid', nullable: true })
  supplierId: string | null;
}

@Entity()
@ObjectType({ description: 'Credit on a customer’s account (granted for a return), spent on later orders.' })
export class StoreCredit {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  customerId: string;

  @Column({ type: 'uuid', nullable: true })
  returnId: string | null;

  @Column('integer')
  amountFen: number;

  @Field(() => Money, { description: 'How much (negative when spent).' })
  get amount(): Money {
    return Money.ofFen(this.amountFen);
  }

  @Field({ description: 'Why, in words.' })
  @Column()
  reason: string;

  @Field({ description: 'Who granted it.' })
  @Column()
  actor: string;

  @Field({ description: 'When.' })
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

@Entity()
@ObjectType({ description: 'A refund to the original payment method, made once per return.' })
export class Refund {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  returnId: string;

  @Column('uuid')
  orderId: string;

  @Column('integer')
  amountFen: number;

  @Field(() => Money, { description: 'How much.' })
  get amount(): Money {
    return Money.ofFen(this.amountFen);
  }

  @Field({ description: 'The payment method refunded to (the order’s).' })
  @Column()
  method: string;

  @Field({ description: 'The payment gateway that made it.' })
  @Column()
  gateway: string;

  @Field(() => String, { nullable: true, description: 'The gateway’s reference.' })
  @Column({ type: 'text', nullable: true })
  gatewayReference: string | null;

  @Column()
  idempotencyKey: string;

  @Field({ description: 'When it was made.' })
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

@Entity()
@ObjectType({ description: 'One step in a return’s history.' })
export class ReturnEvent {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column('uuid')
  returnId: string;

  @Field(() => Int, { description: 'Per-return sequence number.' })
  @Column('integer')
  sequence: number;

  @Field(() => ReturnEventType, { description: 'What happened.' })
  @Column({ type: 'text' })
  type: ReturnEventTypeT;

  @Field(() => ReturnStatus, { nullable: true, description: 'Status before.' })
  @Column({ type: 'text', nullable: true })
  fromStatus: ReturnStatusT | null;

  @Field(() => ReturnStatus, { description: 'Status after.' })
  @Column({ type: 'text' })
  toStatus: ReturnStatusT;

  @Field(() => String, { nullable: true, description: 'Why, in words.' })
  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Field({ description: 'Who did it.' })
  @Column()
  actor: string;

  @Field({ description: 'When.' })
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
