import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { Webhook } from 'standardwebhooks';
import { cpuMeter, databasePids } from '../lib/cpu';
import { createCatalogue, globalId } from '../lib/data';
import { clock, CommitClock, profileArgs } from '../lib/live';
import { closedLoop, percentile } from '../lib/load';
import { adminAuth, Api, apiKeyAuth, Database, gql, sleep, startApi, withClient } from '../lib/platform';
import { log, report } from '../lib/report';
import type { SenderJob, SenderResult } from '../lib/webhook-sender-worker';

const num = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
/** Order events per variant (each placed order writes several: placed, confirmed, allocated). */
const EVENTS = num('BENCH_WEBHOOK_EVENTS', 1000);
/** Endpoints subscribed to order.status_changed: paths of one receiver. */
const ENDPOINTS = num('BENCH_WEBHOOK_ENDPOINTS', 5);
/** (a): orders placed a second, open loop. */
const ORDERS_PER_S = num('BENCH_WEBHOOK_ORDERS_PER_S', 10);
/** (b): buyers placing the held orders back to back. */
const BACKLOG_BUYERS = num('BENCH_WEBHOOK_BUYERS', 4);
/** The baseline's concurrent POSTs: the platform's limit in flight per process. */
const BASELINE_CONCURRENCY = 16;
const DRAIN_TIMEOUT_MS = num('BENCH_WEBHOOK_DRAIN_TIMEOUT_MS', 60_000);
const WARMUP_ORDERS = 20;
const BASELINE_PREFIX = 'msg_baseline_';
/**
 * Diagnosis knobs. BENCH_WEBHOOK_PORTS=5: each endpoint on a port of its own (the API's sender keeps
 * at most 8 sockets per host and port). BENCH_WEBHOOK_APIS=2: a second API process with OUTBOX on
 * (orders are placed through the first; both dispatchers claim).
 */
const PORTS = num('BENCH_WEBHOOK_PORTS', 1);
const APIS = num('BENCH_WEBHOOK_APIS', 1);

const B = '13 webhook fan-out';

const PLACE = `mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { order { id status } userErrors { code message } } }`;
const CREATE = `mutation($i: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $i) { endpoint { id status } secret userErrors { code message } } }`;
const UPDATE = `mutation($i: UpdateWebhookEndpointInput!) { updateWebhookEndpoint(input: $i) { endpoint { id status } userErrors { code message } } }`;

/**
 * A database id from a payload field: as it is, or decoded from a global id (base64url of
 * "Type:id"), which the payload may carry instead so integrators can query the graph with it.
 */
function localIdOf(value: unknown): string {
  const v = String(value ?? '');
  if (/^\d+$|^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v)) return v;
  const decoded = Buffer.from(v, 'base64url').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon > 0 ? decoded.slice(colon + 1) : v;
}

/** The first receipt of one (endpoint, webhook-id). */
interface Receipt {
  endpoint: number;
  webhookId: string;
  eventId: string;
  orderId: string;
  sequence: number;
  at: number;
  /** Times it arrived (more than 1: sent again with the same webhook-id). */
  count: number;
}

/**
 * The integrators' side: one node:http server on 127.0.0.1, path /hooks/k for endpoint k. Every
 * request's Standard Webhooks signature is verified with the endpoint's secret (the reference
 * library, as an integrator would), the first arrival of each (endpoint, webhook-id) is recorded with
 * its time, and it answers 204.
 */
class Receiver {
  readonly receipts = new Map<string, Receipt>();
  /** endpoint|order event id → its receipts (more than one: the same event under different webhook-ids). */
  readonly byEvent = new Map<string, Receipt[]>();
  verifiers: Webhook[] = [];
  requests = 0;
  repeats = 0;
  badSignatures = 0;
  malformed = 0;
  baselineRequests = 0;
  /** TCP connections opened to the receiver, and the most open at once. */
  connections = 0;
  open = 0;
  maxOpen = 0;
  baselineBadSignatures = 0;
  /** Sample of the platform's bodies, for the baseline. */
  readonly sampleBodies: string[] = [];
  private readonly servers: http.Server[] = [];

