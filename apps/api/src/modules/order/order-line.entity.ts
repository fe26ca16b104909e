import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Money } from '../../common/money.type';

@Entity()
@ObjectType({ description: 'One product on an order, priced from the catalogue when placed.' })
export class OrderLine {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id: string;

  @Column('uuid')
  orderId: string;

  @Field(() => Int)
  @Column('integer')
  lineNo: number;

  @Column('uuid')
  productId: string;

  @Field()
  @Column()
  sku: string;

  @Field({ description: 'Product name when the order was placed.' })
  @Column()
  productName: string;

  @Field()
  @Column()
  spec: string;

  @Field(() => Int)
  @Column('integer')
  quantity: number;

  @Column('integer')
  unitPriceFen: number;

  @Field(() => Money)
  get unitPrice(): Money {
    return Money.ofFen(this.unitPriceFen);
  }

  @Field(() => Money)
  get lineTotal(): Money {
    return Money.ofFen(this.unitPriceFen * this.quantity);
  }
}
