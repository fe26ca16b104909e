import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { DISTRICTS_BY_CITY, maskPosition } from '@fulfilment/domain';
import { Context } from '../../app/context';
import { courierIdOfCaller } from './run-progress';
import { localId, toGlobalId } from '../../common/global-id';
import { PageArgs } from '../../common/page-args';
import { masks, personalData, personalText, actorShown } from '../access/pii';
import { can } from '../access/principal';
import { Requires } from '../access/requires';
import { Shipment } from '../fulfilment/shipment.entity';
import { DeliveryAddress, Order } from '../order/order.entity';
import { Warehouse } from '../warehouse/warehouse.entity';
import { BlockedArea } from './courier.entity';
import { DeliveryEvent } from './delivery-event.entity';
import { Delivery, DeliveryRun, ProofOfDelivery } from './delivery.entity';
import { BlockedAreaMessage, DeliveryEventMessage } from './delivery.events';
import {
  BlockAreaInput,
  ConfirmDeliveryInput,
  DeliveryFilter,
  RateDeliveryInput,
  ReplanDeliveryInput,
  ReportDeliveryExceptionInput,
  UnblockAreaInput,
} from './delivery.inputs';
import {
  BlockedAreaChange,
  BlockedAreaPayload,
  DeliveryConnection,
  DeliveryException,
  DeliveryPayload,
  DeliveryTracking,
  DeliveryZone,
  GeoPoint,
  TrailPoint,
} from './delivery.types';

const callerCourier = new WeakMap<Context, Promise<string | null>>();

/** The courier the caller signs in as (once per request). */
export function callerCourierId(ctx: Context): Promise<string | null> {
  let found = callerCourier.get(ctx);
  if (!found) callerCourier.set(ctx, (found = courierIdOfCaller(ctx.services.ds.manager, ctx.actor)));
  return found;
}

/** Dispatchers see delivery addresses; a courier those of its own runs; everyone else as masked. */
async function entitledToAddress(ctx: Context, d: Delivery): Promise<boolean> {
  if (can(ctx.actor.principal, 'DISPATCH')) return true;
  if (!d.runId) return false;
  const me = await callerCourierId(ctx);
  if (!me) return false;
  const run = await ctx.loaders.deliveryRun.load(d.runId);
  return run?.courierId === me;
}

@Resolver(() => Delivery)
export class DeliveryResolver {
  @Requires('DELIVERY_READ')
  @Query(() => DeliveryConnection, { description: 'Own-fleet deliveries, newest first.' })
  deliveries(
    @Args() page: PageArgs,
    @Arg('filter', () => DeliveryFilter, { nullable: true, description: 'Conditions to meet.' })
    filter: DeliveryFilter | undefined,
    @Ctx() ctx: Context,
  ) {
    return ctx.reads.deliveryQueries.deliveries(filter ?? {}, page);
  }

  @Requires('DELIVERY_READ')
  @Query(() => Delivery, { nullable: true, description: 'One delivery by id; null when there is none.' })
  delivery(@Arg('id', () => ID, { description: 'Global id of the delivery.' }) id: string, @Ctx() ctx: Context) {
    const uuid = localId(id, 'Delivery');
    return uuid ? ctx.loaders.delivery.load(uuid) : null;
  }

  // Public: the customer's tracking link carries an unguessable token and shows no personal data.
  @Query(() => DeliveryTracking, {
    nullable: true,
    description:
      "What a customer's tracking link shows (no sign-in needed): status, window, ETA, and the courier's position to about 1 km while out for delivery. Null for an unknown token.",
  })
  deliveryTracking(
    @Arg('token', { description: 'The tracking token from the link /track/<token>.' }) token: string,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.deliveryQueries.tracking(token.trim());
  }

  @Requires('COURIER_WORK')
  @Mutation(() => DeliveryPayload, {
    description:
      'Delivered, with proof: the recipient’s signature (drawn on the courier’s screen) or a photo for contactless delivery (with a note), plus where and when. The image is checked by its bytes (PNG, JPEG, WebP) and size (512 KiB) and stored. The order becomes DELIVERED when nothing of it is still to come.',
  })
  async confirmDelivery(
    @Arg('input', { description: 'The delivery and its proof.' }) input: ConfirmDeliveryInput,
    @Ctx() ctx: Context,
  ) {
    return Object.assign(new DeliveryPayload(), await ctx.services.deliveries.confirm(input, ctx.actor));
  }

