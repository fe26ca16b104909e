import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { Context } from '../../app/context';
import { localId, toGlobalId } from '../../common/global-id';
import { Money } from '../../common/money.type';
import { MutationResult } from '../../common/mutation';
import { PageArgs } from '../../common/page-args';
import { actorShown } from '../access/pii';
import { Requires } from '../access/requires';
import { Order } from '../order/order.entity';
import { Product } from '../product/product.entity';
import { Warehouse } from '../warehouse/warehouse.entity';
import { GoodsReceipt, GoodsReceiptLine } from './goods-receipt.entity';
import { PurchaseOrder } from './purchase-order.entity';
import { PurchaseOrderContact, PurchaseOrderEvent } from './purchase-order-event.entity';
import { PurchaseOrderLine } from './purchase-order-line.entity';
import { PurchaseRequirement, SupplierCandidateScore } from './purchase-requirement.entity';
import { PurchaseOrderEventMessage } from './purchasing.events';
import {
  CancelPurchaseOrderInput,
  ClosePurchaseOrderInput,
  ConfirmPurchaseOrderInput,
  DismissPurchaseRequirementInput,
  CreatePurchaseOrderInput,
  ExpeditePurchaseOrderInput,
  GeneratePurchaseRequirementsInput,
  PurchaseOrderActionInput,
  PurchaseOrderFilter,
  PurchaseRequirementFilter,
  ReceivePurchaseOrderInput,
} from './purchasing.inputs';
import {
  CreatePurchaseOrderPayload,
  GeneratePurchaseRequirementsPayload,
  PurchaseOrderConnection,
  PurchaseOrderEventConnection,
  PurchaseOrderPayload,
  PurchaseRequirementConnection,
  PurchaseRequirementPayload,
  ReceivePurchaseOrderPayload,
} from './purchasing.types';
import { Supplier } from './supplier.entity';
import { isOverdue, rankSuppliers, shanghaiDay } from '@fulfilment/domain';

const poPayload = (r: MutationResult<{ purchaseOrder: PurchaseOrder }>) => Object.assign(new PurchaseOrderPayload(), r);

@Resolver(() => PurchaseOrder)
export class PurchaseOrderResolver {
  @Requires('PURCHASING_READ')
  @Query(() => PurchaseRequirementConnection, { description: 'Purchase requirements, newest first.' })
  purchaseRequirements(
    @Args() page: PageArgs,
    @Arg('filter', () => PurchaseRequirementFilter, { nullable: true, description: 'Conditions to meet.' })
    filter: PurchaseRequirementFilter | undefined,
    @Ctx() ctx: Context,
  ) {
    return ctx.reads.purchasingQueries.requirements(filter ?? {}, page);
  }

  @Requires('PURCHASING_READ')
  @Query(() => PurchaseOrderConnection, { description: 'Purchase orders, newest first.' })
  purchaseOrders(
    @Args() page: PageArgs,
    @Arg('filter', () => PurchaseOrderFilter, { nullable: true, description: 'Conditions to meet.' })
    filter: PurchaseOrderFilter | undefined,
    @Ctx() ctx: Context,
  ) {
    return ctx.reads.purchasingQueries.purchaseOrders(filter ?? {}, page);
  }

  @Requires('PURCHASING_READ')
  @Query(() => PurchaseOrder, { nullable: true, description: 'One purchase order by id; null when there is none.' })
  purchaseOrder(
    @Arg('id', () => ID, { description: 'Global id of the purchase order.' }) id: string,
    @Ctx() ctx: Context,
  ) {
    const uuid = localId(id, 'PurchaseOrder');
    return uuid ? ctx.loaders.purchaseOrder.load(uuid) : null;
  }

