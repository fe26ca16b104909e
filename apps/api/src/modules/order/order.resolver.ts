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
import { OrderConnection, OrderEventConnection, OrderFilter, OrderPayload } from './order.types';

const payload = (r: MutationResult<{ order: Order }>) => Object.assign(new OrderPayload(), r);

@Resolver(() => Order)
export class OrderResolver {
  @Requires('ORDER_READ')
  @Query(() => OrderConnection, { description: 'Orders, newest first.' })
  orders(
    @Args() page: PageArgs,
    @Arg('filter', () => OrderFilter, { nullable: true }) filter: OrderFilter | undefined,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.orderQueries.list(filter ?? {}, page);
  }

  @Requires('ORDER_READ')
  @Query(() => Order, { nullable: true })
  order(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    const uuid = localId(id, 'Order');
    return uuid ? ctx.loaders.order.load(uuid) : null;
  }

  @Requires('ORDER_READ')
  @Query(() => Order, { nullable: true })
  orderByNumber(@Arg('number') number: string, @Ctx() ctx: Context) {
    return ctx.services.orderQueries.byNumber(number);
  }

  @Requires('ORDER_READ')
  @Query(() => OrderEventConnection, {
    description:
      'Order events across all orders in the order they were written; a client re-reads what it missed from its last cursor.',
  })
  orderEvents(@Args() page: PageArgs, @Ctx() ctx: Context) {
    return ctx.services.orderQueries.events(page);
  }

  @Requires('ORDER_CREATE')
  @Mutation(() => OrderPayload, {
    description: 'Places an order: reviews it, reserves and allocates stock, confirms it when every check passes.',
  })
  async placeOrder(@Arg('input') input: PlaceOrderInput, @Ctx() ctx: Context) {
    return payload(await ctx.services.placement.placeOrder(input, ctx.actor));
  }

  @Requires('ORDER_REVIEW')
  @Mutation(() => OrderPayload, {
    description: 'Approves an order held for review (or releases a hold): it is confirmed and allocated.',
  })
  async approveOrder(@Arg('input') input: ApproveOrderInput, @Ctx() ctx: Context) {
    return payload(await ctx.services.orders.approveOrder(input.orderId, ctx.actor));
  }

  @Requires('ORDER_REVIEW')
  @Mutation(() => OrderPayload, { description: 'Puts an order on hold (before picking), keeping its reserved stock.' })
  async holdOrder(@Arg('input') input: HoldOrderInput, @Ctx() ctx: Context) {
    return payload(await ctx.services.orders.holdOrder(input.orderId, input.reason, ctx.actor));
  }

  @Requires('ORDER_CANCEL')
  @Mutation(() => OrderPayload, { description: 'Cancels an order before shipment and releases its reserved stock.' })
  async cancelOrder(@Arg('input') input: CancelOrderInput, @Ctx() ctx: Context) {
    return payload(await ctx.services.orders.cancelOrder(input.orderId, input.reason, ctx.actor));
  }

  @Requires('ORDER_EDIT')
  @Mutation(() => OrderPayload, {
    description: 'Changes lines (before picking), delivery address (before shipment) or note.',
  })
  async updateOrder(@Arg('input') input: UpdateOrderInput, @Ctx() ctx: Context) {
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
    @Arg('orderId', () => ID, { nullable: true }) _orderId?: string,
  ): OrderEvent {
    return Object.assign(new OrderEvent(), message, { createdAt: new Date(message.createdAt) });
  }

  @FieldResolver(() => DeliveryAddress, {
    description: 'Contact name, phone and street are masked without CUSTOMER_PII_READ.',
  })
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

  @FieldResolver(() => [OrderLine])
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
  @FieldResolver(() => Product)
  product(@Root() line: OrderLine, @Ctx() ctx: Context) {
    return productOfLine(line) ?? ctx.loaders.product.load(line.productId);
  }
}

@Resolver(() => OrderAllocation)
export class OrderAllocationResolver {
  @FieldResolver(() => Warehouse)
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

  @FieldResolver(() => Order)
  order(@Root() e: OrderEvent, @Ctx() ctx: Context) {
    return ctx.loaders.order.load(e.orderId);
  }
}