  @Requires('COURIER_WORK')
  @Mutation(() => DeliveryPayload, {
    description:
      'The delivery could not be made (accident, congestion, blocked area, weather, damaged goods, wrong address, customer absent): the customer is told and the dispatcher re-plans it.',
  })
  async reportDeliveryException(
    @Arg('input', { description: 'The delivery, reason and note.' }) input: ReportDeliveryExceptionInput,
    @Ctx() ctx: Context,
  ) {
    return Object.assign(new DeliveryPayload(), await ctx.services.deliveries.reportException(input, ctx.actor));
  }

  @Requires('DISPATCH')
  @Mutation(() => DeliveryPayload, {
    description:
      'What becomes of a delivery that ended in an exception: the next run (planning picks a courier), a new window agreed with the customer, or back to the warehouse.',
  })
  async replanDelivery(
    @Arg('input', { description: 'The delivery and the decision.' }) input: ReplanDeliveryInput,
    @Ctx() ctx: Context,
  ) {
    return Object.assign(new DeliveryPayload(), await ctx.services.deliveries.replan(input, ctx.actor));
  }

  // Public: customers rate through their tracking link's token, without an account.
  @Mutation(() => DeliveryPayload, {
    description:
      "The customer's rating of a delivered delivery (1–5 and a comment), through the tracking link's token; once.",
  })
  async rateDelivery(
    @Arg('input', { description: 'Token, rating and comment.' }) input: RateDeliveryInput,
    @Ctx() ctx: Context,
  ) {
    const result = await ctx.services.deliveries.rate(input, ctx.actor);
    // The caller may be anonymous: it learns only that the rating was taken.
    return Object.assign(new DeliveryPayload(), { userErrors: result.userErrors, delivery: null });
  }

  @Requires('DELIVERY_READ')
  @Subscription(() => DeliveryEvent, {
    topics: ({ args }) => (args.runId ? 'DELIVERY_EVENT_OF_RUN' : 'DELIVERY_EVENT'),
    topicId: ({ args }) => (args.runId ? (localId(args.runId, 'DeliveryRun') ?? 'not-a-run') : undefined),
    description:
      'Every delivery event after it is committed (created, planned, out, delivered, exception, late risk, rated); of one run when runId is given.',
  })
  deliveryChanged(
    @Root() message: DeliveryEventMessage,
    @Arg('runId', () => ID, { nullable: true, description: 'Global id of a run to follow; omit for every delivery.' })
    _runId?: string,
  ): DeliveryEvent {
    return Object.assign(new DeliveryEvent(), message, { createdAt: new Date(message.createdAt) });
  }

  @Requires('ORDER_READ')
  @FieldResolver(() => Order, { description: 'The order delivered.' })
  order(@Root() d: Delivery, @Ctx() ctx: Context) {
    return ctx.loaders.order.load(d.orderId);
  }

  @Requires('FULFILMENT_READ')
  @FieldResolver(() => Shipment, { description: 'The shipment delivered.' })
  shipment(@Root() d: Delivery, @Ctx() ctx: Context) {
    return ctx.loaders.shipment.load(d.shipmentId);
  }

  @FieldResolver(() => Warehouse, { description: 'The warehouse it left from.' })
  warehouse(@Root() d: Delivery, @Ctx() ctx: Context) {
    return ctx.loaders.warehouse.load(d.warehouseId);
  }

  @FieldResolver(() => DeliveryRun, { nullable: true, description: 'The run it is (or was last) on.' })
  run(@Root() d: Delivery, @Ctx() ctx: Context) {
    return d.runId ? ctx.loaders.deliveryRun.load(d.runId) : null;
  }

  @FieldResolver(() => DeliveryAddress, {
    description:
      'Where and to whom: shown to dispatchers, to the courier of its run and with CUSTOMER_PII_READ; masked for everyone else.',
  })
  async address(@Root() d: Delivery, @Ctx() ctx: Context): Promise<DeliveryAddress> {
    const order = await ctx.loaders.order.load(d.orderId);
    if (!order) throw new Error(`delivery ${d.number} without its order`);
    const a = order.delivery;
    const owner = `Order:${order.id}`;
    const entitled = await entitledToAddress(ctx, d);
    return {
      ...a,
      contactName: personalData(ctx, owner, a.contactName, masks.name, entitled)!,
      phone: personalData(ctx, owner, a.phone, masks.phone, entitled)!,
      address: personalData(ctx, owner, a.address, masks.address(a.city), entitled)!,
    };
  }

