import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { shanghaiDay, addDays } from '@fulfilment/domain';
import { toGlobalId } from '../src/common/global-id';
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

const CREATE_SUPPLIER = `mutation($i: CreateSupplierInput!) { createSupplier(input: $i) {
  supplier { id code status standing regions } userErrors { code field message } } }`;
const SET_OFFER = `mutation($i: SetSupplierOfferInput!) { setSupplierOffer(input: $i) {
  offer { id unitPrice { fen } leadTimeDays minOrderQty packMultiple } userErrors { code field message } } }`;
const GENERATE = `mutation($i: GeneratePurchaseRequirementsInput) { generatePurchaseRequirements(input: $i) {
  considered requirements { id sku warehouseCode quantity status trigger
    figures { backordered onHand reserved available lowThreshold highThreshold dailySales leadTimeDays demandDuringLead onOrder openRequirements projected shortfall minOrderQty packMultiple }
    suggestedSupplier { code } candidates { supplierCode eligible excludedBecause rank points { total } } }
  userErrors { code field message } } }`;
const CREATE_PO = `mutation($i: CreatePurchaseOrderInput!) { createPurchaseOrder(input: $i) {
  purchaseOrders { id number status supplier { code } warehouse { code } total { fen }
    lines { id sku quantity unitPrice { fen } promisedDate expectedDate receivedQty acceptedQty rejectedQty outstandingQty } }
  userErrors { code field message } } }`;
const PO_FIELDS = `id number status expectedDate overdue overrideReason
  lines { id sku quantity promisedDate expectedDate receivedQty acceptedQty rejectedQty outstandingQty }
  events { edges { node { sequence type fromStatus toStatus reason } } }`;
const SEND = `mutation($i: PurchaseOrderActionInput!) { sendPurchaseOrder(input: $i) { purchaseOrder { ${PO_FIELDS} } userErrors { code field message } } }`;
const CONFIRM = `mutation($i: ConfirmPurchaseOrderInput!) { confirmPurchaseOrder(input: $i) { purchaseOrder { ${PO_FIELDS} } userErrors { code field message } } }`;
const CANCEL = `mutation($i: CancelPurchaseOrderInput!) { cancelPurchaseOrder(input: $i) { purchaseOrder { ${PO_FIELDS} } userErrors { code field message } } }`;
const EXPEDITE = `mutation($i: ExpeditePurchaseOrderInput!) { expeditePurchaseOrder(input: $i) { purchaseOrder { ${PO_FIELDS} contacts { note newExpectedDate } } userErrors { code field message } } }`;
const RECEIVE = `mutation($i: ReceivePurchaseOrderInput!) { receivePurchaseOrder(input: $i) {
  goodsReceipt { id number lines { received accepted rejected rejectionReason } releasedOrders { number status priority } }
  purchaseOrder { ${PO_FIELDS} }
  userErrors { code field message } } }`;

