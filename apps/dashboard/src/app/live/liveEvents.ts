import { CombinedGraphQLErrors } from '@apollo/client';
import type { Subscription } from 'rxjs';
import type { LiveOrderEventFragment, OrderEventsSinceQuery, StockAlertsLiveSubscription } from '../../gql/graphql';
import { latestOrderEventsQuery, orderEventsSinceQuery, orderEventsSubscription } from '../../modules/orders/graphql/orderEvents';
import { stockAlertSubscription } from '../../modules/stock/graphql/stock';
import type { AppApolloClient } from '../apollo';
import { cursorAt, eventPosition } from './eventCursor';
import type { LiveConnection } from './liveConnection';

export type LiveOrderEvent = LiveOrderEventFragment & { replayed?: boolean };
export type LiveStockAlert = StockAlertsLiveSubscription['stockAlert'] & { key: string };

export interface LiveEventsSnapshot {
  /** Order events since the dashboard was opened, newest first (at most RECENT_LIMIT). */
  orderEvents: readonly LiveOrderEvent[];
  stockAlerts: readonly LiveStockAlert[];
  catchingUp: boolean;
  /** The last catch-up: how many missed events were replayed, and whether that was all of them. */
  lastCatchUp: { at: number; replayed: number; complete: boolean } | null;
}

const RECENT_LIMIT = 200;
const CATCH_UP_PAGE = 100;
const CATCH_UP_MAX_PAGES = 20;
const SEEN_LIMIT = 5_000;

type OrderEventListener = (events: LiveOrderEvent[]) => void;
type StockAlertListener = (alerts: LiveStockAlert[]) => void;

export interface LiveEventsOptions {
  orders: boolean;
  stock: boolean;
  /** The server refused the live link's credential (4401/4403): renew it; false when the session ended. */
  onAuthRejected: () => Promise<boolean>;
}

/**
 * The session's live events: one subscription to every order event and one to stock alerts, shared by
 * all pages. The subscriptions write into the Apollo cache (so a status change shows wherever that order
 * is displayed); pages listen for events to add rows or refetch. After the link was down, the events
 * missed meanwhile are re-read from orderEvents(after:) in write order and replayed, then active queries
 * are refetched.
 */
export class LiveEvents {
  private snapshot: LiveEventsSnapshot = { orderEvents: [], stockAlerts: [], catchingUp: false, lastCatchUp: null };
  private readonly snapshotListeners = new Set<() => void>();
  private readonly orderListeners = new Set<OrderEventListener>();
  private readonly alertListeners = new Set<StockAlertListener>();
  private readonly seen = new Set<string>();
  private position: bigint | null = null;
  private readonly openedAt = Date.now();
  private orderSub: Subscription | null = null;
  private alertSub: Subscription | null = null;
  private authRetry: Promise<boolean> | null = null;
  private stopped = false;
  private readonly cleanups: (() => void)[] = [];
  private catchUpRunning: Promise<void> | null = null;

  constructor(
    private readonly client: AppApolloClient,
    private readonly live: LiveConnection,
    private readonly options: LiveEventsOptions,
  ) {}

  start() {
    if (this.options.orders) {
      this.subscribeOrders();
      void this.loadStartingPoint();
    }
    if (this.options.stock) this.subscribeAlerts();
    this.cleanups.push(this.live.onReconnected(() => void this.catchUp()));
  }

  stop() {
    this.stopped = true;
    this.orderSub?.unsubscribe();
    this.alertSub?.unsubscribe();
    this.cleanups.forEach((c) => c());
    this.snapshotListeners.clear();
    this.orderListeners.clear();
    this.alertListeners.clear();
  }

  getSnapshot = () => this.snapshot;

  subscribe = (listener: () => void) => {
    this.snapshotListeners.add(listener);
    return () => void this.snapshotListeners.delete(listener);
  };

  onOrderEvents(listener: OrderEventListener) {
    this.orderListeners.add(listener);
    return () => void this.orderListeners.delete(listener);
  }

  onStockAlerts(listener: StockAlertListener) {
    this.alertListeners.add(listener);
    return () => void this.alertListeners.delete(listener);
  }

  private setSnapshot(next: Partial<LiveEventsSnapshot>) {
    this.snapshot = { ...this.snapshot, ...next };
    this.snapshotListeners.forEach((l) => l());
  }

  // ---- order events ----

  private subscribeOrders() {
    this.orderSub = this.client.subscribe({ query: orderEventsSubscription }).subscribe({
      next: (result) => {
        if (result.error) return void this.resubscribe('orders', result.error);
        const event = result.data?.orderStatusChanged;
        if (event) this.receive([event]);
      },
      error: (e: unknown) => void this.resubscribe('orders', e),
      complete: () => void this.resubscribe('orders', null),
    });
  }

