import { DataSource } from 'typeorm';
import { shanghaiDay } from '@fulfilment/domain';
import { DomainEventHandlers } from '../../common/domain-events';
import { logger } from '../../common/logger';
import { Mutations } from '../../common/mutation';
import { RequirementService } from '../../modules/purchasing/requirement.service';
import { ScorecardService } from '../../modules/purchasing/scorecard.service';
import { insertCarriers } from './carriers';
import { seedFloor } from './floor';
import { insertFleet } from './couriers';
import { seedDeliveries } from './deliveries';
import { seedMessaging } from './messaging';
import { HOUR } from './clock';
import { generateDemoData } from './generate';
import { SeedSummary } from './model';
import { insertPurchasing } from './purchasing-writer';
import {
  insertAllocations,
  insertCustomers,
  insertEvents,
  insertMovements,
  insertOrderLines,
  insertOrders,
  insertProducts,
  insertStockLevels,
  insertWarehouses,
} from './writer';

export type { SeedSummary } from './model';

const DEFAULT_SEED = 20_251_122;

/** Seeds demo data into a database that has no warehouses yet; otherwise leaves it alone. */
/** Seeds demo data into a database that has no warehouses yet (answers true); otherwise leaves it alone. */
export async function seedDemoDataIfEmpty(ds: DataSource, opts: { webhookBase?: string } = {}): Promise<boolean> {
  const [{ seeded }]: { seeded: boolean }[] = await ds.query(`SELECT EXISTS (SELECT 1 FROM warehouse) AS seeded`);
  if (seeded) return false;
  const started = Date.now();
  const summary = await seedDemoData(ds, opts);
  const ms = Date.now() - started;
  logger.info(
    { ...summary, ms },
    `seeded demo data in ${ms} ms: ${summary.warehouses} warehouses, ${summary.products} products, ${summary.customers} customers, ` +
      `${summary.stockLevels} stock levels, ${summary.stockMovements} movements, ${summary.orders} orders, ${summary.orderEvents} events, ` +
      `${summary.suppliers} suppliers, ${summary.purchaseOrders} purchase orders, ${summary.goodsReceipts} goods receipts`,
  );
  return true;
}

export { DEFAULT_SEED };

/**
 * Writes a deterministic demo history ending at `now` (default: the current hour) in one transaction:
 * warehouses, catalogue, customers, stock with its full ledger, 90 days of orders, suppliers and six
 * months of purchase orders, carriers. Then, as the scheduled jobs would have, the purchasing module scores
 * the finished months and runs the morning's purchase requirements, and the warehouse floor's work in
 * progress goes through the fulfilment module (floor.ts).
 */
export async function seedDemoData(
  ds: DataSource,
  opts: { now?: Date; seed?: number; webhookBase?: string } = {},
): Promise<SeedSummary> {
  const now = opts.now?.getTime() ?? Math.floor(Date.now() / HOUR) * HOUR;
  const data = generateDemoData(now, opts.seed ?? DEFAULT_SEED);
  const lastOrder = data.orders.length ? data.orders[data.orders.length - 1] : null;

  await ds.transaction(async (m) => {
    await insertWarehouses(m, data.warehouses);
    await insertProducts(m, data.products);
    await insertCustomers(m, data.customers);
    await insertStockLevels(m, data.levels);
    await insertMovements(m, data.movements);
    await insertOrders(m, data.orders);
    await insertOrderLines(m, data.orders);
    await insertAllocations(m, data.orders);
    await insertEvents(m, data.events);
    await insertPurchasing(m, data.purchasing);
    await insertCarriers(m);
    await insertFleet(m, opts.seed ?? DEFAULT_SEED);
    await seedMessaging(m, opts.webhookBase ?? null);
    // New orders continue the numbering where the history stops.
    if (lastOrder) await m.query(`SELECT setval('order_number_seq', $1)`, [Number(lastOrder.number.slice(-6))]);
  });
  await new ScorecardService(ds).scoreFinishedMonths(shanghaiDay(new Date(now)));
  const system = { principal: null, requestId: 'seed', clientIp: null };
  const requirements = new RequirementService(ds, new Mutations(ds, new DomainEventHandlers()));
  await new Mutations(ds, new DomainEventHandlers()).run(system, { action: 'GENERATE_PURCHASE_REQUIREMENTS' }, (tx) =>
    requirements.generateIn(tx, null),
  );
  await seedFloor(ds, data.warehouses, opts.seed ?? DEFAULT_SEED);
  await seedDeliveries(ds, opts.seed ?? DEFAULT_SEED);

  return {
    warehouses: data.warehouses.length,
    products: data.products.length,
    customers: data.customers.length,
    stockLevels: data.levels.length,
    stockMovements: data.movements.length,
    orders: data.orders.length,
    orderLines: data.orders.reduce((n, o) => n + o.lines.length, 0),
    orderAllocations: data.orders.reduce((n, o) => n + o.allocations.length, 0),
    orderEvents: data.events.length,
    lastOrderNumber: lastOrder?.number ?? null,
    suppliers: data.purchasing.suppliers.length,
    purchaseOrders: data.purchasing.orders.length,
    goodsReceipts: data.purchasing.receipts.length,
  };
}
