import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DataSource } from 'typeorm';
import { ORDER_STATUSES, ORDER_TRANSITIONS, OrderStatus } from '@fulfilment/domain';
import { createDataSource } from '../src/db/data-source';
import { seedDemoData, seedDemoDataIfEmpty, SeedSummary } from '../src/db/seed/seed';
import { ledgerMismatches } from './factories';
import { createTestDatabase } from './helpers';

/** 20:00 in Shanghai, the evening peak: the demo must look busy at any hour, this one included. */
const NOW = new Date('2025-11-22T12:00:00.000Z');

/** In-flight statuses the dashboard shows, with the least it should find (a little under the design's aim). */
const IN_FLIGHT_MINIMUM: Partial<Record<OrderStatus, number>> = {
  PENDING_REVIEW: 12,
  ON_HOLD: 5,
  BACKORDERED: 6,
  ALLOCATED: 20,
  PICKING: 6,
  PACKED: 6,
  SHIPPED: 6,
  OUT_FOR_DELIVERY: 10,
};

const ALLOWED_STEPS = Object.entries(ORDER_TRANSITIONS)
  .flatMap(([from, targets]) => targets.map((to) => `('${from}', '${to}')`))
  .join(', ');

/** Each invariant is a query for the rows that break it. */
const INVARIANTS: Record<string, string> = {
  'every level equals the sum of its ledger': `
    SELECT sl.sku, sl.warehouse_code, sl.on_hand, sl.reserved, m.on_hand AS ledger_on_hand, m.reserved AS ledger_reserved
    FROM stock_level sl
    LEFT JOIN (SELECT stock_level_id, sum(on_hand_delta) AS on_hand, sum(reserved_delta) AS reserved FROM stock_movement GROUP BY 1) m ON m.stock_level_id = sl.id
    WHERE sl.on_hand IS DISTINCT FROM m.on_hand OR sl.reserved IS DISTINCT FROM m.reserved`,
  'every movement carries the running on-hand and reserved, within 0 <= reserved <= on hand': `
    SELECT id, stock_level_id, on_hand_after, reserved_after
    FROM (SELECT *, sum(on_hand_delta) OVER w AS on_hand, sum(reserved_delta) OVER w AS reserved
          FROM stock_movement WINDOW w AS (PARTITION BY stock_level_id ORDER BY id)) m
    WHERE on_hand_after <> on_hand OR reserved_after <> reserved OR reserved_after < 0 OR reserved_after > on_hand_after`,
  '0 <= reserved <= on hand': `SELECT sku, warehouse_code, on_hand, reserved FROM stock_level WHERE reserved < 0 OR reserved > on_hand`,
  'reserved equals the RESERVED allocations': `
    SELECT sl.sku, sl.warehouse_code, sl.reserved, a.quantity AS allocated
    FROM stock_level sl
    LEFT JOIN (SELECT stock_level_id, sum(quantity) AS quantity FROM order_allocation WHERE status = 'RESERVED' GROUP BY 1) a ON a.stock_level_id = sl.id
    WHERE sl.reserved <> coalesce(a.quantity, 0)`,
  'event sequences run 1..n without gaps, n = last_event_sequence': `
    SELECT o.number, e.events, e.first, e.last, o.last_event_sequence
    FROM orders o
    LEFT JOIN (SELECT order_id, count(*) AS events, min(sequence) AS first, max(sequence) AS last FROM order_event GROUP BY 1) e ON e.order_id = o.id
    WHERE e.events IS NULL OR e.first <> 1 OR e.last <> e.events OR o.last_event_sequence <> e.events`,
  'each history starts PLACED into PENDING_REVIEW when the order was created': `
    SELECT o.number, e.type, e.from_status, e.to_status
    FROM orders o JOIN order_event e ON e.order_id = o.id AND e.sequence = 1
    WHERE e.type <> 'PLACED' OR e.from_status IS NOT NULL OR e.to_status <> 'PENDING_REVIEW' OR e.created_at <> o.created_at`,
  'events chain and follow the transition table, never back in time': `
    SELECT o.number, e.sequence, e.type, e.from_status, e.to_status
    FROM (SELECT *, lag(to_status) OVER w AS previous_status, lag(created_at) OVER w AS previous_at
          FROM order_event WINDOW w AS (PARTITION BY order_id ORDER BY sequence)) e
    JOIN orders o ON o.id = e.order_id
    WHERE e.sequence > 1 AND (
      e.from_status IS DISTINCT FROM e.previous_status OR e.created_at < e.previous_at OR e.type = 'PLACED'
      OR (e.type = 'STATUS_CHANGED' AND (e.from_status, e.to_status) NOT IN (VALUES ${ALLOWED_STEPS}))
      OR (e.type = 'UPDATED' AND e.from_status <> e.to_status))`,
  'status and updated_at match the last event': `
    SELECT o.number, o.status, e.to_status
    FROM orders o JOIN order_event e ON e.order_id = o.id AND e.sequence = o.last_event_sequence
    WHERE o.status <> e.to_status OR o.updated_at < e.created_at`,
  'orders pending review say why': `
    SELECT number, hold_reasons, status_reason FROM orders
    WHERE status = 'PENDING_REVIEW' AND (cardinality(hold_reasons) = 0 OR status_reason IS NULL)`,
  'hold reasons agree with the review rules': `
    SELECT o.number, o.hold_reasons
    FROM orders o JOIN customer c ON c.id = o.customer_id
    WHERE o.status = 'PENDING_REVIEW' AND (
      ('UNDELIVERABLE_REGION' = ANY (o.hold_reasons)) <> (o.delivery_region NOT IN (SELECT region FROM warehouse))
      OR ('CREDIT_BLOCKED' = ANY (o.hold_reasons)) <> (c.credit_status = 'BLOCKED')
      OR ('LARGE_ORDER' = ANY (o.hold_reasons)) <> (o.total_fen > 5000000)
      OR ('NEW_CUSTOMER_CREDIT_CHECK' = ANY (o.hold_reasons) AND NOT c.is_new))`,
  'allocated and shipped orders have every line covered': `
    SELECT o.number, o.status, l.line_no, l.quantity, a.quantity AS allocated
    FROM orders o
    JOIN order_line l ON l.order_id = o.id
    CROSS JOIN LATERAL (
      SELECT coalesce(sum(x.quantity), 0) AS quantity FROM order_allocation x
      WHERE x.order_id = o.id AND x.line_no = l.line_no
        -- On the floor, a part may have shipped while another is still being worked.
        AND (x.status = 'SHIPPED' OR (x.status = 'RESERVED' AND o.status IN ('ALLOCATED', 'PICKING', 'PACKED')))) a
    WHERE o.status IN ('ALLOCATED', 'PICKING', 'PACKED', 'SHIPPED', 'OUT_FOR_DELIVERY', 'DELIVERED') AND a.quantity <> l.quantity`,
  'stock movements match the allocations they reserve, ship and release': `
    WITH moved AS (
      SELECT reference, stock_level_id,
        sum(reserved_delta) FILTER (WHERE reason = 'RESERVATION') AS reserved,
        coalesce(-sum(on_hand_delta) FILTER (WHERE reason = 'SHIPMENT'), 0) AS shipped,
        coalesce(-sum(reserved_delta) FILTER (WHERE reason = 'RELEASE'), 0) AS released
      FROM stock_movement WHERE reason IN ('RESERVATION', 'SHIPMENT', 'RELEASE') GROUP BY 1, 2),
    allocated AS (
      SELECT o.number AS reference, a.stock_level_id, sum(a.quantity) AS reserved,
        coalesce(sum(a.quantity) FILTER (WHERE a.status = 'SHIPPED'), 0) AS shipped,
        coalesce(sum(a.quantity) FILTER (WHERE a.status = 'RELEASED'), 0) AS released
      FROM order_allocation a JOIN orders o ON o.id = a.order_id GROUP BY 1, 2)
    SELECT * FROM moved FULL JOIN allocated USING (reference, stock_level_id)
    WHERE moved.reserved IS DISTINCT FROM allocated.reserved OR moved.shipped IS DISTINCT FROM allocated.shipped
       OR moved.released IS DISTINCT FROM allocated.released`,
  'totals are the sum of the lines plus the delivery fee': `
    SELECT o.number, o.subtotal_fen, o.delivery_fee_fen, o.total_fen, l.subtotal
    FROM orders o JOIN (SELECT order_id, sum(quantity * unit_price_fen) AS subtotal FROM order_line GROUP BY 1) l ON l.order_id = o.id
    WHERE o.subtotal_fen <> l.subtotal OR o.total_fen <> o.subtotal_fen + o.delivery_fee_fen`,
};

