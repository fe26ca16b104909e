import 'reflect-metadata';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createClient } from 'graphql-ws';
import { Client } from 'pg';
import WebSocket from 'ws';
import { REPO_ROOT } from '../../src/config';
import { createDataSource } from '../../src/db/data-source';
import { EmbeddedDatabase, freePort, startEmbeddedPostgres } from '../../src/db/embedded';
import { createCustomer, createProduct, createWarehouses } from '../factories';
import { findViolations, Violation } from './invariants';
import { gqlPost, MODE, printSummary, rng, seedFromEnv, sleep, SKIP_OUTSIDE_RELIABILITY_RUN } from './load';

/**
 * Crash: the API runs as its own process, as deployed, and is killed with SIGKILL again and again while
 * 50 clients place orders, each retrying the same idempotency key until it gets an answer; once,
 * PostgreSQL itself is restarted under the running API. Live subscribers reconnect and catch up from
 * the event table. Afterwards: every key made exactly one order, the invariants hold, every subscriber
 * saw every event exactly once, and every restart was ready within 5 s.
 */

const PLAN = {
  short: { clients: 50, kills: 3, killEveryMs: 5_000, pgRestartAfterKill: 1, subscribers: 3 },
  full: { clients: 50, kills: 12, killEveryMs: 10_000, pgRestartAfterKill: 6, subscribers: 3 },
}[MODE];
/** Spawn → /health 200 and a query answered. RELIABILITY_READY_LIMIT_MS overrides it for slow shared machines. */
const READY_LIMIT_MS = Number(process.env.RELIABILITY_READY_LIMIT_MS || 5_000);
const ADMIN = { email: 'crash-admin@reliability.local', password: 'crash-admin-password-1' };
const MAIN = path.join(REPO_ROOT, 'apps/api/dist/src/main.js');
const SKUS = 20;
const WAREHOUSES = ['SH-01', 'BJ-01'];

const PLACE = `mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { order { id number status } userErrors { code field message } } }`;
const ADJUST = `mutation($input: AdjustStockInput!) { adjustStock(input: $input) { userErrors { code message } } }`;
const READY_QUERY = `{ orderEvents(first: 1) { pageInfo { hasNextPage } } }`;
const EVENTS_PAGE = `query($after: String) { orderEvents(first: 100, after: $after) { edges { cursor node { id sequence } } pageInfo { hasNextPage endCursor } } }`;
const LIVE = `subscription { orderStatusChanged { id sequence toStatus } }`;

const T0 = performance.now();
const t = () => Math.round(performance.now() - T0);

/** OrderEvent global ids are base64url("OrderEvent:<bigint>"); the number orders them. */
const eventNumber = (globalId: string) => Buffer.from(globalId, 'base64url').toString('utf8').split(':')[1];
const orderUuid = (globalId: string) => Buffer.from(globalId, 'base64url').toString('utf8').split(':')[1];

/** The built API as its own process on a fixed port, killed and started again by the test. */
class ApiProcess {
  child: ChildProcess | null = null;
  readyMs: number[] = [];
  /** Per start: ms until /health first answered 200. */
  healthMs: number[] = [];
  /** Per start: ms until the API logged that it listens. */
  listenMs: number[] = [];
  /** Starts not ready within the limit: what the database was doing then. */
  slowStarts: unknown[] = [];
  /** Errors the API logged, by message. */
  errorLog: Record<string, number> = {};
  exits: string[] = [];
  private tail = '';
  readonly url: string;
  readonly wsUrl: string;
  token = '';

  constructor(
    private readonly port: number,
    private readonly databaseUrl: string,
  ) {
    this.url = `http://127.0.0.1:${port}/graphql`;
    this.wsUrl = `ws://127.0.0.1:${port}/graphql`;
  }

