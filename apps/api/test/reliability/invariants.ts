import { Client } from 'pg';

/** One violated rule, with up to a few offending rows for the report. */
export interface Violation {
  rule: string;
  count: number;
  sample: unknown[];
}

/**
 * The promises stock and orders keep, checked in one snapshot (REPEATABLE READ, so concurrent commits
 * cannot make a consistent state look broken):
 * - available is never negative and nothing is reserved below zero;
 * - every level's on-hand and reserved equal the sums of its movement ledger;
 * - every level's reserved units are exactly the open (RESERVED) allocations against it;
 * - every allocated order has each line fully reserved (or, for a part already shipped, shipped); cancelled orders hold nothing; no line is
 *   reserved beyond its quantity;
 * - no partial orders: each has lines and a gapless event history ending at last_event_sequence;
 * - goods receipts: every line is received = accepted + rejected, purchase order lines are the sums
 *   of their receipt lines and never accept beyond the tolerance, and each receipt's accepted units
 *   are exactly the RECEIPT movements that reference it (rejected units never became stock);
 * - the warehouse floor: an allocation is on one live shipment at most, a shipped shipment's units all
 *   left as SHIPPED allocations, each order's shipped allocations are exactly its SHIPMENT movements,
 *   and an order is SHIPPED only with nothing left reserved.
 */
