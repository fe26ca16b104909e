import { errorCodes, ErrorCodesOf } from '../../common/user-error';

export const COMPLAINT_ERROR_CODES = errorCodes({
  ORDER_OF_ANOTHER_CUSTOMER: 'The order (or delivery) belongs to another customer than the complaint’s.',
  CUSTOMER_REQUIRED: 'Name the customer, or an order (its customer is taken).',
  OWNER_CANNOT_HANDLE: 'The owner is not an active staff user allowed to handle complaints.',
  RESOLUTION_INCOMPLETE: 'A resolution needs a root cause, an outcome and a note for the customer.',
  ALREADY_ANSWERED: 'The survey was already answered (one answer per survey).',
});

declare module '../../common/user-error' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface UserErrorCodes extends ErrorCodesOf<typeof COMPLAINT_ERROR_CODES> {}
}
