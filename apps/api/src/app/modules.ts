import type { LiveChannel } from '../live/topics';
import { ACCESS_ERROR_CODES } from '../modules/access/access.errors';
import { ACCESS_CHANNELS } from '../modules/access/access.events';
import { AccessResolver } from '../modules/access/access.resolver';
import { AuditResolver } from '../modules/audit/audit.resolver';
import { CustomerResolver } from '../modules/customer/customer.resolver';
import { NodeResolver } from '../modules/node/node.resolver';
import { ORDER_ERROR_CODES } from '../modules/order/order.errors';
import { ORDER_CHANNELS } from '../modules/order/order.events';
import {
  OrderAllocationResolver,
  OrderEventResolver,
  OrderLineResolver,
  OrderResolver,
} from '../modules/order/order.resolver';
import { OverviewResolver } from '../modules/overview/overview.resolver';
import { PRODUCT_ERROR_CODES } from '../modules/product/product.errors';
import { ProductResolver } from '../modules/product/product.resolver';
import { STOCK_ERROR_CODES } from '../modules/stock/stock.errors';
import { STOCK_CHANNELS } from '../modules/stock/stock.events';
import { StockAlertResolver, StockMovementResolver, StockResolver } from '../modules/stock/stock.resolver';
import { PURCHASING_ERROR_CODES } from '../modules/purchasing/purchasing.errors';
import { PURCHASING_CHANNELS } from '../modules/purchasing/purchasing.events';
import {
  GoodsReceiptLineResolver,
  GoodsReceiptResolver,
  PurchaseOrderEventResolver,
  PurchaseOrderLineResolver,
  PurchaseOrderResolver,
  PurchaseRequirementResolver,
} from '../modules/purchasing/purchase-order.resolver';
import {
  ProductSuppliersResolver,
  StockLevelOnOrderResolver,
  SupplierOfferResolver,
  SupplierResolver,
} from '../modules/purchasing/supplier.resolver';
import { WAREHOUSE_ERROR_CODES } from '../modules/warehouse/warehouse.errors';
import { describeErrorCodes } from '../common/user-error';
import { WarehouseResolver } from '../modules/warehouse/warehouse.resolver';

// purchasing.errors.ts lists its codes without descriptions; until it gives them (errorCodes({ CODE: '…' })),
// the schema describes them here.
describeErrorCodes<(typeof PURCHASING_ERROR_CODES)[number]>({
  UNKNOWN_SUPPLIER: 'No supplier has this id.',
  SUPPLIER_CODE_TAKEN: 'Another supplier already has this code.',
  SUPPLIER_SUSPENDED: 'The supplier is SUSPENDED: reinstate it or order from another.',
  SUPPLIER_BLOCKED:
    "The supplier's scorecard standing is BLOCKED: only a manager (PURCHASE_ORDER_OVERRIDE) may order from it, with an overrideReason.",
  NO_OFFER: 'The supplier has no active offer for the product (or none was suggested: choose one).',
  INVALID_PRICE: 'A price is not an amount in yuan above zero with at most two decimals, e.g. "12.50".',
  INVALID_DATE: 'A date is not a calendar day YYYY-MM-DD, or lies in the past where it must be today or later.',
  OVER_RECEIPT: 'More accepted than ordered and still open on the line, beyond the 5 % tolerance.',
  RECEIPT_SPLIT_MISMATCH: "A receipt line's accepted plus rejected units differ from the units received.",
  REJECTION_REASON_REQUIRED: 'Units were rejected without a rejectionReason.',
  NOT_RECEIVABLE: 'The purchase order is not CONFIRMED or PARTIALLY_RECEIVED, so no goods can be booked against it.',
  REQUIREMENT_NOT_OPEN: 'A purchase requirement is no longer OPEN (already ordered or dismissed).',
});

/**
 * The modules of the graph and what each brings to it. Adding a module adds one entry here, plus its
 * services and handlers (app/services.ts) and loaders (app/loaders.ts).
 */
interface ModuleParts {
  /** type-graphql resolver classes. */
  resolvers: readonly Function[];
  /** Its error codes (<module>.errors.ts), composed into the schema's UserErrorCode enum. */
  errorCodes: readonly string[];
  /** Its topics that travel through PostgreSQL NOTIFY (<module>.events.ts): what the relay listens to. */
  channels?: readonly LiveChannel[];
}

export const MODULES: Record<string, ModuleParts> = {
  order: {
    resolvers: [OrderResolver, OrderLineResolver, OrderAllocationResolver, OrderEventResolver],
    errorCodes: ORDER_ERROR_CODES,
    channels: ORDER_CHANNELS,
  },
  stock: {
    resolvers: [StockResolver, StockAlertResolver, StockMovementResolver],
    errorCodes: STOCK_ERROR_CODES,
    channels: STOCK_CHANNELS,
  },
  purchasing: {
    resolvers: [
      SupplierResolver,
      SupplierOfferResolver,
      ProductSuppliersResolver,
      StockLevelOnOrderResolver,
      PurchaseOrderResolver,
      PurchaseOrderLineResolver,
      PurchaseOrderEventResolver,
      PurchaseRequirementResolver,
      GoodsReceiptResolver,
      GoodsReceiptLineResolver,
    ],
    errorCodes: PURCHASING_ERROR_CODES,
    channels: PURCHASING_CHANNELS,
  },
  product: { resolvers: [ProductResolver], errorCodes: PRODUCT_ERROR_CODES },
  warehouse: { resolvers: [WarehouseResolver], errorCodes: WAREHOUSE_ERROR_CODES },
  customer: { resolvers: [CustomerResolver], errorCodes: [] },
  access: { resolvers: [AccessResolver], errorCodes: ACCESS_ERROR_CODES, channels: ACCESS_CHANNELS },
  audit: { resolvers: [AuditResolver], errorCodes: [] },
  overview: { resolvers: [OverviewResolver], errorCodes: [] },
  node: { resolvers: [NodeResolver], errorCodes: [] },
};

export const RESOLVERS = Object.values(MODULES).flatMap((m) => m.resolvers) as [Function, ...Function[]];
export const ERROR_CODES = Object.values(MODULES).map((m) => m.errorCodes);
export const LIVE_CHANNELS = Object.values(MODULES).flatMap((m) => m.channels ?? []);
