import { DataSource } from 'typeorm';
import { AccessService } from './modules/access/access.service';
import { AuthService, AuthSettings } from './modules/access/auth.service';
import { OrderQueryService } from './modules/order/order-query.service';
import { OrderService } from './modules/order/order.service';
import { StockService } from './modules/stock/stock.service';
import { OverviewService } from './modules/overview/overview.service';

export function createServices(ds: DataSource, auth: AuthSettings) {
  const stock = new StockService(ds);
  const orders = new OrderService(ds, stock);
  stock.onStockAdded = (m, productIds, actor) => orders.allocateBackorders(m, productIds, actor);
  return { ds, stock, orders, orderQueries: new OrderQueryService(ds), auth: new AuthService(ds, auth), access: new AccessService(ds), overview: new OverviewService(ds) };
}

export type Services = ReturnType<typeof createServices>;
