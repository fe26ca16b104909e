import { createOrdersData } from '../lib/orders-data';
import { adminAuth, Database, gql, startApi, withClient } from '../lib/platform';
import { log, report } from '../lib/report';
import { staffAuth } from './reads';

/**
 * Knobs: BENCH_PURCHASING_ORDERS (history, default 1,000,000), BENCH_PURCHASING_PRODUCTS (20,000),
 * BENCH_PURCHASING_BACKORDERS (500), BENCH_PURCHASING_LINES (200).
 */
const ORDERS = Number(process.env.BENCH_PURCHASING_ORDERS ?? 1_000_000);
const PRODUCTS = Number(process.env.BENCH_PURCHASING_PRODUCTS ?? 20_000);
const BACKORDERS = Number(process.env.BENCH_PURCHASING_BACKORDERS ?? 500);
const LINES = Number(process.env.BENCH_PURCHASING_LINES ?? 200);

const GENERATE = `mutation { generatePurchaseRequirements { considered created requirements { id } userErrors { code message } } }`;
const RECEIVE = `mutation($i: ReceivePurchaseOrderInput!) { receivePurchaseOrder(input: $i) {
  goodsReceipt { number releasedOrders { number } } purchaseOrder { status } userErrors { code message } } }`;

/** Statements clients sent to this database since the last reset (pg_stat_statements, top level: no trigger or FK-check queries). */
async function statementsSince(url: string, reset: boolean): Promise<number> {
  return withClient(url, async (c) => {
    const db = `(SELECT oid FROM pg_database WHERE datname = current_database())`;
    if (reset) {
      await c.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
      await c.query(`SELECT pg_stat_statements_reset(0, ${db}, 0)`);
      return 0;
    }
    const { rows } = await c.query(
      `SELECT coalesce(sum(calls), 0)::int AS n FROM pg_stat_statements
        WHERE dbid = ${db} AND toplevel AND query !~* 'pg_stat_statements|^(BEGIN|COMMIT|ROLLBACK|SET|SHOW)'`,
    );
    return rows[0].n;
  });
}

/**
 * 9. Purchasing. (a) generatePurchaseRequirements over PRODUCTS SKUs × 10 warehouses with ORDERS orders of
 * history (allocations give the sales rate), 2–3 offers per product, 10 % of levels running low and
 * backorders waiting: time and SQL statements, against the baseline of reading the same figures in one
 * hand-written query. (b) receivePurchaseOrder of a LINES-line order that releases BACKORDERS backorders,
 * against the baseline of the same receipt when nothing waits.
 */
