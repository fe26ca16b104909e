import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { OrderStatus } from '@fulfilment/domain';
import type { Actor } from '../src/common/actor';
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
import { settle, startTestApi, subscribe, TestApi } from './helpers';

const ORDER_EVENTS = `subscription($orderId: ID) { orderStatusChanged(orderId: $orderId) { sequence fromStatus toStatus reason actor } }`;

/** How another module (delivery, a warehouse scanner) moves an order: its own mutation, the order module's transitions. */
describe('order transitions for other modules', () => {
  let api: TestApi;
  const courier: Actor = { principal: null, requestId: 'test-courier', clientIp: null };
  before(async () => {
    api = await startTestApi();
    await createWarehouses(api.ds);
  });
  after(() => api.stop());

  const move = (orderGid: string, to: OrderStatus, reason = `to ${to}`) =>
    api.services.mutations.run(courier, { action: 'TEST_MOVE_ORDER', targetType: 'Order' }, async (tx) => ({
      order: await api.services.orderTransitions.apply(tx, localId(orderGid, 'Order')!, to, reason),
    }));

  const placeAllocated = async (quantity: number, stock: number) => {
    const customer = await createCustomer(api.ds);
    const p = await createProduct(api.ds, { stock: { 'SH-01': stock } });
    const r = await api.data(PLACE_ORDER, { input: orderInput(customer.gid, [{ sku: p.sku, quantity }]) });
    assert.equal(r.placeOrder.order.status, 'ALLOCATED');
    return { order: r.placeOrder.order, level: p.levels['SH-01'] };
  };

  it('moves an order through picking and packing to shipped, shipping its reserved stock, each event published after commit', async () => {
    const { order, level } = await placeAllocated(3, 10);
    const live = subscribe(api.ws(), ORDER_EVENTS, { orderId: order.id });
    await settle();
    for (const to of ['PICKING', 'PACKED', 'SHIPPED'] as const) {
      const r = await move(order.id, to);
      assert.deepEqual(r.userErrors, []);
      assert.equal(r.order!.status, to);
    }
    const events = await live.waitFor(3);
    assert.deepEqual(
      events.map((e: any) => [
        e.orderStatusChanged.sequence,
        e.orderStatusChanged.fromStatus,
        e.orderStatusChanged.toStatus,
        e.orderStatusChanged.actor,
      ]),
      [
        [4, 'ALLOCATED', 'PICKING', 'system'],
        [5, 'PICKING', 'PACKED', 'system'],
        [6, 'PACKED', 'SHIPPED', 'system'],
      ],
    );
    assert.deepEqual(await levelOf(api.ds, level), { onHand: 7, reserved: 0, available: 7 });
    const allocations = await api.ds.query(`SELECT status, quantity FROM order_allocation WHERE order_id = $1`, [
      localId(order.id, 'Order'),
    ]);
    assert.deepEqual(allocations, [{ status: 'SHIPPED', quantity: 3 }]);
    const [shipment] = await api.ds.query(
      `SELECT on_hand_delta, reserved_delta, reference FROM stock_movement WHERE stock_level_id = $1 AND reason = 'SHIPMENT'`,
      [level],
    );
    assert.deepEqual(shipment, { on_hand_delta: -3, reserved_delta: -3, reference: order.number });
    assert.deepEqual(await ledgerMismatches(api.ds), []);
  });

  it('refuses a step the lifecycle does not allow with ILLEGAL_TRANSITION, audits it, and changes nothing', async () => {
    const { order, level } = await placeAllocated(2, 5);
    const r = await move(order.id, 'DELIVERED');
    assert.deepEqual(
      r.userErrors.map((e) => [e.code, e.message]),
      [['ILLEGAL_TRANSITION', 'An order that is ALLOCATED cannot become DELIVERED']],
    );
    assert.equal(r.order, undefined);
    const [row] = await api.ds.query(`SELECT status, last_event_sequence FROM orders WHERE id = $1`, [
      localId(order.id, 'Order'),
    ]);
    assert.deepEqual(row, { status: 'ALLOCATED', last_event_sequence: 3 });
    assert.deepEqual(await levelOf(api.ds, level), { onHand: 5, reserved: 2, available: 3 });
    const [audit] = await api.ds.query(
      `SELECT outcome, details FROM audit_log WHERE action = 'TEST_MOVE_ORDER' AND request_id = 'test-courier' ORDER BY id DESC LIMIT 1`,
    );
    assert.deepEqual(audit, { outcome: 'FAILURE', details: { codes: ['ILLEGAL_TRANSITION'] } });
  });

  it('ships an order once when two callers ship it at the same time', async () => {
    const { order, level } = await placeAllocated(4, 8);
    await move(order.id, 'PICKING');
    await move(order.id, 'PACKED');
    const results = await Promise.all(Array.from({ length: 6 }, () => move(order.id, 'SHIPPED')));
    assert.equal(results.filter((r) => r.userErrors.length === 0).length, 1);
    assert.ok(results.filter((r) => r.userErrors.length).every((r) => r.userErrors[0].code === 'ILLEGAL_TRANSITION'));
    assert.deepEqual(await levelOf(api.ds, level), { onHand: 4, reserved: 0, available: 4 });
    const events = await api.ds.query(`SELECT to_status FROM order_event WHERE order_id = $1 ORDER BY sequence`, [
      localId(order.id, 'Order'),
    ]);
    assert.deepEqual(
      events.map((e: any) => e.to_status),
      ['PENDING_REVIEW', 'CONFIRMED', 'ALLOCATED', 'PICKING', 'PACKED', 'SHIPPED'],
    );
    assert.deepEqual(await ledgerMismatches(api.ds), []);
  });

  it('does not pick an order whose reservation is gone (guard), with the guard’s reason', async () => {
    const { order } = await placeAllocated(1, 3);
    await api.ds.query(`UPDATE order_allocation SET status = 'RELEASED' WHERE order_id = $1`, [
      localId(order.id, 'Order'),
    ]);
    const r = await move(order.id, 'PICKING');
    assert.deepEqual(
      r.userErrors.map((e) => [e.code, e.message]),
      [['ILLEGAL_TRANSITION', 'Stock is not reserved for every line']],
    );
  });
});
