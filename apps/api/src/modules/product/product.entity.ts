import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { PackagingNeed } from '../../common/enums';
import { toGlobalId } from '../../common/global-id';
import { Money } from '../../common/money.type';
import { Node } from '../node/node.interface';

@Entity()
@ObjectType({ implements: Node, description: 'A sellable product (SKU) from the catalogue.' })
export class Product implements Node {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID, { name: 'id', description: 'Global id (opaque); node(id:) fetches it.' })
  get nodeId(): string {
    return toGlobalId('Product', this.id);
  }

  @Field({ description: 'Stock-keeping unit: the product code orders and stock use, e.g. WTR-0001.' })
  @Column()
  sku: string;

  @Field({ description: 'Product name, e.g. 农夫山泉 饮用天然水.' })
  @Column()
  name: string;

  @Field({ description: 'Specification, e.g. "550ml×24瓶".' })
  @Column()
  spec: string;

  @Field({ description: 'Catalogue category, e.g. 饮用水.' })
  @Column()
  category: string;

  @Column({ type: 'integer' })
  unitPriceFen: number;

  @Field(() => Money, { description: 'Catalogue price per unit; orders are always priced from it.' })
  get unitPrice(): Money {
    return Money.ofFen(this.unitPriceFen);
  }

  @Field(() => [PackagingNeed], { description: 'What packing must take care of (fragile, moisture-sensitive, …).' })
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  packaging: PackagingNeed[];

  @Field(() => Int, {
    description: 'Weight of one unit in grams, packaging of the unit included; packing proposals use it.',
  })
  @Column('integer')
  unitWeightG: number;

  @Field({ description: 'False once the product is no longer sold: new orders refuse it (PRODUCT_INACTIVE).' })
  @Column({ default: true })
  active: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
