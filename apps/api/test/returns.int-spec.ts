import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { addDays, shanghaiDay, type OrderStatus } from '@fulfilment/domain';
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
import { settle, startTestApi, subscribe, TestApi } from './helpers';

const ERR = 'userErrors { code field message }';
const R = `id number status reason lines { lineNo sku quantity received restocked damaged toSupplier }
  refund { amount { fen } method gateway gatewayReference } events { type toStatus reason }`;
const REQUEST = `mutation($i: RequestReturnInput!) { requestReturn(input: $i) { returnRequest { ${R} } ${ERR} } }`;
const APPROVE = `mutation($i: DecideReturnInput!) { approveReturn(input: $i) { returnRequest { ${R} } ${ERR} } }`;
const REJECT = `mutation($i: DecideReturnInput!) { rejectReturn(input: $i) { returnRequest { ${R} } ${ERR} } }`;
const RECEIVE = `mutation($i: ReceiveReturnInput!) { receiveReturn(input: $i) { returnRequest { ${R} } ${ERR} } }`;
const system: Actor = { principal: null, requestId: 'test', clientIp: null };
const EXCHANGE_FIELDS = `id number status resolution replacementOrder { id number status priority total { fen } deliveryFee { fen }
  lines { sku quantity unitPrice { fen } } note } storeCredit { amount { fen } } customer { storeCreditBalance { fen } }
  order { status returnState } events { type reason }`;