export async function purchasing(db: Database) {
  const label = '9 purchasing';
  const url = await db.create();
  const api = await startApi(url, { JOBS: 'off' });
  try {
    const data = await createOrdersData(url, { orders: ORDERS, products: PRODUCTS, warehouses: 10, history: true });
    log(
      label,
      `${data.orders} orders, ${data.lines} lines, ${data.allocations} allocations generated in ${data.seconds.toFixed(1)} s`,
    );
    await withClient(url, async (c) => {
      await c.query(`
        INSERT INTO supplier (code, name, contact_name, phone, address, regions, status, status_reason, standing, score)
        SELECT 'BS-' || i, '基准供应商' || i, '联系人', '13800000000', '地址', ARRAY['EAST','NORTH','SOUTH','CENTRAL','SOUTHWEST','NORTHWEST','NORTHEAST'],
               CASE WHEN i = 7 THEN 'SUSPENDED' ELSE 'QUALIFIED' END, CASE WHEN i = 7 THEN 'bench' END, CASE WHEN i % 9 = 0 THEN 'WATCH' ELSE 'GOOD' END, 60 + i
          FROM generate_series(1, 30) i`);
      await c.query(`
        INSERT INTO supplier_offer (supplier_id, product_id, unit_price_fen, lead_time_days, min_order_qty, pack_multiple)
        SELECT s.id, p.id, greatest(1, p.unit_price_fen * (55 + k * 7) / 100), 2 + (k * 5 + p.n) % 12, 1 + (k % 2) * 11, CASE WHEN k = 1 THEN 12 ELSE 1 END
          FROM (SELECT id, unit_price_fen, row_number() OVER (ORDER BY sku) AS n FROM product) p
          CROSS JOIN generate_series(0, 2) k
          JOIN LATERAL (SELECT id FROM supplier ORDER BY code OFFSET ((p.n + k * 11) % 30) LIMIT 1) s ON true
         WHERE k < 2 OR p.n % 2 = 0
        ON CONFLICT DO NOTHING`);
      // 10 % of levels run low.
      await c.query(`UPDATE stock_level SET on_hand = reserved + abs(hashtext(id::text)) % 80
                      WHERE abs(hashtext(id::text)) % 10 = 0`);
      // Vacuumed as a database in service is: a fresh load has no visibility map, so index-only scans would read the heap.
      await c.query('VACUUM ANALYZE');
    });
    const admin = await adminAuth(api);
    const purchaser = await staffAuth(api, admin, 'MANAGER');

    const baselineMs: number[] = [];
    for (let i = 0; i < 3; i++) {
      baselineMs.push(
        await withClient(url, async (c) => {
          const t = performance.now();
          await c.query(BASELINE_SQL);
          return performance.now() - t;
        }),
      );
    }
    await statementsSince(url, true);
    const t = performance.now();
    const r = await gql(api.url, purchaser, GENERATE);
    const generateMs = performance.now() - t;
    const statements = await statementsSince(url, false);
    const created = r.data?.generatePurchaseRequirements?.created;
    if (r.errors || created === undefined) throw new Error(`generate failed: ${JSON.stringify(r).slice(0, 400)}`);
    log(
      label,
      `requirements: ${r.data.generatePurchaseRequirements.considered} levels considered, ${created} requirements created`,
    );
    report({
      benchmark: label,
      name: `generate requirements (${PRODUCTS.toLocaleString('en')} SKUs × 10 warehouses, ${ORDERS.toLocaleString('en')} orders)`,
      value: generateMs / 1000,
      unit: 's',
      goal: { atMost: 3 },
      note: `baseline: the figures in one query ${(Math.min(...baselineMs) / 1000).toFixed(2)} s`,
    });
    report({
      benchmark: label,
      name: 'statements per requirements run',
      value: statements,
      unit: 'statements',
      goal: { atMost: 20 },
      note: 'independent of the number of SKUs',
    });

    // (b) A receipt of a LINES-line order to SH… warehouse 1 releasing BACKORDERS waiting orders.
    const receipt = async (backorders: number) => {
      const { poId, lineIds } = await withClient(url, (c) => receiptFixture(c, LINES, backorders));
      const lines = lineIds.map((id) => ({
        lineId: gid('PurchaseOrderLine', id),
        received: 10,
        accepted: 10,
        rejected: 0,
      }));
      const started = performance.now();
      const res = await gql(api.url, purchaser, RECEIVE, { i: { purchaseOrderId: gid('PurchaseOrder', poId), lines } });
      const ms = performance.now() - started;
      const released = res.data?.receivePurchaseOrder?.goodsReceipt?.releasedOrders?.length;
      if (res.errors || res.data?.receivePurchaseOrder?.userErrors?.length || released === undefined)
        throw new Error(`receive failed: ${JSON.stringify(res).slice(0, 400)}`);
      return { ms, released };
    };
    const alone = await receipt(0);
    const busy = await receipt(BACKORDERS);
    log(label, `receipt: ${busy.released} backorders released (${alone.released} without backorders)`);
    report({
      benchmark: label,
      name: `receive a ${LINES}-line purchase order releasing ${BACKORDERS} backorders`,
      value: busy.ms / 1000,
      unit: 's',
      goal: { atMost: 1 },
      note: `baseline: the same receipt with no backorder waiting ${(alone.ms / 1000).toFixed(2)} s, ratio ${(busy.ms / alone.ms).toFixed(1)}`,
    });
  } finally {
    await api.stop();
  }
}

const gid = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64url');

/**
 * LINES new products stocked at zero in the first warehouse, `backorders` orders of its region waiting
 * for them (one or two lines, quantity 1–3), and a confirmed purchase order for 10 of each.
 */
