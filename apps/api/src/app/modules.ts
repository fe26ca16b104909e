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
import { FULFILMENT_ERROR_CODES } from '../modules/fulfilment/fulfilment.errors';
import { FULFILMENT_CHANNELS } from '../modules/fulfilment/fulfilment.events';
import {
  PickListEventResolver,
  PickListLineResolver,
  PickListResolver,
} from '../modules/fulfilment/pick-list.resolver';
import {
  CarrierResolver,
  CheckErrorResolver,
  OrderShipmentsResolver,
  ShipmentEventResolver,
  ShipmentLineResolver,
  ShipmentResolver,
} from '../modules/fulfilment/shipment.resolver';
import { DELIVERY_ERROR_CODES } from '../modules/delivery/delivery.errors';
import { DELIVERY_CHANNELS } from '../modules/delivery/delivery.events';
import {
  BlockedAreaResolver,
  DeliveryEventResolver,
  DeliveryResolver,
  OrderDeliveriesResolver,
  ProofOfDeliveryResolver,
} from '../modules/delivery/delivery.resolver';
import { DeliveryRunEventResolver, DeliveryRunResolver } from '../modules/delivery/delivery-run.resolver';
import { CourierResolver } from '../modules/delivery/courier.resolver';
import { NOTIFICATION_ERROR_CODES } from '../modules/notification/notification.errors';
import { NOTIFICATION_LIVE_CHANNELS } from '../modules/notification/notification.events';
import {
  CustomerPreferencesResolver,
  NotificationResolver,
  NotificationTemplateResolver,
  OrderNotificationsResolver,
} from '../modules/notification/notification.resolver';
import { WebhookDeliveryResolver, WebhookEndpointResolver } from '../modules/notification/webhook.resolver';
import { COMPLAINT_ERROR_CODES } from '../modules/complaint/complaint.errors';
import { COMPLAINT_CHANNELS_LIVE } from '../modules/complaint/complaint.events';
import {
  ComplaintEventResolver,
  ComplaintResolver,
  ComplaintTraceResolver,
  OrderComplaintsResolver,
  QualityTraceResolver,
} from '../modules/complaint/complaint.resolver';
import { SurveyResolver } from '../modules/complaint/survey.resolver';
import { RETURN_ERROR_CODES } from '../modules/returns/return.errors';
import { RETURN_CHANNELS } from '../modules/returns/return.events';
import {
  CustomerCreditResolver,
  OrderReturnsResolver,
  ReturnLineTraceResolver,
  ReturnResolver,
} from '../modules/returns/return.resolver';
import { WAREHOUSE_ERROR_CODES } from '../modules/warehouse/warehouse.errors';
import { WarehouseResolver } from '../modules/warehouse/warehouse.resolver';

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
  fulfilment: {
    resolvers: [
      PickListResolver,
      PickListLineResolver,
      PickListEventResolver,
      ShipmentResolver,
      ShipmentLineResolver,
      ShipmentEventResolver,
      CheckErrorResolver,
      OrderShipmentsResolver,
      CarrierResolver,
    ],
    errorCodes: FULFILMENT_ERROR_CODES,
    channels: FULFILMENT_CHANNELS,
  },
  delivery: {
    resolvers: [
      DeliveryResolver,
      DeliveryEventResolver,
      ProofOfDeliveryResolver,
      OrderDeliveriesResolver,
      BlockedAreaResolver,
      DeliveryRunResolver,
      DeliveryRunEventResolver,
      CourierResolver,
    ],
    errorCodes: DELIVERY_ERROR_CODES,
    channels: DELIVERY_CHANNELS,
  },
  notification: {
    resolvers: [
      NotificationResolver,
      NotificationTemplateResolver,
      OrderNotificationsResolver,
      CustomerPreferencesResolver,
      WebhookEndpointResolver,
      WebhookDeliveryResolver,
    ],
    errorCodes: NOTIFICATION_ERROR_CODES,
    channels: NOTIFICATION_LIVE_CHANNELS,
  },
  complaint: {
    resolvers: [
      ComplaintResolver,
      ComplaintEventResolver,
      ComplaintTraceResolver,
      QualityTraceResolver,
      OrderComplaintsResolver,
      SurveyResolver,
    ],
    errorCodes: COMPLAINT_ERROR_CODES,
    channels: COMPLAINT_CHANNELS_LIVE,
  },
  returns: {
    resolvers: [ReturnResolver, OrderReturnsResolver, ReturnLineTraceResolver, CustomerCreditResolver],
    errorCodes: RETURN_ERROR_CODES,
    channels: RETURN_CHANNELS,
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
