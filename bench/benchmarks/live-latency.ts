import { createCatalogue } from '../lib/data';
import { CommitClock, clock, cpuSeconds, placeOrders, profileArgs, staffAuth, SubscriberPool } from '../lib/live';
import type { ConnectionSpec } from '../lib/live-worker';
import { percentile } from '../lib/load';
import { adminAuth, Api, Database, gql, sleep, startApi, withClient } from '../lib/platform';
import { log, report } from '../lib/report';

const num = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
/** Orders whose status changes; every one has LIVE_PER_ORDER subscribers on its own events. */
const ORDERS = num('LIVE_ORDERS', 100);
const SUBSCRIBERS = num('LIVE_SUBSCRIBERS', 1000);
/** Of the subscribers, this many watch every order (the dashboard's live feed) instead of one. */
const ALL_ORDERS = num('LIVE_ALL_ORDERS', 20);
/** Status-changing mutations per second (holdOrder / approveOrder; an approve writes two events). */
const RATE = num('LIVE_RATE', 50);
const SECONDS = num('LIVE_SECONDS', 20);
const WARMUP_SECONDS = num('LIVE_WARMUP_SECONDS', 3);

/** An order page as customer service sees it: the status, and who to call about it (personal data). */
const ORDER_PAGE_CS = `subscription($orderId: ID) { orderStatusChanged(orderId: $orderId) {
  id sequence type fromStatus toStatus reason createdAt
  order { id number status delivery { contactName phone city } customer { name } } } }`;
/** The same page for warehouse staff, who see no personal data. */
const ORDER_PAGE_WAREHOUSE = `subscription($orderId: ID) { orderStatusChanged(orderId: $orderId) {
  id sequence type toStatus fromStatus createdAt order { id number status } } }`;
/** The dashboard's live feed (apps/dashboard/src/modules/orders/graphql/orderEvents.ts). */
export const DASHBOARD_ORDER_EVENTS = `subscription OrderEventsLive { orderStatusChanged { ...LiveOrderEvent } }
fragment LiveOrderEvent on OrderEvent {
  id sequence type fromStatus toStatus reason actor createdAt
  order { id number status statusReason holdReasons updatedAt lastEventSequence total { amount fen currency } } }`;

const HOLD = `mutation($i: HoldOrderInput!) { holdOrder(input: $i) { order { status } userErrors { code message } } }`;
const APPROVE = `mutation($i: ApproveOrderInput!) { approveOrder(input: $i) { order { status } userErrors { code message } } }`;

interface Subscriber {
  /** The order it watches (local id), or null for every order. */
  orderId: string | null;
  kind: 'customer service' | 'warehouse' | 'dashboard';
}

function localOf(globalId: string): string {
  const s = Buffer.from(globalId, 'base64url').toString();
  return s.slice(s.indexOf(':') + 1);
}

/**
 * Benchmark 6: 1,000 subscribers on orderStatusChanged (one connection each, from two child
 * processes): 980 watch one of 100 placed orders (orderId; customer service selecting the delivery
 * contact and customer name, i.e. personal data, and warehouse staff selecting status only,
 * alternately), 20 are dashboards on every order (the dashboard's own document). Meanwhile a
 * manager makes RATE holdOrder / approveOrder calls a second, open loop, order after order (a hold
 * writes one event, an approval two: CONFIRMED and ALLOCATED). Figures, after WARMUP_SECONDS:
 * - commit → subscriber latency: arrival at the subscriber minus arrival of the same event at an
 *   independent LISTEN order_event connection in this process (PostgreSQL notifies at commit), on
 *   the clock all processes share;
 * - sequence gaps: for every subscriber and every order it watches, each event of the run (checked
 *   against the event table) must arrive once and in sequence order.
 * Once with one API process, once with two on the same database (connections and mutations
 * alternate between them).
 */
export async function liveLatency(db: Database) {
  for (const processes of (process.env.LIVE_PROCESSES ?? '1,2').split(',').map(Number)) await variant(db, processes);
}

