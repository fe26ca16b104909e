import { errorCodes, ErrorCodesOf } from '../../common/user-error';

export const PURCHASING_ERROR_CODES = errorCodes({
  UNKNOWN_SUPPLIER: 'No supplier has this id.',
  SUPPLIER_CODE_TAKEN: 'Another supplier already has this code.',
  SUPPLIER_SUSPENDED: 'The supplier is SUSPENDED: reinstate it or order from another.',
  SUPPLIER_BLOCKED:
    "The supplier's scorecard standing is BLOCKED: only a manager (PURCHASE_ORDER_OVERRIDE) may order from it, with an overrideReason.",
  NO_OFFER: 'The supplier has no active offer for the product (or none was suggested: choose one).',
  INVALID_PRICE: 'A price is not an amount in yuan above zero with at most two decimals, e.g. "12.50".',
  INVALID_DATE: 'A date is not a calendar day YYYY-MM-DD, or lies in the past where it must be today or later.',
  OVER_RECEIPT: 'More accepted than ordered and still open on the line, beyond the 5 % tolerance.',
  RECEIPT_SPLIT_MISMATCH: "A receipt line's accepted plus rejected units differ from the units received.",
  REJECTION_REASON_REQUIRED: 'Units were rejected without a rejectionReason.',
  NOT_RECEIVABLE: 'The purchase order is not CONFIRMED or PARTIALLY_RECEIVED, so no goods can be booked against it.',
  REQUIREMENT_NOT_OPEN: 'A purchase requirement is no longer OPEN (already ordered or dismissed).',
});

declare module '../../common/user-error' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface UserErrorCodes extends ErrorCodesOf<typeof PURCHASING_ERROR_CODES> {}
}
