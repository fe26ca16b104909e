import { errorCodes, ErrorCodesOf } from '../../common/user-error';

export const STOCK_ERROR_CODES = errorCodes({
  OUT_OF_STOCK: 'Not enough stock available, and the order may not wait as a backorder.',
  BELOW_RESERVED: 'The adjustment would leave less on hand than is reserved for orders.',
});

declare module '../../common/user-error' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface UserErrorCodes extends ErrorCodesOf<typeof STOCK_ERROR_CODES> {}
}
