import autocannon from 'autocannon';
import { createCatalogue } from '../lib/data';
import { CommitClock, cpuSeconds, placeOrders, profileArgs, rssPeak, staffAuth, SubscriberPool } from '../lib/live';
import type { ConnectionSpec } from '../lib/live-worker';
import { percentile } from '../lib/load';
import { adminAuth, Api, Database, gql, sleep, startApi } from '../lib/platform';
import { log, report } from '../lib/report';
import { DASHBOARD_ORDER_EVENTS } from './live-latency';

const B = '7 subscribers per process';
const num = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const CONNECTIONS = num('SUBS_CONNECTIONS', 10_000);
const OPEN_RATE = num('SUBS_OPEN_RATE', 500);
const WORKERS = num('SUBS_WORKERS', 4);
const LOAD_SECONDS = num('SUBS_LOAD_SECONDS', 10);
/** What each connection subscribes to: the dashboard's two live subscriptions, or one of them. */
const DOCS = (process.env.SUBS_DOCS ?? 'orders,stock').split(',');

/** The dashboard's stock alert feed (apps/dashboard/src/modules/stock/graphql/stock.ts). */
const DASHBOARD_STOCK_ALERTS = `subscription StockAlertsLive { stockAlert {
  sku warehouseCode status previousStatus available lowThreshold highThreshold reference createdAt
  stockLevel { ...StockLevelRow } } }
fragment StockLevelRow on StockLevel {
  id sku warehouseCode onHand reserved available lowThreshold highThreshold status updatedAt
  product { id name spec category } warehouse { id code name city } }`;

/** A list page: the newest orders. */
const ORDERS_QUERY = `query { orders(first: 20) { edges { node { id number status createdAt total { fen } } } } }`;

async function throughput(
  api: Api,
  auth: string,
  seconds: number,
): Promise<{ perSecond: number; non2xx: number; errors: number; p99: number }> {
  const r = await autocannon({
    url: api.url,
    method: 'POST',
    connections: 20,
    duration: seconds,
    headers: { 'content-type': 'application/json', authorization: auth },
    body: JSON.stringify({ query: ORDERS_QUERY }),
  });
  return { perSecond: r.requests.average, non2xx: r.non2xx, errors: r.errors, p99: r.latency.p99 };
}

/**
 * Benchmark 7: 10,000 idle graphql-ws connections in one API process, each with the dashboard's two
 * live subscriptions (every order event, stock alerts), signed in as one of four staff sessions
 * (manager, customer service, warehouse, dispatcher), opened from SUBS_WORKERS child processes at
 * SUBS_OPEN_RATE a second. Figures:
 * - the API's RSS with them (and its peak over the whole benchmark);
 * - broadcasts: a holdOrder (one order event) and an adjustStock that makes a level LOW (one stock
 *   alert), each reaching every connection; time from commit (an independent LISTEN) until 95 % of
 *   them have it, and the share reached within 500 ms; one unmeasured warm-up of each, then the
 *   median of SUBS_BROADCASTS;
 * - orders(first: 20) throughput (autocannon, 20 connections, SUBS_LOAD_SECONDS) with them connected,
 *   against the mean of the same process before they connected and after they left.
 */