  /** Listens on `ports` ports of 127.0.0.1 (endpoint k on the (k mod ports)-th). */
  static async start(ports = 1): Promise<Receiver> {
    const r = new Receiver();
    for (let i = 0; i < ports; i++) {
      const server = http.createServer();
      server.keepAliveTimeout = 60_000;
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      server.on('request', (req, res) => r.handle(req, res));
      server.on('connection', (socket) => {
        r.connections++;
        r.maxOpen = Math.max(r.maxOpen, ++r.open);
        socket.once('close', () => r.open--);
      });
      r.servers.push(server);
    }
    return r;
  }

  url(k: number): string {
    const port = (this.servers[k % this.servers.length].address() as AddressInfo).port;
    return `http://127.0.0.1:${port}/hooks/${k}`;
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const at = clock();
      const endpoint = Number(/^\/hooks\/(\d+)$/.exec(req.url ?? '')?.[1] ?? -1);
      const body = Buffer.concat(chunks).toString('utf8');
      const webhookId = String(req.headers['webhook-id'] ?? '');
      let verified = false;
      try {
        this.verifiers[endpoint]?.verify(body, {
          'webhook-id': webhookId,
          'webhook-timestamp': String(req.headers['webhook-timestamp'] ?? ''),
          'webhook-signature': String(req.headers['webhook-signature'] ?? ''),
        });
        verified = this.verifiers[endpoint] !== undefined;
      } catch {
        verified = false;
      }
      res.writeHead(204).end();
      if (webhookId.startsWith(BASELINE_PREFIX)) {
        this.baselineRequests++;
        if (!verified) this.baselineBadSignatures++;
        return;
      }
      this.requests++;
      if (!verified) this.badSignatures++;
      const key = `${endpoint}|${webhookId}`;
      const seen = this.receipts.get(key);
      if (seen) {
        seen.count++;
        this.repeats++;
        return;
      }
      let data: { id?: string; orderId?: string; sequence?: number };
      try {
        data = JSON.parse(body).data ?? {};
      } catch {
        this.malformed++;
        return;
      }
      if (!data.id) {
        this.malformed++;
        return;
      }
      const receipt: Receipt = {
        endpoint,
        webhookId,
        eventId: localIdOf(data.id),
        orderId: localIdOf(data.orderId),
        sequence: Number(data.sequence),
        at,
        count: 1,
      };
      this.receipts.set(key, receipt);
      const byEvent = `${endpoint}|${receipt.eventId}`;
      const list = this.byEvent.get(byEvent);
      if (list) list.push(receipt);
      else this.byEvent.set(byEvent, [receipt]);
      if (this.sampleBodies.length < 500) this.sampleBodies.push(body);
    });
  }

  /** How many (endpoint, event) pairs of `eventIds` have arrived. */
  covered(eventIds: string[]): number {
    let n = 0;
    for (const id of eventIds) for (let k = 0; k < this.verifiers.length; k++) if (this.byEvent.has(`${k}|${id}`)) n++;
    return n;
  }

  async stop(): Promise<void> {
    for (const server of this.servers) {
      server.closeAllConnections();
      await new Promise((r) => server.close(() => r(undefined)));
    }
  }
}

interface Placed {
  orderId: string;
  respondedAt: number;
}

interface OrderEventRow {
  id: string;
  order_id: string;
  sequence: number;
}

/** A paid order of an established customer: two lines, allocated at once (three events). */
function placeOne(api: Api, auth: string, skus: string[], customers: string[]): Promise<Placed | null> {
  const a = Math.floor(Math.random() * skus.length);
  const b = (a + 1 + Math.floor(Math.random() * (skus.length - 1))) % skus.length;
  return gql(api.url, auth, PLACE, {
    i: {
      channel: 'WEB',
      customerId: customers[Math.floor(Math.random() * customers.length)],
      lines: [
        { sku: skus[a], quantity: 1 + Math.floor(Math.random() * 3) },
        { sku: skus[b], quantity: 1 + Math.floor(Math.random() * 3) },
      ],
      paymentMethod: 'WECHAT_PAY',
      paid: true,
      idempotencyKey: randomUUID(),
    },
  }).then((r) => {
    const respondedAt = clock();
    const id = r.data?.placeOrder?.order?.id as string | undefined;
    if (!id) return null;
    return { orderId: Buffer.from(id, 'base64url').toString('utf8').split(':')[1], respondedAt };
  });
}

