import { defineMachine } from './state-machine';
import type { HoldReason } from './review';

/** The order lifecycle: its statuses, the transition table, guards and effects. */
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
  'RETURNED',
  'ON_HOLD',
  'CANCELLED',
] as const;

export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** Where an order came from. */
export const SALES_CHANNELS = ['WEB', 'MOBILE_APP', 'PARTNER', 'OFFLINE_STORE', 'WHOLESALE', 'CUSTOM'] as const;
export type SalesChannel = (typeof SALES_CHANNELS)[number];

/** What an order event records: the order was placed, changed status, or was edited. */
export const ORDER_EVENT_TYPES = ['PLACED', 'STATUS_CHANGED', 'UPDATED', 'DELIVERY_UPDATE'] as const;
export type OrderEventType = (typeof ORDER_EVENT_TYPES)[number];

export const ORDER_TRANSITIONS: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  // Review either confirms the order or leaves it for customer service.
  PENDING_REVIEW: ['CONFIRMED', 'ON_HOLD', 'CANCELLED'],
  // A confirmed order is allocated at once, or waits for goods as a backorder.
  CONFIRMED: ['ALLOCATED', 'BACKORDERED', 'ON_HOLD', 'CANCELLED'],
  BACKORDERED: ['ALLOCATED', 'PENDING_REVIEW', 'ON_HOLD', 'CANCELLED'],
  // An edit before picking can send an allocated order back to review or to backorder.
  ALLOCATED: ['PICKING', 'BACKORDERED', 'PENDING_REVIEW', 'ON_HOLD', 'CANCELLED'],
  // Warehouse fulfilment: a cancelled pick list returns the order to ALLOCATED; a short pick that no other
  // warehouse can make up sends it back to BACKORDERED (or ON_HOLD when it allows no backorder).
  PICKING: ['PACKED', 'ALLOCATED', 'BACKORDERED', 'ON_HOLD', 'CANCELLED'],
  PACKED: ['SHIPPED', 'CANCELLED'],
  SHIPPED: ['OUT_FOR_DELIVERY', 'DELIVERED'],
  OUT_FOR_DELIVERY: ['DELIVERED'],
  // Every delivered unit came back and was received (partial returns leave the order DELIVERED).
  DELIVERED: ['RETURNED'],
  RETURNED: [],
  // Releasing a hold re-runs confirmation, which allocates or backorders again.
  ON_HOLD: ['CONFIRMED', 'CANCELLED'],
  CANCELLED: [],
};

/** What the order guards look at. */
export interface OrderFacts {
  /** Reasons automatic review (or an edit) left for customer service; approval clears them. */
  holdReasons: readonly HoldReason[];
  /** Every line has its stock reserved. */
  reserved: boolean;
  allowBackorder: boolean;
}

/**
 * What a step brings about, carried out by the order module in the same transaction:
 * ALLOCATE reserves stock (or finds it reserved) and moves on to ALLOCATED, else to BACKORDERED;
 * RELEASE_STOCK gives reservations back; REFUND_PAYMENT marks a paid order refunded;
 * SHIP_STOCK turns reservations into shipments (stock leaves the warehouse).
 */
export const ORDER_EFFECTS = ['ALLOCATE', 'RELEASE_STOCK', 'REFUND_PAYMENT', 'SHIP_STOCK'] as const;
export type OrderEffect = (typeof ORDER_EFFECTS)[number];

const NOT_RESERVED = 'Stock is not reserved for every line';

export const orderMachine = defineMachine<OrderStatus, OrderFacts, OrderEffect>({
  subject: 'An order',
  transitions: ORDER_TRANSITIONS,
  guards: {
    CONFIRMED: (_from, f) =>
      f.holdReasons.length ? `Held for review (${f.holdReasons.join(', ')}); approve it to confirm` : null,
    ALLOCATED: (_from, f) => (f.reserved ? null : NOT_RESERVED),
    BACKORDERED: (_from, f) => (f.allowBackorder ? null : 'The order does not allow backorders'),
    PICKING: (_from, f) => (f.reserved ? null : NOT_RESERVED),
  },
  effects: {
    CONFIRMED: ['ALLOCATE'],
    CANCELLED: ['RELEASE_STOCK', 'REFUND_PAYMENT'],
    SHIPPED: ['SHIP_STOCK'],
  },
});

export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return orderMachine.can(from, to);
}

/** Lines may change only before picking starts; the address until the parcel leaves. */
export const LINE_EDITABLE_STATUSES: readonly OrderStatus[] = [
  'PENDING_REVIEW',
  'CONFIRMED',
  'BACKORDERED',
  'ALLOCATED',
  'ON_HOLD',
];
export const ADDRESS_EDITABLE_STATUSES: readonly OrderStatus[] = [...LINE_EDITABLE_STATUSES, 'PICKING', 'PACKED'];

export const TERMINAL_STATUSES: readonly OrderStatus[] = ORDER_STATUSES.filter((s) => orderMachine.isTerminal(s));
