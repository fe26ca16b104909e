import { createRequire } from 'node:module';
import path from 'node:path';
import { Client } from 'pg';
import { createComplaintsData } from '../lib/complaints-data';
import { cpuMeter, databasePids } from '../lib/cpu';
import { percentile } from '../lib/load';
import { createOrdersData } from '../lib/orders-data';
import { adminAuth, Database, gql, REPO_ROOT, startApi } from '../lib/platform';
import { log, report } from '../lib/report';
import { apiNodeArgs, staffAuth } from './reads';

/**
 * Knobs: BENCH_COMPLAINTS_OPEN (open complaints, default 100,000), BENCH_COMPLAINTS_DONE (resolved or
 * closed ones besides, default 20,000), BENCH_COMPLAINTS_REQUESTS (per page, default 200),
 * BENCH_COMPLAINTS_POSITION (the deep page follows this row of the open queue, default 90,000),
 * BENCH_COMPLAINTS_DUE (the sweeps: "minute" = one minute after the clocks were read, or a share of
 * the open complaints due, default "minute,0.1,1"), BENCH_COMPLAINTS_BASELINE_BATCH (default 1,000).
 */
const OPEN = Number(process.env.BENCH_COMPLAINTS_OPEN ?? 100_000);
const DONE = Number(process.env.BENCH_COMPLAINTS_DONE ?? 20_000);
const REQUESTS = Number(process.env.BENCH_COMPLAINTS_REQUESTS ?? 200);
const POSITION = Math.min(Number(process.env.BENCH_COMPLAINTS_POSITION ?? 90_000), OPEN - 100);
const DUE = (process.env.BENCH_COMPLAINTS_DUE ?? 'minute,0.1,1').split(',');
/** Complaints per statement of the set-based baseline sweep. */
const BASELINE_BATCH = Number(process.env.BENCH_COMPLAINTS_BASELINE_BATCH ?? 1000);
const PAGE_SIZE = 50;
const AGENTS = 20;

/** The queue's query as the dashboard sends it (apps/dashboard/src/modules/complaints/graphql/complaints.ts, ComplaintRow). */
const QUEUE = `query Complaints($first: Int!, $after: String, $filter: ComplaintFilter) {
  complaints(first: $first, after: $after, filter: $filter) {
    edges { cursor node {
      id number status category channel department priority openedAt respondedAt resolvedAt closedAt escalatedAt lastEventSequence
      owner { id name } customer { id name } order { id number }
      sla { state kind dueAt secondsLeft responseDueAt resolutionDueAt responseBreached resolutionBreached policy pausedSeconds }
    } }
    pageInfo { hasNextPage endCursor }
  }
}`;

const OPEN_SQL = `c.status NOT IN ('RESOLVED', 'CLOSED')`;

interface Page {
  name: string;
  filter: Record<string, unknown>;
  /** The same conditions in SQL on alias c. */
  where: string;
  after: string | null;
}

/** The API's cursor for a complaint (common/connection.ts: base64url JSON of [due_at, id]). */
const cursorOf = (dueAt: Date, id: string) =>
  Buffer.from(JSON.stringify([dueAt.toISOString(), id])).toString('base64url');

/** The hand-written baseline: one keyset statement with the row's customer, order and owner joined. */
function baselineSql(p: Page): { text: string; values: unknown[] } {
  const values: unknown[] = [];
  const where = [p.where];
  if (p.after) {
    const [due, id] = JSON.parse(Buffer.from(p.after, 'base64url').toString('utf8')) as string[];
    values.push(due, id);
    where.push(`(c.due_at, c.id) > ($1::timestamptz, $2::uuid)`);
  }
  values.push(PAGE_SIZE + 1);
  return {
    text: `SELECT c.*, cu.name AS customer_name, o.number AS order_number, u.name AS owner_name
             FROM complaint c JOIN customer cu ON cu.id = c.customer_id LEFT JOIN orders o ON o.id = c.order_id
             LEFT JOIN staff_user u ON u.id = c.owner_id
            WHERE ${where.join(' AND ')} ORDER BY c.due_at, c.id LIMIT $${values.length}`,
    values,
  };
}

