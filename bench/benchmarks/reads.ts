import { ChildProcess, spawn } from 'node:child_process';
import type { EventEmitter } from 'node:events';
import { isDeepStrictEqual } from 'node:util';
import path from 'node:path';
import autocannon from 'autocannon';
import { createOrdersData } from '../lib/orders-data';
import { adminAuth, Api, Database, freePort, gql, sleep, startApi, waitForHealth } from '../lib/platform';
import { cpuMeter, databasePids } from '../lib/cpu';
import { percentile } from '../lib/load';
import { log, report } from '../lib/report';

/**
 * Benchmark knobs: BENCH_READ_ORDERS (orders in the database), BENCH_READ_SECONDS (per target, split into
 * BENCH_READ_ROUNDS interleaved slices), BENCH_READ_WARMUP (seconds per target), BENCH_READ_CONNECTIONS.
 */
const ORDERS = Number(process.env.BENCH_READ_ORDERS ?? 20_000);
const SECONDS = Number(process.env.BENCH_READ_SECONDS ?? 12);
const WARMUP_SECONDS = Number(process.env.BENCH_READ_WARMUP ?? 4);
const CONNECTIONS = Number(process.env.BENCH_READ_CONNECTIONS ?? 50);
const ROUNDS = Number(process.env.BENCH_READ_ROUNDS ?? 3);

/** Extra node flags for the API processes of benchmarks 3–5, e.g. BENCH_API_NODE_ARGS="--cpu-prof --cpu-prof-dir=.data/prof". */
export const apiNodeArgs = (): string[] => process.env.BENCH_API_NODE_ARGS?.split(/\s+/).filter(Boolean) ?? [];

/** The order list a dashboard shows: a page of orders with their lines and products, customer and allocations. */
export const READS = `query Reads($first: Int!) {
  orders(first: $first) {
    edges {
      cursor
      node {
        id number status createdAt
        total { amount currency }
        customer { id name }
        lines { lineNo sku quantity product { sku name } }
        allocations { quantity warehouse { code name } }
      }
    }
    pageInfo { hasNextPage endCursor }
  }
}`;

/** A staff member of `role`, created by the bench admin and signed in; returns an Authorization header value. */
export async function staffAuth(api: Api, admin: string, role: string): Promise<string> {
  const email = `bench-${role.toLowerCase()}-${Date.now()}@bench.local`;
  const password = 'bench-password-123';
  const created = await gql(
    api.url,
    admin,
    `mutation($i: CreateUserInput!) { createUser(input: $i) { user { id } userErrors { code message } } }`,
    {
      i: { email, name: `Bench ${role}`, role, password },
    },
  );
  if (!created.data?.createUser?.user) throw new Error(`createUser failed: ${JSON.stringify(created)}`);
  const r = await gql(
    api.url,
    null,
    `mutation($e: String!, $p: String!) { login(input: { email: $e, password: $p }) { token userErrors { code message } } }`,
    { e: email, p: password },
  );
  if (!r.data?.login?.token) throw new Error(`login as ${role} failed: ${JSON.stringify(r)}`);
  return `Bearer ${r.data.login.token}`;
}

export interface LoadFigures {
  perSecond: number;
  p50: number;
  p99: number;
  requests: number;
  bad: number;
  /** CPU time per request of the server process and of PostgreSQL (all its processes), in ms. */
  serverCpuMs: number;
  databaseCpuMs: number;
}

export interface Target {
  name: string;
  url: string;
  auth: string | null;
  body: string;
  /** The server's process id, to measure its CPU time. */
  pid?: number;
}

