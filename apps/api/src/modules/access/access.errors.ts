import { errorCodes, ErrorCodesOf } from '../../common/user-error';

export const ACCESS_ERROR_CODES = errorCodes({
  INVALID_CREDENTIALS: 'Wrong e-mail or password, or a deactivated user (the answer does not say which).',
  LOGIN_THROTTLED: 'Too many failed sign-ins for this e-mail or address; wait and try again.',
  EMAIL_TAKEN: 'Another staff user already has this e-mail.',
  WEAK_PASSWORD: 'The password is shorter than 8 characters.',
  ALREADY_REVOKED: 'The API key was already revoked.',
});

declare module '../../common/user-error' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface UserErrorCodes extends ErrorCodesOf<typeof ACCESS_ERROR_CODES> {}
}
