import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { PageArgs } from '../../common/page-args';
import { MutationResult } from '../../common/mutation';
import { Context } from '../../app/context';
import { Requires } from '../access/requires';
import { localId } from '../../common/global-id';
import { productOfLine, warehouseOfAllocation } from './order.loaders';
import { OrderEventMessage } from './order.events';
import { Customer } from '../customer/customer.entity';
import { Product } from '../product/product.entity';
import { Warehouse } from '../warehouse/warehouse.entity';
import { DeliveryAddress, Order } from './order.entity';
import { actorShown, masks, personalData, personalText } from '../access/pii';
import { OrderAllocation } from './order-allocation.entity';
import { OrderEvent } from './order-event.entity';
import { OrderLine } from './order-line.entity';
import { ApproveOrderInput, CancelOrderInput, HoldOrderInput, PlaceOrderInput, UpdateOrderInput } from './order.inputs';
import { OrderConnection, OrderEventConnection, OrderFilter, OrderOrder, OrderPayload } from './order.types';

const payload = (r: MutationResult<{ order: Order }>) => Object.assign(new OrderPayload(), r);

@Resolver(() => Order)
export class OrderResolver {
  @Requires('ORDER_READ')
  @Query(() => OrderConnection, { description: 'Orders, newest first unless orderBy says otherwise.' })
  orders(
    @Args() page: PageArgs,
    @Arg('filter', () => OrderFilter, {
      nullable: true,
      description: 'Conditions the orders must meet; none: all orders.',
    })
    filter: OrderFilter | undefined,
    @Arg('orderBy', () => OrderOrder, {
      defaultValue: OrderOrder.NEWEST_FIRST,
      description: 'Newest or oldest placed first; keep it the same while paging.',
    })
    orderBy: OrderOrder,
    @Ctx() ctx: Context,
  ) {
    return ctx.reads.orderQueries.list(filter ?? {}, page, orderBy);
  }

  @Requires('ORDER_READ')
  @Query(() => Order, { nullable: true, description: 'An order by its global id; null when there is none.' })
  order(@Arg('id', () => ID, { description: 'Global id of the order.' }) id: string, @Ctx() ctx: Context) {
    const uuid = localId(id, 'Order');
    return uuid ? ctx.loaders.order.load(uuid) : null;
  }

  @Requires('ORDER_READ')
  @Query(() => Order, { nullable: true, description: 'An order by its number; null when there is none.' })
  orderByNumber(
    @Arg('number', { description: 'The full order number, e.g. SO20261122-000123.' }) number: string,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.orderQueries.byNumber(number);
  }

  @Requires('ORDER_READ')
  @Query(() => OrderEventConnection, {
    description:
      'Order events across all orders in commit order; a client re-reads what it missed from its last cursor and never skips one. ' +
      'Events of a transaction still in flight (and of any that commit after it) appear once it ends, normally within milliseconds.',
  })
  orderEvents(@Args() page: PageArgs, @Ctx() ctx: Context) {
    return ctx.services.orderQueries.events(page);
  }

  @Requires('ORDER_CREATE')
  @Mutation(() => OrderPayload, {
    description: 'Places an order: reviews it, reserves and allocates stock, confirms it when every check passes.',
  })
  async placeOrder(@Arg('input', { description: 'The order to place.' }) input: PlaceOrderInput, @Ctx() ctx: Context) {
    return payload(await ctx.services.placement.placeOrder(input, ctx.actor));
  }

  @Requires('ORDER_REVIEW')
  @Mutation(() => OrderPayload, {
    description: 'Approves an order held for review (or releases a hold): it is confirmed and allocated.',
  })
  async approveOrder(
    @Arg('input', { description: 'The order to approve.' }) input: ApproveOrderInput,
    @Ctx() ctx: Context,
  ) {
    return payload(await ctx.services.orders.approveOrder(input.orderId, ctx.actor));
  }

  @Requires('ORDER_REVIEW')
  @Mutation(() => OrderPayload, { description: 'Puts an order on hold (before picking), keeping its reserved stock.' })
  async holdOrder(
    @Arg('input', { description: 'The order to hold, and why.' }) input: HoldOrderInput,
    @Ctx() ctx: Context,
  ) {
    return payload(await ctx.services.orders.holdOrder(input.orderId, input.reason, ctx.actor));
  }

  @Requires('ORDER_CANCEL')
  @Mutation(() => OrderPayload, { description: 'Cancels an order before shipment and releases its reserved stock.' })
  async cancelOrder(
    @Arg('input', { description: 'The order to cancel, and why.' }) input: CancelOrderInput,
    @Ctx() ctx: Context,
  ) {
    return payload(await ctx.services.orders.cancelOrder(input.orderId, input.reason, ctx.actor));
  }