async function receiptFixture(c: import('pg').Client, lines: number, backorders: number) {
  const tag = Math.random().toString(36).slice(2, 8);
  const [w] = (await c.query(`SELECT id, code, region FROM warehouse WHERE kind = 'WAREHOUSE' ORDER BY code LIMIT 1`))
    .rows;
  const [s] = (await c.query(`SELECT id FROM supplier WHERE status = 'QUALIFIED' ORDER BY code LIMIT 1`)).rows;
  const products = (
    await c.query(
      `INSERT INTO product (sku, name, spec, category, unit_price_fen) SELECT 'RCV-${tag}-' || i, '收货基准' || i, '1件', '基准', 500
         FROM generate_series(1, $1) i RETURNING id, sku`,
      [lines],
    )
  ).rows as { id: string; sku: string }[];
  await c.query(
    `INSERT INTO stock_level (product_id, warehouse_id, sku, warehouse_code, on_hand, low_threshold, high_threshold)
     SELECT p.id, $1, p.sku, $2, 0, 0, 10000 FROM unnest($3::uuid[], $4::text[]) AS p(id, sku)`,
    [w.id, w.code, products.map((p) => p.id), products.map((p) => p.sku)],
  );
  const [cust] = (await c.query(`SELECT id FROM customer WHERE region = $1 LIMIT 1`, [w.region])).rows;
  if (backorders > 0) {
    await c.query(
      `WITH o AS (
         INSERT INTO orders (number, channel, customer_id, delivery_contact_name, delivery_phone, delivery_address, delivery_city,
                             delivery_region, payment_method, payment_status, priority, promised_by, status, allow_backorder,
                             subtotal_fen, delivery_fee_fen, total_fen, created_at)
         SELECT 'BO-${tag}-' || i, 'WEB', $1, '张三', '13800000000', '某路1号', '上海', $2, 'WECHAT_PAY', 'PAID',
                CASE WHEN i % 10 = 0 THEN 'URGENT' ELSE 'NORMAL' END, now() + interval '2 days', 'BACKORDERED', true, 1000, 0, 1000,
                now() - i * interval '1 minute'
           FROM generate_series(1, $3) i RETURNING id, number)
       INSERT INTO order_line (order_id, line_no, product_id, sku, product_name, spec, quantity, unit_price_fen)
       SELECT o.id, k, p.id, p.sku, 'x', '1件', 1 + (n + k) % 2, 500
         FROM (SELECT id, row_number() OVER (ORDER BY number) AS n FROM o) o
         CROSS JOIN generate_series(1, 2) k
         JOIN LATERAL (SELECT * FROM unnest($4::uuid[], $5::text[]) WITH ORDINALITY AS p(id, sku, ord)
                        WHERE p.ord = 1 + ((o.n * 7 + k * 13) % $6) LIMIT 1) p ON true
        WHERE k = 1 OR o.n % 3 = 0`,
      [cust.id, w.region, backorders, products.map((p) => p.id), products.map((p) => p.sku), lines],
    );
  }
  const [po] = (
    await c.query(
      `INSERT INTO purchase_order (number, supplier_id, warehouse_id, status, created_by, confirmed_at, sent_at)
       VALUES ('PO-BENCH-${tag}', $1, $2, 'CONFIRMED', 'bench', now(), now()) RETURNING id`,
      [s.id, w.id],
    )
  ).rows;
  const lineRows = (
    await c.query(
      `INSERT INTO purchase_order_line (purchase_order_id, line_no, product_id, sku, product_name, quantity, unit_price_fen, promised_date, expected_date)
       SELECT $1, p.ord, p.id, p.sku, 'x', 10, 300, current_date + 3, current_date + 3
         FROM unnest($2::uuid[], $3::text[]) WITH ORDINALITY AS p(id, sku, ord) RETURNING id`,
      [po.id, products.map((p) => p.id), products.map((p) => p.sku)],
    )
  ).rows as { id: string }[];
  await c.query('ANALYZE orders, order_line, stock_level');
  return { poId: po.id as string, lineIds: lineRows.map((l) => l.id) };
}

/** The baseline: the figures of every level in one hand-written query (what the run reads, no rules, no writes). */
const BASELINE_SQL = `
SELECT sl.product_id, sl.warehouse_id, sl.on_hand, sl.reserved, sl.low_threshold, sl.high_threshold, coalesce(s.units, 0) AS sold
  FROM stock_level sl
  LEFT JOIN (SELECT product_id, warehouse_id, sum(quantity) AS units FROM order_allocation
              WHERE created_at > now() - interval '28 days' GROUP BY 1, 2) s
    ON s.product_id = sl.product_id AND s.warehouse_id = sl.warehouse_id`;