  /** Spawns the API and waits until /health is 200 and a GraphQL query answers; returns the ms that took. */
  async start(): Promise<number> {
    const spawned = performance.now();
    const child = spawn(process.execPath, [MAIN], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        NODE_ENV: 'production',
        // One API process, SIGKILLed as a whole (workers.int-spec.ts covers WORKERS > 1).
        WORKERS: '1',
        DATABASE_URL: this.databaseUrl,
        PORT: String(this.port),
        SEED: 'none',
        LOG_LEVEL: 'info', // start-up lines only; the API logs no requests at info
        LOG_JSON: '1',
        AUTH_SECRET: 'reliability-crash-secret-0123456789abcdef',
        ADMIN_EMAIL: ADMIN.email,
        ADMIN_PASSWORD: ADMIN.password,
        RATE_LIMIT_PER_MINUTE: '100000000',
        ANONYMOUS_RATE_LIMIT_PER_MINUTE: '100000000',
      },
    });
    this.child = child;
    const keep = (d: Buffer) => void (this.tail = (this.tail + d.toString()).slice(-6000));
    const spawnedAt = Date.now();
    let partial = '';
    child.stdout!.on('data', (d: Buffer) => {
      keep(d);
      const lines = (partial + d.toString()).split('\n');
      partial = lines.pop()!;
      for (const line of lines) this.readLogLine(line, spawnedAt);
    });
    child.stderr!.on('data', keep);
    child.once('exit', (code, signal) => this.exits.push(signal ?? `code ${code}`));
    let listening = 0;
    let diagnosed = false;
    for (;;) {
      if (!diagnosed && performance.now() - spawned > READY_LIMIT_MS) {
        diagnosed = true;
        this.slowStarts.push({
          afterMs: Math.round(performance.now() - spawned),
          listening: listening > 0,
          sessions: await this.sessions().catch((e) => String(e)),
        });
      }
      if (child.exitCode !== null) throw new Error(`API exited during start-up: ${this.tail}`);
      if (performance.now() - spawned > 60_000) throw new Error(`API not ready after 60 s: ${this.tail}`);
      const state = await this.state();
      if (state !== 'down' && !listening) listening = Math.round(performance.now() - spawned);
      if (state === 'answers') break;
      await sleep(20);
    }
    const ms = Math.round(performance.now() - spawned);
    this.readyMs.push(ms);
    this.healthMs.push(listening);
    return ms;
  }

  /** Start-up time as the API logged it, and what its errors were about (counted by message). */
  private readLogLine(line: string, spawnedAt: number) {
    let entry: { level?: number; time?: number; msg?: string; err?: { message?: string } | string };
    try {
      entry = JSON.parse(line);
    } catch {
      return;
    }
    if (entry.msg?.startsWith('GraphQL API ready') && entry.time) this.listenMs.push(entry.time - spawnedAt);
    if ((entry.level ?? 0) >= 50) {
      const what = `${entry.msg}: ${typeof entry.err === 'string' ? entry.err : (entry.err?.message ?? '')}`.slice(
        0,
        160,
      );
      this.errorLog[what] = (this.errorLog[what] ?? 0) + 1;
    }
  }

  /** What PostgreSQL's sessions are doing, grouped, for a start that is slow. */
  async sessions(): Promise<unknown> {
    const c = new Client({ connectionString: this.databaseUrl });
    c.on('error', () => undefined);
    await c.connect();
    try {
      const { rows } = await c.query(
        `SELECT application_name AS app, state, wait_event_type AS wait_type, wait_event AS wait, left(query, 60) AS query, count(*)::int AS n,
                max(extract(epoch FROM now() - coalesce(xact_start, backend_start)))::int AS oldest_s
           FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()
          GROUP BY 1, 2, 3, 4, 5 ORDER BY n DESC LIMIT 12`,
      );
      return rows;
    } finally {
      await c.end();
    }
  }

  /** /health is 200 and, once signed in, a query answers without errors. */
  async answers(): Promise<boolean> {
    return (await this.state()) === 'answers';
  }

  private async state(): Promise<'down' | 'healthy' | 'answers'> {
    try {
      const h = await fetch(`http://127.0.0.1:${this.port}/health`, { signal: AbortSignal.timeout(2000) });
      if (h.status !== 200) return 'down';
      if (!this.token) return 'answers';
      const q = await gqlPost(this.url, `Bearer ${this.token}`, READY_QUERY, undefined, 2000);
      return q.status === 200 && !q.errors ? 'answers' : 'healthy';
    } catch {
      return 'down';
    }
  }

  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await gone;
  }

  logTail() {
    return this.tail;
  }
}

