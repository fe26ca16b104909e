import { Client } from 'pg';
import { withClient } from './platform';

export interface OrdersDataOptions {
  orders: number;
  /** Catalogue size (default 1,000). */
  products?: number;
  /** 2–10 warehouses (default 6), spread over the regions. */
  warehouses?: number;
  /** Default: one customer per 20 orders, at least 1,000. */
  customers?: number;
  /** 1–3 lines per order (default true); without them each order is priced as if it had one. */
  lines?: boolean;
  /** One allocation per line once allocated, and the order's event history (default: as `lines`). */
  history?: boolean;
  /**
   * Drop the secondary indexes of the order tables while filling them and build them again after
   * (same definitions, read from pg_indexes): several times faster for a million orders. Default: on
   * from 100,000 orders.
   */
  rebuildIndexes?: boolean;
}

export interface OrdersData {
  orders: number;
  lines: number;
  allocations: number;
  events: number;
  seconds: number;
}

/**
 * The statuses an order passes through to reach its final status, as its event history: order i
 * (1 = newest) gets a status by age, so recent orders are still being worked on and old ones are
 * delivered (4 % cancelled), like a shop's real history.
 */
const PATHS: Record<string, string[]> = {
  PENDING_REVIEW: ['PENDING_REVIEW'],
  ON_HOLD: ['PENDING_REVIEW', 'ON_HOLD'],
  BACKORDERED: ['PENDING_REVIEW', 'CONFIRMED', 'BACKORDERED'],
  ALLOCATED: ['PENDING_REVIEW', 'CONFIRMED', 'ALLOCATED'],
  PICKING: ['PENDING_REVIEW', 'CONFIRMED', 'ALLOCATED', 'PICKING'],
  PACKED: ['PENDING_REVIEW', 'CONFIRMED', 'ALLOCATED', 'PICKING', 'PACKED'],
  SHIPPED: ['PENDING_REVIEW', 'CONFIRMED', 'ALLOCATED', 'PICKING', 'PACKED', 'SHIPPED'],
  OUT_FOR_DELIVERY: ['PENDING_REVIEW', 'CONFIRMED', 'ALLOCATED', 'PICKING', 'PACKED', 'SHIPPED', 'OUT_FOR_DELIVERY'],
  DELIVERED: [
    'PENDING_REVIEW',
    'CONFIRMED',
    'ALLOCATED',
    'PICKING',
    'PACKED',
    'SHIPPED',
    'OUT_FOR_DELIVERY',
    'DELIVERED',
  ],
  CANCELLED: ['PENDING_REVIEW', 'CONFIRMED', 'ALLOCATED', 'CANCELLED'],
};
const RECENT = [
  'PENDING_REVIEW',
  'ALLOCATED',
  'ALLOCATED',
  'PICKING',
  'PACKED',
  'SHIPPED',
  'ON_HOLD',
  'BACKORDERED',
  'ALLOCATED',
  'CANCELLED',
];
const REGIONS = [
  ['EAST', 'Shanghai'],
  ['NORTH', 'Beijing'],
  ['SOUTH', 'Guangzhou'],
  ['CENTRAL', 'Wuhan'],
  ['SOUTHWEST', 'Chengdu'],
  ['NORTHWEST', "Xi'an"],
  ['NORTHEAST', 'Shenyang'],
];
/** Orders are 31.536 s apart (a million span a year), newest first, each with up to 30 s of jitter. */
const STEP_MS = 31_536;

const sqlList = (values: string[]) => values.map((v) => `'${v.replace(/'/g, "''")}'`).join(', ');

/** A pseudo-random integer in [0, n) from an integer SQL expression: deterministic, no random() state. */
const pick = (expr: string, n: number | string) => `(abs(hashint4((${expr})::int)) % ${n})`;

/**
 * Fills a migrated, empty database with a realistic order history straight in SQL (generate_series,
 * set-based, no round trip per row): warehouses, a catalogue with stock levels in every warehouse,
 * customers, and `orders` orders with lines, allocations and events consistent with their status.
 * Order i (1-based) is the i-th newest: `ORDER BY created_at DESC, id DESC OFFSET i - 1` finds it.
 */