async function orderEvents(url: string, orderIds: string[]): Promise<OrderEventRow[]> {
  return withClient(
    url,
    async (c) =>
      (
        await c.query(`SELECT id, order_id, sequence FROM order_event WHERE order_id = ANY($1::uuid[]) ORDER BY id`, [
          orderIds,
        ])
      ).rows,
  );
}

/**
 * Waits until every (endpoint, event) pair has arrived (watched in memory, so the polling costs the
 * database nothing) and then until no webhook_delivery waits (an attempt is recorded after its answer),
 * or the timeout.
 */
async function drain(url: string, receiver: Receiver, eventIds: string[], endpoints: number) {
  const deadline = Date.now() + DRAIN_TIMEOUT_MS;
  const want = eventIds.length * endpoints;
  let covered = receiver.covered(eventIds);
  while (covered < want && Date.now() < deadline) {
    await sleep(20);
    covered = receiver.covered(eventIds);
  }
  for (;;) {
    const waiting = await withClient(
      url,
      async (c) =>
        (await c.query(`SELECT count(*)::int AS n FROM webhook_delivery WHERE status <> 'DELIVERED'`)).rows[0]
          .n as number,
    );
    if (waiting === 0 || Date.now() > deadline) return { covered, waiting, timedOut: covered < want };
    await sleep(100);
  }
}

interface Check {
  pairs: number;
  delivered: number;
  missing: string[];
  /** One event arriving at one endpoint under more than one webhook-id. */
  doubled: number;
  /** Receipts whose data.orderId / data.sequence differ from the order_event row. */
  wrongData: number;
  firstReceipt: number;
  lastReceipt: number;
  /** commit → receipt per pair. */
  latenciesMs: number[];
  /** The same with the commit time, for the course of the run. */
  samples: { commit: number; ms: number }[];
  /** The same from the mutation's response (an upper bound of its commit). */
  fromResponseMs: number[];
  firstCommit: number;
  lastCommit: number;
  commitsFromResponse: number;
}

/** Every event of `rows` at every endpoint, exactly once per webhook-id. */
function check(
  receiver: Receiver,
  rows: OrderEventRow[],
  endpoints: number,
  commits: CommitClock,
  responded: Map<string, number>,
): Check {
  const c: Check = {
    pairs: rows.length * endpoints,
    delivered: 0,
    missing: [],
    doubled: 0,
    wrongData: 0,
    firstReceipt: Infinity,
    lastReceipt: 0,
    latenciesMs: [],
    samples: [],
    fromResponseMs: [],
    firstCommit: Infinity,
    lastCommit: 0,
    commitsFromResponse: 0,
  };
  for (const row of rows) {
    const response = responded.get(row.order_id)!;
    let commit = commits.at.get(row.id);
    if (commit === undefined) {
      commit = response;
      c.commitsFromResponse++;
    }
    c.firstCommit = Math.min(c.firstCommit, commit);
    c.lastCommit = Math.max(c.lastCommit, commit);
    for (let k = 0; k < endpoints; k++) {
      const got = receiver.byEvent.get(`${k}|${row.id}`);
      if (!got) {
        c.missing.push(`endpoint ${k}: order ${row.order_id} #${row.sequence} (event ${row.id})`);
        continue;
      }
      c.delivered++;
      if (got.length > 1) c.doubled += got.length - 1;
      const r = got[0];
      if (r.orderId !== row.order_id || r.sequence !== row.sequence) c.wrongData++;
      c.firstReceipt = Math.min(c.firstReceipt, r.at);
      c.lastReceipt = Math.max(c.lastReceipt, r.at);
      c.latenciesMs.push(r.at - commit);
      c.samples.push({ commit, ms: r.at - commit });
      c.fromResponseMs.push(r.at - response);
    }
  }
  return c;
}

/**
 * Pauses or resumes the endpoints. The input repeats url, description and eventTypes: left out, the
 * mutation refuses with INVALID_URL, TOO_LONG and UNKNOWN_EVENT_TYPE (UpdateWebhookEndpointInput's
 * MaxLength and ArrayMaxSize rules have no IsOptional, so they fail on a missing field).
 */
