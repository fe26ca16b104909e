import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import type {
  HoldReason as HoldReasonT,
  OrderStatus as OrderStatusT,
  PaymentMethod as PaymentMethodT,
  PaymentStatus as PaymentStatusT,
  Region as RegionT,
} from '@fulfilment/domain';
import {
  HoldReason,
  OrderPriority,
  OrderStatus,
  PaymentMethod,
  PaymentStatus,
  Region,
  SalesChannel,
} from '../../common/enums';
import { toGlobalId } from '../../common/global-id';
import { Money } from '../../common/money.type';
import { Node } from '../node/node.interface';

@ObjectType({ description: 'Where and to whom an order is delivered.' })
export class DeliveryAddress {
  @Field()
  @Column()
  contactName: string;

  @Field()
  @Column()
  phone: string;

  @Field({ description: 'Street, building and number.' })
  @Column()
  address: string;

  @Field()
  @Column()
  city: string;

  @Field(() => Region)
  @Column({ type: 'text' })
  region: RegionT;
}

@Entity({ name: 'orders' })
@ObjectType({ implements: Node, description: 'A customer order, from intake to delivery.' })
export class Order implements Node {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID, { name: 'id' })
  get nodeId(): string {
    return toGlobalId('Order', this.id);
  }

  @Field({ description: 'Order number shown to people, e.g. SO20261122-000123.' })
  @Column()
  number: string;

  @Field(() => SalesChannel)
  @Column({ type: 'text' })
  channel: SalesChannel;

  @Column('uuid')
  customerId: string;

  @Field(() => DeliveryAddress)
  @Column(() => DeliveryAddress, { prefix: 'delivery' })
  delivery: DeliveryAddress;

  @Field(() => PaymentMethod)
  @Column({ type: 'text' })
  paymentMethod: PaymentMethodT;

  @Field(() => PaymentStatus)
  @Column({ type: 'text' })
  paymentStatus: PaymentStatusT;

  @Field(() => OrderPriority)
  @Column({ type: 'text' })
  priority: OrderPriority;

  @Field({ description: 'The delivery time promised to the customer.' })
  @Column({ type: 'timestamptz' })
  promisedBy: Date;

  @Field(() => OrderStatus)
  @Column({ type: 'text' })
  status: OrderStatusT;

  @Field(() => [HoldReason], { description: 'Why review held the order; empty when it passed.' })
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  holdReasons: HoldReasonT[];

  @Column({ type: 'text', nullable: true })
  statusReason: string | null;

  @Field({ description: 'When stock is short, keep the order as a backorder instead of rejecting it.' })
  @Column()
  allowBackorder: boolean;

  @Column('integer')
  subtotalFen: number;

  @Column('integer')
  deliveryFeeFen: number;

  @Column('integer')
  totalFen: number;

  @Field(() => Money)
  get subtotal(): Money {
    return Money.ofFen(this.subtotalFen);
  }

  @Field(() => Money)
  get deliveryFee(): Money {
    return Money.ofFen(this.deliveryFeeFen);
  }

  @Field(() => Money)
  get total(): Money {
    return Money.ofFen(this.totalFen);
  }

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ type: 'text', nullable: true })
  idempotencyKey: string | null;

  /** Who placed the order (staff user or API key id): its idempotency key is unique per placer. */
  @Column({ type: 'uuid', nullable: true })
  placedById: string | null;

  @Column({ type: 'text', nullable: true })
  requestHash: string | null;

  @Field(() => Int, { description: 'Sequence number of the latest event; events are numbered 1, 2, 3… per order.' })
  @Column('integer')
  lastEventSequence: number;

  @Field()
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Field()
  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
