import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { Context } from '../../app/context';
import { localId } from '../../common/global-id';
import { PageArgs } from '../../common/page-args';
import { Requires } from '../access/requires';
import { Complaint } from '../complaint/complaint.entity';
import { Customer } from '../customer/customer.entity';
import { Order } from '../order/order.entity';
import { Money } from '../../common/money.type';
import { GoodsReceipt } from '../purchasing/goods-receipt.entity';
import { Supplier } from '../purchasing/supplier.entity';
import { Refund, ReturnEvent, ReturnLine, ReturnRequest, StoreCredit } from './return.entity';
import { OrderReturnState } from './return.enums';
import type { ReturnEventMessage } from './return.events';
import { DecideReturnInput, ReceiveReturnInput, RequestReturnInput, ReturnFilter } from './return.inputs';
import { ReturnPayload, ReturnRequestConnection } from './return.types';

@Resolver(() => ReturnRequest)
export class ReturnResolver {
  @Requires('RETURN_READ')
  @Query(() => ReturnRequestConnection, { description: 'Returns, oldest request first.' })
  returnRequests(
    @Args() page: PageArgs,
    @Arg('filter', () => ReturnFilter, { nullable: true, description: 'Conditions to meet.' })
    filter: ReturnFilter | undefined,
    @Ctx() ctx: Context,
  ) {
    return ctx.reads.returnQueries.returnRequests(filter ?? {}, page);
  }

  @Requires('RETURN_READ')
  @Query(() => ReturnRequest, { nullable: true, description: 'One return; null when there is none.' })
  returnRequest(@Arg('id', () => ID, { description: 'Global id of the return.' }) id: string, @Ctx() ctx: Context) {
    const local = localId(id, 'ReturnRequest');
    return local ? ctx.loaders.returnRequest.load(local) : null;
  }

  @Requires('RETURN_READ')
  @Subscription(() => ReturnRequest, {
    topics: 'RETURN_EVENT',
    filter: ({ payload, args }: { payload: ReturnEventMessage; args: { returnId?: string } }) =>
      !args.returnId || payload.returnId === localId(args.returnId, 'ReturnRequest'),
    description:
      'Returns as they change (every event after commit: asked for, decided, received, resolved); of one return with returnId.',
  })
  async returnChanged(
    @Root() m: ReturnEventMessage,
    @Arg('returnId', () => ID, { nullable: true, description: 'Global id of one return.' }) _id: string | undefined,
    @Ctx() ctx: Context,
  ) {
    return ctx.loaders.returnRequest.load(m.returnId);
  }

  @Requires('RETURN_HANDLE')
  @Mutation(() => ReturnPayload, {
    description:
      'Asks for a return of delivered goods, checked against the policy (7 days; fresh food only for quality within 24 hours; never more than delivered less earlier returns): ORDER_NOT_DELIVERED, OUT_OF_POLICY, QUANTITY_EXCEEDS_DELIVERED, UNKNOWN_LINE.',
  })
  async requestReturn(@Arg('input', { description: 'The return.' }) input: RequestReturnInput, @Ctx() ctx: Context) {
    return Object.assign(new ReturnPayload(), await ctx.services.returns.request(input, ctx.actor));
  }

  @Requires('RETURN_HANDLE')
  @Mutation(() => ReturnPayload, { description: 'Approves a return; the customer is told (RETURN_APPROVED).' })
  async approveReturn(@Arg('input', { description: 'The return.' }) input: DecideReturnInput, @Ctx() ctx: Context) {
    return Object.assign(new ReturnPayload(), await ctx.services.returns.approve(input, ctx.actor));
  }

  @Requires('RETURN_HANDLE')
  @Mutation(() => ReturnPayload, {
    description: 'Rejects a return with a reason the customer is told (RETURN_REJECTED).',
  })
  async rejectReturn(
    @Arg('input', { description: 'The return and why.' }) input: DecideReturnInput,
    @Ctx() ctx: Context,
  ) {
    return Object.assign(new ReturnPayload(), await ctx.services.returns.reject(input, ctx.actor));
  }

  @Requires('RETURN_INSPECT')
  @Mutation(() => ReturnPayload, {
    description:
      'The returned goods arrived: each line inspected (restocked with a RETURN movement, damaged, or back to the supplier; quality returns traced to the receipt and supplier), then the received units resolved once as asked: refunded to the original payment method (REFUND_MADE), credited (STORE_CREDIT_GRANTED) or exchanged through a prioritised replacement order (EXCHANGE_PLACED). An order whose every unit came back becomes RETURNED. INSPECTION_MISMATCH, ILLEGAL_TRANSITION; an exchange of goods no longer sold answers PRODUCT_INACTIVE.',
  })
  async receiveReturn(
    @Arg('input', { description: 'The inspection.' }) input: ReceiveReturnInput,
    @Ctx() ctx: Context,
  ) {
    return Object.assign(new ReturnPayload(), await ctx.services.returns.receive(input, ctx.actor));
  }

