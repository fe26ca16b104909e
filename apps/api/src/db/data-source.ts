import { DataSource } from 'typeorm';
import { SnakeNamingStrategy } from './naming';
import { Warehouse } from '../modules/warehouse/warehouse.entity';
import { Product } from '../modules/product/product.entity';
import { Customer } from '../modules/customer/customer.entity';
import { StockLevel } from '../modules/stock/stock-level.entity';
import { StockMovement } from '../modules/stock/stock-movement.entity';
import { Order } from '../modules/order/order.entity';
import { OrderLine } from '../modules/order/order-line.entity';
import { OrderAllocation } from '../modules/order/order-allocation.entity';
import { OrderEvent } from '../modules/order/order-event.entity';
import { InitialSchema1763800000000 } from './migrations/1763800000000-initial-schema';
import { AccessAndAudit1763900000000 } from './migrations/1763900000000-access-and-audit';
import { OverviewIndexes1764000000000 } from './migrations/1764000000000-overview-indexes';
import { CredentialChangeNotify1764100000000 } from './migrations/1764100000000-credential-change-notify';
import { MaskedSearch1764200000000 } from './migrations/1764200000000-masked-search';
import { SignInAttempts1764320000000 } from './migrations/1764320000000-sign-in-attempts';
import { ApiKeyChangeNotify1764300000000 } from './migrations/1764300000000-api-key-change-notify';
import { IdempotencyPerCaller1764310000000 } from './migrations/1764310000000-idempotency-per-caller';
import { JobQueue1764390000000 } from './migrations/1764390000000-job-queue';
import { Purchasing1764400000000 } from './migrations/1764400000000-purchasing';
import { RequirementWritePath1764410000000 } from './migrations/1764410000000-requirement-write-path';
import { Fulfilment1764500000000 } from './migrations/1764500000000-fulfilment';
import { Delivery1764600000000 } from './migrations/1764600000000-delivery';
import { Notifications1764700000000 } from './migrations/1764700000000-notifications';
import { Complaints1764800000000 } from './migrations/1764800000000-complaints';
import { RepliesAndSurveys1764810000000 } from './migrations/1764810000000-replies-and-surveys';
import { Returns1764820000000 } from './migrations/1764820000000-returns';
import { ExchangesCreditTrace1764830000000 } from './migrations/1764830000000-exchanges-credit-trace';
import { RecentWrite1764870000000 } from './migrations/1764870000000-recent-write';
import { AuditLogOneIdIndex1764880000000 } from './migrations/1764880000000-audit-log-one-id-index';
import { StockLevelHotUpdates1764890000000 } from './migrations/1764890000000-stock-level-hot-updates';
import { RateLimit1764860000000 } from './migrations/1764860000000-rate-limit';
import { OrderEventCommitOrder1764850000000 } from './migrations/1764850000000-order-event-commit-order';
import { ComplaintClock1764840000000 } from './migrations/1764840000000-complaint-clock';
import { BlockedArea, Courier, Vehicle } from '../modules/delivery/courier.entity';
import { Delivery, DeliveryRun, ProofOfDelivery } from '../modules/delivery/delivery.entity';
import { Notification, NotificationTemplate } from '../modules/notification/notification.entity';
import { Complaint, ComplaintEvent } from '../modules/complaint/complaint.entity';
import { ReplyTemplate, SatisfactionSurvey } from '../modules/complaint/survey.entity';
import { Refund, ReturnEvent, ReturnLine, ReturnRequest, StoreCredit } from '../modules/returns/return.entity';
import { WebhookAttempt, WebhookDelivery, WebhookEndpoint } from '../modules/notification/webhook.entity';
import { DeliveryEvent, DeliveryRunEvent } from '../modules/delivery/delivery-event.entity';
import { Supplier } from '../modules/purchasing/supplier.entity';
import { SupplierOffer } from '../modules/purchasing/supplier-offer.entity';
import { SupplierScorecard } from '../modules/purchasing/supplier-scorecard.entity';
import { PurchaseRequirement, PurchaseRequirementRun } from '../modules/purchasing/purchase-requirement.entity';
import { PurchaseOrder } from '../modules/purchasing/purchase-order.entity';
import { PurchaseOrderLine } from '../modules/purchasing/purchase-order-line.entity';
import { PurchaseOrderContact, PurchaseOrderEvent } from '../modules/purchasing/purchase-order-event.entity';
import { GoodsReceipt, GoodsReceiptLine } from '../modules/purchasing/goods-receipt.entity';
import { Carrier } from '../modules/fulfilment/carrier.entity';
import { PickList, PickListLine } from '../modules/fulfilment/pick-list.entity';
import { CheckError, Package, Shipment, ShipmentLine } from '../modules/fulfilment/shipment.entity';
import { PickListEvent, ShipmentEvent } from '../modules/fulfilment/fulfilment-event.entity';
import { StaffUser } from '../modules/access/staff-user.entity';
import { ApiKey } from '../modules/access/api-key.entity';
import { AuditEntry } from '../modules/audit/audit-entry.entity';

