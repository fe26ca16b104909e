/** Automatic order review: an order passes, or is held for customer service with its reasons. */
export const HOLD_REASONS = [
  'NEW_CUSTOMER_CREDIT_CHECK',
  'CREDIT_BLOCKED',
  'PAYMENT_PENDING',
  'UNDELIVERABLE_REGION',
  'LARGE_ORDER',
  'DELIVERY_AREA_BLOCKED',
] as const;
export type HoldReason = (typeof HOLD_REASONS)[number];

/** What a hold reason means, as the order's status reason and event say it. */
export const HOLD_REASON_TEXT: Readonly<Record<HoldReason, string>> = {
  NEW_CUSTOMER_CREDIT_CHECK: 'New customer: credit check needed before this order goes through',
  CREDIT_BLOCKED: "Customer's credit is blocked",
  PAYMENT_PENDING: 'Online payment not received yet',
  UNDELIVERABLE_REGION: 'No warehouse or station serves the delivery region',
  LARGE_ORDER: 'Large order: a person must confirm it',
  DELIVERY_AREA_BLOCKED: 'The delivery address lies in an area blocked for delivery (lockdown, flood …)',
};

export function holdReasonText(reasons: readonly HoldReason[]): string {
  return reasons.map((r) => HOLD_REASON_TEXT[r]).join('; ');
}

export const PAYMENT_METHODS = ['WECHAT_PAY', 'ALIPAY', 'CARD', 'CASH_ON_DELIVERY'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

export const PAYMENT_STATUSES = ['PENDING', 'PAID', 'COD_ACCEPTED', 'REFUNDED'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

export const CREDIT_STATUSES = ['GOOD', 'UNASSESSED', 'BLOCKED'] as const;
export type CreditStatus = (typeof CREDIT_STATUSES)[number];

export interface ReviewPolicy {
  /** A new, unassessed customer's cash-on-delivery order above this (in fen) needs a credit check. */
  newCustomerCodLimitFen: number;
  /** A new, unassessed customer's order of any kind above this (in fen) needs a credit check. */
  newCustomerOrderLimitFen: number;
  /** Any order above this (in fen) is reviewed by a person. */
  largeOrderLimitFen: number;
}

export const DEFAULT_REVIEW_POLICY: ReviewPolicy = {
  newCustomerCodLimitFen: 500_00,
  newCustomerOrderLimitFen: 2_000_00,
  largeOrderLimitFen: 50_000_00,
};

export interface ReviewSubject {
  customerIsNew: boolean;
  creditStatus: CreditStatus;
  paymentMethod: PaymentMethod;
  paymentStatus: PaymentStatus;
  totalFen: number;
  regionServed: boolean;
  /** The delivery address lies in a blocked area (last-mile delivery). */
  areaBlocked: boolean;
}

export function reviewOrder(o: ReviewSubject, policy: ReviewPolicy = DEFAULT_REVIEW_POLICY): HoldReason[] {
  const reasons: HoldReason[] = [];
  if (o.creditStatus === 'BLOCKED') reasons.push('CREDIT_BLOCKED');
  else if (o.customerIsNew && o.creditStatus !== 'GOOD') {
    const codTooLarge = o.paymentMethod === 'CASH_ON_DELIVERY' && o.totalFen > policy.newCustomerCodLimitFen;
    if (codTooLarge || o.totalFen > policy.newCustomerOrderLimitFen) reasons.push('NEW_CUSTOMER_CREDIT_CHECK');
  }
  if (o.paymentMethod !== 'CASH_ON_DELIVERY' && o.paymentStatus !== 'PAID') reasons.push('PAYMENT_PENDING');
  if (!o.regionServed) reasons.push('UNDELIVERABLE_REGION');
  if (o.areaBlocked) reasons.push('DELIVERY_AREA_BLOCKED');
  if (o.totalFen > policy.largeOrderLimitFen) reasons.push('LARGE_ORDER');
  return reasons;
}

/** The payment status an order starts with when the client does not say. */
export function initialPaymentStatus(method: PaymentMethod, paid: boolean): PaymentStatus {
  if (method === 'CASH_ON_DELIVERY') return 'COD_ACCEPTED';
  return paid ? 'PAID' : 'PENDING';
}
