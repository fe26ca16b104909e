import { buildCatalogue } from './catalogue';
import { DAY } from './clock';
import { HistoryContext } from './context';
import { buildCustomers } from './customers';
import { StockLedger } from './ledger';
import {
  CustomerSeed,
  MovementSeed,
  OrderEventSeed,
  OrderSeed,
  ProductSeed,
  StockLevelSeed,
  WarehouseSeed,
} from './model';
import { draftOrders, HISTORY_DAYS } from './order-drafts';
import { OrderHistory } from './orders';
import { buildPurchasing, PurchasingData } from './purchase-history';
import { Random } from './random';
import { Scheduler } from './scheduler';
import { StockKeeping } from './stock-keeping';
import { planStockLevels, settleThresholds } from './stock-plan';
import { buildWarehouses } from './warehouses';

export const CUSTOMER_COUNT = 500;
export const ORDER_COUNT = 2000;

export interface DemoData {
  warehouses: WarehouseSeed[];
  products: ProductSeed[];
  customers: CustomerSeed[];
  levels: StockLevelSeed[];
  movements: MovementSeed[];
  orders: OrderSeed[];
  events: { order: OrderSeed; event: OrderEventSeed; sequence: number }[];
  /** Drafted orders that never existed because nothing they asked for was in stock. */
  rejected: number;
  purchasing: PurchasingData;
}

/** Builds the whole data set in memory; the same `now` and seed always give the same rows. */
export function generateDemoData(now: number, seed: number): DemoData {
  const root = new Random(seed);
  const warehouses = buildWarehouses(root.fork('warehouses'), now);
  const products = buildCatalogue(root.fork('catalogue'), now);
  const customers = buildCustomers(root.fork('customers'), now, CUSTOMER_COUNT);
  const drafts = draftOrders(root.fork('orders'), now, ORDER_COUNT, customers, products);
  const levels = planStockLevels(root.fork('stock'), products, warehouses, drafts);

  const ledger = new StockLedger(levels);
  const ctx: HistoryContext = {
    rng: root.fork('history'),
    scheduler: new Scheduler(now),
    ledger,
    start: now - HISTORY_DAYS * DAY,
    now,
  };
  const history = new OrderHistory(ctx, warehouses);
  new StockKeeping(ctx, (productId, at, actor) => history.serveBackorders(productId, at, actor)).scheduleAll();
  history.schedule(drafts);
  ctx.scheduler.runAll();
  settleThresholds(root.fork('thresholds'), levels);
  const purchasing = buildPurchasing(root.fork('purchasing'), now, ctx.start, products, levels, ledger.movements);

  return {
    warehouses,
    products,
    customers,
    levels,
    movements: ledger.movements,
    orders: history.orders,
    events: history.eventLog,
    rejected: history.rejected,
    purchasing,
  };
}
