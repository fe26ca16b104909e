import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Money } from '../../common/money.type';

@Entity()
@ObjectType({ description: 'One product on an order, priced from the catalogue when placed.' })
export class OrderLine {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID, { description: 'Id of the line (not a global id).' })
  id: string;

  @Column('uuid')
  orderId: string;

  @Field(() => Int, { description: 'Line number, 1, 2, 3… in the order.' })
  @Column('integer')
  lineNo: number;

  @Column('uuid')
  productId: string;

  @Field({ description: 'SKU of the product ordered.' })
  @Column()
  sku: string;

  @Field({ description: 'Product name when the order was placed.' })
  @Column()
  productName: string;

  @Field({ description: 'Product specification when the order was placed, e.g. "550ml×24瓶".' })
  @Column()
  spec: string;

  @Field(() => Int, { description: 'Units ordered.' })
  @Column('integer')
  quantity: number;

  @Column('integer')
  unitPriceFen: number;

  @Field(() => Money, { description: 'Price per unit, from the catalogue when the line was written.' })
  get unitPrice(): Money {
    return Money.ofFen(this.unitPriceFen);
  }

  @Field(() => Money, { description: 'unitPrice × quantity.' })
  get lineTotal(): Money {
    return Money.ofFen(this.unitPriceFen * this.quantity);
  }
}