const RULES: { rule: string; sql: string }[] = [
  {
    rule: 'available never negative',
    sql: `SELECT id, on_hand, reserved FROM stock_level WHERE reserved > on_hand OR reserved < 0 OR on_hand < 0`,
  },
  {
    rule: 'levels equal their movement ledger',
    sql: `SELECT sl.id, sl.on_hand, sl.reserved, m.on_hand AS ledger_on_hand, m.reserved AS ledger_reserved
            FROM stock_level sl
            LEFT JOIN (SELECT stock_level_id, sum(on_hand_delta)::int AS on_hand, sum(reserved_delta)::int AS reserved
                         FROM stock_movement GROUP BY stock_level_id) m ON m.stock_level_id = sl.id
           WHERE sl.on_hand <> coalesce(m.on_hand, 0) OR sl.reserved <> coalesce(m.reserved, 0)`,
  },
  {
    rule: 'reserved equals open allocations',
    sql: `SELECT sl.id, sl.reserved, coalesce(a.q, 0) AS allocated
            FROM stock_level sl
            LEFT JOIN (SELECT stock_level_id, sum(quantity)::int AS q FROM order_allocation WHERE status = 'RESERVED' GROUP BY stock_level_id) a
                   ON a.stock_level_id = sl.id
           WHERE sl.reserved <> coalesce(a.q, 0)`,
  },
  {
    rule: 'allocated orders fully reserved',
    sql: `SELECT o.number, l.line_no, l.quantity, coalesce(sum(a.quantity), 0)::int AS reserved
            FROM orders o JOIN order_line l ON l.order_id = o.id
            LEFT JOIN order_allocation a ON a.order_id = o.id AND a.line_no = l.line_no AND a.status IN ('RESERVED', 'SHIPPED')
           WHERE o.status = 'ALLOCATED'
           GROUP BY o.number, l.line_no, l.quantity HAVING coalesce(sum(a.quantity), 0) <> l.quantity`,
  },
  {
    rule: 'no line reserved beyond its quantity',
    sql: `SELECT o.number, l.line_no, l.quantity, sum(a.quantity)::int AS reserved
            FROM orders o JOIN order_line l ON l.order_id = o.id
            JOIN order_allocation a ON a.order_id = o.id AND a.line_no = l.line_no AND a.status = 'RESERVED'
           GROUP BY o.number, l.line_no, l.quantity HAVING sum(a.quantity) > l.quantity`,
  },
  {
    rule: 'cancelled orders hold no stock',
    sql: `SELECT DISTINCT o.number FROM orders o JOIN order_allocation a ON a.order_id = o.id AND a.status = 'RESERVED' WHERE o.status = 'CANCELLED'`,
  },
  {
    rule: 'no partial orders',
    sql: `SELECT o.number, o.last_event_sequence, e.n, e.max_seq, (SELECT count(*) FROM order_line l WHERE l.order_id = o.id) AS lines
            FROM orders o
            LEFT JOIN (SELECT order_id, count(*)::int AS n, max(sequence) AS max_seq FROM order_event GROUP BY order_id) e ON e.order_id = o.id
           WHERE NOT EXISTS (SELECT 1 FROM order_line l WHERE l.order_id = o.id)
              OR coalesce(e.n, 0) = 0 OR e.n <> e.max_seq OR e.max_seq <> o.last_event_sequence`,
  },
  {
    rule: 'receipt lines split into accepted and rejected',
    sql: `SELECT id, received, accepted, rejected FROM goods_receipt_line WHERE received <> accepted + rejected`,
  },
  {
    rule: 'purchase order lines equal their receipts, within tolerance',
    sql: `SELECT l.id, l.quantity, l.received_qty, l.accepted_qty, l.rejected_qty, r.received, r.accepted, r.rejected
            FROM purchase_order_line l
            LEFT JOIN (SELECT purchase_order_line_id, sum(received)::int AS received, sum(accepted)::int AS accepted,
                              sum(rejected)::int AS rejected
                         FROM goods_receipt_line GROUP BY 1) r ON r.purchase_order_line_id = l.id
           WHERE l.received_qty <> coalesce(r.received, 0) OR l.accepted_qty <> coalesce(r.accepted, 0)
              OR l.rejected_qty <> coalesce(r.rejected, 0) OR l.accepted_qty > floor(l.quantity * 1.05)`,
  },
  {
    rule: 'accepted goods are the receipt movements',
    sql: `SELECT g.number, a.accepted, coalesce(m.booked, 0) AS booked
            FROM goods_receipt g
            JOIN (SELECT goods_receipt_id, sum(accepted)::int AS accepted FROM goods_receipt_line GROUP BY 1) a
              ON a.goods_receipt_id = g.id
            LEFT JOIN (SELECT reference, sum(on_hand_delta)::int AS booked FROM stock_movement
                        WHERE reason = 'RECEIPT' AND reference LIKE 'GR-%' GROUP BY 1) m ON m.reference = g.number
           WHERE a.accepted <> coalesce(m.booked, 0)`,
  },
  {
    rule: 'an allocation on one live shipment at most',
    sql: `SELECT allocation_id, count(*)::int AS n FROM shipment_line WHERE NOT released GROUP BY 1 HAVING count(*) > 1`,
  },
  {
    rule: 'shipped shipments left with all their units',
    sql: `SELECT s.number, a.id AS allocation, a.status FROM shipment s
            JOIN shipment_line l ON l.shipment_id = s.id AND NOT l.released
            JOIN order_allocation a ON a.id = l.allocation_id
           WHERE s.status = 'SHIPPED' AND a.status <> 'SHIPPED' AND coalesce(l.picked, 0) > 0`,
  },
  {
    rule: 'shipped allocations are the shipment movements',
    sql: `SELECT o.number, coalesce(a.q, 0) AS shipped, coalesce(m.q, 0) AS moved
            FROM orders o
            LEFT JOIN (SELECT order_id, sum(quantity)::int AS q FROM order_allocation WHERE status = 'SHIPPED' GROUP BY 1) a
                   ON a.order_id = o.id
            LEFT JOIN (SELECT reference, -sum(on_hand_delta)::int AS q FROM stock_movement WHERE reason = 'SHIPMENT' GROUP BY 1) m
                   ON m.reference = o.number
           WHERE coalesce(a.q, 0) <> coalesce(m.q, 0)`,
  },
  {
    rule: 'shipped orders hold nothing',
    sql: `SELECT DISTINCT o.number FROM orders o JOIN order_allocation a ON a.order_id = o.id AND a.status = 'RESERVED' WHERE o.status = 'SHIPPED'`,
  },
];

export async function findViolations(client: Client): Promise<Violation[]> {
  await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  try {
    const found: Violation[] = [];
    for (const { rule, sql } of RULES) {
      const { rows } = await client.query(sql);
      if (rows.length) found.push({ rule, count: rows.length, sample: rows.slice(0, 3) });
    }
    return found;
  } finally {
    await client.query('COMMIT');
  }
}
