import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Money } from '../../common/money.type';
import { OrderStatusCount } from '../order/order.types';

@ObjectType({ description: 'A rate against its target; value is null while there is nothing to measure.' })
export class Kpi {
  @Field(() => Float, { nullable: true, description: 'Share between 0 and 1.' })
  value: number | null;

  @Field(() => Float)
  target: number;

  @Field(() => Boolean, { nullable: true })
  meetsTarget: boolean | null;

  @Field(() => Int, { description: 'How many orders the value is measured over.' })
  sampleSize: number;
}

@ObjectType()
export class MinuteCount {
  @Field()
  minute: Date;

  @Field(() => Int)
  count: number;
}

@ObjectType({ description: "The managers' overview: today's business, exceptions waiting for someone, and KPIs." })
export class OperationsOverview {
  @Field()
  generatedAt: Date;

  @Field(() => Int, { description: 'Orders placed today (Asia/Shanghai).' })
  ordersToday: number;

  @Field(() => Money)
  amountToday: Money;

  @Field(() => [OrderStatusCount])
  ordersByStatus: OrderStatusCount[];

  @Field(() => Int)
  awaitingReview: number;

  @Field(() => Int)
  onHold: number;

  @Field(() => Int)
  backordered: number;

  @Field(() => Int, { description: 'Stock levels at or below their low threshold.' })
  lowStockLevels: number;

  @Field(() => Int)
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

  @Field(() => [MinuteCount], { description: 'Orders placed per minute over the last 60 minutes, oldest first.' })
  ordersPerMinute: MinuteCount[];
}
