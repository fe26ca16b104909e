import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createCustomer, createProduct, createWarehouses, orderInput, PLACE_ORDER } from './factories';
import { createTestDatabase, postRaw, settle, startTestApi, subscribe, TestApi } from './helpers';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const ORDER_EVENTS = `subscription($orderId: ID) { orderStatusChanged(orderId: $orderId) { sequence type fromStatus toStatus reason order { id number } } }`;

describe('live order status over graphql-ws', () => {
  let api: TestApi;
  before(async () => {
    api = await startTestApi();
    await createWarehouses(api.ds);
  });
  after(() => api.stop());

  it('delivers every event of a placed and cancelled order after commit, numbered without gaps', async () => {
    const customer = await createCustomer(api.ds);
    const p = await createProduct(api.ds, { stock: { 'SH-01': 5 } });
    const all = subscribe(api.ws(), ORDER_EVENTS);
    await settle();
    const placed = await api.data(PLACE_ORDER, { input: orderInput(customer.gid, [{ sku: p.sku, quantity: 1 }]) });
    const orderId = placed.placeOrder.order.id;
    const mine = subscribe(api.ws(), ORDER_EVENTS, { orderId });
    await settle();
    await api.data(`mutation($input: CancelOrderInput!) { cancelOrder(input: $input) { userErrors { code } } }`, {
      input: { orderId, reason: '测试' },
    });

    const items = await all.waitFor(4);
    const forOrder = items.map((i: any) => i.orderStatusChanged).filter((e: any) => e.order.id === orderId);
    assert.deepEqual(
      forOrder.map((e: any) => [e.sequence, e.toStatus]),
      [
        [1, 'PENDING_REVIEW'],
        [2, 'CONFIRMED'],
        [3, 'ALLOCATED'],
        [4, 'CANCELLED'],
      ],
    );
    const only = await mine.waitFor(1);
    assert.deepEqual(
      only.map((i: any) => [i.orderStatusChanged.sequence, i.orderStatusChanged.toStatus, i.orderStatusChanged.reason]),
      [[4, 'CANCELLED', '测试']],
    );
  });

  it('publishes nothing for a change that rolled back', async () => {
    const customer = await createCustomer(api.ds);
    const p = await createProduct(api.ds, { stock: { 'SH-01': 1 } });
    const all = subscribe(api.ws(), ORDER_EVENTS);
    await settle();
    const r = await api.data(PLACE_ORDER, { input: orderInput(customer.gid, [{ sku: p.sku, quantity: 2 }]) });
    assert.equal(r.placeOrder.userErrors[0].code, 'OUT_OF_STOCK');
    await settle(300);
    assert.deepEqual(all.items, []);
  });

  it('raises a stock alert when a level crosses its low threshold', async () => {
    const customer = await createCustomer(api.ds);
    const p = await createProduct(api.ds, { stock: { 'SH-01': 12 }, low: 5, high: 100 });
    const alerts = subscribe(
      api.ws(),
      `subscription { stockAlert { sku warehouseCode previousStatus status available lowThreshold reference stockLevel { onHand reserved } } }`,
    );
    await settle();
    const r = await api.data(PLACE_ORDER, { input: orderInput(customer.gid, [{ sku: p.sku, quantity: 8 }]) });
    const [a] = await alerts.waitFor(1);
    assert.deepEqual(
      { ...a.stockAlert, stockLevel: undefined },
      {
        sku: p.sku,
        warehouseCode: 'SH-01',
        previousStatus: 'NORMAL',
        status: 'LOW',
        available: 4,
        lowThreshold: 5,
        reference: r.placeOrder.order.number,
        stockLevel: undefined,
      },
    );
    assert.deepEqual(a.stockAlert.stockLevel, { onHand: 12, reserved: 8 });
  });
});