async function variant(db: Database, processes: number) {
  const B = `6 live latency, ${processes} API process${processes > 1 ? 'es' : ''}`;
  const url = await db.create();
  const apis: Api[] = [];
  let pool: SubscriberPool | undefined;
  let commits: CommitClock | undefined;
  try {
    for (let i = 0; i < processes; i++) apis.push(await startApi(url, {}, profileArgs()));
    const catalogue = await createCatalogue(url, { skus: 50, onHand: 1_000_000, customers: 200 });
    const skus = Array.from({ length: 50 }, (_, i) => `B-${String(i + 1).padStart(6, '0')}`);
    const admin = await adminAuth(apis[0]);
    const [manager, cs, warehouse] = [
      await staffAuth(apis[0], admin, 'MANAGER'),
      await staffAuth(apis[0], admin, 'CUSTOMER_SERVICE'),
      await staffAuth(apis[0], admin, 'WAREHOUSE'),
    ];
    const orders = await placeOrders(apis[0], manager, skus, catalogue.customerIds, ORDERS);

    // Subscribers: most watch one order (customer service and warehouse alternately), a few the whole feed.
    const subscribers: Subscriber[] = [];
    const conns: ConnectionSpec[] = [];
    const perOrder = SUBSCRIBERS - ALL_ORDERS;
    for (let i = 0; i < perOrder; i++) {
      const o = orders[i % ORDERS];
      const asCs = Math.floor(i / ORDERS) % 2 === 0;
      subscribers.push({ orderId: localOf(o.id), kind: asCs ? 'customer service' : 'warehouse' });
      conns.push({
        auth: asCs ? cs : warehouse,
        subs: [{ query: asCs ? ORDER_PAGE_CS : ORDER_PAGE_WAREHOUSE, variables: { orderId: o.id } }],
      });
    }
    for (let i = 0; i < ALL_ORDERS; i++) {
      subscribers.push({ orderId: null, kind: 'dashboard' });
      conns.push({ auth: manager, subs: [{ query: DASHBOARD_ORDER_EVENTS }] });
    }
    commits = await CommitClock.listen(url);
    pool = SubscriberPool.start(2);
    const opened = await pool.open(
      apis.map((a) => a.wsUrl),
      conns,
      num('LIVE_OPEN_RATE', 500),
    );
    if (opened.failed)
      throw new Error(
        `${opened.failed} of ${conns.length} subscribers could not connect: ${JSON.stringify(await pool.status())}`,
      );
    await sleep(2000); // the API registers each subscription after its subscribe message arrives

    // Open-loop load: one mutation every 1000/RATE ms, order after order; an order still busy is skipped.
    const busy = new Array<boolean>(ORDERS).fill(false);
    const onHold = new Array<boolean>(ORDERS).fill(false);
    const mutationMs: number[] = [];
    let sent = 0;
    let skipped = 0;
    let failed = 0;
    const failures: string[] = [];
    const inFlight = new Set<Promise<void>>();
    const cpu0 = apis.map((a) => cpuSeconds(a.process.pid!));
    const started = clock();
    const warmupEnd = started + WARMUP_SECONDS * 1000;
    const end = warmupEnd + SECONDS * 1000;
    for (let k = 0; ; k++) {
      const due = started + (k * 1000) / RATE;
      if (due >= end) break;
      const wait = due - clock();
      if (wait > 1) await sleep(wait);
      const o = k % ORDERS;
      if (busy[o]) {
        skipped++;
        continue;
      }
      busy[o] = true;
      sent++;
      const api = apis[k % apis.length];
      const t = clock();
      const p = (async () => {
        const r = onHold[o]
          ? await gql(api.url, manager, APPROVE, { i: { orderId: orders[o].id } })
          : await gql(api.url, manager, HOLD, {
              i: { orderId: orders[o].id, reason: 'Bench: customer asked to wait' },
            });
        mutationMs.push(clock() - t);
        const status = (r.data?.holdOrder ?? r.data?.approveOrder)?.order?.status;
        if (status === 'ON_HOLD') onHold[o] = true;
        else if (status === 'ALLOCATED') onHold[o] = false;
        else {
          failed++;
          if (failures.length < 3) failures.push(JSON.stringify(r).slice(0, 300));
        }
        busy[o] = false;
      })();
      inFlight.add(p);
      void p.finally(() => inFlight.delete(p));
    }
    await Promise.all(inFlight);
    const loadSeconds = (clock() - started) / 1000;
    const cpu = apis.map((a, i) => (cpuSeconds(a.process.pid!) - cpu0[i]) / loadSeconds);
    await sleep(3000); // let the last events arrive
    const arrivals = await pool.collect();
    const status = await pool.status();
    const rss = await Promise.all(apis.map((a) => a.rssMiB()));
    await sleep(500); // personal-data audit rows are written in batches
    const piiRows = await withClient(
      url,
      async (c) =>
        (
          await c.query(
            `SELECT count(*)::int AS n FROM audit_log WHERE action = 'CUSTOMER_PII_READ' AND request_id LIKE 'ws:%'`,
          )
        ).rows[0].n as number,
    );

    // Expected: every event the commit clock heard, per order in sequence order.
    const expected = new Map<string, number[]>();
    for (const e of commits.orderEvents) {
      if (!expected.has(e.orderId)) expected.set(e.orderId, []);
      expected.get(e.orderId)!.push(e.sequence);
    }
    // The reference itself against the event table: every event of the run (placing wrote 1–3), once, in order.
    let clockGaps = 0;
    const written = await withClient(url, (c) =>
      c.query(
        `SELECT order_id, array_agg(sequence ORDER BY sequence) AS seqs FROM order_event WHERE sequence > 3 GROUP BY order_id`,
      ),
    );
    for (const r of written.rows) {
      const heard = expected.get(r.order_id) ?? [];
      if (heard.join() !== (r.seqs as number[]).join()) clockGaps++;
    }
    for (const seqs of expected.values())
      for (let i = 1; i < seqs.length; i++) if (seqs[i] !== seqs[i - 1] + 1) clockGaps++;

    // What each subscriber got, per order, in arrival order.
    const got = new Map<number, Map<string, number[]>>();
    const latencies: number[] = [];
    const byKind = new Map<string, number[]>();
    let unmatched = 0;
    for (let i = 0; i < arrivals.sub.length; i++) {
      const s = arrivals.sub[i];
      if (!got.has(s)) got.set(s, new Map());
      const perOrderGot = got.get(s)!;
      if (!perOrderGot.has(arrivals.order[i])) perOrderGot.set(arrivals.order[i], []);
      perOrderGot.get(arrivals.order[i])!.push(arrivals.seq[i]);
      const committed = commits.at.get(arrivals.key[i]);
      if (committed === undefined) unmatched++;
      else if (committed >= warmupEnd) {
        const kind = subscribers[Math.floor(s / 100)].kind;
        if (!byKind.has(kind)) byKind.set(kind, []);
        byKind.get(kind)!.push(arrivals.at[i] - committed);
        latencies.push(arrivals.at[i] - committed);
      }
    }
    let gaps = 0;
    let expectedDeliveries = 0;
    let delivered = 0;
    let misrouted = 0;
    subscribers.forEach((sub, i) => {
      const mine = got.get(i * 100 + 1) ?? new Map<string, number[]>();
      if (sub.orderId) for (const [orderId, seqs] of mine) if (orderId !== sub.orderId) misrouted += seqs.length;
      const orderIds = sub.orderId ? [sub.orderId] : [...expected.keys()];
      for (const orderId of orderIds) {
        const want = expected.get(orderId) ?? [];
        const have = mine.get(orderId) ?? [];
        expectedDeliveries += want.length;
        delivered += have.length;
        // A hole or a reordering anywhere counts once per missing or misplaced event.
        const seen = new Set(have);
        gaps += want.filter((q) => !seen.has(q)).length;
        for (let j = 1; j < have.length; j++) if (have[j] !== have[j - 1] + 1) gaps++;
      }
    });

    const events = commits.orderEvents.length;
    log(
      B,
      `${subscribers.length} subscribers (${perOrder} on one of ${ORDERS} orders, half customer service with personal data, half warehouse; ${ALL_ORDERS} dashboards on every order) over ${processes} process(es), opened in ${opened.seconds.toFixed(1)} s`,
    );
    log(
      B,
      `${sent} mutations (${(sent / loadSeconds).toFixed(1)}/s, ${skipped} skipped as busy, ${failed} failed${failures.length ? `: ${failures.join(' | ')}` : ''}), mutation p50 ${percentile(mutationMs, 50).toFixed(0)} ms p99 ${percentile(mutationMs, 99).toFixed(0)} ms; ${events} events (${(events / loadSeconds).toFixed(1)}/s)`,
    );
    const cpuMsPerDelivery = (cpu.reduce((a, b) => a + b, 0) * loadSeconds * 1000) / Math.max(1, delivered);
    log(
      B,
      `${delivered} of ${expectedDeliveries} deliveries, ${unmatched} without a commit reference, ${status.errors} errors${status.errorSamples.length ? ` (${status.errorSamples.join(' | ')})` : ''}, ${status.closed} closed; API CPU ${cpu.map((c) => `${Math.round(c * 100)}%`).join(' + ')} (${cpuMsPerDelivery.toFixed(2)} ms per delivery, mutations included), RSS ${rss.map((r) => `${r.toFixed(0)} MiB`).join(' + ')}; commit reference differs from the event table for ${clockGaps} orders`,
    );
    const csDeliveries = arrivals.sub.filter(
      (sub) => subscribers[Math.floor(sub / 100)].kind === 'customer service',
    ).length;
    log(
      B,
      `personal-data audit rows for live results: ${piiRows}, customer-service deliveries (which show personal data): ${csDeliveries}`,
    );
    if (process.env.LIVE_TIMELINE) {
      // Per second of commit time: median and worst latency, to tell a steady delay from stalls.
      const perSecond = new Map<number, number[]>();
      for (let i = 0; i < arrivals.sub.length; i++) {
        const committed = commits.at.get(arrivals.key[i]);
        if (committed === undefined) continue;
        const sec = Math.floor((committed - started) / 1000);
        if (!perSecond.has(sec)) perSecond.set(sec, []);
        perSecond.get(sec)!.push(arrivals.at[i] - committed);
      }
      log(
        B,
        `timeline: ${[...perSecond]
          .sort((a, b) => a[0] - b[0])
          .map(([sec, l]) => `${sec}s ${percentile(l, 50).toFixed(0)}/${percentile(l, 100).toFixed(0)}`)
          .join('  ')}`,
      );
    }
    log(
      B,
      `latency by subscriber: ${[...byKind].map(([k, l]) => `${k} p50 ${percentile(l, 50).toFixed(1)} / p99 ${percentile(l, 99).toFixed(1)} ms`).join('; ')}`,
    );
    report({
      benchmark: B,
      name: 'commit → subscriber p50',
      value: percentile(latencies, 50),
      unit: 'ms',
      goal: { atMost: 20 },
    });
    report({
      benchmark: B,
      name: 'commit → subscriber p99',
      value: percentile(latencies, 99),
      unit: 'ms',
      goal: { atMost: 100 },
    });
    report({
      benchmark: B,
      name: 'sequence gaps at subscribers',
      value: gaps,
      unit: 'events',
      goal: { atMost: 0 },
      note: `${delivered}/${expectedDeliveries} delivered, ${misrouted} of other orders`,
    });
  } finally {
    await pool?.stop();
    await commits?.stop();
    for (const a of apis) await a.stop();
  }
}
