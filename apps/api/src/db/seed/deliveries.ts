import { DataSource } from 'typeorm';
import { haversineMetres, type LatLng, permissionsOfRole } from '@fulfilment/domain';
import { createServices } from '../../app/services';
import { Actor } from '../../common/actor';
import { toGlobalId } from '../../common/global-id';
import { demoSignaturePng } from '../../demo/signature-png';
import { Random } from './random';

const dispatcher: Actor = {
  principal: {
    kind: 'USER',
    id: '00000000-0000-0000-0000-00000000d15b',
    name: 'dispatcher@demo.local',
    role: 'DISPATCHER',
    permissions: permissionsOfRole('DISPATCHER'),
    sessionId: null,
    expiresAt: null,
  },
  requestId: 'seed',
  clientIp: null,
};
const customer: Actor = { principal: null, requestId: 'seed', clientIp: null };
const staffOf = (role: 'WAREHOUSE' | 'CUSTOMER_SERVICE'): Actor => ({
  ...dispatcher,
  principal: {
    ...dispatcher.principal!,
    name: `seed:${role.toLowerCase()}`,
    role,
    permissions: permissionsOfRole(role),
  },
});

/** Orders of this morning per fleet city, so every city's couriers have runs to drive. */
const MORNING_ORDERS_PER_CITY = 18;

/** Cities the own fleet delivers in (see couriers.ts). */
const FLEET_CITIES = ['上海', '北京', '广州', '深圳', '杭州', '南京', '苏州', '天津'];

function must<T extends { userErrors: { code: string; message: string }[] }>(r: T, what: string): T {
  if (r.userErrors.length)
    throw new Error(`seed deliveries: ${what}: ${r.userErrors[0].code} ${r.userErrors[0].message}`);
  return r;
}

/** Points from a to b, the last one b. */
function along(a: LatLng, b: LatLng, n: number): LatLng[] {
  return Array.from({ length: n }, (_, i) => ({
    lat: a.lat + ((b.lat - a.lat) * (i + 1)) / n,
    lng: a.lng + ((b.lng - a.lng) * (i + 1)) / n,
  }));
}

/**
 * Today's last mile through the delivery module itself: packed shipments to the fleet's cities leave
 * with the own fleet (so they become deliveries), planning batches them into runs and assigns couriers,
 * most runs leave; their couriers drive from stop to stop reporting positions, deliver with signatures
 * (a few contactless), customers rate some, one customer is absent. Other runs wait PLANNED, a few
 * deliveries wait unassigned for the dispatcher.
 */
export async function seedDeliveries(ds: DataSource, seed: number): Promise<{ deliveries: number; runs: number }> {
  const rng = new Random(seed ^ 0xde11_7e55);
  const services = createServices(ds, { authSecret: undefined, tokenTtlMinutes: 60, sessionHours: 8 });
  await morningOrders(services, ds, rng);
  const packed: { id: string }[] = await ds.query(
    `SELECT s.id FROM shipment s JOIN orders o ON o.id = s.order_id
      WHERE s.status = 'PACKED' AND o.delivery_city = ANY($1) ORDER BY o.number, s.warehouse_code`,
    [FLEET_CITIES],
  );
  // A few stay packed for the warehouse's own demo; the rest leave with the own fleet.
  const leaving = packed.filter(() => rng.chance(0.85));
  for (const s of leaving) {
    const r = await services.shipments.ship(
      { shipmentId: toGlobalId('Shipment', s.id), carrierCode: 'OWN-FLEET' },
      dispatcher,
    );
    if (r.userErrors.length && r.userErrors[0].code !== 'CARRIER_UNAVAILABLE') must(r, 'ship');
  }
  // Planning zone by zone; about one zone in eight is left for the dispatcher to plan by hand.
  const zones: { zone: string }[] = await ds.query(
    `SELECT DISTINCT zone FROM delivery WHERE status = 'UNASSIGNED' ORDER BY zone`,
  );
  const runs = [];
  for (const { zone } of zones) {
    if (rng.chance(0.12)) continue;
    runs.push(...(must(await services.deliveryPlanning.plan({ zone }, dispatcher), `plan ${zone}`).runs ?? []));
  }

  let clock = Date.now();
  const tick = () => new Date((clock = Math.max(clock + 1, Date.now())));
  let absentShown = false;
  const driving = new Set<string>();
  for (const run of runs) {
    // A courier drives one run at a time; some runs wait for the afternoon.
    if (!run.courierId || driving.has(run.courierId) || rng.chance(0.2)) continue;
    driving.add(run.courierId);
    const runId = toGlobalId('DeliveryRun', run.id);
    must(await services.deliveries.start({ runId }, dispatcher), 'start');
    const courierId = toGlobalId('Courier', run.courierId);
    const stops: { id: string; lat: number; lng: number; token: string }[] = await ds.query(
      `SELECT id, lat, lng, tracking_token AS token FROM delivery WHERE run_id = $1 ORDER BY stop_seq, number`,
      [run.id],
    );
    const [depot] = await ds.query(
      `SELECT c.lat, c.lng FROM delivery_run r JOIN courier c ON c.id = r.courier_id WHERE r.id = $1`,
      [run.id],
    );
    let at: LatLng = depot?.lat != null ? depot : { lat: stops[0].lat, lng: stops[0].lng };
    const done = Math.min(stops.length - 1, Math.round(stops.length * (0.3 + rng.next() * 0.6)));
    for (const [i, stop] of stops.entries()) {
      const to = i < done ? stop : along(at, stop, 3)[rng.int(0, 1)];
      const steps = Math.max(2, Math.min(8, Math.round(haversineMetres(at, to) / 400)));
      const positions = along(at, to, steps).map((p) => ({ ...p, recordedAt: tick(), accuracyM: 8 }));
      must(await services.courierPositions.report({ courierId, runId, positions }, dispatcher), 'positions');
      at = to;
      if (i >= done) break;
      const deliveryId = toGlobalId('Delivery', stop.id);
      if (!absentShown && rng.chance(0.15)) {
        absentShown = true;
        must(
          await services.deliveries.reportException(
            { deliveryId, reason: 'CUSTOMER_ABSENT', note: '电话无人接听,门口无人' },
            dispatcher,
          ),
          'exception',
        );
        continue;
      }
      const contactless = rng.chance(0.1);
      must(
        await services.deliveries.confirm(
          {
            deliveryId,
            kind: contactless ? 'CONTACTLESS' : 'SIGNATURE',
            image: demoSignaturePng(rng.int(1, 1_000_000)),
            recipientName: contactless ? null : '本人签收',
            note: contactless ? '放在门口快递柜' : null,
            lat: stop.lat,
            lng: stop.lng,
          },
          dispatcher,
        ),
        'confirm',
      );
      if (rng.chance(0.6))
        must(
          await services.deliveries.rate(
            {
              trackingToken: stop.token,
              rating: rng.chance(0.8) ? 5 : rng.int(2, 4),
              comment: rng.chance(0.5) ? rng.pick(['送货很快', '快递员很有礼貌', '比预计晚了一点', '包装完好']) : null,
            },
            customer,
          ),
          'rate',
        );
    }
  }
  const [counts] = await ds.query(`SELECT (SELECT count(*)::int FROM delivery) AS deliveries,
                                          (SELECT count(*)::int FROM delivery_run) AS runs`);
  return counts;
}