  @FieldResolver(() => [ReturnLine], { description: 'Its lines, with the inspection.' })
  lines(@Root() r: ReturnRequest, @Ctx() ctx: Context) {
    return ctx.loaders.returnLines.load(r.id);
  }

  @FieldResolver(() => Refund, { nullable: true, description: 'Its refund; null until refunded.' })
  async refund(@Root() r: ReturnRequest, @Ctx() ctx: Context) {
    return (await ctx.loaders.returnRefund.load(r.id))[0] ?? null;
  }

  @FieldResolver(() => StoreCredit, { nullable: true, description: 'The store credit granted; null unless credited.' })
  async storeCredit(@Root() r: ReturnRequest, @Ctx() ctx: Context) {
    return (await ctx.loaders.returnCredit.load(r.id))[0] ?? null;
  }

  @Requires('ORDER_READ')
  @FieldResolver(() => Order, {
    nullable: true,
    description: 'The exchange’s replacement order; null unless exchanged.',
  })
  replacementOrder(@Root() r: ReturnRequest, @Ctx() ctx: Context) {
    return r.replacementOrderId ? ctx.loaders.order.load(r.replacementOrderId) : null;
  }

  @FieldResolver(() => [ReturnEvent], { description: 'Its history, oldest first.' })
  events(@Root() r: ReturnRequest, @Ctx() ctx: Context) {
    return ctx.loaders.returnEvents.load(r.id);
  }

  @FieldResolver(() => Order, { nullable: true, description: 'The order.' })
  order(@Root() r: ReturnRequest, @Ctx() ctx: Context) {
    return ctx.loaders.order.load(r.orderId);
  }

  @FieldResolver(() => Customer, { nullable: true, description: 'The customer.' })
  customer(@Root() r: ReturnRequest, @Ctx() ctx: Context) {
    return ctx.loaders.customer.load(r.customerId);
  }

  @FieldResolver(() => Complaint, { nullable: true, description: 'The complaint it answers; null when none.' })
  complaint(@Root() r: ReturnRequest, @Ctx() ctx: Context) {
    return r.complaintId ? ctx.loaders.complaint.load(r.complaintId) : null;
  }
}

@Resolver(() => Order)
export class OrderReturnsResolver {
  @Requires('RETURN_READ')
  @FieldResolver(() => [ReturnRequest], { description: 'Its returns (partial or full), oldest first.' })
  returns(@Root() o: Order, @Ctx() ctx: Context) {
    return ctx.loaders.returnsOfOrder.load(o.id);
  }

  @Requires('RETURN_READ')
  @FieldResolver(() => OrderReturnState, {
    description: 'How much of it came back: NONE, PARTIAL or FULL (received by the warehouse).',
  })
  returnState(@Root() o: Order, @Ctx() ctx: Context) {
    return ctx.loaders.orderReturnState.load(o.id);
  }
}

@Resolver(() => ReturnLine)
export class ReturnLineTraceResolver {
  @Requires('PURCHASING_READ')
  @FieldResolver(() => GoodsReceipt, {
    nullable: true,
    description:
      'Quality trace-back: the goods receipt the units most likely came from (the last receipt of the product into the shipping warehouse before allocation); null unless a quality return was traced.',
  })
  tracedReceipt(@Root() l: ReturnLine, @Ctx() ctx: Context) {
    return l.goodsReceiptId ? ctx.loaders.goodsReceipt.load(l.goodsReceiptId) : null;
  }

  @Requires('PURCHASING_READ')
  @FieldResolver(() => Supplier, {
    nullable: true,
    description:
      'The supplier the quality return counts against (its scorecard’s after-sales quality); null when untraced.',
  })
  tracedSupplier(@Root() l: ReturnLine, @Ctx() ctx: Context) {
    return l.supplierId ? ctx.loaders.supplier.load(l.supplierId) : null;
  }
}

@Resolver(() => Customer)
export class CustomerCreditResolver {
  @Requires('RETURN_READ')
  @FieldResolver(() => Money, { description: 'Store credit available (granted for returns, less spent).' })
  async storeCreditBalance(@Root() c: Customer, @Ctx() ctx: Context) {
    return Money.ofFen(await ctx.loaders.storeCreditBalance.load(c.id));
  }
}