interface KeyOutcome {
  key: string;
  attempts: number;
  orderId?: string;
  userErrors?: unknown;
}

interface ClientStats {
  networkErrors: number;
  http5xx: number;
  http429: number;
  graphqlErrors: number;
  other: string[];
}

/** One client: order after order, each retried with its own key until the API answers it. */
async function orderClient(
  n: number,
  api: ApiProcess,
  customers: string[],
  skus: string[],
  seed: number,
  stop: () => boolean,
  abandon: () => boolean,
  stats: ClientStats,
  outcomes: KeyOutcome[],
) {
  const r = rng(seed + n);
  for (let k = 0; !stop(); k++) {
    const first = r.pick(skus);
    const lines = [{ sku: first, quantity: r.int(1, 3) }];
    if (r.chance(0.5)) {
      const second = r.pick(skus);
      if (second !== first) lines.push({ sku: second, quantity: r.int(1, 3) });
    }
    const outcome: KeyOutcome = { key: `crash-${n}-${k}`, attempts: 0 };
    outcomes.push(outcome);
    const input = {
      idempotencyKey: outcome.key,
      customerId: r.pick(customers),
      lines,
      paymentMethod: 'WECHAT_PAY',
      paid: true,
      channel: 'WEB',
    };
    for (let backoff = 25; !abandon(); backoff = Math.min(backoff * 2, 400)) {
      outcome.attempts++;
      try {
        const a = await gqlPost(api.url, `Bearer ${api.token}`, PLACE, { input }, 20_000);
        if (a.status === 200 && !a.errors && a.data?.placeOrder) {
          const p = a.data.placeOrder;
          if (p.order) outcome.orderId = orderUuid(p.order.id);
          else outcome.userErrors = p.userErrors;
          break;
        }
        if (a.status >= 500) stats.http5xx++;
        else if (a.status === 429) stats.http429++;
        else if (a.status === 200) stats.graphqlErrors++;
        else if (stats.other.length < 10) stats.other.push(`${a.status} ${a.text.slice(0, 200)}`);
      } catch {
        stats.networkErrors++;
      }
      await sleep(backoff + r.int(0, backoff));
    }
  }
}

/**
 * A live subscriber to every order event. When its connection drops it reconnects, subscribes, and
 * re-reads from `orderEvents(after:)` what it may have missed: from the cursor its previous catch-up
 * ended at, when the first live event shows the subscription runs, and 0.3 s and 1.5 s after
 * connecting (for quiet times, and transactions that were still committing), one after the other,
 * keeping each event once by id.
 */
class Subscriber {
  live = new Map<string, number>();
  caught = new Set<string>();
  connections = 0;
  catchUps = 0;
  catchUpStarts = 0;
  catchUpsCut = 0;
  catchUpFailures = 0;
  /** Why catch-up reads failed (they are retried), by message. */
  catchUpFailureKinds: Record<string, number> = {};
  timeline: string[] = [];
  /** How its connections ended: 1006 when the API was killed, 1013 when the server said events were interrupted. */
  closeCodes: Record<number, number> = {};
  errors: string[] = [];
  private cursor: string | null = null;
  private cursorAt = 0n;
  private stopped = false;
  private generation = 0;
  private done: Promise<void>;

  constructor(
    private readonly api: ApiProcess,
    readonly name: string,
  ) {
    this.done = this.run();
  }

  seen(): Set<string> {
    return new Set([...this.live.keys(), ...this.caught]);
  }

  liveDuplicates(): number {
    return [...this.live.values()].filter((c) => c > 1).length;
  }

  private async run() {
    while (!this.stopped) {
      await this.connectOnce();
      if (!this.stopped) await sleep(250);
    }
  }

