import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { OrderStatus } from '@fulfilment/domain';
import type { Actor } from '../src/common/actor';
import { localId } from '../src/common/global-id';
import { RecordingGateway } from '../src/modules/returns/payment-gateway';
import {
  createCustomer,
  createProduct,
  createWarehouses,
  levelOf,
  ledgerMismatches,
  orderInput,
  PLACE_ORDER,
} from './factories';
import { startTestApi, TestApi } from './helpers';

const ERR = 'userErrors { code field message }';
const R = `id number status reason lines { lineNo sku quantity received restocked damaged toSupplier }
  refund { amount { fen } method gateway gatewayReference } events { type toStatus reason }`;
const REQUEST = `mutation($i: RequestReturnInput!) { requestReturn(input: $i) { returnRequest { ${R} } ${ERR} } }`;
const APPROVE = `mutation($i: DecideReturnInput!) { approveReturn(input: $i) { returnRequest { ${R} } ${ERR} } }`;
const REJECT = `mutation($i: DecideReturnInput!) { rejectReturn(input: $i) { returnRequest { ${R} } ${ERR} } }`;
const RECEIVE = `mutation($i: ReceiveReturnInput!) { receiveReturn(input: $i) { returnRequest { ${R} } ${ERR} } }`;
const system: Actor = { principal: null, requestId: 'test', clientIp: null };

