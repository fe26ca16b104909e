import { Arg, Args, Ctx, FieldResolver, Float, ID, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { Context } from '../../app/context';
import { localId, toGlobalId } from '../../common/global-id';
import { PageArgs } from '../../common/page-args';
import { Requires } from '../access/requires';
import { Warehouse } from '../warehouse/warehouse.entity';
import { Courier, Vehicle } from './courier.entity';
import { DeliveryRun } from './delivery.entity';
import { CourierMovedMessage } from './delivery.events';
import {
  CourierFilter,
  CreateCourierInput,
  CreateVehicleInput,
  ReportCourierPositionsInput,
  UpdateCourierInput,
} from './delivery.inputs';
import {
  CourierPayload,
  CourierPosition,
  CourierConnection,
  GeoPoint,
  ReportCourierPositionsPayload,
  VehiclePayload,
} from './delivery.types';
import { callerCourierId } from './delivery.resolver';

@Resolver(() => Courier)
export class CourierResolver {
  @Requires('DELIVERY_READ')
  @Query(() => CourierConnection, { description: 'Couriers of the own fleet by code.' })
  couriers(
    @Args() page: PageArgs,
    @Arg('filter', () => CourierFilter, { nullable: true, description: 'Conditions to meet.' })
    filter: CourierFilter | undefined,
    @Ctx() ctx: Context,
  ) {
    return ctx.reads.deliveryQueries.couriers(filter ?? {}, page);
  }

  @Requires('DELIVERY_READ')
  @Query(() => [Vehicle], { description: 'Vehicles of the own fleet by code.' })
  vehicles(@Ctx() ctx: Context) {
    return ctx.services.deliveryQueries.vehicles();
  }

  @Requires('COURIER_WORK')
  @Query(() => Courier, {
    nullable: true,
    description: 'The courier the caller signs in as (the phone page), with its runs; null for other callers.',
  })
  async myCourier(@Ctx() ctx: Context) {
    const id = await callerCourierId(ctx);
    return id ? ctx.loaders.courier.load(id) : null;
  }

  @Requires('COURIER_MANAGE')
  @Mutation(() => VehiclePayload, { description: 'Adds a vehicle to the fleet.' })
  async createVehicle(@Arg('input', { description: 'The vehicle.' }) input: CreateVehicleInput, @Ctx() ctx: Context) {
    return Object.assign(new VehiclePayload(), await ctx.services.couriers.createVehicle(input, ctx.actor));
  }

  @Requires('COURIER_MANAGE')
  @Mutation(() => CourierPayload, {
    description: 'Adds a courier (zones, shift, vehicle, and the user it signs in as).',
  })
  async createCourier(@Arg('input', { description: 'The courier.' }) input: CreateCourierInput, @Ctx() ctx: Context) {
    return Object.assign(new CourierPayload(), await ctx.services.couriers.createCourier(input, ctx.actor));
  }

  @Requires('COURIER_MANAGE')
  @Mutation(() => CourierPayload, {
    description:
      'Changes a courier (fields left out keep their value); state OFF_DUTY or AVAILABLE clocks it off or on.',
  })
  async updateCourier(@Arg('input', { description: 'The changes.' }) input: UpdateCourierInput, @Ctx() ctx: Context) {
    return Object.assign(new CourierPayload(), await ctx.services.couriers.updateCourier(input, ctx.actor));
  }

  @Requires('COURIER_WORK')
  @Mutation(() => ReportCourierPositionsPayload, {
    description:
      'GPS fixes from a courier’s phone, in a batch: stored once per courier and timestamp (a repeat is ignored, out of order is fine), the newest sent live to the map, ETAs of its running run recomputed. A courier reports for itself; a dispatcher may name the courier.',
  })
  async reportCourierPositions(
    @Arg('input', { description: 'The positions.' }) input: ReportCourierPositionsInput,
    @Ctx() ctx: Context,
  ) {
    return Object.assign(
      new ReportCourierPositionsPayload(),
      await ctx.services.courierPositions.report(input, ctx.actor),
    );
  }

  @Requires('DELIVERY_READ')
  @Subscription(() => CourierPosition, {
    topics: ({ args }) => (args.runId ? 'COURIER_MOVED_ON_RUN' : 'COURIER_MOVED'),
    topicId: ({ args }) => (args.runId ? (localId(args.runId, 'DeliveryRun') ?? 'not-a-run') : undefined),
    filter: ({ payload, args }: { payload: CourierMovedMessage; args: { zone?: string } }) =>
      !args.zone || payload.zones.some((z) => z === args.zone || args.zone!.startsWith(z)),
    description:
      'Couriers’ newest positions as they arrive (with the ETAs they changed); of one run with runId, of the couriers delivering in a zone with zone.',
  })
  courierMoved(
    @Root() m: CourierMovedMessage,
    @Arg('runId', () => ID, { nullable: true, description: 'Global id of a run: its courier only.' }) _runId?: string,
    @Arg('zone', () => String, { nullable: true, description: 'A zone (上海浦东新区, or a city): its couriers only.' })
    _zone?: string,
  ): CourierPosition {
    return Object.assign(new CourierPosition(), {
      courierId: toGlobalId('Courier', m.courierId),
      courierCode: m.courierCode,
      runId: m.runId ? toGlobalId('DeliveryRun', m.runId) : null,
      lat: m.lat,
      lng: m.lng,
      recordedAt: new Date(m.recordedAt),
      etas: m.etas.map((e) => ({
        deliveryId: toGlobalId('Delivery', e.deliveryId),
        eta: new Date(e.eta),
        lateRisk: e.lateRisk,
      })),
    });
  }

  @FieldResolver(() => Vehicle, { nullable: true, description: 'Its vehicle.' })
  vehicle(@Root() c: Courier, @Ctx() ctx: Context) {
    return c.vehicleId ? ctx.loaders.vehicle.load(c.vehicleId) : null;
  }

  @FieldResolver(() => Warehouse, { description: 'The warehouse its runs leave from.' })
  warehouse(@Root() c: Courier, @Ctx() ctx: Context) {
    return ctx.loaders.warehouse.load(c.warehouseId);
  }

  @FieldResolver(() => GeoPoint, { nullable: true, description: 'Its last reported position.' })
  position(@Root() c: Courier): GeoPoint | null {
    return c.lat !== null && c.lng !== null ? { lat: c.lat, lng: c.lng } : null;
  }

  @FieldResolver(() => Float, {
    nullable: true,
    description: 'Share of its deliveries made within their window, 0–100; null before its first delivery.',
  })
  onTimeRate(@Root() c: Courier): number | null {
    return c.delivered > 0 ? Math.round((c.deliveredOnTime * 1000) / c.delivered) / 10 : null;
  }

  @FieldResolver(() => [DeliveryRun], {
    // A courier has one or two open runs, not the ten a plain list is costed at.
    complexity: 1,
    description: 'Its planned and running runs, earliest first.',
  })
  openRuns(@Root() c: Courier, @Ctx() ctx: Context) {
    return ctx.services.deliveryQueries.runsOfCourier(c.id);
  }
}
