import { defineMachine } from './state-machine';

/**
 * Returns and exchanges: what the policy allows, what an inspection may record, how much a refund may
 * be, and the after-sales measures (satisfaction, order error rate) against their targets.
 */
export const RETURN_REASONS = [
  'QUALITY',
  'DAMAGED',
  'WRONG_ITEM',
  'MISSING_ITEM',
  'NOT_AS_DESCRIBED',
  'CHANGED_MIND',
] as const;
export type ReturnReason = (typeof RETURN_REASONS)[number];

/** Reasons that are the company's error (picking, packing, checking), counted in the order error rate. */
export const OUR_ERROR_REASONS: readonly ReturnReason[] = ['DAMAGED', 'WRONG_ITEM', 'MISSING_ITEM'];

export const RETURN_RESOLUTIONS = ['REFUND', 'EXCHANGE', 'STORE_CREDIT'] as const;
export type ReturnResolution = (typeof RETURN_RESOLUTIONS)[number];

export const RETURN_STATUSES = ['REQUESTED', 'APPROVED', 'REJECTED', 'RECEIVED', 'RESOLVED', 'CANCELLED'] as const;
export type ReturnStatus = (typeof RETURN_STATUSES)[number];

/**
 * A return: asked for, decided, received and inspected by the warehouse, then resolved as the customer
 * chose: refunded, exchanged (a replacement order) or credited.
 */
export const returnMachine = defineMachine<
  ReturnStatus,
  { decisionReason: boolean },
  'TELL_APPROVED' | 'TELL_REJECTED'
>({
  subject: 'A return',
  transitions: {
    REQUESTED: ['APPROVED', 'REJECTED', 'CANCELLED'],
    APPROVED: ['RECEIVED', 'CANCELLED'],
    RECEIVED: ['RESOLVED'],
    REJECTED: [],
    RESOLVED: [],
    CANCELLED: [],
  },
  guards: {
    REJECTED: (_from, f) => (f.decisionReason ? null : 'A rejection needs a reason the customer is told'),
  },
  effects: { APPROVED: ['TELL_APPROVED'], REJECTED: ['TELL_REJECTED'] },
});

export interface ReturnPolicy {
  /** Days after delivery a return may be asked for. */
  windowDays: number;
  /** Fresh food (perishable, cold chain) comes back only for quality problems, within this many hours. */
  freshHours: number;
}

export const RETURN_POLICY: ReturnPolicy = { windowDays: 7, freshHours: 24 };

export interface ReturnLineAsked {
  lineNo: number;
  sku: string;
  /** Perishable or cold-chain goods. */
  fresh: boolean;
  /** Units of the line that reached the customer. */
  delivered: number;
  /** Units of the line in earlier return requests that were not rejected or cancelled. */
  alreadyReturned: number;
  quantity: number;
}

export interface ReturnProblem {
  code: 'ORDER_NOT_DELIVERED' | 'OUT_OF_POLICY' | 'QUANTITY_EXCEEDS_DELIVERED' | 'INVALID_QUANTITY';
  message: string;
  lineNo?: number;
}

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** What stops a return request (empty: the policy allows it). */
export function returnProblems(
  policy: ReturnPolicy,
  r: { deliveredAt: number | null; now: number; reason: ReturnReason; lines: readonly ReturnLineAsked[] },
): ReturnProblem[] {
  if (r.deliveredAt === null)
    return [{ code: 'ORDER_NOT_DELIVERED', message: 'The order has not been delivered; cancel it instead' }];
  const problems: ReturnProblem[] = [];
  const age = r.now - r.deliveredAt;
  if (age > policy.windowDays * DAY)
    problems.push({
      code: 'OUT_OF_POLICY',
      message: `Returns are accepted within ${policy.windowDays} days of delivery; this order was delivered ${Math.floor(age / DAY)} days ago`,
    });
  for (const l of r.lines) {
    if (!Number.isInteger(l.quantity) || l.quantity < 1)
      problems.push({
        code: 'INVALID_QUANTITY',
        message: `Line ${l.lineNo}: return at least one unit`,
        lineNo: l.lineNo,
      });
    else if (l.quantity > l.delivered - l.alreadyReturned)
      problems.push({
        code: 'QUANTITY_EXCEEDS_DELIVERED',
        message: `Line ${l.lineNo} (${l.sku}): ${l.delivered} delivered, ${l.alreadyReturned} already returned; at most ${Math.max(0, l.delivered - l.alreadyReturned)} can come back`,
        lineNo: l.lineNo,
      });
    if (l.fresh && (r.reason !== 'QUALITY' || age > policy.freshHours * HOUR))
      problems.push({
        code: 'OUT_OF_POLICY',
        message: `Line ${l.lineNo} (${l.sku}) is fresh food: it comes back only for a quality problem within ${policy.freshHours} hours of delivery`,
        lineNo: l.lineNo,
      });
  }
  return problems;
}

