import type { Client } from 'pg';
import { createOrdersData } from '../lib/orders-data';
import { adminAuth, Database, gql, startApi, withClient } from '../lib/platform';
import { log, report } from '../lib/report';
import { staffAuth } from './reads';

/** Knobs: BENCH_FULFILMENT_HISTORY (orders of history, default 200,000), BENCH_FULFILMENT_ORDERS (500). */
const HISTORY = Number(process.env.BENCH_FULFILMENT_HISTORY ?? 200_000);
const ORDERS = Number(process.env.BENCH_FULFILMENT_ORDERS ?? 500);
/** Products the allocated orders draw from (2 lines each), so a list has ~this many stops. */
const PRODUCTS = 150;
/** Clients working shipments at once (check, pack, ship), through the API and by hand alike. */
const WORKERS = 8;

const ERR = 'userErrors { code message }';
const CREATE = `mutation($i: CreatePickListInput!) { createPickList(input: $i) { pickList { id number lines { id required } shipments { id } } ${ERR} } }`;

/** The shipments of the warehouse's allocated orders, as the lists take them: the same work for both sides. */
async function allocatedFixture(c: Client, orders: number, tag: string) {
  const [w] = (await c.query(`SELECT id, code, region FROM warehouse WHERE kind = 'WAREHOUSE' ORDER BY code LIMIT 1`))
    .rows;
  const products = (
    await c.query(
      `SELECT sl.product_id AS id, sl.sku, sl.id AS level FROM stock_level sl WHERE sl.warehouse_id = $1 ORDER BY sl.sku LIMIT $2`,
      [w.id, PRODUCTS],
    )
  ).rows as { id: string; sku: string; level: string }[];
  const [cust] = (await c.query(`SELECT id FROM customer WHERE region = $1 LIMIT 1`, [w.region])).rows;
  await c.query(
    `WITH o AS (
       INSERT INTO orders (number, channel, customer_id, delivery_contact_name, delivery_phone, delivery_address, delivery_city,
                           delivery_region, payment_method, payment_status, priority, promised_by, status, allow_backorder,
                           subtotal_fen, delivery_fee_fen, total_fen, created_at)
       SELECT 'FF-${tag}-' || i, 'WEB', $1, '张三', '13800000000', '某路1号', '上海', $2, 'WECHAT_PAY', 'PAID',
              CASE WHEN i % 10 = 0 THEN 'URGENT' ELSE 'NORMAL' END, now() + interval '2 days', 'ALLOCATED', false, 1000, 0, 1000,
              now() - i * interval '1 second'
         FROM generate_series(1, $3) i RETURNING id, number),
     n AS (SELECT id, row_number() OVER (ORDER BY number) AS n FROM o),
     l AS (
       INSERT INTO order_line (order_id, line_no, product_id, sku, product_name, spec, quantity, unit_price_fen)
       SELECT n.id, k, p.id, p.sku, 'x', '1件', 1 + (n.n + k) % 3, 500
         FROM n CROSS JOIN generate_series(1, 2) k
         JOIN unnest($4::uuid[], $5::text[]) WITH ORDINALITY AS p(id, sku, ord) ON p.ord = 1 + ((n.n * 7 + k * 13) % $6)
       RETURNING order_id, line_no, product_id, sku, quantity)
     INSERT INTO order_allocation (order_id, line_no, product_id, sku, warehouse_id, stock_level_id, quantity, status)
     SELECT l.order_id, l.line_no, l.product_id, l.sku, $7, p.level, l.quantity, 'RESERVED'
       FROM l JOIN unnest($4::uuid[], $8::uuid[]) AS p(id, level) ON p.id = l.product_id`,
    [
      cust.id,
      w.region,
      orders,
      products.map((p) => p.id),
      products.map((p) => p.sku),
      products.length,
      w.id,
      products.map((p) => p.level),
    ],
  );
  // The levels hold the reservations (and the goods for them).
  await c.query(
    `UPDATE stock_level sl SET on_hand = sl.on_hand + r.q, reserved = sl.reserved + r.q
       FROM (SELECT stock_level_id, sum(quantity)::int AS q FROM order_allocation a JOIN orders o ON o.id = a.order_id
              WHERE o.number LIKE 'FF-${tag}-%' GROUP BY 1) r
      WHERE sl.id = r.stock_level_id`,
  );
  await c.query('ANALYZE orders, order_line, order_allocation, stock_level');
  return { warehouseId: w.id as string, warehouseCode: w.code as string };
}

