import { errorCodes, ErrorCodesOf } from '../../common/user-error';

export const ACCESS_ERROR_CODES = errorCodes([
  'INVALID_CREDENTIALS',
  'LOGIN_THROTTLED',
  'EMAIL_TAKEN',
  'WEAK_PASSWORD',
  'ALREADY_REVOKED',
]);

declare module '../../common/user-error' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface UserErrorCodes extends ErrorCodesOf<typeof ACCESS_ERROR_CODES> {}
}