/** One autocannon run: completed requests, its duration, every latency, the bad answers and the CPU used. */
async function slice(t: Target, seconds: number, connections: number, dbPids: () => number[] = () => []) {
  const latencies: number[] = [];
  const serverMeter = cpuMeter(() => (t.pid ? [t.pid] : []));
  const databaseMeter = cpuMeter(dbPids);
  // Without a callback autocannon returns its run tracker, an EventEmitter that is also a promise of the result.
  const run = autocannon({
    url: t.url,
    method: 'POST',
    connections,
    duration: seconds,
    headers: { 'content-type': 'application/json', ...(t.auth ? { authorization: t.auth } : {}) },
    body: t.body,
    // A cheap check of every answer: a GraphQL error would still be HTTP 200.
    verifyBody: (b) => typeof b === 'string' && !b.includes('"errors"'),
  });
  (run as unknown as EventEmitter).on('response', (_client: unknown, _status: number, _bytes: number, ms: number) =>
    latencies.push(ms),
  );
  const r = await run;
  const serverCpu = serverMeter.end();
  const databaseCpu = databaseMeter.end();
  return {
    requests: r.requests.total,
    seconds: r.duration,
    latencies,
    serverCpu,
    databaseCpu,
    bad: r.non2xx + r.errors + ((r as unknown as { mismatches?: number }).mismatches ?? 0),
  };
}

/**
 * Closed-loop load from `connections` connections on several targets, interleaved: after a warm-up
 * of each, `rounds` rounds give every target a slice of `seconds / rounds` in turn, so a machine that
 * gets busier or quieter during the run (other processes, CPU boost, caches) affects all alike.
 */
export async function interleaved(
  targets: Target[],
  opts: { seconds?: number; warmup?: number; connections?: number; rounds?: number; databaseUrl?: string } = {},
): Promise<Map<string, LoadFigures>> {
  const dbPids = opts.databaseUrl ? await databasePids(opts.databaseUrl) : () => [];
  const connections = opts.connections ?? CONNECTIONS;
  const rounds = opts.rounds ?? ROUNDS;
  const per = Math.max(1, Math.round((opts.seconds ?? SECONDS) / rounds));
  const warmup = opts.warmup ?? WARMUP_SECONDS;
  if (warmup > 0) for (const t of targets) await slice(t, warmup, connections);
  const totals = new Map(
    targets.map((t) => [
      t.name,
      { requests: 0, seconds: 0, latencies: [] as number[], bad: 0, serverCpu: 0, databaseCpu: 0 },
    ]),
  );
  for (let r = 0; r < rounds; r++) {
    for (const t of r % 2 ? [...targets].reverse() : targets) {
      const s = await slice(t, per, connections, dbPids);
      const total = totals.get(t.name)!;
      total.serverCpu += s.serverCpu;
      total.databaseCpu += s.databaseCpu;
      total.requests += s.requests;
      total.seconds += s.seconds;
      total.bad += s.bad;
      for (const l of s.latencies) total.latencies.push(l);
    }
  }
  return new Map(
    [...totals].map(([name, t]) => [
      name,
      {
        perSecond: t.requests / t.seconds,
        p50: percentile(t.latencies, 50),
        p99: percentile(t.latencies, 99),
        requests: t.requests,
        bad: t.bad,
        serverCpuMs: t.serverCpu / t.requests,
        databaseCpuMs: t.databaseCpu / t.requests,
      },
    ]),
  );
}

/** The baseline server of bench/baselines/reads-server.ts, in its own process like the API. */
async function startBaseline(databaseUrl: string): Promise<{ url: string; pid: number; stop(): Promise<void> }> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    [...apiNodeArgs(), path.join(__dirname, '../baselines/reads-server.js')],
    {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), NODE_ENV: 'production' },
    },
  );
  await waitForHealth(port, 30_000);
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    pid: child.pid!,
    async stop() {
      if (child.exitCode !== null) return;
      const gone = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([gone, sleep(5000).then(() => child.kill('SIGKILL'))]);
    },
  };
}

async function sample(url: string, auth: string | null, first = 20) {
  const r = await gql(url, auth, READS, { first });
  if (r.status !== 200 || r.errors || r.data?.orders?.edges?.length !== first)
    throw new Error(`unexpected answer from ${url}: ${JSON.stringify(r).slice(0, 500)}`);
  return r.data;
}

const describe = (f: LoadFigures) =>
  `${f.requests} requests, ${f.perSecond.toFixed(0)}/s, p50 ${f.p50.toFixed(1)} ms, p99 ${f.p99.toFixed(1)} ms, ${f.bad} bad; ` +
  `CPU per request: server ${f.serverCpuMs.toFixed(2)} ms, PostgreSQL ${f.databaseCpuMs.toFixed(2)} ms`;

