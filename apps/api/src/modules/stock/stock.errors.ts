import { errorCodes, ErrorCodesOf } from '../../common/user-error';

export const STOCK_ERROR_CODES = errorCodes(['OUT_OF_STOCK', 'BELOW_RESERVED']);

declare module '../../common/user-error' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface UserErrorCodes extends ErrorCodesOf<typeof STOCK_ERROR_CODES> {}
}
