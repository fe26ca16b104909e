import { Client } from 'pg';
import { EntityManager } from 'typeorm';
import type { OrderStatus, StockStatus } from '@fulfilment/domain';
import { logger } from './logger';

/** What travels through PostgreSQL NOTIFY, so every API process hears every committed change. */
export interface OrderEventMessage {
  id: string;
  orderId: string;
  orderNumber: string;
  sequence: number;
  type: string;
  fromStatus: OrderStatus | null;
  toStatus: OrderStatus;
  reason: string | null;
  actor: string;
  createdAt: string;
}

export interface StockAlertMessage {
  stockLevelId: string;
  sku: string;
  warehouseCode: string;
  previousStatus: StockStatus;
  status: StockStatus;
  available: number;
  lowThreshold: number;
  highThreshold: number;
  reference: string | null;
  createdAt: string;
}

/** A session, API key or user lost its access: live connections using it are closed. */
export interface AccessRevokedMessage {
  sessionId?: string | null;
  apiKeyId?: string;
  userId?: string;
}

/** The typed topic map: publishing a wrong payload does not compile. */
export type Topics = {
  ORDER_EVENT: [OrderEventMessage];
  /**
   * The same order events, routed by order id: a subscriber of one order listens to its order only,
   * so an event wakes its own subscribers, not every subscriber of every order.
   */
  ORDER_EVENT_OF_ORDER: [orderId: string, message: OrderEventMessage];
  STOCK_ALERT: [StockAlertMessage];
  ACCESS_REVOKED: [AccessRevokedMessage];
  /**
   * Local only: the relay listens again after losing its database connection, so whatever was
   * committed in between reached no subscriber of this process (see LiveEventRelay).
   */
  LIVE_GAP: [LiveGapMessage];
};

export interface LiveGapMessage {
  /** When the relay listened again. */
  at: string;
}

/** Topics that travel through PostgreSQL, each on its own channel. */
type ChannelTopic = Exclude<keyof Topics, 'ORDER_EVENT_OF_ORDER' | 'LIVE_GAP'>;

export const CHANNELS: Record<ChannelTopic, string> = { ORDER_EVENT: 'order_event', STOCK_ALERT: 'stock_alert', ACCESS_REVOKED: 'access_revoked' };
const TOPIC_OF_CHANNEL = new Map(Object.entries(CHANNELS).map(([topic, channel]) => [channel, topic as ChannelTopic]));

type Routed<K extends keyof Topics> = Topics[K] extends [infer Id, unknown] ? [id: Id] : [];
type MessageOf<K extends keyof Topics> = Topics[K] extends [unknown, infer M] ? M : Topics[K][0];

/** A subscriber this many results behind (not yet taken by its connection) is cut off; see LiveSubscription. */
export const MAX_QUEUED_PER_SUBSCRIBER = 1000;

/** The subscriber fell too far behind: it hears an error and must re-read what it missed (orderEvents). */
export class SlowSubscriberError extends Error {
  constructor() {
    super(`More than ${MAX_QUEUED_PER_SUBSCRIBER} live results were waiting for this subscriber; subscribe again and re-read missed events`);
  }
}

/**
 * One subscriber's queue. Results wait here until its connection takes them, in publish order; a
 * subscriber that falls MAX_QUEUED_PER_SUBSCRIBER behind gets what is queued and then an error,
 * never a silent gap (and never an exception in the publisher, which would stop the process).
 *
 * With mapEagerly(), each value is handed to the mapping as soon as it arrives, not when the
 * connection asks for it: a subscriber busy sending one result already has the next being computed
 * (results still come out in order), so a busy feed does not wait for its events one after another.
 */
class LiveSubscription<T> implements AsyncIterableIterator<T> {
  /** Values, or (once mapping) their started mappings. */
  private queue: unknown[] = [];
  private head = 0;
  private waiting: ((r: IteratorResult<T> | Promise<IteratorResult<T>>) => void) | null = null;
  private ended = false;
  private failure: Error | null = null;
  private mapper: ((value: unknown) => Promise<unknown>) | null = null;

  constructor(private readonly unsubscribe: (s: LiveSubscription<T>) => void) {}

  push(value: T): void {
    if (this.ended || this.failure) return;
    const item = this.mapper ? this.start(value) : value;
    if (this.waiting) {
      const w = this.waiting;
      this.waiting = null;
      w(this.resultOf(item));
    } else if (this.queue.length - this.head >= MAX_QUEUED_PER_SUBSCRIBER) {
      this.failure = new SlowSubscriberError();
      this.unsubscribe(this);
    } else this.queue.push(item);
  }