export async function createOrdersData(url: string, opts: OrdersDataOptions): Promise<OrdersData> {
  const started = performance.now();
  const N = opts.orders;
  const P = opts.products ?? 1000;
  const W = Math.min(10, Math.max(2, opts.warehouses ?? 6));
  const C = opts.customers ?? Math.max(1000, Math.ceil(N / 20));
  const withLines = opts.lines ?? true;
  const withHistory = withLines && (opts.history ?? true);
  const rebuild = opts.rebuildIndexes ?? N >= 100_000;
  return withClient(url, async (client) => {
    const c = timedClient(client);
    await c.query(`SET synchronous_commit = off`);
    // Rows are consistent by construction (every id comes from the tables it points to), so the
    // foreign-key triggers, which would check each of millions of rows one by one, are skipped.
    await c.query(`SET session_replication_role = replica`);
    await c.query(`SET maintenance_work_mem = '256MB'`);
    await c.query(`SET work_mem = '64MB'`);
    await c.query(`CREATE TEMP TABLE region_city (n int, region text, city text)`);
    await c.query(
      `INSERT INTO region_city VALUES ${REGIONS.map(([r, city], i) => `(${i}, '${r}', '${city.replace(/'/g, "''")}')`).join(', ')}`,
    );

    await c.query(
      `INSERT INTO warehouse (code, name, region, city, kind)
       SELECT 'WH-' || lpad(i::text, 2, '0'), rc.city || ' warehouse ' || i, rc.region, rc.city, CASE WHEN i % 4 = 0 THEN 'STATION' ELSE 'WAREHOUSE' END
         FROM generate_series(1, $1) i JOIN region_city rc ON rc.n = (i - 1) % 7`,
      [W],
    );
    await c.query(
      `INSERT INTO product (sku, name, spec, category, unit_price_fen, packaging)
       SELECT 'SKU-' || lpad(i::text, 6, '0'),
              (ARRAY['Mineral water', 'Jasmine rice', 'Soy sauce', 'Green tea', 'Instant noodles', 'Olive oil', 'Paper towels', 'Dish soap'])[1 + i % 8] || ' ' || i,
              (ARRAY['550ml×24', '5kg', '500ml', '250g', '5 packs', '1L', '12 rolls', '1.5kg'])[1 + i % 8],
              (ARRAY['Beverages', 'Grains', 'Condiments', 'Beverages', 'Snacks', 'Condiments', 'Household', 'Household'])[1 + i % 8],
              100 + ${pick('i', 20000)},
              CASE WHEN i % 5 = 0 THEN ARRAY['FRAGILE'] WHEN i % 7 = 0 THEN ARRAY['HEAVY', 'LIQUID'] ELSE '{}' END
         FROM generate_series(1, $1) i`,
      [P],
    );
    await c.query(
      `INSERT INTO stock_level (product_id, warehouse_id, sku, warehouse_code, on_hand, low_threshold, high_threshold)
       SELECT p.id, w.id, p.sku, w.code, 100000, 50, 200000 FROM product p CROSS JOIN warehouse w`,
    );
    await c.query(
      `INSERT INTO customer (name, phone, email, address, city, region, is_new, credit_status, created_at)
       SELECT (ARRAY['王', '李', '张', '刘', '陈', '杨', '赵', '黄'])[1 + i % 8] || (ARRAY['伟', '芳', '娜', '敏', '静', '磊', '洋', '勇'])[1 + (i / 8) % 8] || ' ' || i,
              '13' || lpad((i * 7919 % 1000000000)::text, 9, '0'),
              CASE WHEN i % 3 = 0 THEN 'customer' || i || '@example.com' END,
              (i % 999 + 1) || ' ' || (ARRAY['Nanjing Road', 'Huaihai Road', 'Chang''an Avenue', 'Tianhe Road'])[1 + i % 4],
              rc.city, rc.region, i % 20 = 0, CASE WHEN i % 50 = 0 THEN 'UNASSESSED' ELSE 'GOOD' END,
              now() - interval '2 years' + i * interval '1 minute'
         FROM generate_series(1, $1) i JOIN region_city rc ON rc.n = i % 7`,
      [C],
    );

    // Numbered copies so the generator picks rows by position.
    await c.query(
      `CREATE TEMP TABLE p_rn AS SELECT row_number() OVER (ORDER BY sku)::int AS rn, id, sku, name, spec, unit_price_fen FROM product`,
    );
    await c.query(
      `CREATE TEMP TABLE w_rn AS SELECT row_number() OVER (ORDER BY code)::int AS rn, id, code FROM warehouse`,
    );
    await c.query(
      `CREATE TEMP TABLE c_rn AS SELECT row_number() OVER (ORDER BY created_at, id)::int AS rn, * FROM customer`,
    );
    await c.query(`CREATE UNIQUE INDEX ON p_rn (rn)`);
    await c.query(`CREATE UNIQUE INDEX ON c_rn (rn)`);
    await c.query(`CREATE TEMP TABLE status_path (status text, seq int, from_status text, to_status text)`);
    const pathRows = Object.entries(PATHS).flatMap(([status, path]) =>
      path.map((to, k) => `('${status}', ${k + 1}, ${k === 0 ? 'NULL' : `'${path[k - 1]}'`}, '${to}')`),
    );
    await c.query(`INSERT INTO status_path VALUES ${pathRows.join(', ')}`);

    await c.query(
      `CREATE TEMP TABLE g AS
       SELECT i, gen_random_uuid() AS id,
              1 + ${pick('i * 3 + 1', C)} AS customer_rn,
              1 + ${pick('i * 5 + 2', W)} AS warehouse_rn,
              1 + ${pick('i * 7 + 3', 3)} AS line_count,
              date_trunc('milliseconds', now()) - (i::bigint * ${STEP_MS} + ${pick('i', 30000)}) * interval '1 millisecond' AS created_at,
              CASE WHEN i <= 300 THEN (ARRAY[${sqlList(RECENT)}])[1 + ${pick('i * 11', RECENT.length)}]
                   WHEN i <= 1500 THEN (ARRAY['SHIPPED', 'OUT_FOR_DELIVERY', 'DELIVERED', 'DELIVERED'])[1 + ${pick('i * 11', 4)}]
                   WHEN ${pick('i * 13', 25)} = 0 THEN 'CANCELLED'
                   ELSE 'DELIVERED' END AS status,
              (ARRAY['WEB', 'MOBILE_APP', 'MOBILE_APP', 'PARTNER', 'OFFLINE_STORE', 'WHOLESALE'])[1 + ${pick('i * 17', 6)}] AS channel,
              (ARRAY['WECHAT_PAY', 'ALIPAY', 'CARD', 'CASH_ON_DELIVERY'])[1 + ${pick('i * 19', 4)}] AS payment_method,
              (ARRAY['NORMAL', 'NORMAL', 'NORMAL', 'NORMAL', 'HIGH', 'URGENT'])[1 + ${pick('i * 23', 6)}] AS priority
         FROM generate_series(1, $1) i`,
      [N],
    );
    await c.query(
      `CREATE TEMP TABLE gl AS
       SELECT g.i, n AS line_no, p.id AS product_id, p.sku, p.name, p.spec, p.unit_price_fen, 1 + ${pick('g.i * 29 + n', 3)} AS quantity
         FROM g CROSS JOIN LATERAL generate_series(1, CASE WHEN $1::boolean THEN g.line_count ELSE 1 END) n
         JOIN p_rn p ON p.rn = 1 + ${pick('g.i * 31 + n * 101', P)}`,
      [withLines],
    );
    await c.query(`CREATE INDEX ON gl (i)`);
    for (const t of ['p_rn', 'w_rn', 'c_rn', 'status_path', 'g', 'gl']) await c.query(`ANALYZE ${t}`);

    const dropped: string[] = [];
    if (rebuild) {
      // Secondary indexes only: primary keys and unique constraints stay (they guard the data).
      const { rows } = await c.query(
        `SELECT i.indexname, i.indexdef FROM pg_indexes i
          WHERE i.schemaname = 'public' AND i.tablename IN ('orders', 'order_line', 'order_allocation', 'order_event')
            AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conname = i.indexname)`,
      );
      for (const r of rows) {
        await c.query(`DROP INDEX ${r.indexname}`);
        dropped.push(r.indexdef);
      }
    }

    await c.query(
      `INSERT INTO orders (id, number, channel, customer_id, delivery_contact_name, delivery_phone, delivery_address, delivery_city, delivery_region,
                           payment_method, payment_status, priority, promised_by, status, hold_reasons, status_reason, allow_backorder,
                           subtotal_fen, delivery_fee_fen, total_fen, note, last_event_sequence, created_at, updated_at)
       SELECT g.id, 'SO' || to_char(g.created_at AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDD') || '-' || lpad(g.i::text, 7, '0'), g.channel, cu.id,
              cu.name, cu.phone, cu.address, cu.city, cu.region,
              g.payment_method,
              CASE WHEN g.payment_method = 'CASH_ON_DELIVERY' THEN 'COD_ACCEPTED' WHEN g.status = 'PENDING_REVIEW' THEN 'PENDING' ELSE 'PAID' END,
              g.priority, g.created_at + interval '48 hours', g.status,
              CASE WHEN g.status = 'ON_HOLD' THEN ARRAY['LARGE_ORDER'] WHEN g.status = 'PENDING_REVIEW' THEN ARRAY['PAYMENT_PENDING'] ELSE '{}' END,
              CASE WHEN g.status = 'CANCELLED' THEN 'Customer changed their mind' END,
              g.status = 'BACKORDERED',
              s.subtotal, CASE WHEN s.subtotal >= 9900 THEN 0 ELSE 800 END, s.subtotal + CASE WHEN s.subtotal >= 9900 THEN 0 ELSE 800 END,
              CASE WHEN g.i % 11 = 0 THEN 'Please call before delivery' END,
              CASE g.status ${Object.entries(PATHS)
                .map(([status, path]) => `WHEN '${status}' THEN ${path.length}`)
                .join(' ')} END,
              g.created_at, g.created_at
         FROM g JOIN c_rn cu ON cu.rn = g.customer_rn
         JOIN (SELECT i, sum(quantity * unit_price_fen)::int AS subtotal FROM gl GROUP BY i) s ON s.i = g.i`,
    );
    let lines = 0;
    let allocations = 0;
    let events = 0;
    if (withLines) {
      lines = (
        await c.query(
          `INSERT INTO order_line (order_id, line_no, product_id, sku, product_name, spec, quantity, unit_price_fen)
           SELECT g.id, gl.line_no, gl.product_id, gl.sku, gl.name, gl.spec, gl.quantity, gl.unit_price_fen FROM gl JOIN g USING (i)`,
        )
      ).rowCount!;
    }
    if (withHistory) {
      allocations = (
        await c.query(
          `INSERT INTO order_allocation (order_id, line_no, product_id, sku, warehouse_id, stock_level_id, quantity, status, created_at)
           SELECT g.id, gl.line_no, gl.product_id, gl.sku, w.id, sl.id, gl.quantity,
                  CASE WHEN g.status IN ('ALLOCATED', 'PICKING', 'PACKED') THEN 'RESERVED' WHEN g.status = 'CANCELLED' THEN 'RELEASED' ELSE 'SHIPPED' END,
                  g.created_at + interval '1 second'
             FROM gl JOIN g USING (i) JOIN w_rn w ON w.rn = g.warehouse_rn
             JOIN stock_level sl ON sl.product_id = gl.product_id AND sl.warehouse_id = w.id
            WHERE g.status IN ('ALLOCATED', 'PICKING', 'PACKED', 'SHIPPED', 'OUT_FOR_DELIVERY', 'DELIVERED', 'CANCELLED')`,
        )
      ).rowCount!;
      events = (
        await c.query(
          `INSERT INTO order_event (order_id, sequence, type, from_status, to_status, reason, actor, created_at)
           SELECT g.id, sp.seq, CASE WHEN sp.seq = 1 THEN 'PLACED' ELSE 'STATUS_CHANGED' END, sp.from_status, sp.to_status,
                  CASE WHEN sp.to_status = 'CANCELLED' THEN 'Customer changed their mind' END,
                  CASE WHEN sp.seq <= 3 THEN 'system' ELSE 'warehouse@demo.local' END,
                  g.created_at + (sp.seq - 1) * interval '20 minutes'
             FROM g JOIN status_path sp ON sp.status = g.status ORDER BY g.created_at, sp.seq`,
        )
      ).rowCount!;
      await c.query(
        `UPDATE stock_level sl SET reserved = a.q, on_hand = greatest(sl.on_hand, a.q)
           FROM (SELECT stock_level_id, sum(quantity)::int AS q FROM order_allocation WHERE status = 'RESERVED' GROUP BY stock_level_id) a
          WHERE sl.id = a.stock_level_id`,
      );
    }
    for (const def of dropped) await c.query(def);
    await c.query(`SET session_replication_role = DEFAULT`);
    await c.query(`SELECT setval('order_number_seq', 1)`);
    for (const t of [
      'warehouse',
      'product',
      'stock_level',
      'customer',
      'orders',
      'order_line',
      'order_allocation',
      'order_event',
    ])
      await c.query(`VACUUM ANALYZE ${t}`);
    return { orders: N, lines, allocations, events, seconds: (performance.now() - started) / 1000 };
  });
}