/** The API's own statement (what TypeORM sends for ComplaintQueryService.complaints), for EXPLAIN ANALYZE. */
function apiSql(p: Page): { text: string; values: unknown[] } {
  const b = baselineSql(p);
  return {
    text: `SELECT c.* FROM complaint c WHERE ${[p.where, ...(p.after ? ['(c.due_at, c.id) > ($1, $2)'] : [])].join(' AND ')}
            ORDER BY c.due_at ASC, c.id ASC LIMIT $${b.values.length}`,
    values: b.values,
  };
}

interface SweepServices {
  complaintSweep: { run(actor: unknown, now?: number): Promise<number> };
}

/** The built API's services in this process, as apps/api/src/db/seed/complaints.ts makes them. */
async function sweepServices(
  url: string,
): Promise<{ services: SweepServices; domain: SlaDomain; destroy(): Promise<void> }> {
  process.env.LOG_LEVEL ??= 'warn';
  const req = createRequire(path.join(REPO_ROOT, 'apps/api/package.json'));
  req('reflect-metadata');
  const { createDataSource } = req('./dist/src/db/data-source.js');
  const { createServices } = req('./dist/src/app/services.js');
  const ds = createDataSource(url, 4);
  await ds.initialize();
  const services = createServices(ds, { authSecret: undefined, tokenTtlMinutes: 60, sessionHours: 8 }) as SweepServices;
  return { services, domain: req('@fulfilment/domain') as SlaDomain, destroy: () => ds.destroy() };
}

type Policy = { name: string; responseMinutes: number; resolutionMinutes: number; atRiskShare: number };
type Clock = {
  startedAt: number;
  openedAt: number;
  pausedMs: number;
  pausedSince: number | null;
  respondedAt: number | null;
  resolvedAt: number | null;
};
interface SlaDomain {
  readSla(
    p: Policy,
    c: Clock,
    now: number,
  ): { state: string; kind: string; dueAt: number; responseBreached: boolean; resolutionBreached: boolean };
  nextSlaCheckAt(p: Policy, c: Clock, now: number): number | null;
}

/**
 * The baseline of the sweep: the same readings (packages/domain readSla / nextSlaCheckAt, the same
 * events) written set-based, per batch of `batch` due complaints one SELECT … FOR UPDATE SKIP LOCKED,
 * one UPDATE … FROM unnest(…) and one INSERT of the events; no NOTIFY, no webhook or outbox rows.
 * All in one transaction that is rolled back, so the platform's sweep then finds the same rows due.
 */
