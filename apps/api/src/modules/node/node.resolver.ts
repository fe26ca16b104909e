import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { Permission } from '@fulfilment/domain';
import { Context } from '../../app/context';
import { fromGlobalId, NodeType } from '../../common/global-id';
import { assertPermitted, Requires } from '../access/requires';
import { OrderEvent } from '../order/order-event.entity';
import { StockMovement } from '../stock/stock-movement.entity';
import { Node } from './node.interface';
import { PurchaseOrderLine } from '../purchasing/purchase-order-line.entity';
import { PurchaseRequirement } from '../purchasing/purchase-requirement.entity';
import { SupplierOffer } from '../purchasing/supplier-offer.entity';
import { BlockedArea } from '../delivery/courier.entity';
import { Notification } from '../notification/notification.entity';
import { WebhookDelivery, WebhookEndpoint } from '../notification/webhook.entity';

/** node(id:) needs the permission that the list of that type needs. */
const READ_PERMISSION: Record<NodeType, Permission> = {
  Order: 'ORDER_READ',
  OrderEvent: 'ORDER_READ',
  Customer: 'CUSTOMER_READ',
  StockLevel: 'STOCK_READ',
  StockMovement: 'STOCK_READ',
  Product: 'CATALOG_READ',
  Warehouse: 'CATALOG_READ',
  User: 'USER_MANAGE',
  ApiKey: 'APIKEY_MANAGE',
  Supplier: 'PURCHASING_READ',
  SupplierOffer: 'PURCHASING_READ',
  PurchaseRequirement: 'PURCHASING_READ',
  PurchaseOrder: 'PURCHASING_READ',
  PurchaseOrderLine: 'PURCHASING_READ',
  GoodsReceipt: 'PURCHASING_READ',
  Carrier: 'FULFILMENT_READ',
  PickList: 'FULFILMENT_READ',
  PickListLine: 'FULFILMENT_READ',
  Shipment: 'FULFILMENT_READ',
  Vehicle: 'DELIVERY_READ',
  Courier: 'DELIVERY_READ',
  BlockedArea: 'DELIVERY_READ',
  DeliveryRun: 'DELIVERY_READ',
  Delivery: 'DELIVERY_READ',
  Notification: 'NOTIFICATION_READ',
  WebhookEndpoint: 'WEBHOOK_MANAGE',
  WebhookDelivery: 'WEBHOOK_MANAGE',
  Complaint: 'COMPLAINT_READ',
  ReplyTemplate: 'COMPLAINT_READ',
  SatisfactionSurvey: 'COMPLAINT_READ',
  ReturnRequest: 'RETURN_READ',
};

@Resolver()
export class NodeResolver {
  @Requires(null)
  @Query(() => Node, {
    nullable: true,
    description: 'Any object by its global id; needs the read permission of its type (e.g. ORDER_READ for an Order).',
  })
  async node(
    @Arg('id', () => ID, { description: 'A global id, as any Node.id gives it.' }) id: string,
    @Ctx() ctx: Context,
  ): Promise<Node | null> {
    const parsed = fromGlobalId(id);
    if (!parsed) return null;
    assertPermitted(ctx, READ_PERMISSION[parsed.type], 'Query.node', `to read a ${parsed.type}`);
    const { loaders, services } = ctx;
    switch (parsed.type) {
      case 'Order':
        return loaders.order.load(parsed.id);
      case 'Product':
        return loaders.product.load(parsed.id);
      case 'Warehouse':
        return loaders.warehouse.load(parsed.id);
      case 'Customer':
        return loaders.customer.load(parsed.id);
      case 'StockLevel':
        return loaders.stockLevel.load(parsed.id);
      case 'OrderEvent':
        return services.ds.getRepository(OrderEvent).findOneBy({ id: parsed.id });
      case 'StockMovement':
        return services.ds.getRepository(StockMovement).findOneBy({ id: parsed.id });
      case 'Supplier':
        return loaders.supplier.load(parsed.id);
      case 'PurchaseOrder':
        return loaders.purchaseOrder.load(parsed.id);
      case 'GoodsReceipt':
        return loaders.goodsReceipt.load(parsed.id);
      case 'SupplierOffer':
        return services.ds.getRepository(SupplierOffer).findOneBy({ id: parsed.id });
      case 'PurchaseRequirement':
        return services.ds.getRepository(PurchaseRequirement).findOneBy({ id: parsed.id });
      case 'PurchaseOrderLine':
        return services.ds.getRepository(PurchaseOrderLine).findOneBy({ id: parsed.id });
      case 'Carrier':
        return loaders.carrier.load(parsed.id);
      case 'PickList':
        return loaders.pickList.load(parsed.id);
      case 'Shipment':
        return loaders.shipment.load(parsed.id);
      case 'Vehicle':
        return loaders.vehicle.load(parsed.id);
      case 'Courier':
        return loaders.courier.load(parsed.id);
      case 'BlockedArea':
        return services.ds.getRepository(BlockedArea).findOneBy({ id: parsed.id });
      case 'DeliveryRun':
        return loaders.deliveryRun.load(parsed.id);
      case 'Delivery':
        return loaders.delivery.load(parsed.id);
      case 'Notification':
        return services.ds.getRepository(Notification).findOneBy({ id: parsed.id });
      case 'WebhookEndpoint':
        return services.ds.getRepository(WebhookEndpoint).findOneBy({ id: parsed.id });
      case 'ReturnRequest':
        return loaders.returnRequest.load(parsed.id);
      case 'Complaint':
        return loaders.complaint.load(parsed.id);
      case 'WebhookDelivery':
        return services.ds.getRepository(WebhookDelivery).findOneBy({ id: parsed.id });
      default:
        return null;
    }
  }
}
