import { registerEnumType } from 'type-graphql';
import {
  API_KEY_SCOPES,
  CREDIT_STATUSES,
  PERMISSIONS,
  ROLE_PERMISSIONS,
  ROLES,
  HOLD_REASONS,
  MOVEMENT_REASONS,
  ORDER_PRIORITIES,
  SALES_CHANNELS,
  WAREHOUSE_KINDS,
  PACKAGING_NEEDS,
  ORDER_EVENT_TYPES,
  ALLOCATION_STATUSES,
  ORDER_STATUSES,
  PAYMENT_METHODS,
  PAYMENT_STATUSES,
  REGIONS,
  STOCK_STATUSES,
} from '@fulfilment/domain';

/** type-graphql wants enum objects; the domain declares every enum as a string list, registered here for the schema. */
export function enumOf<T extends string>(values: readonly T[]): { [K in T]: K } {
  return Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };
}

export const OrderStatus = enumOf(ORDER_STATUSES);
export const Region = enumOf(REGIONS);
export const PaymentMethod = enumOf(PAYMENT_METHODS);
export const PaymentStatus = enumOf(PAYMENT_STATUSES);
export const CreditStatus = enumOf(CREDIT_STATUSES);
export const HoldReason = enumOf(HOLD_REASONS);
export const StockStatus = enumOf(STOCK_STATUSES);
export const MovementReason = enumOf(MOVEMENT_REASONS);

export type SalesChannel = (typeof SALES_CHANNELS)[number];
export const SalesChannel = enumOf(SALES_CHANNELS);

export type OrderPriority = (typeof ORDER_PRIORITIES)[number];
export const OrderPriority = enumOf(ORDER_PRIORITIES);

export type WarehouseKind = (typeof WAREHOUSE_KINDS)[number];
export const WarehouseKind = enumOf(WAREHOUSE_KINDS);

export type PackagingNeed = (typeof PACKAGING_NEEDS)[number];
export const PackagingNeed = enumOf(PACKAGING_NEEDS);

export type OrderEventType = (typeof ORDER_EVENT_TYPES)[number];
export const OrderEventType = enumOf(ORDER_EVENT_TYPES);

export type AllocationStatus = (typeof ALLOCATION_STATUSES)[number];
export const AllocationStatus = enumOf(ALLOCATION_STATUSES);