describe('returns and refunds', () => {
  let api: TestApi;
  before(async () => {
    api = await startTestApi();
    await createWarehouses(api.ds);
  });
  after(() => api?.stop());

  const move = (orderGid: string, to: OrderStatus) =>
    api.services.mutations.run(system, { action: 'TEST_MOVE_ORDER', targetType: 'Order' }, async (tx) => ({
      order: await api.services.orderTransitions.apply(tx, localId(orderGid, 'Order')!, to, `to ${to}`),
    }));

  /** An order of two lines (3 × ¥36, 2 × ¥20), shipped and delivered. */
  async function delivered(opts: { fresh?: boolean } = {}) {
    const customer = await createCustomer(api.ds);
    const a = await createProduct(api.ds, { stock: { 'SH-01': 50 }, priceFen: 36_00 });
    const b = await createProduct(api.ds, { stock: { 'SH-01': 50 }, priceFen: 20_00 });
    if (opts.fresh) await api.ds.query(`UPDATE product SET packaging = '{PERISHABLE}' WHERE sku = $1`, [b.sku]);
    const r = await api.data(PLACE_ORDER, {
      input: orderInput(customer.gid, [
        { sku: a.sku, quantity: 3 },
        { sku: b.sku, quantity: 2 },
      ]),
    });
    const order = r.placeOrder.order;
    for (const to of ['PICKING', 'PACKED', 'SHIPPED', 'DELIVERED'] as const) await move(order.id, to);
    return { order, a, b };
  }

  it('refuses returns of undelivered orders, beyond what was delivered, of unknown lines, and of fresh food for anything but quality', async () => {
    const customer = await createCustomer(api.ds);
    const p = await createProduct(api.ds, { stock: { 'SH-01': 5 } });
    const open = (await api.data(PLACE_ORDER, { input: orderInput(customer.gid, [{ sku: p.sku, quantity: 1 }]) }))
      .placeOrder.order;
    const notYet = await api.data(REQUEST, {
      i: { orderId: open.id, reason: 'CHANGED_MIND', lines: [{ lineNo: 1, quantity: 1 }] },
    });
    assert.equal(notYet.requestReturn.userErrors[0].code, 'ORDER_NOT_DELIVERED');
    const { order } = await delivered({ fresh: true });
    const tooMany = await api.data(REQUEST, {
      i: { orderId: order.id, reason: 'DAMAGED', lines: [{ lineNo: 1, quantity: 4 }] },
    });
    assert.equal(tooMany.requestReturn.userErrors[0].code, 'QUANTITY_EXCEEDS_DELIVERED');
    assert.deepEqual(tooMany.requestReturn.userErrors[0].field, ['input', 'lines', '0']);
    const unknown = await api.data(REQUEST, {
      i: { orderId: order.id, reason: 'DAMAGED', lines: [{ lineNo: 9, quantity: 1 }] },
    });
    assert.equal(unknown.requestReturn.userErrors[0].code, 'UNKNOWN_LINE');
    const fresh = await api.data(REQUEST, {
      i: { orderId: order.id, reason: 'CHANGED_MIND', lines: [{ lineNo: 2, quantity: 1 }] },
    });
    assert.equal(fresh.requestReturn.userErrors[0].code, 'OUT_OF_POLICY');
    // Delivered 8 days ago: out of the 7-day window.
    await api.ds.query(
      `UPDATE order_event SET created_at = now() - interval '8 days' WHERE order_id = $1 AND to_status = 'DELIVERED'`,
      [localId(order.id, 'Order')],
    );
    const late = await api.data(REQUEST, {
      i: { orderId: order.id, reason: 'QUALITY', lines: [{ lineNo: 1, quantity: 1 }] },
    });
    assert.equal(late.requestReturn.userErrors[0].code, 'OUT_OF_POLICY');
    const [{ n }] = await api.ds.query(`SELECT count(*)::int AS n FROM return_request`);
    assert.equal(n, 0);
  });

  it('never lets concurrent requests return more than was delivered', async () => {
    const { order } = await delivered();
    const asks = await Promise.all(
      [1, 2, 3].map(() =>
        api.data(REQUEST, { i: { orderId: order.id, reason: 'DAMAGED', lines: [{ lineNo: 1, quantity: 2 }] } }),
      ),
    );
    const taken = asks.filter((a) => a.requestReturn.returnRequest);
    assert.equal(taken.length, 1, '3 delivered: one request of 2 fits, the others do not');
    assert.ok(
      asks
        .filter((a) => !a.requestReturn.returnRequest)
        .every((a) => a.requestReturn.userErrors[0].code === 'QUANTITY_EXCEEDS_DELIVERED'),
    );
  });

  it('approves, receives and inspects, restocks with RETURN movements, and refunds the received units once, never more than was paid', async () => {
    const { order, a } = await delivered();
    const before = await levelOf(api.ds, a.levels['SH-01']);
    const asked = (
      await api.data(REQUEST, {
        i: {
          orderId: order.id,
          reason: 'WRONG_ITEM',
          lines: [
            { lineNo: 1, quantity: 3 },
            { lineNo: 2, quantity: 2 },
          ],
          idempotencyKey: 'rt-1',
        },
      })
    ).requestReturn.returnRequest;
    const again = await api.data(REQUEST, {
      i: { orderId: order.id, reason: 'WRONG_ITEM', lines: [{ lineNo: 1, quantity: 3 }], idempotencyKey: 'rt-1' },
    });
    assert.equal(again.requestReturn.returnRequest.id, asked.id, 'a retry answers the same return');
    assert.equal(asked.status, 'REQUESTED');
    const early = await api.data(RECEIVE, { i: { returnId: asked.id, lines: [] } });
    assert.equal(early.receiveReturn.userErrors[0].code, 'INVALID_INPUT');
    assert.equal(
      (await api.data(APPROVE, { i: { returnId: asked.id } })).approveReturn.returnRequest.status,
      'APPROVED',
    );
    const mismatch = await api.data(RECEIVE, {
      i: {
        returnId: asked.id,
        lines: [
          { lineNo: 1, received: 3, restock: 1, damaged: 0, toSupplier: 0 },
          { lineNo: 2, received: 2, restock: 2, damaged: 0, toSupplier: 0 },
        ],
      },
    });
    assert.equal(mismatch.receiveReturn.userErrors[0].code, 'INSPECTION_MISMATCH');
    const done = (
      await api.data(RECEIVE, {
        i: {
          returnId: asked.id,
          lines: [
            { lineNo: 1, received: 3, restock: 2, damaged: 1, toSupplier: 0, note: 'one bottle leaked' },
            { lineNo: 2, received: 1, restock: 0, damaged: 0, toSupplier: 1 },
          ],
        },
      })
    ).receiveReturn.returnRequest;
    assert.equal(done.status, 'RESOLVED');
    assert.equal(done.refund.amount.fen, 3 * 36_00 + 1 * 20_00, 'received units at the price paid');
    assert.equal(done.refund.gateway, 'recorder');
    assert.deepEqual(
      done.events.map((e: any) => e.type),
      ['REQUESTED', 'STATUS_CHANGED', 'STATUS_CHANGED', 'INSPECTED', 'STATUS_CHANGED', 'REFUNDED'],
    );
    const after = await levelOf(api.ds, a.levels['SH-01']);
    assert.equal(after.onHand - before.onHand, 2, 'two units back on the shelf');
    const [m] = await api.ds.query(`SELECT reason, on_hand_delta, reference FROM stock_movement WHERE reference = $1`, [
      done.number,
    ]);
    assert.deepEqual(m, { reason: 'RETURN', on_hand_delta: 2, reference: done.number });
    assert.deepEqual(await ledgerMismatches(api.ds), []);
    const twice = await api.data(RECEIVE, {
      i: { returnId: asked.id, lines: [{ lineNo: 1, received: 0, restock: 0, damaged: 0, toSupplier: 0 }] },
    });
    assert.ok(twice.receiveReturn.userErrors[0], 'a resolved return is not received again');
    assert.equal((api.services.payments as RecordingGateway).refunds.size >= 1, true);
    const told = await api.ds.query(`SELECT event FROM notification WHERE source_key LIKE $1 ORDER BY created_at`, [
      `return:%`,
    ]);
    assert.ok(told.some((t: any) => t.event === 'RETURN_APPROVED') && told.some((t: any) => t.event === 'REFUND_MADE'));
    const kpi = await api.data(
      `{ operationsOverview { orderErrorRate { value sampleSize meetsTarget } complaintsOpen } }`,
    );
    assert.ok(kpi.operationsOverview.orderErrorRate.value > 0, 'a wrong item is our error');
    assert.ok(kpi.operationsOverview.orderErrorRate.sampleSize >= 1);
    // Everything was returned: nothing more can be.
    const more = await api.data(REQUEST, {
      i: { orderId: order.id, reason: 'DAMAGED', lines: [{ lineNo: 1, quantity: 1 }] },
    });
    assert.equal(more.requestReturn.userErrors[0].code, 'QUANTITY_EXCEEDS_DELIVERED');
  });

  it('rejects with a reason the customer is told, and the units can be asked for again', async () => {
    const { order } = await delivered();
    const r = (
      await api.data(REQUEST, { i: { orderId: order.id, reason: 'CHANGED_MIND', lines: [{ lineNo: 1, quantity: 3 }] } })
    ).requestReturn.returnRequest;
    const bare = await api.data(REJECT, { i: { returnId: r.id } });
    assert.equal(bare.rejectReturn.userErrors[0].code, 'INVALID_INPUT');
    const no = await api.data(REJECT, { i: { returnId: r.id, reason: '商品已拆封使用' } });
    assert.equal(no.rejectReturn.returnRequest.status, 'REJECTED');
    const again = await api.data(REQUEST, {
      i: { orderId: order.id, reason: 'QUALITY', lines: [{ lineNo: 1, quantity: 3 }] },
    });
    assert.deepEqual(again.requestReturn.userErrors, []);
  });
});
