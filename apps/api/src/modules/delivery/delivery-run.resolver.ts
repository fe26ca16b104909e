import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { Context } from '../../app/context';
import { localId, toGlobalId } from '../../common/global-id';
import { PageArgs } from '../../common/page-args';
import { actorShown } from '../access/pii';
import { Requires } from '../access/requires';
import { Warehouse } from '../warehouse/warehouse.entity';
import { Courier } from './courier.entity';
import { depotOf } from './courier-candidates';
import { DeliveryRunEvent } from './delivery-event.entity';
import { Delivery, DeliveryRun } from './delivery.entity';
import { DeliveryRunEventMessage } from './delivery.events';
import {
  AssignDeliveryRunInput,
  DeliveryRunFilter,
  MoveDeliveryStopInput,
  PlanDeliveriesInput,
  StartDeliveryRunInput,
} from './delivery.inputs';
import {
  CourierOption,
  CourierPoints,
  DeliveryRunConnection,
  DeliveryRunPayload,
  GeoPoint,
  PlanDeliveriesPayload,
  UnplannedDelivery,
} from './delivery.types';

@Resolver(() => DeliveryRun)
export class DeliveryRunResolver {
  @Requires('DELIVERY_READ')
  @Query(() => DeliveryRunConnection, { description: 'Delivery runs, newest first.' })
  deliveryRuns(
    @Args() page: PageArgs,
    @Arg('filter', () => DeliveryRunFilter, { nullable: true, description: 'Conditions to meet.' })
    filter: DeliveryRunFilter | undefined,
    @Ctx() ctx: Context,
  ) {
    return ctx.reads.deliveryQueries.runs(filter ?? {}, page);
  }

  @Requires('DELIVERY_READ')
  @Query(() => DeliveryRun, { nullable: true, description: 'One run by id; null when there is none.' })
  deliveryRun(@Arg('id', () => ID, { description: 'Global id of the run.' }) id: string, @Ctx() ctx: Context) {
    const uuid = localId(id, 'DeliveryRun');
    return uuid ? ctx.loaders.deliveryRun.load(uuid) : null;
  }

  @Requires('DISPATCH')
  @Mutation(() => PlanDeliveriesPayload, {
    description:
      'Plans unassigned deliveries (outside blocked areas): batched by zone into runs (one stop per address; urgent and key-account orders first; windows, capacity and 5 minutes per door honoured), each run assigned to the best-ranked courier with the ranking stored, stops ordered with ETAs.',
  })
  async planDeliveries(
    @Arg('input', { description: 'Which deliveries to plan.' }) input: PlanDeliveriesInput,
    @Ctx() ctx: Context,
  ) {
    const r = await ctx.services.deliveryPlanning.plan(input, ctx.actor);
    return Object.assign(new PlanDeliveriesPayload(), {
      userErrors: r.userErrors,
      runs: r.runs ?? null,
      unplanned: r.unplanned?.map((u) => Object.assign(new UnplannedDelivery(), u)) ?? null,
    });
  }

  @Requires('DISPATCH')
  @Mutation(() => DeliveryRunPayload, {
    description:
      'A dispatcher assigns a planned run to a courier (overriding planning’s choice, with a reason kept and audited). The courier must be eligible (zone, shift, capacity); if the run’s courier changed since the dispatcher looked, STALE_ASSIGNMENT.',
  })
  async assignDeliveryRun(
    @Arg('input', { description: 'The run, the courier and why.' }) input: AssignDeliveryRunInput,
    @Ctx() ctx: Context,
  ) {
    return Object.assign(new DeliveryRunPayload(), await ctx.services.deliveryPlanning.assign(input, ctx.actor));
  }

  @Requires('DISPATCH')
  @Mutation(() => DeliveryRunPayload, {
    description:
      'Puts a delivery at a stop number of a planned run of its zone, locked there (with the stops before it) unless locked is false; the other stops are re-ordered around it. Audited.',
  })
  async moveDeliveryStop(
    @Arg('input', { description: 'The delivery, run and stop number.' }) input: MoveDeliveryStopInput,
    @Ctx() ctx: Context,
  ) {
    return Object.assign(new DeliveryRunPayload(), await ctx.services.deliveryPlanning.moveStop(input, ctx.actor));
  }

