import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  createCustomer,
  createProduct,
  createWarehouses,
  ledgerMismatches,
  levelOf,
  orderInput,
  PLACE_ORDER,
} from './factories';
import { settle, startTestApi, subscribe, TestApi } from './helpers';

describe('concurrency', () => {
  let api: TestApi;
  before(async () => {
    api = await startTestApi();
    await createWarehouses(api.ds);
  });
  after(() => api.stop());

  it('accepts exactly as many of 100 concurrent orders as there are units (10), never overselling', async () => {
    const p = await createProduct(api.ds, { stock: { 'SH-01': 6, 'BJ-01': 4 } });
    const other = await createProduct(api.ds, { stock: { 'SH-01': 1000, 'GZ-01': 1000 } });
    const customers = await Promise.all(
      Array.from({ length: 10 }, (_, i) => createCustomer(api.ds, { region: i % 2 ? 'EAST' : 'NORTH' })),
    );
    // Two lines per order, in both orders, so transactions also lock rows in different request orders.
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) => {
        const lines =
          i % 2
            ? [
                { sku: p.sku, quantity: 1 },
                { sku: other.sku, quantity: 1 },
              ]
            : [
                { sku: other.sku, quantity: 1 },
                { sku: p.sku, quantity: 1 },
              ];
        return api.gql(PLACE_ORDER, { input: orderInput(customers[i % 10].gid, lines) });
      }),
    );
    assert.ok(
      results.every((r) => r.status === 200 && !r.body.errors),
      `no request failed: ${results.find((r) => r.body.errors)?.text}`,
    );
    const accepted = results.filter((r) => r.body.data.placeOrder.order);
    const rejected = results.filter((r) => !r.body.data.placeOrder.order);
    assert.equal(accepted.length, 10);
    assert.equal(rejected.length, 90);
    assert.ok(rejected.every((r) => r.body.data.placeOrder.userErrors[0].code === 'OUT_OF_STOCK'));
    assert.deepEqual(await levelOf(api.ds, p.levels['SH-01']), { onHand: 6, reserved: 6, available: 0 });
    assert.deepEqual(await levelOf(api.ds, p.levels['BJ-01']), { onHand: 4, reserved: 4, available: 0 });
    const [{ n }] = await api.ds.query(
      `SELECT count(*)::int AS n FROM orders o JOIN order_line l ON l.order_id = o.id WHERE l.product_id = $1`,
      [p.id],
    );
    assert.equal(n, 10);
    assert.deepEqual(await ledgerMismatches(api.ds), []);
  });

  it("keeps each level's ledger an unbroken chain and sends one alert per threshold crossed while 60 orders race for 40 units", async () => {
    const p = await createProduct(api.ds, { stock: { 'SH-01': 40 }, low: 10, high: 1000 });
    const customers = await Promise.all(Array.from({ length: 6 }, () => createCustomer(api.ds, { region: 'EAST' })));
    const client = api.ws();
    const alerts = subscribe<{
      stockAlert: { sku: string; previousStatus: string; status: string; available: number };
    }>(client, `subscription { stockAlert { sku previousStatus status available } }`);
    await settle();
    const results = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        api.gql(PLACE_ORDER, { input: orderInput(customers[i % 6].gid, [{ sku: p.sku, quantity: 1 }]) }),
      ),
    );
    assert.ok(
      results.every((r) => r.status === 200 && !r.body.errors),
      results.find((r) => r.body.errors)?.text,
    );
    assert.equal(results.filter((r) => r.body.data.placeOrder.order).length, 40);
    assert.ok(
      results
        .filter((r) => !r.body.data.placeOrder.order)
        .every((r) => r.body.data.placeOrder.userErrors[0].code === 'OUT_OF_STOCK'),
    );
    assert.deepEqual(await levelOf(api.ds, p.levels['SH-01']), { onHand: 40, reserved: 40, available: 0 });
    assert.deepEqual(await ledgerMismatches(api.ds), []);
    const breaks = await api.ds.query(
      `SELECT id FROM (
         SELECT id, on_hand_after, reserved_after, on_hand_delta, reserved_delta,
                lag(on_hand_after, 1, 0) OVER w AS on_hand_before, lag(reserved_after, 1, 0) OVER w AS reserved_before
           FROM stock_movement WHERE stock_level_id = $1 WINDOW w AS (ORDER BY id)) m
        WHERE on_hand_after <> on_hand_before + on_hand_delta OR reserved_after <> reserved_before + reserved_delta`,
      [p.levels['SH-01']],
    );
    assert.deepEqual(breaks, [], 'every movement starts where the one before it ended');
    await settle(300);
    assert.deepEqual(
      alerts.items.filter((a) => a.stockAlert.sku === p.sku).map((a) => a.stockAlert),
      [
        { sku: p.sku, previousStatus: 'NORMAL', status: 'LOW', available: 10 },
        { sku: p.sku, previousStatus: 'LOW', status: 'OUT_OF_STOCK', available: 0 },
      ],
    );
    alerts.dispose();
    await client.dispose();
  });

  it('creates one order for 20 concurrent retries with the same idempotency key, answering each with it', async () => {
    const customer = await createCustomer(api.ds);
    const p = await createProduct(api.ds, { stock: { 'SH-01': 100 } });
    const input = orderInput(customer.gid, [{ sku: p.sku, quantity: 2 }], { idempotencyKey: 'checkout-7f3a-retry' });
    const results = await Promise.all(Array.from({ length: 20 }, () => api.gql(PLACE_ORDER, { input })));
    assert.ok(
      results.every((r) => r.status === 200 && !r.body.errors),
      results.find((r) => r.body.errors)?.text,
    );
    const ids = new Set(results.map((r) => r.body.data.placeOrder.order?.id));
    assert.equal(ids.size, 1);
    assert.ok([...ids][0]);
    const [{ n }] = await api.ds.query(
      `SELECT count(*)::int AS n FROM orders WHERE idempotency_key = 'checkout-7f3a-retry'`,
    );
    assert.equal(n, 1);
    assert.equal((await levelOf(api.ds, p.levels['SH-01'])).reserved, 2);

    const later = await api.gql(PLACE_ORDER, { input });
    assert.equal(later.body.data.placeOrder.order.id, [...ids][0]);

    const different = await api.gql(PLACE_ORDER, { input: { ...input, lines: [{ sku: p.sku, quantity: 3 }] } });
    assert.equal(different.body.data.placeOrder.order, null);
    assert.deepEqual(
      different.body.data.placeOrder.userErrors.map((e: any) => [e.code, e.field.join('.')]),
      [['IDEMPOTENCY_KEY_REUSED', 'input.idempotencyKey']],
    );
  });

  it('scopes idempotency keys to the caller: two integrators retrying 20 times each with one key get one order each', async () => {
    const customer = await createCustomer(api.ds);
    const p = await createProduct(api.ds, { stock: { 'SH-01': 100 } });
    const keyOf = async (name: string) =>
      (
        await api.data(`mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }`, {
          input: { name, scopes: ['ORDERS_WRITE'] },
        })
      ).createApiKey.secret as string;
    const [a, b] = [await keyOf('tmall'), await keyOf('jd')];
    const input = orderInput(customer.gid, [{ sku: p.sku, quantity: 1 }], { idempotencyKey: 'order-1' });
    const place = (key: string, body = input) =>
      api.gql(
        `mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { order { id } userErrors { code } } }`,
        { input: body },
        {
          authorization: `Bearer ${key}`,
        },
      );
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => place(i % 2 ? b : a)));
    const idsOf = (parity: number) =>
      new Set(
        results
          .filter((_, i) => i % 2 === parity)
          .map((r) => r.body.data?.placeOrder.order?.id ?? JSON.stringify(r.body)),
      );
    const [ofA, ofB] = [idsOf(0), idsOf(1)];
    assert.equal(ofA.size, 1, [...ofA].join());
    assert.equal(ofB.size, 1, [...ofB].join());
    assert.notEqual([...ofA][0], [...ofB][0], "B was answered with A's order");
    const [{ n }] = await api.ds.query(`SELECT count(*)::int AS n FROM orders WHERE idempotency_key = 'order-1'`);
    assert.equal(n, 2);
    // A different order under B's key is B's mistake, not a hint that A used the key.
    const other = await place(b, { ...input, lines: [{ sku: p.sku, quantity: 2 }] });
    assert.deepEqual(other.body.data.placeOrder.userErrors, [{ code: 'IDEMPOTENCY_KEY_REUSED' }]);
  });

  it('keeps available non-negative while cancels, edits and new orders race on the same stock', async () => {
    const p = await createProduct(api.ds, { stock: { 'SH-01': 20 } });
    const customer = await createCustomer(api.ds);
    const first = await Promise.all(
      Array.from({ length: 10 }, () =>
        api.data(PLACE_ORDER, { input: orderInput(customer.gid, [{ sku: p.sku, quantity: 2 }]) }),
      ),
    );
    const ids = first.map((r) => r.placeOrder.order.id);
    const cancel = `mutation($input: CancelOrderInput!) { cancelOrder(input: $input) { userErrors { code } } }`;
    const update = `mutation($input: UpdateOrderInput!) { updateOrder(input: $input) { userErrors { code } } }`;
    const ops = [
      ...ids.slice(0, 5).map((id) => api.gql(cancel, { input: { orderId: id, reason: 'race' } })),
      ...ids.slice(5).map((id) => api.gql(update, { input: { orderId: id, lines: [{ sku: p.sku, quantity: 3 }] } })),
      ...Array.from({ length: 20 }, () =>
        api.gql(PLACE_ORDER, { input: orderInput(customer.gid, [{ sku: p.sku, quantity: 1 }]) }),
      ),
    ];
    const results = await Promise.all(ops);
    assert.ok(
      results.every((r) => r.status === 200 && !r.body.errors),
      results.find((r) => r.body.errors)?.text,
    );
    const level = await levelOf(api.ds, p.levels['SH-01']);
    assert.ok(level.available >= 0);
    assert.equal(level.onHand, 20);
    assert.deepEqual(await ledgerMismatches(api.ds), []);
  });
});
