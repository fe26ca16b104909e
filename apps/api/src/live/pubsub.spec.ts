import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { OrderEventMessage } from '../modules/order/order.events';
import type { StockAlertMessage } from '../modules/stock/stock.events';
import { LivePubSub } from './pubsub';
import { mapLiveEagerly, MAX_QUEUED_PER_SUBSCRIBER, SlowSubscriberError } from './subscription-queue';

const event = (orderId: string, sequence: number) =>
  ({ id: `${orderId}-${sequence}`, orderId, sequence }) as unknown as OrderEventMessage;
const tick = () => new Promise((r) => setImmediate(r));

async function take<T>(it: AsyncIterator<T>, n: number): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < n; i++) out.push((await it.next()).value as T);
  return out;
}

describe('live pubsub', () => {
  it('routes order events by order and to every-order subscribers, the same object to all', async () => {
    const ps = new LivePubSub();
    const a = ps.subscribe('ORDER_EVENT_OF_ORDER', 'A');
    const b = ps.subscribe('ORDER_EVENT_OF_ORDER', 'B');
    const all = ps.subscribe('ORDER_EVENT');
    const e = event('A', 1);
    ps.publish('ORDER_EVENT_OF_ORDER', 'A', e);
    ps.publish('ORDER_EVENT', e);
    assert.equal((await a.next()).value, e);
    assert.equal((await all.next()).value, e);
    assert.equal(ps.count('ORDER_EVENT_OF_ORDER:B'), 1);
    await b.return!();
    assert.equal(ps.count('ORDER_EVENT_OF_ORDER:B'), 0);
  });

  it('ends an idle subscription at once when its connection leaves', async () => {
    const ps = new LivePubSub();
    const s = ps.subscribe('STOCK_ALERT');
    const pending = s.next();
    await s.return!();
    assert.deepEqual(await pending, { value: undefined, done: true });
    assert.equal(ps.count('STOCK_ALERT'), 0);
  });

  it('keeps every subscriber in publish order when a broadcast is handed out over several turns', async () => {
    const ps = new LivePubSub();
    const subs = Array.from({ length: 1000 }, () => ps.subscribe('ORDER_EVENT'));
    const one = ps.subscribe('ORDER_EVENT_OF_ORDER', 'A');
    for (let q = 1; q <= 5; q++) {
      ps.publish('ORDER_EVENT_OF_ORDER', 'A', event('A', q));
      ps.publish('ORDER_EVENT', event('A', q));
    }
    for (let i = 0; i < 10; i++) await tick();
    for (const s of [subs[0], subs[999], one])
      assert.deepEqual(
        (await take(s, 5)).map((e) => e.sequence),
        [1, 2, 3, 4, 5],
      );
  });

  it('gives a subscriber that falls too far behind what was queued, then an error; never a silent gap', async () => {
    const ps = new LivePubSub();
    const slow = ps.subscribe('STOCK_ALERT');
    for (let i = 0; i <= MAX_QUEUED_PER_SUBSCRIBER + 5; i++)
      ps.publish('STOCK_ALERT', { sku: String(i) } as StockAlertMessage);
    const got = await take(slow, MAX_QUEUED_PER_SUBSCRIBER);
    assert.equal(got[got.length - 1].sku, String(MAX_QUEUED_PER_SUBSCRIBER - 1));
    await assert.rejects(slow.next(), SlowSubscriberError);
    assert.equal(ps.count('STOCK_ALERT'), 0);
  });
});

describe('eager mapping of a live stream', () => {
  it('starts mapping each event as it arrives and hands out the results in order', async () => {
    const ps = new LivePubSub();
    const started: number[] = [];
    const mapped = mapLiveEagerly(ps.subscribe('ORDER_EVENT'), (e: OrderEventMessage) => {
      started.push(e.sequence);
      // later events finish first
      return new Promise<number>((r) => setTimeout(() => r(e.sequence), 30 - 10 * e.sequence));
    })!;
    for (let q = 1; q <= 3; q++) ps.publish('ORDER_EVENT', event('A', q));
    assert.deepEqual(started, [1, 2, 3], 'all started before any was taken');
    assert.deepEqual(await take(mapped, 3), [1, 2, 3]);
    assert.equal(
      mapLiveEagerly((async function* () {})(), async (x) => x),
      null,
    );
  });

  it('reports a failed mapping at its turn, not as an unhandled rejection', async () => {
    const ps = new LivePubSub();
    const mapped = mapLiveEagerly(ps.subscribe('STOCK_ALERT'), async (a: StockAlertMessage) => {
      if (a.sku === 'bad') throw new Error('bad');
      return a.sku;
    })!;
    ps.publish('STOCK_ALERT', { sku: 'ok' } as StockAlertMessage);
    ps.publish('STOCK_ALERT', { sku: 'bad' } as StockAlertMessage);
    await tick();
    assert.equal((await mapped.next()).value, 'ok');
    await assert.rejects(mapped.next(), /bad/);
  });
});
