import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { OrderStatus as OrderStatusT, Region as RegionT } from '@fulfilment/domain';
import { OrderStatus, Region, SalesChannel } from '../../common/enums';
import { Connection } from '../../common/connection';
import { MutationPayload } from '../../common/user-error';
import { Order } from './order.entity';
import { OrderEvent } from './order-event.entity';

@ObjectType({ description: 'A page of orders, in the order asked for (newest first by default).' })
export class OrderConnection extends Connection(Order) {}

export enum OrderOrder {
  NEWEST_FIRST = 'NEWEST_FIRST',
  OLDEST_FIRST = 'OLDEST_FIRST',
}
registerEnumType(OrderOrder, {
  name: 'OrderOrder',
  description: 'How a list of orders is ordered (by when they were placed, then id; cursors follow it).',
  valuesConfig: {
    NEWEST_FIRST: { description: 'Newest placed first (the orders table).' },
    OLDEST_FIRST: { description: 'Oldest placed first (work queues such as review).' },
  },
});

@ObjectType({ description: 'A page of order events, in the order they were written.' })
export class OrderEventConnection extends Connection(OrderEvent) {}

@InputType({ description: 'All given conditions must hold. A list matches any of its values.' })
export class OrderFilter {
  @Field(() => [OrderStatus], { nullable: true, description: 'Orders in any of these statuses.' })
  status?: OrderStatusT[];

  @Field(() => [SalesChannel], { nullable: true, description: 'Orders from any of these channels.' })
  channel?: SalesChannel[];

  @Field(() => [Region], { nullable: true, description: 'Delivery region.' })
  region?: RegionT[];

  @Field(() => ID, { nullable: true, description: 'Global id of a customer: only their orders.' })
  customerId?: string;

  @Field({ nullable: true, description: 'Orders with stock allocated in this warehouse.' })
  warehouseCode?: string;

  @Field({ nullable: true, description: 'Created at or after.' })
  createdAfter?: Date;

  @Field({ nullable: true, description: 'Created before.' })
  createdBefore?: Date;

  @Field({ nullable: true, description: '3 to 64 characters of the order number, e.g. "000123".' })
  search?: string;
}

@ObjectType({ description: 'The order after the mutation, or userErrors saying why nothing changed.' })
export class OrderPayload extends MutationPayload {
  @Field(() => Order, { nullable: true, description: 'The order after the change; null when userErrors is not empty.' })
  order: Order | null;
}

@ObjectType({ description: 'Counts of orders by status, for the overview.' })
export class OrderStatusCount {
  @Field(() => OrderStatus, { description: 'The status.' })
  status: OrderStatusT;

  @Field(() => Int, { description: 'Orders now in it.' })
  count: number;
}
