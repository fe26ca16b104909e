import DataLoader from 'dataloader';
import { DataSource, In, ObjectLiteral, EntityTarget } from 'typeorm';
import { Customer } from '../modules/customer/customer.entity';
import { Order } from '../modules/order/order.entity';
import { OrderAllocation } from '../modules/order/order-allocation.entity';
import { OrderEvent } from '../modules/order/order-event.entity';
import { OrderLine } from '../modules/order/order-line.entity';
import { Product } from '../modules/product/product.entity';
import { StockLevel } from '../modules/stock/stock-level.entity';
import { Warehouse } from '../modules/warehouse/warehouse.entity';

/**
 * Per-request batching: every relation in one response costs one query per kind, not one per row.
 * Subscriptions pass cache: false, because one subscription lives long and must see fresh rows.
 */
export function createLoaders(ds: DataSource, cache = true) {
  const byId = <T extends ObjectLiteral & { id: string }>(entity: EntityTarget<T>) =>
    new DataLoader<string, T | null>(
      async (ids) => {
        const rows = await ds.getRepository(entity).findBy({ id: In([...ids]) } as never);
        const map = new Map(rows.map((r) => [r.id, r]));
        return ids.map((id) => map.get(id) ?? null);
      },
      { cache },
    );
  const manyByOrder = <T extends ObjectLiteral & { orderId: string }>(entity: EntityTarget<T>, order: Record<string, 'ASC'>) =>
    new DataLoader<string, T[]>(
      async (orderIds) => {
        const rows = await ds.getRepository(entity).find({ where: { orderId: In([...orderIds]) } as never, order: order as never });
        const groups = new Map<string, T[]>(orderIds.map((id) => [id, []]));
        for (const r of rows) groups.get(r.orderId)?.push(r);
        return orderIds.map((id) => groups.get(id)!);
      },
      { cache },
    );
  return {
    product: byId(Product),
    warehouse: byId(Warehouse),
    customer: byId(Customer),
    order: byId(Order),
    stockLevel: byId(StockLevel),
    orderLines: manyByOrder(OrderLine, { lineNo: 'ASC' }),
    orderAllocations: manyByOrder(OrderAllocation, { lineNo: 'ASC', createdAt: 'ASC' }),
    orderEvents: manyByOrder(OrderEvent, { sequence: 'ASC' }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
