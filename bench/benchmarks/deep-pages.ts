import { createOrdersData, cursorAt } from '../lib/orders-data';
import { percentile } from '../lib/load';
import { adminAuth, Database, gql, startApi, withClient } from '../lib/platform';
import { log, report } from '../lib/report';
import { apiNodeArgs, staffAuth } from './reads';

/**
 * Knobs: BENCH_DEEP_ORDERS, BENCH_DEEP_POSITION, BENCH_DEEP_REQUESTS (per page), BENCH_DEEP_LINES=0
 * (orders without lines). Allocations and events are not generated here (7–8 million rows for a
 * million orders, and the page does not read them).
 */
const ORDERS = Number(process.env.BENCH_DEEP_ORDERS ?? 1_000_000);
const POSITION = Number(process.env.BENCH_DEEP_POSITION ?? 900_000);
const REQUESTS = Number(process.env.BENCH_DEEP_REQUESTS ?? 200);
const LINES = process.env.BENCH_DEEP_LINES !== '0';

const PAGE = `query Page($after: String) {
  orders(first: 20, after: $after) {
    edges { cursor node { id number status createdAt total { amount } customer { id name } lines { sku quantity } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

/**
 * 5. Deep pages: with a million orders, the page after the 900,000th (cursor built from SQL the way
 * common/connection.ts encodes it) against page 1, p95 over 200 requests each, sequential and
 * interleaved so both see the same machine. EXPLAIN ANALYZE of the statement the API ran shows that
 * the keyset condition is an index condition (no Sort, no rows read and thrown away).
 */
export async function deepPages(db: Database) {
  const label = '5 deep pages';
  const url = await db.create();
  const api = await startApi(url, {}, apiNodeArgs());
  try {
    const data = await createOrdersData(url, { orders: ORDERS, lines: LINES, history: false });
    log(
      label,
      `${data.orders} orders, ${data.lines} lines, ${data.allocations} allocations, ${data.events} events generated in ${data.seconds.toFixed(1)} s`,
    );
    const auth = await staffAuth(api, await adminAuth(api), 'DISPATCHER');
    const cursor = await withClient(url, (c) => cursorAt(c, POSITION));
    const check = await gql(api.url, auth, PAGE, { after: cursor });
    const numbers: string[] = check.data?.orders?.edges?.map((e: any) => e.node.number) ?? [];
    if (check.errors || numbers.length !== 20 || !numbers[0].endsWith(String(POSITION + 1).padStart(7, '0'))) {
      throw new Error(
        `the deep page is not the one after position ${POSITION}: ${JSON.stringify(check).slice(0, 400)}`,
      );
    }
    const timed = async (after: string | null) => {
      const t = performance.now();
      const r = await gql(api.url, auth, PAGE, { after });
      if (r.status !== 200 || r.errors || r.data.orders.edges.length !== 20)
        throw new Error(`page failed: ${JSON.stringify(r).slice(0, 300)}`);
      return performance.now() - t;
    };
    for (let i = 0; i < 20; i++) await timed(i % 2 ? cursor : null);
    const first: number[] = [];
    const deep: number[] = [];
    for (let i = 0; i < REQUESTS; i++) {
      first.push(await timed(null));
      deep.push(await timed(cursor));
    }
    const plan = await withClient(url, async (c) => {
      // The statement exactly as the API sends it, taken from pg_stat_statements, explained with the cursor's values.
      await c.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
      await c.query(
        `SELECT pg_stat_statements_reset(0, (SELECT oid FROM pg_database WHERE datname = current_database()), 0)`,
      );
      await timed(cursor);
      const { rows } = await c.query(
        `SELECT query FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
            AND query ILIKE '%FROM "orders"%' AND query LIKE '%<%' ORDER BY calls DESC LIMIT 1`,
      );
      if (!rows.length) throw new Error('the page statement was not found in pg_stat_statements');
      // Its parameters: the cursor's values, then the LIMIT (page size + 1, to know whether a next page exists).
      const values = [...JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')), 21];
      const explained = await c.query(`EXPLAIN (ANALYZE, BUFFERS) ${rows[0].query}`, values);
      return explained.rows.map((r) => r['QUERY PLAN'] as string);
    });
    log(label, `EXPLAIN ANALYZE of the deep page's statement:\n${plan.map((l) => `      ${l}`).join('\n')}`);
    const keyset =
      plan.some((l) => /Index (Only )?Scan using orders_created_idx/.test(l)) &&
      plan.some((l) => /Index Cond: .*created_at/.test(l)) &&
      !plan.some((l) => /\bSort\b/.test(l));
    const p95First = percentile(first, 95);
    const p95Deep = percentile(deep, 95);
    log(
      label,
      `page 1 p50 ${percentile(first, 50).toFixed(1)} ms, p95 ${p95First.toFixed(1)} ms; page after ${POSITION.toLocaleString('en')} p50 ${percentile(deep, 50).toFixed(1)} ms, p95 ${p95Deep.toFixed(1)} ms`,
    );
    report({
      benchmark: label,
      name: `p95, page after row ${POSITION.toLocaleString('en')} vs page 1`,
      value: p95Deep,
      unit: 'ms',
      baseline: p95First,
      goal: { atMost: 2 },
    });
    report({
      benchmark: label,
      name: 'keyset uses orders_created_idx (EXPLAIN)',
      value: keyset ? 1 : 0,
      unit: 'yes',
      goal: { atLeast: 1 },
    });
    report({
      benchmark: label,
      name: `generating ${ORDERS.toLocaleString('en')} orders`,
      value: data.seconds,
      unit: 's',
      goal: { atMost: 120 },
    });
  } finally {
    await api.stop();
  }
}