  @FieldResolver(() => GeoPoint, {
    description: 'Where it goes (geocoded address); to about 1 km for callers who do not see the address.',
  })
  async position(@Root() d: Delivery, @Ctx() ctx: Context): Promise<GeoPoint> {
    const exact = can(ctx.actor.principal, 'CUSTOMER_PII_READ') || (await entitledToAddress(ctx, d));
    return exact ? { lat: d.lat, lng: d.lng } : maskPosition({ lat: d.lat, lng: d.lng });
  }

  @FieldResolver(() => DeliveryException, { nullable: true, description: 'Why it could not be made, if so.' })
  exception(@Root() d: Delivery, @Ctx() ctx: Context): DeliveryException | null {
    if (!d.exceptionReason || !d.exceptionAt) return null;
    return {
      reason: d.exceptionReason,
      note: personalText(ctx, `Order:${d.orderId}`, d.exceptionNote) ?? '',
      at: d.exceptionAt,
    };
  }

  @FieldResolver(() => ProofOfDelivery, { nullable: true, description: 'The proof it was delivered.' })
  async proof(@Root() d: Delivery, @Ctx() ctx: Context) {
    return (await ctx.loaders.proofOfDelivery.load(d.id))[0] ?? null;
  }

  @FieldResolver(() => [TrailPoint], {
    complexity: 20,
    description:
      'Where its courier drove while it was out: kept with the delivery once it ended; while out, read from the live positions.',
  })
  async trail(@Root() d: Delivery, @Ctx() ctx: Context): Promise<TrailPoint[]> {
    const points: [number, number, number][] =
      d.trail ??
      (d.status === 'OUT_FOR_DELIVERY' && d.runId && d.outAt
        ? (
            await ctx.services.ds.query(
              `SELECT p.lat, p.lng, extract(epoch FROM p.recorded_at)::float8 AS t FROM courier_position p
                 JOIN delivery_run r ON r.courier_id = p.courier_id
                WHERE r.id = $1 AND p.recorded_at >= $2 ORDER BY p.recorded_at DESC LIMIT 500`,
              [d.runId, d.outAt],
            )
          )
            .reverse()
            .map((r: { lat: number; lng: number; t: number }) => [r.lat, r.lng, r.t] as [number, number, number])
        : []);
    return points.map(([lat, lng, t]) => ({ lat, lng, at: new Date(t * 1000) }));
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      'The token of the customer’s tracking link (/track/<token>); shown to dispatchers and customer service, null for others.',
  })
  trackingToken(@Root() d: Delivery, @Ctx() ctx: Context): string | null {
    const p = ctx.actor.principal;
    return can(p, 'DISPATCH') || can(p, 'CUSTOMER_PII_READ') ? d.trackingToken : null;
  }

  @FieldResolver(() => String, { nullable: true, description: "The customer's comment with the rating." })
  ratingComment(@Root() d: Delivery, @Ctx() ctx: Context) {
    return personalText(ctx, `Order:${d.orderId}`, d.ratingComment);
  }

  @FieldResolver(() => [DeliveryEvent], { description: 'Its history, oldest first.' })
  events(@Root() d: Delivery, @Ctx() ctx: Context) {
    return ctx.loaders.deliveryEvents.load(d.id);
  }
}

@Resolver(() => ProofOfDelivery)
export class ProofOfDeliveryResolver {
  @FieldResolver(() => String, {
    complexity: 50,
    description: 'The image as a data URL (data:image/png;base64,…), to show on the order page.',
  })
  async imageDataUrl(@Root() p: ProofOfDelivery, @Ctx() ctx: Context): Promise<string> {
    const [row] = await ctx.services.ds.query(`SELECT image FROM proof_of_delivery WHERE delivery_id = $1`, [
      p.deliveryId,
    ]);
    return `data:${p.contentType};base64,${(row.image as Buffer).toString('base64')}`;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Who received it, as they said.' })
  recipientName(@Root() p: ProofOfDelivery, @Ctx() ctx: Context) {
    return personalData(ctx, `Delivery:${p.deliveryId}`, p.recipientName, masks.name);
  }
}

@Resolver(() => DeliveryEvent)
export class DeliveryEventResolver {
  @FieldResolver(() => ID, { description: 'Global id of the delivery.' })
  deliveryId(@Root() e: DeliveryEvent) {
    return toGlobalId('Delivery', e.deliveryId);
  }