async function assertNoRows(ds: DataSource, sql: string, what: string): Promise<void> {
  const rows = await ds.query(sql);
  assert.deepEqual(rows.slice(0, 5), [], `${what}: ${rows.length} violating rows, first ones shown`);
}

async function count(ds: DataSource, sql: string): Promise<number> {
  const [row] = await ds.query(sql);
  return Number(Object.values(row)[0]);
}

/** What must come out the same from every run with the same `now`. */
/**
 * The history up to NOW, and the status of every order of it (the floor's and the last mile's work after
 * it runs at the real time). This morning's own-fleet orders are placed at the real time, after NOW.
 */
async function fingerprint(ds: DataSource): Promise<Record<string, string>> {
  const [row] = await ds.query(
    `
    SELECT
      (SELECT md5(string_agg(concat_ws('|', number, status, total_fen, created_at), ',' ORDER BY number)) FROM orders
        WHERE created_at <= $1) AS orders,
      (SELECT md5(string_agg(concat_ws('|', o.number, e.sequence, e.type, e.from_status, e.to_status, e.reason, e.actor, e.created_at), ',' ORDER BY o.number, e.sequence))
         FROM order_event e JOIN orders o ON o.id = e.order_id WHERE e.created_at <= $1) AS events,
      (SELECT md5(string_agg(concat_ws('|', stock_level_id, reason, on_hand_delta, reserved_delta, on_hand_after, reserved_after, reference, note, actor, created_at), ',' ORDER BY id))
         FROM stock_movement WHERE created_at <= $1) AS movements`,
    [NOW],
  );
  return row;
}