registerEnumType(OrderStatus, {
  name: 'OrderStatus',
  description: 'Where an order is in its lifecycle.',
  valuesConfig: {
    PENDING_REVIEW: { description: 'Placed (or edited) and waiting for automatic review.' },
    CONFIRMED: { description: 'Passed review; stock is being allocated.' },
    BACKORDERED: { description: 'Confirmed but short of stock; ships first, by priority, when goods arrive.' },
    ALLOCATED: { description: 'Stock reserved at one or more warehouses or stations; ready to pick.' },
    PICKING: { description: 'Being picked in the warehouse.' },
    PACKED: { description: 'Picked, checked and packed; waiting to ship.' },
    SHIPPED: { description: 'Left the warehouse; the reserved stock is consumed.' },
    OUT_FOR_DELIVERY: { description: 'With a courier on the way to the customer.' },
    DELIVERED: {
      description: 'Handed over to the customer; final unless every unit comes back (returnState says PARTIAL).',
    },
    RETURNED: { description: 'Every delivered unit came back and was received (returns). Final.' },
    ON_HOLD: { description: 'Held for a customer-service agent; holdReasons say why.' },
    CANCELLED: { description: 'Cancelled before shipment; its stock was released and a paid order refunded. Final.' },
  },
});
registerEnumType(Region, {
  name: 'Region',
  description: 'Service region of mainland China (华东 EAST, 华北 NORTH, …).',
  valuesConfig: {
    EAST: { description: '华东 East China (Shanghai, Jiangsu, Zhejiang, …).' },
    NORTH: { description: '华北 North China (Beijing, Tianjin, Hebei, …).' },
    SOUTH: { description: '华南 South China (Guangdong, Guangxi, Hainan).' },
    CENTRAL: { description: '华中 Central China (Hubei, Hunan, Henan).' },
    SOUTHWEST: { description: '西南 Southwest China (Sichuan, Chongqing, Yunnan, …).' },
    NORTHWEST: { description: '西北 Northwest China (Shaanxi, Gansu, Xinjiang, …).' },
    NORTHEAST: { description: '东北 Northeast China (Liaoning, Jilin, Heilongjiang).' },
  },
});
registerEnumType(PaymentMethod, {
  name: 'PaymentMethod',
  description: 'How the customer pays: online, or cash on delivery.',
  valuesConfig: {
    WECHAT_PAY: { description: 'WeChat Pay (online).' },
    ALIPAY: { description: 'Alipay (online).' },
    CARD: { description: 'Bank card (online).' },
    CASH_ON_DELIVERY: { description: 'Cash on delivery (COD): paid to the courier.' },
  },
});
registerEnumType(PaymentStatus, {
  name: 'PaymentStatus',
  description: "Where an order's payment stands.",
  valuesConfig: {
    PENDING: { description: 'Online payment not received yet: review holds the order (PAYMENT_PENDING).' },
    PAID: { description: 'Paid online.' },
    COD_ACCEPTED: { description: 'Cash on delivery accepted: to be paid to the courier.' },
    REFUNDED: { description: 'Paid, then refunded because the order was cancelled.' },
  },
});
registerEnumType(CreditStatus, {
  name: 'CreditStatus',
  description: 'Outcome of the credit assessment a new customer gets.',
  valuesConfig: {
    GOOD: { description: 'Assessed and in good standing.' },
    UNASSESSED: { description: 'Not assessed yet: a new customer’s large or COD orders are held for a credit check.' },
    BLOCKED: { description: 'Credit blocked: every order is held (CREDIT_BLOCKED).' },
  },
});
registerEnumType(HoldReason, {
  name: 'HoldReason',
  description: 'Why automatic review held an order for customer service.',
  valuesConfig: {
    NEW_CUSTOMER_CREDIT_CHECK: {
      description:
        'A new, unassessed customer: a COD order above 500 yuan or any order above 2,000 yuan needs a credit check.',
    },
    CREDIT_BLOCKED: { description: "The customer's credit is blocked." },
    PAYMENT_PENDING: { description: 'Online payment not received yet.' },
    UNDELIVERABLE_REGION: { description: 'No warehouse or station serves the delivery region.' },
    LARGE_ORDER: { description: 'Above 50,000 yuan: a person must confirm it.' },
    DELIVERY_AREA_BLOCKED: {
      description: 'The delivery address lies in an area a manager blocked for delivery (lockdown, flood).',
    },
  },
});
registerEnumType(StockStatus, {
  name: 'StockStatus',
  description: "A stock level's available quantity against its low and high thresholds.",
  valuesConfig: {
    OUT_OF_STOCK: { description: 'Nothing available (available ≤ 0).' },
    LOW: { description: 'Available at or below the low threshold: replenish.' },
    NORMAL: { description: 'Between the thresholds.' },
    OVERSTOCK: { description: 'Available at or above the high threshold: slow stock, consider a promotion.' },
  },
});
registerEnumType(MovementReason, {
  name: 'MovementReason',
  description: 'Why stock changed; every change is a movement.',
  valuesConfig: {
    RECEIPT: { description: 'Goods received into the warehouse (on hand up).' },
    RESERVATION: { description: 'Reserved for an order line (reserved up).' },
    RELEASE: { description: 'A reservation given back, e.g. on cancellation (reserved down).' },
    SHIPMENT: { description: 'Shipped to a customer (on hand and reserved down).' },
    COUNT_ADJUSTMENT: { description: 'A stock count found a difference.' },
    RETURN: { description: 'Goods returned by a customer.' },
    DAMAGE: { description: 'Damaged goods written off.' },
    CORRECTION: { description: 'A correction of an earlier mistake.' },
  },
});
registerEnumType(SalesChannel, {
  name: 'SalesChannel',
  description: 'Where an order came from.',
  valuesConfig: {
    WEB: { description: 'The web store.' },
    MOBILE_APP: { description: 'The mobile app.' },
    PARTNER: { description: 'A partner procurement platform.' },
    OFFLINE_STORE: { description: 'An offline (bricks-and-mortar) store.' },
    WHOLESALE: { description: 'Wholesale (B2B).' },
    CUSTOM: { description: 'A custom order with special requirements.' },
  },
});
registerEnumType(OrderPriority, {
  name: 'OrderPriority',
  description: 'How urgent an order is; backorders are served most urgent first.',
  valuesConfig: {
    URGENT: { description: 'Served first.' },
    HIGH: { description: 'Served before NORMAL, e.g. important customers.' },
    NORMAL: { description: 'The default.' },
  },
});
registerEnumType(WarehouseKind, {
  name: 'WarehouseKind',
  description: 'A warehouse, or a delivery station that also holds stock.',
  valuesConfig: {
    WAREHOUSE: { description: 'A warehouse.' },
    STATION: { description: 'A delivery station that also holds stock.' },
  },
});
registerEnumType(PackagingNeed, {
  name: 'PackagingNeed',
  description: 'Handling a product needs when it is packed and carried.',
  valuesConfig: {
    FRAGILE: { description: 'Breaks easily: cushioned packing.' },
    MOISTURE_SENSITIVE: { description: 'Must be kept dry: sealed packing.' },
    PERISHABLE: { description: 'Spoils: ship first, short transit.' },
    COLD_CHAIN: { description: 'Must stay refrigerated or frozen in transit.' },
    LIQUID: { description: 'A liquid: leak-proof packing.' },
    HEAVY: { description: 'Heavy: reinforced packing and handling.' },
  },
});
registerEnumType(OrderEventType, {
  name: 'OrderEventType',
  description: 'What an order event records.',
  valuesConfig: {
    PLACED: { description: 'The order was placed.' },
    STATUS_CHANGED: { description: 'The order moved to another status (toStatus).' },
    UPDATED: { description: 'The order was edited (lines, address or note).' },
    DELIVERY_UPDATE: {
      description:
        'What the customer is told about its delivery when the order’s status does not change (a delivery exception, a new window, one part delivered).',
    },
  },
});
registerEnumType(AllocationStatus, {
  name: 'AllocationStatus',
  description: 'Stock held for an order line at one warehouse: reserved, then shipped, or released.',
  valuesConfig: {
    RESERVED: { description: 'Reserved: not available to other orders.' },
    SHIPPED: { description: 'Shipped with the order: the stock left the warehouse.' },
    RELEASED: { description: 'Given back (cancellation or edit): available again.' },
    WRITTEN_OFF: {
      description:
        'Not found in the bin or damaged when picked: booked out of stock; the rest was reserved again or backordered.',
    },
  },
});

