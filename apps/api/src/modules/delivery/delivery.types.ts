import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import type {
  DeliveryExceptionReason as DeliveryExceptionReasonT,
  DeliveryStatus as DeliveryStatusT,
} from '@fulfilment/domain';
import { Connection } from '../../common/connection';
import { MutationPayload } from '../../common/user-error';
import { BlockedArea, Courier, Vehicle } from './courier.entity';
import { Delivery, DeliveryRun } from './delivery.entity';
import { DeliveryExceptionReason, DeliveryStatus } from './delivery.enums';

@ObjectType({ description: 'A page of deliveries, newest first.' })
export class DeliveryConnection extends Connection(Delivery) {}

@ObjectType({ description: 'A page of delivery runs, newest first.' })
export class DeliveryRunConnection extends Connection(DeliveryRun) {}

@ObjectType({ description: 'A page of couriers, by code.' })
export class CourierConnection extends Connection(Courier) {}

@ObjectType({ description: 'A position, WGS-84 degrees.' })
export class GeoPoint {
  @Field(() => Float, { description: 'Latitude.' })
  lat: number;

  @Field(() => Float, { description: 'Longitude.' })
  lng: number;
}

@ObjectType({ description: 'One point of a delivery’s trail: where its courier was, and when.' })
export class TrailPoint {
  @Field(() => Float, { description: 'Latitude.' })
  lat: number;

  @Field(() => Float, { description: 'Longitude.' })
  lng: number;

  @Field({ description: 'When the courier’s phone recorded it.' })
  at: Date;
}

@ObjectType({ description: 'Why a delivery could not be made, as the courier reported it.' })
export class DeliveryException {
  @Field(() => DeliveryExceptionReason, { description: 'What went wrong.' })
  reason: DeliveryExceptionReasonT;

  @Field({ description: "The courier's note." })
  note: string;

  @Field({ description: 'When it was reported.' })
  at: Date;
}

@ObjectType({ description: "Points out of 100 behind a courier's rank for one run." })
export class CourierPoints {
  @Field(() => Float, { description: 'Nearness to the first stop (nearest eligible = 100), weight 50 %.' })
  distance: number;

  @Field(() => Float, { description: 'Share of the vehicle still free after the run, weight 20 %.' })
  load: number;

  @Field(() => Float, { description: 'On-time record (unrated counts 60), weight 30 %.' })
  onTime: number;

  @Field(() => Float, { description: 'Weighted total.' })
  total: number;
}

@ObjectType({
  description:
    'One courier as ranked for a run when it was last assigned: the breakdown that explains planning’s choice and any override.',
})
export class CourierOption {
  @Field(() => Courier, { description: 'The courier.' })
  courier: Courier;

  @Field({ description: 'Whether it could take the run.' })
  eligible: boolean;

  @Field(() => String, { nullable: true, description: 'Why it could not (off duty, zone, shift, capacity).' })
  excludedBecause: string | null;

  @Field(() => Int, { nullable: true, description: 'Rank among the eligible, 1 best; null when ineligible.' })
  rank: number | null;

  @Field(() => Float, { description: 'Straight-line km from where it was to the first stop.' })
  kmToFirstStop: number;

  @Field(() => CourierPoints, { description: 'Points behind the rank.' })
  points: CourierPoints;
}

@ObjectType({ description: 'A stop’s ETA recomputed from its courier’s position.' })
export class StopEta {
  @Field(() => ID, { description: 'Global id of the delivery.' })
  deliveryId: string;

  @Field({ description: 'Expected arrival.' })
  eta: Date;

  @Field({ description: 'At risk of being late.' })
  lateRisk: boolean;
}

@ObjectType({ description: 'A courier’s position as reported by its phone, live on courierMoved.' })
export class CourierPosition {
  @Field(() => ID, { description: 'Global id of the courier.' })
  courierId: string;

  @Field({ description: 'Courier code.' })
  courierCode: string;

  @Field(() => ID, { nullable: true, description: 'Global id of the run it is driving, if any.' })
  runId: string | null;

  @Field(() => Float, { description: 'Latitude.' })
  lat: number;

  @Field(() => Float, { description: 'Longitude.' })
  lng: number;

  @Field({ description: 'When the phone recorded it.' })
  recordedAt: Date;

  @Field(() => [StopEta], { description: 'ETAs of its run’s stops that changed with this position.' })
  etas: StopEta[];
}

@ObjectType({
  description:
    'What a customer’s tracking link shows: status, window and ETA, and while out for delivery the courier’s approximate position. No personal data.',
})
export class DeliveryTracking {
  @Field({ description: 'Delivery number.' })
  number: string;