/**
 * The baseline of (a): what createPickList writes for `limit` orders, by hand in one transaction that
 * is rolled back: choose and lock the orders, insert the list, its stops, shipments and their lines,
 * move the orders to PICKING with their events.
 */
async function listByHand(c: Client, warehouseId: string, warehouseCode: string, limit: number): Promise<number> {
  const t = performance.now();
  await c.query('BEGIN');
  await c.query(
    `WITH chosen AS (
       SELECT o.id FROM orders o
        WHERE o.status = 'ALLOCATED' AND EXISTS (SELECT 1 FROM order_allocation a WHERE a.order_id = o.id AND a.warehouse_id = $1 AND a.status = 'RESERVED'
                                                   AND NOT EXISTS (SELECT 1 FROM shipment_line x WHERE x.allocation_id = a.id AND NOT x.released))
        ORDER BY (o.priority = 'URGENT') DESC, o.created_at, o.id LIMIT $3 FOR UPDATE),
     list AS (INSERT INTO pick_list (number, warehouse_id, warehouse_code, status, created_by)
              VALUES ('PL-HAND-' || txid_current(), $1, $2, 'OPEN', 'bench') RETURNING id),
     s AS (INSERT INTO shipment (number, order_id, warehouse_id, warehouse_code, pick_list_id, status)
           SELECT 'SH-HAND-' || chosen.id, chosen.id, $1, $2, list.id, 'PICKING' FROM chosen, list RETURNING id, order_id),
     sl AS (INSERT INTO shipment_line (shipment_id, allocation_id, line_no, product_id, sku, stock_level_id, required)
            SELECT s.id, a.id, a.line_no, a.product_id, a.sku, a.stock_level_id, a.quantity
              FROM s JOIN order_allocation a ON a.order_id = s.order_id AND a.warehouse_id = $1 AND a.status = 'RESERVED' RETURNING stock_level_id, required),
     p AS (INSERT INTO pick_list_line (pick_list_id, seq, product_id, sku, stock_level_id, bin_location, required)
           SELECT list.id, row_number() OVER (ORDER BY lv.bin_location, lv.sku), lv.product_id, lv.sku, lv.id, lv.bin_location, t.q
             FROM list, (SELECT stock_level_id, sum(required) AS q FROM sl GROUP BY 1) t JOIN stock_level lv ON lv.id = t.stock_level_id
           RETURNING 1),
     u AS (UPDATE orders o SET status = 'PICKING', last_event_sequence = o.last_event_sequence + 1, updated_at = now()
             FROM chosen WHERE o.id = chosen.id RETURNING o.id, o.last_event_sequence)
     INSERT INTO order_event (order_id, sequence, type, from_status, to_status, reason, actor)
     SELECT u.id, u.last_event_sequence, 'STATUS_CHANGED', 'ALLOCATED', 'PICKING', 'On a pick list', 'bench' FROM u`,
    [warehouseId, warehouseCode, limit],
  );
  await c.query('ROLLBACK');
  return performance.now() - t;
}