export const Role = enumOf(ROLES);
export const Permission = enumOf(PERMISSIONS);
export const ApiKeyScope = enumOf(Object.keys(API_KEY_SCOPES) as (keyof typeof API_KEY_SCOPES)[]);

const ROLE_TEXT: Record<(typeof ROLES)[number], string> = {
  ADMIN: 'Administrator: every permission, including users and API keys.',
  MANAGER:
    'Operations manager: handles orders and stock, purchases, the warehouse floor and carriers, sees customer PII and the audit log.',
  CUSTOMER_SERVICE: 'Customer-service agent: reviews and handles orders, sees customer PII.',
  WAREHOUSE: 'Warehouse staff: adjust stock, receive goods, pick, check, pack and ship orders.',
  DISPATCHER:
    'Dispatcher: reads orders, stock, catalogue and customers; hands packed shipments to carriers; plans and assigns delivery runs, manages couriers and blocked areas.',
  PURCHASING: 'Purchaser: manages suppliers, purchase requirements and purchase orders.',
  COURIER: 'Courier of the own fleet: from the phone page, sees and drives only its own runs and reports its position.',
};
const PERMISSION_TEXT: Record<(typeof PERMISSIONS)[number], string> = {
  ORDER_READ: 'Read orders, their lines, allocations and events.',
  ORDER_CREATE: 'Place orders.',
  ORDER_REVIEW: 'Approve or hold orders (customer-service review).',
  ORDER_EDIT: 'Edit orders before shipment.',
  ORDER_CANCEL: 'Cancel orders before shipment.',
  STOCK_READ: 'Read stock levels, movements and alerts.',
  STOCK_ADJUST: 'Adjust stock (receipts, counts, damage, …).',
  CATALOG_READ: 'Read products and warehouses.',
  CUSTOMER_READ: 'Read customers; without CUSTOMER_PII_READ their names, phones, e-mails and addresses are masked.',
  CUSTOMER_PII_READ:
    "See customers' personal data unmasked: names, phones, e-mails, addresses and contact details in notes.",
  USER_MANAGE: 'Create, change and deactivate staff users.',
  APIKEY_MANAGE: 'Create, list and revoke API keys.',
  AUDIT_READ: 'Read the audit log.',
  PURCHASING_READ: 'Read suppliers, purchase requirements, purchase orders and goods receipts.',
  SUPPLIER_MANAGE: 'Create and change suppliers and their offers.',
  PURCHASE_ORDER_MANAGE: 'Generate requirements and create, send, confirm, expedite and cancel purchase orders.',
  PURCHASE_ORDER_OVERRIDE: 'Order from a BLOCKED supplier (a manager’s override).',
  GOODS_RECEIVE: 'Book goods receipts against purchase orders.',
  FULFILMENT_READ: 'Read pick lists, shipments, packages and carriers.',
  WAREHOUSE_WORK: 'Create and work pick lists, check and pack shipments.',
  SHIP_ORDERS: 'Hand packed shipments to a carrier (stock leaves the warehouse).',
  CARRIER_MANAGE: 'Create and change carriers.',
  DELIVERY_READ:
    'Read couriers, delivery runs, deliveries and their proofs, with the delivery addresses of own-fleet deliveries.',
  DISPATCH: 'Plan deliveries into runs, assign and override, lock stops, re-plan exceptions, block and unblock areas.',
  COURIER_MANAGE: 'Create and change couriers and vehicles.',
  COURIER_WORK:
    "Working delivery runs: a courier its own runs (positions, proofs of delivery, exceptions); with DISPATCH, any run on a courier's behalf.",
  CUSTOMER_EDIT: 'Change how a customer is told (preferred channel and language).',
  NOTIFICATION_READ: 'Read the notifications sent to customers (and follow in-app ones live); re-send a failed one.',
  TEMPLATE_MANAGE: 'Change the message templates customers are told with.',
  WEBHOOK_MANAGE: 'Register, change and delete webhook endpoints, rotate their secrets, read and re-send deliveries.',
  COMPLAINT_READ: 'Read complaints with their clock, history and evidence; follow them and SLA alerts live.',
  COMPLAINT_OPEN: 'Open complaints (customer service, or a storefront on the customer’s behalf).',
  COMPLAINT_HANDLE: 'Answer, assign, investigate, resolve and reopen complaints.',
  RETURN_READ: 'Read return requests, their inspection and refunds.',
  RETURN_HANDLE: 'Ask for returns on a customer’s behalf, approve or reject them.',
  RETURN_INSPECT:
    'Receive returned goods and book the inspection (restock, damaged, back to the supplier); this refunds.',
};

registerEnumType(Role, {
  name: 'Role',
  description: 'A staff role; it grants a set of permissions.',
  valuesConfig: Object.fromEntries(
    ROLES.map((r) => [r, { description: `${ROLE_TEXT[r]} Permissions: ${ROLE_PERMISSIONS[r].join(', ')}.` }]),
  ),
});
registerEnumType(Permission, {
  name: 'Permission',
  description: 'One thing a caller may do; operations declare the permission they need.',
  valuesConfig: Object.fromEntries(PERMISSIONS.map((p) => [p, { description: PERMISSION_TEXT[p] }])),
});
registerEnumType(ApiKeyScope, {
  name: 'ApiKeyScope',
  description: 'What an API key may do; each value names the scope integrators know (e.g. ORDERS_READ is orders:read).',
  valuesConfig: Object.fromEntries(
    Object.entries(API_KEY_SCOPES).map(([scope, { name, permissions }]) => [
      scope,
      { description: `${name}: grants ${permissions.join(', ')}.` },
    ]),
  ),
});
