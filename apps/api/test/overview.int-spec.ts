import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { localId } from '../src/common/global-id';
import { createCustomer, createProduct, createWarehouses, orderInput, PLACE_ORDER } from './factories';
import { startTestApi, TestApi } from './helpers';

const OVERVIEW = `{ operationsOverview {
  ordersToday amountToday { fen } ordersByStatus { status count } awaitingReview onHold backordered lowStockLevels outOfStockLevels
  averageMinutesToConfirm averageMinutesToAllocate averageHoursToShip p90HoursToShip
  onTimeDelivery { value target meetsTarget sampleSize } ordersPerMinute { minute count } } }`;

describe('operations overview', () => {
  let api: TestApi;
  before(async () => {
    api = await startTestApi();
    await createWarehouses(api.ds);
  });
  after(() => api.stop());

  it("counts today's orders and amount, statuses, exceptions and stock alerts with SQL aggregates", async () => {
    const customer = await createCustomer(api.ds);
    const p = await createProduct(api.ds, { priceFen: 50_00, stock: { 'SH-01': 4 }, low: 2 });
    await createProduct(api.ds, { stock: { 'SH-01': 0 } });
    await api.data(PLACE_ORDER, { input: orderInput(customer.gid, [{ sku: p.sku, quantity: 2 }]) });
    await api.data(PLACE_ORDER, { input: orderInput(customer.gid, [{ sku: p.sku, quantity: 1 }], { paid: false }) });
    await api.data(PLACE_ORDER, {
      input: orderInput(customer.gid, [{ sku: p.sku, quantity: 5 }], { allowBackorder: true }),
    });
    const o = (await api.data(OVERVIEW)).operationsOverview;
    assert.equal(o.ordersToday, 3);
    assert.equal(o.amountToday.fen, 100_00 + 58_00 + 250_00);
    assert.deepEqual(o.ordersByStatus, [
      { status: 'ALLOCATED', count: 1 },
      { status: 'BACKORDERED', count: 1 },
      { status: 'PENDING_REVIEW', count: 1 },
    ]);
    assert.deepEqual([o.awaitingReview, o.onHold, o.backordered], [1, 0, 1]);
    assert.deepEqual([o.lowStockLevels, o.outOfStockLevels], [2, 1], 'one level at 1 available (low 2), one empty');
    assert.ok(o.averageMinutesToConfirm >= 0 && o.averageMinutesToConfirm < 1);
    assert.equal(o.ordersPerMinute.length, 60);
    assert.equal(
      o.ordersPerMinute.reduce((s: number, m: any) => s + m.count, 0),
      3,
    );
    assert.equal(o.onTimeDelivery.value, null, 'nothing delivered yet: no rate');
    assert.equal(o.onTimeDelivery.target, 0.95);
  });

  it('measures on-time delivery and time to ship from the event history', async () => {
    const customer = await createCustomer(api.ds);
    const p = await createProduct(api.ds, { stock: { 'SH-01': 100 } });
    const ids: string[] = [];
    for (let i = 0; i < 4; i++)
      ids.push(
        localId(
          (await api.data(PLACE_ORDER, { input: orderInput(customer.gid, [{ sku: p.sku, quantity: 1 }]) })).placeOrder
            .order.id,
          'Order',
        )!,
      );
    // Shipping and delivery arrive with a later issue; write their events as the service will.
    for (const [i, id] of ids.entries()) {
      await api.ds.query(
        `INSERT INTO order_event (order_id, sequence, type, from_status, to_status, actor, created_at)
         VALUES ($1, 10, 'STATUS_CHANGED', 'PACKED', 'SHIPPED', 'test', now()), ($1, 11, 'STATUS_CHANGED', 'OUT_FOR_DELIVERY', 'DELIVERED', 'test', $2)`,
        [id, i < 3 ? new Date() : new Date(Date.now() + 72 * 3600_000)],
      );
    }
    await api.ds.query(
      `UPDATE order_event SET created_at = now() - interval '1 hour' WHERE to_status = 'DELIVERED' AND created_at > now() + interval '1 day'`,
    );
    await api.ds.query(`UPDATE orders SET promised_by = now() - interval '2 hours' WHERE id = $1`, [ids[3]]);
    const o = (await api.data(OVERVIEW)).operationsOverview;
    assert.deepEqual(o.onTimeDelivery, { value: 0.75, target: 0.95, meetsTarget: false, sampleSize: 4 });
    assert.ok(o.averageHoursToShip >= 0 && o.averageHoursToShip < 0.1);
    assert.ok(o.p90HoursToShip >= o.averageHoursToShip - 1e-9);
  });
});
