import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { AllocationStatus } from '../../common/enums';

@Entity()
@ObjectType({ description: 'Units of an order line reserved in (and shipped from) one warehouse.' })
export class OrderAllocation {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID, { description: 'Id of the allocation (not a global id).' })
  id: string;

  @Column('uuid')
  orderId: string;

  @Field(() => Int, { description: 'Number of the order line it is for (OrderLine.lineNo).' })
  @Column('integer')
  lineNo: number;

  @Column('uuid')
  productId: string;

  @Field({ description: 'SKU of the product allocated.' })
  @Column()
  sku: string;

  @Column('uuid')
  warehouseId: string;

  @Column('uuid')
  stockLevelId: string;

  @Field(() => Int, { description: 'Units reserved in (or shipped from) this warehouse.' })
  @Column('integer')
  quantity: number;

  @Field(() => AllocationStatus, { description: 'Reserved, shipped, or released.' })
  @Column({ type: 'text' })
  status: AllocationStatus;

  @Field({ description: 'When the stock was reserved.' })
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
