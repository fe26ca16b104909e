import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { trackingNumber } from '@fulfilment/domain';
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
import { startTestApi, TestApi } from './helpers';

const ERR = 'userErrors { code field message }';
const SHIPMENT = `id number status outcome warehouseCode trackingNumber method carrier { code }
  lines { sku required picked checked } packages { seq material weightG trackingNumber }
  checkErrors { kind sku expected counted correctedAt pickedBy }
  proposedPackaging { material weightG items { sku quantity } }
  order { id number status }`;
const LIST = `id number status warehouseCode
  lines { id seq sku binLocation required picked shortReason }
  shipments { ${SHIPMENT} }`;
const CREATE = `mutation($i: CreatePickListInput!) { createPickList(input: $i) { pickList { ${LIST} } ${ERR} } }`;
const START = `mutation($i: PickListActionInput!) { startPickList(input: $i) { pickList { id status } ${ERR} } }`;
const RECORD = `mutation($i: RecordPickInput!) { recordPick(input: $i) { pickList { ${LIST} } ${ERR} } }`;
const COMPLETE = `mutation($i: PickListActionInput!) { completePickList(input: $i) {
  pickList { ${LIST} } orders { order { number status } shipment { number status } outcome detail } ${ERR} } }`;
const CANCEL_LIST = `mutation($i: CancelPickListInput!) { cancelPickList(input: $i) {
  pickList { id status } orders { order { number status } outcome } ${ERR} } }`;
const CHECK = `mutation($i: CheckOrderInput!) { checkOrder(input: $i) {
  shipment { ${SHIPMENT} } passed errors { kind sku expected counted } ${ERR} } }`;
const PACK = `mutation($i: PackOrderInput!) { packOrder(input: $i) { shipment { ${SHIPMENT} } ${ERR} } }`;
const SHIP = `mutation($i: ShipOrderInput!) { shipOrder(input: $i) { shipment { ${SHIPMENT} } ${ERR} } }`;
const CANCEL_ORDER = `mutation($id: ID!, $r: String!) { cancelOrder(input: { orderId: $id, reason: $r }) { order { status } ${ERR} } }`;
const ORDER = `query($id: ID!) { node(id: $id) { ... on Order { status events { toStatus reason }
  allocations { sku quantity status warehouse { code } } shipments { number status outcome } } } }`;

type List = {
  id: string;
  number: string;
  status: string;
  lines: {
    id: string;
    seq: number;
    sku: string;
    binLocation: string | null;
    required: number;
    picked: number | null;
  }[];
  shipments: Shipment[];
};
type Shipment = {
  id: string;
  number: string;
  status: string;
  outcome: string | null;
  trackingNumber: string | null;
  lines: { sku: string; required: number; picked: number | null }[];
  order: { id: string; number: string; status: string };
};

