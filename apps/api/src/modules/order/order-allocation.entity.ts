import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { AllocationStatus } from '../../common/enums';

@Entity()
@ObjectType({ description: 'Units of an order line reserved in (and shipped from) one warehouse.' })
export class OrderAllocation {
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

  @Column('uuid')
  warehouseId: string;

  @Column('uuid')
  stockLevelId: string;

  @Field(() => Int)
  @Column('integer')
  quantity: number;

  @Field(() => AllocationStatus)
  @Column({ type: 'text' })
  status: AllocationStatus;

  @Field()
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
