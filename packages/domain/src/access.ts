/** Who may do what: roles grant permissions, and code checks permissions, never role names. */
export const PERMISSIONS = [
  'ORDER_READ',
  'ORDER_CREATE',
  'ORDER_REVIEW',
  'ORDER_EDIT',
  'ORDER_CANCEL',
  'STOCK_READ',
  'STOCK_ADJUST',
  'CATALOG_READ',
  'CUSTOMER_READ',
  'CUSTOMER_PII_READ',
  'USER_MANAGE',
  'APIKEY_MANAGE',
  'AUDIT_READ',
  'PURCHASING_READ',
  'SUPPLIER_MANAGE',
  'PURCHASE_ORDER_MANAGE',
  'PURCHASE_ORDER_OVERRIDE',
  'GOODS_RECEIVE',
  'FULFILMENT_READ',
  'WAREHOUSE_WORK',
  'SHIP_ORDERS',
  'CARRIER_MANAGE',
  'DELIVERY_READ',
  'DISPATCH',
  'COURIER_MANAGE',
  'COURIER_WORK',
  'CUSTOMER_EDIT',
  'NOTIFICATION_READ',
  'TEMPLATE_MANAGE',
  'WEBHOOK_MANAGE',
  'COMPLAINT_READ',
  'COMPLAINT_OPEN',
  'COMPLAINT_HANDLE',
  'RETURN_READ',
  'RETURN_HANDLE',
  'RETURN_INSPECT',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLES = [
  'ADMIN',
  'MANAGER',
  'CUSTOMER_SERVICE',
  'WAREHOUSE',
  'DISPATCHER',
  'PURCHASING',
  'COURIER',
] as const;
export type Role = (typeof ROLES)[number];

const READ_OPERATIONS: Permission[] = ['ORDER_READ', 'STOCK_READ', 'CATALOG_READ', 'CUSTOMER_READ'];
const HANDLE_ORDERS: Permission[] = ['ORDER_CREATE', 'ORDER_REVIEW', 'ORDER_EDIT', 'ORDER_CANCEL'];

const PURCHASE: Permission[] = ['PURCHASING_READ', 'SUPPLIER_MANAGE', 'PURCHASE_ORDER_MANAGE'];
/** The warehouse floor: pick lists, checking and packing, shipping. */
const FLOOR: Permission[] = ['FULFILMENT_READ', 'WAREHOUSE_WORK', 'SHIP_ORDERS'];
/** Last-mile dispatch: plan and assign runs, override, block areas, manage couriers, act for a courier. */
const DISPATCHING: Permission[] = ['DELIVERY_READ', 'DISPATCH', 'COURIER_MANAGE', 'COURIER_WORK'];

/** Customer service: complaints opened, answered, investigated and resolved. */
const AFTER_SALES: Permission[] = [
  'COMPLAINT_READ',
  'COMPLAINT_OPEN',
  'COMPLAINT_HANDLE',
  'RETURN_READ',
  'RETURN_HANDLE',
];

export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  ADMIN: PERMISSIONS,
  MANAGER: [
    ...READ_OPERATIONS,
    ...HANDLE_ORDERS,
    'STOCK_ADJUST',
    'CUSTOMER_PII_READ',
    'AUDIT_READ',
    ...PURCHASE,
    'PURCHASE_ORDER_OVERRIDE',
    'GOODS_RECEIVE',
    ...FLOOR,
    'CARRIER_MANAGE',
    ...DISPATCHING,
    'CUSTOMER_EDIT',
    'NOTIFICATION_READ',
    'TEMPLATE_MANAGE',
    ...AFTER_SALES,
    'RETURN_INSPECT',
  ],
  CUSTOMER_SERVICE: [
    ...READ_OPERATIONS,
    ...HANDLE_ORDERS,
    'CUSTOMER_PII_READ',
    'PURCHASING_READ',
    'FULFILMENT_READ',
    'DELIVERY_READ',
    'CUSTOMER_EDIT',
    'NOTIFICATION_READ',
    ...AFTER_SALES,
  ],
  WAREHOUSE: [
    ...READ_OPERATIONS,
    'STOCK_ADJUST',
    'PURCHASING_READ',
    'GOODS_RECEIVE',
    ...FLOOR,
    'RETURN_READ',
    'RETURN_INSPECT',
  ],
  DISPATCHER: [...READ_OPERATIONS, 'FULFILMENT_READ', 'SHIP_ORDERS', ...DISPATCHING],
  PURCHASING: [...READ_OPERATIONS, ...PURCHASE],
  /** Signs in from the phone page: sees and works only its own runs. */
  COURIER: ['COURIER_WORK'],
};

/** What an integrator's API key may do; the scope names are what integrators see in their docs. */
export const API_KEY_SCOPES = {
  ORDERS_READ: { name: 'orders:read', permissions: ['ORDER_READ', 'CATALOG_READ', 'CUSTOMER_READ'] },
  ORDERS_WRITE: { name: 'orders:write', permissions: ['ORDER_CREATE', 'ORDER_EDIT', 'ORDER_CANCEL'] },
  STOCK_READ: { name: 'stock:read', permissions: ['STOCK_READ', 'CATALOG_READ'] },
  STOCK_WRITE: { name: 'stock:write', permissions: ['STOCK_ADJUST'] },
  CATALOG_READ: { name: 'catalog:read', permissions: ['CATALOG_READ'] },
  CUSTOMERS_READ: { name: 'customers:read', permissions: ['CUSTOMER_READ'] },
  PURCHASING_READ: { name: 'purchasing:read', permissions: ['PURCHASING_READ', 'CATALOG_READ'] },
  PURCHASING_WRITE: { name: 'purchasing:write', permissions: ['SUPPLIER_MANAGE', 'PURCHASE_ORDER_MANAGE'] },
  RECEIVING_WRITE: { name: 'receiving:write', permissions: ['GOODS_RECEIVE'] },
  FULFILMENT_READ: { name: 'fulfilment:read', permissions: ['FULFILMENT_READ', 'CATALOG_READ'] },
  SHIPPING_WRITE: { name: 'shipping:write', permissions: ['SHIP_ORDERS'] },
  DELIVERY_READ: { name: 'delivery:read', permissions: ['DELIVERY_READ'] },
  DISPATCH_WRITE: { name: 'dispatch:write', permissions: ['DISPATCH'] },
  CUSTOMERS_WRITE: { name: 'customers:write', permissions: ['CUSTOMER_EDIT'] },
  NOTIFICATIONS_READ: { name: 'notifications:read', permissions: ['NOTIFICATION_READ'] },
  WEBHOOKS_WRITE: { name: 'webhooks:write', permissions: ['WEBHOOK_MANAGE'] },
  COMPLAINTS_WRITE: { name: 'complaints:write', permissions: ['COMPLAINT_OPEN', 'COMPLAINT_READ'] },
  RETURNS_WRITE: { name: 'returns:write', permissions: ['RETURN_READ', 'RETURN_HANDLE'] },
} as const satisfies Record<string, { name: string; permissions: readonly Permission[] }>;
export type ApiKeyScope = keyof typeof API_KEY_SCOPES;
export const API_KEY_SCOPE_NAMES = Object.keys(API_KEY_SCOPES) as ApiKeyScope[];

export function permissionsOfRole(role: Role): Set<Permission> {
  return new Set(ROLE_PERMISSIONS[role]);
}

export function permissionsOfScopes(scopes: readonly ApiKeyScope[]): Set<Permission> {
  return new Set(scopes.flatMap((s) => API_KEY_SCOPES[s].permissions));
}
