import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Context } from '../../app/context';
import { localId } from '../../common/global-id';
import { PageArgs } from '../../common/page-args';
import { Requires } from '../access/requires';
import { Product } from '../product/product.entity';
import { StockLevel } from '../stock/stock-level.entity';
import { CreateSupplierInput, SetSupplierOfferInput, SupplierFilter, UpdateSupplierInput } from './purchasing.inputs';
import {
  GoodsReceiptConnection,
  PurchaseOrderConnection,
  SupplierConnection,
  SupplierOfferPayload,
  SupplierPayload,
} from './purchasing.types';
import { Supplier } from './supplier.entity';
import { SupplierOffer } from './supplier-offer.entity';
import { SupplierScorecard } from './supplier-scorecard.entity';

@Resolver(() => Supplier)
export class SupplierResolver {
  @Requires('PURCHASING_READ')
  @Query(() => SupplierConnection, { description: 'The supplier list, by code.' })
  suppliers(
    @Args() page: PageArgs,
    @Arg('filter', () => SupplierFilter, { nullable: true, description: 'Conditions the suppliers must meet.' })
    filter: SupplierFilter | undefined,
    @Ctx() ctx: Context,
  ) {
    return ctx.reads.purchasingQueries.suppliers(filter ?? {}, page);
  }

  @Requires('PURCHASING_READ')
  @Query(() => Supplier, { nullable: true, description: 'One supplier by id; null when there is none.' })
  supplier(@Arg('id', () => ID, { description: 'Global id of the supplier.' }) id: string, @Ctx() ctx: Context) {
    const uuid = localId(id, 'Supplier');
    return uuid ? ctx.loaders.supplier.load(uuid) : null;
  }

  @Requires('SUPPLIER_MANAGE')
  @Mutation(() => SupplierPayload, { description: 'Adds a supplier to the list (on probation unless told otherwise).' })
  async createSupplier(
    @Arg('input', { description: 'The new supplier.' }) input: CreateSupplierInput,
    @Ctx() ctx: Context,
  ) {
    return Object.assign(new SupplierPayload(), await ctx.services.suppliers.createSupplier(input, ctx.actor));
  }

  @Requires('SUPPLIER_MANAGE')
  @Mutation(() => SupplierPayload, {
    description: "Changes a supplier's details or status (suspending needs a reason).",
  })
  async updateSupplier(
    @Arg('input', { description: 'What to change.' }) input: UpdateSupplierInput,
    @Ctx() ctx: Context,
  ) {
    return Object.assign(new SupplierPayload(), await ctx.services.suppliers.updateSupplier(input, ctx.actor));
  }

  @Requires('SUPPLIER_MANAGE')
  @Mutation(() => SupplierOfferPayload, { description: "Sets (or replaces) a supplier's offer for one product." })
  async setSupplierOffer(
    @Arg('input', { description: 'The offer.' }) input: SetSupplierOfferInput,
    @Ctx() ctx: Context,
  ) {
    return Object.assign(new SupplierOfferPayload(), await ctx.services.suppliers.setOffer(input, ctx.actor));
  }

  @FieldResolver(() => [SupplierOffer], { description: 'Its offers, active and withdrawn.' })
  offers(@Root() s: Supplier, @Ctx() ctx: Context) {
    return ctx.loaders.offersOfSupplier.load(s.id);
  }

  @FieldResolver(() => [SupplierScorecard], { description: 'Its monthly scorecards, newest first.' })
  async scorecards(
    @Root() s: Supplier,
    @Arg('last', () => Int, { nullable: true, description: 'How many months, newest first (default 12, at most 36).' })
    last: number | undefined,
    @Ctx() ctx: Context,
  ) {
    const n = Math.min(Math.max(last ?? 12, 1), 36);
    return (await ctx.loaders.scorecardsOfSupplier.load(s.id)).slice(0, n);
  }

  @FieldResolver(() => PurchaseOrderConnection, { description: 'Its purchase orders, newest first.' })
  purchaseOrders(@Root() s: Supplier, @Args() page: PageArgs, @Ctx() ctx: Context) {
    return ctx.services.purchasingQueries.purchaseOrders({ supplierId: s.nodeId }, page);
  }

  @FieldResolver(() => GoodsReceiptConnection, { description: 'Its receipts with rejected goods, newest first.' })
  rejections(@Root() s: Supplier, @Args() page: PageArgs, @Ctx() ctx: Context) {
    return ctx.services.purchasingQueries.rejectionsOf(s.id, page);
  }
}

@Resolver(() => SupplierOffer)
export class SupplierOfferResolver {
  @FieldResolver(() => Supplier, { description: 'The supplier making the offer.' })
  supplier(@Root() o: SupplierOffer, @Ctx() ctx: Context) {
    return ctx.loaders.supplier.load(o.supplierId);
  }

  @FieldResolver(() => Product, { description: 'The product offered.' })
  product(@Root() o: SupplierOffer, @Ctx() ctx: Context) {
    return ctx.loaders.product.load(o.productId);
  }
}

@Resolver(() => Product)
export class ProductSuppliersResolver {
  @Requires('PURCHASING_READ')
  @FieldResolver(() => [SupplierOffer], { description: 'Active supplier offers for the product, cheapest first.' })
  async suppliers(@Root() p: Product, @Ctx() ctx: Context) {
    return (await ctx.loaders.offersOfProduct.load(p.id)).filter((o) => o.active);
  }
}

@Resolver(() => StockLevel)
export class StockLevelOnOrderResolver {
  @Requires('PURCHASING_READ')
  @FieldResolver(() => Int, { description: 'Units still expected on open purchase orders to this warehouse.' })
  onOrder(@Root() l: StockLevel, @Ctx() ctx: Context) {
    return ctx.loaders.onOrder.load(`${l.productId}/${l.warehouseId}`);
  }
}
