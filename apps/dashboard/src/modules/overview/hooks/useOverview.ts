import { NetworkStatus } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { ORDER_STATUSES } from '@fulfilment/domain';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { startOfBusinessDay } from '../../../app/format';
import { useLiveListener } from '../../../app/live/useLiveEvents';
import type { OperationsOverviewQuery, OrderStatus } from '../../../gql/graphql';
import { orderStream, type LiveOrderEvent } from '../../orders/live/orderStream';
import { stockStream } from '../../stock/live/stockStream';
import { operationsOverviewQuery } from '../graphql/overview';

/**
 * The managers' overview: the API's `operationsOverview` (SQL aggregates), kept live between reads.
 *
 * Each order event is applied on top of the last read: a status change moves one order between
 * status counts, a PLACED event adds to the status, today's count and amount and its minute of the
 * orders-per-minute chart. Only events written after the read (`createdAt > generatedAt`) are applied,
 * so a read that lands while events arrive does not count them twice. Events and stock alerts also ask
 * for a new read, at most every REFETCH_MIN_MS, which corrects whatever cannot be derived from an event
 * (stage times, on-time delivery, stock figures, amounts of edited orders). After the live link was
 * down, the live events layer replays the missed events and refetches active queries, this one included.
 */

export type Kpi = OperationsOverviewQuery['operationsOverview']['onTimeDelivery'];

export interface Overview {
  generatedAt: string;
  ordersToday: number;
  amountTodayFen: number;
  /** Every status in lifecycle order, zero-filled. */
  ordersByStatus: { status: OrderStatus; count: number }[];
  awaitingReview: number;
  onHold: number;
  backordered: number;
  /** Levels at or below their low threshold, out-of-stock levels included. */
  lowStockLevels: number;
  /** Levels with nothing available (a subset of lowStockLevels). */
  outOfStockLevels: number;
  /** Orders of the last 7 days. */
  averageMinutesToConfirm: number | null;
  averageMinutesToAllocate: number | null;
  /** The warehouse floor's steps of the last 7 days, and the share of checks that found an error. */
  averageMinutesToPick: number | null;
  averageMinutesPickToPack: number | null;
  averageMinutesPackToShip: number | null;
  checkErrorRate: number | null;
  /** Orders shipped in the last 30 days. */
  averageHoursToShip: number | null;
  p90HoursToShip: number | null;
  /** Deliveries of the last 30 days. */
  onTimeDelivery: Kpi;
  /** After-sales: complaints not yet resolved, by clock; our errors and satisfaction of the last 30 days. */
  complaintsOpen: number;
  complaintsAtRisk: number;
  complaintsBreached: number;
  orderErrorRate: Kpi;
  satisfaction: Kpi;
  /** Orders placed per minute over the last 60 minutes, oldest first, zero-filled (kept live). */
  ordersPerMinute: { minute: string; count: number }[];
}

type Snapshot = OperationsOverviewQuery['operationsOverview'];

/** Events and alerts ask for a new read at most this often. */
const REFETCH_MIN_MS = 15_000;
/** A new read now and then even when nothing happens: the 7- and 30-day windows move. */
const IDLE_REFETCH_MS = 5 * 60_000;
const TICK_MS = 5_000;
const MINUTE = 60_000;
const WINDOW_MINUTES = 60;
/** Events kept for applying on top of a read that is still on its way. */
const BUFFER_LIMIT = 5_000;

const at = (iso: string) => new Date(iso).getTime();
const minuteOf = (ms: number) => Math.floor(ms / MINUTE) * MINUTE;

/** The read plus the live events written after it; `serverNow` moves the minute window. */
function applyEvents(base: Snapshot, events: readonly LiveOrderEvent[], serverNow: number): Overview {
  const generatedAt = at(base.generatedAt);
  const dayStart = startOfBusinessDay(new Date(base.generatedAt)).getTime();
  const dayEnd = dayStart + 86_400_000;
  const counts = new Map<OrderStatus, number>(base.ordersByStatus.map((r) => [r.status, r.count]));
  const bump = (s: OrderStatus, d: number) => counts.set(s, (counts.get(s) ?? 0) + d);
  const perMinute = new Map<number, number>(base.ordersPerMinute.map((m) => [at(m.minute), m.count]));
  let lastMinute = Math.max(minuteOf(serverNow), ...perMinute.keys());
  let ordersToday = base.ordersToday;
  let amountTodayFen = base.amountToday.fen;

  for (const e of events) {
    const t = at(e.createdAt);
    if (!(t > generatedAt)) continue; // already in the read
    if (e.type === 'PLACED') {
      bump(e.toStatus, +1);
      if (t >= dayStart && t < dayEnd) {
        ordersToday++;
        amountTodayFen += e.order.total.fen;
      }
      const m = minuteOf(t);
      perMinute.set(m, (perMinute.get(m) ?? 0) + 1);
      lastMinute = Math.max(lastMinute, m);
    } else if (e.fromStatus && e.fromStatus !== e.toStatus) {
      bump(e.fromStatus, -1);
      bump(e.toStatus, +1);
    }
  }

  const count = (s: OrderStatus) => Math.max(0, counts.get(s) ?? 0);
  const ordersPerMinute: Overview['ordersPerMinute'] = [];
  for (let i = WINDOW_MINUTES - 1; i >= 0; i--) {
    const m = lastMinute - i * MINUTE;
    ordersPerMinute.push({ minute: new Date(m).toISOString(), count: perMinute.get(m) ?? 0 });
  }
  return {
    generatedAt: base.generatedAt,
    ordersToday,
    amountTodayFen,
    ordersByStatus: (ORDER_STATUSES as readonly OrderStatus[]).map((status) => ({ status, count: count(status) })),
    awaitingReview: count('PENDING_REVIEW'),
    onHold: count('ON_HOLD'),
    backordered: count('BACKORDERED'),
    lowStockLevels: base.lowStockLevels,
    outOfStockLevels: base.outOfStockLevels,
    averageMinutesToConfirm: base.averageMinutesToConfirm,
    averageMinutesToAllocate: base.averageMinutesToAllocate,
    averageMinutesToPick: base.averageMinutesToPick,
    averageMinutesPickToPack: base.averageMinutesPickToPack,
    averageMinutesPackToShip: base.averageMinutesPackToShip,
    checkErrorRate: base.checkErrorRate,
    averageHoursToShip: base.averageHoursToShip,
    p90HoursToShip: base.p90HoursToShip,
    onTimeDelivery: base.onTimeDelivery,
    complaintsOpen: base.complaintsOpen,
    complaintsAtRisk: base.complaintsAtRisk,
    complaintsBreached: base.complaintsBreached,
    orderErrorRate: base.orderErrorRate,
    satisfaction: base.satisfaction,
    ordersPerMinute,
  };
}

