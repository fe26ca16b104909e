import { DataSource } from 'typeorm';
import { KPI_TARGETS, meetsTarget, OrderStatus, OUR_ERROR_CAUSES, OUR_ERROR_REASONS, rate } from '@fulfilment/domain';
import { Money } from '../../common/money.type';
import { OrderStatusCount } from '../order/order.types';
import { Kpi, MinuteCount, OperationsOverview } from './overview.types';

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/** Each figure is one SQL aggregate over indexed columns; nothing is counted in JavaScript. */
export class OverviewService {
  /** The run under way: callers arriving meanwhile share it (the overview is the same for every caller). */
  private running: Promise<OperationsOverview> | null = null;

  constructor(private readonly ds: DataSource) {}

  /**
   * The overview. Concurrent calls (aliases in one request, managers' dashboards refreshing together)
   * share one run of the aggregates instead of running them once each: a call arriving while a run is
   * under way gets that run's figures, which started at most one run's time before it.
   */
  overview(): Promise<OperationsOverview> {
    if (!this.running) {
      const run = this.read().finally(() => {
        if (this.running === run) this.running = null;
      });
      this.running = run;
    }
    return this.running;
  }

  private async read(): Promise<OperationsOverview> {
    const [byStatus, [today], [stock], [stages], [shipping], [delivery], perMinute, [floor], [afterSales]] =
      await Promise.all([
        this.ds.query(`SELECT status, count(*)::int AS count FROM orders GROUP BY status ORDER BY status`),
        this.ds.query(`SELECT count(*)::int AS orders, coalesce(sum(total_fen), 0)::bigint AS fen FROM orders
                      WHERE created_at >= date_trunc('day', now() AT TIME ZONE 'Asia/Shanghai') AT TIME ZONE 'Asia/Shanghai'`),
        this.ds.query(`SELECT count(*) FILTER (WHERE on_hand - reserved <= low_threshold)::int AS low,
                            count(*) FILTER (WHERE on_hand - reserved <= 0)::int AS out FROM stock_level`),
        this.ds.query(`
        SELECT avg(extract(epoch FROM c.at - o.created_at)) / 60 AS to_confirm, avg(extract(epoch FROM a.at - o.created_at)) / 60 AS to_allocate
          FROM orders o
          LEFT JOIN LATERAL (SELECT min(e.created_at) AS at FROM order_event e WHERE e.order_id = o.id AND e.to_status = 'CONFIRMED') c ON true
          LEFT JOIN LATERAL (SELECT min(e.created_at) AS at FROM order_event e WHERE e.order_id = o.id AND e.to_status = 'ALLOCATED') a ON true
         WHERE o.created_at >= now() - interval '7 days'`),
        this.ds.query(`
        SELECT avg(h) AS average, percentile_cont(0.9) WITHIN GROUP (ORDER BY h) AS p90
          FROM (SELECT extract(epoch FROM e.created_at - o.created_at) / 3600 AS h
                  FROM order_event e JOIN orders o ON o.id = e.order_id
                 WHERE e.to_status = 'SHIPPED' AND e.created_at >= now() - interval '30 days') s`),
        this.ds.query(`
        SELECT count(*)::int AS delivered, count(*) FILTER (WHERE e.created_at <= o.promised_by)::int AS on_time
          FROM order_event e JOIN orders o ON o.id = e.order_id
         WHERE e.to_status = 'DELIVERED' AND e.created_at >= now() - interval '30 days'`),
        this.ds.query(`
        SELECT m.minute, count(o.id)::int AS count
          FROM generate_series(date_trunc('minute', now()) - interval '59 minutes', date_trunc('minute', now()), interval '1 minute') AS m(minute)
          LEFT JOIN orders o ON o.created_at >= m.minute AND o.created_at < m.minute + interval '1 minute'
         GROUP BY m.minute ORDER BY m.minute`),
        // The floor's stages, from consecutive order events of each step (who and when are on them).
        this.ds.query(`
        SELECT avg(extract(epoch FROM e.created_at - p.created_at)) FILTER (WHERE e.to_status = 'PICKING') / 60 AS to_pick,
               avg(extract(epoch FROM e.created_at - p.created_at)) FILTER (WHERE e.to_status = 'PACKED') / 60 AS to_pack,
               avg(extract(epoch FROM e.created_at - p.created_at)) FILTER (WHERE e.to_status = 'SHIPPED') / 60 AS to_ship,
               (SELECT count(DISTINCT shipment_id)::float FROM check_error WHERE created_at >= now() - interval '7 days')
                 / nullif((SELECT count(*) FROM shipment WHERE checked_at >= now() - interval '7 days'
                             OR id IN (SELECT shipment_id FROM check_error WHERE created_at >= now() - interval '7 days')), 0)
                 AS check_error_rate
          FROM order_event e
          JOIN order_event p ON p.order_id = e.order_id AND p.sequence = e.sequence - 1
         WHERE e.type = 'STATUS_CHANGED' AND e.to_status IN ('PICKING', 'PACKED', 'SHIPPED')
           AND p.to_status = CASE e.to_status WHEN 'PICKING' THEN 'ALLOCATED' WHEN 'PACKED' THEN 'PICKING' ELSE 'PACKED' END
           AND e.created_at >= now() - interval '7 days'`),
        // After-sales: the complaints queue by clock, our errors among the last 30 days' deliveries
        // (returns for a reason that is ours, complaints resolved with a root cause that is ours), and
        // satisfaction from complaint surveys and delivery ratings.
        this.ds.query(
          `
        SELECT (SELECT count(*) FROM complaint WHERE status NOT IN ('RESOLVED', 'CLOSED'))::int AS open,
               (SELECT count(*) FROM complaint WHERE status NOT IN ('RESOLVED', 'CLOSED') AND sla_state = 'AT_RISK')::int AS at_risk,
               (SELECT count(*) FROM complaint WHERE status NOT IN ('RESOLVED', 'CLOSED') AND sla_state = 'BREACHED')::int AS breached,
               (SELECT count(DISTINCT x.order_id) FROM (
                  SELECT r.order_id FROM return_request r
                   WHERE r.reason = ANY($1::text[]) AND r.status NOT IN ('REJECTED', 'CANCELLED') AND r.requested_at >= now() - interval '30 days'
                  UNION ALL
                  SELECT c.order_id FROM complaint c
                   WHERE c.root_cause = ANY($2::text[]) AND c.order_id IS NOT NULL AND c.resolved_at >= now() - interval '30 days') x)::int AS our_errors,
               (SELECT count(*) FROM (
                  SELECT rating FROM satisfaction_survey WHERE answered_at >= now() - interval '30 days'
                  UNION ALL
                  SELECT rating FROM delivery WHERE rating IS NOT NULL AND delivered_at >= now() - interval '30 days') a)::int AS answers,
               (SELECT count(*) FROM (
                  SELECT rating FROM satisfaction_survey WHERE answered_at >= now() - interval '30 days' AND rating >= 4
                  UNION ALL
                  SELECT rating FROM delivery WHERE rating >= 4 AND delivered_at >= now() - interval '30 days') a)::int AS satisfied`,
          [OUR_ERROR_REASONS, OUR_ERROR_CAUSES],
        ),
      ]);
    const counts = new Map<string, number>(byStatus.map((r: { status: string; count: number }) => [r.status, r.count]));
    const onTime = rate(delivery.on_time, delivery.delivered);
    const errorRate = rate(afterSales.our_errors, delivery.delivered);
    const satisfaction = rate(afterSales.satisfied, afterSales.answers);
    return Object.assign(new OperationsOverview(), {
      generatedAt: new Date(),
      ordersToday: today.orders,
      amountToday: Money.ofFen(Number(today.fen)),
      ordersByStatus: byStatus.map((r: { status: OrderStatus; count: number }) =>
        Object.assign(new OrderStatusCount(), r),
      ),
      awaitingReview: counts.get('PENDING_REVIEW') ?? 0,
      onHold: counts.get('ON_HOLD') ?? 0,
      backordered: counts.get('BACKORDERED') ?? 0,
      lowStockLevels: stock.low,
      outOfStockLevels: stock.out,
      averageMinutesToConfirm: num(stages.to_confirm),
      averageMinutesToAllocate: num(stages.to_allocate),
      averageMinutesToPick: num(floor.to_pick),
      averageMinutesPickToPack: num(floor.to_pack),
      averageMinutesPackToShip: num(floor.to_ship),
      checkErrorRate: num(floor.check_error_rate),
      averageHoursToShip: num(shipping.average),
      p90HoursToShip: num(shipping.p90),
      onTimeDelivery: Object.assign(new Kpi(), {
        value: onTime,
        target: KPI_TARGETS.onTimeDeliveryRate,
        meetsTarget: meetsTarget('onTimeDeliveryRate', onTime),
        sampleSize: delivery.delivered,
      }),
      complaintsOpen: afterSales.open,
      complaintsAtRisk: afterSales.at_risk,
      complaintsBreached: afterSales.breached,
      orderErrorRate: Object.assign(new Kpi(), {
        value: errorRate,
        target: KPI_TARGETS.orderErrorRate,
        meetsTarget: meetsTarget('orderErrorRate', errorRate),
        sampleSize: delivery.delivered,
      }),
      satisfaction: Object.assign(new Kpi(), {
        value: satisfaction,
        target: KPI_TARGETS.customerSatisfaction,
        meetsTarget: meetsTarget('customerSatisfaction', satisfaction),
        sampleSize: afterSales.answers,
      }),
      ordersPerMinute: perMinute.map((r: { minute: Date; count: number }) => Object.assign(new MinuteCount(), r)),
    });
  }
}
