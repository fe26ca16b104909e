import { registerEnumType } from 'type-graphql';
import {
  COMPLAINT_CATEGORIES,
  COMPLAINT_CHANNELS,
  COMPLAINT_EVENT_TYPES,
  COMPLAINT_OUTCOMES,
  COMPLAINT_PRIORITIES,
  COMPLAINT_STATUSES,
  DEPARTMENTS,
  ROOT_CAUSES,
  SLA_STATES,
} from '@fulfilment/domain';
import { enumOf } from '../../common/enums';

export const ComplaintStatus = enumOf(COMPLAINT_STATUSES);
export const ComplaintCategory = enumOf(COMPLAINT_CATEGORIES);
export const ComplaintChannel = enumOf(COMPLAINT_CHANNELS);
export const ComplaintPriority = enumOf(COMPLAINT_PRIORITIES);
export const Department = enumOf(DEPARTMENTS);
export const ComplaintOutcome = enumOf(COMPLAINT_OUTCOMES);
export const RootCause = enumOf(ROOT_CAUSES);
export const SlaState = enumOf(SLA_STATES);
export const ComplaintEventType = enumOf(COMPLAINT_EVENT_TYPES);

registerEnumType(ComplaintStatus, {
  name: 'ComplaintStatus',
  description: 'Where a complaint is: answered, investigated, resolved, closed.',
  valuesConfig: {
    OPEN: { description: 'Recorded; the customer has had no answer yet (the response clock runs).' },
    ACKNOWLEDGED: { description: 'The customer got a first response; the resolution clock runs.' },
    INVESTIGATING: { description: 'The responsible department is finding the root cause.' },
    WAITING_ON_CUSTOMER: { description: 'Waiting for the customer (photos, a call back): the clock is paused.' },
    RESOLVED: { description: 'Resolved with a root cause and an outcome; the customer was told.' },
    CLOSED: { description: 'Done. A customer who is not satisfied can still have it reopened.' },
    REOPENED: { description: 'Reopened after resolution: a fresh resolution window runs.' },
  },
});
registerEnumType(ComplaintCategory, {
  name: 'ComplaintCategory',
  description: 'What the complaint is about; it decides the responsible department.',
  valuesConfig: {
    QUALITY: { description: 'The goods themselves (spoiled, defective): purchasing/quality.' },
    LATE: { description: 'Late delivery: delivery.' },
    DAMAGED: { description: 'Damaged in packing or transport: warehouse.' },
    WRONG_ITEM: { description: 'A wrong item was sent: warehouse.' },
    MISSING_ITEM: { description: 'An item was missing: warehouse.' },
    COURIER_SERVICE: { description: 'The courier’s conduct: delivery.' },
    OTHER: { description: 'Anything else: customer service.' },
  },
});
registerEnumType(ComplaintChannel, {
  name: 'ComplaintChannel',
  description: 'How the complaint arrived.',
  valuesConfig: {
    PHONE: { description: 'By phone, recorded by an agent.' },
    CHAT: { description: 'Through the online chat.' },
    EMAIL: { description: 'By e-mail.' },
    APP: { description: 'From the customer’s app, through the API.' },
  },
});
registerEnumType(ComplaintPriority, {
  name: 'ComplaintPriority',
  description: 'How urgent; it picks the SLA policy.',
  valuesConfig: {
    URGENT: { description: 'Response within 1 hour, resolution within 8.' },
    HIGH: { description: 'Response within 2 hours, resolution within 12.' },
    NORMAL: { description: 'Response within 2 hours, resolution within 24 (the default).' },
    LOW: { description: 'Response within 4 hours, resolution within 24.' },
  },
});
registerEnumType(Department, {
  name: 'Department',
  description: 'Who answers for a complaint.',
  valuesConfig: {
    WAREHOUSE: { description: 'Picking, checking, packing.' },
    DELIVERY: { description: 'Dispatch and couriers.' },
    PURCHASING_QUALITY: { description: 'Purchasing and quality: the goods and their suppliers.' },
    CUSTOMER_SERVICE: { description: 'Customer service itself.' },
  },
});
registerEnumType(ComplaintOutcome, {
  name: 'ComplaintOutcome',
  description: 'What the customer got.',
  valuesConfig: {
    REFUND: { description: 'Money back.' },
    EXCHANGE: { description: 'A replacement.' },
    REDELIVERY: { description: 'The goods delivered again.' },
    COMPENSATION: { description: 'A voucher or credit for the trouble.' },
    EXPLANATION: { description: 'An explanation; nothing was owed.' },
  },
});
registerEnumType(RootCause, {
  name: 'RootCause',
  description: 'Why it happened, as the investigation found.',
  valuesConfig: {
    PICKING_ERROR: { description: 'Picked wrong (our error).' },
    PACKING_DAMAGE: { description: 'Damaged by poor packing (our error).' },
    CHECK_MISSED: { description: 'The check before packing missed it (our error).' },
    DELIVERY_DAMAGE: { description: 'Damaged in transport.' },
    LATE_DELIVERY: { description: 'The delivery was late.' },
    COURIER_CONDUCT: { description: 'The courier’s conduct.' },
    SUPPLIER_QUALITY: { description: 'The supplier’s goods were faulty.' },
    CUSTOMER_EXPECTATION: { description: 'The goods were as described; the customer expected otherwise.' },
    NO_FAULT_FOUND: { description: 'Nothing wrong was found.' },
  },
});
registerEnumType(SlaState, {
  name: 'SlaState',
  description: 'How the complaint stands against its current deadline.',
  valuesConfig: {
    ON_TRACK: { description: 'More than a quarter of the window is left.' },
    AT_RISK: { description: 'Less than a quarter of the window is left.' },
    BREACHED: { description: 'The deadline passed.' },
    PAUSED: { description: 'Waiting on the customer: the clock is stopped.' },
    MET: { description: 'Resolved within its deadlines.' },
  },
});
registerEnumType(ComplaintEventType, {
  name: 'ComplaintEventType',
  description: 'What a complaint event records.',
  valuesConfig: {
    OPENED: { description: 'The complaint was recorded.' },
    STATUS_CHANGED: { description: 'It moved to another status.' },
    ASSIGNED: { description: 'It got an owner (or another department).' },
    SLA_AT_RISK: { description: 'Less than a quarter of the current deadline’s window is left.' },
    SLA_BREACHED: { description: 'The current deadline passed.' },
    ESCALATED: { description: 'Managers were alerted.' },
  },
});
