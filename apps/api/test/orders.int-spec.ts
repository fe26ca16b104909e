import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { localId } from '../src/common/global-id';
import {
  createCustomer,
  createProduct,
  createWarehouses,
  ledgerMismatches,
  levelOf,
  orderInput,
  PLACE_ORDER,
} from './factories';
import { startTestApi, TestApi } from './helpers';

const ORDER_ACTION = (name: string, extra = '') => `
  mutation($input: ${name[0].toUpperCase() + name.slice(1)}Input!) {
    ${name}(input: $input) {
      order { id status statusReason holdReasons paymentStatus lastEventSequence total { fen }
              lines { sku quantity } allocations { sku quantity status warehouse { code } }
              events { sequence type fromStatus toStatus reason } ${extra} }
      userErrors { code field message }
    }
  }`;

describe('orders over GraphQL', () => {
  let api: TestApi;
  before(async () => {
    api = await startTestApi();
    await createWarehouses(api.ds);
  });
  after(() => api.stop());

  const place = async (input: Record<string, unknown>) => (await api.data(PLACE_ORDER, { input })).placeOrder;
  const act = async (name: string, input: Record<string, unknown>) =>
    (await api.data(ORDER_ACTION(name), { input }))[name];

  it('confirms and allocates a valid paid order, region first, with priced lines, events and movements', async () => {
    const customer = await createCustomer(api.ds, { region: 'EAST' });
    const water = await createProduct(api.ds, { priceFen: 36_00, stock: { 'BJ-01': 100, 'SH-01': 10 } });
    const r = await place(orderInput(customer.gid, [{ sku: water.sku, quantity: 3 }]));
    assert.deepEqual(r.userErrors, []);
    const o = r.order;
    assert.match(o.number, /^SO\d{8}-\d{6}$/);
    assert.equal(o.status, 'ALLOCATED');
    assert.deepEqual(o.lines, [
      { lineNo: 1, sku: water.sku, quantity: 3, unitPrice: { fen: 36_00 }, lineTotal: { fen: 108_00 } },
    ]);
    assert.equal(o.total.fen, 108_00);
    assert.equal(o.deliveryFee.fen, 0);
    assert.equal(o.delivery.region, 'EAST');
    assert.deepEqual(
      o.allocations.map((a: any) => [a.warehouse.code, a.quantity, a.status]),
      [['SH-01', 3, 'RESERVED']],
    );
    assert.deepEqual(
      o.events.map((e: any) => [e.sequence, e.type, e.fromStatus, e.toStatus]),
      [
        [1, 'PLACED', null, 'PENDING_REVIEW'],
        [2, 'STATUS_CHANGED', 'PENDING_REVIEW', 'CONFIRMED'],
        [3, 'STATUS_CHANGED', 'CONFIRMED', 'ALLOCATED'],
      ],
    );
    assert.equal(o.lastEventSequence, 3);
    assert.deepEqual(await levelOf(api.ds, water.levels['SH-01']), { onHand: 10, reserved: 3, available: 7 });
    const [mv] = await api.ds.query(
      `SELECT reason, reserved_delta, reference FROM stock_movement WHERE stock_level_id = $1 AND reason = 'RESERVATION'`,
      [water.levels['SH-01']],
    );
    assert.deepEqual(mv, { reason: 'RESERVATION', reserved_delta: 3, reference: o.number });
  });

  it('splits a line across warehouses when the region cannot fill it, and charges delivery below 99 yuan', async () => {
    const customer = await createCustomer(api.ds, { region: 'EAST' });
    const p = await createProduct(api.ds, { priceFen: 5_00, stock: { 'SH-01': 4, 'HZ-ST1': 3, 'GZ-01': 50 } });
    const r = await place(orderInput(customer.gid, [{ sku: p.sku, quantity: 10 }]));
    assert.deepEqual(r.userErrors, []);
    const byWh = Object.fromEntries(r.order.allocations.map((a: any) => [a.warehouse.code, a.quantity]));
    assert.deepEqual(byWh, { 'SH-01': 4, 'HZ-ST1': 3, 'GZ-01': 3 });
    assert.equal(r.order.subtotal.fen, 50_00);
    assert.equal(r.order.deliveryFee.fen, 8_00);
    assert.equal(r.order.total.fen, 58_00);
  });

  it('holds a new customer cash-on-delivery order above the limit for review, with the reason, keeping the stock', async () => {
    const customer = await createCustomer(api.ds, { isNew: true, credit: 'UNASSESSED' });
    const p = await createProduct(api.ds, { priceFen: 300_00, stock: { 'SH-01': 5 } });
    const r = await place(
      orderInput(customer.gid, [{ sku: p.sku, quantity: 2 }], { paymentMethod: 'CASH_ON_DELIVERY', paid: false }),
    );
    assert.deepEqual(r.userErrors, []);
    assert.equal(r.order.status, 'PENDING_REVIEW');
    assert.deepEqual(r.order.holdReasons, ['NEW_CUSTOMER_CREDIT_CHECK']);
    assert.match(r.order.statusReason, /credit check/);
    assert.equal(r.order.paymentStatus, 'COD_ACCEPTED');
    assert.equal((await levelOf(api.ds, p.levels['SH-01'])).reserved, 2);

    const approved = await act('approveOrder', { orderId: r.order.id });
    assert.deepEqual(approved.userErrors, []);
    assert.equal(approved.order.status, 'ALLOCATED');
    assert.deepEqual(approved.order.holdReasons, []);
    assert.deepEqual(
      approved.order.events.slice(-2).map((e: any) => e.toStatus),
      ['CONFIRMED', 'ALLOCATED'],
    );
  });

  it('holds unpaid online orders and orders to regions no warehouse serves', async () => {
    const customer = await createCustomer(api.ds, { region: 'NORTHWEST', city: '西安' });
    const p = await createProduct(api.ds, { stock: { 'BJ-01': 5 } });
    const r = await place(orderInput(customer.gid, [{ sku: p.sku, quantity: 1 }], { paid: false }));
    assert.equal(r.order.status, 'PENDING_REVIEW');
    assert.deepEqual(r.order.holdReasons, ['PAYMENT_PENDING', 'UNDELIVERABLE_REGION']);
  });

  it('rejects an order it cannot fill with OUT_OF_STOCK naming each short SKU, and changes nothing', async () => {
    const customer = await createCustomer(api.ds);
    const a = await createProduct(api.ds, { stock: { 'SH-01': 2, 'BJ-01': 1 } });
    const b = await createProduct(api.ds, { stock: { 'SH-01': 100 } });
    const c = await createProduct(api.ds, { stock: {} });
    const ordersBefore = (await api.ds.query(`SELECT count(*)::int AS n FROM orders`))[0].n;
    const r = await place(
      orderInput(customer.gid, [
        { sku: a.sku, quantity: 4 },
        { sku: b.sku, quantity: 1 },
        { sku: c.sku, quantity: 1 },
      ]),
    );
    assert.equal(r.order, null);
    assert.deepEqual(
      r.userErrors.map((e: any) => [e.code, e.field.join('.')]),
      [
        ['OUT_OF_STOCK', 'input.lines.0.quantity'],
        ['OUT_OF_STOCK', 'input.lines.2.quantity'],
      ],
    );
    assert.match(r.userErrors[0].message, new RegExp(`Only 3 of ${a.sku}`));
    assert.equal((await api.ds.query(`SELECT count(*)::int AS n FROM orders`))[0].n, ordersBefore);
    assert.equal((await levelOf(api.ds, b.levels['SH-01'])).reserved, 0);
  });

  it('keeps a short order as a backorder when allowed, and allocates it first when goods arrive', async () => {
    const customer = await createCustomer(api.ds);
    const p = await createProduct(api.ds, { stock: { 'SH-01': 1 } });
    const r = await place(orderInput(customer.gid, [{ sku: p.sku, quantity: 5 }], { allowBackorder: true }));
    assert.deepEqual(r.userErrors, []);
    assert.equal(r.order.status, 'BACKORDERED');
    assert.deepEqual(r.order.allocations, []);

    const adjusted = await api.data(
      `mutation($input: AdjustStockInput!) { adjustStock(input: $input) { stockLevel { onHand reserved available } userErrors { code } } }`,
      { input: { sku: p.sku, warehouseCode: 'SH-01', delta: 10, reason: 'RECEIPT', note: '到货' } },
    );
    assert.deepEqual(adjusted.adjustStock.userErrors, []);
    assert.deepEqual(adjusted.adjustStock.stockLevel, { onHand: 11, reserved: 5, available: 6 });
    const after = await api.data(
      `query($id: ID!) { order(id: $id) { status allocations { quantity } events { toStatus reason } } }`,
      { id: r.order.id },
    );
    assert.equal(after.order.status, 'ALLOCATED');
    assert.equal(after.order.events.at(-1).reason, 'Goods arrived');
  });

  it('cancels an order, releasing its reservations with RELEASE movements, and refuses to cancel it twice', async () => {
    const customer = await createCustomer(api.ds);
    const p = await createProduct(api.ds, { stock: { 'SH-01': 3, 'HZ-ST1': 3 } });
    const r = await place(orderInput(customer.gid, [{ sku: p.sku, quantity: 5 }]));
    assert.equal(
      (await levelOf(api.ds, p.levels['SH-01'])).available + (await levelOf(api.ds, p.levels['HZ-ST1'])).available,
      1,
    );

    const c = await act('cancelOrder', { orderId: r.order.id, reason: '客户不要了' });
    assert.deepEqual(c.userErrors, []);
    assert.equal(c.order.status, 'CANCELLED');
    assert.equal(c.order.statusReason, '客户不要了');
    assert.equal(c.order.paymentStatus, 'REFUNDED');
    assert.ok(c.order.allocations.every((a: any) => a.status === 'RELEASED'));
    assert.deepEqual(await levelOf(api.ds, p.levels['SH-01']), { onHand: 3, reserved: 0, available: 3 });
    const releases = await api.ds.query(
      `SELECT sum(reserved_delta)::int AS n FROM stock_movement WHERE product_id = $1 AND reason = 'RELEASE'`,
      [p.id],
    );
    assert.equal(releases[0].n, -5);

    const again = await act('cancelOrder', { orderId: r.order.id, reason: 'twice' });
    assert.equal(again.order, null);
    assert.equal(again.userErrors[0].code, 'ILLEGAL_TRANSITION');
    const seq = await api.data(`query($id: ID!) { order(id: $id) { lastEventSequence } }`, { id: r.order.id });
    assert.equal(seq.order.lastEventSequence, c.order.lastEventSequence);
  });

  it('holds and releases an order, and refuses illegal moves with no change', async () => {
    const customer = await createCustomer(api.ds);
    const p = await createProduct(api.ds, { stock: { 'SH-01': 3 } });
    const r = await place(orderInput(customer.gid, [{ sku: p.sku, quantity: 1 }]));
    const held = await act('holdOrder', { orderId: r.order.id, reason: '客户要求暂缓发货' });
    assert.equal(held.order.status, 'ON_HOLD');
    assert.equal((await levelOf(api.ds, p.levels['SH-01'])).reserved, 1, 'a hold keeps the reservation');
    const heldAgain = await act('holdOrder', { orderId: r.order.id, reason: 'again' });
    assert.equal(heldAgain.userErrors[0].code, 'ILLEGAL_TRANSITION');
    const released = await act('approveOrder', { orderId: r.order.id });
    assert.equal(released.order.status, 'ALLOCATED');
    assert.deepEqual(
      released.order.events.slice(-2).map((e: any) => [e.fromStatus, e.toStatus]),
      [
        ['ON_HOLD', 'CONFIRMED'],
        ['CONFIRMED', 'ALLOCATED'],
      ],
    );
    const approveAgain = await act('approveOrder', { orderId: r.order.id });
    assert.equal(approveAgain.userErrors[0].code, 'ILLEGAL_TRANSITION');
  });

  it('updates lines before picking (re-reserving) and the address until shipment, but not after', async () => {
    const customer = await createCustomer(api.ds);
    const a = await createProduct(api.ds, { priceFen: 10_00, stock: { 'SH-01': 10 } });
    const b = await createProduct(api.ds, { priceFen: 20_00, stock: { 'SH-01': 10 } });
    const r = await place(orderInput(customer.gid, [{ sku: a.sku, quantity: 5 }]));
    const u = await act('updateOrder', {
      orderId: r.order.id,
      lines: [{ sku: b.sku, quantity: 6 }],
      reason: '客户改单',
    });
    assert.deepEqual(u.userErrors, []);
    assert.deepEqual(u.order.lines, [{ sku: b.sku, quantity: 6 }]);
    assert.equal(u.order.total.fen, 120_00);
    assert.equal(u.order.status, 'ALLOCATED');
    assert.equal(u.order.events.at(-1).type, 'UPDATED');
    assert.match(u.order.events.at(-1).reason, /lines: 客户改单/);
    assert.equal((await levelOf(api.ds, a.levels['SH-01'])).reserved, 0);
    assert.equal((await levelOf(api.ds, b.levels['SH-01'])).reserved, 6);

    const tooMuch = await act('updateOrder', { orderId: r.order.id, lines: [{ sku: b.sku, quantity: 11 }] });
    assert.equal(tooMuch.userErrors[0].code, 'OUT_OF_STOCK');
    assert.equal((await levelOf(api.ds, b.levels['SH-01'])).reserved, 6, 'a failed edit changes nothing');

    const address = { contactName: '李娜', phone: '13900001111', address: '南京路1号', city: '上海', region: 'EAST' };
    const moved = await act('updateOrder', { orderId: r.order.id, deliveryAddress: address });
    assert.deepEqual(moved.userErrors, []);

    await api.ds.query(`UPDATE orders SET status = 'SHIPPED' WHERE id = $1`, [localId(r.order.id, 'Order')]);
    const late = await act('updateOrder', { orderId: r.order.id, deliveryAddress: address });
    assert.equal(late.userErrors[0].code, 'NOT_EDITABLE');
    const lateLines = await act('updateOrder', { orderId: r.order.id, lines: [{ sku: a.sku, quantity: 1 }] });
    assert.equal(lateLines.userErrors[0].code, 'NOT_EDITABLE');
  });

  it('keeps the stock ledger consistent with every level', async () => {
    assert.deepEqual(await ledgerMismatches(api.ds), []);
  });
});