export const ENTITIES = [
  Warehouse,
  Product,
  Customer,
  StockLevel,
  StockMovement,
  Order,
  OrderLine,
  OrderAllocation,
  OrderEvent,
  StaffUser,
  ApiKey,
  AuditEntry,
  Supplier,
  SupplierOffer,
  SupplierScorecard,
  PurchaseRequirement,
  PurchaseRequirementRun,
  PurchaseOrder,
  PurchaseOrderLine,
  PurchaseOrderEvent,
  PurchaseOrderContact,
  GoodsReceipt,
  GoodsReceiptLine,
  Carrier,
  PickList,
  PickListLine,
  PickListEvent,
  Shipment,
  ShipmentLine,
  ShipmentEvent,
  Vehicle,
  Courier,
  BlockedArea,
  DeliveryRun,
  Delivery,
  ProofOfDelivery,
  Notification,
  NotificationTemplate,
  WebhookEndpoint,
  WebhookDelivery,
  WebhookAttempt,
  Complaint,
  ComplaintEvent,
  ReplyTemplate,
  SatisfactionSurvey,
  ReturnRequest,
  ReturnLine,
  ReturnEvent,
  Refund,
  StoreCredit,
  DeliveryEvent,
  DeliveryRunEvent,
  CheckError,
  Package,
];
export const MIGRATIONS = [
  InitialSchema1763800000000,
  AccessAndAudit1763900000000,
  OverviewIndexes1764000000000,
  CredentialChangeNotify1764100000000,
  MaskedSearch1764200000000,
  ApiKeyChangeNotify1764300000000,
  SignInAttempts1764320000000,
  IdempotencyPerCaller1764310000000,
  JobQueue1764390000000,
  Purchasing1764400000000,
  RequirementWritePath1764410000000,
  Fulfilment1764500000000,
  Delivery1764600000000,
  Notifications1764700000000,
  Complaints1764800000000,
  RepliesAndSurveys1764810000000,
  Returns1764820000000,
  ExchangesCreditTrace1764830000000,
  ComplaintClock1764840000000,
  OrderEventCommitOrder1764850000000,
  RateLimit1764860000000,
  RecentWrite1764870000000,
  AuditLogOneIdIndex1764880000000,
  StockLevelHotUpdates1764890000000,
];

/** How long PostgreSQL lets one statement run, and a transaction sit idle, before it ends them (ms; 0: no limit). */
export interface StatementTimeouts {
  statementTimeoutMs: number;
  idleInTransactionTimeoutMs: number;
}

/** What the API's pools use unless configured (DB_STATEMENT_TIMEOUT_MS, DB_IDLE_IN_TRANSACTION_TIMEOUT_MS). */
export const DEFAULT_TIMEOUTS: StatementTimeouts = { statementTimeoutMs: 15_000, idleInTransactionTimeoutMs: 60_000 };
/** For migrations and seeding, whose statements may run longer than any request's. */
export const NO_TIMEOUTS: StatementTimeouts = { statementTimeoutMs: 0, idleInTransactionTimeoutMs: 0 };

export function createDataSource(
  url: string,
  poolSize = 20,
  timeouts: StatementTimeouts = DEFAULT_TIMEOUTS,
  /** node-postgres pool options beside these, e.g. connectionTimeoutMillis. */
  pool: Record<string, unknown> = {},
): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    logging: false,
    extra: {
      max: poolSize,
      application_name: 'fulfilment-api',
      options: '-c default_transaction_isolation=read\\ committed',
      // Set on every connection of the pool (node-postgres leaves a 0 unset: no limit).
      statement_timeout: timeouts.statementTimeoutMs,
      idle_in_transaction_session_timeout: timeouts.idleInTransactionTimeoutMs,
      ...pool,
    },
  });
}

/**
 * Runs `work` while holding the lock every start takes to prepare the database (migrations, seed):
 * processes started together on several machines, and `npm run db:migrate`, take turns instead of
 * applying the same migration twice (TypeORM takes no lock of its own).
 */
export async function whilePreparing<T>(ds: DataSource, work: () => Promise<T>): Promise<T> {
  const lock = ds.createQueryRunner();
  await lock.query(`SELECT pg_advisory_lock(hashtextextended('fulfilment prepare database', 0))`);
  try {
    return await work();
  } finally {
    await lock
      .query(`SELECT pg_advisory_unlock(hashtextextended('fulfilment prepare database', 0))`)
      .catch(() => undefined);
    await lock.release();
  }
}