  @Requires('PURCHASE_ORDER_MANAGE')
  @Mutation(() => GeneratePurchaseRequirementsPayload, {
    description:
      'Computes purchase requirements now (the platform also does it every morning at 06:00 Asia/Shanghai). Open requirements are counted, so running it twice orders nothing twice.',
  })
  async generatePurchaseRequirements(
    @Arg('input', () => GeneratePurchaseRequirementsInput, {
      nullable: true,
      description: 'Which warehouse; all by default.',
    })
    input: GeneratePurchaseRequirementsInput | undefined,
    @Ctx() ctx: Context,
  ) {
    const r = await ctx.services.requirements.generate(input ?? new GeneratePurchaseRequirementsInput(), ctx.actor);
    return Object.assign(new GeneratePurchaseRequirementsPayload(), {
      userErrors: r.userErrors,
      requirements: r.result?.requirements ?? null,
      created: r.result?.created ?? null,
      considered: r.result?.considered ?? null,
    });
  }

  @Requires('PURCHASE_ORDER_MANAGE')
  @Mutation(() => CreatePurchaseOrderPayload, {
    description: 'Creates a draft purchase order by hand, or one per supplier and warehouse from open requirements.',
  })
  async createPurchaseOrder(
    @Arg('input', { description: 'Lines by hand, or requirements.' }) input: CreatePurchaseOrderInput,
    @Ctx() ctx: Context,
  ) {
    const r = await ctx.services.purchaseOrders.create(input, ctx.actor);
    return Object.assign(new CreatePurchaseOrderPayload(), r, { purchaseOrder: r.purchaseOrders?.[0] ?? null });
  }

  @Requires('PURCHASE_ORDER_MANAGE')
  @Mutation(() => PurchaseOrderPayload, { description: 'Sends a draft purchase order to the supplier.' })
  async sendPurchaseOrder(
    @Arg('input', { description: 'The order to send.' }) input: PurchaseOrderActionInput,
    @Ctx() ctx: Context,
  ) {
    return poPayload(await ctx.services.purchaseOrders.send(input, ctx.actor));
  }

  @Requires('PURCHASE_ORDER_MANAGE')
  @Mutation(() => PurchaseOrderPayload, {
    description:
      "Records the supplier's confirmation with a promised date per line; promised dates cannot change afterwards.",
  })
  async confirmPurchaseOrder(
    @Arg('input', { description: 'The confirmation.' }) input: ConfirmPurchaseOrderInput,
    @Ctx() ctx: Context,
  ) {
    return poPayload(await ctx.services.purchaseOrders.confirm(input, ctx.actor));
  }

  @Requires('PURCHASE_ORDER_MANAGE')
  @Mutation(() => PurchaseOrderPayload, {
    description: 'Records a contact with the supplier about a late order and, optionally, the new expected date.',
  })
  async expeditePurchaseOrder(
    @Arg('input', { description: 'The contact.' }) input: ExpeditePurchaseOrderInput,
    @Ctx() ctx: Context,
  ) {
    return poPayload(await ctx.services.purchaseOrders.expedite(input, ctx.actor));
  }

  @Requires('PURCHASE_ORDER_MANAGE')
  @Mutation(() => PurchaseOrderPayload, {
    description: 'Cancels a purchase order before any goods arrived; its requirements open again.',
  })
  async cancelPurchaseOrder(
    @Arg('input', { description: 'The order and why.' }) input: CancelPurchaseOrderInput,
    @Ctx() ctx: Context,
  ) {
    return poPayload(await ctx.services.purchaseOrders.cancel(input, ctx.actor));
  }

  @Requires('PURCHASE_ORDER_MANAGE')
  @Mutation(() => PurchaseOrderPayload, {
    description:
      'Closes a received purchase order, or short-closes a partly received one (the rest will not come and stops counting as on order).',
  })
  async closePurchaseOrder(
    @Arg('input', { description: 'The order and why.' }) input: ClosePurchaseOrderInput,
    @Ctx() ctx: Context,
  ) {
    return poPayload(await ctx.services.purchaseOrders.close(input, ctx.actor));
  }

  @Requires('PURCHASE_ORDER_MANAGE')
  @Mutation(() => PurchaseRequirementPayload, {
    description: 'Sets an open purchase requirement aside with a reason, instead of ordering it.',
  })
  async dismissPurchaseRequirement(
    @Arg('input', { description: 'The requirement and why.' }) input: DismissPurchaseRequirementInput,
    @Ctx() ctx: Context,
  ) {
    return Object.assign(new PurchaseRequirementPayload(), await ctx.services.requirements.dismiss(input, ctx.actor));
  }

