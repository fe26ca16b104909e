import { errorCodes, ErrorCodesOf } from '../../common/user-error';

export const ORDER_ERROR_CODES = errorCodes(['EMPTY_LINES', 'TOO_MANY_LINES', 'NOT_EDITABLE']);

declare module '../../common/user-error' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface UserErrorCodes extends ErrorCodesOf<typeof ORDER_ERROR_CODES> {}
}
