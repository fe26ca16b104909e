import { defineMachine } from './state-machine';

/** The purchase order lifecycle, from draft to received and closed (or cancelled before any receipt). */
export const PURCHASE_ORDER_STATUSES = [
  'DRAFT',
  'SENT',
  'CONFIRMED',
  'PARTIALLY_RECEIVED',
  'RECEIVED',
  'CLOSED',
  'CANCELLED',
] as const;
export type PurchaseOrderStatus = (typeof PURCHASE_ORDER_STATUSES)[number];

/** What a purchase order event records: created, changed status, chased with the supplier, or goods received. */
export const PURCHASE_ORDER_EVENT_TYPES = ['CREATED', 'STATUS_CHANGED', 'EXPEDITED', 'RECEIVED', 'OVERDUE'] as const;
export type PurchaseOrderEventType = (typeof PURCHASE_ORDER_EVENT_TYPES)[number];

/** What the purchase order guards look at; quantities are summed over the order's lines. */
export interface PurchaseOrderFacts {
  lines: number;
  /** Lines the supplier has not yet given a promised delivery date for. */
  linesWithoutPromise: number;
  /** Units received so far (accepted + rejected). */
  received: number;
  /** Units still expected: ordered − accepted, never negative. */
  outstanding: number;
  /** Why the purchaser orders from a blocked supplier anyway; audited with the event. */
  overrideReason: string | null;
  /** The supplier's standing blocks new orders (see `standingBlocksOrders`). */
  supplierBlocked: boolean;
}

/**
 * What a step brings about, carried out by the purchasing module in the same transaction:
 * FREEZE_PROMISES copies each line's promised date into its immutable column (later changes go to the
 * expected date, so on-time rates stay honest); RELEASE_REQUIREMENTS returns the requirements this
 * order covered to the open list, so they are ordered again elsewhere.
 */
export const PURCHASE_ORDER_EFFECTS = ['FREEZE_PROMISES', 'RELEASE_REQUIREMENTS'] as const;
export type PurchaseOrderEffect = (typeof PURCHASE_ORDER_EFFECTS)[number];

/** The transition table; PARTIALLY_RECEIVED stays put on further partial receipts (no self-transition). */
export const PURCHASE_ORDER_TRANSITIONS: Readonly<Record<PurchaseOrderStatus, readonly PurchaseOrderStatus[]>> = {
  DRAFT: ['SENT', 'CANCELLED'],
  SENT: ['CONFIRMED', 'CANCELLED'],
  CONFIRMED: ['PARTIALLY_RECEIVED', 'RECEIVED', 'CANCELLED'],
  // CLOSED short-closes the rest: the supplier will not deliver it and it stops counting as on order.
  PARTIALLY_RECEIVED: ['RECEIVED', 'CLOSED'],
  RECEIVED: ['CLOSED'],
  CLOSED: [],
  CANCELLED: [],
};

function blockedSupplier(f: PurchaseOrderFacts): string | null {
  if (!f.supplierBlocked || (f.overrideReason ?? '').trim() !== '') return null;
  return 'The supplier is blocked by its scorecard; give a reason to order from it anyway';
}

function units(n: number): string {
  return n === 1 ? '1 unit' : `${n} units`;
}

/** The purchase order state machine: table, guards (with reasons a purchaser understands) and effects. */
export const purchaseOrderMachine = defineMachine<PurchaseOrderStatus, PurchaseOrderFacts, PurchaseOrderEffect>({
  subject: 'A purchase order',
  transitions: PURCHASE_ORDER_TRANSITIONS,
  guards: {
    SENT: (_from, f) => (f.lines < 1 ? 'Add at least one line before sending the order' : blockedSupplier(f)),
    CONFIRMED: (_from, f) => {
      if (f.linesWithoutPromise > 0)
        return f.linesWithoutPromise === 1
          ? '1 line has no promised delivery date; enter the date the supplier confirmed'
          : `${f.linesWithoutPromise} lines have no promised delivery date; enter the dates the supplier confirmed`;
      return blockedSupplier(f);
    },
    PARTIALLY_RECEIVED: (_from, f) => {
      if (f.received <= 0) return 'Nothing has been received yet';
      return f.outstanding > 0 ? null : 'Everything has been received; mark the order received';
    },
    RECEIVED: (_from, f) =>
      f.outstanding === 0 ? null : `${units(f.outstanding)} still outstanding; receive them or close the order short`,
    CANCELLED: (_from, f) =>
      f.received === 0 ? null : 'Goods were received; close the order instead of cancelling it',
  },
  effects: {
    CONFIRMED: ['FREEZE_PROMISES'],
    CANCELLED: ['RELEASE_REQUIREMENTS'],
  },
});

