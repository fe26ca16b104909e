import { LiveSubscription } from './subscription-queue';
import type { MessageOf, Routed, Topics } from './topics';

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

  /** Subscribers per topic (all ids of a routed topic together), for /metrics. */
  totals(): Map<string, number> {
    const totals = new Map<string, number>();
    for (const [key, subscribers] of this.topics) {
      const topic = key.split(':')[0];
      totals.set(topic, (totals.get(topic) ?? 0) + subscribers.size);
    }
    return totals;
  }

  /** Subscribers per topic key, for tests and diagnostics. */
  count(key: string): number {
    return this.topics.get(key)?.size ?? 0;
  }
}
