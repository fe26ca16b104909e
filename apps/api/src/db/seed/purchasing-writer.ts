import { EntityManager } from 'typeorm';
import { PurchasingData } from './purchase-history';
import { insertAll, iso, pgArray } from './writer';

const isoOrNull = (t: number | null) => (t === null ? null : iso(t));

/** Writes suppliers, offers, purchase orders with lines, events and contacts, and goods receipts. */
export async function insertPurchasing(m: EntityManager, data: PurchasingData): Promise<void> {
  const lastAt = (o: PurchasingData['orders'][number]) => o.events[o.events.length - 1].at;
  await insertAll(
    m,
    'supplier',
    [
      { name: 'id', type: 'uuid', value: (s) => s.id },
      { name: 'code', type: 'text', value: (s) => s.code },
      { name: 'name', type: 'text', value: (s) => s.name },
      { name: 'contact_name', type: 'text', value: (s) => s.contactName },
      { name: 'phone', type: 'text', value: (s) => s.phone },
      { name: 'email', type: 'text', value: (s) => s.email },
      { name: 'address', type: 'text', value: (s) => s.address },
      { name: 'regions', type: 'text[]', value: (s) => pgArray(s.regions) },
      { name: 'status', type: 'text', value: (s) => s.status },
      { name: 'status_reason', type: 'text', value: (s) => s.statusReason },
      { name: 'created_at', type: 'timestamptz', value: (s) => iso(s.createdAt) },
      { name: 'updated_at', type: 'timestamptz', value: (s) => iso(s.suspendedAt ?? s.createdAt) },
    ],
    data.suppliers,
  );
  await insertAll(
    m,
    'supplier_offer',
    [
      { name: 'id', type: 'uuid', value: (o) => o.id },
      { name: 'supplier_id', type: 'uuid', value: (o) => o.supplier.id },
      { name: 'product_id', type: 'uuid', value: (o) => o.product.id },
      { name: 'unit_price_fen', type: 'int', value: (o) => o.unitPriceFen },
      { name: 'lead_time_days', type: 'int', value: (o) => o.leadTimeDays },
      { name: 'min_order_qty', type: 'int', value: (o) => o.minOrderQty },
      { name: 'pack_multiple', type: 'int', value: (o) => o.packMultiple },
      { name: 'updated_at', type: 'timestamptz', value: (o) => iso(o.supplier.createdAt) },
    ],
    data.offers,
  );
  await insertAll(
    m,
    'purchase_order',
    [
      { name: 'id', type: 'uuid', value: (o) => o.id },
      { name: 'number', type: 'text', value: (o) => o.number },
      { name: 'supplier_id', type: 'uuid', value: (o) => o.supplier.id },
      { name: 'warehouse_id', type: 'uuid', value: (o) => o.warehouse.id },
      { name: 'status', type: 'text', value: (o) => o.status },
      {
        name: 'total_fen',
        type: 'int',
        value: (o) => o.lines.reduce((s, l) => s + l.quantity * l.offer.unitPriceFen, 0),
      },
      {
        name: 'expected_date',
        type: 'date',
        value: (o) =>
          o.lines
            .filter((l) => l.accepted < l.quantity && l.expectedDate)
            .map((l) => l.expectedDate!)
            .sort()[0] ?? null,
      },
      { name: 'note', type: 'text', value: (o) => o.note },
      { name: 'created_by', type: 'text', value: (o) => o.createdBy },
      { name: 'sent_at', type: 'timestamptz', value: (o) => isoOrNull(o.sentAt) },
      { name: 'confirmed_at', type: 'timestamptz', value: (o) => isoOrNull(o.confirmedAt) },
      { name: 'received_at', type: 'timestamptz', value: (o) => isoOrNull(o.receivedAt) },
      { name: 'closed_at', type: 'timestamptz', value: (o) => isoOrNull(o.closedAt) },
      { name: 'cancelled_at', type: 'timestamptz', value: (o) => isoOrNull(o.cancelledAt) },
      { name: 'status_reason', type: 'text', value: (o) => o.statusReason },
      { name: 'last_expedited_at', type: 'timestamptz', value: (o) => isoOrNull(o.lastExpeditedAt) },
      { name: 'overdue_flagged_at', type: 'timestamptz', value: (o) => isoOrNull(o.overdueFlaggedAt) },
      { name: 'last_event_sequence', type: 'int', value: (o) => o.events.length },
      { name: 'created_at', type: 'timestamptz', value: (o) => iso(o.createdAt) },
      { name: 'updated_at', type: 'timestamptz', value: (o) => iso(lastAt(o)) },
    ],
    data.orders,
  );
  const lines = data.orders.flatMap((o) => o.lines.map((line) => ({ o, line })));
  await insertAll(
    m,
    'purchase_order_line',
    [
      { name: 'id', type: 'uuid', value: (r) => r.line.id },
      { name: 'purchase_order_id', type: 'uuid', value: (r) => r.o.id },
      { name: 'line_no', type: 'int', value: (r) => r.line.lineNo },
      { name: 'product_id', type: 'uuid', value: (r) => r.line.offer.product.id },
      { name: 'sku', type: 'text', value: (r) => r.line.offer.product.sku },
      { name: 'product_name', type: 'text', value: (r) => r.line.offer.product.name },
      { name: 'quantity', type: 'int', value: (r) => r.line.quantity },
      { name: 'unit_price_fen', type: 'int', value: (r) => r.line.offer.unitPriceFen },
      { name: 'quoted_lead_days', type: 'int', value: (r) => r.line.quotedLeadDays },
      { name: 'promised_date', type: 'date', value: (r) => r.line.promisedDate },
      { name: 'expected_date', type: 'date', value: (r) => r.line.expectedDate },
      { name: 'received_qty', type: 'int', value: (r) => r.line.received },
      { name: 'accepted_qty', type: 'int', value: (r) => r.line.accepted },
      { name: 'rejected_qty', type: 'int', value: (r) => r.line.rejected },
    ],
    lines,
  );
  const events = data.orders
    .flatMap((o) => o.events.map((event, i) => ({ o, event, sequence: i + 1 })))
    .sort((a, b) => a.event.at - b.event.at);
  await insertAll(
    m,
    'purchase_order_event',
    [
      { name: 'purchase_order_id', type: 'uuid', value: (r) => r.o.id },
      { name: 'sequence', type: 'int', value: (r) => r.sequence },
      { name: 'type', type: 'text', value: (r) => r.event.type },
      { name: 'from_status', type: 'text', value: (r) => r.event.from },
      { name: 'to_status', type: 'text', value: (r) => r.event.to },
      { name: 'reason', type: 'text', value: (r) => r.event.reason },
      { name: 'actor', type: 'text', value: (r) => r.event.actor },
      { name: 'created_at', type: 'timestamptz', value: (r) => iso(r.event.at) },
    ],
    events,
  );
  const contacts = data.orders.flatMap((o) => o.contacts.map((c) => ({ o, c }))).sort((a, b) => a.c.at - b.c.at);
  await insertAll(
    m,
    'purchase_order_contact',
    [
      { name: 'purchase_order_id', type: 'uuid', value: (r) => r.o.id },
      { name: 'note', type: 'text', value: (r) => r.c.note },
      { name: 'new_expected_date', type: 'date', value: (r) => r.c.newExpectedDate },
      { name: 'actor', type: 'text', value: (r) => r.c.actor },
      { name: 'created_at', type: 'timestamptz', value: (r) => iso(r.c.at) },
    ],
    contacts,
  );
  await insertAll(
    m,
    'goods_receipt',
    [
      { name: 'id', type: 'uuid', value: (g) => g.id },
      { name: 'number', type: 'text', value: (g) => g.number },
      { name: 'purchase_order_id', type: 'uuid', value: (g) => g.order.id },
      { name: 'supplier_id', type: 'uuid', value: (g) => g.order.supplier.id },
      { name: 'warehouse_id', type: 'uuid', value: (g) => g.order.warehouse.id },
      { name: 'actor', type: 'text', value: (g) => g.actor },
      { name: 'received_at', type: 'timestamptz', value: (g) => iso(g.at) },
    ],
    data.receipts,
  );
  const receiptLines = data.receipts.flatMap((g) => g.lines.map((l) => ({ g, l })));
  await insertAll(
    m,
    'goods_receipt_line',
    [
      { name: 'id', type: 'uuid', value: (r) => r.l.id },
      { name: 'goods_receipt_id', type: 'uuid', value: (r) => r.g.id },
      { name: 'purchase_order_line_id', type: 'uuid', value: (r) => r.l.line.id },
      { name: 'product_id', type: 'uuid', value: (r) => r.l.line.offer.product.id },
      { name: 'received', type: 'int', value: (r) => r.l.received },
      { name: 'accepted', type: 'int', value: (r) => r.l.accepted },
      { name: 'rejected', type: 'int', value: (r) => r.l.rejected },
      { name: 'rejection_reason', type: 'text', value: (r) => r.l.reason },
    ],
    receiptLines,
  );
  const last = (prefix: string, numbers: string[]) =>
    numbers.length ? Number(numbers[numbers.length - 1].slice(prefix.length)) : null;
  const po = last(
    'PO-',
    data.orders.map((o) => o.number),
  );
  const gr = last(
    'GR-',
    data.receipts.map((g) => g.number),
  );
  // New orders and receipts continue the numbering where the history stops.
  if (po) await m.query(`SELECT setval('purchase_order_number_seq', $1)`, [po]);
  if (gr) await m.query(`SELECT setval('goods_receipt_number_seq', $1)`, [gr]);
}
