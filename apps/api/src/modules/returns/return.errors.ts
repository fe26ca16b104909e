import { errorCodes, ErrorCodesOf } from '../../common/user-error';

export const RETURN_ERROR_CODES = errorCodes({
  ORDER_NOT_DELIVERED: 'The order has not been delivered; cancel it instead of returning it.',
  OUT_OF_POLICY:
    'The return is outside the policy: more than 7 days after delivery, or fresh food for anything but quality within 24 hours; `message` says which.',
  QUANTITY_EXCEEDS_DELIVERED: 'A line asks to return more units than were delivered less those already returned.',
  UNKNOWN_LINE: 'The order has no line with this number.',
  INSPECTION_MISMATCH:
    'The inspection does not add up: restocked + damaged + to supplier must equal received, and received may not exceed the units asked for.',
});

declare module '../../common/user-error' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface UserErrorCodes extends ErrorCodesOf<typeof RETURN_ERROR_CODES> {}
}