  private connectOnce(): Promise<void> {
    const generation = ++this.generation;
    return new Promise((resolve) => {
      let finished = false;
      // The first live event proves the subscription runs on the server: a catch-up started then
      // sees everything committed before it, however long the server took to register it.
      let firstLive: (() => void) | null = null;
      /** Events this connection received live. */
      const liveHere = new Set<string>();
      const client = createClient({
        url: this.api.wsUrl,
        webSocketImpl: WebSocket,
        // Lazy: the socket opens with the subscription, and a failed connection ends in the sink's
        // error instead of an unhandled rejection; the reconnecting is done here, not by graphql-ws.
        lazy: true,
        retryAttempts: 0,
        connectionParams: { authorization: `Bearer ${this.api.token}` },
        on: {
          connected: () => {
            this.connections++;
            const from = this.cursor;
            this.timeline.push(`${t()} connected gen ${generation} from ${this.cursorAt}`);
            // One catch-up at a time per connection, each from the same cursor.
            let chain = Promise.resolve();
            const catchUp = () => void (chain = chain.then(() => this.catchUp(from, generation, liveHere)));
            firstLive = catchUp;
            void sleep(300).then(catchUp);
            void sleep(1500).then(catchUp);
          },
          closed: (event) => {
            const code = (event as { code?: number })?.code ?? 0;
            if (code !== 1006 || this.timeline.at(-1)?.includes('connected'))
              this.timeline.push(`${t()} closed ${code} gen ${generation}`);
            this.closeCodes[code] = (this.closeCodes[code] ?? 0) + 1;
            finish();
          },
          error: () => finish(),
        },
      });
      const finish = () => {
        if (finished) return;
        finished = true;
        this.stopNow = null;
        // dispose() awaits the connection attempt, which rejects when the API is down.
        Promise.resolve(client.dispose()).catch(() => undefined);
        resolve();
      };
      this.stopNow = finish;
      client.subscribe<{ orderStatusChanged: { id: string } }>(
        { query: LIVE },
        {
          next: (v) => {
            if (v.errors && this.errors.length < 10) this.errors.push(JSON.stringify(v.errors));
            const id = v.data?.orderStatusChanged?.id;
            if (id) {
              this.live.set(eventNumber(id), (this.live.get(eventNumber(id)) ?? 0) + 1);
              liveHere.add(eventNumber(id));
            }
            if (firstLive) {
              firstLive();
              firstLive = null;
            }
          },
          error: () => finish(),
          complete: () => finish(),
        },
      );
    });
  }

  private stopNow: (() => void) | null = null;

  /**
   * Pages through orderEvents from `from` until the end, or until two pages in a row hold only
   * events this connection already received live: from there on the live stream has it all. Stops
   * early when the connection it belongs to is gone.
   */
  private async catchUp(from: string | null, generation: number, liveHere: Set<string>) {
    if (generation !== this.generation) return;
    this.catchUpStarts++;
    this.timeline.push(`${t()} catch-up gen ${generation}`);
    let after = from;
    let coveredPages = 0;
    // Tries until it has read to the end, for as long as its connection lasts: giving up while the
    // subscription runs could leave a gap nobody re-reads.
    while (!this.stopped && generation === this.generation) {
      try {
        const a = await gqlPost(this.api.url, `Bearer ${this.api.token}`, EVENTS_PAGE, { after }, 10_000);
        if (a.status !== 200 || a.errors) throw new Error(a.text);
        const page = a.data.orderEvents;
        for (const e of page.edges) this.caught.add(eventNumber(e.node.id));
        coveredPages =
          page.edges.length > 0 &&
          page.edges.every((e: { node: { id: string } }) => liveHere.has(eventNumber(e.node.id)))
            ? coveredPages + 1
            : 0;
        const last = page.edges.at(-1);
        if (last) {
          after = last.cursor;
          const at = BigInt(eventNumber(last.node.id));
          if (at > this.cursorAt) {
            this.cursorAt = at;
            this.cursor = last.cursor;
          }
        }
        if (!page.pageInfo.hasNextPage || coveredPages >= 2) {
          this.timeline.push(`${t()} caught up gen ${generation} to ${this.cursorAt}`);
          this.catchUps++;
          return;
        }
      } catch (e) {
        if (generation !== this.generation) break;
        this.catchUpFailures++;
        const why = String((e as Error).message)
          .replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, '…')
          .slice(0, 120);
        this.catchUpFailureKinds[why] = (this.catchUpFailureKinds[why] ?? 0) + 1;
        await sleep(200);
      }
    }
    this.catchUpsCut++; // its connection closed first; the next connection reads from the same cursor
    this.timeline.push(`${t()} catch-up cut gen ${generation}`);
  }

  async stop() {
    this.stopped = true;
    this.stopNow?.();
    await this.done;
  }
}

