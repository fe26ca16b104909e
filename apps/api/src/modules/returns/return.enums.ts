import { registerEnumType } from 'type-graphql';
import { ORDER_RETURN_STATES, RETURN_REASONS, RETURN_RESOLUTIONS, RETURN_STATUSES } from '@fulfilment/domain';
import { enumOf } from '../../common/enums';

export const ReturnStatus = enumOf(RETURN_STATUSES);
export const ReturnReason = enumOf(RETURN_REASONS);
export const ReturnResolution = enumOf(RETURN_RESOLUTIONS);
export const OrderReturnState = enumOf(ORDER_RETURN_STATES);
export const RETURN_EVENT_TYPES = [
  'REQUESTED',
  'STATUS_CHANGED',
  'INSPECTED',
  'REFUNDED',
  'EXCHANGED',
  'CREDITED',
] as const;
export type ReturnEventType = (typeof RETURN_EVENT_TYPES)[number];
export const ReturnEventType = enumOf(RETURN_EVENT_TYPES);

registerEnumType(ReturnStatus, {
  name: 'ReturnStatus',
  description: 'Where a return is.',
  valuesConfig: {
    REQUESTED: { description: 'Asked for; within the policy; waiting for a decision.' },
    APPROVED: { description: 'Approved: the customer sends the goods back (the customer was told).' },
    REJECTED: { description: 'Not accepted, with the reason (the customer was told).' },
    RECEIVED: { description: 'The goods arrived and were inspected line by line.' },
    RESOLVED: { description: 'Resolved as the customer chose: refunded, exchanged or credited.' },
    CANCELLED: { description: 'Withdrawn before the goods arrived.' },
  },
});
registerEnumType(ReturnReason, {
  name: 'ReturnReason',
  description: 'Why the goods come back.',
  valuesConfig: {
    QUALITY: { description: 'A quality problem (the only reason fresh food comes back, within 24 hours).' },
    DAMAGED: { description: 'Arrived damaged (our error).' },
    WRONG_ITEM: { description: 'A wrong item was sent (our error).' },
    MISSING_ITEM: { description: 'An item was missing (our error).' },
    NOT_AS_DESCRIBED: { description: 'Not as described.' },
    CHANGED_MIND: { description: 'The customer changed their mind (within 7 days, not fresh food).' },
  },
});
registerEnumType(ReturnEventType, {
  name: 'ReturnEventType',
  description: 'What a return event records.',
  valuesConfig: {
    REQUESTED: { description: 'The return was asked for.' },
    STATUS_CHANGED: { description: 'It moved to another status.' },
    INSPECTED: { description: 'The warehouse booked what it found.' },
    REFUNDED: { description: 'The refund was made.' },
    EXCHANGED: { description: 'The replacement order was placed.' },
    CREDITED: { description: 'Store credit was granted.' },
  },
});
registerEnumType(ReturnResolution, {
  name: 'ReturnResolution',
  description: 'What the customer gets for returned goods that arrive.',
  valuesConfig: {
    REFUND: { description: 'Money back to the original payment method.' },
    EXCHANGE: {
      description: 'The same goods again: a linked replacement order placed through the normal path, prioritised.',
    },
    STORE_CREDIT: { description: 'Credit on the customer’s account, spent on later orders.' },
  },
});
registerEnumType(OrderReturnState, {
  name: 'OrderReturnState',
  description: 'How much of an order came back.',
  valuesConfig: {
    NONE: { description: 'Nothing received back.' },
    PARTIAL: { description: 'Some units received back.' },
    FULL: { description: 'Every unit received back (the order is RETURNED).' },
  },
});