async function seededDatabase(): Promise<{ ds: DataSource; drop(): Promise<void>; summary: SeedSummary }> {
  const db = await createTestDatabase();
  const ds = createDataSource(db.url, 4);
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  const summary = await seedDemoData(ds, { now: NOW });
  const drop = async () => {
    await ds.destroy();
    await db.drop();
  };
  return { ds, summary, drop };
}

describe('demo data', () => {
  let seeded: Awaited<ReturnType<typeof seededDatabase>>;
  let ds: DataSource;

  before(async () => {
    seeded = await seededDatabase();
    ds = seeded.ds;
  });
  after(() => seeded?.drop());

  describe('keeps the invariants the services keep', () => {
    for (const [what, sql] of Object.entries(INVARIANTS)) {
      it(what, () => assertNoRows(ds, sql, what));
    }
  });

  it('has the catalogue, sites and customers the demo describes', async () => {
    assert.equal(await count(ds, `SELECT count(*) FROM warehouse`), 10);
    assert.equal(
      await count(ds, `SELECT count(*) FROM warehouse WHERE region = 'NORTHWEST'`),
      0,
      'NORTHWEST is left unserved on purpose',
    );
    const products = await count(ds, `SELECT count(*) FROM product`);
    assert.ok(products >= 190 && products <= 210, `~200 products, got ${products}`);
    assert.equal(await count(ds, `SELECT count(*) FROM customer`), 500);
    const orders = await count(ds, `SELECT count(*) FROM orders WHERE created_at <= '${NOW.toISOString()}'`);
    assert.ok(orders >= 1900 && orders <= 2100, `~2,000 orders of history, got ${orders}`);
    assert.equal(orders, seeded.summary.orders);
    assert.equal(await count(ds, `SELECT count(*) FROM courier`), 40);
    const deliveries = await count(ds, `SELECT count(*) FROM delivery`);
    assert.ok(deliveries >= 100, `this morning's own-fleet deliveries, got ${deliveries}`);
  });

  it('shows every status, with plenty of work in progress and mostly finished history', async () => {
    const rows: { status: OrderStatus; n: number }[] = await ds.query(
      `SELECT status, count(*)::int AS n FROM orders WHERE created_at <= $1 GROUP BY status`,
      [NOW],
    );
    const byStatus = new Map(rows.map((r) => [r.status, r.n]));
    // Fully returned orders come from the after-sales seed (seedReturns), run once the demo users exist.
    for (const status of ORDER_STATUSES.filter((s) => s !== 'CONFIRMED' && s !== 'RETURNED'))
      assert.ok(byStatus.get(status), `some orders are ${status}`);
    for (const [status, least] of Object.entries(IN_FLIGHT_MINIMUM)) {
      const n = byStatus.get(status as OrderStatus) ?? 0;
      assert.ok(n >= least, `at least ${least} orders ${status}, got ${n}`);
    }
    const total = rows.reduce((sum, r) => sum + r.n, 0);
    const finished = (byStatus.get('DELIVERED') ?? 0) + (byStatus.get('CANCELLED') ?? 0);
    assert.ok(finished / total > 0.85, `history is mostly delivered or cancelled: ${finished} of ${total}`);
  });

  it('gives customer service a review queue with mixed reasons', async () => {
    const reasons = await count(
      ds,
      `SELECT count(DISTINCT r) FROM orders, unnest(hold_reasons) AS r WHERE status = 'PENDING_REVIEW'`,
    );
    assert.ok(reasons >= 3, `at least three different hold reasons in the queue, got ${reasons}`);
  });

  it('delivers mostly on time and leaves some stock levels low', async () => {
    const onTime = await count(
      ds,
      `
      SELECT avg((e.created_at <= o.promised_by)::int)
      FROM orders o JOIN order_event e ON e.order_id = o.id AND e.to_status = 'DELIVERED'`,
    );
    assert.ok(onTime >= 0.9 && onTime <= 0.98, `on-time delivery rate ${onTime}`);
    const levels = await count(ds, `SELECT count(*) FROM stock_level`);
    const low = await count(ds, `SELECT count(*) FROM stock_level WHERE on_hand - reserved <= low_threshold`);
    assert.ok(low > 0 && low / levels <= 0.2, `some levels at or below their low threshold: ${low} of ${levels}`);
  });

  it('comes out the same from another run with the same now', async () => {
    const again = await seededDatabase();
    try {
      assert.deepEqual(await fingerprint(again.ds), await fingerprint(ds));
      assert.deepEqual(again.summary, seeded.summary);
    } finally {
      await again.drop();
    }
  });

  it('is left alone by seedDemoDataIfEmpty, and new order numbers continue the sequence', async () => {
    const counts = () =>
      ds.query(`SELECT (SELECT count(*) FROM warehouse) AS warehouses, (SELECT count(*) FROM orders) AS orders,
      (SELECT count(*) FROM order_event) AS events, (SELECT count(*) FROM stock_movement) AS movements`);
    const before = await counts();
    await seedDemoDataIfEmpty(ds);
    assert.deepEqual(await counts(), before);

    const last = await count(ds, `SELECT max(right(number, 6)::int) FROM orders`);
    const next = await count(ds, `SELECT nextval('order_number_seq')`);
    assert.ok(next > last, `next order number ${next} follows the last seeded one ${last}`);
  });

  it('has ~25 suppliers with two or three offers for every active product', async () => {
    const suppliers = await count(ds, `SELECT count(*) FROM supplier`);
    assert.ok(suppliers >= 22 && suppliers <= 28, `~25 suppliers, got ${suppliers}`);
    assert.equal(suppliers, seeded.summary.suppliers);
    await assertNoRows(
      ds,
      `SELECT p.sku, count(o.id) AS offers FROM product p LEFT JOIN supplier_offer o ON o.product_id = p.id AND o.active
        WHERE p.active GROUP BY p.sku HAVING count(o.id) NOT BETWEEN 2 AND 3`,
      'active products with other than 2–3 offers',
    );
    await assertNoRows(
      ds,
      `SELECT code, phone FROM supplier WHERE phone !~ '^(1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8})$'`,
      'supplier phones that are not mainland numbers',
    );
    assert.equal(
      await count(ds, `SELECT count(*) FROM supplier WHERE status = 'SUSPENDED' AND status_reason IS NOT NULL`),
      1,
    );
  });

  it('scores suppliers differently: mostly good, a few on watch, exactly one blocked', async () => {
    const rows: { standing: string; n: number }[] = await ds.query(
      `SELECT standing, count(*)::int AS n FROM supplier GROUP BY standing`,
    );
    const by = new Map(rows.map((r) => [r.standing, r.n]));
    assert.equal(by.get('BLOCKED'), 1, `one BLOCKED supplier: ${JSON.stringify(rows)}`);
    const watch = by.get('WATCH') ?? 0;
    assert.ok(watch >= 2 && watch <= 5, `a few on WATCH: ${JSON.stringify(rows)}`);
    assert.ok(
      (by.get('EXCELLENT') ?? 0) + (by.get('GOOD') ?? 0) >= 15,
      `most GOOD or EXCELLENT: ${JSON.stringify(rows)}`,
    );
    const periods = await count(ds, `SELECT count(*) FROM supplier_scorecard_period WHERE total IS NOT NULL`);
    const spread = await count(ds, `SELECT max(total) - min(total) FROM supplier_scorecard_period`);
    assert.ok(periods >= 60, `scored periods over six months, got ${periods}`);
    assert.ok(spread >= 30, `period totals differ by at least 30 points, got ${spread}`);
  });

  it('leaves some purchase orders overdue, others open, and requirements pending', async () => {
    const overdue = await count(
      ds,
      `SELECT count(*) FROM purchase_order WHERE status IN ('SENT', 'CONFIRMED', 'PARTIALLY_RECEIVED')
          AND expected_date < (TIMESTAMPTZ '${NOW.toISOString()}' AT TIME ZONE 'Asia/Shanghai')::date`,
    );
    assert.ok(overdue >= 3 && overdue <= 6, `3–6 overdue purchase orders, got ${overdue}`);
    for (const status of ['DRAFT', 'SENT', 'CONFIRMED', 'PARTIALLY_RECEIVED', 'RECEIVED', 'CLOSED'])
      assert.ok(await count(ds, `SELECT count(*) FROM purchase_order WHERE status = '${status}'`), `some ${status}`);
    assert.ok(
      await count(
        ds,
        `SELECT count(*) FROM purchase_order_contact c JOIN purchase_order p ON p.id = c.purchase_order_id
                        WHERE p.expected_date < (TIMESTAMPTZ '${NOW.toISOString()}' AT TIME ZONE 'Asia/Shanghai')::date`,
      ),
      'some overdue orders were chased',
    );
    assert.ok(await count(ds, `SELECT count(*) FROM purchase_requirement WHERE status = 'OPEN'`), 'open requirements');
    const months = await count(
      ds,
      `SELECT count(DISTINCT date_trunc('month', received_at AT TIME ZONE 'Asia/Shanghai')) FROM goods_receipt`,
    );
    assert.ok(months >= 6, `receipts over six months, got ${months} months`);
    assert.equal(await count(ds, `SELECT count(*) FROM purchase_order`), seeded.summary.purchaseOrders);
    assert.equal(await count(ds, `SELECT count(*) FROM goods_receipt`), seeded.summary.goodsReceipts);
  });

  it('keeps the purchasing invariants, and the ledger still explains every level', async () => {
    await assertNoRows(
      ds,
      `SELECT id FROM goods_receipt_line WHERE received <> accepted + rejected OR (rejected > 0 AND rejection_reason IS NULL)`,
      'receipt lines that do not split into accepted and rejected',
    );
    await assertNoRows(
      ds,
      `SELECT l.id, l.received_qty, l.accepted_qty, l.rejected_qty, g.received, g.accepted, g.rejected
         FROM purchase_order_line l
         LEFT JOIN (SELECT purchase_order_line_id, sum(received) AS received, sum(accepted) AS accepted, sum(rejected) AS rejected
                      FROM goods_receipt_line GROUP BY 1) g ON g.purchase_order_line_id = l.id
        WHERE (l.received_qty, l.accepted_qty, l.rejected_qty) IS DISTINCT FROM
              (coalesce(g.received, 0), coalesce(g.accepted, 0), coalesce(g.rejected, 0))`,
      'order lines whose totals differ from their receipts',
    );
    await assertNoRows(
      ds,
      `SELECT p.number, e.events, e.first, e.last, p.last_event_sequence
         FROM purchase_order p
         LEFT JOIN (SELECT purchase_order_id, count(*) AS events, min(sequence) AS first, max(sequence) AS last
                      FROM purchase_order_event GROUP BY 1) e ON e.purchase_order_id = p.id
        WHERE e.events IS NULL OR e.first <> 1 OR e.last <> e.events OR p.last_event_sequence <> e.events`,
      'purchase order event sequences with gaps',
    );
    await assertNoRows(
      ds,
      `SELECT p.number, p.status, e.to_status FROM purchase_order p
         JOIN purchase_order_event e ON e.purchase_order_id = p.id AND e.sequence = p.last_event_sequence
        WHERE p.status <> e.to_status`,
      'purchase orders whose status is not their last event',
    );
    await assertNoRows(
      ds,
      `SELECT g.number, l.accepted, m.on_hand_delta
         FROM goods_receipt g JOIN goods_receipt_line l ON l.goods_receipt_id = g.id
         JOIN stock_movement m ON m.reference = g.number AND m.product_id = l.product_id AND m.warehouse_id = g.warehouse_id
        WHERE m.reason <> 'RECEIPT' OR m.on_hand_delta <> l.accepted`,
      'receipts whose movements booked other than the accepted units',
    );
    await assertNoRows(
      ds,
      `SELECT m.id, m.note FROM stock_movement m
        WHERE m.reason = 'RECEIPT' AND m.note NOT LIKE '期初%' AND NOT EXISTS (SELECT 1 FROM goods_receipt g WHERE g.number = m.reference)`,
      'replenishment movements without their goods receipt',
    );
    assert.deepEqual((await ledgerMismatches(ds)).slice(0, 5), []);
    const next = await count(ds, `SELECT nextval('purchase_order_number_seq')`);
    assert.equal(next, seeded.summary.purchaseOrders + 1, 'new purchase orders continue the numbering');
  });
});
