import { defineMachine } from './state-machine';

/** The pick list lifecycle: opened with its lines, walked by a picker, then completed or cancelled. */
export const PICK_LIST_STATUSES = ['OPEN', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED'] as const;
export type PickListStatus = (typeof PICK_LIST_STATUSES)[number];

/** What a pick list event records: created, changed status, or a quantity picked on a line. */
export const PICK_LIST_EVENT_TYPES = ['CREATED', 'STATUS_CHANGED', 'PICKED'] as const;
export type PickListEventType = (typeof PICK_LIST_EVENT_TYPES)[number];

/** What the pick list guards look at, counted over the list's lines. */
export interface PickListFacts {
  lines: number;
  /** Lines with no picked quantity recorded. */
  linesUnrecorded: number;
  /** Lines picked short without a reason. */
  shortWithoutReason: number;
}

/**
 * What a step brings about, carried out by the fulfilment module in the same transaction:
 * SETTLE_SHORT_PICKS deals with what was picked short (by its reason); RETURN_ORDERS gives the list's
 * orders back so another pick list can take them.
 */
export const PICK_LIST_EFFECTS = ['SETTLE_SHORT_PICKS', 'RETURN_ORDERS'] as const;
export type PickListEffect = (typeof PICK_LIST_EFFECTS)[number];

/** The pick list transition table; COMPLETED and CANCELLED are terminal. */
export const PICK_LIST_TRANSITIONS: Readonly<Record<PickListStatus, readonly PickListStatus[]>> = {
  OPEN: ['IN_PROGRESS', 'CANCELLED'],
  IN_PROGRESS: ['COMPLETED', 'CANCELLED'],
  COMPLETED: [],
  CANCELLED: [],
};

function lines(n: number): string {
  return n === 1 ? '1 line has' : `${n} lines have`;
}

/**
 * The pick list state machine. Starting needs at least one line; completing needs a picked quantity on
 * every line and a reason for every short pick.
 */
export const pickListMachine = defineMachine<PickListStatus, PickListFacts, PickListEffect>({
  subject: 'A pick list',
  transitions: PICK_LIST_TRANSITIONS,
  guards: {
    IN_PROGRESS: (_from, f) => (f.lines === 0 ? 'The pick list has no lines to pick' : null),
    COMPLETED: (_from, f) => {
      if (f.linesUnrecorded > 0) return `${lines(f.linesUnrecorded)} no picked quantity yet`;
      if (f.shortWithoutReason > 0)
        return `${lines(f.shortWithoutReason)} been picked short without a reason; say whether the goods were not found or damaged`;
      return null;
    },
  },
  effects: {
    COMPLETED: ['SETTLE_SHORT_PICKS'],
    CANCELLED: ['RETURN_ORDERS'],
  },
});

/** Why a line was picked short: the goods were not in the bin, or were there but damaged. */
export const SHORT_PICK_REASONS = ['NOT_FOUND', 'DAMAGED'] as const;
export type ShortPickReason = (typeof SHORT_PICK_REASONS)[number];

/** The shipment lifecycle: one part of an order, picked, checked, packed and shipped in that order. */
export const SHIPMENT_STATUSES = ['PICKING', 'PICKED', 'CHECKED', 'PACKED', 'SHIPPED', 'CANCELLED'] as const;
export type ShipmentStatus = (typeof SHIPMENT_STATUSES)[number];

/** What a shipment event records: created, changed status, a check error found, or one corrected. */
export const SHIPMENT_EVENT_TYPES = ['CREATED', 'STATUS_CHANGED', 'CHECK_ERROR', 'CHECK_CORRECTED'] as const;
export type ShipmentEventType = (typeof SHIPMENT_EVENT_TYPES)[number];

/** What the shipment guards look at. */
export interface ShipmentFacts {
  /** Lines whose checked quantity does not equal the picked quantity, or not yet checked. */
  linesUnchecked: number;
  /** Check errors recorded and not yet corrected. */
  openCheckErrors: number;
  packages: number;
  hasCarrier: boolean;
  hasTrackingNumber: boolean;
}

/** What a step brings about: CONSUME_STOCK takes the shipped units out of stock for good. */
export const SHIPMENT_EFFECTS = ['CONSUME_STOCK'] as const;
export type ShipmentEffect = (typeof SHIPMENT_EFFECTS)[number];

/** The shipment transition table: no stage can be skipped, and any stage before SHIPPED can be cancelled. */
export const SHIPMENT_TRANSITIONS: Readonly<Record<ShipmentStatus, readonly ShipmentStatus[]>> = {
  PICKING: ['PICKED', 'CANCELLED'],
  PICKED: ['CHECKED', 'CANCELLED'],
  CHECKED: ['PACKED', 'CANCELLED'],
  PACKED: ['SHIPPED', 'CANCELLED'],
  SHIPPED: [],
  CANCELLED: [],
};

/**
 * The shipment state machine. Checked needs every check error corrected and every line checked with the
 * picked quantity; packed needs at least one package; shipped needs a carrier and a tracking number.
 */
export const shipmentMachine = defineMachine<ShipmentStatus, ShipmentFacts, ShipmentEffect>({
  subject: 'A shipment',
  transitions: SHIPMENT_TRANSITIONS,
  guards: {
    CHECKED: (_from, f) => {
      if (f.openCheckErrors > 0)
        return f.openCheckErrors === 1
          ? 'A check error is open; correct the check error first'
          : `Check errors are open; correct the ${f.openCheckErrors} check errors first`;
      if (f.linesUnchecked > 0)
        return `${lines(f.linesUnchecked)} not been checked, or the checked quantity differs from the picked quantity`;
      return null;
    },
    PACKED: (_from, f) => (f.packages === 0 ? 'Record at least one package before marking the shipment packed' : null),
    SHIPPED: (_from, f) => {
      if (!f.hasCarrier) return 'Choose a carrier before shipping';
      return f.hasTrackingNumber ? null : 'Enter the tracking number before shipping';
    },
  },
  effects: {
    SHIPPED: ['CONSUME_STOCK'],
  },
});

/** What the check found wrong on a line: another product than ordered, or another quantity. */
export const CHECK_ERROR_KINDS = ['WRONG_ITEM', 'WRONG_QUANTITY'] as const;
export type CheckErrorKind = (typeof CHECK_ERROR_KINDS)[number];

/**
 * The order's warehouse stage from its parts: the least advanced part decides. Parts not yet on a pick
 * list (`unlisted`) count as PICKING (the order left ALLOCATED when its first part went to the floor).
 * Cancelled parts are ignored. Any part PICKING, PICKED or CHECKED (or anything unlisted) gives PICKING;
 * else any part PACKED gives PACKED; else (all SHIPPED) SHIPPED. Returns null when there is no live part
 * and nothing unlisted.
 */
export function orderStageOfParts(
  parts: readonly ShipmentStatus[],
  unlisted: number,
): 'PICKING' | 'PACKED' | 'SHIPPED' | null {
  if (unlisted > 0) return 'PICKING';
  let packed = false;
  let shipped = false;
  for (const p of parts) {
    if (p === 'PICKING' || p === 'PICKED' || p === 'CHECKED') return 'PICKING';
    if (p === 'PACKED') packed = true;
    else if (p === 'SHIPPED') shipped = true;
  }
  if (packed) return 'PACKED';
  return shipped ? 'SHIPPED' : null;
}
