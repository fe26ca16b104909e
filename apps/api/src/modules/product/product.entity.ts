import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';
import { PackagingNeed } from '../../common/enums';
import { toGlobalId } from '../../common/global-id';
import { Money } from '../../common/money.type';
import { Node } from '../node/node.interface';

@Entity()
@ObjectType({ implements: Node, description: 'A sellable product (SKU) from the catalogue.' })
export class Product implements Node {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID, { name: 'id' })
  get nodeId(): string {
    return toGlobalId('Product', this.id);
  }

  @Field()
  @Column()
  sku: string;

  @Field()
  @Column()
  name: string;

  @Field({ description: 'Specification, e.g. "550ml×24瓶".' })
  @Column()
  spec: string;

  @Field()
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

  @Field()
  @Column({ default: true })
  active: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