/** Statuses whose outstanding quantity counts as "on order" in purchase requirements. */
export const OPEN_PURCHASE_ORDER_STATUSES: readonly PurchaseOrderStatus[] = [
  'DRAFT',
  'SENT',
  'CONFIRMED',
  'PARTIALLY_RECEIVED',
];

/**
 * The status a receipt leaves a CONFIRMED or PARTIALLY_RECEIVED order in: RECEIVED once nothing is
 * outstanding, PARTIALLY_RECEIVED once something arrived, otherwise unchanged. Compare with the
 * current status before calling `step`: staying PARTIALLY_RECEIVED is not a transition.
 */
export function statusAfterReceipt(
  status: PurchaseOrderStatus,
  f: Pick<PurchaseOrderFacts, 'received' | 'outstanding'>,
): PurchaseOrderStatus {
  if (status !== 'CONFIRMED' && status !== 'PARTIALLY_RECEIVED') return status;
  if (f.outstanding === 0 && f.received > 0) return 'RECEIVED';
  return f.received > 0 ? 'PARTIALLY_RECEIVED' : status;
}

/** Share over the ordered quantity a receipt may bring in (suppliers round up to full cartons). */
export const RECEIPT_TOLERANCE = 0.05;

/** The most units of an ordered quantity that may be accepted; a receipt beyond it is refused. */
export function maxAcceptable(ordered: number): number {
  if (!Number.isInteger(ordered) || ordered < 0)
    throw new RangeError(`ordered must be a whole number ≥ 0, got ${ordered}`);
  // The epsilon keeps 0.05 × 60 = 3.0000000000000004 and similar float noise from moving the floor.
  return Math.floor(ordered * (1 + RECEIPT_TOLERANCE) + 1e-9);
}

/**
 * Why accepting `accepting` more units on a line is refused, or null. Only accepted units count:
 * rejected ones go back to the supplier, and their replacements must fit within the tolerance.
 */
export function overReceiptRefusal(ordered: number, acceptedSoFar: number, accepting: number): string | null {
  const max = maxAcceptable(ordered);
  if (acceptedSoFar + accepting <= max) return null;
  return `At most ${Math.max(0, max - acceptedSoFar)} more can be accepted (ordered ${ordered}, already accepted ${acceptedSoFar}, tolerance ${RECEIPT_TOLERANCE * 100} %)`;
}

/** Why received units were rejected at inspection; recorded against the supplier. */
export const REJECTION_REASONS = ['DAMAGED', 'WRONG_SPEC', 'QUALITY', 'EXPIRED'] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];

/** Statuses in which the supplier still owes goods: sent, confirmed, partly received. */
export const AWAITING_GOODS_STATUSES: readonly PurchaseOrderStatus[] = ['SENT', 'CONFIRMED', 'PARTIALLY_RECEIVED'];

/**
 * A purchase order is late (to be expedited) once the expected date of its outstanding lines (null when
 * nothing is outstanding) has passed while the supplier still owes goods. `today` is YYYY-MM-DD.
 */
export function isOverdue(status: PurchaseOrderStatus, expectedDate: string | null, today: string): boolean {
  return AWAITING_GOODS_STATUSES.includes(status) && expectedDate !== null && expectedDate < today;
}