export async function subscribersPerProcess(db: Database) {
  const url = await db.create();
  const api = await startApi(url, {}, profileArgs());
  let pool: SubscriberPool | undefined;
  let commits: CommitClock | undefined;
  try {
    const catalogue = await createCatalogue(url, { skus: 100, onHand: 1_000_000, customers: 500 });
    const skus = Array.from({ length: 100 }, (_, i) => `B-${String(i + 1).padStart(6, '0')}`);
    const admin = await adminAuth(api);
    const manager = await staffAuth(api, admin, 'MANAGER');
    // A few staff sessions shared by the connections: managers and customer service (who may see
    // personal data) and warehouse staff and dispatchers (who may not).
    const tokens = [
      manager,
      await staffAuth(api, admin, 'CUSTOMER_SERVICE'),
      await staffAuth(api, admin, 'WAREHOUSE'),
      await staffAuth(api, admin, 'DISPATCHER'),
    ];
    const orders = await placeOrders(api, manager, skus, catalogue.customerIds, 200);

    await throughput(api, manager, 5); // warm-up
    const before = await throughput(api, manager, LOAD_SECONDS);
    const rssBefore = await api.rssMiB();

    const subs = [
      ...(DOCS.includes('orders') ? [{ query: DASHBOARD_ORDER_EVENTS }] : []),
      ...(DOCS.includes('stock') ? [{ query: DASHBOARD_STOCK_ALERTS }] : []),
    ];
    const conns: ConnectionSpec[] = Array.from({ length: CONNECTIONS }, (_, i) => ({
      auth: tokens[i % tokens.length],
      subs,
    }));
    pool = SubscriberPool.start(WORKERS);
    const peak = rssPeak(api, 250);
    const opened = await pool.open([api.wsUrl], conns, OPEN_RATE);
    await sleep(3000);
    const status = await pool.status();
    const rssIdle = await api.rssMiB();
    log(
      B,
      `${opened.opened} of ${CONNECTIONS} connections opened in ${opened.seconds.toFixed(1)} s (${opened.retries} retries${opened.openErrors.length ? ` after e.g. ${opened.openErrors[0]}` : ''}, ${opened.failed} failed), ${status.open} open, ${subs.length} subscription(s) each; RSS ${rssBefore.toFixed(0)} MiB before, ${rssIdle.toFixed(0)} MiB with them${status.errors ? `; ${status.errors} errors: ${status.errorSamples.slice(0, 3).join(' | ')}` : ''}`,
    );

    commits = await CommitClock.listen(url);
    const clockRef = commits;
    const kinds: { label: string; cause: (k: number) => Promise<unknown> }[] = [];
    if (DOCS.includes('orders')) {
      kinds.push({
        label: 'order event',
        cause: (k) =>
          gql(api.url, manager, `mutation($i: HoldOrderInput!) { holdOrder(input: $i) { userErrors { code } } }`, {
            i: { orderId: orders[k].id, reason: 'Bench: broadcast' },
          }),
      });
    }
    if (DOCS.includes('stock')) {
      // 1,000,000 on hand, low threshold 10: removing all but 5 makes a level LOW.
      kinds.push({
        label: 'stock alert',
        cause: (k) =>
          gql(api.url, manager, `mutation($i: AdjustStockInput!) { adjustStock(input: $i) { userErrors { code } } }`, {
            i: {
              sku: skus[99 - k],
              warehouseCode: 'BENCH-E',
              reason: 'DAMAGE',
              delta: -(1_000_000 - 5),
              note: 'bench',
            },
          }),
      });
    }
    const subscribersPool = pool;
    let k = 0;
    const broadcast = async (b: (typeof kinds)[number], label: string) => {
      await subscribersPool.collect();
      await sleep(1000);
      const cpu0 = cpuSeconds(api.process.pid!);
      const r = await b.cause(k++);
      await sleep(num('SUBS_BROADCAST_WAIT_MS', 4000));
      const cpu = cpuSeconds(api.process.pid!) - cpu0;
      const arrivals = await subscribersPool.collect();
      const latencies: number[] = [];
      for (let i = 0; i < arrivals.key.length; i++) {
        const committed = clockRef.at.get(arrivals.key[i]);
        if (committed !== undefined) latencies.push(arrivals.at[i] - committed);
      }
      latencies.sort((x, y) => x - y);
      const reached500 = (100 * latencies.filter((l) => l <= 500).length) / CONNECTIONS;
      // The 95th subscriber in a hundred; never reached counts as never.
      const t95 =
        latencies.length >= Math.ceil(0.95 * CONNECTIONS) ? latencies[Math.ceil(0.95 * CONNECTIONS) - 1] : Infinity;
      const ok = JSON.stringify(r).includes('"userErrors":[]') ? '' : ` (${JSON.stringify(r).slice(0, 160)})`;
      log(
        B,
        `${label}${ok}: ${latencies.length} of ${CONNECTIONS} reached, first ${latencies[0]?.toFixed(0)} ms, p50 ${percentile(latencies, 50).toFixed(0)} ms, 95% ${t95.toFixed(0)} ms, last ${latencies[latencies.length - 1]?.toFixed(0)} ms; API CPU ${(cpu * 1000).toFixed(0)} ms`,
      );
      return { t95, reached500 };
    };
    // A warm-up broadcast of each kind, not counted: a fresh process's first one also compiles the code it runs.
    for (const b of kinds) await broadcast(b, `${b.label} broadcast (warm-up)`);
    const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
    for (const b of kinds) {
      const runs = [];
      for (let i = 0; i < num('SUBS_BROADCASTS', 3); i++)
        runs.push(await broadcast(b, `${b.label} broadcast ${i + 1}`));
      const note = `median of ${runs.length}`;
      report({
        benchmark: B,
        name: `${b.label} broadcast: time to 95% of ${CONNECTIONS}`,
        value: median(runs.map((r) => r.t95)),
        unit: 'ms',
        goal: { atMost: 500 },
        note,
      });
      report({
        benchmark: B,
        name: `${b.label} broadcast: reached within 500 ms`,
        value: median(runs.map((r) => r.reached500)),
        unit: '%',
        goal: { atLeast: 95 },
        note,
      });
    }

    const withSubs = await throughput(api, manager, LOAD_SECONDS);
    const rssPeakMiB = await peak.stop();
    const after = await pool.status();
    // Without them again, so that drift over the run (warming up, other load) does not pass for their cost.
    await pool.stop();
    pool = undefined;
    await sleep(3000);
    const again = await throughput(api, manager, LOAD_SECONDS);
    const baseline = (before.perSecond + again.perSecond) / 2;
    log(
      B,
      `orders(first: 20): ${before.perSecond.toFixed(0)} req/s before the subscribers connected (p99 ${before.p99} ms), ${withSubs.perSecond.toFixed(0)} req/s with them (p99 ${withSubs.p99} ms), ${again.perSecond.toFixed(0)} req/s after they left (p99 ${again.p99} ms); ${before.non2xx + withSubs.non2xx + again.non2xx} non-2xx; ${after.open} connections were still open, ${after.errors} errors${after.errorSamples.length ? ` (${after.errorSamples.slice(0, 2).join(' | ')})` : ''}`,
    );
    report({
      benchmark: B,
      name: `API RSS with ${CONNECTIONS} idle subscribers`,
      value: rssIdle,
      unit: 'MiB',
      goal: { atMost: 1024 },
    });
    report({
      benchmark: B,
      name: 'API RSS peak (connect, broadcasts, load)',
      value: rssPeakMiB,
      unit: 'MiB',
      goal: { atMost: 1024 },
    });
    report({
      benchmark: B,
      name: 'query throughput with subscribers',
      value: withSubs.perSecond,
      unit: 'req/s',
      baseline,
      goal: { atLeast: 0.8 },
      note: 'baseline: mean of before and after',
    });
  } finally {
    await pool?.stop();
    await commits?.stop();
    await api.stop();
  }
}