/** The baseline of (b): one order's check, packing and shipment by hand, one transaction per order. */
async function shipByHand(c: Client, orderId: string): Promise<void> {
  await c.query('BEGIN');
  await c.query(
    `WITH o AS (SELECT id FROM orders WHERE id = $1 FOR UPDATE),
     a AS (SELECT a.id, a.stock_level_id, a.quantity FROM order_allocation a, o WHERE a.order_id = o.id AND a.status = 'RESERVED' FOR UPDATE),
     lv AS (UPDATE stock_level sl SET on_hand = sl.on_hand - t.q, reserved = sl.reserved - t.q
              FROM (SELECT stock_level_id, sum(quantity)::int AS q FROM a GROUP BY 1) t WHERE sl.id = t.stock_level_id
            RETURNING sl.id, sl.product_id, sl.warehouse_id, sl.on_hand, sl.reserved),
     m AS (INSERT INTO stock_movement (stock_level_id, product_id, warehouse_id, reason, on_hand_delta, reserved_delta, on_hand_after, reserved_after, reference, actor)
           SELECT lv.id, lv.product_id, lv.warehouse_id, 'SHIPMENT', -a.quantity, -a.quantity, lv.on_hand, lv.reserved, 'bench', 'bench'
             FROM a JOIN lv ON lv.id = a.stock_level_id RETURNING 1),
     sa AS (UPDATE order_allocation x SET status = 'SHIPPED' FROM a WHERE x.id = a.id RETURNING 1),
     s AS (UPDATE shipment sh SET status = 'SHIPPED', tracking_number = 'HAND' || sh.number, checked_at = now(), packed_at = now(),
                  shipped_at = now(), last_event_sequence = sh.last_event_sequence + 3
             FROM o WHERE sh.order_id = o.id AND sh.status = 'PICKED' RETURNING sh.id, sh.last_event_sequence),
     sc AS (UPDATE shipment_line l SET checked = l.picked FROM s WHERE l.shipment_id = s.id RETURNING 1),
     pk AS (INSERT INTO package (shipment_id, seq, material, weight_g, tracking_number)
            SELECT s.id, 1, 'CARTON', 2000, 'HAND' || s.id FROM s RETURNING 1),
     se AS (INSERT INTO shipment_event (shipment_id, sequence, type, from_status, to_status, reason, actor)
            SELECT s.id, s.last_event_sequence - 3 + k, 'STATUS_CHANGED', (ARRAY['PICKED','CHECKED','PACKED'])[k], (ARRAY['CHECKED','PACKED','SHIPPED'])[k], null, 'bench'
              FROM s, generate_series(1, 3) k RETURNING 1),
     u AS (UPDATE orders x SET status = 'SHIPPED', last_event_sequence = x.last_event_sequence + 2, updated_at = now()
             FROM o WHERE x.id = o.id RETURNING x.id, x.last_event_sequence)
     INSERT INTO order_event (order_id, sequence, type, from_status, to_status, reason, actor)
     SELECT u.id, u.last_event_sequence - 2 + k, 'STATUS_CHANGED', (ARRAY['PICKING','PACKED'])[k], (ARRAY['PACKED','SHIPPED'])[k], 'bench', 'bench'
       FROM u, generate_series(1, 2) k`,
    [orderId],
  );
  await c.query('COMMIT');
}

/** Runs `work` over `items` with `n` at a time. */
async function pool<T>(items: readonly T[], n: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: n }, async () => {
      while (next < items.length) await work(items[next++]);
    }),
  );
}

function must<T>(r: { data?: T; errors?: { message: string }[] }, what: string): T {
  const d = r.data as Record<string, { userErrors?: { code: string; message: string }[] }> | undefined;
  const payload = d && Object.values(d)[0];
  if (r.errors || !payload || payload.userErrors?.length)
    throw new Error(`${what} failed: ${JSON.stringify(r.errors ?? payload?.userErrors).slice(0, 300)}`);
  return r.data as T;
}

/**
 * 10. Warehouse fulfilment. (a) createPickList of ORDERS allocated orders of one warehouse, against
 * the same writes by hand in SQL (rolled back). (b) Those orders from their list to SHIPPED through the
 * API: the picker records every stop and completes the list, then WORKERS clients check, pack and ship
 * the shipments; the baseline does the same state changes by hand in SQL, one transaction per order,
 * WORKERS at once, for another ORDERS orders.
 */