  private subscribeAlerts() {
    this.alertSub = this.client.subscribe({ query: stockAlertSubscription }).subscribe({
      next: (result) => {
        if (result.error) return void this.resubscribe('stock', result.error);
        const alert = result.data?.stockAlert;
        if (!alert) return;
        const item: LiveStockAlert = { ...alert, key: `${alert.sku}@${alert.warehouseCode}@${alert.createdAt}` };
        this.setSnapshot({ stockAlerts: [item, ...this.snapshot.stockAlerts].slice(0, RECENT_LIMIT) });
        this.alertListeners.forEach((l) => l([item]));
      },
      error: (e: unknown) => void this.resubscribe('stock', e),
      complete: () => void this.resubscribe('stock', null),
    });
  }

  /** A subscription ended: renew the credential if that was the cause, then subscribe again. */
  private async resubscribe(stream: 'orders' | 'stock', error: unknown) {
    (stream === 'orders' ? this.orderSub : this.alertSub)?.unsubscribe();
    if (this.stopped) return;
    // A GraphQL error (no permission, invalid document) will not go away by retrying.
    if (error && CombinedGraphQLErrors.is(error)) return;
    const code = this.live.lastCloseCode();
    if (code === 4401 || code === 4403) {
      this.authRetry ??= this.options.onAuthRejected().finally(() => (this.authRetry = null));
      if (!(await this.authRetry.catch(() => false))) return;
    } else {
      await new Promise((r) => setTimeout(r, 2_000 + Math.random() * 2_000));
    }
    if (this.stopped) return;
    if (stream === 'orders') this.subscribeOrders();
    else this.subscribeAlerts();
  }

  private remember(id: string): boolean {
    if (this.seen.has(id)) return false;
    this.seen.add(id);
    if (this.seen.size > SEEN_LIMIT) {
      const oldest = this.seen.values().next().value;
      if (oldest !== undefined) this.seen.delete(oldest);
    }
    const pos = eventPosition(id);
    if (pos !== null && (this.position === null || pos > this.position)) this.position = pos;
    return true;
  }

  private receive(events: LiveOrderEvent[]) {
    const fresh = events.filter((e) => this.remember(e.id));
    if (!fresh.length) return;
    // The feed shows what happened since the dashboard was opened.
    const shown = fresh.filter((e) => new Date(e.createdAt).getTime() >= this.openedAt - 5_000);
    if (shown.length) {
      // Newest first; events of one transaction share a timestamp, so write order breaks the tie.
      const position = (e: LiveOrderEvent) => eventPosition(e.id) ?? 0n;
      const merged = [...shown, ...this.snapshot.orderEvents].sort((x, y) => {
        const byTime = y.createdAt.localeCompare(x.createdAt);
        if (byTime !== 0) return byTime;
        const px = position(x);
        const py = position(y);
        return px === py ? 0 : px < py ? 1 : -1;
      });
      this.setSnapshot({ orderEvents: merged.slice(0, RECENT_LIMIT) });
    }
    this.orderListeners.forEach((l) => l(fresh));
  }

  /** Before any live event has arrived, the newest order's latest event marks where catch-up starts. */
  private async loadStartingPoint() {
    try {
      // no-cache: this one-row page must not replace the orders list in the cache.
      const { data } = await this.client.query({ query: latestOrderEventsQuery, fetchPolicy: 'no-cache' });
      for (const e of data?.orders.edges[0]?.node.events ?? []) {
        const pos = eventPosition(e.id);
        if (pos !== null && (this.position === null || pos > this.position)) this.position = pos;
      }
    } catch {
      /* No starting point: a reconnect will refetch instead of replaying. */
    }
  }

  /** Re-reads the events written while the link was down, replays them, and refreshes what is shown. */
  catchUp(): Promise<void> {
    this.catchUpRunning ??= this.runCatchUp().finally(() => (this.catchUpRunning = null));
    return this.catchUpRunning;
  }

  private async runCatchUp() {
    if (this.stopped) return;
    this.setSnapshot({ catchingUp: true });
    let replayed = 0;
    let complete = true;
    try {
      if (this.options.orders && this.position !== null) {
        let after: string | null = cursorAt(this.position);
        for (let page = 0; ; page++) {
          if (page >= CATCH_UP_MAX_PAGES) {
            complete = false;
            break;
          }
          const result: { data?: OrderEventsSinceQuery } = await this.client.query({
            query: orderEventsSinceQuery,
            variables: { first: CATCH_UP_PAGE, after },
            fetchPolicy: 'network-only',
          });
          const conn = result.data?.orderEvents;
          if (!conn) break;
          const events: LiveOrderEvent[] = conn.edges.map((e) => ({ ...e.node, replayed: true }));
          const before = this.seen.size;
          this.receive(events);
          replayed += Math.max(0, this.seen.size - before);
          if (!conn.pageInfo.hasNextPage || !conn.pageInfo.endCursor) break;
          after = conn.pageInfo.endCursor;
        }
      } else if (this.options.orders) {
        complete = false;
      }
      // Whatever was replayed or not, the lists on screen are brought up to date.
      await this.client.refetchQueries({ include: 'active' });
    } catch {
      complete = false;
    } finally {
      if (!this.stopped) this.setSnapshot({ catchingUp: false, lastCatchUp: { at: Date.now(), replayed, complete } });
    }
  }
}
