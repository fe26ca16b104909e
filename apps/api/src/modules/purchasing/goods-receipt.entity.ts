import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { RejectionReason as RejectionReasonT } from '@fulfilment/domain';
import { toGlobalId } from '../../common/global-id';
import { Node } from '../node/node.interface';
import { RejectionReason } from './purchasing.enums';

@Entity()
@ObjectType({
  implements: Node,
  description:
    'An arrival of goods against a purchase order, inspected line by line: accepted goods became stock and released waiting backorders first.',
})
export class GoodsReceipt implements Node {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID, { name: 'id', description: 'Global id.' })
  get nodeId(): string {
    return toGlobalId('GoodsReceipt', this.id);
  }

  @Field({ description: 'Receipt number, e.g. GR-000123; stock movements reference it.' })
  @Column()
  number: string;

  @Column('uuid')
  purchaseOrderId: string;

  @Column('uuid')
  supplierId: string;

  @Column('uuid')
  warehouseId: string;

  @Field(() => String, { nullable: true, description: 'Note from the receiving staff.' })
  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Field({ description: 'Who received the goods.' })
  @Column()
  actor: string;

  @Column({ type: 'text', nullable: true })
  idempotencyKey: string | null;

  @Field({ description: 'When the goods were received.' })
  @Column({ type: 'timestamptz' })
  receivedAt: Date;
}

@Entity()
@ObjectType({ description: 'One inspected line of a receipt: received = accepted + rejected.' })
export class GoodsReceiptLine {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  goodsReceiptId: string;

  @Column('uuid')
  purchaseOrderLineId: string;

  @Column('uuid')
  productId: string;

  @Field(() => Int, { description: 'Units that arrived.' })
  @Column('integer')
  received: number;

  @Field(() => Int, { description: 'Units that passed inspection and became stock.' })
  @Column('integer')
  accepted: number;

  @Field(() => Int, { description: 'Units rejected at inspection.' })
  @Column('integer')
  rejected: number;

  @Field(() => RejectionReason, { nullable: true, description: 'Why units were rejected.' })
  @Column({ type: 'text', nullable: true })
  rejectionReason: RejectionReasonT | null;
}