async function setEndpoints(api: Api, admin: string, receiver: Receiver, ids: string[], status: 'ACTIVE' | 'PAUSED') {
  await Promise.all(
    ids.map(async (endpointId, k) => {
      const r = await gql(api.url, admin, UPDATE, {
        i: {
          endpointId,
          status,
          url: receiver.url(k),
          description: `bench receiver ${k}`,
          eventTypes: ['order.status_changed'],
        },
      });
      if (r.data?.updateWebhookEndpoint?.endpoint?.status !== status)
        throw new Error(`updateWebhookEndpoint failed: ${JSON.stringify(r)}`);
    }),
  );
}

function baselineSend(job: SenderJob): Promise<SenderResult> {
  return new Promise((resolve, reject) => {
    const w = new Worker(path.join(__dirname, '../lib/webhook-sender-worker.js'), { workerData: job });
    w.once('message', (m: SenderResult & { error?: string }) => {
      void w.terminate();
      if (m.error) reject(new Error(m.error));
      else resolve(m);
    });
    w.once('error', reject);
  });
}

const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));

/**
 * Benchmark 13: webhook fan-out. Five endpoints (paths of one receiver in this process, registered
 * through createWebhookEndpoint) subscribe to order.status_changed; the API runs with OUTBOX=on
 * (JOBS=off), so its outbox dispatcher sends, woken by NOTIFY on commit.
 * (a) Steady: orders placed through the API at ORDERS_PER_S in an open loop until they have written
 * ~EVENTS order events; commit → receipt per (event, endpoint), the commit being the arrival of the
 * event's own NOTIFY at an independent LISTEN connection (the mutation's response as a fallback);
 * loss, duplicates, drain time after the last commit.
 * (b) Backlog (capacity): the endpoints paused, another ~EVENTS events placed (their deliveries are
 * written and held), then all resumed at once: deliveries/s until the last arrives, against the
 * baseline. Baseline: the same receiver's capacity for signed POSTs of the platform's own bodies sent
 * by a worker thread of the bench, BASELINE_CONCURRENCY at once.
 */
