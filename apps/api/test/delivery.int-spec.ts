import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { localId, toGlobalId } from '../src/common/global-id';
import { demoSignaturePng } from '../src/demo/signature-png';
import { createCustomer, createProduct, createWarehouses, orderInput, PLACE_ORDER } from './factories';
import { settle, startTestApi, subscribe, TestApi } from './helpers';

const ERR = 'userErrors { code field message }';
const DELIVERY = `id number status zone units stopSeq locked eta lateRisk windowStart windowEnd trackingToken
  address { contactName phone address city } position { lat lng }
  exception { reason note } proof { kind contentType byteSize sha256 recipientName imageDataUrl }
  run { id number } order { id number status } events { sequence type toStatus reason }`;
const RUN = `id number status zone units courier { id code } overrideReason
  stops { id number stopSeq status eta }
  courierChoice { courier { code } eligible excludedBecause rank points { distance load onTime total } }
  events { type toStatus reason }`;
const PLAN = `mutation($i: PlanDeliveriesInput!) { planDeliveries(input: $i) { runs { ${RUN} } unplanned { delivery { number } reason } ${ERR} } }`;
const ASSIGN = `mutation($i: AssignDeliveryRunInput!) { assignDeliveryRun(input: $i) { run { ${RUN} } ${ERR} } }`;
const MOVE = `mutation($i: MoveDeliveryStopInput!) { moveDeliveryStop(input: $i) { run { ${RUN} } ${ERR} } }`;
const START = `mutation($i: StartDeliveryRunInput!) { startDeliveryRun(input: $i) { run { ${RUN} } ${ERR} } }`;
const POSITIONS = `mutation($i: ReportCourierPositionsInput!) { reportCourierPositions(input: $i) { accepted duplicates ${ERR} } }`;
const CONFIRM = `mutation($i: ConfirmDeliveryInput!) { confirmDelivery(input: $i) { delivery { id number status } ${ERR} } }`;
const EXCEPTION = `mutation($i: ReportDeliveryExceptionInput!) { reportDeliveryException(input: $i) { delivery { ${DELIVERY} } ${ERR} } }`;
const REPLAN = `mutation($i: ReplanDeliveryInput!) { replanDelivery(input: $i) { delivery { ${DELIVERY} } ${ERR} } }`;
const RATE = `mutation($i: RateDeliveryInput!) { rateDelivery(input: $i) { ${ERR} } }`;
const TRACK = `query($t: String!) { deliveryTracking(token: $t) { number status zone eta stopsBefore courierNear { lat lng } canRate rating } }`;
const BLOCK = `mutation($i: BlockAreaInput!) { blockArea(input: $i) { area { zone centre { lat lng } radiusM } affected { number status } ${ERR} } }`;
const UNBLOCK = `mutation($i: UnblockAreaInput!) { unblockArea(input: $i) { area { zone unblockedAt } ${ERR} } }`;
const DELIVERY_OF = `query($id: ID!) { delivery(id: $id) { ${DELIVERY} } }`;

/** A tiny JPEG header: enough bytes for the type check (the stored bytes are what was sent). */
const JPEG = `data:image/jpeg;base64,${Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46]).toString('base64')}`;

