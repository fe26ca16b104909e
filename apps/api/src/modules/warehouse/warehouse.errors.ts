import { errorCodes, ErrorCodesOf } from '../../common/user-error';

export const WAREHOUSE_ERROR_CODES = errorCodes({ UNKNOWN_WAREHOUSE: 'No warehouse or station has this code.' });

declare module '../../common/user-error' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface UserErrorCodes extends ErrorCodesOf<typeof WAREHOUSE_ERROR_CODES> {}
}
