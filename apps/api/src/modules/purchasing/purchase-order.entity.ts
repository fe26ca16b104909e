import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';
import type { PurchaseOrderStatus as PurchaseOrderStatusT } from '@fulfilment/domain';
import { toGlobalId } from '../../common/global-id';
import { Money } from '../../common/money.type';
import { Node } from '../node/node.interface';
import { PurchaseOrderStatus } from './purchasing.enums';

const bigintNumber = { to: (v: number) => v, from: (v: string) => Number(v) };

@Entity()
@ObjectType({
  implements: Node,
  description: 'An order to a supplier for goods delivered to one warehouse, from draft to receipt.',
})
export class PurchaseOrder implements Node {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID, { name: 'id', description: 'Global id.' })
  get nodeId(): string {
    return toGlobalId('PurchaseOrder', this.id);
  }

  @Field({ description: 'Purchase order number shown to people and suppliers, e.g. PO-000123.' })
  @Column()
  number: string;

  @Column('uuid')
  supplierId: string;

  @Column('uuid')
  warehouseId: string;

  @Field(() => PurchaseOrderStatus, { description: 'Where the order is in its lifecycle.' })
  @Column({ type: 'text' })
  status: PurchaseOrderStatusT;

  @Column({ type: 'bigint', transformer: bigintNumber })
  totalFen: number;

  @Field(() => Money, { description: 'Sum of quantity × unit price over the lines.' })
  get total(): Money {
    return Money.ofFen(this.totalFen);
  }

  @Field(() => String, {
    nullable: true,
    description:
      'Earliest expected date (YYYY-MM-DD) of a line still waiting for goods; past it, the order is overdue.',
  })
  @Column({ type: 'date', nullable: true })
  expectedDate: string | null;

  @Field(() => String, {
    nullable: true,
    description: "A manager's reason for ordering from a supplier whose standing blocks new orders.",
  })
  @Column({ type: 'text', nullable: true })
  overrideReason: string | null;

  @Field(() => String, { nullable: true, description: 'Free-text note for the supplier or the team.' })
  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column()
  createdBy: string;

  @Column({ type: 'text', nullable: true })
  idempotencyKey: string | null;

  @Field(() => Date, { nullable: true, description: 'When it was sent to the supplier.' })
  @Column({ type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the supplier confirmed it (promised dates frozen).' })
  @Column({ type: 'timestamptz', nullable: true })
  confirmedAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the last goods arrived in full.' })
  @Column({ type: 'timestamptz', nullable: true })
  receivedAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it was closed.' })
  @Column({ type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it was cancelled.' })
  @Column({ type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;

  @Field(() => String, { nullable: true, description: 'Why it was cancelled or closed short.' })
  @Column({ type: 'text', nullable: true })
  statusReason: string | null;

  @Field(() => Date, { nullable: true, description: 'When a purchaser last contacted the supplier about it.' })
  @Column({ type: 'timestamptz', nullable: true })
  lastExpeditedAt: Date | null;

  @Field(() => Date, {
    nullable: true,
    description: 'When the daily check found it overdue; cleared when the supplier agrees a new expected date.',
  })
  @Column({ type: 'timestamptz', nullable: true })
  overdueFlaggedAt: Date | null;

  @Column('integer')
  lastEventSequence: number;

  @Field({ description: 'When it was created.' })
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Field({ description: 'When it last changed.' })
  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