  @Requires('COURIER_WORK')
  @Mutation(() => DeliveryRunPayload, {
    description:
      'The courier leaves the warehouse with its run: its stops go OUT_FOR_DELIVERY (their orders too, customers told), ETAs from the courier’s position. Its own courier or a dispatcher.',
  })
  async startDeliveryRun(@Arg('input', { description: 'The run.' }) input: StartDeliveryRunInput, @Ctx() ctx: Context) {
    return Object.assign(new DeliveryRunPayload(), await ctx.services.deliveries.start(input, ctx.actor));
  }

  @Requires('DELIVERY_READ')
  @Subscription(() => DeliveryRunEvent, {
    topics: 'DELIVERY_RUN_EVENT',
    description:
      'Every run event after it is committed: created, assigned (and overridden), re-sequenced, started, completed.',
  })
  deliveryRunChanged(@Root() message: DeliveryRunEventMessage): DeliveryRunEvent {
    return Object.assign(new DeliveryRunEvent(), message, { createdAt: new Date(message.createdAt) });
  }

  @FieldResolver(() => Courier, { nullable: true, description: 'Its courier; null until one is assigned.' })
  courier(@Root() r: DeliveryRun, @Ctx() ctx: Context) {
    return r.courierId ? ctx.loaders.courier.load(r.courierId) : null;
  }

  @FieldResolver(() => Warehouse, { description: 'The warehouse whose goods it carries.' })
  warehouse(@Root() r: DeliveryRun, @Ctx() ctx: Context) {
    return ctx.loaders.warehouse.load(r.warehouseId);
  }

  @FieldResolver(() => GeoPoint, {
    nullable: true,
    description: 'Where it starts and ends: its city’s delivery station.',
  })
  async depot(@Root() r: DeliveryRun, @Ctx() ctx: Context): Promise<GeoPoint | null> {
    const [first] = await ctx.loaders.runStops.load(r.id);
    return first ? depotOf(first.city) : null;
  }

  @FieldResolver(() => [Delivery], {
    description: 'Its stops in visit order (deliveries to one address share a stop number).',
  })
  stops(@Root() r: DeliveryRun, @Ctx() ctx: Context) {
    return ctx.loaders.runStops.load(r.id);
  }

  @FieldResolver(() => [CourierOption], {
    description:
      'Every courier ranked when it was last assigned, with points and reasons: explains planning’s choice and overrides.',
  })
  async courierChoice(@Root() r: DeliveryRun, @Ctx() ctx: Context): Promise<CourierOption[]> {
    const couriers = await ctx.loaders.courier.loadMany(r.courierChoice.map((o) => o.courierId));
    return r.courierChoice.flatMap((o, i) => {
      const courier = couriers[i];
      if (!(courier instanceof Courier)) return [];
      return [
        Object.assign(new CourierOption(), {
          courier,
          eligible: o.eligible,
          excludedBecause: o.excludedBecause,
          rank: o.rank,
          kmToFirstStop: o.kmToFirstStop,
          points: Object.assign(new CourierPoints(), o.points),
        }),
      ];
    });
  }

  @FieldResolver(() => String, { nullable: true, description: 'Who assigned the courier: "planning" or a dispatcher.' })
  assignedBy(@Root() r: DeliveryRun, @Ctx() ctx: Context) {
    return r.assignedBy ? actorShown(ctx, r.assignedBy) : null;
  }

  @FieldResolver(() => [DeliveryRunEvent], { description: 'Its history, oldest first.' })
  events(@Root() r: DeliveryRun, @Ctx() ctx: Context) {
    return ctx.loaders.deliveryRunEvents.load(r.id);
  }
}

@Resolver(() => DeliveryRunEvent)
export class DeliveryRunEventResolver {
  @FieldResolver(() => ID, { description: 'Global id of the run.' })
  deliveryRunId(@Root() e: DeliveryRunEvent) {
    return toGlobalId('DeliveryRun', e.deliveryRunId);
  }

  @FieldResolver(() => String, {
    description: 'Who: a staff member by name, "key:<name>" for an API key, or "system".',
  })
  actor(@Root() e: DeliveryRunEvent, @Ctx() ctx: Context) {
    return actorShown(ctx, e.actor);
  }
}