export async function fulfilment(db: Database) {
  const label = '10 fulfilment';
  const url = await db.create();
  const api = await startApi(url, { JOBS: 'off' });
  try {
    const data = await createOrdersData(url, { orders: HISTORY, products: 5_000, warehouses: 10, history: true });
    log(label, `${data.orders} orders of history, ${data.allocations} allocations, in ${data.seconds.toFixed(1)} s`);
    const tag = Math.random().toString(36).slice(2, 8);
    const { warehouseId, warehouseCode } = await withClient(url, async (c) => {
      // The history's in-flight orders are not the benchmark's: only the fixture's are ALLOCATED here.
      await c.query(`UPDATE orders SET status = 'ON_HOLD' WHERE status IN ('ALLOCATED', 'PICKING')`);
      const f = await allocatedFixture(c, ORDERS * 2, tag);
      await c.query('VACUUM ANALYZE');
      return f;
    });
    const admin = await adminAuth(api);
    const staff = await staffAuth(api, admin, 'WAREHOUSE');
    for (const [code, methods] of [
      ['BENCH-EXPRESS', ['EXPRESS']],
      ['BENCH-FREIGHT', ['FREIGHT']],
    ] as const)
      must(
        await gql(api.url, admin, `mutation($i: CreateCarrierInput!) { createCarrier(input: $i) { ${ERR} } }`, {
          i: {
            code,
            name: code,
            kind: 'PARTNER',
            regions: ['EAST', 'NORTH', 'SOUTH', 'CENTRAL', 'SOUTHWEST', 'NORTHWEST', 'NORTHEAST'],
            methods,
            trackingPrefix: code === 'BENCH-EXPRESS' ? 'BE' : 'BF',
            basePrice: '10.00',
            perKg: '1.00',
            transitDays: 2,
          },
        }),
        'createCarrier',
      );

    // (a) Creating the list.
    const byHand: number[] = [];
    for (let i = 0; i < 3; i++)
      byHand.push(await withClient(url, (c) => listByHand(c, warehouseId, warehouseCode, ORDERS)));
    const t = performance.now();
    const created = must<{
      createPickList: {
        pickList: {
          id: string;
          number: string;
          lines: { id: string; required: number }[];
          shipments: { id: string }[];
        };
      };
    }>(await gql(api.url, staff, CREATE, { i: { warehouseCode, maxOrders: ORDERS } }), 'createPickList').createPickList
      .pickList;
    const createMs = performance.now() - t;
    log(label, `${created.number}: ${created.shipments.length} orders, ${created.lines.length} stops`);
    report({
      benchmark: label,
      name: `create a pick list of ${created.shipments.length} allocated orders`,
      value: createMs / 1000,
      unit: 's',
      goal: { atMost: 1 },
      note: `baseline: the same writes by hand in SQL ${(Math.min(...byHand) / 1000).toFixed(2)} s`,
    });

    // (b) From the list to SHIPPED through the API.
    const started = performance.now();
    must(
      await gql(api.url, staff, `mutation($i: PickListActionInput!) { startPickList(input: $i) { ${ERR} } }`, {
        i: { pickListId: created.id },
      }),
      'start',
    );
    for (const line of created.lines)
      must(
        await gql(api.url, staff, `mutation($i: RecordPickInput!) { recordPick(input: $i) { ${ERR} } }`, {
          i: { pickListId: created.id, lineId: line.id, picked: line.required },
        }),
        'recordPick',
      );
    must(
      await gql(api.url, staff, `mutation($i: PickListActionInput!) { completePickList(input: $i) { ${ERR} } }`, {
        i: { pickListId: created.id },
      }),
      'complete',
    );
    const picked = performance.now() - started;
    const floorStarted = performance.now();
    await pool(created.shipments, WORKERS, async (s) => {
      const d = must<{
        shipment: {
          lines: { sku: string; picked: number }[];
          proposedPackaging: { material: string; weightG: number }[];
        };
      }>(
        await gql(
          api.url,
          staff,
          `query($id: ID!) { shipment(id: $id) { lines { sku picked } proposedPackaging { material weightG } } }`,
          { id: s.id },
        ),
        'shipment',
      );
      const counted = new Map<string, number>();
      for (const l of d.shipment.lines) counted.set(l.sku, (counted.get(l.sku) ?? 0) + l.picked);
      must(
        await gql(api.url, staff, `mutation($i: CheckOrderInput!) { checkOrder(input: $i) { passed ${ERR} } }`, {
          i: { shipmentId: s.id, items: [...counted].map(([sku, quantity]) => ({ sku, quantity })) },
        }),
        'check',
      );
      must(
        await gql(api.url, staff, `mutation($i: PackOrderInput!) { packOrder(input: $i) { ${ERR} } }`, {
          i: {
            shipmentId: s.id,
            packages: d.shipment.proposedPackaging.map((p) => ({
              material: p.material,
              weightG: Math.max(1, p.weightG),
            })),
          },
        }),
        'pack',
      );
      must(
        await gql(api.url, staff, `mutation($i: ShipOrderInput!) { shipOrder(input: $i) { ${ERR} } }`, {
          i: { shipmentId: s.id },
        }),
        'ship',
      );
    });
    const apiSeconds = (performance.now() - floorStarted) / 1000;

    // The baseline: the other half of the fixture, listed and picked by hand, then shipped by hand.
    const handIds = await withClient(url, async (c) => {
      await c.query(
        `WITH chosen AS (SELECT id FROM orders WHERE number LIKE 'FF-${tag}-%' AND status = 'ALLOCATED'),
         list AS (INSERT INTO pick_list (number, warehouse_id, warehouse_code, status, created_by) VALUES ('PL-HAND-${tag}', $1, $2, 'COMPLETED', 'bench') RETURNING id),
         s AS (INSERT INTO shipment (number, order_id, warehouse_id, warehouse_code, pick_list_id, status)
               SELECT 'SH-HAND-' || chosen.id, chosen.id, $1, $2, list.id, 'PICKED' FROM chosen, list RETURNING id, order_id)
         INSERT INTO shipment_line (shipment_id, allocation_id, line_no, product_id, sku, stock_level_id, required, picked)
         SELECT s.id, a.id, a.line_no, a.product_id, a.sku, a.stock_level_id, a.quantity, a.quantity
           FROM s JOIN order_allocation a ON a.order_id = s.order_id AND a.status = 'RESERVED'`,
        [warehouseId, warehouseCode],
      );
      await c.query(`UPDATE orders SET status = 'PICKING' WHERE number LIKE 'FF-${tag}-%' AND status = 'ALLOCATED'`);
      return (await c.query(`SELECT id FROM orders WHERE number LIKE 'FF-${tag}-%' AND status = 'PICKING'`)).rows.map(
        (r: { id: string }) => r.id,
      );
    });
    const clients = await Promise.all(
      Array.from({ length: WORKERS }, async () => {
        const { Client } = await import('pg');
        const c = new Client({ connectionString: url });
        await c.connect();
        return c;
      }),
    );
    const handStarted = performance.now();
    let k = 0;
    await pool(handIds, WORKERS, async (id) => shipByHand(clients[k++ % WORKERS], id));
    const handSeconds = (performance.now() - handStarted) / 1000;
    await Promise.all(clients.map((c) => c.end()));

    const shipped = created.shipments.length;
    log(
      label,
      `API: start, ${created.lines.length} stops recorded and the list completed in ${(picked / 1000).toFixed(1)} s; then check, pack and ship ${apiSeconds.toFixed(1)} s`,
    );
    report({
      benchmark: label,
      name: `picked orders checked, packed and shipped through the API (${WORKERS} staff at once)`,
      value: shipped / apiSeconds,
      unit: 'orders/s',
      baseline: handIds.length / handSeconds,
      note: `baseline: the same state changes by hand in SQL, one transaction per order`,
    });
  } finally {
    await api.stop();
  }
}
