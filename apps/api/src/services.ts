import { DataSource } from 'typeorm';
import { OrderQueryService } from './modules/order/order-query.service';
import { OrderService } from './modules/order/order.service';
import { StockService } from './modules/stock/stock.service';

export function createServices(ds: DataSource) {
  const stock = new StockService(ds);
  const orders = new OrderService(ds, stock);
  stock.onStockAdded = (m, productIds, actor) => orders.allocateBackorders(m, productIds, actor);
  return { ds, stock, orders, orderQueries: new OrderQueryService(ds) };
}

export type Services = ReturnType<typeof createServices>;