describe('suppliers and purchasing', () => {
  let api: TestApi;
  const today = shanghaiDay();
  let seq = 0;
  const code = (p: string) => `${p}-${++seq}`;

  before(async () => {
    api = await startTestApi();
    await createWarehouses(api.ds);
  });
  after(() => api.stop());

  async function supplier(extra: Record<string, unknown> = {}) {
    const r = await api.data(CREATE_SUPPLIER, {
      i: {
        code: code('SUP'),
        name: '杭州清泉饮品有限公司',
        contactName: '王经理',
        phone: '0571-88886666',
        address: '杭州市西湖区文三路1号',
        regions: ['EAST', 'NORTH'],
        status: 'QUALIFIED',
        ...extra,
      },
    });
    assert.deepEqual(r.createSupplier.userErrors, []);
    return r.createSupplier.supplier as { id: string; code: string };
  }

  async function offer(supplierId: string, sku: string, unitPrice: string, leadTimeDays = 3, extra = {}) {
    const r = await api.data(SET_OFFER, { i: { supplierId, sku, unitPrice, leadTimeDays, ...extra } });
    assert.deepEqual(r.setSupplierOffer.userErrors, []);
    return r.setSupplierOffer.offer;
  }

  /** A confirmed purchase order by hand for `quantity` of the product into SH-01. */
  async function confirmedPo(supplierId: string, sku: string, quantity: number) {
    const created = await api.data(CREATE_PO, {
      i: { supplierId, warehouseCode: 'SH-01', lines: [{ sku, quantity, promisedDate: addDays(today, 3) }] },
    });
    assert.deepEqual(created.createPurchaseOrder.userErrors, []);
    const po = created.createPurchaseOrder.purchaseOrders[0];
    assert.deepEqual((await api.data(SEND, { i: { purchaseOrderId: po.id } })).sendPurchaseOrder.userErrors, []);
    const c = await api.data(CONFIRM, { i: { purchaseOrderId: po.id } });
    assert.deepEqual(c.confirmPurchaseOrder.userErrors, []);
    return c.confirmPurchaseOrder.purchaseOrder;
  }

  it('refuses bad supplier and offer input with typed errors and changes nothing', async () => {
    const s = await supplier();
    const p = await createProduct(api.ds, { stock: { 'SH-01': 10 } });
    const cases: [Record<string, unknown>, string][] = [
      [{ supplierId: s.id, sku: p.sku, unitPrice: '0', leadTimeDays: 3 }, 'INVALID_PRICE'],
      [{ supplierId: s.id, sku: p.sku, unitPrice: '-1.00', leadTimeDays: 3 }, 'INVALID_PRICE'],
      [{ supplierId: s.id, sku: p.sku, unitPrice: '1.234', leadTimeDays: 3 }, 'INVALID_PRICE'],
      [{ supplierId: s.id, sku: p.sku, unitPrice: '1.00', leadTimeDays: 0 }, 'INVALID_QUANTITY'],
      [{ supplierId: s.id, sku: 'NO-SUCH-SKU', unitPrice: '1.00', leadTimeDays: 3 }, 'UNKNOWN_SKU'],
      [
        {
          supplierId: toGlobalId('Supplier', '00000000-0000-4000-8000-000000000000'),
          sku: p.sku,
          unitPrice: '1.00',
          leadTimeDays: 3,
        },
        'UNKNOWN_SUPPLIER',
      ],
      [{ supplierId: 'garbage', sku: p.sku, unitPrice: '1.00', leadTimeDays: 3 }, 'UNKNOWN_SUPPLIER'],
    ];
    for (const [i, expected] of cases) {
      const r = await api.data(SET_OFFER, { i });
      assert.equal(r.setSupplierOffer.userErrors[0]?.code, expected, JSON.stringify(i));
      assert.equal(r.setSupplierOffer.offer, null);
    }
    const [{ n }] = await api.ds.query(`SELECT count(*)::int AS n FROM supplier_offer WHERE product_id = $1`, [p.id]);
    assert.equal(n, 0);

    const dup = await api.data(CREATE_SUPPLIER, {
      i: { code: s.code, name: 'x', contactName: 'y', phone: '13800000000', address: 'z', regions: ['EAST'] },
    });
    assert.equal(dup.createSupplier.userErrors[0].code, 'SUPPLIER_CODE_TAKEN');
    const suspended = await api.data(CREATE_SUPPLIER, {
      i: {
        code: code('S'),
        name: 'x',
        contactName: 'y',
        phone: '13800000000',
        address: 'z',
        regions: ['EAST'],
        status: 'SUSPENDED',
      },
    });
    assert.equal(suspended.createSupplier.userErrors[0].code, 'INVALID_INPUT');
    assert.deepEqual(suspended.createSupplier.userErrors[0].field, ['input', 'statusReason']);
  });

  it('computes requirements from backorders and the lead-time forecast, with their figures and an explainable supplier', async () => {
    const p = await createProduct(api.ds, { stock: { 'SH-01': 4 }, low: 10, high: 50 });
    const cheap = await supplier();
    const fast = await supplier();
    const suspended = await supplier();
    await offer(cheap.id, p.sku, '10.00', 10);
    await offer(fast.id, p.sku, '12.00', 2, { packMultiple: 12 });
    await offer(suspended.id, p.sku, '5.00', 1);
    await api.gql(`mutation($i: UpdateSupplierInput!) { updateSupplier(input: $i) { userErrors { code } } }`, {
      i: { supplierId: suspended.id, status: 'SUSPENDED', statusReason: '质量问题' },
    });
    // 6 units wanted by a backordered order in the EAST region (served by SH-01).
    const c = await createCustomer(api.ds, { region: 'EAST' });
    const placed = await api.data(PLACE_ORDER, {
      input: orderInput(c.gid, [{ sku: p.sku, quantity: 10 }], { allowBackorder: true }),
    });
    assert.equal(placed.placeOrder.order.status, 'BACKORDERED');

    const r = await api.data(GENERATE, { i: { warehouseCode: 'SH-01' } });
    assert.deepEqual(r.generatePurchaseRequirements.userErrors, []);
    const req = r.generatePurchaseRequirements.requirements.find((x: { sku: string }) => x.sku === p.sku);
    assert.ok(req, 'a requirement for the product');
    assert.equal(req.trigger, 'BACKORDER');
    assert.equal(req.figures.backordered, 10);
    assert.equal(req.figures.available, 4);
    // projected = 4 − 0 + 0 + 0 − 10 = −6; shortfall to the high threshold 56, rounded to the suggested offer's packs.
    assert.equal(req.figures.projected, -6);
    assert.equal(req.figures.shortfall, 56);
    const suggested = req.suggestedSupplier.code;
    assert.ok([cheap.code, fast.code].includes(suggested));
    const pack = suggested === fast.code ? 12 : 1;
    assert.equal(req.quantity, Math.ceil(56 / pack) * pack);
    const excluded = req.candidates.find((x: { supplierCode: string }) => x.supplierCode === suspended.code);
    assert.equal(excluded.eligible, false);
    assert.match(excluded.excludedBecause, /suspend/i);
    assert.equal(req.candidates[0].rank, 1);

    // A second run orders nothing twice: the open requirement is counted.
    const again = await api.data(GENERATE, { i: { warehouseCode: 'SH-01' } });
    assert.equal(
      again.generatePurchaseRequirements.requirements.filter((x: { sku: string }) => x.sku === p.sku).length,
      0,
    );
    const unknown = await api.data(GENERATE, { i: { warehouseCode: 'NOPE' } });
    assert.equal(unknown.generatePurchaseRequirements.userErrors[0].code, 'UNKNOWN_WAREHOUSE');
  });

  it('turns requirements into one draft order per supplier and warehouse, counted as on order', async () => {
    const p = await createProduct(api.ds, { stock: { 'SH-01': 0, 'BJ-01': 0 }, low: 5, high: 20 });
    const s = await supplier();
    await offer(s.id, p.sku, '8.50', 4, { minOrderQty: 24 });
    const r = await api.data(GENERATE, {});
    const reqs = r.generatePurchaseRequirements.requirements.filter((x: { sku: string }) => x.sku === p.sku);
    assert.equal(reqs.length, 2);
    const listed = await api.data(
      `query($sku: String, $w: String) { purchaseRequirements(filter: { sku: $sku, warehouseCode: $w }) {
        edges { node { sku warehouseCode } } } }`,
      { sku: p.sku, w: 'BJ-01' },
    );
    assert.deepEqual(
      listed.purchaseRequirements.edges.map((e: { node: { sku: string; warehouseCode: string } }) => e.node),
      [{ sku: p.sku, warehouseCode: 'BJ-01' }],
    );
    const created = await api.data(CREATE_PO, { i: { requirementIds: reqs.map((x: { id: string }) => x.id) } });
    assert.deepEqual(created.createPurchaseOrder.userErrors, []);
    const pos = created.createPurchaseOrder.purchaseOrders;
    assert.deepEqual(pos.map((x: { warehouse: { code: string } }) => x.warehouse.code).sort(), ['BJ-01', 'SH-01']);
    for (const po of pos) {
      assert.equal(po.status, 'DRAFT');
      assert.equal(po.lines[0].quantity, 24, 'at least the minimum order of 24');
      assert.equal(po.total.fen, 24 * 850);
    }
    const again = await api.data(CREATE_PO, { i: { requirementIds: [reqs[0].id] } });
    assert.equal(again.createPurchaseOrder.userErrors[0].code, 'REQUIREMENT_NOT_OPEN');
    const levels = await api.data(
      `query($sku: String) { stockLevels(filter: { sku: $sku }) { edges { node { warehouse { code } onOrder } } } }`,
      { sku: p.sku },
    );
    assert.deepEqual(
      levels.stockLevels.edges.map((e: { node: { onOrder: number } }) => e.node.onOrder),
      [24, 24],
    );
    // Cancelling opens the requirements again.
    const cancelled = await api.data(CANCEL, { i: { purchaseOrderId: pos[0].id, reason: '供应商停产' } });
    assert.equal(cancelled.cancelPurchaseOrder.purchaseOrder.status, 'CANCELLED');
    const [{ open }] = await api.ds.query(
      `SELECT count(*)::int AS open FROM purchase_requirement WHERE product_id = $1 AND status = 'OPEN'`,
      [p.id],
    );
    assert.equal(open, 1);
  });

  it('freezes promised dates at confirmation and refuses dates in the past', async () => {
    const p = await createProduct(api.ds, { stock: { 'SH-01': 0 } });
    const s = await supplier();
    await offer(s.id, p.sku, '3.00');
    const created = await api.data(CREATE_PO, {
      i: {
        supplierId: s.id,
        warehouseCode: 'SH-01',
        lines: [{ sku: p.sku, quantity: 10, promisedDate: addDays(today, -1) }],
      },
    });
    assert.equal(created.createPurchaseOrder.userErrors[0].code, 'INVALID_DATE');
    const po = await confirmedPo(s.id, p.sku, 10);
    assert.equal(po.status, 'CONFIRMED');
    assert.equal(po.lines[0].promisedDate, addDays(today, 3));
    assert.equal(po.lines[0].expectedDate, addDays(today, 3));
    await assert.rejects(
      api.ds.query(
        `UPDATE purchase_order_line SET promised_date = promised_date + 1 WHERE id = (SELECT id FROM purchase_order_line WHERE sku = $1)`,
        [p.sku],
      ),
      /promised date of a confirmed purchase order line cannot change/,
    );
    const later = addDays(today, 10);
    const e = await api.data(EXPEDITE, {
      i: { purchaseOrderId: po.id, note: '供应商说下周发货', newExpectedDate: later },
    });
    assert.deepEqual(e.expeditePurchaseOrder.userErrors, []);
    assert.equal(e.expeditePurchaseOrder.purchaseOrder.lines[0].promisedDate, addDays(today, 3), 'promise unchanged');
    assert.equal(e.expeditePurchaseOrder.purchaseOrder.lines[0].expectedDate, later);
    assert.equal(e.expeditePurchaseOrder.purchaseOrder.contacts[0].note, '供应商说下周发货');
    const past = await api.data(EXPEDITE, { i: { purchaseOrderId: po.id, note: 'x', newExpectedDate: '2020-01-01' } });
    assert.equal(past.expeditePurchaseOrder.userErrors[0].code, 'INVALID_DATE');
  });

  it('refuses bad receipts with typed errors and books nothing', async () => {
    const p = await createProduct(api.ds, { stock: { 'SH-01': 0 } });
    const s = await supplier();
    await offer(s.id, p.sku, '3.00');
    const po = await confirmedPo(s.id, p.sku, 100);
    const lineId = po.lines[0].id;
    const cases: [Record<string, unknown>, string][] = [
      [{ lineId, received: 10, accepted: 8, rejected: 1 }, 'RECEIPT_SPLIT_MISMATCH'],
      [{ lineId, received: 10, accepted: 8, rejected: 2 }, 'REJECTION_REASON_REQUIRED'],
      [{ lineId, received: 0, accepted: 0, rejected: 0 }, 'INVALID_QUANTITY'],
      [{ lineId, received: 106, accepted: 106, rejected: 0 }, 'OVER_RECEIPT'],
      [
        {
          lineId: toGlobalId('PurchaseOrderLine', '00000000-0000-4000-8000-000000000000'),
          received: 1,
          accepted: 1,
          rejected: 0,
        },
        'NOT_FOUND',
      ],
    ];
    for (const [line, expected] of cases) {
      const r = await api.data(RECEIVE, { i: { purchaseOrderId: po.id, lines: [line] } });
      assert.equal(r.receivePurchaseOrder.userErrors[0]?.code, expected, JSON.stringify(line));
    }
    const fractional = await api.gql(RECEIVE, {
      i: { purchaseOrderId: po.id, lines: [{ lineId, received: 1.5, accepted: 1.5, rejected: 0 }] },
    });
    assert.ok(fractional.body.errors?.length, 'a fractional quantity is refused by the schema');
    assert.equal(
      (await levelOf(api.ds, (await api.ds.query(`SELECT id FROM stock_level WHERE product_id = $1`, [p.id]))[0].id))
        .onHand,
      0,
    );
    const [{ n }] = await api.ds.query(
      `SELECT count(*)::int AS n FROM goods_receipt WHERE purchase_order_id = (SELECT purchase_order_id FROM purchase_order_line WHERE sku = $1)`,
      [p.sku],
    );
    assert.equal(n, 0);

    // 105 accepted is within the 5 % tolerance.
    const ok = await api.data(RECEIVE, {
      i: { purchaseOrderId: po.id, lines: [{ lineId, received: 105, accepted: 105, rejected: 0 }] },
    });
    assert.deepEqual(ok.receivePurchaseOrder.userErrors, []);
    assert.equal(ok.receivePurchaseOrder.purchaseOrder.status, 'RECEIVED');

    const other = await confirmedPo(s.id, p.sku, 5);
    await api.data(CANCEL, { i: { purchaseOrderId: other.id, reason: '重复下单' } });
    const cancelled = await api.data(RECEIVE, {
      i: { purchaseOrderId: other.id, lines: [{ lineId: other.lines[0].id, received: 1, accepted: 1, rejected: 0 }] },
    });
    assert.equal(cancelled.receivePurchaseOrder.userErrors[0].code, 'NOT_RECEIVABLE');
  });

  it('books accepted goods as stock, keeps rejected goods out, and releases backorders by priority then age', async () => {
    const p = await createProduct(api.ds, { stock: { 'SH-01': 0 }, low: 0, high: 100 });
    const s = await supplier();
    await offer(s.id, p.sku, '3.00');
    const c = await createCustomer(api.ds, { region: 'EAST' });
    const place = async (quantity: number, priority: string) =>
      (
        await api.data(PLACE_ORDER, {
          input: orderInput(c.gid, [{ sku: p.sku, quantity }], { allowBackorder: true, priority }),
        })
      ).placeOrder.order;
    const normalOld = await place(3, 'NORMAL');
    const normalNew = await place(3, 'NORMAL');
    const urgent = await place(3, 'URGENT');
    const tooBig = await place(50, 'URGENT');
    for (const o of [normalOld, normalNew, urgent, tooBig]) assert.equal(o.status, 'BACKORDERED');

    const po = await confirmedPo(s.id, p.sku, 20);
    const r = await api.data(RECEIVE, {
      i: {
        purchaseOrderId: po.id,
        idempotencyKey: 'gr-1',
        lines: [{ lineId: po.lines[0].id, received: 10, accepted: 7, rejected: 3, rejectionReason: 'DAMAGED' }],
      },
    });
    assert.deepEqual(r.receivePurchaseOrder.userErrors, []);
    const gr = r.receivePurchaseOrder.goodsReceipt;
    // 7 units: the urgent order that fits (3) first, then the older normal one (3); 1 unit left, the newer waits.
    assert.deepEqual(
      gr.releasedOrders.map((o: { number: string }) => o.number),
      [urgent.number, normalOld.number],
    );
    assert.equal(r.receivePurchaseOrder.purchaseOrder.status, 'PARTIALLY_RECEIVED');
    assert.deepEqual(
      r.receivePurchaseOrder.purchaseOrder.lines.map((l: Record<string, number>) => [
        l.receivedQty,
        l.acceptedQty,
        l.rejectedQty,
        l.outstandingQty,
      ]),
      [[10, 7, 3, 13]],
    );
    const [level] = await api.ds.query(`SELECT id FROM stock_level WHERE product_id = $1`, [p.id]);
    assert.deepEqual(await levelOf(api.ds, level.id), { onHand: 7, reserved: 6, available: 1 });
    const [mv] = await api.ds.query(
      `SELECT reason, on_hand_delta, reference, note FROM stock_movement WHERE stock_level_id = $1 AND reason = 'RECEIPT' AND reference LIKE 'GR-%'`,
      [level.id],
    );
    assert.deepEqual(mv, { reason: 'RECEIPT', on_hand_delta: 7, reference: gr.number, note: po.number });
    assert.deepEqual(await ledgerMismatches(api.ds), []);

    // The same key again gives the first receipt, not a second one.
    const replay = await api.data(RECEIVE, {
      i: {
        purchaseOrderId: po.id,
        idempotencyKey: 'gr-1',
        lines: [{ lineId: po.lines[0].id, received: 10, accepted: 7, rejected: 3, rejectionReason: 'DAMAGED' }],
      },
    });
    assert.equal(replay.receivePurchaseOrder.goodsReceipt.number, gr.number);
    assert.deepEqual(await levelOf(api.ds, level.id), { onHand: 7, reserved: 6, available: 1 });
  });

  it('adds up two receipts of the same line racing, and never accepts beyond the tolerance', async () => {
    const p = await createProduct(api.ds, { stock: { 'SH-01': 0 } });
    const s = await supplier();
    await offer(s.id, p.sku, '3.00');
    const po = await confirmedPo(s.id, p.sku, 100);
    const receipt = () =>
      api.data(RECEIVE, {
        i: { purchaseOrderId: po.id, lines: [{ lineId: po.lines[0].id, received: 60, accepted: 60, rejected: 0 }] },
      });
    const results = await Promise.all([receipt(), receipt(), receipt()]);
    const codes = results.map((r) => r.receivePurchaseOrder.userErrors[0]?.code ?? 'OK').sort();
    assert.deepEqual(codes, ['OK', 'OVER_RECEIPT', 'OVER_RECEIPT']);
    const [line] = await api.ds.query(`SELECT accepted_qty FROM purchase_order_line WHERE sku = $1`, [p.sku]);
    assert.equal(line.accepted_qty, 60);
    const two = await Promise.all(
      [1, 2].map(() =>
        api.data(RECEIVE, {
          i: { purchaseOrderId: po.id, lines: [{ lineId: po.lines[0].id, received: 20, accepted: 20, rejected: 0 }] },
        }),
      ),
    );
    assert.deepEqual(
      two.map((r) => r.receivePurchaseOrder.userErrors),
      [[], []],
    );
    const [after] = await api.ds.query(`SELECT accepted_qty FROM purchase_order_line WHERE sku = $1`, [p.sku]);
    assert.equal(after.accepted_qty, 100);
    assert.deepEqual(await ledgerMismatches(api.ds), []);
  });

  it('never oversells when a receipt races many orders for the backordered product', async () => {
    const p = await createProduct(api.ds, { stock: { 'SH-01': 0 }, low: 0, high: 1000 });
    const s = await supplier();
    await offer(s.id, p.sku, '3.00');
    const customers = await Promise.all(Array.from({ length: 5 }, () => createCustomer(api.ds, { region: 'EAST' })));
    for (let i = 0; i < 10; i++)
      await api.data(PLACE_ORDER, {
        input: orderInput(customers[i % 5].gid, [{ sku: p.sku, quantity: 2 }], { allowBackorder: true }),
      });
    const po = await confirmedPo(s.id, p.sku, 30);
    const [receipt, ...orders] = await Promise.all([
      api.data(RECEIVE, {
        i: { purchaseOrderId: po.id, lines: [{ lineId: po.lines[0].id, received: 30, accepted: 30, rejected: 0 }] },
      }),
      ...Array.from({ length: 30 }, (_, i) =>
        api.gql(PLACE_ORDER, { input: orderInput(customers[i % 5].gid, [{ sku: p.sku, quantity: 1 }]) }),
      ),
    ]);
    assert.deepEqual(receipt.receivePurchaseOrder.userErrors, []);
    for (const o of orders) assert.equal(o.body.errors, undefined, JSON.stringify(o.body.errors));
    const [level] = await api.ds.query(`SELECT id FROM stock_level WHERE product_id = $1`, [p.id]);
    const l = await levelOf(api.ds, level.id);
    assert.equal(l.onHand, 30);
    assert.ok(l.reserved <= 30);
    // Every backorder that was waiting when the goods arrived was served first (20 units).
    assert.equal(receipt.receivePurchaseOrder.goodsReceipt.releasedOrders.length, 10);
    assert.deepEqual(await ledgerMismatches(api.ds), []);
  });

  it("needs a manager's override with a reason to order from a blocked supplier", async () => {
    const p = await createProduct(api.ds, { stock: { 'SH-01': 0 } });
    const s = await supplier();
    await offer(s.id, p.sku, '3.00');
    await api.ds.query(`UPDATE supplier SET standing = 'BLOCKED', score = 31 WHERE code = $1`, [s.code]);
    const input = { supplierId: s.id, warehouseCode: 'SH-01', lines: [{ sku: p.sku, quantity: 5 }] };
    const purchaser = await api.loginAs('PURCHASING');
    const asPurchaser = await api.gql(
      CREATE_PO,
      { i: { ...input, overrideReason: '唯一供应商' } },
      { authorization: `Bearer ${purchaser}` },
    );
    assert.equal(asPurchaser.body.data.createPurchaseOrder.userErrors[0].code, 'SUPPLIER_BLOCKED');
    const noReason = await api.data(CREATE_PO, { i: input });
    assert.equal(noReason.createPurchaseOrder.userErrors[0].code, 'SUPPLIER_BLOCKED');
    const manager = await api.loginAs('MANAGER');
    const ok = await api.gql(
      CREATE_PO,
      { i: { ...input, overrideReason: '唯一供应商' } },
      { authorization: `Bearer ${manager}` },
    );
    assert.deepEqual(ok.body.data.createPurchaseOrder.userErrors, []);
  });

  it('flags open orders past their expected date once, live, and lists them as overdue', async () => {
    const p = await createProduct(api.ds, { stock: { 'SH-01': 0 } });
    const s = await supplier();
    await offer(s.id, p.sku, '3.00');
    const po = await confirmedPo(s.id, p.sku, 10);
    const sub = subscribe<{ purchaseOrderChanged: { type: string; purchaseOrder: { number: string } } }>(
      api.ws(),
      `subscription { purchaseOrderChanged { type reason purchaseOrder { number } } }`,
    );
    await settle();
    const system = { principal: null, requestId: 'test', clientIp: null };
    const later = addDays(today, 4);
    assert.ok((await api.services.purchaseOrders.flagOverdue(system, later)) >= 1);
    assert.equal(await api.services.purchaseOrders.flagOverdue(system, later), 0, 'flagged once');
    const mine = (e: { purchaseOrderChanged: { type: string; purchaseOrder: { number: string } } }) =>
      e.purchaseOrderChanged.type === 'OVERDUE' && e.purchaseOrderChanged.purchaseOrder.number === po.number;
    for (let waited = 0; !sub.items.some(mine) && waited < 5000; waited += 50) await settle(50);
    assert.ok(sub.items.some(mine), JSON.stringify(sub.items));
    const list = await api.data(
      `{ purchaseOrders(filter: { overdue: false, search: "${po.number}" }) { edges { node { number } } } }`,
    );
    assert.equal(list.purchaseOrders.edges.length, 1, 'not overdue yet today');
  });

  it('refuses bad purchase order input and creates one order for a key sent twice at once', async () => {
    const p = await createProduct(api.ds, { stock: { 'SH-01': 0 } });
    const s = await supplier();
    await offer(s.id, p.sku, '3.00', 3, { packMultiple: 6, minOrderQty: 12 });
    const base = { supplierId: s.id, warehouseCode: 'SH-01' };
    const cases: [Record<string, unknown>, string][] = [
      [{ ...base, lines: [{ sku: p.sku, quantity: 0 }] }, 'INVALID_QUANTITY'],
      [{ ...base, lines: [{ sku: p.sku, quantity: -12 }] }, 'INVALID_QUANTITY'],
      [{ ...base, lines: [{ sku: p.sku, quantity: 6 }] }, 'INVALID_QUANTITY'],
      [{ ...base, lines: [{ sku: p.sku, quantity: 13 }] }, 'INVALID_QUANTITY'],
      [{ ...base, lines: [{ sku: p.sku, quantity: 12, unitPrice: '0.00' }] }, 'INVALID_PRICE'],
      [{ ...base, lines: [{ sku: p.sku, quantity: 12, unitPrice: '2.999' }] }, 'INVALID_PRICE'],
      [{ ...base, lines: [{ sku: 'NOPE', quantity: 12 }] }, 'UNKNOWN_SKU'],
      [
        {
          ...base,
          supplierId: toGlobalId('Supplier', '00000000-0000-4000-8000-000000000000'),
          lines: [{ sku: p.sku, quantity: 12 }],
        },
        'UNKNOWN_SUPPLIER',
      ],
      [{ ...base, warehouseCode: 'NOPE', lines: [{ sku: p.sku, quantity: 12 }] }, 'UNKNOWN_WAREHOUSE'],
      [{ ...base, lines: [] }, 'EMPTY_LINES'],
      [{ supplierId: s.id, lines: [{ sku: p.sku, quantity: 12 }] }, 'INVALID_INPUT'],
    ];
    for (const [i, expected] of cases) {
      const r = await api.data(CREATE_PO, { i });
      assert.equal(r.createPurchaseOrder.userErrors[0]?.code, expected, JSON.stringify(i));
      assert.equal(r.createPurchaseOrder.purchaseOrders, null);
    }
    const [{ n: none }] = await api.ds.query(
      `SELECT count(*)::int AS n FROM purchase_order WHERE supplier_id = (SELECT id FROM supplier WHERE code = $1)`,
      [s.code],
    );
    assert.equal(none, 0);

    const same = { ...base, idempotencyKey: 'po-key-1', lines: [{ sku: p.sku, quantity: 12 }] };
    const [a, b] = await Promise.all([api.data(CREATE_PO, { i: same }), api.data(CREATE_PO, { i: same })]);
    assert.equal(a.createPurchaseOrder.purchaseOrders[0].number, b.createPurchaseOrder.purchaseOrders[0].number);
    const [{ n }] = await api.ds.query(
      `SELECT count(*)::int AS n FROM purchase_order WHERE idempotency_key = 'po-key-1'`,
    );
    assert.equal(n, 1);
  });

  it('scores a finished month from its deliveries, stores it once and never changes it', async () => {
    const p = await createProduct(api.ds, { stock: { 'SH-01': 0 } });
    const s = await supplier();
    const rival = await supplier();
    await offer(s.id, p.sku, '10.00', 5);
    await offer(rival.id, p.sku, '8.00', 5);
    // 100 due on the 10th of last month: 60 accepted on the 8th (on time), 30 + 10 rejected on the 20th (late).
    const po = await confirmedPo(s.id, p.sku, 100);
    const lineId = po.lines[0].id;
    await api.data(RECEIVE, {
      i: { purchaseOrderId: po.id, lines: [{ lineId, received: 60, accepted: 60, rejected: 0 }] },
    });
    await api.data(RECEIVE, {
      i: {
        purchaseOrderId: po.id,
        lines: [{ lineId, received: 40, accepted: 30, rejected: 10, rejectionReason: 'QUALITY' }],
      },
    });
    const month = (day: number) => {
      const [y, m] = today.split('-').map(Number);
      return new Date(Date.UTC(y, m - 2, day)).toISOString().slice(0, 10);
    };
    await api.ds.query(`ALTER TABLE purchase_order_line DISABLE TRIGGER purchase_order_line_promise_frozen`);
    await api.ds.query(
      `UPDATE purchase_order_line SET promised_date = $2 WHERE id = (SELECT id FROM purchase_order_line WHERE sku = $1)`,
      [p.sku, month(10)],
    );
    await api.ds.query(`ALTER TABLE purchase_order_line ENABLE TRIGGER purchase_order_line_promise_frozen`);
    await api.ds.query(
      `UPDATE purchase_order SET confirmed_at = $2::date + time '10:00' - interval '8 hours' WHERE number = $1`,
      [po.number, month(1)],
    );
    const receipts: { id: string }[] = await api.ds.query(
      `SELECT g.id FROM goods_receipt g JOIN purchase_order p ON p.id = g.purchase_order_id WHERE p.number = $1 ORDER BY g.number`,
      [po.number],
    );
    await api.ds.query(
      `UPDATE goods_receipt SET received_at = $2::date + time '12:00' - interval '8 hours' WHERE id = $1`,
      [receipts[0].id, month(8)],
    );
    await api.ds.query(
      `UPDATE goods_receipt SET received_at = $2::date + time '12:00' - interval '8 hours' WHERE id = $1`,
      [receipts[1].id, month(20)],
    );

    const [{ id: supplierId }] = await api.ds.query(`SELECT id FROM supplier WHERE code = $1`, [s.code]);
    const end = addDays(month(1), 40).slice(0, 8) + '01';
    assert.equal(await api.services.scorecards.scorePeriod(supplierId, month(1), addDays(end, -1)), true);
    assert.equal(
      await api.services.scorecards.scorePeriod(supplierId, month(1), addDays(end, -1)),
      false,
      'stored once',
    );
    await api.services.scorecards.refreshStanding(supplierId);
    const r = await api.data(
      `query($id: ID!) { supplier(id: $id) { score standing scorecards { periodStart onTimeInFull inspectionPassRate leadTimeKept priceIndex total standing inputs { due onTimeInFull received accepted } } } }`,
      { id: s.id },
    );
    const [period] = r.supplier.scorecards;
    assert.equal(period.periodStart, month(1));
    assert.deepEqual(period.inputs, { due: 100, onTimeInFull: 60, received: 100, accepted: 90 });
    assert.equal(period.onTimeInFull, 60);
    assert.equal(period.inspectionPassRate, 90);
    // Quoted 5 days; the line completed 19 days after confirmation: 5/19.
    assert.equal(period.leadTimeKept, Math.round((5 / 19) * 10000) / 100);
    // The rival offers 8.00 against 10.00: 80.
    assert.equal(period.priceIndex, 80);
    // No quality returns: after-sales quality 100.
    const total = Math.round(((60 * 35 + 90 * 25 + (500 / 19) * 15 + 80 * 15 + 100 * 10) / 100) * 100) / 100;
    assert.ok(Math.abs(period.total - total) < 0.11, `${period.total} ≈ ${total}`);
    assert.equal(r.supplier.score, Math.round(period.total * 10) / 10);
    assert.equal(r.supplier.standing, 'WATCH');
    await assert.rejects(
      api.ds.query(`UPDATE supplier_scorecard_period SET total = 100 WHERE supplier_id = $1`, [supplierId]),
      /immutable/,
    );

    // A month without deliveries is not scored 100: it has no score at all.
    const [{ id: rivalId }] = await api.ds.query(`SELECT id FROM supplier WHERE code = $1`, [rival.code]);
    await api.services.scorecards.scorePeriod(rivalId, month(1), addDays(end, -1));
    const [empty] = await api.ds.query(`SELECT total, standing FROM supplier_scorecard_period WHERE supplier_id = $1`, [
      rivalId,
    ]);
    assert.deepEqual(empty, { total: null, standing: 'UNRATED' });
  });

  it('short-closes a partly received order and sets a requirement aside, each only from the right status', async () => {
    const p = await createProduct(api.ds, { stock: { 'SH-01': 0 }, low: 5, high: 20 });
    const s = await supplier();
    await offer(s.id, p.sku, '3.00');
    const po = await confirmedPo(s.id, p.sku, 10);
    const CLOSE = `mutation($i: ClosePurchaseOrderInput!) { closePurchaseOrder(input: $i) { purchaseOrder { status statusReason } userErrors { code field } } }`;
    const early = await api.data(CLOSE, { i: { purchaseOrderId: po.id, reason: '供应商无法交付' } });
    assert.equal(
      early.closePurchaseOrder.userErrors[0].code,
      'ILLEGAL_TRANSITION',
      'nothing received yet: cancel it instead',
    );
    await api.data(RECEIVE, {
      i: { purchaseOrderId: po.id, lines: [{ lineId: po.lines[0].id, received: 4, accepted: 4, rejected: 0 }] },
    });
    const closed = await api.data(CLOSE, { i: { purchaseOrderId: po.id, reason: '供应商无法交付' } });
    assert.deepEqual(closed.closePurchaseOrder, {
      purchaseOrder: { status: 'CLOSED', statusReason: '供应商无法交付' },
      userErrors: [],
    });
    const levels = await api.data(
      `query($sku: String) { stockLevels(filter: { sku: $sku }) { edges { node { onOrder } } } }`,
      { sku: p.sku },
    );
    assert.equal(levels.stockLevels.edges[0].node.onOrder, 0, 'the rest no longer counts as on order');

    const r = await api.data(GENERATE, { i: { warehouseCode: 'SH-01' } });
    const req = r.generatePurchaseRequirements.requirements.find((x: { sku: string }) => x.sku === p.sku);
    const DISMISS = `mutation($i: DismissPurchaseRequirementInput!) { dismissPurchaseRequirement(input: $i) { requirement { status dismissedReason } userErrors { code } } }`;
    const dismissed = await api.data(DISMISS, { i: { requirementId: req.id, reason: '改用替代品' } });
    assert.deepEqual(dismissed.dismissPurchaseRequirement, {
      requirement: { status: 'DISMISSED', dismissedReason: '改用替代品' },
      userErrors: [],
    });
    const again = await api.data(DISMISS, { i: { requirementId: req.id, reason: 'x' } });
    assert.equal(again.dismissPurchaseRequirement.userErrors[0].code, 'REQUIREMENT_NOT_OPEN');
  });
});
