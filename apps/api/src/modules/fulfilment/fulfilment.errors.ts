import { errorCodes, ErrorCodesOf } from '../../common/user-error';

export const FULFILMENT_ERROR_CODES = errorCodes({
  UNKNOWN_CARRIER: 'No carrier has this code or id.',
  CARRIER_CODE_TAKEN: 'Another carrier already has this code.',
  CARRIER_UNAVAILABLE:
    'The carrier cannot take this shipment: inactive, not serving the destination region, or without the shipping method it needs.',
  NOTHING_TO_PICK: 'No allocated order of the warehouse (and delivery city) waits for a pick list.',
  ORDER_NOT_PICKABLE:
    'An order named for the pick list has no allocated units in this warehouse waiting for a list (not allocated there, or already on another list).',
  OVER_PICK: 'More units picked than the line requires.',
  SHORT_REASON_REQUIRED: 'Fewer units were picked than required and no shortReason says why (NOT_FOUND or DAMAGED).',
  LINE_PICKED_BY_OTHER: 'Another picker already recorded this line; only they may change it.',
  UNKNOWN_PICK_LINE: 'No line of this pick list has this id.',
  NOT_PICKABLE: 'The pick list is not IN_PROGRESS, so nothing can be recorded on it.',
  INVALID_TRACKING_NUMBER:
    'A tracking number is not a UPU S10 number (e.g. FP123456785CN) or its check digit is wrong.',
  TRACKING_NUMBER_TAKEN: 'Another package already carries this tracking number.',
  ORDER_PARTLY_SHIPPED: 'Part of the order has already left the warehouse, so the order cannot be cancelled any more.',
});

declare module '../../common/user-error' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface UserErrorCodes extends ErrorCodesOf<typeof FULFILMENT_ERROR_CODES> {}
}
