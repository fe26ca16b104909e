import { EntityManager } from 'typeorm';
import {
  CustomerSeed,
  MovementSeed,
  OrderEventSeed,
  OrderSeed,
  ProductSeed,
  StockLevelSeed,
  WarehouseSeed,
} from './model';

export interface Column<T> {
  name: string;
  /** Element type of the unnest array; array columns travel as Postgres array literals and are cast. */
  type: 'uuid' | 'text' | 'int' | 'bool' | 'timestamptz' | 'date' | 'text[]';
  value: (row: T) => string | number | boolean | null;
}

/**
 * One INSERT … SELECT FROM unnest(…) per table: each column goes as one array parameter. The
 * ordinality keeps rows in the given order, so identity ids follow time.
 */
export async function insertAll<T>(
  m: EntityManager,
  table: string,
  columns: Column<T>[],
  rows: readonly T[],
): Promise<void> {
  if (rows.length === 0) return;
  const names = columns.map((c) => c.name).join(', ');
  const arrays = columns.map((c, i) => `$${i + 1}::${c.type === 'text[]' ? 'text' : c.type}[]`).join(', ');
  const select = columns.map((c) => (c.type === 'text[]' ? `${c.name}::text[]` : c.name)).join(', ');
  await m.query(
    `INSERT INTO ${table} (${names})
     SELECT ${select} FROM unnest(${arrays}) WITH ORDINALITY AS t(${names}, ord) ORDER BY ord`,
    columns.map((c) => rows.map(c.value)),
  );
}

export const iso = (t: number) => new Date(t).toISOString();

/** A Postgres array literal of enum-like words. */
export const pgArray = (items: readonly string[]) => `{${items.map((s) => `"${s}"`).join(',')}}`;

export function insertWarehouses(m: EntityManager, rows: readonly WarehouseSeed[]): Promise<void> {
  return insertAll<WarehouseSeed>(
    m,
    'warehouse',
    [
      { name: 'id', type: 'uuid', value: (w) => w.id },
      { name: 'code', type: 'text', value: (w) => w.code },
      { name: 'name', type: 'text', value: (w) => w.name },
      { name: 'region', type: 'text', value: (w) => w.region },
      { name: 'city', type: 'text', value: (w) => w.city },
      { name: 'kind', type: 'text', value: (w) => w.kind },
      { name: 'created_at', type: 'timestamptz', value: (w) => iso(w.createdAt) },
    ],
    rows,
  );
}

export function insertProducts(m: EntityManager, rows: readonly ProductSeed[]): Promise<void> {
  return insertAll<ProductSeed>(
    m,
    'product',
    [
      { name: 'id', type: 'uuid', value: (p) => p.id },
      { name: 'sku', type: 'text', value: (p) => p.sku },
      { name: 'name', type: 'text', value: (p) => p.name },
      { name: 'spec', type: 'text', value: (p) => p.spec },
      { name: 'category', type: 'text', value: (p) => p.category },
      { name: 'unit_price_fen', type: 'int', value: (p) => p.unitPriceFen },
      { name: 'packaging', type: 'text[]', value: (p) => pgArray(p.packaging) },
      { name: 'unit_weight_g', type: 'int', value: (p) => p.unitWeightG },
      { name: 'active', type: 'bool', value: (p) => p.active },
      { name: 'created_at', type: 'timestamptz', value: (p) => iso(p.createdAt) },
    ],
    rows,
  );
}

export function insertCustomers(m: EntityManager, rows: readonly CustomerSeed[]): Promise<void> {
  return insertAll<CustomerSeed>(
    m,
    'customer',
    [
      { name: 'id', type: 'uuid', value: (c) => c.id },
      { name: 'name', type: 'text', value: (c) => c.name },
      { name: 'phone', type: 'text', value: (c) => c.phone },
      { name: 'email', type: 'text', value: (c) => c.email },
      { name: 'address', type: 'text', value: (c) => c.address },
      { name: 'city', type: 'text', value: (c) => c.city },
      { name: 'region', type: 'text', value: (c) => c.region },
      { name: 'is_new', type: 'bool', value: (c) => c.isNew },
      { name: 'credit_status', type: 'text', value: (c) => c.creditStatus },
      // Shops and offices buying wholesale are the key accounts whose orders are picked right after urgent ones.
      { name: 'key_account', type: 'bool', value: (c) => c.business },
      { name: 'created_at', type: 'timestamptz', value: (c) => iso(c.createdAt) },
    ],
    rows,
  );
}