/** With BENCH_VERBOSE=1, every statement of the generator is printed with its duration. */
function timedClient(c: Client): Pick<Client, 'query'> {
  if (!process.env.BENCH_VERBOSE) return c;
  return {
    query: (async (text: string, values?: unknown[]) => {
      const t = performance.now();
      const r = await c.query(text, values);
      console.log(
        `      ${(performance.now() - t).toFixed(0).padStart(6)} ms  ${text.replace(/\s+/g, ' ').slice(0, 100)}`,
      );
      return r;
    }) as Client['query'],
  };
}

/** The API's cursor for an order (see apps/api/src/common/connection.ts: base64url JSON of the sort key). */
export function orderCursor(createdAt: Date, id: string): string {
  return Buffer.from(JSON.stringify([createdAt.toISOString(), id])).toString('base64url');
}

/** The cursor of the `position`-th newest order (1-based), as the API would hand it out on that edge. */
export async function cursorAt(c: Client, position: number): Promise<string> {
  const { rows } = await c.query(
    `SELECT created_at, id FROM orders ORDER BY created_at DESC, id DESC OFFSET $1 LIMIT 1`,
    [position - 1],
  );
  if (!rows.length) throw new Error(`there is no order at position ${position}`);
  return orderCursor(rows[0].created_at, rows[0].id);
}
