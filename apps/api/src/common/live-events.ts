import { createPubSub } from '@graphql-yoga/subscription';
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
  STOCK_ALERT: [StockAlertMessage];
  ACCESS_REVOKED: [AccessRevokedMessage];
};

export const CHANNELS: Record<keyof Topics, string> = { ORDER_EVENT: 'order_event', STOCK_ALERT: 'stock_alert', ACCESS_REVOKED: 'access_revoked' };
const TOPIC_OF_CHANNEL = new Map(Object.entries(CHANNELS).map(([topic, channel]) => [channel, topic as keyof Topics]));

export type PubSub = ReturnType<typeof createPubSub<Topics>>;

export function createLivePubSub(): PubSub {
  return createPubSub<Topics>();
}

/**
 * Queues a notification in the current transaction. PostgreSQL delivers NOTIFY only when the
 * transaction commits, and drops it when it rolls back, so subscribers never hear of uncommitted work.
 */
export async function notifyOnCommit<K extends keyof Topics>(m: EntityManager, topic: K, messages: Topics[K][0][]): Promise<void> {
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
      if (!this.stopped) this.scheduleReconnect();
    });
    try {
      await client.connect();
      await client.query(Object.values(CHANNELS).map((c) => `LISTEN ${c};`).join(' '));
      this.client = client;
      this.retryMs = 100;
      this.markReady();
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
      if (topic) this.pubSub.publish(topic, JSON.parse(payload));
    } catch (e) {
      logger.error({ err: (e as Error).message, channel }, 'unreadable notification');
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.client?.end().catch(() => undefined);
  }
}
