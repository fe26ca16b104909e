import 'reflect-metadata';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { createClient, Client as WsClient } from 'graphql-ws';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import WebSocket from 'ws';
import { localId, toGlobalId } from '../../src/common/global-id';
import { REPO_ROOT } from '../../src/config';
import { createDataSource } from '../../src/db/data-source';
import { freePort } from '../../src/db/embedded';
import { createCustomer, createProduct, createWarehouses, orderInput } from '../factories';
import { createTestDatabase } from '../helpers';
import { TestReceiver } from '../webhook-receiver';
import { findViolations } from './invariants';
import { gqlPost, MODE, printSummary, sleep, SKIP_OUTSIDE_RELIABILITY_RUN } from './load';

/**
 * Surge: a sales-festival morning. The built API runs as deployed (its own process, jobs and outbox on)
 * while the load ramps from a normal rate to 10× and back: orders placed through an API key, reads of
 * the order list and single orders, couriers' phones reporting positions, live subscribers of every
 * order event and of the couriers' map, a webhook endpoint and the customers' notifications. Asserts no
 * errors, no lost events (every subscriber heard every event, the receiver got every webhook, every
 * position was stored and the map saw each courier's last), p99 at the peak within the bound, the
 * invariants, and every backlog (jobs, notifications, webhooks) drained within the bound after the peak.
 */
const PLAN = {
  // Orders per second at the normal rate; reads are READS_PER_ORDER times that.
  short: { normal: 2, phaseMs: 8_000, peakMs: 12_000, subscribers: 10, couriers: 10 },
  full: { normal: 3, phaseMs: 30_000, peakMs: 60_000, subscribers: 50, couriers: 40 },
}[MODE];
const SURGE = 10;
const READS_PER_ORDER = 3;
/** Position reports (one fix each, from the couriers in turn) per order: more orders, more couriers out. */
const POSITIONS_PER_ORDER = 2;
/** Stated bounds: p99 of every request at the peak, and time to drain every backlog after it. */
const PEAK_P99_MS = 1_000;
const DRAIN_MS = 30_000;
const ADMIN = { email: 'surge-admin@reliability.local', password: 'surge-admin-password-1' };
const MAIN = path.join(REPO_ROOT, 'apps/api/dist/src/main.js');
const SKUS = 20;

const PLACE = `mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { order { id } userErrors { code message } } }`;
const LIST = `{ orders(first: 20) { edges { node { number status total { fen } customer { name } } } } }`;
const ONE = `query($id: ID!) { order(id: $id) { number status lines { sku quantity } events { sequence toStatus } } }`;
const LIVE = `subscription { orderStatusChanged { id sequence } }`;
const POSITION = `mutation($i: ReportCourierPositionsInput!) { reportCourierPositions(input: $i) { accepted userErrors { code message } } }`;
const MAP = `subscription { courierMoved { courierId lat lng recordedAt } }`;

type Phase = 'normal' | 'ramp up' | 'peak' | 'ramp down' | 'after';

/** The offered rate (× normal) at ms into the run: normal, a linear ramp to SURGE×, the peak, back, normal. */
function shape(ms: number): { phase: Phase; factor: number } {
  const { phaseMs, peakMs } = PLAN;
  const marks = [phaseMs, 2 * phaseMs, 2 * phaseMs + peakMs, 3 * phaseMs + peakMs, 4 * phaseMs + peakMs];
  if (ms < marks[0]) return { phase: 'normal', factor: 1 };
  if (ms < marks[1]) return { phase: 'ramp up', factor: 1 + ((SURGE - 1) * (ms - marks[0])) / phaseMs };
  if (ms < marks[2]) return { phase: 'peak', factor: SURGE };
  if (ms < marks[3]) return { phase: 'ramp down', factor: SURGE - ((SURGE - 1) * (ms - marks[2])) / phaseMs };
  return { phase: 'after', factor: 1 };
}
const RUN_MS = 4 * PLAN.phaseMs + PLAN.peakMs;

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(s.length * p))] : 0;
};