describe('warehouse fulfilment', () => {
  let api: TestApi;
  let cityN = 0;

  before(async () => {
    api = await startTestApi();
    await createWarehouses(api.ds);
    for (const c of [
      ['SF-EXPRESS', '顺丰速运', 'PARTNER', ['EAST', 'NORTH', 'SOUTH'], ['EXPRESS'], 'SF', '12.00', '2.00', 1, 98],
      ['DB-FREIGHT', '德邦物流', 'PARTNER', ['EAST', 'NORTH', 'SOUTH'], ['FREIGHT'], 'DB', '30.00', '1.00', 3, 93],
      ['OWN-FLEET', '自有车队', 'OWN_FLEET', ['EAST'], ['EXPRESS', 'FREIGHT'], 'OF', '5.00', '0.50', 1, null],
    ] as const) {
      const r = await api.data(`mutation($i: CreateCarrierInput!) { createCarrier(input: $i) { ${ERR} } }`, {
        i: {
          code: c[0],
          name: c[1],
          kind: c[2],
          regions: c[3],
          methods: c[4],
          trackingPrefix: c[5],
          basePrice: c[6],
          perKg: c[7],
          transitDays: c[8],
          reliability: c[9],
        },
      });
      assert.deepEqual(r.createCarrier.userErrors, []);
    }
  });
  after(() => api.stop());

  /** A city no other test uses, so a list limited to it sees only this test's orders. */
  const city = () => `测试市${++cityN}`;

  /** An order of the EAST region delivered to `cityName` (its customer's city). */
  async function placeIn(cityName: string, lines: { sku: string; quantity: number }[], extra = {}) {
    const c = await createCustomer(api.ds, { region: 'EAST', city: cityName });
    const r = await api.data(PLACE_ORDER, { input: orderInput(c.gid, lines, extra) });
    assert.deepEqual(r.placeOrder.userErrors, []);
    return r.placeOrder.order as { id: string; number: string; status: string };
  }

  async function list(cityName: string, extra: Record<string, unknown> = {}): Promise<List> {
    const r = await api.data(CREATE, { i: { warehouseCode: 'SH-01', deliveryCity: cityName, ...extra } });
    assert.deepEqual(r.createPickList.userErrors, []);
    return r.createPickList.pickList;
  }

  async function pickAll(l: List) {
    assert.deepEqual((await api.data(START, { i: { pickListId: l.id } })).startPickList.userErrors, []);
    let last: List = l;
    for (const line of l.lines) {
      const r = await api.data(RECORD, { i: { pickListId: l.id, lineId: line.id, picked: line.required } });
      assert.deepEqual(r.recordPick.userErrors, []);
      last = r.recordPick.pickList;
    }
    return last;
  }

  async function orderNode(id: string) {
    return (await api.data(ORDER, { id })).node;
  }

  it('takes an allocated order through picking, checking, packing and shipping, consuming exactly its units', async () => {
    const p = await createProduct(api.ds, { stock: { 'SH-01': 50 } });
    const [level] = Object.values(p.levels);
    await api.data(`mutation($i: SetBinLocationInput!) { setBinLocation(input: $i) { ${ERR} } }`, {
      i: { sku: p.sku, warehouseCode: 'SH-01', binLocation: 'B-04-1' },
    });
    const town = city();
    const o = await placeIn(town, [{ sku: p.sku, quantity: 6 }]);
    assert.equal(o.status, 'ALLOCATED');

    const l = await list(town);
    assert.equal(l.status, 'OPEN');
    assert.deepEqual(
      l.lines.map((x) => [x.sku, x.binLocation, x.required]),
      [[p.sku, 'B-04-1', 6]],
    );
    assert.equal((await orderNode(o.id)).status, 'PICKING');
    const s = l.shipments[0];

    // No stage can be skipped.
    const early = await api.data(PACK, { i: { shipmentId: s.id, packages: [{ material: 'CARTON', weightG: 500 }] } });
    assert.equal(early.packOrder.userErrors[0].code, 'ILLEGAL_TRANSITION');
    const unstarted = await api.data(RECORD, { i: { pickListId: l.id, lineId: l.lines[0].id, picked: 6 } });
    assert.equal(unstarted.recordPick.userErrors[0].code, 'NOT_PICKABLE');

    await pickAll(l);
    const done = await api.data(COMPLETE, { i: { pickListId: l.id } });
    assert.deepEqual(done.completePickList.userErrors, []);
    assert.equal(done.completePickList.pickList.status, 'COMPLETED');
    assert.deepEqual(
      done.completePickList.orders.map((x: { outcome: string | null; shipment: { status: string } }) => [
        x.outcome,
        x.shipment.status,
      ]),
      [[null, 'PICKED']],
    );

    // A mis-scan the catalogue does not know is refused; nothing is recorded.
    const typo = await api.data(CHECK, { i: { shipmentId: s.id, items: [{ sku: 'NO-SUCH-SKU', quantity: 6 }] } });
    assert.equal(typo.checkOrder.userErrors[0].code, 'UNKNOWN_SKU');
    assert.deepEqual(typo.checkOrder.userErrors[0].field, ['input', 'items', '0', 'sku']);
    // A wrong count and an item not on the shipment are recorded against the picker and must be corrected.
    const other = await createProduct(api.ds, { sku: `OTHER-${cityN}` });
    const wrong = await api.data(CHECK, {
      i: {
        shipmentId: s.id,
        items: [
          { sku: p.sku, quantity: 5 },
          { sku: other.sku, quantity: 1 },
        ],
      },
    });
    assert.deepEqual(wrong.checkOrder.userErrors, []);
    assert.equal(wrong.checkOrder.passed, false);
    assert.deepEqual(
      wrong.checkOrder.errors.map((e: { kind: string; sku: string; expected: number; counted: number }) => [
        e.kind,
        e.sku,
        e.expected,
        e.counted,
      ]),
      [
        ['WRONG_ITEM', other.sku, 0, 1],
        ['WRONG_QUANTITY', p.sku, 6, 5],
      ],
    );
    assert.equal(wrong.checkOrder.shipment.status, 'PICKED');
    assert.ok(wrong.checkOrder.shipment.checkErrors[0].pickedBy, 'the error names who picked');
    const blocked = await api.data(PACK, { i: { shipmentId: s.id, packages: [{ material: 'CARTON', weightG: 500 }] } });
    assert.equal(blocked.packOrder.userErrors[0].code, 'ILLEGAL_TRANSITION');

    const right = await api.data(CHECK, { i: { shipmentId: s.id, items: [{ sku: p.sku, quantity: 6 }] } });
    assert.equal(right.checkOrder.passed, true);
    assert.equal(right.checkOrder.shipment.status, 'CHECKED');
    assert.ok(right.checkOrder.shipment.checkErrors.every((e: { correctedAt: string | null }) => e.correctedAt));
    // Water is heavy bulk: one strapped case per unit.
    assert.deepEqual(
      right.checkOrder.shipment.proposedPackaging.map((x: { material: string }) => x.material),
      Array(6).fill('STRAPPED_CASE'),
    );

    const badDigit = trackingNumber('SF', 12345678).replace(/(\d)CN$/, (_, d) => `${(Number(d) + 1) % 10}CN`);
    const refused = await api.data(PACK, {
      i: { shipmentId: s.id, packages: [{ material: 'STRAPPED_CASE', weightG: 13_000, trackingNumber: badDigit }] },
    });
    assert.equal(refused.packOrder.userErrors[0].code, 'INVALID_TRACKING_NUMBER');
    assert.deepEqual(refused.packOrder.userErrors[0].field, ['input', 'packages', '0', 'trackingNumber']);

    const packed = await api.data(PACK, {
      i: {
        shipmentId: s.id,
        packages: [
          { material: 'STRAPPED_CASE', weightG: 13_000 },
          { material: 'STRAPPED_CASE', weightG: 13_100, trackingNumber: trackingNumber('SF', 77_000_001) },
        ],
      },
    });
    assert.deepEqual(packed.packOrder.userErrors, []);
    const sh = packed.packOrder.shipment;
    assert.equal(sh.status, 'PACKED');
    assert.match(sh.packages[0].trackingNumber, /^FP\d{9}CN$/);
    assert.equal(sh.packages[1].trackingNumber, trackingNumber('SF', 77_000_001));
    assert.equal(sh.trackingNumber, sh.packages[0].trackingNumber);
    assert.equal((await orderNode(o.id)).status, 'PACKED');
    assert.deepEqual(await levelOf(api.ds, level), { onHand: 50, reserved: 6, available: 44 });

    const unknown = await api.data(SHIP, { i: { shipmentId: s.id, carrierCode: 'NOPE' } });
    assert.equal(unknown.shipOrder.userErrors[0].code, 'UNKNOWN_CARRIER');
    // 26.1 kg travels by express, which the freight company does not offer.
    const freightOnly = await api.data(SHIP, { i: { shipmentId: s.id, carrierCode: 'DB-FREIGHT' } });
    assert.equal(freightOnly.shipOrder.userErrors[0].code, 'CARRIER_UNAVAILABLE');
    const shipped = await api.data(SHIP, { i: { shipmentId: s.id, carrierCode: 'SF-EXPRESS' } });
    assert.deepEqual(shipped.shipOrder.userErrors, []);
    assert.equal(shipped.shipOrder.shipment.status, 'SHIPPED');
    assert.equal(shipped.shipOrder.shipment.carrier.code, 'SF-EXPRESS');
    assert.equal((await orderNode(o.id)).status, 'SHIPPED');
    assert.deepEqual(await levelOf(api.ds, level), { onHand: 44, reserved: 0, available: 44 });
    const again = await api.data(SHIP, { i: { shipmentId: s.id } });
    assert.equal(again.shipOrder.userErrors[0].code, 'ILLEGAL_TRANSITION');
    assert.deepEqual(await ledgerMismatches(api.ds), []);

    // The floor's stages and the check error rate reach the managers' overview.
    const kpis = (
      await api.data(
        `{ operationsOverview { averageMinutesToPick averageMinutesPickToPack averageMinutesPackToShip checkErrorRate } }`,
      )
    ).operationsOverview;
    for (const k of ['averageMinutesToPick', 'averageMinutesPickToPack', 'averageMinutesPackToShip'])
      assert.ok(kpis[k] !== null && kpis[k] >= 0, `${k} measured: ${kpis[k]}`);
    assert.ok(kpis.checkErrorRate > 0 && kpis.checkErrorRate <= 1, `check error rate ${kpis.checkErrorRate}`);
  });

  it('ships with the best carrier for the weight and region and the order follows its least advanced part', async () => {
    const p = await createProduct(api.ds, { stock: { 'SH-01': 3, 'BJ-01': 10 } });
    const town = city();
    // 5 units: 3 from SH-01 in the order's region, 2 from Beijing: two parts.
    const o = await placeIn(town, [{ sku: p.sku, quantity: 5 }]);
    const before = await orderNode(o.id);
    assert.deepEqual(
      before.allocations
        .map((a: { warehouse: { code: string }; quantity: number }) => [a.warehouse.code, a.quantity])
        .sort(),
      [
        ['BJ-01', 2],
        ['SH-01', 3],
      ],
    );
    const a = await list(town);
    const b = (await api.data(CREATE, { i: { warehouseCode: 'BJ-01', orderIds: [o.id] } })).createPickList.pickList;
    for (const l of [a, b]) {
      await pickAll(l);
      await api.data(COMPLETE, { i: { pickListId: l.id } });
    }
    const [sa, sb]: Shipment[] = [a.shipments[0], b.shipments[0]];
    for (const s of [sa, sb]) {
      const c = await api.data(CHECK, {
        i: { shipmentId: s.id, items: s.lines.map((x) => ({ sku: x.sku, quantity: x.required })) },
      });
      assert.equal(c.checkOrder.passed, true);
    }
    await api.data(PACK, { i: { shipmentId: sa.id, packages: [{ material: 'STRAPPED_CASE', weightG: 2000 }] } });
    assert.equal((await orderNode(o.id)).status, 'PICKING', 'one part is still being worked');
    const shippedA = await api.data(SHIP, { i: { shipmentId: sa.id } });
    assert.deepEqual(shippedA.shipOrder.userErrors, []);
    // 2 kg to EAST by express: the own fleet (cheapest, same region) or SF; both are eligible, the ranking picks one.
    assert.equal(shippedA.shipOrder.shipment.method, 'EXPRESS');
    assert.ok(['OWN-FLEET', 'SF-EXPRESS'].includes(shippedA.shipOrder.shipment.carrier.code));
    assert.equal((await orderNode(o.id)).status, 'PICKING');

    // Cancelling is refused once a part has left.
    const cancel = await api.data(CANCEL_ORDER, { id: o.id, r: '客户取消' });
    assert.equal(cancel.cancelOrder.userErrors[0].code, 'ORDER_PARTLY_SHIPPED');

    await api.data(PACK, { i: { shipmentId: sb.id, packages: [{ material: 'STRAPPED_CASE', weightG: 40_000 }] } });
    assert.equal((await orderNode(o.id)).status, 'PACKED');
    const choice = (
      await api.data(
        `query($id: ID!) { shipment(id: $id) { carrierChoice { method weightG options {
           carrier { code } eligible excludedBecause rank price { fen } points { total } } } } }`,
        { id: sb.id },
      )
    ).shipment.carrierChoice;
    assert.equal(choice.method, 'FREIGHT');
    assert.equal(choice.weightG, 40_000);
    const sf = choice.options.find((x: { carrier: { code: string } }) => x.carrier.code === 'SF-EXPRESS');
    assert.deepEqual([sf.eligible, sf.excludedBecause, sf.rank], [false, 'The carrier does not offer FREIGHT', null]);
    // Deppon: 30.00 + 1.00 × 40 kg.
    const db = choice.options.find((x: { carrier: { code: string } }) => x.carrier.code === 'DB-FREIGHT');
    assert.equal(db.price.fen, 30_00 + 40 * 1_00);
    const heavy = await api.data(SHIP, { i: { shipmentId: sb.id } });
    assert.equal(
      heavy.shipOrder.shipment.carrier.code,
      choice.options[0].carrier.code,
      'shipped with the rank-1 carrier',
    );
    assert.deepEqual(heavy.shipOrder.userErrors, []);
    assert.equal(heavy.shipOrder.shipment.method, 'FREIGHT');
    const after = await orderNode(o.id);
    assert.equal(after.status, 'SHIPPED');
    assert.deepEqual(
      after.events.slice(-3).map((e: { toStatus: string }) => e.toStatus),
      ['PICKING', 'PACKED', 'SHIPPED'],
    );
    assert.ok(after.allocations.every((x: { status: string }) => x.status === 'SHIPPED'));
    assert.deepEqual(await levelOf(api.ds, p.levels['SH-01']), { onHand: 0, reserved: 0, available: 0 });
    assert.deepEqual(await levelOf(api.ds, p.levels['BJ-01']), { onHand: 8, reserved: 0, available: 8 });
    assert.deepEqual(await ledgerMismatches(api.ds), []);
  });

  it('batches urgent and key-account orders first, walks bins in a serpentine and keeps an order off two lists', async () => {
    const town = city();
    const p1 = await createProduct(api.ds, { stock: { 'SH-01': 100 } });
    const p2 = await createProduct(api.ds, { stock: { 'SH-01': 100 } });
    const p3 = await createProduct(api.ds, { stock: { 'SH-01': 100 } });
    for (const [p, bin] of [
      [p1, 'B-02-1'],
      [p2, 'A-07-1'],
      [p3, 'B-09-3'],
    ] as const)
      await api.ds.query(`UPDATE stock_level SET bin_location = $2 WHERE id = $1`, [Object.values(p.levels)[0], bin]);
    const normal = await placeIn(town, [{ sku: p1.sku, quantity: 1 }]);
    const keyAccount = await placeIn(town, [{ sku: p2.sku, quantity: 1 }]);
    await api.ds.query(
      `UPDATE customer SET key_account = true WHERE id = (SELECT customer_id FROM orders WHERE number = $1)`,
      [keyAccount.number],
    );
    const urgent = await placeIn(town, [{ sku: p3.sku, quantity: 2 }], { priority: 'URGENT' });

    const two = await list(town, { maxOrders: 2 });
    assert.deepEqual(
      two.shipments.map((s) => s.order.number).sort(),
      [keyAccount.number, urgent.number].sort(),
      'urgent and key account first',
    );
    // Aisle A upwards, then aisle B downwards.
    assert.deepEqual(
      two.lines.map((l) => l.binLocation),
      ['A-07-1', 'B-09-3'],
    );
    const hold = await api.data(
      `mutation($id: ID!) { holdOrder(input: { orderId: $id, reason: '客户要求暂缓' }) { ${ERR} } }`.replace(/'/g, '"'),
      { id: urgent.id },
    );
    assert.equal(hold.holdOrder.userErrors[0].code, 'ILLEGAL_TRANSITION', 'an order being picked is not held by hand');
    const rest = await list(town);
    assert.deepEqual(
      rest.shipments.map((s) => s.order.number),
      [normal.number],
    );
    const again = await api.data(CREATE, { i: { warehouseCode: 'SH-01', orderIds: [urgent.id] } });
    assert.equal(again.createPickList.userErrors[0].code, 'ORDER_NOT_PICKABLE');
    assert.deepEqual(again.createPickList.userErrors[0].field, ['input', 'orderIds', '0']);
    const none = await api.data(CREATE, { i: { warehouseCode: 'SH-01', deliveryCity: town } });
    assert.equal(none.createPickList.userErrors[0].code, 'NOTHING_TO_PICK');

    // A cancelled list returns its orders; they can be listed again.
    const cancelled = await api.data(CANCEL_LIST, { i: { pickListId: rest.id, reason: '拣货员请假' } });
    assert.deepEqual(cancelled.cancelPickList.userErrors, []);
    assert.deepEqual(
      cancelled.cancelPickList.orders.map((x: { order: { status: string }; outcome: string }) => [
        x.order.status,
        x.outcome,
      ]),
      [['ALLOCATED', 'LIST_CANCELLED']],
    );
    const relisted = await list(town);
    assert.deepEqual(
      relisted.shipments.map((s) => s.order.number),
      [normal.number],
    );
  });

  it('makes a pick wave on schedule: one list per warehouse with orders waiting, each order once', async () => {
    const p = await createProduct(api.ds, { stock: { 'GZ-01': 30 } });
    const c = await createCustomer(api.ds, { region: 'SOUTH', city: '广州' });
    const placed = await api.data(PLACE_ORDER, { input: orderInput(c.gid, [{ sku: p.sku, quantity: 2 }]) });
    const orderId = Buffer.from(placed.placeOrder.order.id, 'base64url').toString().split(':')[1];
    const system = { principal: null, requestId: 'test-wave', clientIp: null };
    const wave = await api.services.pickLists.createWave(system);
    const gz = wave.find((l) => l.warehouseCode === 'GZ-01');
    assert.ok(gz, 'a list for GZ-01');
    const [{ orders }] = await api.ds.query(
      `SELECT array_agg(order_id) AS orders FROM shipment WHERE pick_list_id = $1`,
      [gz.id],
    );
    assert.ok(orders.includes(orderId));
    const again = await api.services.pickLists.createWave(system);
    assert.equal(
      again.find((l) => l.warehouseCode === 'GZ-01'),
      undefined,
      'nothing waits in GZ-01 any more',
    );
  });

  it('creates one list when two are created at once for the same orders, and lets one picker record a line', async () => {
    const town = city();
    const p = await createProduct(api.ds, { stock: { 'SH-01': 20 } });
    const orders = [
      await placeIn(town, [{ sku: p.sku, quantity: 1 }]),
      await placeIn(town, [{ sku: p.sku, quantity: 2 }]),
    ];
    const ids = orders.map((o) => o.id);
    const results = await Promise.all([
      api.data(CREATE, { i: { warehouseCode: 'SH-01', orderIds: ids } }),
      api.data(CREATE, { i: { warehouseCode: 'SH-01', orderIds: ids } }),
    ]);
    const won = results.filter((r) => r.createPickList.pickList);
    const lost = results.filter((r) => r.createPickList.userErrors.length);
    assert.equal(won.length, 1);
    assert.equal(lost[0].createPickList.userErrors[0].code, 'ORDER_NOT_PICKABLE');
    const l: List = won[0].createPickList.pickList;
    const [{ n }] = await api.ds.query(
      `SELECT count(*)::int AS n FROM shipment_line WHERE NOT released AND allocation_id IN
         (SELECT id FROM order_allocation WHERE order_id = ANY($1::uuid[]))`,
      [ids.map((g) => Buffer.from(g, 'base64url').toString().split(':')[1])],
    );
    assert.equal(n, 2);

    await api.data(START, { i: { pickListId: l.id } });
    const other = await api.loginAs('WAREHOUSE');
    const line = l.lines[0];
    const picks = await Promise.all([
      api.gql(RECORD, { i: { pickListId: l.id, lineId: line.id, picked: 3 } }),
      api.gql(RECORD, { i: { pickListId: l.id, lineId: line.id, picked: 3 } }, { authorization: `Bearer ${other}` }),
    ]);
    const codes = picks.map((r) => r.body.data.recordPick.userErrors[0]?.code ?? 'OK').sort();
    assert.deepEqual(codes, ['LINE_PICKED_BY_OTHER', 'OK']);
  });

  it('refuses bad picks with typed errors and changes nothing', async () => {
    const town = city();
    const p = await createProduct(api.ds, { stock: { 'SH-01': 20 } });
    await placeIn(town, [{ sku: p.sku, quantity: 4 }]);
    const l = await list(town);
    await api.data(START, { i: { pickListId: l.id } });
    const line = l.lines[0];
    const cases: [Record<string, unknown>, string, string][] = [
      [{ picked: 5 }, 'OVER_PICK', 'picked'],
      [{ picked: -1 }, 'INVALID_QUANTITY', 'picked'],
      [{ picked: 3 }, 'SHORT_REASON_REQUIRED', 'shortReason'],
      [
        { picked: 3, lineId: toGlobalId('PickListLine', '00000000-0000-0000-0000-000000000000') },
        'UNKNOWN_PICK_LINE',
        'lineId',
      ],
    ];
    for (const [extra, code, field] of cases) {
      const r = await api.data(RECORD, { i: { pickListId: l.id, lineId: line.id, ...extra } });
      assert.equal(r.recordPick.userErrors[0].code, code, JSON.stringify(extra));
      assert.deepEqual(r.recordPick.userErrors[0].field, ['input', field]);
    }
    const fractional = await api.gql(RECORD, { i: { pickListId: l.id, lineId: line.id, picked: 1.5 } });
    assert.ok(fractional.body.errors?.length, 'a fractional quantity is refused by the schema');
    const incomplete = await api.data(COMPLETE, { i: { pickListId: l.id } });
    assert.equal(incomplete.completePickList.userErrors[0].code, 'ILLEGAL_TRANSITION');
    assert.match(incomplete.completePickList.userErrors[0].message, /no picked quantity/);
    const [row] = await api.ds.query(
      `SELECT picked FROM pick_list_line WHERE pick_list_id = (SELECT id FROM pick_list WHERE number = $1)`,
      [l.number],
    );
    assert.equal(row.picked, null);
    const unknownWarehouse = await api.data(CREATE, { i: { warehouseCode: 'XX-99' } });
    assert.equal(unknownWarehouse.createPickList.userErrors[0].code, 'UNKNOWN_WAREHOUSE');
    const unknownOrder = await api.data(CREATE, { i: { warehouseCode: 'SH-01', orderIds: ['nope'] } });
    assert.equal(unknownOrder.createPickList.userErrors[0].code, 'NOT_FOUND');
  });

  it('settles short picks: written off, reserved elsewhere when possible, else back to BACKORDERED, and says so', async () => {
    const town = city();
    const movable = await createProduct(api.ds, { stock: { 'SH-01': 4, 'BJ-01': 10 } });
    const scarce = await createProduct(api.ds, { stock: { 'SH-01': 3 } });
    const moved = await placeIn(town, [{ sku: movable.sku, quantity: 4 }]);
    const sentBack = await placeIn(town, [{ sku: scarce.sku, quantity: 3 }], { allowBackorder: true });
    const l = await list(town);
    await api.data(START, { i: { pickListId: l.id } });
    for (const line of l.lines) {
      const short = line.sku === movable.sku ? 1 : 2;
      const r = await api.data(RECORD, {
        i: {
          pickListId: l.id,
          lineId: line.id,
          picked: line.required - short,
          shortReason: line.sku === movable.sku ? 'NOT_FOUND' : 'DAMAGED',
        },
      });
      assert.deepEqual(r.recordPick.userErrors, []);
    }
    const done = await api.data(COMPLETE, { i: { pickListId: l.id } });
    assert.deepEqual(done.completePickList.userErrors, []);
    const outcomes = Object.fromEntries(
      done.completePickList.orders.map(
        (x: { order: { number: string; status: string }; outcome: string; shipment: { status: string } }) => [
          x.order.number,
          [x.outcome, x.shipment.status, x.order.status],
        ],
      ),
    );
    assert.deepEqual(outcomes[moved.number], ['SHORT_REALLOCATED', 'PICKED', 'PICKING']);
    assert.deepEqual(outcomes[sentBack.number], ['SHORT_BACKORDERED', 'CANCELLED', 'BACKORDERED']);

    const m = await orderNode(moved.id);
    assert.deepEqual(
      m.allocations
        .filter((a: { status: string }) => a.status === 'RESERVED')
        .map((a: { warehouse: { code: string }; quantity: number }) => [a.warehouse.code, a.quantity])
        .sort(),
      [
        ['BJ-01', 1],
        ['SH-01', 3],
      ],
    );
    // The missing unit left the books in SH-01 (count adjustment); Beijing reserved one.
    assert.deepEqual(await levelOf(api.ds, movable.levels['SH-01']), { onHand: 3, reserved: 3, available: 0 });
    assert.deepEqual(await levelOf(api.ds, movable.levels['BJ-01']), { onHand: 10, reserved: 1, available: 9 });
    // 2 damaged written off, the 1 picked back on the shelf for the backorder.
    assert.deepEqual(await levelOf(api.ds, scarce.levels['SH-01']), { onHand: 1, reserved: 0, available: 1 });
    const [damage] = await api.ds.query(
      `SELECT reason, on_hand_delta FROM stock_movement WHERE stock_level_id = $1 AND reference = $2`,
      [scarce.levels['SH-01'], l.number],
    );
    assert.deepEqual(damage, { reason: 'DAMAGE', on_hand_delta: -2 });
    assert.deepEqual(await ledgerMismatches(api.ds), []);
  });

  it('sends back only the missing units when a short pick follows a part that already shipped', async () => {
    const town = city();
    const p = await createProduct(api.ds, { stock: { 'SH-01': 2, 'BJ-01': 1 } });
    const o = await placeIn(town, [{ sku: p.sku, quantity: 3 }], { allowBackorder: true });
    const sh = await list(town);
    await pickAll(sh);
    await api.data(COMPLETE, { i: { pickListId: sh.id } });
    const first = sh.shipments[0];
    await api.data(CHECK, { i: { shipmentId: first.id, items: [{ sku: p.sku, quantity: 2 }] } });
    await api.data(PACK, { i: { shipmentId: first.id, packages: [{ material: 'STRAPPED_CASE', weightG: 27_000 }] } });
    assert.deepEqual((await api.data(SHIP, { i: { shipmentId: first.id } })).shipOrder.userErrors, []);

    const bj = (await api.data(CREATE, { i: { warehouseCode: 'BJ-01', orderIds: [o.id] } })).createPickList.pickList;
    await api.data(START, { i: { pickListId: bj.id } });
    await api.data(RECORD, { i: { pickListId: bj.id, lineId: bj.lines[0].id, picked: 0, shortReason: 'NOT_FOUND' } });
    const done = await api.data(COMPLETE, { i: { pickListId: bj.id } });
    assert.equal(done.completePickList.orders[0].outcome, 'SHORT_BACKORDERED');
    assert.equal((await orderNode(o.id)).status, 'BACKORDERED');

    // Goods arrive: the backorder reserves the one missing unit, not the two that shipped.
    await api.data(`mutation($i: AdjustStockInput!) { adjustStock(input: $i) { ${ERR} } }`, {
      i: { sku: p.sku, warehouseCode: 'SH-01', delta: 5, reason: 'RECEIPT' },
    });
    const after = await orderNode(o.id);
    assert.equal(after.status, 'ALLOCATED');
    const sum = (status: string) =>
      after.allocations
        .filter((a: { status: string }) => a.status === status)
        .reduce((n: number, a: { quantity: number }) => n + a.quantity, 0);
    assert.deepEqual([sum('SHIPPED'), sum('RESERVED'), sum('WRITTEN_OFF')], [2, 1, 1]);
    assert.deepEqual(await ledgerMismatches(api.ds), []);
  });

  it('returns the units of an order cancelled while packed; of two packers, or of shipping and cancelling at once, one wins', async () => {
    const town = city();
    const p = await createProduct(api.ds, { stock: { 'SH-01': 10 } });
    const a = await placeIn(town, [{ sku: p.sku, quantity: 2 }]);
    const b = await placeIn(town, [{ sku: p.sku, quantity: 3 }]);
    const l = await list(town);
    await pickAll(l);
    await api.data(COMPLETE, { i: { pickListId: l.id } });
    const sa = l.shipments.find((s) => s.order.id === a.id)!;
    const sb = l.shipments.find((s) => s.order.id === b.id)!;
    await api.data(CHECK, { i: { shipmentId: sa.id, items: [{ sku: p.sku, quantity: 2 }] } });
    await api.data(PACK, { i: { shipmentId: sa.id, packages: [{ material: 'STRAPPED_CASE', weightG: 26_000 }] } });
    const cancelled = await api.data(CANCEL_ORDER, { id: a.id, r: '客户取消' });
    assert.deepEqual(cancelled.cancelOrder.userErrors, []);
    assert.deepEqual(
      (await orderNode(a.id)).shipments.map((s: { status: string; outcome: string }) => [s.status, s.outcome]),
      [['CANCELLED', 'ORDER_CANCELLED']],
    );
    assert.deepEqual(await levelOf(api.ds, p.levels['SH-01']), { onHand: 10, reserved: 3, available: 7 });

    // Two packers at once: one packs, the other is told the shipment is no longer CHECKED.
    await api.data(CHECK, { i: { shipmentId: sb.id, items: [{ sku: p.sku, quantity: 3 }] } });
    const box = { material: 'STRAPPED_CASE', weightG: 39_000 };
    const packs = await Promise.all([
      api.data(PACK, { i: { shipmentId: sb.id, packages: [box] } }),
      api.data(PACK, { i: { shipmentId: sb.id, packages: [box, box] } }),
    ]);
    assert.deepEqual(packs.map((r) => r.packOrder.userErrors[0]?.code ?? 'OK').sort(), ['ILLEGAL_TRANSITION', 'OK']);
    const [{ n }] = await api.ds.query(
      `SELECT count(*)::int AS n FROM package WHERE shipment_id IN
      (SELECT id FROM shipment WHERE number = $1)`,
      [sb.number],
    );
    assert.equal(n, packs.find((r) => !r.packOrder.userErrors.length)!.packOrder.shipment.packages.length);

    // Cancelling races shipping: either the order is cancelled and nothing ships, or it ships and the cancel is refused.
    const [ship, cancel] = await Promise.all([
      api.data(SHIP, { i: { shipmentId: sb.id } }),
      api.data(CANCEL_ORDER, { id: b.id, r: '客户取消' }),
    ]);
    const shippedFirst = ship.shipOrder.userErrors.length === 0;
    if (shippedFirst) assert.equal(cancel.cancelOrder.userErrors[0].code, 'ILLEGAL_TRANSITION');
    else {
      assert.equal(ship.shipOrder.userErrors[0].code, 'ILLEGAL_TRANSITION');
      assert.deepEqual(cancel.cancelOrder.userErrors, []);
    }
    assert.equal((await orderNode(b.id)).status, shippedFirst ? 'SHIPPED' : 'CANCELLED');
    assert.deepEqual(
      await levelOf(api.ds, p.levels['SH-01']),
      shippedFirst ? { onHand: 7, reserved: 0, available: 7 } : { onHand: 10, reserved: 0, available: 10 },
    );
    assert.deepEqual(await ledgerMismatches(api.ds), []);
  });
});