  @Requires('ORDER_EDIT')
  @Mutation(() => OrderPayload, {
    description: 'Changes lines (before picking), delivery address (before shipment) or note.',
  })
  async updateOrder(
    @Arg('input', { description: 'The order and its changes.' }) input: UpdateOrderInput,
    @Ctx() ctx: Context,
  ) {
    return payload(await ctx.services.orders.updateOrder(input, ctx.actor));
  }

  @Requires('ORDER_READ')
  @Subscription(() => OrderEvent, {
    // A subscriber of one order listens to that order's events only (routed by the relay), instead
    // of filtering every event of every order.
    topics: ({ args }) => (args.orderId ? 'ORDER_EVENT_OF_ORDER' : 'ORDER_EVENT'),
    topicId: ({ args }) => (args.orderId ? (localId(args.orderId, 'Order') ?? 'not-an-order') : undefined),
    description:
      'Every event of one order (or of all orders when orderId is omitted), after it is committed, with its per-order sequence number.',
  })
  orderStatusChanged(
    @Root() message: OrderEventMessage,
    @Arg('orderId', () => ID, {
      nullable: true,
      description: 'Global id of the order to follow; omit it to receive the events of every order.',
    })
    _orderId?: string,
  ): OrderEvent {
    return Object.assign(new OrderEvent(), message, { createdAt: new Date(message.createdAt) });
  }

  @FieldResolver(() => DeliveryAddress)
  delivery(@Root() order: Order, @Ctx() ctx: Context): DeliveryAddress {
    const d = order.delivery;
    const owner = `Order:${order.id}`;
    return {
      ...d,
      contactName: personalData(ctx, owner, d.contactName, masks.name)!,
      phone: personalData(ctx, owner, d.phone, masks.phone)!,
      address: personalData(ctx, owner, d.address, masks.address(d.city))!,
    };
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      'Customer note or special requirements; phone numbers and e-mail addresses in it are masked without CUSTOMER_PII_READ.',
  })
  note(@Root() order: Order, @Ctx() ctx: Context) {
    return personalText(ctx, `Order:${order.id}`, order.note);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      'Reason given with the last status change (hold, cancel, review); contact details in it are masked without CUSTOMER_PII_READ.',
  })
  statusReason(@Root() order: Order, @Ctx() ctx: Context) {
    return personalText(ctx, `Order:${order.id}`, order.statusReason);
  }

  // A write-only API key reads back the order it wrote (placeOrder, updateOrder, cancelOrder), not
  // what lies beyond it: the customer and the history need their own read permissions.
  @Requires('CUSTOMER_READ')
  @FieldResolver(() => Customer, { description: 'The customer who placed the order.' })
  customer(@Root() order: Order, @Ctx() ctx: Context) {
    return ctx.loaders.customer.load(order.customerId);
  }

  @FieldResolver(() => [OrderLine], { description: 'The products ordered, by line number.' })
  lines(@Root() order: Order, @Ctx() ctx: Context) {
    return ctx.loaders.orderLines.load(order.id);
  }

  @FieldResolver(() => [OrderAllocation], {
    description: 'Stock reserved for (or shipped from) each warehouse; released ones are kept for history.',
  })
  allocations(@Root() order: Order, @Ctx() ctx: Context) {
    return ctx.loaders.orderAllocations.load(order.id);
  }

  @Requires('ORDER_READ')
  @FieldResolver(() => [OrderEvent], { description: 'The order history, oldest first.' })
  events(@Root() order: Order, @Ctx() ctx: Context) {
    return ctx.loaders.orderEvents.load(order.id);
  }
}

@Resolver(() => OrderLine)
export class OrderLineResolver {
  @FieldResolver(() => Product, { description: 'The catalogue product of the line.' })
  product(@Root() line: OrderLine, @Ctx() ctx: Context) {
    return productOfLine(line) ?? ctx.loaders.product.load(line.productId);
  }
}

@Resolver(() => OrderAllocation)
export class OrderAllocationResolver {
  @FieldResolver(() => Warehouse, { description: 'The warehouse or station holding the stock.' })
  warehouse(@Root() a: OrderAllocation, @Ctx() ctx: Context) {
    return warehouseOfAllocation(a) ?? ctx.loaders.warehouse.load(a.warehouseId);
  }
}

@Resolver(() => OrderEvent)
export class OrderEventResolver {
  @FieldResolver(() => String, {
    nullable: true,
    description:
      'Why, as given by staff or the integrator; contact details in it are masked without CUSTOMER_PII_READ.',
  })
  reason(@Root() e: OrderEvent, @Ctx() ctx: Context) {
    return personalText(ctx, `Order:${e.orderId}`, e.reason);
  }

  @FieldResolver(() => String, {
    description: 'Who: a staff member by name, "key:<name>" for an API key, or "system".',
  })
  actor(@Root() e: OrderEvent, @Ctx() ctx: Context) {
    return actorShown(ctx, e.actor);
  }

  @FieldResolver(() => Order, { description: 'The order the event belongs to.' })
  order(@Root() e: OrderEvent, @Ctx() ctx: Context) {
    return ctx.loaders.order.load(e.orderId);
  }
}