  @Requires('GOODS_RECEIVE')
  @Mutation(() => ReceivePurchaseOrderPayload, {
    description:
      'Books goods that arrived, line by line after inspection (received = accepted + rejected). Accepted goods become stock and release waiting backorders first, in priority then age order, in the same transaction.',
  })
  async receivePurchaseOrder(
    @Arg('input', { description: 'What arrived.' }) input: ReceivePurchaseOrderInput,
    @Ctx() ctx: Context,
  ) {
    return Object.assign(new ReceivePurchaseOrderPayload(), await ctx.services.receipts.receive(input, ctx.actor));
  }

  @Requires('PURCHASING_READ')
  @Subscription(() => PurchaseOrderEvent, {
    topics: 'PURCHASE_ORDER_EVENT',
    description:
      'Every purchase order event after it is committed: created, sent, confirmed, received, expedited, overdue.',
  })
  purchaseOrderChanged(@Root() message: PurchaseOrderEventMessage): PurchaseOrderEvent {
    return Object.assign(new PurchaseOrderEvent(), message, { createdAt: new Date(message.createdAt) });
  }

  @FieldResolver(() => Supplier, { description: 'The supplier.' })
  supplier(@Root() po: PurchaseOrder, @Ctx() ctx: Context) {
    return ctx.loaders.supplier.load(po.supplierId);
  }

  @FieldResolver(() => Warehouse, { description: 'The warehouse receiving the goods.' })
  warehouse(@Root() po: PurchaseOrder, @Ctx() ctx: Context) {
    return ctx.loaders.warehouse.load(po.warehouseId);
  }

  @FieldResolver(() => [PurchaseOrderLine], { description: 'Its lines, by line number.' })
  lines(@Root() po: PurchaseOrder, @Ctx() ctx: Context) {
    return ctx.loaders.purchaseOrderLines.load(po.id);
  }

  @FieldResolver(() => Boolean, { description: 'Past its expected date without full receipt.' })
  overdue(@Root() po: PurchaseOrder): boolean {
    return isOverdue(po.status, po.expectedDate, shanghaiDay());
  }

  @FieldResolver(() => [GoodsReceipt], { description: 'Goods received against it, oldest first.' })
  receipts(@Root() po: PurchaseOrder, @Ctx() ctx: Context) {
    return ctx.loaders.receiptsOfPurchaseOrder.load(po.id);
  }

  @FieldResolver(() => [PurchaseOrderContact], { description: 'Contacts with the supplier about it, newest first.' })
  contacts(@Root() po: PurchaseOrder, @Ctx() ctx: Context) {
    return ctx.services.purchasingQueries.contacts(po.id);
  }

  @FieldResolver(() => PurchaseOrderEventConnection, { description: 'Its history, oldest first.' })
  events(@Root() po: PurchaseOrder, @Args() page: PageArgs, @Ctx() ctx: Context) {
    return ctx.services.purchasingQueries.events(po.id, page);
  }

  @FieldResolver(() => String, { description: 'Who created it.' })
  createdBy(@Root() po: PurchaseOrder, @Ctx() ctx: Context) {
    return actorShown(ctx, po.createdBy);
  }
}

@Resolver(() => PurchaseOrderLine)
export class PurchaseOrderLineResolver {
  @FieldResolver(() => Product, { description: 'The product ordered.' })
  product(@Root() l: PurchaseOrderLine, @Ctx() ctx: Context) {
    return ctx.loaders.product.load(l.productId);
  }
}

@Resolver(() => PurchaseOrderEvent)
export class PurchaseOrderEventResolver {
  @FieldResolver(() => PurchaseOrder, { description: 'The purchase order.' })
  purchaseOrder(@Root() e: PurchaseOrderEvent, @Ctx() ctx: Context) {
    return ctx.loaders.purchaseOrder.load(e.purchaseOrderId);
  }
}