  next(): Promise<IteratorResult<T>> {
    if (this.head < this.queue.length) {
      const item = this.queue[this.head];
      this.queue[this.head++] = undefined;
      if (this.head === this.queue.length) {
        this.queue = [];
        this.head = 0;
      }
      return Promise.resolve(this.resultOf(item));
    }
    if (this.failure) {
      const e = this.failure;
      this.end();
      return Promise.reject(e);
    }
    if (this.ended) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => (this.waiting = resolve));
  }

  /** From now on every value is mapped by `fn` when it arrives (queued ones at once); results come out in order. */
  mapEagerly<U>(fn: (value: T) => Promise<U>): AsyncIterableIterator<U> {
    this.mapper = fn as (value: unknown) => Promise<unknown>;
    for (let i = this.head; i < this.queue.length; i++) this.queue[i] = this.start(this.queue[i]);
    return this as unknown as AsyncIterableIterator<U>;
  }

  private start(value: unknown): Promise<unknown> {
    let p: Promise<unknown>;
    try {
      p = this.mapper!(value);
    } catch (e) {
      p = Promise.reject(e);
    }
    p.catch(() => undefined); // a failure is reported when its turn comes, not as an unhandled rejection
    return p;
  }

  private resultOf(item: unknown): IteratorResult<T> | Promise<IteratorResult<T>> {
    return this.mapper ? (item as Promise<T>).then((value) => ({ value, done: false })) : { value: item as T, done: false };
  }

  return(): Promise<IteratorResult<T>> {
    this.end();
    return Promise.resolve({ value: undefined, done: true });
  }

  throw(e: unknown): Promise<IteratorResult<T>> {
    this.end();
    return Promise.reject(e);
  }

  private end() {
    if (this.ended) return;
    this.ended = true;
    this.queue = [];
    this.head = 0;
    this.unsubscribe(this);
    const w = this.waiting;
    this.waiting = null;
    w?.({ value: undefined, done: true });
  }

  [Symbol.asyncIterator]() {
    return this;
  }
}

/**
 * Maps a stream from LivePubSub.subscribe eagerly (see LiveSubscription), or returns null for any
 * other async iterable.
 */
export function mapLiveEagerly<T, U>(stream: AsyncIterable<T>, fn: (value: T) => Promise<U>): AsyncIterableIterator<U> | null {
  return stream instanceof LiveSubscription ? (stream as LiveSubscription<T>).mapEagerly(fn) : null;
}

/** Subscribers handed an event per turn of the event loop; see LivePubSub. */
const FANOUT_BATCH = 250;

interface Fanout {
  key: string;
  subscribers: LiveSubscription<unknown>[];
  message: unknown;
  next: number;
}

/**
 * The process's fan-out: a plain loop over the subscribers of a topic (or of one id within a topic),
 * each with its own bounded queue. The same message object goes to every subscriber, which is what
 * per-event caches key on. Shaped like @graphql-yoga/subscription's pubsub, which type-graphql uses.
 *
 * A topic with many subscribers gets an event FANOUT_BATCH subscribers per turn of the event loop:
 * the first ones are served (results written to their sockets) while the rest wait, instead of all
 * of them advancing in lockstep with every half-done result alive at once, and other work (requests,
 * other events) is not held up for the whole broadcast. Events of one topic keep their order.
 */
export class LivePubSub {
  private readonly topics = new Map<string, Set<LiveSubscription<unknown>>>();
  private readonly backlog: Fanout[] = [];
  /** Topic keys with events in the backlog: their next events queue behind them. */
  private readonly pending = new Map<string, number>();

  publish<K extends keyof Topics>(topic: K, ...args: Topics[K]): void {
    const key = args.length === 2 ? `${topic}:${args[0]}` : topic;
    const subscribers = this.topics.get(key);
    if (!subscribers) return;
    const message = args[args.length - 1];
    if (subscribers.size <= FANOUT_BATCH && !this.pending.has(key)) {
      for (const s of subscribers) s.push(message);
      return;
    }
    this.backlog.push({ key, subscribers: [...subscribers], message, next: 0 });
    this.pending.set(key, (this.pending.get(key) ?? 0) + 1);
    if (this.backlog.length === 1) setImmediate(this.drain);
  }

  private readonly drain = () => {
    let budget = FANOUT_BATCH;
    while (budget > 0 && this.backlog.length > 0) {
      const f = this.backlog[0];
      const end = Math.min(f.subscribers.length, f.next + budget);
      for (let i = f.next; i < end; i++) f.subscribers[i].push(f.message);
      budget -= end - f.next;
      f.next = end;
      if (f.next === f.subscribers.length) {
        this.backlog.shift();
        const n = this.pending.get(f.key)! - 1;
        if (n === 0) this.pending.delete(f.key);
        else this.pending.set(f.key, n);
      }
    }
    if (this.backlog.length > 0) setImmediate(this.drain);
  };

