import { errorCodes, ErrorCodesOf } from '../../common/user-error';

export const PRODUCT_ERROR_CODES = errorCodes({
  UNKNOWN_SKU: 'No product has this SKU.',
  PRODUCT_INACTIVE: 'The product is no longer sold (inactive).',
});

declare module '../../common/user-error' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface UserErrorCodes extends ErrorCodesOf<typeof PRODUCT_ERROR_CODES> {}
}