/**
 * 3. Reads: `orders(first: 20)` with lines and products, customer and allocation warehouses, from 50
 * connections, against a bare graphql-js + pg server answering the same JSON (bench/baselines), and
 * the API with its guards (authentication, rate limit, token cap, graphql-armor, cost limit) on and
 * off (GUARDS=off). The three servers run side by side, each in its own process with a pool of 20
 * connections, and are loaded in turn (see `interleaved`).
 *
 * Who reads: a DISPATCHER (no CUSTOMER_PII_READ: names masked, no audit row) against the baseline; the
 * guards comparison reads as ADMIN, because the GUARDS=off principal has every permission, so both
 * sides show names and write the personal-data audit row each response.
 */
export async function reads(db: Database) {
  const label = '3 reads';
  const url = await db.create();
  const body = JSON.stringify({ query: READS, variables: { first: 20 } });
  const api = await startApi(url, {}, apiNodeArgs());
  let off: Api | undefined;
  let baseline: { url: string; pid: number; stop(): Promise<void> } | undefined;
  let figures: Map<string, LoadFigures>;
  try {
    const data = await createOrdersData(url, { orders: ORDERS });
    log(
      label,
      `${data.orders} orders, ${data.lines} lines, ${data.allocations} allocations, ${data.events} events in ${data.seconds.toFixed(1)} s`,
    );
    off = await startApi(url, { GUARDS: 'off' }, apiNodeArgs());
    baseline = await startBaseline(url);
    const admin = await adminAuth(api);
    const dispatcher = await staffAuth(api, admin, 'DISPATCHER');
    const masked = await sample(api.url, dispatcher);
    const unmasked = await sample(api.url, admin);
    if (!isDeepStrictEqual(await sample(off.url, null), unmasked))
      throw new Error('GUARDS=off answers differently from ADMIN with guards');
    const answer = await sample(baseline.url, null);
    if (!isDeepStrictEqual(answer, masked))
      throw new Error(
        `the baseline answers differently from the API:\n${JSON.stringify(answer).slice(0, 800)}\n${JSON.stringify(masked).slice(0, 800)}`,
      );
    figures = await interleaved(
      [
        { name: 'API, guards on, as DISPATCHER', url: api.url, auth: dispatcher, body, pid: api.process.pid },
        { name: 'baseline (graphql-js + pg)', url: baseline.url, auth: null, body, pid: baseline.pid },
        { name: 'API, guards on, as ADMIN', url: api.url, auth: admin, body, pid: api.process.pid },
        { name: 'API, GUARDS=off', url: off.url, auth: null, body, pid: off.process.pid },
      ],
      { databaseUrl: url },
    );
  } finally {
    await Promise.all([api.stop(), off?.stop(), baseline?.stop()]);
  }
  for (const [name, f] of figures) log(label, `${name}: ${describe(f)}`);
  const on = figures.get('API, guards on, as DISPATCHER')!;
  const base = figures.get('baseline (graphql-js + pg)')!;
  const onAdmin = figures.get('API, guards on, as ADMIN')!;
  const offAdmin = figures.get('API, GUARDS=off')!;
  report({
    benchmark: label,
    name: 'orders(first: 20) throughput',
    value: on.perSecond,
    unit: 'req/s',
    baseline: base.perSecond,
    goal: { atLeast: 0.5 },
  });
  report({ benchmark: label, name: 'p50 latency', value: on.p50, unit: 'ms', baseline: base.p50 });
  report({ benchmark: label, name: 'p99 latency', value: on.p99, unit: 'ms', baseline: base.p99 });
  report({
    benchmark: label,
    name: 'guards on vs off (as ADMIN)',
    value: onAdmin.perSecond,
    unit: 'req/s',
    baseline: offAdmin.perSecond,
    goal: { atLeast: 0.9 },
  });
  report({
    benchmark: label,
    name: 'failed responses',
    value: [...figures.values()].reduce((s, f) => s + f.bad, 0),
    unit: 'responses',
    goal: { atMost: 0 },
  });
}
