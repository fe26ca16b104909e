import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Money } from '../../common/money.type';
import { OrderStatusCount } from '../order/order.types';

@ObjectType({ description: 'A rate against its target; value is null while there is nothing to measure.' })
export class Kpi {
  @Field(() => Float, { nullable: true, description: 'Share between 0 and 1.' })
  value: number | null;

  @Field(() => Float, { description: 'The target share between 0 and 1, e.g. 0.95.' })
  target: number;

  @Field(() => Boolean, { nullable: true, description: 'Whether value reaches the target; null while value is null.' })
  meetsTarget: boolean | null;

  @Field(() => Int, { description: 'How many orders (answers, for satisfaction) the value is measured over.' })
  sampleSize: number;
}

@ObjectType({ description: 'Orders placed in one minute.' })
export class MinuteCount {
  @Field({ description: 'Start of the minute.' })
  minute: Date;

  @Field(() => Int, { description: 'Orders placed in it.' })
  count: number;
}

@ObjectType({ description: "The managers' overview: today's business, exceptions waiting for someone, and KPIs." })
export class OperationsOverview {
  @Field({ description: 'When these figures were computed.' })
  generatedAt: Date;

  @Field(() => Int, { description: 'Orders placed today (Asia/Shanghai).' })
  ordersToday: number;

  @Field(() => Money, { description: 'Total of the orders placed today (Asia/Shanghai).' })
  amountToday: Money;

  @Field(() => [OrderStatusCount], { description: 'Orders now in each status (statuses with none are left out).' })
  ordersByStatus: OrderStatusCount[];

  @Field(() => Int, { description: 'Orders in PENDING_REVIEW.' })
  awaitingReview: number;

  @Field(() => Int, { description: 'Orders ON_HOLD, waiting for customer service.' })
  onHold: number;

  @Field(() => Int, { description: 'Orders BACKORDERED, waiting for stock.' })
  backordered: number;

  @Field(() => Int, { description: 'Stock levels at or below their low threshold.' })
  lowStockLevels: number;

  @Field(() => Int, { description: 'Stock levels with nothing available.' })
  outOfStockLevels: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Average minutes from placing to confirmation, orders of the last 7 days.',
  })
  averageMinutesToConfirm: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Average minutes from placing to allocation, orders of the last 7 days.',
  })
  averageMinutesToAllocate: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Average minutes an allocated order waits for a pick list (ALLOCATED → PICKING), last 7 days.',
  })
  averageMinutesToPick: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Average minutes from picking started to packed (PICKING → PACKED), orders packed in the last 7 days.',
  })
  averageMinutesPickToPack: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Average minutes a packed order waits for its carrier (PACKED → SHIPPED), last 7 days.',
  })
  averageMinutesPackToShip: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Share of shipments checked in the last 7 days whose check found a wrong item or quantity (0–1); null when none was checked.',
  })
  checkErrorRate: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Average hours from placing to shipment, orders shipped in the last 30 days.',
  })
  averageHoursToShip: number | null;

  @Field(() => Float, {
    nullable: true,
    description: '90th percentile of hours from placing to shipment, last 30 days.',
  })
  p90HoursToShip: number | null;

  @Field(() => Kpi, { description: 'Deliveries of the last 30 days made by the promised time (target ≥ 95%).' })
  onTimeDelivery: Kpi;

  @Field(() => Int, { description: 'Complaints not yet resolved or closed.' })
  complaintsOpen: number;

  @Field(() => Int, { description: 'Open complaints at risk of missing their deadline.' })
  complaintsAtRisk: number;

  @Field(() => Int, { description: 'Open complaints past their deadline.' })
  complaintsBreached: number;

  @Field(() => Kpi, {
    description:
      'Orders of the last 30 days returned or complained about for our error (wrong item, packing damage, a missed check) ÷ orders delivered (target below 1%).',
  })
  orderErrorRate: Kpi;

  @Field(() => Kpi, {
    description: 'Share of 4 and 5 among complaint surveys and delivery ratings of the last 30 days (target ≥ 90%).',
  })
  satisfaction: Kpi;

  @Field(() => [MinuteCount], { description: 'Orders placed per minute over the last 60 minutes, oldest first.' })
  ordersPerMinute: MinuteCount[];
}
