import { registerEnumType } from 'type-graphql';
import {
  API_KEY_SCOPES,
  CREDIT_STATUSES,
  PERMISSIONS,
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

registerEnumType(OrderStatus, { name: 'OrderStatus', description: 'Where an order is in its lifecycle.' });
registerEnumType(Region, {
  name: 'Region',
  description: 'Service region of mainland China (华东 EAST, 华北 NORTH, …).',
});
registerEnumType(PaymentMethod, { name: 'PaymentMethod' });
registerEnumType(PaymentStatus, { name: 'PaymentStatus' });
registerEnumType(CreditStatus, {
  name: 'CreditStatus',
  description: 'Outcome of the credit assessment a new customer gets.',
});
registerEnumType(HoldReason, {
  name: 'HoldReason',
  description: 'Why automatic review held an order for customer service.',
});
registerEnumType(StockStatus, { name: 'StockStatus' });
registerEnumType(MovementReason, {
  name: 'MovementReason',
  description: 'Why stock changed; every change is a movement.',
});
registerEnumType(SalesChannel, { name: 'SalesChannel' });
registerEnumType(OrderPriority, { name: 'OrderPriority' });
registerEnumType(WarehouseKind, {
  name: 'WarehouseKind',
  description: 'A warehouse, or a delivery station that also holds stock.',
});
registerEnumType(PackagingNeed, { name: 'PackagingNeed' });
registerEnumType(OrderEventType, { name: 'OrderEventType' });
registerEnumType(AllocationStatus, { name: 'AllocationStatus' });

export const Role = enumOf(ROLES);
export const Permission = enumOf(PERMISSIONS);
export const ApiKeyScope = enumOf(Object.keys(API_KEY_SCOPES) as (keyof typeof API_KEY_SCOPES)[]);
registerEnumType(Role, { name: 'Role', description: 'A staff role; it grants a set of permissions.' });
registerEnumType(Permission, {
  name: 'Permission',
  description: 'One thing a caller may do; operations declare the permission they need.',
});
registerEnumType(ApiKeyScope, {
  name: 'ApiKeyScope',
  description:
    'What an API key may do: ORDERS_READ (orders:read), ORDERS_WRITE (orders:write), STOCK_READ (stock:read), STOCK_WRITE (stock:write), CATALOG_READ (catalog:read), CUSTOMERS_READ (customers:read).',
});