describe(`surge: normal → ${SURGE}× → normal (${MODE})`, { skip: SKIP_OUTSIDE_RELIABILITY_RUN }, () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let ds: DataSource;
  let api: ChildProcess;
  let url = '';
  let stderr = '';
  const receiver = new TestReceiver();

  before(async () => {
    db = await createTestDatabase();
    await receiver.start();
    const port = await freePort();
    url = `http://127.0.0.1:${port}/graphql`;
    api = spawn(process.execPath, [MAIN], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: {
        ...process.env,
        NODE_ENV: 'production',
        WORKERS: '1',
        DATABASE_URL: db.url,
        PORT: String(port),
        SEED: 'none',
        LOG_LEVEL: 'warn',
        LOG_JSON: '1',
        AUTH_SECRET: 'surge-secret-surge-secret-surge-secret-0123',
        ADMIN_EMAIL: ADMIN.email,
        ADMIN_PASSWORD: ADMIN.password,
        RATE_LIMIT_PER_MINUTE: '100000000',
        // Every subscriber is the same staff member.
        LIVE_CONNECTIONS_PER_CALLER: '1000',
        WEBHOOK_ALLOW_ADDRESSES: '127.0.0.1',
      },
    });
    api.stderr!.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
    const deadline = Date.now() + 60_000;
    while (
      !(await fetch(url.replace('/graphql', '/health/ready')).then(
        (r) => r.ok,
        () => false,
      ))
    ) {
      if (Date.now() > deadline || api.exitCode !== null) throw new Error(`the API did not start: ${stderr}`);
      await sleep(100);
    }
    ds = createDataSource(db.url, 6);
    await ds.initialize();
  });
  after(async () => {
    api?.kill('SIGTERM');
    await new Promise((r) => (api?.exitCode !== null ? r(null) : api.once('exit', r)));
    await receiver.stop();
    await ds?.destroy();
    await db?.drop();
  });

  it(`carries ${SURGE}× the normal rate with no errors or lost events, p99 ≤ ${PEAK_P99_MS} ms at the peak, and drains every backlog within ${DRAIN_MS / 1000} s`, async () => {
    // The shop: two warehouses, SKUS products with stock for the whole run, customers, an API key, a webhook.
    await createWarehouses(ds);
    const skus: string[] = [];
    for (let i = 0; i < SKUS; i++)
      skus.push((await createProduct(ds, { stock: { 'SH-01': 100_000, 'BJ-01': 100_000 } })).sku);
    const customers: string[] = [];
    for (let i = 0; i < 20; i++) customers.push((await createCustomer(ds)).gid);
    const login = await gqlPost(url, null, `mutation($i: LoginInput!) { login(input: $i) { token } }`, {
      i: ADMIN,
    });
    const admin = `Bearer ${login.data.login.token}`;
    const key = await gqlPost(
      url,
      admin,
      `mutation { createApiKey(input: { name: "storefront", scopes: [ORDERS_WRITE, ORDERS_READ, CUSTOMERS_READ] }) { secret } }`,
    );
    const storefront = `Bearer ${key.data.createApiKey.secret}`;
    const endpoint = await gqlPost(
      url,
      admin,
      `mutation($i: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $i) { secret userErrors { code message } } }`,
      { i: { url: `${receiver.url}/hooks`, eventTypes: ['order.status_changed'], description: 'surge' } },
    );
    assert.deepEqual(endpoint.data.createWebhookEndpoint.userErrors, []);
    receiver.secrets = [endpoint.data.createWebhookEndpoint.secret];
    const couriers: string[] = [];
    for (let i = 0; i < PLAN.couriers; i++) {
      const c = await gqlPost(
        url,
        admin,
        `mutation($i: CreateCourierInput!) { createCourier(input: $i) { courier { id } userErrors { code message } } }`,
        {
          i: {
            code: `SURGE-${i}`,
            name: `快递员${i}`,
            phone: '13900001111',
            warehouseCode: 'SH-01',
            zones: ['上海'],
            shiftStart: '00:00',
            shiftEnd: '23:59',
          },
        },
      );
      assert.deepEqual(c.data.createCourier.userErrors, []);
      couriers.push(c.data.createCourier.courier.id);
    }

    // Live subscribers of every order event.
    const heard: Set<string>[] = [];
    const clients: WsClient[] = [];
    const liveClient = () => {
      const client = createClient({
        url: url.replace('http', 'ws'),
        webSocketImpl: WebSocket,
        connectionParams: { authorization: admin },
        retryAttempts: 0,
      });
      clients.push(client);
      return client;
    };
    for (let i = 0; i < PLAN.subscribers; i++) {
      const got = new Set<string>();
      heard.push(got);
      liveClient().subscribe<{ orderStatusChanged: { id: string } }>(
        { query: LIVE },
        {
          next: (m) => m.data && got.add(m.data.orderStatusChanged.id),
          error: () => undefined,
          complete: () => undefined,
        },
      );
    }
    // The dispatchers' map: every courier's newest position.
    const onMap = new Map<string, string>();
    liveClient().subscribe<{ courierMoved: { courierId: string; recordedAt: string } }>(
      { query: MAP },
      {
        next: (m) => {
          const p = m.data?.courierMoved;
          if (p && (onMap.get(p.courierId) ?? '') < p.recordedAt) onMap.set(p.courierId, p.recordedAt);
        },
        error: () => undefined,
        complete: () => undefined,
      },
    );
    await sleep(500);
    const [{ before }] = await ds.query(`SELECT coalesce(max(id), 0)::text AS before FROM order_event`);

    // Open-loop load: requests start on schedule whether or not earlier ones finished.
    type Kind = 'order' | 'read' | 'position';
    const samples: { phase: Phase; ms: number; kind: Kind }[] = [];
    /** Each courier's last reported fix (ms since the epoch, one ms apart at least, so none is a repeat). */
    const lastFix = new Map<string, number>();
    let accepted = 0;
    const failures: string[] = [];
    const orderIds: string[] = [];
    const inFlight = new Set<Promise<void>>();
    const send = (phase: Phase, kind: Kind, n: number) => {
      const started = performance.now();
      let fix: { courierId: string; at: number } | null = null;
      if (kind === 'position') {
        const courierId = couriers[n % couriers.length];
        fix = { courierId, at: Math.max(Date.now(), (lastFix.get(courierId) ?? 0) + 1) };
        lastFix.set(courierId, fix.at);
      }
      const request = fix
        ? gqlPost(url, admin, POSITION, {
            i: {
              courierId: fix.courierId,
              positions: [
                {
                  lat: 31.2 + (n % 100) / 1000,
                  lng: 121.4 + (n % 37) / 1000,
                  recordedAt: new Date(fix.at).toISOString(),
                },
              ],
            },
          })
        : kind === 'order'
          ? gqlPost(url, storefront, PLACE, {
              input: orderInput(customers[n % customers.length], [
                { sku: skus[n % SKUS], quantity: 1 + (n % 2) },
                { sku: skus[(n * 7 + 3) % SKUS], quantity: 1 },
              ]),
            })
          : n % 2 && orderIds.length
            ? gqlPost(url, storefront, ONE, { id: orderIds[n % orderIds.length] })
            : gqlPost(url, storefront, LIST);
      const p = request
        .then((r) => {
          samples.push({ phase, ms: performance.now() - started, kind });
          const problem =
            r.status !== 200 ||
            r.errors?.length ||
            (kind === 'order' && r.data?.placeOrder.userErrors.length) ||
            (kind === 'position' && r.data?.reportCourierPositions.userErrors.length);
          if (problem && failures.length < 20) failures.push(`${kind} ${r.status}: ${r.text.slice(0, 200)}`);
          else if (kind === 'order') orderIds.push(r.data.placeOrder.order.id);
          else if (kind === 'position') accepted += r.data.reportCourierPositions.accepted;
        })
        .catch((e: Error) => void (failures.length < 20 && failures.push(`${kind}: ${e.message}`)))
        .finally(() => inFlight.delete(p));
      inFlight.add(p);
    };
    const startedAt = performance.now();
    let orders = 0;
    let reads = 0;
    let positions = 0;
    let peakEndedAt = 0;
    let due = 0;
    let last = 0;
    for (;;) {
      const ms = performance.now() - startedAt;
      if (ms >= RUN_MS) break;
      const { phase, factor } = shape(ms);
      if (phase === 'ramp down' && !peakEndedAt) peakEndedAt = performance.now();
      // Everything due by now is sent: the offered rate integrated over time.
      due += (factor * PLAN.normal * (ms - last)) / 1000;
      last = ms;
      while (orders < Math.floor(due)) send(phase, 'order', orders++);
      while (reads < Math.floor(due * READS_PER_ORDER)) send(phase, 'read', reads++);
      while (positions < Math.floor(due * POSITIONS_PER_ORDER)) send(phase, 'position', positions++);
      await sleep(5);
    }
    await Promise.all([...inFlight]);

    // Every backlog drains: jobs due, notifications and webhook deliveries.
    const drainStarted = performance.now();
    let backlog = { jobs: -1, notifications: -1, webhooks: -1 };
    while (performance.now() - drainStarted < DRAIN_MS + 5_000) {
      const [b] = await ds.query(
        `SELECT (SELECT count(*) FROM pgboss.job WHERE state IN ('created', 'retry', 'active') AND start_after <= now())::int AS jobs,
                (SELECT count(*) FROM notification WHERE status IN ('PENDING', 'RETRYING'))::int AS notifications,
                (SELECT count(*) FROM webhook_delivery WHERE status IN ('PENDING', 'RETRYING'))::int AS webhooks`,
      );
      backlog = b;
      if (!b.jobs && !b.notifications && !b.webhooks) break;
      await sleep(200);
    }
    const drainedAfterPeakMs = Math.round(performance.now() - peakEndedAt);
    const drainedAfterLoadMs = Math.round(performance.now() - drainStarted);

    // Events: what the database holds for the run against what each subscriber heard.
    await sleep(1_000);
    const events: { id: string }[] = await ds.query(`SELECT id::text FROM order_event WHERE id > $1`, [before]);
    const expected = events.map((e) => toGlobalId('OrderEvent', e.id));
    const missing = heard.map((got) => expected.filter((id) => !got.has(id)).length);
    const [{ deliveries, delivered }] = await ds.query(
      `SELECT count(*)::int AS deliveries, count(*) FILTER (WHERE status = 'DELIVERED')::int AS delivered FROM webhook_delivery`,
    );
    const received = receiver.deliveredIds();
    const [{ stored }] = await ds.query(
      `SELECT count(*)::int AS stored FROM courier_position WHERE courier_id = ANY($1::uuid[])`,
      [couriers.map((id) => localId(id, 'Courier'))],
    );
    const stale = [...lastFix].filter(([id, at]) => onMap.get(id) !== new Date(at).toISOString()).length;
    const checker = new Client({ connectionString: db.url });
    await checker.connect();
    const violations = await findViolations(checker).finally(() => checker.end());
    for (const c of clients) await c.dispose();

    const byPhase = (phase: Phase) => samples.filter((s) => s.phase === phase).map((s) => s.ms);
    const rateOf = (phase: Phase) => {
      const n = samples.filter((s) => s.phase === phase && s.kind === 'order').length;
      return Math.round((n / ((phase === 'peak' ? PLAN.peakMs : PLAN.phaseMs) / 1000)) * 10) / 10;
    };
    const peakP99 = Math.round(percentile(byPhase('peak'), 0.99));
    const summary = {
      spec: 'surge',
      mode: MODE,
      normalOrdersPerSecond: PLAN.normal,
      peakOrdersPerSecond: PLAN.normal * SURGE,
      readsPerOrder: READS_PER_ORDER,
      subscribers: PLAN.subscribers,
      orders: samples.filter((s) => s.kind === 'order').length,
      reads: samples.filter((s) => s.kind === 'read').length,
      couriers: PLAN.couriers,
      positionReports: samples.filter((s) => s.kind === 'position').length,
      positionsStored: stored,
      couriersLastPositionMissedOnMap: stale,
      ordersPerSecond: Object.fromEntries((['normal', 'peak', 'after'] as Phase[]).map((p) => [p, rateOf(p)])),
      p50Ms: Object.fromEntries(
        (['normal', 'ramp up', 'peak', 'ramp down', 'after'] as Phase[]).map((p) => [
          p,
          Math.round(percentile(byPhase(p), 0.5)),
        ]),
      ),
      p99Ms: Object.fromEntries(
        (['normal', 'ramp up', 'peak', 'ramp down', 'after'] as Phase[]).map((p) => [
          p,
          Math.round(percentile(byPhase(p), 0.99)),
        ]),
      ),
      failures: failures.length,
      events: expected.length,
      missingPerSubscriber: Math.max(0, ...missing),
      webhookDeliveries: deliveries,
      webhooksDelivered: delivered,
      webhooksReceived: received.size,
      drainedAfterPeakMs,
      drainedAfterLoadMs,
      backlogLeft: backlog,
      violations: violations.length,
    };
    printSummary(summary);

    assert.deepEqual(failures, [], 'no request failed');
    assert.equal(accepted, positions, 'every position was accepted');
    assert.equal(stored, positions, 'every position was stored');
    assert.equal(stale, 0, "the map saw every courier's last position");
    assert.equal(violations.length, 0, JSON.stringify(violations.slice(0, 3)));
    assert.ok(expected.length >= summary.orders * 2, `each order wrote its events (${expected.length})`);
    assert.deepEqual(
      missing,
      heard.map(() => 0),
      'every subscriber heard every event',
    );
    assert.deepEqual(backlog, { jobs: 0, notifications: 0, webhooks: 0 }, 'every backlog drained');
    assert.ok(drainedAfterLoadMs <= DRAIN_MS, `backlogs drained ${drainedAfterLoadMs} ms after the load ended`);
    assert.equal(delivered, deliveries, 'every webhook delivered');
    assert.equal(received.size, deliveries, 'the receiver got every webhook');
    assert.ok(peakP99 <= PEAK_P99_MS, `p99 at the peak is ${peakP99} ms`);
  });
});