export function insertStockLevels(m: EntityManager, rows: readonly StockLevelSeed[]): Promise<void> {
  return insertAll<StockLevelSeed>(
    m,
    'stock_level',
    [
      { name: 'id', type: 'uuid', value: (l) => l.id },
      { name: 'product_id', type: 'uuid', value: (l) => l.product.id },
      { name: 'warehouse_id', type: 'uuid', value: (l) => l.warehouse.id },
      { name: 'sku', type: 'text', value: (l) => l.product.sku },
      { name: 'warehouse_code', type: 'text', value: (l) => l.warehouse.code },
      { name: 'on_hand', type: 'int', value: (l) => l.onHand },
      { name: 'reserved', type: 'int', value: (l) => l.reserved },
      { name: 'low_threshold', type: 'int', value: (l) => l.lowThreshold },
      { name: 'high_threshold', type: 'int', value: (l) => l.highThreshold },
      { name: 'bin_location', type: 'text', value: (l) => l.product.bin },
      { name: 'updated_at', type: 'timestamptz', value: (l) => iso(l.updatedAt) },
    ],
    rows,
  );
}

export function insertMovements(m: EntityManager, rows: readonly MovementSeed[]): Promise<void> {
  return insertAll<MovementSeed>(
    m,
    'stock_movement',
    [
      { name: 'stock_level_id', type: 'uuid', value: (mv) => mv.level.id },
      { name: 'product_id', type: 'uuid', value: (mv) => mv.level.product.id },
      { name: 'warehouse_id', type: 'uuid', value: (mv) => mv.level.warehouse.id },
      { name: 'reason', type: 'text', value: (mv) => mv.reason },
      { name: 'on_hand_delta', type: 'int', value: (mv) => mv.onHandDelta },
      { name: 'reserved_delta', type: 'int', value: (mv) => mv.reservedDelta },
      { name: 'on_hand_after', type: 'int', value: (mv) => mv.onHandAfter },
      { name: 'reserved_after', type: 'int', value: (mv) => mv.reservedAfter },
      { name: 'reference', type: 'text', value: (mv) => mv.reference },
      { name: 'note', type: 'text', value: (mv) => mv.note },
      { name: 'actor', type: 'text', value: (mv) => mv.actor },
      { name: 'created_at', type: 'timestamptz', value: (mv) => iso(mv.at) },
    ],
    rows,
  );
}

export function insertOrders(m: EntityManager, rows: readonly OrderSeed[]): Promise<void> {
  return insertAll<OrderSeed>(
    m,
    'orders',
    [
      { name: 'id', type: 'uuid', value: (o) => o.id },
      { name: 'number', type: 'text', value: (o) => o.number },
      { name: 'channel', type: 'text', value: (o) => o.channel },
      { name: 'customer_id', type: 'uuid', value: (o) => o.customer.id },
      { name: 'delivery_contact_name', type: 'text', value: (o) => o.delivery.contactName },
      { name: 'delivery_phone', type: 'text', value: (o) => o.delivery.phone },
      { name: 'delivery_address', type: 'text', value: (o) => o.delivery.address },
      { name: 'delivery_city', type: 'text', value: (o) => o.delivery.city },
      { name: 'delivery_region', type: 'text', value: (o) => o.delivery.region },
      { name: 'payment_method', type: 'text', value: (o) => o.paymentMethod },
      { name: 'payment_status', type: 'text', value: (o) => o.paymentStatus },
      { name: 'priority', type: 'text', value: (o) => o.priority },
      { name: 'promised_by', type: 'timestamptz', value: (o) => iso(o.promisedBy) },
      { name: 'status', type: 'text', value: (o) => o.status },
      { name: 'hold_reasons', type: 'text[]', value: (o) => pgArray(o.holdReasons) },
      { name: 'status_reason', type: 'text', value: (o) => o.statusReason },
      { name: 'allow_backorder', type: 'bool', value: (o) => o.allowBackorder },
      { name: 'subtotal_fen', type: 'int', value: (o) => o.subtotalFen },
      { name: 'delivery_fee_fen', type: 'int', value: (o) => o.deliveryFeeFen },
      { name: 'total_fen', type: 'int', value: (o) => o.totalFen },
      { name: 'note', type: 'text', value: (o) => o.note },
      { name: 'request_hash', type: 'text', value: (o) => o.requestHash },
      { name: 'last_event_sequence', type: 'int', value: (o) => o.events.length },
      { name: 'created_at', type: 'timestamptz', value: (o) => iso(o.createdAt) },
      { name: 'updated_at', type: 'timestamptz', value: (o) => iso(o.updatedAt) },
    ],
    rows,
  );
}