describe('last-mile delivery', () => {
  let api: TestApi;
  let courierToken: string;
  let dispatcherToken: string;
  const couriers: Record<string, string> = {};
  let street = 0;

  before(async () => {
    api = await startTestApi();
    await createWarehouses(api.ds);
    await api.data(`mutation($i: CreateCarrierInput!) { createCarrier(input: $i) { ${ERR} } }`, {
      i: {
        code: 'OWN-FLEET',
        name: '自有车队',
        kind: 'OWN_FLEET',
        regions: ['EAST'],
        methods: ['EXPRESS', 'FREIGHT'],
        trackingPrefix: 'OF',
        basePrice: '5.00',
        perKg: '0.50',
        transitDays: 1,
      },
    });
    const [user] = await api.ds.query(`SELECT id FROM staff_user WHERE email = 'courier@demo.local'`);
    // Couriers in Shanghai: the demo courier's van over Pudong, a tricycle over Pudong and Xuhui, an
    // e-bike for the whole city, and one whose shift has not started (never eligible).
    for (const [code, kind, units, zones, start, end, userId] of [
      ['SH-C01', 'VAN', 120, ['上海浦东新区'], '00:00', '23:59', toGlobalId('User', user.id)],
      ['SH-C02', 'TRICYCLE', 40, ['上海浦东新区', '上海徐汇区'], '00:00', '23:59', null],
      ['SH-C03', 'E_BIKE', 30, ['上海'], '00:00', '23:59', null],
      ['SH-C04', 'E_BIKE', 30, ['上海'], '23:58', '23:59', null],
    ] as const) {
      const v = await api.data(
        `mutation($i: CreateVehicleInput!) { createVehicle(input: $i) { vehicle { id } ${ERR} } }`,
        {
          i: { code: `沪A·${code}`, kind, capacityUnits: units, capacityKg: units * 10 },
        },
      );
      const c = await api.data(
        `mutation($i: CreateCourierInput!) { createCourier(input: $i) { courier { id } ${ERR} } }`,
        {
          i: {
            code,
            name: `快递员${code}`,
            phone: '13900001111',
            warehouseCode: 'SH-01',
            vehicleId: v.createVehicle.vehicle.id,
            zones,
            shiftStart: start,
            shiftEnd: end,
            userId,
          },
        },
      );
      assert.deepEqual(c.createCourier.userErrors, []);
      couriers[code] = c.createCourier.courier.id;
      await api.data(`mutation($i: UpdateCourierInput!) { updateCourier(input: $i) { ${ERR} } }`, {
        i: { courierId: c.createCourier.courier.id, state: 'AVAILABLE' },
      });
    }
    courierToken = await api.loginAs('COURIER');
    dispatcherToken = await api.loginAs('DISPATCHER');
  });
  after(() => api.stop());

  const as = (token: string) => ({ authorization: `Bearer ${token}` });

  /** Orders to Shanghai addresses in `district`, taken through the floor and shipped with the own fleet. */
  async function shipOwnFleet(district: string, count: number, extra: Record<string, unknown> = {}) {
    const p = await createProduct(api.ds, { stock: { 'SH-01': 500 } });
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const c = await createCustomer(api.ds, { region: 'EAST', city: '上海' });
      const r = await api.data(PLACE_ORDER, {
        input: orderInput(c.gid, [{ sku: p.sku, quantity: 2 }], {
          deliveryAddress: {
            contactName: '李娜',
            phone: '13812345678',
            address: `${district}测试路${++street}号`,
            city: '上海',
            region: 'EAST',
          },
          ...extra,
        }),
      });
      assert.deepEqual(r.placeOrder.userErrors, []);
      ids.push(r.placeOrder.order.id);
    }
    const list = (
      await api.data(
        `mutation($i: CreatePickListInput!) { createPickList(input: $i) { pickList { id lines { id required } shipments { id } } ${ERR} } }`,
        { i: { warehouseCode: 'SH-01', orderIds: ids } },
      )
    ).createPickList.pickList;
    await api.data(`mutation($i: PickListActionInput!) { startPickList(input: $i) { ${ERR} } }`, {
      i: { pickListId: list.id },
    });
    for (const l of list.lines)
      await api.data(`mutation($i: RecordPickInput!) { recordPick(input: $i) { ${ERR} } }`, {
        i: { pickListId: list.id, lineId: l.id, picked: l.required },
      });
    await api.data(`mutation($i: PickListActionInput!) { completePickList(input: $i) { ${ERR} } }`, {
      i: { pickListId: list.id },
    });
    for (const s of list.shipments) {
      await api.data(`mutation($i: CheckOrderInput!) { checkOrder(input: $i) { ${ERR} } }`, {
        i: { shipmentId: s.id, items: [{ sku: p.sku, quantity: 2 }] },
      });
      await api.data(`mutation($i: PackOrderInput!) { packOrder(input: $i) { ${ERR} } }`, {
        i: { shipmentId: s.id, packages: [{ material: 'CARTON', weightG: 1200 }] },
      });
      const shipped = await api.data(`mutation($i: ShipOrderInput!) { shipOrder(input: $i) { ${ERR} } }`, {
        i: { shipmentId: s.id, carrierCode: 'OWN-FLEET' },
      });
      assert.deepEqual(shipped.shipOrder.userErrors, []);
    }
    return ids;
  }

  async function deliveriesOf(orderIds: string[]) {
    const out = [];
    for (const id of orderIds) {
      const o = await api.data(
        `query($id: ID!) { node(id: $id) { ... on Order { status deliveries { ${DELIVERY} } } } }`,
        {
          id,
        },
      );
      out.push(...o.node.deliveries);
    }
    return out;
  }

  async function plannedRun(district: string, count: number) {
    const ids = await shipOwnFleet(district, count);
    const plan = await api.data(PLAN, { i: { zone: `上海${district}` } });
    assert.deepEqual(plan.planDeliveries.userErrors, []);
    return { ids, run: plan.planDeliveries.runs[0] };
  }

  it('turns own-fleet shipments into deliveries, plans a zone into a run and assigns the best-ranked courier, keeping the breakdown', async () => {
    const ids = await shipOwnFleet('浦东新区', 4);
    const ds = await deliveriesOf(ids);
    assert.equal(ds.length, 4);
    for (const d of ds) {
      assert.equal(d.status, 'UNASSIGNED');
      assert.equal(d.zone, '上海浦东新区');
      assert.equal(d.events[0].type, 'CREATED');
      assert.ok(Math.abs(d.position.lat - 31.23) < 0.3, 'placed in Shanghai');
    }

    const plan = await api.data(PLAN, { i: { zone: '上海浦东新区' } });
    assert.deepEqual(plan.planDeliveries.userErrors, []);
    assert.equal(plan.planDeliveries.runs.length, 1, '8 units fit one vehicle');
    const run = plan.planDeliveries.runs[0];
    assert.equal(run.status, 'PLANNED');
    assert.deepEqual(
      run.stops.map((s: { stopSeq: number }) => s.stopSeq),
      [1, 2, 3, 4],
    );
    assert.ok(run.stops.every((s: { status: string; eta: string }) => s.status === 'ASSIGNED' && s.eta));
    const choice = run.courierChoice as {
      courier: { code: string };
      eligible: boolean;
      excludedBecause: string;
      rank: number;
    }[];
    assert.equal(choice[0].rank, 1);
    assert.equal(run.courier.code, choice[0].courier.code);
    assert.match(choice.find((c) => c.courier.code === 'SH-C04')!.excludedBecause, /shift/);
    assert.deepEqual(
      run.events.map((e: { type: string }) => e.type),
      ['CREATED', 'ASSIGNED'],
    );
    const again = await api.data(PLAN, { i: { zone: '上海浦东新区' } });
    assert.equal(again.planDeliveries.userErrors[0].code, 'NOTHING_TO_PLAN');
  });

  it('lets one of two dispatchers assigning the same run at once win; the other gets STALE_ASSIGNMENT', async () => {
    const { run } = await plannedRun('浦东新区', 2);
    const seen = run.courier.id;
    const others = ['SH-C01', 'SH-C02', 'SH-C03'].map((c) => couriers[c]).filter((id) => id !== seen);
    const results = await Promise.all(
      others.map((courierId) =>
        api.gql(
          ASSIGN,
          { i: { runId: run.id, courierId, replacingCourierId: seen, reason: 'closer' } },
          as(dispatcherToken),
        ),
      ),
    );
    const errors = results.map((r) => r.body.data.assignDeliveryRun.userErrors);
    assert.equal(errors.filter((e) => e.length === 0).length, 1, JSON.stringify(errors));
    assert.deepEqual(
      errors.flat().map((e: { code: string }) => e.code),
      ['STALE_ASSIGNMENT'],
    );
    const now = (await api.data(`query($id: ID!) { deliveryRun(id: $id) { ${RUN} } }`, { id: run.id })).deliveryRun;
    assert.notEqual(now.courier.id, seen);
    assert.equal(now.overrideReason, 'closer', 'the dispatcher’s reason is kept with the run');
    assert.equal(now.events.at(-1).type, 'ASSIGNED');

    const offShift = await api.data(ASSIGN, {
      i: { runId: run.id, courierId: couriers['SH-C04'], replacingCourierId: now.courier.id, reason: 'x' },
    });
    assert.equal(offShift.assignDeliveryRun.userErrors[0].code, 'COURIER_NOT_ELIGIBLE');
    const [audit] = await api.ds.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'ASSIGN_DELIVERY_RUN' AND outcome = 'SUCCESS'`,
    );
    assert.equal(audit.n, 1, 'the assignment is audited, the refused ones are not successes');
  });

  it('locks a stop at the place a dispatcher gives it, the stops before it too', async () => {
    const { run } = await plannedRun('黄浦区', 4);
    const last = run.stops[3];
    const moved = await api.data(MOVE, {
      i: { deliveryId: last.id, runId: run.id, stop: 1, locked: true, reason: '客户要求先送' },
    });
    assert.deepEqual(moved.moveDeliveryStop.userErrors, []);
    const stops = moved.moveDeliveryStop.run.stops;
    assert.equal(stops[0].id, last.id);
    const d = (await api.data(DELIVERY_OF, { id: last.id })).delivery;
    assert.equal(d.locked, true);
    assert.equal(moved.moveDeliveryStop.run.events.at(-1).type, 'RESEQUENCED');
  });

  it('drives a run: positions stored once per timestamp (repeats and late points harmless), the map hears the newest, proof checked, the order delivered', async () => {
    const { ids, run } = await plannedRun('浦东新区', 2);
    // The demo courier drives it.
    const seen = run.courier?.id ?? null;
    if (seen !== couriers['SH-C01'])
      assert.deepEqual(
        (
          await api.data(ASSIGN, {
            i: { runId: run.id, courierId: couriers['SH-C01'], replacingCourierId: seen, reason: 'demo courier' },
          })
        ).assignDeliveryRun.userErrors,
        [],
      );
    const ws = api.ws();
    const moves = subscribe(
      ws,
      `subscription($r: ID) { courierMoved(runId: $r) { courierCode lat lng recordedAt etas { deliveryId eta } } }`,
      {
        r: run.id,
      },
    );
    const orderEvents = subscribe(ws, `subscription($o: ID) { orderStatusChanged(orderId: $o) { toStatus type } }`, {
      o: ids[0],
    });
    await settle();

    const started = await api.gql(START, { i: { runId: run.id } }, as(courierToken));
    assert.deepEqual(started.body.data.startDeliveryRun.userErrors, []);
    assert.ok(
      started.body.data.startDeliveryRun.run.stops.every((s: { status: string }) => s.status === 'OUT_FOR_DELIVERY'),
    );

    const t0 = Date.now() - 60_000;
    const pts = [0, 1, 2].map((i) => ({
      lat: 31.2 + i * 0.001,
      lng: 121.5,
      recordedAt: new Date(t0 + i * 5000).toISOString(),
    }));
    const etasOfRun = async () =>
      (
        await api.ds.query(`SELECT id, eta FROM delivery WHERE run_id = $1 ORDER BY id`, [
          localId(run.id, 'DeliveryRun'),
        ])
      ).map((d: { id: string; eta: Date | null }) => `${d.id}@${d.eta?.getTime() ?? '-'}`);
    const plannedEtas = await etasOfRun();
    const first = await api.gql(POSITIONS, { i: { positions: [pts[0], pts[2]] } }, as(courierToken));
    assert.deepEqual(first.body.data.reportCourierPositions, { accepted: 2, duplicates: 0, userErrors: [] });
    // A retry of the same batch plus a late point recorded between them.
    const retry = await api.gql(POSITIONS, { i: { positions: [pts[2], pts[1], pts[0]] } }, as(courierToken));
    assert.deepEqual(retry.body.data.reportCourierPositions, { accepted: 1, duplicates: 2, userErrors: [] });
    const [{ n }] = await api.ds.query(
      `SELECT count(*)::int AS n FROM courier_position WHERE courier_id = (SELECT id FROM courier WHERE code = 'SH-C01')`,
    );
    assert.equal(n, 3);
    const heard = await moves.waitFor(1);
    assert.equal(heard[0].courierMoved.lat, pts[2].lat, 'the newest point, not the late one');
    // An ETA is the courier's arrival or the window's start, whichever is later: before a window opens it
    // may stay the planned one (the map hears only ETAs that changed); once it is open it moves with the
    // courier. Which case a run is in depends on the time of day it runs.
    const etasMoved = JSON.stringify(await etasOfRun()) !== JSON.stringify(plannedEtas);
    assert.equal(heard[0].courierMoved.etas.length > 0, etasMoved, 'the map hears the ETAs that changed, only those');
    const [{ open }] = await api.ds.query(`SELECT min(window_start) <= now() AS open FROM delivery WHERE run_id = $1`, [
      localId(run.id, 'DeliveryRun'),
    ]);
    if (open) assert.ok(heard[0].courierMoved.etas.length > 0, 'ETAs recomputed from the position');
    await settle(300);
    assert.equal(moves.items.length, 1, 'a late point does not move the courier back');

    const far = await api.gql(
      POSITIONS,
      {
        i: { positions: [{ lat: 31.2, lng: 121.5, recordedAt: new Date(Date.now() - 3 * 86_400_000).toISOString() }] },
      },
      as(courierToken),
    );
    assert.equal(far.body.data.reportCourierPositions.userErrors[0].code, 'POSITION_OUT_OF_RANGE');

    const stop = run.stops[0];
    const tooBig = await api.gql(
      CONFIRM,
      {
        i: {
          deliveryId: stop.id,
          kind: 'SIGNATURE',
          image: `data:image/png;base64,${Buffer.alloc(520 * 1024, 1).toString('base64')}`,
        },
      },
      as(courierToken),
    );
    assert.equal(tooBig.status, 200);
    assert.equal(tooBig.body.data.confirmDelivery.userErrors[0].code, 'PROOF_TOO_LARGE');
    const notImage = await api.gql(
      CONFIRM,
      { i: { deliveryId: stop.id, kind: 'SIGNATURE', image: Buffer.from('<svg onload=alert(1)>').toString('base64') } },
      as(courierToken),
    );
    assert.equal(notImage.body.data.confirmDelivery.userErrors[0].code, 'PROOF_NOT_IMAGE');
    const contactlessWithoutNote = await api.gql(
      CONFIRM,
      { i: { deliveryId: stop.id, kind: 'CONTACTLESS', image: JPEG } },
      as(courierToken),
    );
    assert.equal(contactlessWithoutNote.body.data.confirmDelivery.userErrors[0].field.join('.'), 'input.note');

    const png = demoSignaturePng(7);
    const signed = await api.gql(
      CONFIRM,
      { i: { deliveryId: stop.id, kind: 'SIGNATURE', image: png, recipientName: '李娜', lat: 31.2, lng: 121.5 } },
      as(courierToken),
    );
    assert.deepEqual(signed.body.data.confirmDelivery.userErrors, []);
    const d = (await api.data(DELIVERY_OF, { id: stop.id })).delivery;
    assert.equal(d.status, 'DELIVERED');
    assert.equal(d.proof.kind, 'SIGNATURE');
    assert.equal(d.proof.contentType, 'image/png');
    assert.equal(d.proof.imageDataUrl, png);
    const again = await api.gql(
      CONFIRM,
      { i: { deliveryId: stop.id, kind: 'SIGNATURE', image: png } },
      as(courierToken),
    );
    assert.equal(again.body.data.confirmDelivery.userErrors[0].code, 'ILLEGAL_TRANSITION');

    const orderOf = async (id: string) =>
      (await api.data(`query($id: ID!) { node(id: $id) { ... on Order { status } } }`, { id })).node.status;
    const delivered = (await deliveriesOf([ids[0]]))[0].order.status === 'DELIVERED' ? ids[0] : ids[1];
    assert.equal(await orderOf(delivered), 'DELIVERED');
    // The other stop: contactless with a photo; then the run is complete and the courier free again.
    const other = run.stops[1];
    const left = await api.gql(
      CONFIRM,
      { i: { deliveryId: other.id, kind: 'CONTACTLESS', image: JPEG, note: '放门口' } },
      as(courierToken),
    );
    assert.deepEqual(left.body.data.confirmDelivery.userErrors, []);
    const done = await api.data(`query($id: ID!) { deliveryRun(id: $id) { status courier { state } } }`, {
      id: run.id,
    });
    assert.deepEqual(done.deliveryRun, { status: 'COMPLETED', courier: { state: 'AVAILABLE' } });
    const statuses = (await orderEvents.waitFor(2)).map(
      (e: { orderStatusChanged: { toStatus: string } }) => e.orderStatusChanged.toStatus,
    );
    assert.ok(statuses.includes('OUT_FOR_DELIVERY') && statuses.includes('DELIVERED'), statuses.join());
  });

  it('refuses a courier working another courier’s run', async () => {
    const { run } = await plannedRun('浦东新区', 1);
    const seen = run.courier?.id ?? null;
    await api.data(ASSIGN, {
      i: { runId: run.id, courierId: couriers['SH-C02'], replacingCourierId: seen, reason: 'C02' },
    });
    const start = await api.gql(START, { i: { runId: run.id } }, as(courierToken));
    assert.equal(start.body.data.startDeliveryRun.userErrors[0].code, 'NOT_YOUR_RUN');
    const pos = await api.gql(
      POSITIONS,
      { i: { runId: run.id, positions: [{ lat: 31.2, lng: 121.5, recordedAt: new Date().toISOString() }] } },
      as(courierToken),
    );
    assert.equal(pos.body.data.reportCourierPositions.userErrors[0].code, 'NOT_YOUR_RUN');
    const forOther = await api.gql(
      POSITIONS,
      {
        i: {
          courierId: couriers['SH-C02'],
          positions: [{ lat: 31.2, lng: 121.5, recordedAt: new Date().toISOString() }],
        },
      },
      as(courierToken),
    );
    assert.equal(forOther.body.data.reportCourierPositions.userErrors[0].code, 'NOT_YOUR_RUN');
    assert.deepEqual((await api.data(START, { i: { runId: run.id } })).startDeliveryRun.userErrors, []);
    const confirm = await api.gql(
      CONFIRM,
      { i: { deliveryId: run.stops[0].id, kind: 'SIGNATURE', image: demoSignaturePng(1) } },
      as(courierToken),
    );
    assert.equal(confirm.body.data.confirmDelivery.userErrors[0].code, 'NOT_YOUR_RUN');
    const warehouse = await api.gql(START, { i: { runId: run.id } }, as(await api.loginAs('WAREHOUSE')));
    assert.equal(warehouse.body.errors?.[0].extensions?.code, 'FORBIDDEN');
    // A courier drives one run at a time; a dispatcher may deliver on its behalf.
    const second = await plannedRun('徐汇区', 1);
    if (second.run.courier?.id !== couriers['SH-C02'])
      await api.data(ASSIGN, {
        i: {
          runId: second.run.id,
          courierId: couriers['SH-C02'],
          replacingCourierId: second.run.courier?.id ?? null,
          reason: 'C02',
        },
      });
    const busy = await api.data(START, { i: { runId: second.run.id } });
    assert.equal(busy.startDeliveryRun.userErrors[0].code, 'ILLEGAL_TRANSITION');
    assert.match(busy.startDeliveryRun.userErrors[0].message, /still driving/);
    const forCourier = await api.gql(
      CONFIRM,
      { i: { deliveryId: run.stops[0].id, kind: 'SIGNATURE', image: demoSignaturePng(2) } },
      as(dispatcherToken),
    );
    assert.deepEqual(forCourier.body.data.confirmDelivery.userErrors, []);
    assert.deepEqual((await api.data(START, { i: { runId: second.run.id } })).startDeliveryRun.userErrors, []);
    await api.data(CONFIRM, {
      i: { deliveryId: second.run.stops[0].id, kind: 'SIGNATURE', image: demoSignaturePng(4) },
    });
  });

  it('tells the customer of an exception and re-plans it in a new window', async () => {
    const { ids, run } = await plannedRun('徐汇区', 1);
    const ws = api.ws(`Bearer ${dispatcherToken}`);
    const ofRun = subscribe(
      ws,
      `subscription($r: ID) { deliveryChanged(runId: $r) { deliveryId type toStatus reason } }`,
      {
        r: run.id,
      },
    );
    const runEvents = subscribe(ws, `subscription { deliveryRunChanged { deliveryRunId type toStatus } }`);
    await settle();
    assert.deepEqual((await api.data(START, { i: { runId: run.id } })).startDeliveryRun.userErrors, []);
    const out = await ofRun.waitFor(1);
    assert.deepEqual(
      [out[0].deliveryChanged.deliveryId, out[0].deliveryChanged.toStatus],
      [run.stops[0].id, 'OUT_FOR_DELIVERY'],
    );
    const started = await runEvents.waitFor(1);
    assert.deepEqual(
      [started[0].deliveryRunChanged.deliveryRunId, started[0].deliveryRunChanged.toStatus],
      [run.id, 'IN_PROGRESS'],
    );
    const ex = await api.data(EXCEPTION, {
      i: { deliveryId: run.stops[0].id, reason: 'CUSTOMER_ABSENT', note: '电话无人接听' },
    });
    assert.deepEqual(ex.reportDeliveryException.userErrors, []);
    assert.equal(ex.reportDeliveryException.delivery.status, 'EXCEPTION');
    const heard = await ofRun.waitFor(2);
    assert.equal(heard[1].deliveryChanged.toStatus, 'EXCEPTION');
    // The run's only stop ended: the run completed, heard live too.
    const completed = await runEvents.waitFor(2);
    assert.equal(completed[1].deliveryRunChanged.toStatus, 'COMPLETED');
    const order = await api.data(
      `query($id: ID!) { node(id: $id) { ... on Order { status events { type reason } } } }`,
      { id: ids[0] },
    );
    assert.ok(
      order.node.events.some(
        (e: { type: string; reason: string }) => e.type === 'DELIVERY_UPDATE' && /CUSTOMER_ABSENT/.test(e.reason),
      ),
    );
    const bad = await api.data(REPLAN, { i: { deliveryId: run.stops[0].id, action: 'NEW_WINDOW', reason: '改约' } });
    assert.equal(bad.replanDelivery.userErrors[0].code, 'INVALID_INPUT');
    const start = new Date(Date.now() + 3_600_000);
    const end = new Date(Date.now() + 3 * 3_600_000);
    const r = await api.data(REPLAN, {
      i: {
        deliveryId: run.stops[0].id,
        action: 'NEW_WINDOW',
        windowStart: start.toISOString(),
        windowEnd: end.toISOString(),
        reason: '改约明天',
      },
    });
    assert.deepEqual(r.replanDelivery.userErrors, []);
    assert.equal(r.replanDelivery.delivery.status, 'UNASSIGNED');
    assert.equal(new Date(r.replanDelivery.delivery.windowEnd).getTime(), end.getTime());
    const runAfter = await api.data(`query($id: ID!) { deliveryRun(id: $id) { status } }`, { id: run.id });
    assert.equal(runAfter.deliveryRun.status, 'COMPLETED', 'its only stop ended');
  });

  it('holds new orders to a blocked area and takes planned deliveries there off their runs until it opens', async () => {
    const { run } = await plannedRun('长宁区', 2);
    const areas = subscribe(api.ws(), `subscription { blockedAreaChanged { zone blocked reason } }`);
    await settle();
    const blocked = await api.data(BLOCK, { i: { zone: '上海长宁区', reason: '疫情封控' } });
    assert.deepEqual((await areas.waitFor(1))[0].blockedAreaChanged, {
      zone: '上海长宁区',
      blocked: true,
      reason: '疫情封控',
    });
    assert.deepEqual(blocked.blockArea.userErrors, []);
    assert.equal(blocked.blockArea.affected.length, 2);
    assert.ok(blocked.blockArea.affected.every((d: { status: string }) => d.status === 'UNASSIGNED'));
    assert.ok(blocked.blockArea.area.radiusM > 0);
    const zones = (await api.data(`{ deliveryZones(city: "上海") { zone district centre { lat lng } radiusM } }`))
      .deliveryZones as { zone: string; centre: { lat: number; lng: number }; radiusM: number }[];
    assert.equal(zones.length, 16);
    const changning = zones.find((z) => z.zone === '上海长宁区')!;
    assert.deepEqual(
      [changning.centre, changning.radiusM],
      [blocked.blockArea.area.centre, blocked.blockArea.area.radiusM],
    );
    const runAfter = await api.data(`query($id: ID!) { deliveryRun(id: $id) { status } }`, { id: run.id });
    assert.equal(runAfter.deliveryRun.status, 'CANCELLED');
    assert.equal(
      (await api.data(BLOCK, { i: { zone: '上海长宁区', reason: 'again' } })).blockArea.userErrors[0].code,
      'AREA_ALREADY_BLOCKED',
    );
    assert.equal(
      (await api.data(BLOCK, { i: { zone: '上海不存在区', reason: 'x' } })).blockArea.userErrors[0].code,
      'UNKNOWN_ZONE',
    );
    assert.equal(
      (await api.data(PLAN, { i: { zone: '上海长宁区' } })).planDeliveries.userErrors[0].code,
      'NOTHING_TO_PLAN',
    );

    const p = await createProduct(api.ds, { stock: { 'SH-01': 10 } });
    const c = await createCustomer(api.ds, { region: 'EAST', city: '上海' });
    const held = await api.data(PLACE_ORDER, {
      input: orderInput(c.gid, [{ sku: p.sku, quantity: 1 }], {
        deliveryAddress: {
          contactName: '王',
          phone: '13800000000',
          address: '长宁区天山路1号',
          city: '上海',
          region: 'EAST',
        },
      }),
    });
    assert.equal(held.placeOrder.order.status, 'PENDING_REVIEW');
    assert.deepEqual(held.placeOrder.order.holdReasons, ['DELIVERY_AREA_BLOCKED']);

    assert.deepEqual((await api.data(UNBLOCK, { i: { zone: '上海长宁区' } })).unblockArea.userErrors, []);
    assert.equal((await areas.waitFor(2))[1].blockedAreaChanged.blocked, false);
    assert.equal(
      (await api.data(UNBLOCK, { i: { zone: '上海长宁区' } })).unblockArea.userErrors[0].code,
      'AREA_NOT_BLOCKED',
    );
    const replanned = await api.data(PLAN, { i: { zone: '上海长宁区' } });
    assert.deepEqual(replanned.planDeliveries.userErrors, []);
  });

  it('shows the customer’s tracking link without personal data, and takes one rating after delivery', async () => {
    const { run } = await plannedRun('闵行区', 1);
    const token = (await api.data(DELIVERY_OF, { id: run.stops[0].id })).delivery.trackingToken;
    assert.ok(token.length >= 20);
    const anonymous = { authorization: '' };
    const planned = await api.gql(TRACK, { t: token }, anonymous);
    assert.equal(planned.body.data.deliveryTracking.status, 'ASSIGNED');
    assert.equal(planned.body.data.deliveryTracking.courierNear, null);
    assert.doesNotMatch(JSON.stringify(planned.body), /李娜|138|测试路/);
    assert.equal((await api.gql(TRACK, { t: 'no-such-token' }, anonymous)).body.data.deliveryTracking, null);

    await api.data(START, { i: { runId: run.id } });
    const courierId = (await api.data(`query($id: ID!) { deliveryRun(id: $id) { courier { id } } }`, { id: run.id }))
      .deliveryRun.courier.id;
    await api.data(POSITIONS, {
      i: { courierId, positions: [{ lat: 31.123456, lng: 121.456789, recordedAt: new Date().toISOString() }] },
    });
    const out = (await api.gql(TRACK, { t: token }, anonymous)).body.data.deliveryTracking;
    assert.equal(out.status, 'OUT_FOR_DELIVERY');
    assert.deepEqual(out.courierNear, { lat: 31.12, lng: 121.46 }, 'about a kilometre, not the exact spot');
    const early = await api.gql(RATE, { i: { trackingToken: token, rating: 5 } }, anonymous);
    assert.equal(early.body.data.rateDelivery.userErrors[0].code, 'NOT_DELIVERED');

    await api.data(CONFIRM, { i: { deliveryId: run.stops[0].id, kind: 'SIGNATURE', image: demoSignaturePng(3) } });
    const rated = await api.gql(RATE, { i: { trackingToken: token, rating: 4, comment: '很快' } }, anonymous);
    assert.deepEqual(rated.body.data.rateDelivery.userErrors, []);
    const twice = await api.gql(RATE, { i: { trackingToken: token, rating: 1 } }, anonymous);
    assert.equal(twice.body.data.rateDelivery.userErrors[0].code, 'ALREADY_RATED');
    const after = (await api.gql(TRACK, { t: token }, anonymous)).body.data.deliveryTracking;
    assert.deepEqual([after.status, after.canRate, after.rating], ['DELIVERED', false, 4]);
  });

  it('shows a courier only the addresses of its own runs', async () => {
    const { run } = await plannedRun('浦东新区', 1);
    const seen = run.courier?.id ?? null;
    await api.data(ASSIGN, {
      i: { runId: run.id, courierId: couriers['SH-C01'], replacingCourierId: seen, reason: 'demo courier' },
    });
    const mine = await api.gql(
      `{ myCourier { code openRuns { id stops { address { address phone } } } } }`,
      {},
      as(courierToken),
    );
    const stops = mine.body.data.myCourier.openRuns.flatMap(
      (r: { stops: { address: { address: string } }[] }) => r.stops,
    );
    assert.ok(
      stops.some((s: { address: { address: string } }) => /测试路\d+号/.test(s.address.address)),
      'full address',
    );
    const asService = await api.gql(DELIVERY_OF, { id: run.stops[0].id }, as(await api.loginAs('CUSTOMER_SERVICE')));
    assert.match(asService.body.data.delivery.address.address, /测试路/, 'customer service reads personal data');
    const list = await api.gql(`{ deliveries(first: 5) { edges { node { id } } } }`, {}, as(courierToken));
    assert.equal(list.body.errors?.[0].extensions?.code, 'FORBIDDEN', 'a courier cannot list deliveries');
  });

  it('lists couriers by code in pages, by city, zone and state; a courier delivers in one city', async () => {
    const page = await api.data(
      `{ couriers(first: 2, filter: { city: "上海" }) { edges { cursor node { code city } } pageInfo { hasNextPage endCursor } } }`,
    );
    assert.deepEqual(
      page.couriers.edges.map((e: { node: { code: string } }) => e.node.code),
      ['SH-C01', 'SH-C02'],
    );
    assert.equal(page.couriers.pageInfo.hasNextPage, true);
    const next = await api.data(`query($a: String) { couriers(first: 10, after: $a) { edges { node { code } } } }`, {
      a: page.couriers.pageInfo.endCursor,
    });
    assert.deepEqual(
      next.couriers.edges.map((e: { node: { code: string } }) => e.node.code),
      ['SH-C03', 'SH-C04'],
    );
    // Xuhui: its own courier and the whole city's.
    const xuhui = await api.data(`{ couriers(first: 10, filter: { zone: "上海徐汇区" }) { edges { node { code } } } }`);
    assert.deepEqual(
      xuhui.couriers.edges.map((e: { node: { code: string } }) => e.node.code),
      ['SH-C02', 'SH-C03', 'SH-C04'],
    );
    const twoCities = await api.data(`mutation($i: UpdateCourierInput!) { updateCourier(input: $i) { ${ERR} } }`, {
      i: { courierId: couriers['SH-C03'], zones: ['上海', '北京朝阳区'] },
    });
    assert.equal(twoCities.updateCourier.userErrors[0].code, 'UNKNOWN_ZONE');
  });

  it('keeps courier positions in day partitions and drops those past the retention', async () => {
    await api.ds.query(
      `CREATE TABLE courier_position_20200101 PARTITION OF courier_position
         FOR VALUES FROM ('2019-12-31 16:00+00') TO ('2020-01-01 16:00+00')`,
    );
    const dropped = await api.services.courierPositions.maintainPartitions();
    assert.ok(dropped >= 1);
    const parts: { relname: string }[] = await api.ds.query(
      `SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'courier_position'::regclass`,
    );
    const names = parts.map((p) => p.relname);
    assert.ok(!names.includes('courier_position_20200101'));
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10).replace(/-/g, '');
    assert.ok(names.includes(`courier_position_${today}`), names.join());
  });
});