export function useOverview() {
  const { data, previousData, error, refetch, networkStatus } = useQuery(operationsOverviewQuery, {
    fetchPolicy: 'cache-and-network',
    // Background reads replace the figures when they land; only a manual refresh shows progress.
    notifyOnNetworkStatusChange: false,
  });
  const snapshot = (data ?? previousData)?.operationsOverview ?? null;
  const generatedAt = snapshot?.generatedAt ?? null;

  const [events, setEvents] = useState<readonly LiveOrderEvent[]>([]);
  const [reloading, setReloading] = useState(false);
  // Server time minus browser time, so the minute window follows the server's clock.
  const skew = useRef(0);
  const [serverNow, setServerNow] = useState(() => Date.now());

  // ---- reads: throttled for live traffic, immediate for the refresh button ----
  const lastReadAt = useRef(Date.now()); // the mount's own read
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  const read = useCallback(() => {
    lastReadAt.current = Date.now();
    // Failures show through `error`; the next event or tick tries again.
    return refetch().catch(() => undefined);
  }, [refetch]);
  const requestRead = useCallback(() => {
    if (pending.current) return;
    const wait = Math.max(0, lastReadAt.current + REFETCH_MIN_MS - Date.now());
    pending.current = setTimeout(() => {
      pending.current = null;
      void read();
    }, wait);
  }, [read]);
  useEffect(
    () => () => {
      if (pending.current) clearTimeout(pending.current);
      pending.current = null;
    },
    [],
  );
  const reload = useCallback(async () => {
    if (pending.current) clearTimeout(pending.current);
    pending.current = null;
    setReloading(true);
    try {
      await read();
    } finally {
      setReloading(false);
    }
  }, [read]);

  // A new read: drop the events it already contains; a read just off the network also sets the clock
  // (a cached one shown on return to the page may be minutes old).
  const fromNetwork = networkStatus === NetworkStatus.ready;
  useEffect(() => {
    if (!generatedAt) return;
    const t = at(generatedAt);
    if (fromNetwork) {
      skew.current = t - Date.now();
      setServerNow(Date.now() + skew.current);
    }
    setEvents((prev) => (prev.some((e) => at(e.createdAt) <= t) ? prev.filter((e) => at(e.createdAt) > t) : prev));
  }, [generatedAt, fromNetwork]);

  // The minute window moves on without events; a new business day needs a new read; idle re-reads.
  const generatedAtRef = useRef(generatedAt);
  generatedAtRef.current = generatedAt;
  useEffect(() => {
    const tick = setInterval(() => {
      const now = Date.now() + skew.current;
      setServerNow((prev) => (minuteOf(prev) === minuteOf(now) ? prev : now));
      const g = generatedAtRef.current;
      if (g && startOfBusinessDay(new Date(now)).getTime() !== startOfBusinessDay(new Date(g)).getTime()) requestRead();
      if (Date.now() - lastReadAt.current >= IDLE_REFETCH_MS) requestRead();
    }, TICK_MS);
    return () => clearInterval(tick);
  }, [requestRead]);

  // Live: apply each order event on top of the read, and ask for a fresh read now and then.
  useLiveListener(orderStream, (batch) => {
    const after = generatedAtRef.current ? at(generatedAtRef.current) : -Infinity;
    const fresh = batch.filter((e) => at(e.createdAt) > after);
    if (fresh.length) setEvents((prev) => [...prev, ...fresh].slice(-BUFFER_LIMIT));
    requestRead();
  });

  // Stock figures come from the server only.
  useLiveListener(stockStream, () => requestRead());

  const overview = useMemo(
    () => (snapshot ? applyEvents(snapshot, events, serverNow) : null),
    [snapshot, events, serverNow],
  );

  return { overview, loading: !snapshot || reloading, error: error ?? null, reload };
}
