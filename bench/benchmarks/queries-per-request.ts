import { Client } from 'pg';
import { createOrdersData } from '../lib/orders-data';
import { adminAuth, Database, gql, startApi, withClient } from '../lib/platform';
import { log, report } from '../lib/report';
import { apiNodeArgs, staffAuth } from './reads';

/** Requests per page size (BENCH_QPR_REQUESTS); the figure is their mean. */
const REQUESTS = Number(process.env.BENCH_QPR_REQUESTS ?? 20);

/** A page of orders with every relation an order has. */
export const NESTED = `query Nested($first: Int!) {
  orders(first: $first) {
    edges {
      node {
        id number status createdAt
        customer { id name }
        lines { lineNo sku quantity product { sku name } }
        allocations { quantity status warehouse { code name } }
        events { sequence type toStatus createdAt }
      }
    }
    pageInfo { hasNextPage endCursor }
  }
}`;

interface Statement {
  query: string;
  calls: number;
  toplevel: boolean;
  ms: number;
}

/** This database's statements since the last reset, without the bench's own pg_stat_statements calls. */
async function statements(c: Client): Promise<Statement[]> {
  const { rows } = await c.query(
    `SELECT query, sum(calls)::int AS calls, toplevel, (sum(total_exec_time + total_plan_time) / sum(calls))::float AS ms FROM pg_stat_statements
      WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) AND query NOT ILIKE '%pg_stat_statements%'
      GROUP BY query, toplevel ORDER BY sum(calls) DESC`,
  );
  return rows;
}

const reset = (c: Client) =>
  c.query(`SELECT pg_stat_statements_reset(0, (SELECT oid FROM pg_database WHERE datname = current_database()), 0)`);

const shorten = (sql: string) =>
  sql
    .replace(/\s+/g, ' ')
    .replace(/SELECT .*? FROM/i, 'SELECT … FROM')
    .slice(0, 150);

/**
 * 4. Queries per request: every SQL statement a page of orders with all its relations causes in the
 * database, counted by pg_stat_statements (the bench cluster preloads it, track=all), authentication
 * and audit rows included; nested statements (triggers, functions) are listed apart. Read as a
 * DISPATCHER (no CUSTOMER_PII_READ: no personal-data audit row); an ADMIN's extra audit insert is
 * shown too, for the record.
 */
export async function queriesPerRequest(db: Database) {
  const label = '4 queries per request';
  const url = await db.create();
  const api = await startApi(url, {}, apiNodeArgs());
  try {
    const data = await createOrdersData(url, { orders: Number(process.env.BENCH_QPR_ORDERS ?? 5000) });
    log(label, `${data.orders} orders, ${data.lines} lines, ${data.allocations} allocations, ${data.events} events`);
    const admin = await adminAuth(api);
    const dispatcher = await staffAuth(api, admin, 'DISPATCHER');
    await withClient(url, async (c) => {
      await c.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
      const measure = async (auth: string, first: number) => {
        // Once before counting: the API's lazy one-time work (signing key, first pool connections) is not per request.
        const warm = await gql(api.url, auth, NESTED, { first });
        if (warm.errors || warm.data?.orders?.edges?.length !== first)
          throw new Error(`unexpected answer: ${JSON.stringify(warm).slice(0, 300)}`);
        await reset(c);
        for (let i = 0; i < REQUESTS; i++) {
          const r = await gql(api.url, auth, NESTED, { first });
          if (r.status !== 200 || r.errors) throw new Error(`request failed: ${JSON.stringify(r).slice(0, 300)}`);
        }
        const rows = await statements(c);
        const top = rows.filter((r) => r.toplevel);
        const nested = rows.filter((r) => !r.toplevel);
        const perRequest = top.reduce((s, r) => s + r.calls, 0) / REQUESTS;
        const nestedPerRequest = nested.reduce((s, r) => s + r.calls, 0) / REQUESTS;
        return { perRequest, nestedPerRequest, rows };
      };
      for (const first of [10, 50, 100]) {
        const m = await measure(dispatcher, first);
        log(
          label,
          `orders(first: ${first}) as DISPATCHER: ${m.perRequest} statements per request (+ ${m.nestedPerRequest} nested):`,
        );
        for (const r of m.rows)
          console.log(
            `      ${(r.calls / REQUESTS).toFixed(2).padStart(6)} × ${r.ms.toFixed(2).padStart(6)} ms  ${r.toplevel ? '' : '(nested) '}${shorten(r.query)}`,
          );
        report({
          benchmark: label,
          name: `SQL statements per orders(first: ${first})`,
          value: m.perRequest,
          unit: 'statements',
          goal: { atMost: 5 },
          note: 'DISPATCHER, all relations',
        });
      }
      const pii = await measure(admin, 50);
      log(
        label,
        `orders(first: 50) as ADMIN (sees personal data, so each response writes an audit row): ${pii.perRequest} statements per request`,
      );
      report({
        benchmark: label,
        name: 'SQL statements per orders(first: 50) as ADMIN',
        value: pii.perRequest,
        unit: 'statements',
        note: 'incl. the personal-data audit insert',
      });
    });
  } finally {
    await api.stop();
  }
}
