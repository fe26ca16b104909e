/** Global ids are opaque: base64url of "Type:uuid". */
const NODE_TYPES = [
  'Order',
  'Product',
  'Warehouse',
  'Customer',
  'StockLevel',
  'OrderEvent',
  'StockMovement',
  'User',
  'ApiKey',
  'Supplier',
  'SupplierOffer',
  'PurchaseRequirement',
  'PurchaseOrder',
  'PurchaseOrderLine',
  'GoodsReceipt',
  'Carrier',
  'PickList',
  'PickListLine',
  'Shipment',
  'Vehicle',
  'Courier',
  'BlockedArea',
  'DeliveryRun',
  'Delivery',
  'Notification',
  'WebhookEndpoint',
  'WebhookDelivery',
  'Complaint',
  'ReplyTemplate',
  'SatisfactionSurvey',
  'ReturnRequest',
] as const;
export type NodeType = (typeof NODE_TYPES)[number];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function toGlobalId(type: NodeType, id: string): string {
  return Buffer.from(`${type}:${id}`).toString('base64url');
}

export function fromGlobalId(globalId: string): { type: NodeType; id: string } | null {
  if (typeof globalId !== 'string' || globalId.length > 200) return null;
  const decoded = Buffer.from(globalId, 'base64url').toString('utf8');
  const sep = decoded.indexOf(':');
  if (sep < 1) return null;
  const type = decoded.slice(0, sep) as NodeType;
  if (!NODE_TYPES.includes(type)) return null;
  const id = decoded.slice(sep + 1);
  const numeric = type === 'OrderEvent' || type === 'StockMovement';
  if (numeric ? !/^\d{1,18}$/.test(id) : !UUID.test(id)) return null;
  return { type, id };
}

/** The local id of a global id of the expected type, or null when it is malformed or of another type. */
export function localId(globalId: string, type: NodeType): string | null {
  const parsed = fromGlobalId(globalId);
  return parsed && parsed.type === type ? parsed.id : null;
}