export async function webhooks(db: Database) {
  const url = await db.create();
  const receiver = await Receiver.start(PORTS);
  let api: Api | undefined;
  const others: Api[] = [];
  let commits: CommitClock | undefined;
  try {
    const env = { JOBS: 'off', OUTBOX: 'on', WEBHOOK_ALLOW_ADDRESSES: '127.0.0.1,::1' };
    api = await startApi(url, env, profileArgs());
    for (let i = 1; i < APIS; i++) others.push(await startApi(url, env, profileArgs()));
    const catalogue = await createCatalogue(url, { skus: 200, onHand: 1_000_000, customers: 500 });
    const skus = (await withClient(url, (c) => c.query(`SELECT sku FROM product ORDER BY sku`))).rows.map(
      (r) => r.sku as string,
    );
    const customers = catalogue.customerIds.map((id) => globalId('Customer', id));
    const admin = await adminAuth(api);
    const buyer = await apiKeyAuth(api, admin, ['ORDERS_WRITE', 'ORDERS_READ']);
    const child = api.process;
    const apiGone = () =>
      child.exitCode !== null || child.signalCode !== null
        ? ` (the API process is gone: exit code ${child.exitCode}, signal ${child.signalCode})`
        : '';
    let placeError: Error | undefined;

    // Warm-up, before any endpoint subscribes (so no webhook rows): also how many events an order writes.
    const warm = (
      await Promise.all(Array.from({ length: WARMUP_ORDERS }, () => placeOne(api!, buyer, skus, customers)))
    ).filter((p): p is Placed => p !== null);
    const perOrder =
      (
        await orderEvents(
          url,
          warm.map((p) => p.orderId),
        )
      ).length / warm.length;
    const orders = Math.round(EVENTS / perOrder);
    log(B, `an order writes ${perOrder.toFixed(2)} events: ${orders} orders per variant for ~${EVENTS} events`);

    // What one commit costs on this machine (the WAL flush every autocommitted statement waits for).
    const commitMs = await withClient(url, async (c) => {
      await c.query(`CREATE TABLE IF NOT EXISTS bench_commit_probe (n int); INSERT INTO bench_commit_probe VALUES (0)`);
      const times: number[] = [];
      for (let i = 0; i < 200; i++) {
        const t = performance.now();
        await c.query(`UPDATE bench_commit_probe SET n = n + 1`);
        times.push(performance.now() - t);
      }
      await c.query(`DROP TABLE bench_commit_probe`);
      return times;
    });
    log(
      B,
      `one autocommitted UPDATE , 200 in a row: p50 ${ms(percentile(commitMs, 50))} ms, p99 ${ms(percentile(commitMs, 99))} ms`,
    );

    const endpointIds: string[] = [];
    const secrets: string[] = [];
    for (let k = 0; k < ENDPOINTS; k++) {
      const r = await gql(api.url, admin, CREATE, {
        i: { url: receiver.url(k), description: `bench receiver ${k}`, eventTypes: ['order.status_changed'] },
      });
      const p = r.data?.createWebhookEndpoint;
      if (!p?.secret) throw new Error(`createWebhookEndpoint failed: ${JSON.stringify(r)}`);
      endpointIds.push(p.endpoint.id);
      secrets.push(p.secret);
      receiver.verifiers[k] = new Webhook(p.secret);
    }
    commits = await CommitClock.listen(url);

    // (a) Steady load.
    const A = `${B}, steady ${ORDERS_PER_S} orders/s`;
    const interval = 1000 / ORDERS_PER_S;
    const placedA: Placed[] = [];
    let failedA = 0;
    const mutationMs: number[] = [];
    const start = clock();
    const inFlight: Promise<void>[] = [];
    for (let i = 0; i < orders; i++) {
      const wait = start + i * interval - clock();
      if (wait > 0) await sleep(wait);
      const sent = clock();
      inFlight.push(
        placeOne(api, buyer, skus, customers).then(
          (p) => {
            if (p) {
              placedA.push(p);
              mutationMs.push(p.respondedAt - sent);
            } else failedA++;
          },
          (e: Error) => {
            failedA++;
            placeError ??= e;
          },
        ),
      );
    }
    await Promise.all(inFlight);
    if (placeError) throw new Error(`placeOrder failed: ${placeError.message}${apiGone()}`);
    const rowsA = await orderEvents(
      url,
      placedA.map((p) => p.orderId),
    );
    const idsA = rowsA.map((r) => r.id);
    const drainA = await drain(url, receiver, idsA, ENDPOINTS);
    const a = check(receiver, rowsA, ENDPOINTS, commits, new Map(placedA.map((p) => [p.orderId, p.respondedAt])));
    const loadSeconds = (a.lastCommit - a.firstCommit) / 1000;
    const rateA = a.delivered / ((a.lastReceipt - a.firstCommit) / 1000);
    log(
      A,
      `${placedA.length} orders (${failedA} failed) → ${rowsA.length} events × ${ENDPOINTS} endpoints = ${a.pairs} deliveries, committed over ${loadSeconds.toFixed(1)} s (${((a.pairs / loadSeconds) | 0).toString()} deliveries/s offered); placeOrder p50 ${ms(percentile(mutationMs, 50))} ms, p99 ${ms(percentile(mutationMs, 99))} ms`,
    );
    log(
      A,
      `arrived ${a.delivered} of ${a.pairs}; ${drainA.waiting} webhook_delivery rows not DELIVERED${drainA.timedOut ? ` after the ${DRAIN_TIMEOUT_MS / 1000} s timeout` : ''}; commit times from LISTEN for ${rowsA.length - a.commitsFromResponse} of ${rowsA.length} events (the rest from the response)`,
    );
    log(
      A,
      `commit → receipt p50 ${ms(percentile(a.latenciesMs, 50))} ms, p90 ${ms(percentile(a.latenciesMs, 90))} ms, p99 ${ms(percentile(a.latenciesMs, 99))} ms, max ${ms(percentile(a.latenciesMs, 100))} ms; from the mutation's response p50 ${ms(percentile(a.fromResponseMs, 50))} ms, p99 ${ms(percentile(a.fromResponseMs, 99))} ms`,
    );
    for (const m of a.missing.slice(0, 10)) log(A, `missing: ${m}`);
    const windows: number[][] = [];
    for (const x of a.samples) (windows[Math.floor((x.commit - a.firstCommit) / 2000)] ??= []).push(x.ms);
    log(
      A,
      `commit → receipt p50 / max by 2 s of commits: ${windows.map((w) => `${ms(percentile(w, 50))}/${ms(percentile(w, 100))}`).join(' · ')} ms`,
    );

    // (b) Backlog: deliveries held while their orders are placed, then all endpoints resumed at once.
    const Bk = `${B}, backlog`;
    await setEndpoints(api, admin, receiver, endpointIds, 'PAUSED');
    const placedB: Placed[] = [];
    const placing = await closedLoop({
      concurrency: BACKLOG_BUYERS,
      total: orders,
      task: async () => {
        const p = await placeOne(api!, buyer, skus, customers);
        if (p) placedB.push(p);
        return p !== null;
      },
    });
    const rowsB = await orderEvents(
      url,
      placedB.map((p) => p.orderId),
    );
    const idsB = rowsB.map((r) => r.id);
    const held = await withClient(
      url,
      async (c) =>
        (await c.query(`SELECT count(*)::int AS n FROM webhook_delivery WHERE status = 'PENDING'`)).rows[0].n as number,
    );
    log(
      Bk,
      `${placedB.length} orders (${placing.failures} failed) in ${placing.seconds.toFixed(1)} s → ${rowsB.length} events; ${held} deliveries held`,
    );
    await withClient(url, (c) =>
      c.query(`CREATE EXTENSION IF NOT EXISTS pg_stat_statements; SELECT pg_stat_statements_reset()`),
    );
    const connectionsBefore = receiver.connections;
    receiver.maxOpen = receiver.open;
    const cpuApi = cpuMeter(() => [api!, ...others].map((x) => x.process.pid!));
    const cpuPg = cpuMeter(await databasePids(url));
    const cpuSelf = process.cpuUsage();
    const resumedAt = clock();
    await setEndpoints(api, admin, receiver, endpointIds, 'ACTIVE');
    const drainB = await drain(url, receiver, idsB, ENDPOINTS);
    const b = check(receiver, rowsB, ENDPOINTS, commits, new Map(placedB.map((p) => [p.orderId, p.respondedAt])));
    const backlogSeconds = (b.lastReceipt - resumedAt) / 1000;
    const spent = clock() - resumedAt;
    const self = process.cpuUsage(cpuSelf);
    const rateB = b.delivered / backlogSeconds;
    log(
      Bk,
      `arrived ${b.delivered} of ${b.pairs} in ${backlogSeconds.toFixed(2)} s after resuming = ${rateB.toFixed(0)}/s; ${drainB.waiting} rows not DELIVERED${drainB.timedOut ? ' (timed out)' : ''}; cores busy: API ${(cpuApi.end() / spent).toFixed(2)}, PostgreSQL ${(cpuPg.end() / spent).toFixed(2)}, bench (receiver) ${((self.user + self.system) / 1000 / spent).toFixed(2)}`,
    );
    for (const m of b.missing.slice(0, 10)) log(Bk, `missing: ${m}`);
    const sent = await withClient(
      url,
      async (c) =>
        (
          await c.query(
            `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY duration_ms) AS p50, percentile_cont(0.99) WITHIN GROUP (ORDER BY duration_ms) AS p99
               FROM webhook_attempt WHERE started_at >= $1`,
            [new Date(resumedAt)],
          )
        ).rows[0],
    );
    log(
      Bk,
      `the API's POSTs (webhook_attempt.duration_ms, waiting for a socket included): p50 ${sent.p50} ms, p99 ${sent.p99} ms`,
    );
    log(
      Bk,
      `receiver: ${receiver.connections - connectionsBefore} connections opened by the API, at most ${receiver.maxOpen} open at once`,
    );
    const statements = await withClient(
      url,
      async (c) =>
        (
          await c.query(
            `SELECT calls::int, total_exec_time AS ms, total_plan_time AS plan, query FROM pg_stat_statements
              WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) ORDER BY total_exec_time DESC LIMIT 6`,
          )
        ).rows as { calls: number; ms: number; plan: number; query: string }[],
    );
    for (const st of statements)
      log(
        Bk,
        `SQL ${(st.calls / b.delivered).toFixed(2)}/delivery, ${(st.ms / st.calls).toFixed(2)} ms each (+ ${(st.plan / st.calls).toFixed(2)} ms planning), ${((st.ms + st.plan) / 1000).toFixed(2)} s in all: ${st.query.replace(/\s+/g, ' ').slice(0, 90)}`,
      );

    // Baseline: the receiver's capacity for signed POSTs sent straight to it.
    const bodies = receiver.sampleBodies;
    const bytes = bodies.reduce((s, x) => s + Buffer.byteLength(x), 0) / bodies.length;
    const base = await baselineSend({
      endpoints: Array.from({ length: ENDPOINTS }, (_, k) => ({ url: receiver.url(k), secret: secrets[k] })),
      bodies,
      total: b.pairs,
      concurrency: BASELINE_CONCURRENCY,
      idPrefix: BASELINE_PREFIX,
    });
    const baseRate = base.sent / base.seconds;
    log(
      B,
      `baseline: ${base.sent} signed POSTs of the platform's bodies (${bytes.toFixed(0)} bytes on average) from a worker thread, ${BASELINE_CONCURRENCY} at once, in ${base.seconds.toFixed(2)} s = ${baseRate.toFixed(0)}/s; ${base.failures} failed, ${receiver.baselineBadSignatures} bad signatures; p50 ${ms(percentile(base.latenciesMs, 50))} ms`,
    );
    log(
      B,
      `receiver: ${receiver.requests} platform requests, ${receiver.repeats} repeats of a webhook-id, ${receiver.badSignatures} bad signatures, ${receiver.malformed} malformed`,
    );

    const attempts = await withClient(
      url,
      async (c) =>
        (
          await c.query(
            `SELECT count(*)::int AS attempts, count(*) FILTER (WHERE status_code IS DISTINCT FROM 204)::int AS failed FROM webhook_attempt`,
          )
        ).rows[0],
    );
    log(B, `webhook_attempt rows: ${attempts.attempts} (${attempts.failed} not answered 204)`);
    const notifications = await withClient(
      url,
      async (c) =>
        (
          await c.query(
            `SELECT channel || ' ' || status AS k, count(*)::int AS n FROM notification GROUP BY 1 ORDER BY 1`,
          )
        ).rows,
    );
    log(
      B,
      `customer notifications the same dispatcher sent meanwhile: ${notifications.map((r) => `${r.n} ${r.k}`).join(', ') || 'none'}`,
    );

    report({
      benchmark: B,
      name: 'deliveries/s, backlog of 5,000 (capacity)',
      value: rateB,
      unit: '/s',
      baseline: baseRate,
      note: `baseline: signed POSTs straight to the receiver, ${BASELINE_CONCURRENCY} at once`,
    });
    report({
      benchmark: B,
      name: `deliveries/s, steady at ${((a.pairs / loadSeconds) | 0).toString()}/s offered`,
      value: rateA,
      unit: '/s',
    });
    report({ benchmark: B, name: 'commit → receipt p50, steady', value: percentile(a.latenciesMs, 50), unit: 'ms' });
    report({ benchmark: B, name: 'commit → receipt p99, steady', value: percentile(a.latenciesMs, 99), unit: 'ms' });
    report({
      benchmark: B,
      name: 'drain after the last commit, steady',
      value: (a.lastReceipt - a.lastCommit) / 1000,
      unit: 's',
    });
    report({
      benchmark: B,
      name: 'deliveries lost (steady + backlog)',
      value: a.missing.length + b.missing.length,
      unit: `of ${a.pairs + b.pairs}`,
      goal: { atMost: 0 },
    });
    report({
      benchmark: B,
      name: 'an event under two webhook-ids · wrong data · bad signatures',
      value: a.doubled + b.doubled + a.wrongData + b.wrongData + receiver.badSignatures + receiver.malformed,
      unit: '',
      goal: { atMost: 0 },
    });
    report({ benchmark: B, name: 'repeats of a webhook-id (allowed)', value: receiver.repeats, unit: '' });
  } finally {
    await commits?.stop();
    await api?.stop();
    for (const other of others) await other.stop();
    await receiver.stop();
  }
}