describe(
  `crash: SIGKILLed API and a restarted PostgreSQL under load (${MODE})`,
  { skip: SKIP_OUTSIDE_RELIABILITY_RUN },
  () => {
    const dataDir = path.join(REPO_ROOT, `.data/rel-crash-${randomBytes(4).toString('hex')}`);
    let pgPort = 0;
    let pg: EmbeddedDatabase | null = null;
    let api: ApiProcess | null = null;
    /** Stops whatever the test left running when it failed half-way. */
    const cleanups: (() => Promise<unknown> | unknown)[] = [];

    before(async () => {
      pgPort = await freePort();
      pg = await startEmbeddedPostgres(dataDir, 'fulfilment', [], pgPort);
    });
    after(async () => {
      for (const c of cleanups.reverse()) await c();
      await api?.kill();
      await pg?.stop();
      await fs.rm(dataDir, { recursive: true, force: true });
    });

    it('loses no order, doubles no order, breaks no invariant, misses no event', { timeout: 20 * 60_000 }, async () => {
      const seed = seedFromEnv();
      const databaseUrl = pg!.url;
      api = new ApiProcess(await freePort(), databaseUrl);
      const firstStartMs = await api.start(); // migrates the empty database and creates the admin

      const login = await gqlPost(
        api.url,
        null,
        `mutation($e: String!, $p: String!) { login(input: { email: $e, password: $p }) { token userErrors { code } } }`,
        {
          e: ADMIN.email,
          p: ADMIN.password,
        },
      );
      api.token = login.data?.login?.token;
      assert.ok(api.token, `admin login: ${login.text}`);

      // Stock plenty for the whole run (booked as receipts, so the ledger explains it), customers in both regions.
      const ds = createDataSource(databaseUrl, 2);
      await ds.initialize();
      await createWarehouses(ds);
      const skus: string[] = [];
      for (let i = 0; i < SKUS; i++)
        skus.push(
          (
            await createProduct(ds, {
              sku: `CRASH-${String(i).padStart(2, '0')}`,
              stock: { 'SH-01': 0, 'BJ-01': 0 },
              low: 0,
            })
          ).sku,
        );
      const customers = await Promise.all(
        Array.from({ length: 20 }, (_, i) => createCustomer(ds, { region: i % 2 ? 'NORTH' : 'EAST' })),
      );
      await ds.destroy();
      for (const sku of skus) {
        for (const warehouseCode of WAREHOUSES) {
          const a = await gqlPost(api.url, `Bearer ${api.token}`, ADJUST, {
            input: { sku, warehouseCode, delta: 1_000_000, reason: 'RECEIPT' },
          });
          assert.ok(a.status === 200 && !a.errors && a.data.adjustStock.userErrors.length === 0, a.text);
        }
      }

      // Subscribers first, so they are live before the first order.
      const subscribers = Array.from({ length: PLAN.subscribers }, (_, i) => new Subscriber(api!, `s${i}`));
      cleanups.push(() => Promise.all(subscribers.map((s) => s.stop())));
      await sleep(500);

      // Invariants checked while it all runs, from a connection that reconnects after the restart.
      const checks = { count: 0, failed: 0, violations: [] as Violation[] };
      let checking = true;
      cleanups.push(() => (checking = false));
      const checker = (async () => {
        let c: Client | null = null;
        while (checking) {
          try {
            if (!c) {
              c = new Client({ connectionString: databaseUrl, application_name: 'crash-invariants' });
              c.on('error', () => undefined);
              await c.connect();
            }
            checks.violations.push(...(await findViolations(c)));
            checks.count++;
          } catch {
            checks.failed++;
            await c?.end().catch(() => undefined);
            c = null;
          }
          await sleep(500);
        }
        await c?.end().catch(() => undefined);
      })();

      const stats: ClientStats = { networkErrors: 0, http5xx: 0, http429: 0, graphqlErrors: 0, other: [] };
      const outcomes: KeyOutcome[] = [];
      let stopLoad = false;
      let abandonLoad = false; // only when the test failed half-way: give up on unanswered keys
      cleanups.push(() => (stopLoad = abandonLoad = true));
      const started = performance.now();
      const clients = Promise.all(
        Array.from({ length: PLAN.clients }, (_, n) =>
          orderClient(
            n,
            api!,
            customers.map((c) => c.gid),
            skus,
            seed,
            () => stopLoad,
            () => abandonLoad,
            stats,
            outcomes,
          ),
        ),
      );

      let pgRecoveryMs = -1;
      let pgDownMs = -1;
      for (let i = 1; i <= PLAN.kills; i++) {
        await sleep(PLAN.killEveryMs);
        await api.kill();
        await api.start();
        if (i === PLAN.pgRestartAfterKill) {
          await sleep(PLAN.killEveryMs / 2);
          const down = performance.now();
          await pg!.stop();
          // Down a little longer than a restart takes, so the API's LISTEN relay is in its reconnect
          // back-off when PostgreSQL returns and orders commit before it listens again.
          await sleep(1000);
          pg = await startEmbeddedPostgres(dataDir, 'fulfilment', [], pgPort);
          const up = performance.now();
          pgDownMs = Math.round(up - down);
          while (!(await api.answers())) {
            if (performance.now() - up > 30_000) break;
            await sleep(20);
          }
          pgRecoveryMs = Math.round(performance.now() - up);
          await sleep(PLAN.killEveryMs / 2);
        }
      }
      await sleep(PLAN.killEveryMs / 2);
      stopLoad = true;
      await clients;
      const loadMs = Math.round(performance.now() - started);

      // Every event of the run, from the database; the subscribers must converge on exactly these.
      const db = new Client({ connectionString: databaseUrl });
      await db.connect();
      const allEvents = new Set<string>((await db.query(`SELECT id::text FROM order_event`)).rows.map((r) => r.id));
      const converged = performance.now() + 20_000;
      const behind = (s: Subscriber) => {
        const seen = s.seen();
        return [...allEvents].some((id) => !seen.has(id));
      };
      while (performance.now() < converged && subscribers.some(behind)) await sleep(250);
      await Promise.all(subscribers.map((s) => s.stop()));
      checking = false;
      await checker;

      const finalViolations = await findViolations(db);
      const keyCounts = new Map<string, { n: number; id: string }>(
        (
          await db.query(
            `SELECT idempotency_key AS key, count(*)::int AS n, min(id::text) AS id FROM orders GROUP BY idempotency_key`,
          )
        ).rows.map((r) => [r.key, { n: r.n, id: r.id }]),
      );
      const [{ orders: ordersInDb }] = (await db.query(`SELECT count(*)::int AS orders FROM orders`)).rows;
      await db.end();

      const answered = outcomes.filter((o) => o.orderId);
      const refused = outcomes.filter((o) => o.userErrors);
      const notOne = outcomes.filter((o) => keyCounts.get(o.key)?.n !== 1);
      const wrongOrder = answered.filter((o) => keyCounts.get(o.key)?.id !== o.orderId);
      const eventTimes = new Map<string, string>();
      {
        const c = new Client({ connectionString: databaseUrl });
        await c.connect();
        const startedWall = Date.now() - t();
        for (const r of (
          await c.query(`SELECT id::text, (extract(epoch FROM created_at) * 1000)::bigint AS at FROM order_event`)
        ).rows)
          eventTimes.set(r.id, String(Number(r.at) - startedWall));
        await c.end();
      }
      const perSubscriber = subscribers.map((s) => {
        const seen = s.seen();
        const missing = [...allEvents].filter((id) => !seen.has(id));
        return {
          name: s.name,
          connections: s.connections,
          catchUps: { started: s.catchUpStarts, completed: s.catchUps, cutByDisconnect: s.catchUpsCut },
          catchUpFailures: s.catchUpFailureKinds,
          closeCodes: s.closeCodes,
          live: s.live.size,
          caughtUpOnly: [...s.caught].filter((id) => !s.live.has(id)).length,
          liveDuplicates: s.liveDuplicates(),
          missing: missing.length,
          // Only when something is missing: which events (id@ms into the run) and what happened to
          // this subscriber, for the diagnosis.
          ...(missing.length || process.env.CRASH_TIMELINE
            ? { missingSample: missing.slice(0, 5).map((id) => `${id}@${eventTimes.get(id)}ms`), timeline: s.timeline }
            : {}),
          unknown: [...seen].filter((id) => !allEvents.has(id)).length,
          errors: s.errors,
        };
      });
      const retries = outcomes.reduce((s, o) => s + o.attempts - 1, 0);
      printSummary({
        spec: 'crash',
        mode: MODE,
        seed,
        loadMs,
        clients: PLAN.clients,
        keys: outcomes.length,
        orders: answered.length,
        ordersInDb,
        retries,
        networkErrors: stats.networkErrors,
        http5xx: stats.http5xx,
        http429: stats.http429,
        graphqlErrors: stats.graphqlErrors,
        apiKills: PLAN.kills,
        pgRestarts: 1,
        firstStartMs,
        readyMs: api.readyMs.slice(1),
        healthMs: api.healthMs.slice(1),
        listenMs: api.listenMs.slice(1),
        maxReadyMs: Math.max(...api.readyMs.slice(1)),
        pgDownMs,
        pgRecoveryMs,
        events: allEvents.size,
        subscribers: perSubscriber.map(({ errors: _e, ...s }) => s),
        invariantChecks: checks.count + 1,
        invariantCheckFailures: checks.failed,
        violations: checks.violations.length + finalViolations.length,
        loadAverage: os.loadavg().map((l) => Math.round(l * 10) / 10),
        apiErrors: api.errorLog,
        slowStarts: api.slowStarts,
      });

      assert.deepEqual(finalViolations, [], 'invariants after the run');
      assert.deepEqual(checks.violations.slice(0, 5), [], 'invariants during the run');
      assert.ok(outcomes.length > PLAN.clients * 5, `load ran (${outcomes.length} keys)`);
      assert.deepEqual(
        refused.map((o) => o.userErrors),
        [],
        'no order was refused (stock is plentiful; a replay answers with the first order)',
      );
      assert.deepEqual(
        notOne.map((o) => [o.key, keyCounts.get(o.key)?.n ?? 0]),
        [],
        'every key made exactly one order',
      );
      assert.deepEqual(
        wrongOrder.map((o) => o.key),
        [],
        'each client was answered with the order its key made',
      );
      assert.equal(ordersInDb, outcomes.length, 'no order without a client key');
      assert.deepEqual(stats.other, [], 'no client saw an answer other than the order, a network error, 5xx or 429');
      assert.ok(
        api.exits.filter((e) => e === 'SIGKILL').length >= PLAN.kills,
        `the API was killed ${PLAN.kills} times (exits: ${api.exits.join(', ')}; its log ends: ${api.logTail().slice(-2000)})`,
      );
      for (const [i, ms] of api.readyMs.slice(1).entries()) {
        const listened = api.listenMs[i + 1];
        assert.ok(
          ms <= READY_LIMIT_MS,
          `restart ${i + 1} ready after ${ms} ms (limit ${READY_LIMIT_MS}; the API logged it listened after ${listened} ms; load average ${os.loadavg()[0].toFixed(1)})`,
        );
      }
      assert.ok(
        pgRecoveryMs >= 0 && pgRecoveryMs <= READY_LIMIT_MS,
        `the API answered ${pgRecoveryMs} ms after PostgreSQL was back`,
      );
      for (const s of perSubscriber) {
        assert.equal(s.missing, 0, `${s.name} missed ${s.missing} of ${allEvents.size} events`);
        assert.equal(s.unknown, 0, `${s.name} saw ${s.unknown} events that were never committed`);
        assert.equal(s.liveDuplicates, 0, `${s.name} got ${s.liveDuplicates} events twice live`);
        assert.deepEqual(s.errors, [], `${s.name} got errors`);
        assert.ok(s.connections > PLAN.kills, `${s.name} reconnected after every kill (${s.connections} connections)`);
      }
    });
  },
);
