/** The order lifecycle as data: each status lists the statuses it may move to. */
export const ORDER_STATUSES = [
  'PENDING_REVIEW',
  'CONFIRMED',
  'BACKORDERED',
  'ALLOCATED',
  'PICKING',
  'PACKED',
  'SHIPPED',
  'OUT_FOR_DELIVERY',
  'DELIVERED',
  'ON_HOLD',
  'CANCELLED',
] as const;

export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const ORDER_TRANSITIONS: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  // Review either confirms the order or leaves it for customer service.
  PENDING_REVIEW: ['CONFIRMED', 'ON_HOLD', 'CANCELLED'],
  // A confirmed order is allocated at once, or waits for goods as a backorder.
  CONFIRMED: ['ALLOCATED', 'BACKORDERED', 'ON_HOLD', 'CANCELLED'],
  BACKORDERED: ['ALLOCATED', 'PENDING_REVIEW', 'ON_HOLD', 'CANCELLED'],
  // An edit before picking can send an allocated order back to review or to backorder.
  ALLOCATED: ['PICKING', 'BACKORDERED', 'PENDING_REVIEW', 'ON_HOLD', 'CANCELLED'],
  PICKING: ['PACKED', 'CANCELLED'],
  PACKED: ['SHIPPED', 'CANCELLED'],
  SHIPPED: ['OUT_FOR_DELIVERY', 'DELIVERED'],
  OUT_FOR_DELIVERY: ['DELIVERED'],
  DELIVERED: [],
  // Releasing a hold re-runs confirmation, which allocates or backorders again.
  ON_HOLD: ['CONFIRMED', 'CANCELLED'],
  CANCELLED: [],
};

export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return ORDER_TRANSITIONS[from].includes(to);
}

/** Lines may change only before picking starts; the address until the parcel leaves. */
export const LINE_EDITABLE_STATUSES: readonly OrderStatus[] = ['PENDING_REVIEW', 'CONFIRMED', 'BACKORDERED', 'ALLOCATED', 'ON_HOLD'];
export const ADDRESS_EDITABLE_STATUSES: readonly OrderStatus[] = [...LINE_EDITABLE_STATUSES, 'PICKING', 'PACKED'];

export const TERMINAL_STATUSES: readonly OrderStatus[] = ORDER_STATUSES.filter((s) => ORDER_TRANSITIONS[s].length === 0);
