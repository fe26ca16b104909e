import type { OrderPriority } from './promise';

/** An order waiting to be picked, as the batch choice compares them. */
export interface BatchCandidate {
  orderId: string;
  priority: OrderPriority;
  /** Important customer. */
  keyAccount: boolean;
  placedAt: Date;
  units: number;
}

/** How much one pick list may take. */
export interface BatchLimits {
  /** Whole number from 1 to `PICK_LIST_MAX_ORDERS`. */
  maxOrders: number;
  /** Optional cap on total units. */
  maxUnits?: number;
}

/** Orders per pick list when the user does not say. */
export const PICK_LIST_DEFAULT_ORDERS = 50;
/** The most orders one pick list may take. */
export const PICK_LIST_MAX_ORDERS = 500;

/**
 * An order's picking tier, 0 first: 0 urgent, 1 important customer's (not urgent), 2 HIGH, 3 NORMAL.
 */
export function batchTier(c: Pick<BatchCandidate, 'priority' | 'keyAccount'>): number {
  if (c.priority === 'URGENT') return 0;
  if (c.keyAccount) return 1;
  return c.priority === 'HIGH' ? 2 : 3;
}

/**
 * Which orders a pick list takes, in picking priority: urgent orders first, then important customers'
 * orders, then high, then normal priority (`batchTier`); oldest first within each; ties by orderId. Takes
 * orders in that sequence up to maxOrders; an order that would exceed maxUnits is skipped (the next
 * smaller one may fit), except that the first order is always taken so a list is never empty when there
 * are candidates. Returns them in that priority sequence. Throws RangeError for maxOrders not a whole
 * number in 1…PICK_LIST_MAX_ORDERS, or maxUnits not a whole number ≥ 1.
 */
export function chooseBatch(candidates: readonly BatchCandidate[], limits: BatchLimits): BatchCandidate[] {
  const { maxOrders, maxUnits = Infinity } = limits;
  if (!Number.isInteger(maxOrders) || maxOrders < 1 || maxOrders > PICK_LIST_MAX_ORDERS)
    throw new RangeError(`maxOrders must be a whole number from 1 to ${PICK_LIST_MAX_ORDERS}, got ${maxOrders}`);
  if (maxUnits !== Infinity && (!Number.isInteger(maxUnits) || maxUnits < 1))
    throw new RangeError(`maxUnits must be a whole number ≥ 1, got ${maxUnits}`);

  const sequence = candidates
    .map((c) => ({ c, tier: batchTier(c), at: c.placedAt.getTime() }))
    .sort(
      (a, b) => a.tier - b.tier || a.at - b.at || (a.c.orderId < b.c.orderId ? -1 : a.c.orderId > b.c.orderId ? 1 : 0),
    );

  const chosen: BatchCandidate[] = [];
  let units = 0;
  for (const { c } of sequence) {
    if (chosen.length === maxOrders) break;
    if (chosen.length > 0 && units + c.units > maxUnits) continue;
    chosen.push(c);
    units += c.units;
  }
  return chosen;
}