export function insertOrderLines(m: EntityManager, orders: readonly OrderSeed[]): Promise<void> {
  const rows = orders.flatMap((o) => o.lines.map((line) => ({ o, line })));
  return insertAll<(typeof rows)[number]>(
    m,
    'order_line',
    [
      { name: 'id', type: 'uuid', value: (r) => r.line.id },
      { name: 'order_id', type: 'uuid', value: (r) => r.o.id },
      { name: 'line_no', type: 'int', value: (r) => r.line.lineNo },
      { name: 'product_id', type: 'uuid', value: (r) => r.line.product.id },
      { name: 'sku', type: 'text', value: (r) => r.line.product.sku },
      { name: 'product_name', type: 'text', value: (r) => r.line.product.name },
      { name: 'spec', type: 'text', value: (r) => r.line.product.spec },
      { name: 'quantity', type: 'int', value: (r) => r.line.quantity },
      { name: 'unit_price_fen', type: 'int', value: (r) => r.line.product.unitPriceFen },
    ],
    rows,
  );
}

export function insertAllocations(m: EntityManager, orders: readonly OrderSeed[]): Promise<void> {
  const rows = orders.flatMap((o) => o.allocations.map((a) => ({ o, a }))).sort((x, y) => x.a.at - y.a.at);
  return insertAll<(typeof rows)[number]>(
    m,
    'order_allocation',
    [
      { name: 'id', type: 'uuid', value: (r) => r.a.id },
      { name: 'order_id', type: 'uuid', value: (r) => r.o.id },
      { name: 'line_no', type: 'int', value: (r) => r.a.lineNo },
      { name: 'product_id', type: 'uuid', value: (r) => r.a.product.id },
      { name: 'sku', type: 'text', value: (r) => r.a.product.sku },
      { name: 'warehouse_id', type: 'uuid', value: (r) => r.a.level.warehouse.id },
      { name: 'stock_level_id', type: 'uuid', value: (r) => r.a.level.id },
      { name: 'quantity', type: 'int', value: (r) => r.a.quantity },
      { name: 'status', type: 'text', value: (r) => r.a.status },
      { name: 'created_at', type: 'timestamptz', value: (r) => iso(r.a.at) },
    ],
    rows,
  );
}

export function insertEvents(
  m: EntityManager,
  log: readonly { order: OrderSeed; event: OrderEventSeed; sequence: number }[],
): Promise<void> {
  return insertAll<(typeof log)[number]>(
    m,
    'order_event',
    [
      { name: 'order_id', type: 'uuid', value: (r) => r.order.id },
      { name: 'sequence', type: 'int', value: (r) => r.sequence },
      { name: 'type', type: 'text', value: (r) => r.event.type },
      { name: 'from_status', type: 'text', value: (r) => r.event.from },
      { name: 'to_status', type: 'text', value: (r) => r.event.to },
      { name: 'reason', type: 'text', value: (r) => r.event.reason },
      { name: 'actor', type: 'text', value: (r) => r.event.actor },
      { name: 'created_at', type: 'timestamptz', value: (r) => iso(r.event.at) },
    ],
    log,
  );
}
