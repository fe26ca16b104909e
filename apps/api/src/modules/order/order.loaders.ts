import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { byIdLoader, groupByParent } from '../../common/loaders';
import { readRows, rowShape } from '../../common/rows';
import { Product } from '../product/product.entity';
import { productLoaders } from '../product/product.loaders';
import { Warehouse } from '../warehouse/warehouse.entity';
import { warehouseLoaders } from '../warehouse/warehouse.loaders';
import { Order } from './order.entity';
import { OrderAllocation } from './order-allocation.entity';
import { OrderEvent } from './order-event.entity';
import { OrderLine } from './order-line.entity';

/**
 * A line's product and an allocation's warehouse, read in the same statement as the line or
 * allocation. Two channels, each for a reason: this map answers the line's own resolver at once and
 * also with the non-caching loaders of subscriptions; priming the product/warehouse loader serves
 * other paths to the same row in the response (a stock level's product) from the cache.
 */
const joined = new WeakMap<OrderLine | OrderAllocation, Product | Warehouse>();

export function productOfLine(line: OrderLine): Product | undefined {
  return joined.get(line) as Product | undefined;
}

export function warehouseOfAllocation(allocation: OrderAllocation): Warehouse | undefined {
  return joined.get(allocation) as Warehouse | undefined;
}

/**
 * A page of orders with all its relations is five statements: orders, lines + products, customers,
 * allocations + warehouses, events, whatever the page size.
 */
export function orderLoaders(ds: DataSource, cache: boolean, catalog: CatalogLoaders) {
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
        catalog.product.prime(p.id, p);
        return l;
      });
      return groupByParent(orderIds, lines, (l) => l.orderId);
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
        catalog.warehouse.prime(w.id, w);
        return a;
      });
      return groupByParent(orderIds, allocations, (a) => a.orderId);
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
      return groupByParent(
        orderIds,
        rows.map((r) => event.hydrate(r)),
        (e) => e.orderId,
      );
    },
    { cache },
  );

  return { order: byIdLoader(ds, Order, cache), orderLines, orderAllocations, orderEvents };
}

type CatalogLoaders = ReturnType<typeof productLoaders> & ReturnType<typeof warehouseLoaders>;
