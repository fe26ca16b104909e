import { Client } from 'pg';
import { logger } from '../common/logger';
import type { LivePubSub } from './pubsub';
import { channelOf, LiveChannel } from './topics';

/** The pubsub as the relay calls it: the topics come from the channels' specs, the messages from JSON. */
type UntypedPubSub = { publish(topic: string, ...args: unknown[]): void };

/**
 * One LISTEN connection per API process relays committed changes into the local pubsub, reconnecting
 * with back-off when the database goes away. It listens to the channels it is given (each module's
 * `<module>.events.ts`, composed in app/live-channels.ts) and routes their messages as their specs say.
 * Missed events can be re-read from the event table.
 */
export class LiveEventRelay {
  private client: Client | null = null;
  private stopped = false;
  /** The connection was lost; notifications sent until the relay listens again never reached it. */
  private lost = false;
  private retryMs = 100;
  private readonly channels: ReadonlyMap<string, LiveChannel>;
  /** Resolves once the relay listens; used by start-up so the first subscribers hear everything. */
  readonly ready: Promise<void>;
  private markReady!: () => void;

  constructor(
    private readonly url: string,
    private readonly pubSub: LivePubSub,
    channels: readonly LiveChannel[],
  ) {
    this.channels = new Map(channels.map((c) => [channelOf(c.topic), c]));
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
      // Clients are told now (their connections close: try again later) rather than left waiting for
      // events that cannot come; those that reconnect before the relay listens again are closed then.
      this.pubSub.publish('LIVE_GAP', { at: new Date().toISOString() });
      this.scheduleReconnect();
    });
    try {
      await client.connect();
      await client.query([...this.channels.keys()].map((c) => `LISTEN ${c};`).join(' '));
      this.client = client;
      this.retryMs = 100;
      this.markReady();
      if (this.lost) {
        // Events committed while the relay was deaf are in the tables but were never published:
        // say so, and the live server closes its connections so clients re-read what they missed.
        this.lost = false;
        logger.warn(
          'live relay listens again after losing its connection; live connections are closed so clients re-read missed events',
        );
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
      const spec = this.channels.get(channel);
      if (!spec) return;
      // One parsed object per event, handed to every subscriber in this process: per-event caches
      // (see execution.ts) key on it, so the subscribers of one event share its reads.
      const message = JSON.parse(payload) as never;
      const pubSub = this.pubSub as UntypedPubSub;
      if (spec.routeTo && spec.routeKey) pubSub.publish(spec.routeTo, spec.routeKey(message), message);
      pubSub.publish(spec.topic, message);
    } catch (e) {
      logger.error({ err: (e as Error).message, channel }, 'unreadable notification');
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.client?.end().catch(() => undefined);
  }
}
