import { errorCodes, ErrorCodesOf } from '../../common/user-error';

export const PURCHASING_ERROR_CODES = errorCodes([
  'UNKNOWN_SUPPLIER',
  'SUPPLIER_CODE_TAKEN',
  'SUPPLIER_SUSPENDED',
  'SUPPLIER_BLOCKED',
  'NO_OFFER',
  'INVALID_PRICE',
  'INVALID_DATE',
  'OVER_RECEIPT',
  'RECEIPT_SPLIT_MISMATCH',
  'REJECTION_REASON_REQUIRED',
  'NOT_RECEIVABLE',
  'REQUIREMENT_NOT_OPEN',
]);

declare module '../../common/user-error' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface UserErrorCodes extends ErrorCodesOf<typeof PURCHASING_ERROR_CODES> {}
}
