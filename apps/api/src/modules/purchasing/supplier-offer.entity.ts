import { Column, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { toGlobalId } from '../../common/global-id';
import { Money } from '../../common/money.type';
import { Node } from '../node/node.interface';

@Entity()
@ObjectType({
  implements: Node,
  description: 'What a supplier offers for one product: price, lead time, minimum order and pack size.',
})
export class SupplierOffer implements Node {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID, { name: 'id', description: 'Global id.' })
  get nodeId(): string {
    return toGlobalId('SupplierOffer', this.id);
  }

  @Column('uuid')
  supplierId: string;

  @Column('uuid')
  productId: string;

  @Column('integer')
  unitPriceFen: number;

  @Field(() => Money, { description: 'Price per unit.' })
  get unitPrice(): Money {
    return Money.ofFen(this.unitPriceFen);
  }

  @Field(() => Int, { description: 'Days from confirmation to delivery, as quoted.' })
  @Column('integer')
  leadTimeDays: number;

  @Field(() => Int, { description: 'Smallest quantity the supplier accepts on one line.' })
  @Column('integer')
  minOrderQty: number;

  @Field(() => Int, { description: 'Quantities are ordered in multiples of this (a carton of 12 → 12).' })
  @Column('integer')
  packMultiple: number;

  @Field({ description: 'Inactive offers are kept for history but never suggested.' })
  @Column()
  active: boolean;

  @Field({ description: 'When the offer last changed.' })
  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
