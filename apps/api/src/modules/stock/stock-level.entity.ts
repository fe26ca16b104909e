import { Column, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { stockStatus, StockStatus as StockStatusT } from '@fulfilment/domain';
import { StockStatus } from '../../common/enums';
import { toGlobalId } from '../../common/global-id';
import { Node } from '../node/node.interface';

@Entity()
@ObjectType({ implements: Node, description: 'Stock of one product in one warehouse.' })
export class StockLevel implements Node {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID, { name: 'id', description: 'Global id (opaque); node(id:) fetches it.' })
  get nodeId(): string {
    return toGlobalId('StockLevel', this.id);
  }

  @Column('uuid')
  productId: string;

  @Column('uuid')
  warehouseId: string;

  @Field({ description: 'SKU of the product.' })
  @Column()
  sku: string;

  @Field({ description: 'Code of the warehouse or station, e.g. SH-01.' })
  @Column()
  warehouseCode: string;

  @Field(() => Int, { description: 'Units physically in the warehouse.' })
  @Column('integer')
  onHand: number;

  @Field(() => Int, { description: 'Units reserved for orders not yet shipped.' })
  @Column('integer')
  reserved: number;

  @Field(() => Int, { description: 'onHand − reserved: what new orders can take. Never negative.' })
  get available(): number {
    return this.onHand - this.reserved;
  }

  @Field(() => Int, { description: 'At or below this many available units the level is LOW and raises an alert.' })
  @Column('integer')
  lowThreshold: number;

  @Field(() => Int, { description: 'At or above this many available units the level is OVERSTOCK.' })
  @Column('integer')
  highThreshold: number;

  @Field(() => StockStatus, { description: 'available against the thresholds.' })
  get status(): StockStatusT {
    return stockStatus(this.available, this.lowThreshold, this.highThreshold);
  }

  @Field(() => String, {
    nullable: true,
    description: 'Bin the goods sit in within the warehouse, e.g. A-03-2 (aisle, bay, level); pick lists walk by it.',
  })
  @Column({ type: 'text', nullable: true })
  binLocation: string | null;

  @Field({ description: 'When the level last changed.' })
  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