async function setBasedSweep(c: Client, domain: SlaDomain, now: number, batch: number) {
  const started = performance.now();
  let statements = 0;
  let changed = 0;
  let events = 0;
  await c.query('BEGIN');
  try {
    for (;;) {
      const { rows } = await c.query(
        `SELECT k.id, k.status, k.sla_policy, k.opened_at, k.started_at, k.paused_ms, k.paused_since, k.responded_at,
                k.resolved_at, k.sla_state, k.due_at, k.response_breached, k.resolution_breached, k.escalated_at,
                k.last_event_sequence
           FROM complaint_clock cc JOIN complaint k ON k.id = cc.complaint_id
          WHERE cc.next_check_at <= $1 ORDER BY cc.next_check_at LIMIT $2 FOR UPDATE OF k SKIP LOCKED`,
        [new Date(now), batch],
      );
      statements++;
      const u = { id: [] as string[], s: [] as string[], d: [] as Date[] };
      const clocks = { id: [] as string[], n: [] as Date[], stopped: [] as string[] };
      const f = { rb: [] as boolean[], sb: [] as boolean[], e: [] as (Date | null)[], seq: [] as number[] };
      const ev = {
        id: [] as string[],
        seq: [] as number[],
        type: [] as string[],
        status: [] as string[],
        reason: [] as string[],
      };
      for (const k of rows) {
        const clock: Clock = {
          startedAt: k.started_at.getTime(),
          openedAt: k.opened_at.getTime(),
          pausedMs: Number(k.paused_ms),
          pausedSince: k.paused_since?.getTime() ?? null,
          respondedAt: k.responded_at?.getTime() ?? null,
          resolvedAt: k.resolved_at?.getTime() ?? null,
        };
        const r = domain.readSla(k.sla_policy, clock, now);
        const add: [string, string][] = [];
        if (r.state === 'AT_RISK' && k.sla_state === 'ON_TRACK' && !k.resolved_at) add.push(['SLA_AT_RISK', 'at risk']);
        let rb = k.response_breached as boolean;
        let sb = k.resolution_breached as boolean;
        let esc = k.escalated_at as Date | null;
        if (r.responseBreached && !rb && !k.responded_at) {
          rb = true;
          add.push(['SLA_BREACHED', 'response late']);
        }
        if (r.resolutionBreached && !sb) {
          sb = true;
          add.push(['SLA_BREACHED', 'resolution late']);
        }
        if ((r.state === 'AT_RISK' || r.state === 'BREACHED') && !esc && !k.resolved_at) {
          esc = new Date(now);
          add.push(['ESCALATED', 'escalated']);
        }
        const next = domain.nextSlaCheckAt(k.sla_policy, clock, now);
        if (next === null) clocks.stopped.push(k.id);
        else {
          clocks.id.push(k.id);
          clocks.n.push(new Date(next));
        }
        if (add.length || r.state !== k.sla_state || r.dueAt !== k.due_at.getTime()) {
          u.id.push(k.id);
          u.s.push(r.state);
          u.d.push(new Date(r.dueAt));
          f.rb.push(rb);
          f.sb.push(sb);
          f.e.push(esc);
          f.seq.push(k.last_event_sequence + add.length);
        }
        if (add.length) changed++;
        add.forEach(([type, reason], i) => {
          ev.id.push(k.id);
          ev.seq.push(k.last_event_sequence + 1 + i);
          ev.type.push(type);
          ev.status.push(k.status);
          ev.reason.push(reason);
        });
      }
      if (u.id.length) {
        await c.query(
          `UPDATE complaint c SET sla_state = u.s, due_at = u.d, response_breached = u.rb, resolution_breached = u.sb,
                  escalated_at = u.e, last_event_sequence = u.seq, updated_at = now()
             FROM unnest($1::uuid[], $2::text[], $3::timestamptz[], $4::bool[], $5::bool[], $6::timestamptz[], $7::int[])
                  AS u(id, s, d, rb, sb, e, seq)
            WHERE c.id = u.id`,
          [u.id, u.s, u.d, f.rb, f.sb, f.e, f.seq],
        );
        statements++;
      }
      if (clocks.id.length) {
        await c.query(
          `UPDATE complaint_clock cc SET next_check_at = u.n FROM unnest($1::uuid[], $2::timestamptz[]) AS u(id, n)
            WHERE cc.complaint_id = u.id`,
          [clocks.id, clocks.n],
        );
        statements++;
      }
      if (clocks.stopped.length) {
        await c.query(`DELETE FROM complaint_clock WHERE complaint_id = ANY($1::uuid[])`, [clocks.stopped]);
        statements++;
      }
      if (ev.id.length) {
        await c.query(
          `INSERT INTO complaint_event (complaint_id, sequence, type, from_status, to_status, reason, actor)
           SELECT d.id, d.seq, d.type, d.status, d.status, d.reason, 'system'
             FROM unnest($1::uuid[], $2::int[], $3::text[], $4::text[], $5::text[]) AS d(id, seq, type, status, reason)`,
          [ev.id, ev.seq, ev.type, ev.status, ev.reason],
        );
        statements++;
        events += ev.id.length;
      }
      if (rows.length < batch) break;
    }
    return { ms: performance.now() - started, statements, changed, events };
  } finally {
    await c.query('ROLLBACK');
    await c.query('VACUUM complaint');
    await c.query('VACUUM complaint_clock');
    await c.query('VACUUM complaint_event');
  }
}

const ms = (n: number) => n.toFixed(n >= 100 ? 0 : 1);

/**
 * 14. Complaints queue and SLA sweep. 100,000 open complaints (and 20,000 resolved or closed) written
 * in SQL with clocks consistent with readSla at the moment of generation. The queue as the dashboard
 * reads it, `complaints(first: 50, filter: {openOnly: true})`, over HTTP: page 1, the page after row
 * 90,000 (a cursor from SQL, checked against the API's own cursors), page 1 of the AT_RISK ones and of
 * one department, p50/p99 over 200 requests each, interleaved with the hand-written keyset statement
 * (with the row's customer, order and owner joined) on PostgreSQL as the baseline; EXPLAIN ANALYZE of
 * each. Then ComplaintSlaSweep.run in this process (the services of the built API on their own pool,
 * as the job runs them; the API runs with JOBS=off so its own job does not race it): once at the moment
 * when 10 % of the open complaints are due (their next look has come: they turn at risk or breach),
 * once with all 100,000 due (a sweep after an outage): time, statements (pg_stat_statements) and cores.
 */
