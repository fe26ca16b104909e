import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { Context } from '../../app/context';
import { localId } from '../../common/global-id';
import { PageArgs } from '../../common/page-args';
import { actorShown } from '../access/pii';
import { Requires } from '../access/requires';
import { Product } from '../product/product.entity';
import { Warehouse } from '../warehouse/warehouse.entity';
import { PickListEvent } from './fulfilment-event.entity';
import { PickListEventMessage } from './fulfilment.events';
import {
  CancelPickListInput,
  CreatePickListInput,
  PickListActionInput,
  PickListFilter,
  RecordPickInput,
} from './fulfilment.inputs';
import { ClosePickListPayload, PickListConnection, PickListPayload } from './fulfilment.types';
import { PickList, PickListLine } from './pick-list.entity';
import { Shipment } from './shipment.entity';

@Resolver(() => PickList)
export class PickListResolver {
  @Requires('FULFILMENT_READ')
  @Query(() => PickListConnection, { description: 'Pick lists, newest first.' })
  pickLists(
    @Args() page: PageArgs,
    @Arg('filter', () => PickListFilter, { nullable: true, description: 'Conditions to meet.' })
    filter: PickListFilter | undefined,
    @Ctx() ctx: Context,
  ) {
    return ctx.reads.fulfilmentQueries.pickLists(filter ?? {}, page);
  }

  @Requires('FULFILMENT_READ')
  @Query(() => PickList, { nullable: true, description: 'One pick list by id; null when there is none.' })
  pickList(@Arg('id', () => ID, { description: 'Global id of the pick list.' }) id: string, @Ctx() ctx: Context) {
    const uuid = localId(id, 'PickList');
    return uuid ? ctx.loaders.pickList.load(uuid) : null;
  }

  @Requires('WAREHOUSE_WORK')
  @Mutation(() => PickListPayload, {
    description:
      'Creates a pick list in one warehouse: the orders named, or up to maxOrders chosen by the platform (urgent first, then key accounts, then high and normal priority, oldest first). Its lines group units by product and bin in walking order; its orders become PICKING. An order part is on one live list at most.',
  })
  async createPickList(
    @Arg('input', { description: 'Warehouse and which orders.' }) input: CreatePickListInput,
    @Ctx() ctx: Context,
  ) {
    return Object.assign(new PickListPayload(), await ctx.services.pickLists.create(input, ctx.actor));
  }

  @Requires('WAREHOUSE_WORK')
  @Mutation(() => PickListPayload, { description: 'A picker starts walking an OPEN pick list.' })
  async startPickList(@Arg('input', { description: 'The list.' }) input: PickListActionInput, @Ctx() ctx: Context) {
    return Object.assign(new PickListPayload(), await ctx.services.pickLists.start(input, ctx.actor));
  }

  @Requires('WAREHOUSE_WORK')
  @Mutation(() => PickListPayload, {
    description:
      'Records the units picked for one line of a running list; fewer than required needs a shortReason. Recording again replaces the count (only by the same picker).',
  })
  async recordPick(
    @Arg('input', { description: 'The line and the count.' }) input: RecordPickInput,
    @Ctx() ctx: Context,
  ) {
    return Object.assign(new PickListPayload(), await ctx.services.pickLists.recordPick(input, ctx.actor));
  }

  @Requires('WAREHOUSE_WORK')
  @Mutation(() => ClosePickListPayload, {
    description:
      'Completes a list whose every line is recorded. Picked units go to its orders in priority order; an order left short has its missing units written off and reserved in another warehouse, or goes back to BACKORDERED (ON_HOLD when it allows no backorder). Reports what became of every order.',
  })
  async completePickList(@Arg('input', { description: 'The list.' }) input: PickListActionInput, @Ctx() ctx: Context) {
    return Object.assign(new ClosePickListPayload(), await ctx.services.pickLists.complete(input, ctx.actor));
  }

  @Requires('WAREHOUSE_WORK')
  @Mutation(() => ClosePickListPayload, {
    description: 'Cancels an OPEN or IN_PROGRESS list: its orders wait for another list; nothing picked is booked.',
  })
  async cancelPickList(
    @Arg('input', { description: 'The list and why.' }) input: CancelPickListInput,
    @Ctx() ctx: Context,
  ) {
    return Object.assign(new ClosePickListPayload(), await ctx.services.pickLists.cancel(input, ctx.actor));
  }

  @Requires('FULFILMENT_READ')
  @Subscription(() => PickListEvent, {
    topics: 'PICK_LIST_EVENT',
    description:
      'Every pick list event after it is committed: created, started, a pick recorded, completed, cancelled.',
  })
  pickListChanged(@Root() message: PickListEventMessage): PickListEvent {
    return Object.assign(new PickListEvent(), message, { createdAt: new Date(message.createdAt) });
  }

  @FieldResolver(() => Warehouse, { description: 'The warehouse it is picked in.' })
  warehouse(@Root() l: PickList, @Ctx() ctx: Context) {
    return ctx.loaders.warehouse.load(l.warehouseId);
  }

  @FieldResolver(() => [PickListLine], { description: 'Its stops in walking order.' })
  lines(@Root() l: PickList, @Ctx() ctx: Context) {
    return ctx.loaders.pickListLines.load(l.id);
  }

  @FieldResolver(() => [Shipment], { description: 'The order parts on it, by shipment number.' })
  shipments(@Root() l: PickList, @Ctx() ctx: Context) {
    return ctx.loaders.pickListShipments.load(l.id);
  }

  @FieldResolver(() => [PickListEvent], { description: 'Its history, oldest first.' })
  events(@Root() l: PickList, @Ctx() ctx: Context) {
    return ctx.loaders.pickListEvents.load(l.id);
  }

  @FieldResolver(() => String, { description: 'Who created it.' })
  createdBy(@Root() l: PickList, @Ctx() ctx: Context) {
    return actorShown(ctx, l.createdBy);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Who started picking it.' })
  picker(@Root() l: PickList, @Ctx() ctx: Context) {
    return l.picker ? actorShown(ctx, l.picker) : null;
  }
}

@Resolver(() => PickListLine)
export class PickListLineResolver {
  @FieldResolver(() => Product, { description: 'The product to pick.' })
  product(@Root() l: PickListLine, @Ctx() ctx: Context) {
    return ctx.loaders.product.load(l.productId);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Who recorded the pick.' })
  pickedBy(@Root() l: PickListLine, @Ctx() ctx: Context) {
    return l.pickedBy ? actorShown(ctx, l.pickedBy) : null;
  }
}

@Resolver(() => PickListEvent)
export class PickListEventResolver {
  @FieldResolver(() => PickList, { description: 'The pick list.' })
  pickList(@Root() e: PickListEvent, @Ctx() ctx: Context) {
    return ctx.loaders.pickList.load(e.pickListId);
  }

  @FieldResolver(() => String, {
    description: 'Who: a staff member by name, "key:<name>" for an API key, or "system".',
  })
  actor(@Root() e: PickListEvent, @Ctx() ctx: Context) {
    return actorShown(ctx, e.actor);
  }
}
