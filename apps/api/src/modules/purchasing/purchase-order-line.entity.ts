import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { toGlobalId } from '../../common/global-id';
import { Money } from '../../common/money.type';
import { Node } from '../node/node.interface';

@Entity()
@ObjectType({
  implements: Node,
  description: 'One product on a purchase order: ordered, promised, expected and received.',
})
export class PurchaseOrderLine implements Node {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID, { name: 'id', description: 'Global id.' })
  get nodeId(): string {
    return toGlobalId('PurchaseOrderLine', this.id);
  }

  @Column('uuid')
  purchaseOrderId: string;

  @Field(() => Int, { description: 'Line number, 1, 2, 3…' })
  @Column('integer')
  lineNo: number;

  @Column('uuid')
  productId: string;

  @Field({ description: 'SKU of the product.' })
  @Column()
  sku: string;

  @Field({ description: 'Product name when ordered.' })
  @Column()
  productName: string;

  @Field(() => Int, { description: 'Units ordered.' })
  @Column('integer')
  quantity: number;

  @Column('integer')
  unitPriceFen: number;

  @Field(() => Money, { description: 'Agreed price per unit.' })
  get unitPrice(): Money {
    return Money.ofFen(this.unitPriceFen);
  }

  @Field(() => String, {
    nullable: true,
    description: "The supplier's promised delivery date (YYYY-MM-DD); frozen once the order is confirmed.",
  })
  @Column({ type: 'date', nullable: true })
  promisedDate: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'When the goods are now expected (YYYY-MM-DD); moves when the order is expedited.',
  })
  @Column({ type: 'date', nullable: true })
  expectedDate: string | null;

  @Field(() => Int, { description: 'Units received so far (accepted + rejected).' })
  @Column('integer')
  receivedQty: number;

  @Field(() => Int, { description: 'Units accepted at inspection: they became stock.' })
  @Column('integer')
  acceptedQty: number;

  @Field(() => Int, { description: 'Units rejected at inspection: never available, recorded against the supplier.' })
  @Column('integer')
  rejectedQty: number;

  @Field(() => Int, { description: 'Units still expected: ordered minus accepted, never below zero.' })
  get outstandingQty(): number {
    return Math.max(0, this.quantity - this.acceptedQty);
  }

  @Column('uuid', { array: true })
  requirementIds: string[];
}
