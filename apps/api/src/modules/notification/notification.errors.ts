import { errorCodes, ErrorCodesOf } from '../../common/user-error';

export const NOTIFICATION_ERROR_CODES = errorCodes({
  UNKNOWN_PLACEHOLDER: 'The template uses a {{placeholder}} its event does not have; `message` lists the ones it has.',
  EMPTY_TEMPLATE: 'The template’s subject or body is empty.',
  INVALID_URL: 'The URL is not an absolute http(s) URL without credentials, or is longer than 2,000 characters.',
  PRIVATE_ADDRESS:
    'The URL’s host is (or resolves to) a private, loopback or link-local address; only public receivers are allowed unless WEBHOOK_ALLOW_ADDRESSES names it.',
  UNKNOWN_EVENT_TYPE: 'An event type is not one of webhookEventTypes.',
  NOT_REDELIVERABLE: 'The delivery is still being worked (pending or retrying); wait for it to end or fail.',
  ENDPOINT_DISABLED: 'The endpoint is disabled; set it ACTIVE first.',
});

declare module '../../common/user-error' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface UserErrorCodes extends ErrorCodesOf<typeof NOTIFICATION_ERROR_CODES> {}
}