/** What the warehouse found in one returned line. */
export interface InspectedLine {
  lineNo: number;
  /** Units the request asked to return. */
  requested: number;
  /** Units that arrived. */
  received: number;
  /** Sellable again (a RETURN movement). */
  restock: number;
  /** Written off. */
  damaged: number;
  /** Sent back to the supplier (quality). */
  toSupplier: number;
}

/** What is wrong with an inspection (empty: it can be booked). */
export function inspectionProblems(lines: readonly InspectedLine[]): string[] {
  const problems: string[] = [];
  for (const l of lines) {
    const parts = [l.received, l.restock, l.damaged, l.toSupplier];
    if (parts.some((n) => !Number.isInteger(n) || n < 0))
      problems.push(`Line ${l.lineNo}: quantities are whole numbers ≥ 0`);
    else if (l.received > l.requested)
      problems.push(`Line ${l.lineNo}: ${l.received} received but only ${l.requested} were to come back`);
    else if (l.restock + l.damaged + l.toSupplier !== l.received)
      problems.push(
        `Line ${l.lineNo}: restocked ${l.restock} + damaged ${l.damaged} + to supplier ${l.toSupplier} must equal the ${l.received} received`,
      );
  }
  return problems;
}

/**
 * The refund for received units at the price paid, never more than what was paid and not yet
 * refunded (fen).
 */
export function refundAmountFen(
  lines: readonly { unitPriceFen: number; quantity: number }[],
  paidFen: number,
  refundedFen: number,
): number {
  const goods = lines.reduce((sum, l) => sum + l.unitPriceFen * l.quantity, 0);
  return Math.max(0, Math.min(goods, paidFen - refundedFen));
}

/** How much of an order came back: NONE, PARTIAL or FULL (every delivered unit received back). */
export const ORDER_RETURN_STATES = ['NONE', 'PARTIAL', 'FULL'] as const;
export type OrderReturnState = (typeof ORDER_RETURN_STATES)[number];

export function orderReturnState(lines: readonly { ordered: number; receivedBack: number }[]): OrderReturnState {
  const back = lines.reduce((s, l) => s + l.receivedBack, 0);
  if (back === 0) return 'NONE';
  return lines.every((l) => l.receivedBack >= l.ordered) ? 'FULL' : 'PARTIAL';
}

export const SATISFACTION_TARGET = 0.9;
export const ORDER_ERROR_RATE_TARGET = 0.01;

/** Satisfaction: the share of 4 and 5 answers (null without answers). */
export function satisfactionRate(satisfied: number, answers: number): number | null {
  return answers === 0 ? null : satisfied / answers;
}

/** Order error rate: orders returned or exchanged for our error ÷ orders delivered (null without deliveries). */
export function orderErrorRate(ourErrorOrders: number, deliveredOrders: number): number | null {
  return deliveredOrders === 0 ? null : ourErrorOrders / deliveredOrders;
}