const REQUEST_X = `mutation($i: RequestReturnInput!) { requestReturn(input: $i) { returnRequest { id } ${ERR} } }`;
const RECEIVE_X = `mutation($i: ReceiveReturnInput!) { receiveReturn(input: $i) { returnRequest { ${EXCHANGE_FIELDS} } ${ERR} } }`;

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

  /** Asks for, approves and receives a return of the whole order as `resolution`, every unit received. */
  async function returned(
    order: { id: string },
    resolution: string,
    inspect: { received: number; restock: number; damaged: number; toSupplier: number }[] = [
      { received: 3, restock: 3, damaged: 0, toSupplier: 0 },
      { received: 2, restock: 2, damaged: 0, toSupplier: 0 },
    ],
    reason = 'DAMAGED',
  ) {
    const asked = await api.data(REQUEST_X, {
      i: {
        orderId: order.id,
        reason,
        resolution,
        lines: inspect.map((l, i) => ({ lineNo: i + 1, quantity: Math.max(1, l.received) })),
      },
    });
    assert.deepEqual(asked.requestReturn.userErrors, []);
    const id = asked.requestReturn.returnRequest.id;
    assert.deepEqual((await api.data(APPROVE, { i: { returnId: id } })).approveReturn.userErrors, []);
    const done = await api.data(RECEIVE_X, {
      i: { returnId: id, lines: inspect.map((l, i) => ({ lineNo: i + 1, ...l })) },
    });
    assert.deepEqual(done.receiveReturn.userErrors, []);
    return done.receiveReturn.returnRequest;
  }

  it('exchanges through a prioritised replacement order at the prices paid, delivered free, and marks a fully returned order RETURNED', async () => {
    const { order, a, b } = await delivered();
    const before = await levelOf(api.ds, a.levels['SH-01']);
    const r = await returned(order, 'EXCHANGE');
    assert.equal(r.status, 'RESOLVED');
    assert.equal(r.resolution, 'EXCHANGE');
    const x = r.replacementOrder;
    assert.ok(x, 'a replacement order is linked');
    assert.equal(x.priority, 'HIGH');
    assert.equal(x.status, 'ALLOCATED', 'placed through review, reservation and confirmation');
    assert.deepEqual(
      x.lines.map((l: any) => [l.sku, l.quantity, l.unitPrice.fen]),
      [
        [a.sku, 3, 36_00],
        [b.sku, 2, 20_00],
      ],
    );
    assert.equal(x.deliveryFee.fen, 0);
    assert.equal(x.total.fen, 3 * 36_00 + 2 * 20_00);
    assert.match(x.note, new RegExp(r.number));
    assert.equal(r.storeCredit, null);
    assert.deepEqual(r.order, { status: 'RETURNED', returnState: 'FULL' });
    assert.ok(r.events.some((e: any) => e.type === 'EXCHANGED' && e.reason === x.number));
    // Three restocked, three reserved again for the replacement.
    const after = await levelOf(api.ds, a.levels['SH-01']);
    assert.equal(after.onHand - before.onHand, 3);
    assert.equal(after.reserved - before.reserved, 3);
    const [{ n }] = await api.ds.query(`SELECT count(*)::int AS n FROM refund WHERE return_id = $1`, [
      localId(r.id, 'ReturnRequest'),
    ]);
    assert.equal(n, 0, 'an exchange is not refunded');
    const told = await api.ds.query(`SELECT event FROM notification WHERE order_id = $1`, [localId(order.id, 'Order')]);
    assert.ok(told.some((t: any) => t.event === 'EXCHANGE_PLACED'));
    assert.deepEqual(await ledgerMismatches(api.ds), []);
  });

  it('an exchange reserves like any order: racing a customer for the last unit, never oversold', async () => {
    for (let round = 0; round < 3; round++) {
      const customer = await createCustomer(api.ds);
      const p = await createProduct(api.ds, { stock: { 'SH-01': 1 }, priceFen: 50_00 });
      const o = (await api.data(PLACE_ORDER, { input: orderInput(customer.gid, [{ sku: p.sku, quantity: 1 }]) }))
        .placeOrder.order;
      for (const to of ['PICKING', 'PACKED', 'SHIPPED', 'DELIVERED'] as const) await move(o.id, to);
      const asked = (
        await api.data(REQUEST_X, {
          i: { orderId: o.id, reason: 'DAMAGED', resolution: 'EXCHANGE', lines: [{ lineNo: 1, quantity: 1 }] },
        })
      ).requestReturn.returnRequest;
      await api.data(APPROVE, { i: { returnId: asked.id } });
      // The returned unit is damaged (written off): the shelf has 0, then a delivery of 1 arrives.
      await api.services.mutations.run(system, { action: 'TEST_STOCK', targetType: 'Stock' }, async (tx) => {
        await api.services.stock.receive(
          tx,
          (await api.ds.query(`SELECT warehouse_id FROM stock_level WHERE id = $1`, [p.levels['SH-01']]))[0]
            .warehouse_id,
          [{ productId: p.id, quantity: 1 }],
          'TEST',
          'one unit',
        );
        return {};
      });
      const other = await createCustomer(api.ds);
      const [exchange, order] = await Promise.all([
        api.data(RECEIVE_X, {
          i: { returnId: asked.id, lines: [{ lineNo: 1, received: 1, restock: 0, damaged: 1, toSupplier: 0 }] },
        }),
        api.data(PLACE_ORDER, {
          input: { ...orderInput(other.gid, [{ sku: p.sku, quantity: 1 }]), allowBackorder: true },
        }),
      ]);
      assert.deepEqual(exchange.receiveReturn.userErrors, []);
      const statuses = [exchange.receiveReturn.returnRequest.replacementOrder.status, order.placeOrder.order.status];
      assert.deepEqual(statuses.filter((s) => s === 'ALLOCATED').length, 1, `one gets the unit: ${statuses}`);
      assert.ok(statuses.includes('BACKORDERED'), `the other waits: ${statuses}`);
      const level = await levelOf(api.ds, p.levels['SH-01']);
      assert.equal(level.onHand, 1);
      assert.equal(level.reserved, 1, 'never more reserved than on hand');
    }
    assert.deepEqual(await ledgerMismatches(api.ds), []);
  });

  it('credits the store account once, capped by what was paid, and leaves a partial return DELIVERED', async () => {
    const { order } = await delivered();
    const r = await returned(order, 'STORE_CREDIT', [{ received: 2, restock: 2, damaged: 0, toSupplier: 0 }]);
    assert.equal(r.status, 'RESOLVED');
    assert.equal(r.storeCredit.amount.fen, 2 * 36_00);
    assert.equal(r.customer.storeCreditBalance.fen, 2 * 36_00);
    assert.equal(r.replacementOrder, null);
    assert.deepEqual(r.order, { status: 'DELIVERED', returnState: 'PARTIAL' });
    // A second credit of the rest: never more than the order's payment less what was paid back.
    const rest = await returned(order, 'REFUND', [
      { received: 1, restock: 1, damaged: 0, toSupplier: 0 },
      { received: 2, restock: 2, damaged: 0, toSupplier: 0 },
    ]);
    assert.deepEqual(rest.order, { status: 'RETURNED', returnState: 'FULL' });
    const [{ total, back }] = await api.ds.query(
      `SELECT o.total_fen AS total,
              (SELECT sum(amount_fen) FROM refund WHERE order_id = o.id) + (SELECT sum(c.amount_fen) FROM store_credit c
                JOIN return_request q ON q.id = c.return_id WHERE q.order_id = o.id) AS back
         FROM orders o WHERE o.id = $1`,
      [localId(order.id, 'Order')],
    );
    assert.ok(Number(back) <= Number(total), `paid back ${back} of ${total}`);
    assert.equal(Number(back), 3 * 36_00 + 2 * 20_00);
  });

  it('traces a quality return to the receipt and supplier the goods came from, and counts it on the supplier scorecard', async () => {
    const sup = (
      await api.data(
        `mutation($i: CreateSupplierInput!) { createSupplier(input: $i) { supplier { id } userErrors { code } } }`,
        {
          i: {
            code: `SUP-RT-${Date.now()}`,
            name: '杭州清泉饮品有限公司',
            contactName: '王经理',
            phone: '0571-88886666',
            address: '杭州市西湖区文三路1号',
            regions: ['EAST'],
            status: 'QUALIFIED',
          },
        },
      )
    ).createSupplier.supplier;
    const p = await createProduct(api.ds, { stock: { 'SH-01': 0 }, priceFen: 30_00 });
    await api.data(`mutation($i: SetSupplierOfferInput!) { setSupplierOffer(input: $i) { userErrors { code } } }`, {
      i: { supplierId: sup.id, sku: p.sku, unitPrice: '10.00', leadTimeDays: 2 },
    });
    const po = (
      await api.data(
        `mutation($i: CreatePurchaseOrderInput!) { createPurchaseOrder(input: $i) { purchaseOrders { id lines { id } } userErrors { code } } }`,
        {
          i: {
            supplierId: sup.id,
            warehouseCode: 'SH-01',
            lines: [{ sku: p.sku, quantity: 20, promisedDate: addDays(shanghaiDay(), 2) }],
          },
        },
      )
    ).createPurchaseOrder.purchaseOrders[0];
    const act = (m: string, input: string) =>
      api.data(`mutation($i: ${input}!) { ${m}(input: $i) { userErrors { code } } }`, {
        i: { purchaseOrderId: po.id },
      });
    await act('sendPurchaseOrder', 'PurchaseOrderActionInput');
    await act('confirmPurchaseOrder', 'ConfirmPurchaseOrderInput');
    const receipt = (
      await api.data(
        `mutation($i: ReceivePurchaseOrderInput!) { receivePurchaseOrder(input: $i) { goodsReceipt { id number } userErrors { code } } }`,
        { i: { purchaseOrderId: po.id, lines: [{ lineId: po.lines[0].id, received: 20, accepted: 20, rejected: 0 }] } },
      )
    ).receivePurchaseOrder.goodsReceipt;
    assert.ok(receipt, 'the goods arrived from the supplier');
    const customer = await createCustomer(api.ds);
    const o = (await api.data(PLACE_ORDER, { input: orderInput(customer.gid, [{ sku: p.sku, quantity: 4 }]) }))
      .placeOrder.order;
    for (const to of ['PICKING', 'PACKED', 'SHIPPED', 'DELIVERED'] as const) await move(o.id, to);
    const r = (
      await api.data(REQUEST_X, { i: { orderId: o.id, reason: 'QUALITY', lines: [{ lineNo: 1, quantity: 4 }] } })
    ).requestReturn.returnRequest;
    await api.data(APPROVE, { i: { returnId: r.id } });
    const done = await api.data(
      `mutation($i: ReceiveReturnInput!) { receiveReturn(input: $i) { returnRequest { status
         lines { tracedReceipt { number } tracedSupplier { id } } } ${ERR} } }`,
      { i: { returnId: r.id, lines: [{ lineNo: 1, received: 4, restock: 1, damaged: 1, toSupplier: 2 }] } },
    );
    assert.deepEqual(done.receiveReturn.userErrors, []);
    assert.deepEqual(done.receiveReturn.returnRequest.lines, [
      { tracedReceipt: { number: receipt.number }, tracedSupplier: { id: sup.id } },
    ]);
    // A quality complaint about the same order is traced the same way, on the complaint itself.
    const complaint = await api.data(
      `mutation($i: OpenComplaintInput!) { openComplaint(input: $i) { complaint { category
         qualityTrace { lineNo sku receipt { number } supplier { id } } } ${ERR} } }`,
      { i: { orderId: o.id, channel: 'PHONE', category: 'QUALITY', description: '饮料有异味' } },
    );
    assert.deepEqual(complaint.openComplaint.userErrors, []);
    assert.deepEqual(complaint.openComplaint.complaint.qualityTrace, [
      { lineNo: 1, sku: p.sku, receipt: { number: receipt.number }, supplier: { id: sup.id } },
    ]);
    // The month's scorecard: 20 accepted, 3 not restocked after a quality return → 85.
    const day = shanghaiDay();
    const start = `${day.slice(0, 8)}01`;
    await api.services.scorecards.scorePeriod(localId(sup.id, 'Supplier')!, start, day);
    const [period] = await api.ds.query(
      `SELECT after_sales_quality::float AS q, metrics->>'qualityReturned' AS returned FROM supplier_scorecard_period
        WHERE supplier_id = $1`,
      [localId(sup.id, 'Supplier')],
    );
    assert.deepEqual(period, { q: 85, returned: '3' });
  });

  it('rejects with a reason the customer is told, and the units can be asked for again', async () => {
    const { order } = await delivered();
    const r = (
      await api.data(REQUEST, { i: { orderId: order.id, reason: 'CHANGED_MIND', lines: [{ lineNo: 1, quantity: 3 }] } })
    ).requestReturn.returnRequest;
    const live = subscribe<{ returnChanged: { number: string; status: string } }>(
      api.ws(),
      `subscription($r: ID) { returnChanged(returnId: $r) { number status } }`,
      { r: r.id },
    );
    await settle();
    const bare = await api.data(REJECT, { i: { returnId: r.id } });
    assert.equal(bare.rejectReturn.userErrors[0].code, 'INVALID_INPUT');
    const no = await api.data(REJECT, { i: { returnId: r.id, reason: '商品已拆封使用' } });
    assert.equal(no.rejectReturn.returnRequest.status, 'REJECTED');
    assert.deepEqual(await live.waitFor(1), [{ returnChanged: { number: r.number, status: 'REJECTED' } }]);
    const again = await api.data(REQUEST, {
      i: { orderId: order.id, reason: 'QUALITY', lines: [{ lineNo: 1, quantity: 3 }] },
    });
    assert.deepEqual(again.requestReturn.userErrors, []);
  });
});