describe('two API processes on one database', () => {
  const procs: ChildProcess[] = [];
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let ports: number[] = [];
  let api: TestApi;

  const startProcess = (databaseUrl: string) =>
    new Promise<{ port: number }>((resolve, reject) => {
      const child = spawn(process.execPath, [path.join(__dirname, '../src/main.js')], {
        env: { ...process.env, DATABASE_URL: databaseUrl, PORT: '0', SEED: 'none', LOG_JSON: '1', LOG_LEVEL: 'info' },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      procs.push(child);
      let buffer = '';
      child.stdout!.on('data', (chunk) => {
        buffer += chunk;
        const m = /"port":(\d+)/.exec(buffer);
        if (m) resolve({ port: Number(m[1]) });
      });
      child.on('exit', (code) => reject(new Error(`API process exited with ${code}: ${buffer}`)));
    });

  before(async () => {
    db = await createTestDatabase();
    api = await startTestApi({ databaseUrl: db.url }); // migrates and lets the test arrange data
    await createWarehouses(api.ds);
    ports = (await Promise.all([startProcess(db.url), startProcess(db.url)])).map((p) => p.port);
  });
  after(async () => {
    for (const p of procs) p.kill('SIGTERM');
    await Promise.all(procs.map((p) => new Promise((r) => (p.exitCode !== null ? r(null) : p.once('exit', r)))));
    await api.stop();
    await db.drop();
  });

  it('delivers an event made in one process to subscribers of the other', async () => {
    const customer = await createCustomer(api.ds);
    const p = await createProduct(api.ds, { stock: { 'SH-01': 5 } });
    const clientB = createClient({
      url: `ws://127.0.0.1:${ports[1]}/graphql`,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: { authorization: `Bearer ${api.token}` },
    });
    const onB = subscribe(clientB, ORDER_EVENTS);
    await settle(300);
    const r = await postRaw(
      `http://127.0.0.1:${ports[0]}/graphql`,
      JSON.stringify({
        query: PLACE_ORDER,
        variables: { input: orderInput(customer.gid, [{ sku: p.sku, quantity: 1 }]) },
      }),
      {
        authorization: `Bearer ${api.token}`,
      },
    );
    assert.equal(r.status, 200, r.text);
    const number = r.body.data.placeOrder.order.number;
    const items = await onB.waitFor(3);
    assert.deepEqual(
      items.map((i: any) => [i.orderStatusChanged.order.number, i.orderStatusChanged.sequence]),
      [
        [number, 1],
        [number, 2],
        [number, 3],
      ],
    );
    await clientB.dispose();
  });
});

/** Helpers for the revocation specs, on the given API. */
function revocation(api: () => TestApi) {
  /** graphql-ws reports a closed socket as a CloseEvent; 4403 is Forbidden. */
  const closeCodes = (errors: unknown[]) => errors.map((e) => (e as { code?: number }).code);
  const closedWithin = async (sub: ReturnType<typeof subscribe>, ms: number) => {
    const until = Date.now() + ms;
    while (Date.now() < until && sub.errors.length === 0) await settle(25);
    return closeCodes(sub.errors);
  };
  const newKey = async (name: string, scopes = ['ORDERS_READ']) => {
    const r = await api().data(
      `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret apiKey { prefix } } }`,
      { input: { name, scopes } },
    );
    return { secret: r.createApiKey.secret as string, prefix: r.createApiKey.apiKey.prefix as string };
  };
  const watch = async (authorization: string) => {
    const sub = subscribe(api().ws(authorization), ORDER_EVENTS);
    await settle();
    assert.deepEqual(sub.errors, [], 'the subscription started');
    return sub;
  };
  /** A statement the triggers do not see (as when replicated or restored): only the re-check notices it. */
  const unseen = async (sql: string, params: unknown[]) => {
    const runner = api().ds.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      await runner.query(`SET LOCAL session_replication_role = replica`);
      await runner.query(sql, params);
      await runner.commitTransaction();
    } finally {
      await runner.release();
    }
  };

  return { closedWithin, newKey, watch, unseen };
}

describe('credentials revoked outside the API', () => {
  let api: TestApi;
  before(async () => {
    api = await startTestApi();
  });
  after(() => api.stop());

  const { closedWithin, newKey, watch } = revocation(() => api);

  it('closes the live connections of an API key revoked with plain SQL within half a second', async () => {
    const key = await newKey('revoked by SQL');
    const sub = await watch(`Bearer ${key.secret}`);
    await api.ds.query(`UPDATE api_key SET revoked_at = now() WHERE prefix = $1`, [key.prefix]);
    assert.deepEqual(await closedWithin(sub, 500), [4403]);
  });

  it("closes an API key's connections when its scopes or expiry change, or the row is deleted", async () => {
    for (const change of [
      `UPDATE api_key SET scopes = '{CATALOG_READ}' WHERE prefix = $1`,
      `UPDATE api_key SET expires_at = now() + interval '1 day' WHERE prefix = $1`,
      `DELETE FROM api_key WHERE prefix = $1`,
    ]) {
      const key = await newKey(change.slice(0, 30));
      const sub = await watch(`Bearer ${key.secret}`);
      await api.ds.query(change, [key.prefix]);
      assert.deepEqual(await closedWithin(sub, 500), [4403], change);
    }
  });

  it('closes the live connections of a session revoked with plain SQL within half a second', async () => {
    const token = await api.loginAs('DISPATCHER');
    const sub = await watch(`Bearer ${token}`);
    const other = await watch(`Bearer ${await api.loginAs('DISPATCHER')}`);
    const [session] = await api.ds.query(
      `SELECT s.id FROM staff_session s JOIN staff_user u ON u.id = s.user_id
        WHERE u.email = 'dispatcher@demo.local' AND s.revoked_at IS NULL ORDER BY s.created_at LIMIT 1`,
    );
    await api.ds.query(`UPDATE staff_session SET revoked_at = now() WHERE id = $1`, [session.id]);
    assert.deepEqual(await closedWithin(sub, 500), [4403]);
    await settle(200);
    assert.deepEqual(other.errors, [], "the user's other session keeps its connection");
  });

  it('closes every connection when sessions are emptied with TRUNCATE', async () => {
    const sub = await watch(`Bearer ${await api.loginAs('PURCHASING')}`);
    await api.ds.query(`TRUNCATE staff_session`);
    assert.deepEqual(await closedWithin(sub, 500), [4403]);
  });
});

describe('the periodic re-check of live credentials', () => {
  let api: TestApi;
  before(async () => {
    // Every second here (60 s by default), so the backstop can be seen.
    api = await startTestApi({ env: { CREDENTIAL_RECHECK_SECONDS: '1' } });
  });
  after(() => api.stop());
  const { closedWithin, newKey, watch, unseen } = revocation(() => api);

  it('closes connections whose revocation no trigger saw, at the next periodic re-check', async () => {
    const key = await newKey('revoked unseen');
    const keySub = await watch(`Bearer ${key.secret}`);
    const token = await api.loginAs('WAREHOUSE');
    const sessionSub = await watch(`Bearer ${token}`);
    await unseen(`UPDATE api_key SET revoked_at = now() WHERE prefix = $1`, [key.prefix]);
    await unseen(
      `UPDATE staff_session SET revoked_at = now() WHERE user_id = (SELECT id FROM staff_user WHERE email = 'warehouse@demo.local')`,
      [],
    );
    assert.deepEqual(await closedWithin(keySub, 2500), [4403]);
    assert.deepEqual(await closedWithin(sessionSub, 500), [4403]);
  });
});
