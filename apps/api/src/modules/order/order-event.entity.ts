import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { OrderStatus as OrderStatusT } from '@fulfilment/domain';
import { OrderEventType, OrderStatus } from '../../common/enums';
import { toGlobalId } from '../../common/global-id';
import { Node } from '../node/node.interface';

@Entity()
@ObjectType({
  implements: Node,
  description: "One step in an order's history, written in the same transaction as the change.",
})
export class OrderEvent implements Node {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Field(() => ID, { name: 'id', description: 'Global id (opaque); node(id:) fetches it.' })
  get nodeId(): string {
    return toGlobalId('OrderEvent', this.id);
  }

  /** The transaction that wrote it (xid8, as text): the feed's commit order. Set by PostgreSQL. */
  @Column({ type: 'bigint', insert: false, update: false })
  tx: string;

  @Column('uuid')
  orderId: string;

  @Field(() => Int, { description: 'Per-order sequence number, 1, 2, 3… without gaps.' })
  @Column('integer')
  sequence: number;

  @Field(() => OrderEventType, { description: 'What happened: placed, changed status, or edited.' })
  @Column({ type: 'text' })
  type: OrderEventType;

  @Field(() => OrderStatus, { nullable: true, description: 'Status before; null for the event that placed the order.' })
  @Column({ type: 'text', nullable: true })
  fromStatus: OrderStatusT | null;

  @Field(() => OrderStatus, { description: 'Status after the event (the same as fromStatus for an edit).' })
  @Column({ type: 'text' })
  toStatus: OrderStatusT;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column()
  actor: string;

  @Field({ description: 'When the change was committed.' })
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
