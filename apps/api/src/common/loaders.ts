import DataLoader from 'dataloader';
import { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import { readRows, rowShape } from './rows';
import { Customer } from '../modules/customer/customer.entity';
import { Order } from '../modules/order/order.entity';
import { OrderAllocation } from '../modules/order/order-allocation.entity';
import { OrderEvent } from '../modules/order/order-event.entity';
import { OrderLine } from '../modules/order/order-line.entity';
import { Product } from '../modules/product/product.entity';
import { StockLevel } from '../modules/stock/stock-level.entity';
import { Warehouse } from '../modules/warehouse/warehouse.entity';

/** The product of a line and the warehouse of an allocation, read in the same statement as the line or allocation. */
const joined = new WeakMap<OrderLine | OrderAllocation, Product | Warehouse>();

export function productOfLine(line: OrderLine): Product | undefined {
  return joined.get(line) as Product | undefined;
}

export function warehouseOfAllocation(allocation: OrderAllocation): Warehouse | undefined {
  return joined.get(allocation) as Warehouse | undefined;
}

function group<T extends { orderId: string }>(orderIds: readonly string[], rows: T[]): T[][] {
  const groups = new Map<string, T[]>(orderIds.map((id) => [id, []]));
  for (const r of rows) groups.get(r.orderId)?.push(r);
  return orderIds.map((id) => groups.get(id)!);
}

/**
 * Per-request batching: every relation in one response costs one statement per kind, not one per row,
 * and a relation's own relation comes in the same statement when it is one row per row (an order's
 * lines with their products, its allocations with their warehouses). So a page of orders with all
 * its relations is five statements: orders, lines + products, customers, allocations + warehouses,
 * events, whatever the page size.
 * Subscriptions pass cache: false, because one subscription lives long and must see fresh rows.
 */
export function createLoaders(ds: DataSource, cache = true) {
  const byId = <T extends ObjectLiteral & { id: string }>(entity: EntityTarget<T>) => {
    const s = rowShape(ds, entity, 't');
    return new DataLoader<string, T | null>(
      async (ids) => {
        const rows = await readRows(ds, `SELECT ${s.select} FROM ${s.table} t WHERE t.id = ANY($1::uuid[])`, [ids]);
        const map = new Map(rows.map((r) => s.hydrate(r)).map((e) => [e.id, e]));
        return ids.map((id) => map.get(id) ?? null);
      },
      { cache },
    );
  };
  const product = byId(Product);
  const warehouse = byId(Warehouse);

  const line = rowShape(ds, OrderLine, 'l');
  const lineProduct = rowShape(ds, Product, 'p');
  const orderLines = new DataLoader<string, OrderLine[]>(
    async (orderIds) => {
      const rows = await readRows(
        ds,
        // Each line's product by its primary key (LATERAL … OFFSET 0 keeps it a per-row index lookup: a hash
        // join would read and hash the whole catalogue on every request, twice the CPU with 1,000 products).
        `SELECT ${line.select}, ${lineProduct.select} FROM ${line.table} l
           CROSS JOIN LATERAL (SELECT * FROM ${lineProduct.table} p WHERE p.id = l.product_id OFFSET 0) p
          WHERE l.order_id = ANY($1::uuid[]) ORDER BY l.order_id, l.line_no`,
        [orderIds],
      );
      const lines = rows.map((r) => {
        const l = line.hydrate(r);
        const p = lineProduct.hydrate(r, line.width);
        joined.set(l, p);
        product.prime(p.id, p);
        return l;
      });
      return group(orderIds, lines);
    },
    { cache },
  );

  const allocation = rowShape(ds, OrderAllocation, 'a');
  const allocationWarehouse = rowShape(ds, Warehouse, 'w');
  const orderAllocations = new DataLoader<string, OrderAllocation[]>(
    async (orderIds) => {
      const rows = await readRows(
        ds,
        `SELECT ${allocation.select}, ${allocationWarehouse.select} FROM ${allocation.table} a JOIN ${allocationWarehouse.table} w ON w.id = a.warehouse_id
          WHERE a.order_id = ANY($1::uuid[]) ORDER BY a.order_id, a.line_no, a.created_at, a.id`,
        [orderIds],
      );
      const allocations = rows.map((r) => {
        const a = allocation.hydrate(r);
        const w = allocationWarehouse.hydrate(r, allocation.width);
        joined.set(a, w);
        warehouse.prime(w.id, w);
        return a;
      });
      return group(orderIds, allocations);
    },
    { cache },
  );

  const event = rowShape(ds, OrderEvent, 'e');
  const orderEvents = new DataLoader<string, OrderEvent[]>(
    async (orderIds) => {
      const rows = await readRows(
        ds,
        `SELECT ${event.select} FROM ${event.table} e WHERE e.order_id = ANY($1::uuid[]) ORDER BY e.order_id, e.sequence`,
        [orderIds],
      );
      return group(orderIds, rows.map((r) => event.hydrate(r)));
    },
    { cache },
  );

  return {
    product,
    warehouse,
    customer: byId(Customer),
    order: byId(Order),
    stockLevel: byId(StockLevel),
    orderLines,
    orderAllocations,
    orderEvents,
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
