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
  @Field({ description: 'Who receives the delivery. Masked (surname only) without CUSTOMER_PII_READ.' })
  @Column()
  contactName: string;

  @Field({ description: "The contact's phone. Masked (138****5678) without CUSTOMER_PII_READ." })
  @Column()
  phone: string;

  @Field({ description: 'Street, building and number. Reduced to city and district without CUSTOMER_PII_READ.' })
  @Column()
  address: string;

  @Field({ description: 'City, e.g. 上海.' })
  @Column()
  city: string;

  @Field(() => Region, { description: 'Service region; decides which warehouses or stations may serve the order.' })
  @Column({ type: 'text' })
  region: RegionT;
}

@Entity({ name: 'orders' })
@ObjectType({ implements: Node, description: 'A customer order, from intake to delivery.' })
export class Order implements Node {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID, { name: 'id', description: 'Global id (opaque); node(id:) fetches it.' })
  get nodeId(): string {
    return toGlobalId('Order', this.id);
  }

  @Field({ description: 'Order number shown to people, e.g. SO20261122-000123.' })
  @Column()
  number: string;

  @Field(() => SalesChannel, { description: 'Where the order came from.' })
  @Column({ type: 'text' })
  channel: SalesChannel;

  @Column('uuid')
  customerId: string;

  @Field(() => DeliveryAddress, {
    description:
      'Where and to whom it is delivered; contact name, phone and street are masked without CUSTOMER_PII_READ.',
  })
  @Column(() => DeliveryAddress, { prefix: 'delivery' })
  delivery: DeliveryAddress;

  @Field(() => PaymentMethod, { description: 'How the customer pays.' })
  @Column({ type: 'text' })
  paymentMethod: PaymentMethodT;

  @Field(() => PaymentStatus, { description: 'Where the payment stands.' })
  @Column({ type: 'text' })
  paymentStatus: PaymentStatusT;

  @Field(() => OrderPriority, { description: 'How urgent the order is; backorders are served most urgent first.' })
  @Column({ type: 'text' })
  priority: OrderPriority;

  @Field({ description: 'The delivery time promised to the customer.' })
  @Column({ type: 'timestamptz' })
  promisedBy: Date;

  @Field(() => OrderStatus, { description: 'Where the order is in its lifecycle.' })
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

  @Field(() => Money, { description: 'Sum of the line totals.' })
  get subtotal(): Money {
    return Money.ofFen(this.subtotalFen);
  }

  @Field(() => Money, { description: 'Delivery fee charged.' })
  get deliveryFee(): Money {
    return Money.ofFen(this.deliveryFeeFen);
  }

  @Field(() => Money, { description: 'subtotal + deliveryFee: what the customer pays.' })
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

  @Field({ description: 'When the order was placed.' })
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Field({ description: 'When the order last changed.' })
  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
