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
