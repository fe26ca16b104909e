import { errorCodes, ErrorCodesOf } from '../../common/user-error';

export const ORDER_ERROR_CODES = errorCodes({
  EMPTY_LINES: 'An order needs at least one line.',
  TOO_MANY_LINES: 'An order has more lines than allowed; `message` gives the limit.',
  NOT_EDITABLE:
    'The order is past the point of this edit: lines change only before picking, the address only before shipment.',
});

declare module '../../common/user-error' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface UserErrorCodes extends ErrorCodesOf<typeof ORDER_ERROR_CODES> {}
}
