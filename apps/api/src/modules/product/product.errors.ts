import { errorCodes, ErrorCodesOf } from '../../common/user-error';

export const PRODUCT_ERROR_CODES = errorCodes(['UNKNOWN_SKU', 'PRODUCT_INACTIVE']);

declare module '../../common/user-error' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface UserErrorCodes extends ErrorCodesOf<typeof PRODUCT_ERROR_CODES> {}
}
