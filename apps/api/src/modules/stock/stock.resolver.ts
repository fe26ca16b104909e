import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { Context } from '../../app/context';
import { Requires } from '../access/requires';
import { StockAlertMessage } from './stock.events';
import { PageArgs } from '../../common/page-args';
import { Product } from '../product/product.entity';
import { Warehouse } from '../warehouse/warehouse.entity';
import { StockLevel } from './stock-level.entity';
import { StockMovement } from './stock-movement.entity';
import { actorShown, personalText } from '../access/pii';
import { AdjustStockInput, SetBinLocationInput, StockLevelFilter } from './stock.inputs';
import {
  AdjustStockPayload,
  StockLevelPayload,
  StockAlert,
  StockLevelConnection,
  StockMovementConnection,
} from './stock.types';

@Resolver(() => StockLevel)
export class StockResolver {
  @Requires('STOCK_READ')
  @Query(() => StockLevelConnection, { description: 'Stock per product and warehouse, by SKU then warehouse code.' })
  stockLevels(
    @Args() page: PageArgs,
    @Arg('filter', () => StockLevelFilter, {
      nullable: true,
      description: 'Conditions the levels must meet; none: every level.',
    })
    filter: StockLevelFilter | undefined,
    @Ctx() ctx: Context,
  ) {
    return ctx.reads.stock.listLevels(filter ?? {}, page);
  }

  @Requires('STOCK_ADJUST')
  @Mutation(() => AdjustStockPayload, {
    description: 'Books a receipt, count, damage, return or correction against one stock level.',
  })
  async adjustStock(
    @Arg('input', { description: 'The stock level and the change.' }) input: AdjustStockInput,
    @Ctx() ctx: Context,
  ) {
    return Object.assign(new AdjustStockPayload(), await ctx.services.stock.adjustStock(input, ctx.actor));
  }

  @Requires('STOCK_ADJUST')
  @Mutation(() => StockLevelPayload, {
    description: 'Sets or clears the bin a stock level sits in (e.g. A-03-2); pick lists walk the aisles by it.',
  })
  async setBinLocation(
    @Arg('input', { description: 'The stock level and its bin.' }) input: SetBinLocationInput,
    @Ctx() ctx: Context,
  ) {
    return Object.assign(new StockLevelPayload(), await ctx.services.stock.setBinLocation(input, ctx.actor));
  }

  @Requires('STOCK_READ')
  @Subscription(() => StockAlert, {
    topics: 'STOCK_ALERT',
    description: 'A stock level crossed its low or high threshold.',
  })
  stockAlert(@Root() message: StockAlertMessage): StockAlert {
    return Object.assign(new StockAlert(), message, { createdAt: new Date(message.createdAt) });
  }

  @FieldResolver(() => Product, { description: 'The product stocked.' })
  product(@Root() level: StockLevel, @Ctx() ctx: Context) {
    return ctx.loaders.product.load(level.productId);
  }

  @FieldResolver(() => Warehouse, { description: 'The warehouse or station holding it.' })
  warehouse(@Root() level: StockLevel, @Ctx() ctx: Context) {
    return ctx.loaders.warehouse.load(level.warehouseId);
  }

  // A stock:write key reads back the level it adjusted, not its ledger.
  @Requires('STOCK_READ')
  @FieldResolver(() => StockMovementConnection, { description: 'The ledger of this level, newest first.' })
  movements(@Root() level: StockLevel, @Args() page: PageArgs, @Ctx() ctx: Context) {
    return ctx.services.stock.listMovements(level.id, page);
  }
}

@Resolver(() => StockAlert)
export class StockAlertResolver {
  @FieldResolver(() => StockLevel, { description: 'The stock level now.' })
  stockLevel(@Root() alert: StockAlert, @Ctx() ctx: Context) {
    return ctx.loaders.stockLevel.load(alert.stockLevelId);
  }
}

@Resolver(() => StockMovement)
export class StockMovementResolver {
  @FieldResolver(() => String, {
    nullable: true,
    description: 'What staff wrote with the change; contact details in it are masked without CUSTOMER_PII_READ.',
  })
  note(@Root() m: StockMovement, @Ctx() ctx: Context) {
    return personalText(ctx, `StockMovement:${m.id}`, m.note);
  }

  @FieldResolver(() => String, {
    description: 'Who: a staff member by name, "key:<name>" for an API key, or "system".',
  })
  actor(@Root() m: StockMovement, @Ctx() ctx: Context) {
    return actorShown(ctx, m.actor);
  }
}