type Services = ReturnType<typeof createServices>;

/**
 * This morning's orders to the fleet's cities, placed and taken through the warehouse floor to PACKED
 * like staff would (one pick list per warehouse, every line picked, checked, packed as proposed).
 */
async function morningOrders(services: Services, ds: DataSource, rng: Random): Promise<void> {
  const service = staffOf('CUSTOMER_SERVICE');
  const warehouse = staffOf('WAREHOUSE');
  const customers: { id: string; city: string }[] = await ds.query(
    `SELECT id, city FROM customer WHERE city = ANY($1) AND credit_status = 'GOOD' ORDER BY phone, name`,
    [FLEET_CITIES],
  );
  const products: { sku: string }[] = await ds.query(
    `SELECT p.sku FROM product p WHERE p.active AND (SELECT sum(on_hand - reserved) FROM stock_level l WHERE l.product_id = p.id) > 200
      ORDER BY p.sku`,
  );
  if (products.length === 0) return;
  const placed: string[] = [];
  for (const city of FLEET_CITIES) {
    const inCity = customers.filter((c) => c.city === city);
    for (let i = 0; i < MORNING_ORDERS_PER_CITY && inCity.length; i++) {
      const r = await services.placement.placeOrder(
        {
          customerId: toGlobalId('Customer', rng.pick(inCity).id),
          lines: [{ sku: rng.pick(products).sku, quantity: rng.int(1, 4) }],
          paymentMethod: 'WECHAT_PAY',
          paid: true,
          channel: 'MOBILE_APP',
          priority: rng.chance(0.15) ? 'URGENT' : 'NORMAL',
          allowBackorder: false,
        } as never,
        service,
      );
      if (r.userErrors.length) throw new Error(`seed deliveries: place: ${r.userErrors[0].message}`);
      placed.push(r.order!.id);
    }
  }
  const allocated: { order_id: string; code: string }[] = await ds.query(
    `SELECT DISTINCT a.order_id, w.code, o.number FROM order_allocation a JOIN warehouse w ON w.id = a.warehouse_id
       JOIN orders o ON o.id = a.order_id
      WHERE a.status = 'RESERVED' AND o.status = 'ALLOCATED' AND o.id = ANY($1)
      ORDER BY w.code, o.number`,
    [placed],
  );
  for (const code of [...new Set(allocated.map((a) => a.code))]) {
    const orderIds = allocated.filter((a) => a.code === code).map((a) => toGlobalId('Order', a.order_id));
    const created = await services.pickLists.create({ warehouseCode: code, orderIds }, warehouse);
    if (!created.pickList) continue;
    const listId = toGlobalId('PickList', created.pickList.id);
    must(await services.pickLists.start({ pickListId: listId }, warehouse), 'start list');
    const lines: { id: string; required: number }[] = await ds.query(
      `SELECT id, required FROM pick_list_line WHERE pick_list_id = $1 ORDER BY seq`,
      [created.pickList.id],
    );
    for (const l of lines)
      must(
        await services.pickLists.recordPick(
          { pickListId: listId, lineId: toGlobalId('PickListLine', l.id), picked: l.required },
          warehouse,
        ),
        'pick',
      );
    const done = must(await services.pickLists.complete({ pickListId: listId }, warehouse), 'complete list');
    for (const { shipment } of done.orders ?? []) {
      const shipmentId = toGlobalId('Shipment', shipment.id);
      const counted: { sku: string; picked: number }[] = await ds.query(
        `SELECT sku, sum(picked)::int AS picked FROM shipment_line WHERE shipment_id = $1 AND NOT released GROUP BY sku`,
        [shipment.id],
      );
      must(
        await services.shipments.check(
          { shipmentId, items: counted.map((c) => ({ sku: c.sku, quantity: c.picked })) },
          warehouse,
        ),
        'check',
      );
      must(
        await services.shipments.pack(
          { shipmentId, packages: [{ material: 'CARTON', weightG: rng.int(800, 6000) }] },
          warehouse,
        ),
        'pack',
      );
    }
  }
}