export async function complaints(db: Database) {
  const label = '14 complaints';
  const url = await db.create();
  const api = await startApi(url, { JOBS: 'off' }, apiNodeArgs());
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const orders = await createOrdersData(url, { orders: 20_000, customers: 10_000, lines: false, history: false });
    const admin = await adminAuth(api);
    const auth = await staffAuth(api, admin, 'CUSTOMER_SERVICE');
    await client.query(
      `INSERT INTO staff_user (email, name, role, password_hash, active)
       SELECT 'bench-agent-' || i || '@bench.local', '客服 ' || i, 'CUSTOMER_SERVICE', 'not-a-hash', true FROM generate_series(1, $1) i`,
      [AGENTS],
    );
    const ownerIds = (
      await client.query(`SELECT id FROM staff_user WHERE email LIKE 'bench-agent-%' ORDER BY email`)
    ).rows.map((r) => r.id as string);
    const generatedAt = Date.now();
    const data = await createComplaintsData(client, { open: OPEN, done: DONE, nowMs: generatedAt, ownerIds });
    const states = (
      await client.query(`SELECT status, sla_state, count(*)::int AS n FROM complaint GROUP BY 1, 2 ORDER BY 1, 2`)
    ).rows.map((r) => `${r.status}/${r.sla_state} ${r.n}`);
    log(
      label,
      `${orders.orders} orders (${orders.seconds.toFixed(1)} s), ${data.open} open + ${data.done} resolved/closed complaints with ${data.events} events generated in ${data.seconds.toFixed(1)} s: ${states.join(', ')}`,
    );

    // --- The queue ---
    const deep = (
      await client.query(`SELECT due_at, id FROM complaint c WHERE ${OPEN_SQL} ORDER BY due_at, id OFFSET $1 LIMIT 1`, [
        POSITION - 1,
      ])
    ).rows[0];
    const deepCursor = cursorOf(deep.due_at, deep.id);
    const pages: Page[] = [
      { name: 'page 1', filter: { openOnly: true }, where: OPEN_SQL, after: null },
      {
        name: `page after row ${POSITION.toLocaleString('en')}`,
        filter: { openOnly: true },
        where: OPEN_SQL,
        after: deepCursor,
      },
      {
        name: 'page 1, slaState AT_RISK',
        filter: { openOnly: true, slaState: 'AT_RISK' },
        where: `${OPEN_SQL} AND c.sla_state = 'AT_RISK'`,
        after: null,
      },
      {
        name: 'page 1, department DELIVERY',
        filter: { openOnly: true, department: 'DELIVERY' },
        where: `${OPEN_SQL} AND c.department = 'DELIVERY'`,
        after: null,
      },
    ];
    // The API's cursors walk the queue: 3 pages by endCursor agree with SQL, and the deep page starts after row POSITION.
    let after: string | null = null;
    for (let k = 0; k < 3; k++) {
      const r: { errors?: unknown; data?: any } = await gql(api.url, auth, QUEUE, {
        first: PAGE_SIZE,
        after,
        filter: { openOnly: true },
      });
      if (r.errors || r.data.complaints.edges.length !== PAGE_SIZE)
        throw new Error(`queue page ${k + 1} failed: ${JSON.stringify(r).slice(0, 400)}`);
      const sql = await client.query(
        baselineSql({ ...pages[0], after }).text,
        baselineSql({ ...pages[0], after }).values,
      );
      const got = r.data.complaints.edges.map((e: any) => e.node.number).join();
      const want = sql.rows
        .slice(0, PAGE_SIZE)
        .map((x) => x.number)
        .join();
      if (got !== want)
        throw new Error(`queue page ${k + 1} differs from SQL: ${got.slice(0, 100)} vs ${want.slice(0, 100)}`);
      after = r.data.complaints.pageInfo.endCursor;
    }
    const check = await gql(api.url, auth, QUEUE, { first: PAGE_SIZE, after: deepCursor, filter: { openOnly: true } });
    const wantDeep = (
      await client.query(`SELECT number FROM complaint c WHERE ${OPEN_SQL} ORDER BY due_at, id OFFSET $1 LIMIT 1`, [
        POSITION,
      ])
    ).rows[0].number;
    if (check.errors || check.data.complaints.edges[0]?.node.number !== wantDeep)
      throw new Error(`the deep page does not start at row ${POSITION + 1}: ${JSON.stringify(check).slice(0, 300)}`);

    const timedApi = async (p: Page) => {
      const t = performance.now();
      const r = await gql(api.url, auth, QUEUE, { first: PAGE_SIZE, after: p.after, filter: p.filter });
      if (r.status !== 200 || r.errors || r.data.complaints.edges.length !== PAGE_SIZE)
        throw new Error(`${p.name} failed: ${JSON.stringify(r).slice(0, 300)}`);
      return performance.now() - t;
    };
    const timedSql = async (p: Page) => {
      const q = baselineSql(p);
      const t = performance.now();
      const r = await client.query(q.text, q.values);
      if (r.rows.length !== PAGE_SIZE + 1) throw new Error(`baseline ${p.name}: ${r.rows.length} rows`);
      return performance.now() - t;
    };
    for (let i = 0; i < 10; i++) for (const p of pages) await Promise.all([timedApi(p), timedSql(p)]);
    const timesApi = pages.map(() => [] as number[]);
    const timesSql = pages.map(() => [] as number[]);
    for (let i = 0; i < REQUESTS; i++)
      for (const [j, p] of pages.entries()) {
        timesApi[j].push(await timedApi(p));
        timesSql[j].push(await timedSql(p));
      }
    // Statements per page request, and the plans.
    await client.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
    const resetStatements = () =>
      client.query(
        `SELECT pg_stat_statements_reset(0, (SELECT oid FROM pg_database WHERE datname = current_database()), 0)`,
      );
    const statements = async () =>
      (
        await client.query(
          `SELECT calls::int, total_exec_time AS ms, total_plan_time AS plan, rows::bigint AS rows, query FROM pg_stat_statements
            WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) AND query NOT ILIKE '%pg_stat_statements%'
            ORDER BY total_exec_time + total_plan_time DESC`,
        )
      ).rows as { calls: number; ms: number; plan: number; rows: string; query: string }[];
    await resetStatements();
    await timedApi(pages[1]);
    const perPage = await statements();
    log(
      label,
      `statements per queue page (${pages[1].name}): ${perPage.reduce((s, x) => s + x.calls, 0)} — ${perPage
        .map((s) => `${s.calls}× ${s.query.replace(/\s+/g, ' ').slice(0, 70)}`)
        .join(' | ')}`,
    );
    for (const [j, p] of pages.entries()) {
      const q = apiSql(p);
      const plan = (await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${q.text}`, q.values)).rows.map(
        (r) => r['QUERY PLAN'] as string,
      );
      log(label, `EXPLAIN ANALYZE, ${p.name} (the API's statement):\n${plan.map((l) => `      ${l}`).join('\n')}`);
      const p50 = percentile(timesApi[j], 50);
      const p99 = percentile(timesApi[j], 99);
      const b50 = percentile(timesSql[j], 50);
      const b99 = percentile(timesSql[j], 99);
      log(
        label,
        `${p.name}: API p50 ${ms(p50)} ms, p99 ${ms(p99)} ms; SQL baseline p50 ${ms(b50)} ms, p99 ${ms(b99)} ms`,
      );
      report({
        benchmark: label,
        name: `complaints(first: 50, openOnly) ${p.name}, p99 over HTTP (p50 ${ms(p50)} ms)`,
        value: p99,
        unit: 'ms',
        baseline: b99,
        goal: { atMost: 50 },
        goalOnValue: true,
        note: `baseline: the keyset statement on PostgreSQL, p50 ${ms(b50)} ms`,
      });
    }

    // --- The sweep ---
    const sweep = await sweepServices(url);
    const pgPids = await databasePids(url);
    const actor = { principal: null, requestId: 'bench:complaint.sla-sweep', clientIp: null };
    let clock = generatedAt;
    try {
      for (const which of DUE) {
        const share = Number(which);
        const due = Math.round(OPEN * share);
        if (which === 'minute') {
          // The job's steady case: one minute after the clocks were read, what has come due since.
          clock = Math.max(clock, generatedAt + 60_000);
        } else if (share >= 1) {
          // A sweep after an outage (or the first after a deploy): every open complaint's look is due.
          clock += 60_000;
          await client.query(
            `INSERT INTO complaint_clock (complaint_id, next_check_at) SELECT c.id, $1 FROM complaint c WHERE ${OPEN_SQL}
             ON CONFLICT (complaint_id) DO UPDATE SET next_check_at = EXCLUDED.next_check_at`,
            [new Date(clock - 1000)],
          );
          await client.query('VACUUM ANALYZE complaint_clock');
        } else {
          // The moment the due-th next look comes (the clock moved on since the data was generated).
          const r = await client.query(
            `SELECT next_check_at FROM complaint_clock ORDER BY next_check_at OFFSET $1 LIMIT 1`,
            [due - 1],
          );
          if (!r.rows.length) throw new Error(`fewer than ${due} complaints have a next look`);
          clock = Math.max(clock, r.rows[0].next_check_at.getTime());
        }
        const dueNow = (
          await client.query(`SELECT count(*)::int AS n FROM complaint_clock WHERE next_check_at <= $1`, [
            new Date(clock),
          ])
        ).rows[0].n as number;
        const base = await setBasedSweep(client, sweep.domain, clock, BASELINE_BATCH);
        log(
          label,
          `baseline, set-based in batches of ${BASELINE_BATCH} (rolled back): ${ms(base.ms)} ms, ${base.changed} changed, ${base.events} events, ${base.statements} statements`,
        );
        const eventsBefore = (await client.query(`SELECT count(*)::int AS n FROM complaint_event`)).rows[0].n as number;
        await resetStatements();
        const cpuPg = cpuMeter(pgPids);
        const cpuSelf = process.cpuUsage();
        const t = performance.now();
        const changed = await sweep.services.complaintSweep.run(actor, clock);
        const took = performance.now() - t;
        const self = process.cpuUsage(cpuSelf);
        const pgCores = cpuPg.end() / took;
        const st = await statements();
        const eventsAfter = (await client.query(`SELECT count(*)::int AS n FROM complaint_event`)).rows[0].n as number;
        const left = (
          await client.query(`SELECT count(*)::int AS n FROM complaint_clock WHERE next_check_at <= $1`, [
            new Date(clock),
          ])
        ).rows[0].n as number;
        const calls = st.reduce((s, x) => s + x.calls, 0);
        const dbMs = st.reduce((s, x) => s + x.ms + x.plan, 0);
        const transitions = (
          await client.query(
            `SELECT sla_state, count(*)::int AS n FROM complaint c WHERE ${OPEN_SQL} GROUP BY 1 ORDER BY 1`,
          )
        ).rows.map((r) => `${r.sla_state} ${r.n}`);
        log(
          label,
          `sweep at +${((clock - generatedAt) / 60_000).toFixed(1)} min with ${dueNow.toLocaleString('en')} due (${((dueNow / OPEN) * 100).toFixed(1)} % of the open): ${ms(took)} ms = ${((took / dueNow) * 1000).toFixed(0)} µs per complaint, ${changed} changed, ${eventsAfter - eventsBefore} events, ${left} still due after; ${calls} statements (${(calls / dueNow).toFixed(2)} per complaint), ${(dbMs / 1000).toFixed(2)} s inside PostgreSQL; cores busy: PostgreSQL ${pgCores.toFixed(2)}, sweep process ${((self.user + self.system) / 1000 / took).toFixed(2)}; open complaints now ${transitions.join(', ')}`,
        );
        for (const s of st.slice(0, 8))
          log(
            label,
            `  SQL ${s.calls}× ${(s.ms / s.calls).toFixed(3)} ms each (+ ${(s.plan / s.calls).toFixed(3)} ms planning), ${((s.ms + s.plan) / 1000).toFixed(2)} s in all: ${s.query.replace(/\s+/g, ' ').slice(0, 110)}`,
          );
        report({
          benchmark: label,
          name: `ComplaintSlaSweep.run, ${dueNow.toLocaleString('en')} of ${OPEN.toLocaleString('en')} open due (${changed.toLocaleString('en')} changed, ${calls.toLocaleString('en')} statements)`,
          value: took,
          unit: 'ms',
          baseline: base.ms,
          goal: { atMost: 1000 },
          goalOnValue: true,
          note: `baseline: the same readings written set-based, ${base.statements} statements`,
        });
      }
    } finally {
      await sweep.destroy();
    }
    report({
      benchmark: label,
      name: `generating ${OPEN.toLocaleString('en')} + ${DONE.toLocaleString('en')} complaints in SQL`,
      value: data.seconds,
      unit: 's',
    });
  } finally {
    await client.end();
    await api.stop();
  }
}