  @Field(() => DeliveryStatus, { description: 'Where it is.' })
  status: DeliveryStatusT;

  @Field({ description: 'City and district it goes to.' })
  zone: string;

  @Field({ description: 'Start of the promised window.' })
  windowStart: Date;

  @Field({ description: 'End of the promised window.' })
  windowEnd: Date;

  @Field(() => Date, { nullable: true, description: 'Expected arrival while it is on its way.' })
  eta: Date | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Stops before this one on the courier’s run, while out for delivery.',
  })
  stopsBefore: number | null;

  @Field(() => GeoPoint, {
    nullable: true,
    description: 'The courier’s position rounded to about 1 km, only while out for delivery.',
  })
  courierNear: GeoPoint | null;

  @Field(() => Date, { nullable: true, description: 'When it was delivered.' })
  deliveredAt: Date | null;

  @Field({ description: 'Delivered and not rated yet: rateDelivery takes a rating with this token.' })
  canRate: boolean;

  @Field(() => Int, { nullable: true, description: 'The rating given, 1–5.' })
  rating: number | null;
}

@ObjectType({ description: 'A delivery planning could not put on a run, and why.' })
export class UnplannedDelivery {
  @Field(() => Delivery, { description: 'The delivery (still UNASSIGNED).' })
  delivery: Delivery;

  @Field({ description: 'Why.' })
  reason: string;
}

@ObjectType({ description: 'The result of planDeliveries.' })
export class PlanDeliveriesPayload extends MutationPayload {
  @Field(() => [DeliveryRun], {
    nullable: true,
    description: 'The runs created, each with its courier when one could take it.',
  })
  runs: DeliveryRun[] | null;

  @Field(() => [UnplannedDelivery], { nullable: true, description: 'Deliveries left unassigned, with why.' })
  unplanned: UnplannedDelivery[] | null;
}

@ObjectType({ description: 'The result of a change to a run.' })
export class DeliveryRunPayload extends MutationPayload {
  @Field(() => DeliveryRun, { nullable: true, description: 'The run.' })
  run: DeliveryRun | null;
}

@ObjectType({ description: 'The result of a change to a delivery.' })
export class DeliveryPayload extends MutationPayload {
  @Field(() => Delivery, { nullable: true, description: 'The delivery.' })
  delivery: Delivery | null;
}

@ObjectType({ description: 'The result of reportCourierPositions.' })
export class ReportCourierPositionsPayload extends MutationPayload {
  @Field(() => Int, { nullable: true, description: 'Positions stored.' })
  accepted: number | null;

  @Field(() => Int, { nullable: true, description: 'Positions already stored (same courier and timestamp), ignored.' })
  duplicates: number | null;
}

@ObjectType({ description: 'The result of blockArea or unblockArea.' })
export class BlockedAreaPayload extends MutationPayload {
  @Field(() => BlockedArea, { nullable: true, description: 'The area.' })
  area: BlockedArea | null;

  @Field(() => [Delivery], {
    nullable: true,
    description: 'Deliveries taken off their runs (back to planning) or ended as BLOCKED_AREA exceptions.',
  })
  affected: Delivery[] | null;
}

@ObjectType({ description: 'The result of a change to a courier.' })
export class CourierPayload extends MutationPayload {
  @Field(() => Courier, { nullable: true, description: 'The courier.' })
  courier: Courier | null;
}

@ObjectType({ description: 'The result of adding a vehicle.' })
export class VehiclePayload extends MutationPayload {
  @Field(() => Vehicle, { nullable: true, description: 'The vehicle.' })
  vehicle: Vehicle | null;
}

@ObjectType({ description: 'An area blocked or opened again, live on blockedAreaChanged.' })
export class BlockedAreaChange {
  @Field(() => ID, { description: 'Global id of the blocked area.' })
  areaId: string;

  @Field({ description: 'The zone.' })
  zone: string;

  @Field({ description: 'True when it was blocked, false when it was opened again.' })
  blocked: boolean;

  @Field({ description: 'Why it was blocked.' })
  reason: string;

  @Field({ description: 'When.' })
  at: Date;
}

@ObjectType({ description: 'A delivery zone of a city (a district, or the whole city) and where it lies, for maps.' })
export class DeliveryZone {
  @Field({ description: 'The zone, e.g. 上海浦东新区.' })
  zone: string;

  @Field(() => String, { nullable: true, description: 'Its district, e.g. 浦东新区; null for the whole city.' })
  district: string | null;

  @Field(() => GeoPoint, { description: 'Centre.' })
  centre: GeoPoint;

  @Field(() => Int, { description: 'Radius in metres of the circle around it.' })
  radiusM: number;
}