  subscribe<K extends keyof Topics>(topic: K, ...id: Routed<K>): AsyncIterableIterator<MessageOf<K>> {
    const key = id[0] === undefined ? topic : `${topic}:${String(id[0])}`;
    let subscribers = this.topics.get(key);
    if (!subscribers) this.topics.set(key, (subscribers = new Set()));
    const s = new LiveSubscription<unknown>((gone) => {
      subscribers.delete(gone);
      if (subscribers.size === 0 && this.topics.get(key) === subscribers) this.topics.delete(key);
    });
    subscribers.add(s);
    return s as LiveSubscription<MessageOf<K>>;
  }

  /** Subscribers per topic key, for tests and diagnostics. */
  count(key: string): number {
    return this.topics.get(key)?.size ?? 0;
  }
}

export type PubSub = LivePubSub;

export function createLivePubSub(): PubSub {
  return new LivePubSub();
}

/**
 * Queues a notification in the current transaction. PostgreSQL delivers NOTIFY only when the
 * transaction commits, and drops it when it rolls back, so subscribers never hear of uncommitted work.
 */
export async function notifyOnCommit<K extends ChannelTopic>(m: EntityManager, topic: K, messages: Topics[K][0][]): Promise<void> {
  if (messages.length === 0) return;
  await m.query(`SELECT pg_notify($1, payload) FROM unnest($2::text[]) AS payload`, [
    CHANNELS[topic],
    messages.map((msg) => JSON.stringify(msg)),
  ]);
}

/**
 * One LISTEN connection per API process relays committed changes into the local pubsub, reconnecting
 * with back-off when the database goes away. Missed events can be re-read from the event table.
 */
export class LiveEventRelay {
  private client: Client | null = null;
  private stopped = false;
  /** The connection was lost; notifications sent until the relay listens again never reached it. */
  private lost = false;
  private retryMs = 100;
  /** Resolves once the relay listens; used by start-up so the first subscribers hear everything. */
  readonly ready: Promise<void>;
  private markReady!: () => void;

  constructor(
    private readonly url: string,
    private readonly pubSub: PubSub,
  ) {
    this.ready = new Promise((r) => (this.markReady = r));
  }

  start(): Promise<void> {
    void this.connect();
    return this.ready;
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const client = new Client({ connectionString: this.url, application_name: 'fulfilment-live-relay' });
    client.on('notification', (n) => this.relay(n.channel, n.payload));
    client.on('error', (e) => logger.warn({ err: e.message }, 'live relay connection error'));
    client.on('end', () => {
      if (this.client === client) this.client = null;
      if (this.stopped) return;
      this.lost = true;
      this.scheduleReconnect();
    });
    try {
      await client.connect();
      await client.query(Object.values(CHANNELS).map((c) => `LISTEN ${c};`).join(' '));
      this.client = client;
      this.retryMs = 100;
      this.markReady();
      if (this.lost) {
        // Events committed while the relay was deaf are in the tables but were never published:
        // say so, and the live server closes its connections so clients re-read what they missed.
        this.lost = false;
        logger.warn('live relay listens again after losing its connection; live connections are closed so clients re-read missed events');
        this.pubSub.publish('LIVE_GAP', { at: new Date().toISOString() });
      }
    } catch (e) {
      logger.warn({ err: (e as Error).message }, 'live relay could not listen; retrying');
      client.removeAllListeners('end');
      client.end().catch(() => undefined);
      this.scheduleReconnect();
    }
  }

  private scheduleReconnect() {
    const delay = this.retryMs;
    this.retryMs = Math.min(this.retryMs * 2, 5000);
    setTimeout(() => void this.connect(), delay).unref();
  }

  private relay(channel: string, payload: string | undefined) {
    if (!payload) return;
    try {
      const topic = TOPIC_OF_CHANNEL.get(channel);
      if (!topic) return;
      // One parsed object per event, handed to every subscriber in this process: per-event caches
      // (see live-execution.ts) key on it, so the subscribers of one event share its reads.
      const message = JSON.parse(payload);
      if (topic === 'ORDER_EVENT') this.pubSub.publish('ORDER_EVENT_OF_ORDER', (message as OrderEventMessage).orderId, message);
      this.pubSub.publish(topic, message);
    } catch (e) {
      logger.error({ err: (e as Error).message, channel }, 'unreadable notification');
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.client?.end().catch(() => undefined);
  }
}
