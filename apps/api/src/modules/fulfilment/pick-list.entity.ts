import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { PickListStatus as PickListStatusT, ShortPickReason as ShortPickReasonT } from '@fulfilment/domain';
import { toGlobalId } from '../../common/global-id';
import { Node } from '../node/node.interface';
import { PickListStatus, ShortPickReason } from './fulfilment.enums';

@Entity()
@ObjectType({
  implements: Node,
  description:
    'A batch of allocated orders of one warehouse picked in one walk: lines grouped by product and sorted by bin.',
})
export class PickList implements Node {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID, { name: 'id', description: 'Global id.' })
  get nodeId(): string {
    return toGlobalId('PickList', this.id);
  }

  @Field({ description: 'Number printed on the list, e.g. PL-000123.' })
  @Column()
  number: string;

  @Column('uuid')
  warehouseId: string;

  @Field({ description: 'Code of the warehouse it is picked in.' })
  @Column()
  warehouseCode: string;

  @Field(() => PickListStatus, { description: 'Where the list is in its lifecycle.' })
  @Column({ type: 'text' })
  status: PickListStatusT;

  @Field(() => String, { nullable: true, description: 'The delivery city it was limited to, if any.' })
  @Column({ type: 'text', nullable: true })
  deliveryCity: string | null;

  @Column()
  createdBy: string;

  @Column({ type: 'text', nullable: true })
  picker: string | null;

  @Column({ type: 'text', nullable: true })
  idempotencyKey: string | null;

  @Column('integer')
  lastEventSequence: number;

  @Field({ description: 'When it was created.' })
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Field({ description: 'When it last changed.' })
  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @Field(() => Date, { nullable: true, description: 'When picking started.' })
  @Column({ type: 'timestamptz', nullable: true })
  startedAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it was completed or cancelled.' })
  @Column({ type: 'timestamptz', nullable: true })
  completedAt: Date | null;
}

@Entity()
@ObjectType({ description: 'One stop of a pick list: a product in one bin, with the units all its orders need.' })
export class PickListLine {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID, { name: 'id', description: 'Global id of the line (recordPick takes it).' })
  get nodeId(): string {
    return toGlobalId('PickListLine', this.id);
  }

  @Column('uuid')
  pickListId: string;

  @Field(() => Int, { description: 'Position on the walk, 1 first.' })
  @Column('integer')
  seq: number;

  @Column('uuid')
  productId: string;

  @Field({ description: 'SKU to pick (its barcode is printed on the list).' })
  @Column()
  sku: string;

  @Column('uuid')
  stockLevelId: string;

  @Field(() => String, { nullable: true, description: 'Bin to pick from, e.g. A-03-2; null when none is set.' })
  @Column({ type: 'text', nullable: true })
  binLocation: string | null;

  @Field(() => Int, { description: 'Units required by the orders on the list.' })
  @Column('integer')
  required: number;

  @Field(() => Int, { nullable: true, description: 'Units picked; null until recorded.' })
  @Column({ type: 'integer', nullable: true })
  picked: number | null;

  @Field(() => ShortPickReason, { nullable: true, description: 'Why fewer were picked than required.' })
  @Column({ type: 'text', nullable: true })
  shortReason: ShortPickReasonT | null;

  @Column({ type: 'text', nullable: true })
  pickedBy: string | null;

  @Field(() => Date, { nullable: true, description: 'When the pick was recorded.' })
  @Column({ type: 'timestamptz', nullable: true })
  pickedAt: Date | null;
}