@Resolver(() => GoodsReceipt)
export class GoodsReceiptResolver {
  @FieldResolver(() => [GoodsReceiptLine], { description: 'The inspected lines.' })
  lines(@Root() g: GoodsReceipt, @Ctx() ctx: Context) {
    return ctx.loaders.receiptLines.load(g.id);
  }

  @FieldResolver(() => PurchaseOrder, { description: 'The purchase order received against.' })
  purchaseOrder(@Root() g: GoodsReceipt, @Ctx() ctx: Context) {
    return ctx.loaders.purchaseOrder.load(g.purchaseOrderId);
  }

  @Requires('ORDER_READ')
  @FieldResolver(() => [Order], { description: 'Backorders this receipt allocated, in the order they were released.' })
  async releasedOrders(@Root() g: GoodsReceipt, @Ctx() ctx: Context) {
    const ids = await ctx.loaders.releasedByReceipt.load(g.id);
    return (await ctx.loaders.order.loadMany(ids)).filter((o): o is Order => o instanceof Order);
  }
}

@Resolver(() => GoodsReceiptLine)
export class GoodsReceiptLineResolver {
  @FieldResolver(() => Product, { description: 'The product received.' })
  product(@Root() l: GoodsReceiptLine, @Ctx() ctx: Context) {
    return ctx.loaders.product.load(l.productId);
  }
}

@Resolver(() => PurchaseRequirement)
export class PurchaseRequirementResolver {
  @FieldResolver(() => Product, { description: 'The product to buy.' })
  product(@Root() r: PurchaseRequirement, @Ctx() ctx: Context) {
    return ctx.loaders.product.load(r.productId);
  }

  @FieldResolver(() => Warehouse, { description: 'The warehouse it is for.' })
  warehouse(@Root() r: PurchaseRequirement, @Ctx() ctx: Context) {
    return ctx.loaders.warehouse.load(r.warehouseId);
  }

  @FieldResolver(() => Supplier, {
    nullable: true,
    description: 'The best eligible supplier; null when none offers it.',
  })
  suggestedSupplier(@Root() r: PurchaseRequirement, @Ctx() ctx: Context) {
    return r.suggestedSupplierId ? ctx.loaders.supplier.load(r.suggestedSupplierId) : null;
  }

  @FieldResolver(() => [SupplierCandidateScore], {
    description: 'Every supplier considered, eligible ones first by total points, with why the others were left out.',
  })
  async candidates(@Root() r: PurchaseRequirement, @Ctx() ctx: Context): Promise<SupplierCandidateScore[]> {
    // Recomputed from what the run saw (the suppliers' standing then, this requirement's offers): the same
    // ranking that chose the suggested supplier.
    const [run, warehouse] = await Promise.all([
      ctx.loaders.requirementRun.load(r.runId),
      ctx.loaders.warehouse.load(r.warehouseId),
    ]);
    const suppliers = new Map((run?.suppliers ?? []).map((s) => [s.id, s]));
    const offers = r.candidateOffers.flatMap(([supplierId, unitPriceFen, leadTimeDays, minOrderQty, packMultiple]) => {
      const s = suppliers.get(supplierId);
      if (!s) return [];
      return [
        {
          supplierId,
          supplierCode: s.code,
          status: s.status,
          standing: s.standing,
          score: s.score,
          unitPriceFen,
          leadTimeDays,
          deliversToRegion: warehouse ? s.regions.includes(warehouse.region) : false,
          minOrderQty,
          packMultiple,
        },
      ];
    });
    return rankSuppliers(offers).map((c) => ({
      ...c,
      supplierId: toGlobalId('Supplier', c.supplierId),
      unitPrice: Money.ofFen(c.unitPriceFen),
    }));
  }

  @FieldResolver(() => PurchaseOrder, { nullable: true, description: 'The purchase order it was turned into.' })
  purchaseOrder(@Root() r: PurchaseRequirement, @Ctx() ctx: Context) {
    return r.purchaseOrderId ? ctx.loaders.purchaseOrder.load(r.purchaseOrderId) : null;
  }
}