  @FieldResolver(() => String, {
    description: 'Who: a staff member by name, "key:<name>" for an API key, or "system".',
  })
  actor(@Root() e: DeliveryEvent, @Ctx() ctx: Context) {
    return actorShown(ctx, e.actor);
  }
}

@Resolver(() => Order)
export class OrderDeliveriesResolver {
  @Requires('DELIVERY_READ')
  @FieldResolver(() => [Delivery], { description: 'Its own-fleet deliveries (one per shipment), oldest first.' })
  deliveries(@Root() o: Order, @Ctx() ctx: Context) {
    return ctx.loaders.deliveriesOfOrder.load(o.id);
  }
}

@Resolver(() => BlockedArea)
export class BlockedAreaResolver {
  @Requires('DELIVERY_READ')
  @Query(() => [BlockedArea], { description: 'Blocked areas, newest first (the last 200).' })
  blockedAreas(
    @Arg('activeOnly', () => Boolean, { defaultValue: true, description: 'Only areas blocked now.' })
    activeOnly: boolean,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.deliveryQueries.blockedAreas(activeOnly);
  }

  @Requires('DISPATCH')
  @Mutation(() => BlockedAreaPayload, {
    description:
      'Closes a zone to delivery (lockdown, flood): new orders to it are held (DELIVERY_AREA_BLOCKED), its planned deliveries go back to planning (held until it opens), those out for delivery end as BLOCKED_AREA exceptions.',
  })
  async blockArea(@Arg('input', { description: 'The zone and why.' }) input: BlockAreaInput, @Ctx() ctx: Context) {
    return Object.assign(new BlockedAreaPayload(), await ctx.services.deliveries.blockArea(input, ctx.actor));
  }

  @Requires('DISPATCH')
  @Mutation(() => BlockedAreaPayload, {
    description: 'Opens a blocked zone again: planning takes its deliveries again; held orders are released by review.',
  })
  async unblockArea(@Arg('input', { description: 'The zone.' }) input: UnblockAreaInput, @Ctx() ctx: Context) {
    return Object.assign(new BlockedAreaPayload(), await ctx.services.deliveries.unblockArea(input, ctx.actor));
  }

  @Requires('DELIVERY_READ')
  @Subscription(() => BlockedAreaChange, {
    topics: 'BLOCKED_AREA_CHANGED',
    description: 'An area blocked or opened again, after the change is committed (the dispatch map follows it).',
  })
  blockedAreaChanged(@Root() m: BlockedAreaMessage): BlockedAreaChange {
    return Object.assign(new BlockedAreaChange(), {
      areaId: toGlobalId('BlockedArea', m.id),
      zone: m.zone,
      blocked: m.blocked,
      reason: m.reason,
      at: new Date(m.at),
    });
  }

  @FieldResolver(() => String, { description: 'Who blocked it.' })
  blockedBy(@Root() a: BlockedArea, @Ctx() ctx: Context) {
    return actorShown(ctx, a.blockedBy);
  }

  @Requires('DELIVERY_READ')
  @Query(() => [DeliveryZone], { description: "A served city's delivery zones (its districts) and where they lie." })
  deliveryZones(
    @Arg('city', { description: 'The city, e.g. 上海.' }) city: string,
    @Ctx() ctx: Context,
  ): DeliveryZone[] {
    return (DISTRICTS_BY_CITY[city] ?? []).flatMap((district) => {
      const area = ctx.services.geocoder.area(city, district);
      return area
        ? [{ zone: `${city}${district}`, district, centre: area.centre, radiusM: Math.round(area.radiusKm * 1000) }]
        : [];
    });
  }

  @FieldResolver(() => GeoPoint, { nullable: true, description: 'Centre of the area, for the map.' })
  centre(@Root() a: BlockedArea, @Ctx() ctx: Context): GeoPoint | null {
    return areaOf(ctx, a)?.centre ?? null;
  }

  @FieldResolver(() => Int, { nullable: true, description: 'Radius of the area in metres, for the map.' })
  radiusM(@Root() a: BlockedArea, @Ctx() ctx: Context): number | null {
    const area = areaOf(ctx, a);
    return area ? Math.round(area.radiusKm * 1000) : null;
  }
}

function areaOf(ctx: Context, a: BlockedArea) {
  return ctx.services.geocoder.area(a.city, a.zone === a.city ? null : a.zone.slice(a.city.length));
}
