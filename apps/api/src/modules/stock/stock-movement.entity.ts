import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { MovementReason as MovementReasonT } from '@fulfilment/domain';
import { MovementReason } from '../../common/enums';
import { toGlobalId } from '../../common/global-id';
import { Node } from '../node/node.interface';

@Entity()
@ObjectType({ implements: Node, description: 'One entry of the stock ledger: every change of a stock level.' })
export class StockMovement implements Node {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Field(() => ID, { name: 'id', description: 'Global id (opaque); node(id:) fetches it.' })
  get nodeId(): string {
    return toGlobalId('StockMovement', this.id);
  }

  @Column('uuid')
  stockLevelId: string;

  @Column('uuid')
  productId: string;

  @Column('uuid')
  warehouseId: string;

  @Field(() => MovementReason, { description: 'Why the stock changed.' })
  @Column({ type: 'text' })
  reason: MovementReasonT;

  @Field(() => Int, { description: 'Change of on-hand units (negative for shipments, damage, count shortfalls).' })
  @Column('integer')
  onHandDelta: number;

  @Field(() => Int, {
    description: 'Change of reserved units (positive for reservations, negative for releases and shipments).',
  })
  @Column('integer')
  reservedDelta: number;

  @Field(() => Int, { description: 'On-hand units after the change.' })
  @Column('integer')
  onHandAfter: number;

  @Field(() => Int, { description: 'Reserved units after the change.' })
  @Column('integer')
  reservedAfter: number;

  @Field(() => String, { nullable: true, description: 'What caused it: an order number, a count, a receipt.' })
  @Column({ type: 'text', nullable: true })
  reference: string | null;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column()
  actor: string;

  @Field({ description: 'When the change was committed.' })
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
