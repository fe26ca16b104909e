import { defineMachine } from './state-machine';

/**
 * A complaint: recorded, answered (the first response), investigated to a root cause, resolved with
 * an outcome the customer is told, then closed; waiting on the customer pauses its clock, and a
 * customer who is not satisfied reopens it.
 */
export const COMPLAINT_STATUSES = [
  'OPEN',
  'ACKNOWLEDGED',
  'INVESTIGATING',
  'WAITING_ON_CUSTOMER',
  'RESOLVED',
  'CLOSED',
  'REOPENED',
] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

export const COMPLAINT_CATEGORIES = [
  'QUALITY',
  'LATE',
  'DAMAGED',
  'WRONG_ITEM',
  'MISSING_ITEM',
  'COURIER_SERVICE',
  'OTHER',
] as const;
export type ComplaintCategory = (typeof COMPLAINT_CATEGORIES)[number];

export const COMPLAINT_CHANNELS = ['PHONE', 'CHAT', 'EMAIL', 'APP'] as const;
export type ComplaintChannel = (typeof COMPLAINT_CHANNELS)[number];

export const COMPLAINT_PRIORITIES = ['URGENT', 'HIGH', 'NORMAL', 'LOW'] as const;
export type ComplaintPriority = (typeof COMPLAINT_PRIORITIES)[number];

export const DEPARTMENTS = ['WAREHOUSE', 'DELIVERY', 'PURCHASING_QUALITY', 'CUSTOMER_SERVICE'] as const;
export type Department = (typeof DEPARTMENTS)[number];

/** Who answers for a category: damage and wrong or missing items are the warehouse's, and so on. */
export const DEPARTMENT_OF_CATEGORY: Readonly<Record<ComplaintCategory, Department>> = {
  QUALITY: 'PURCHASING_QUALITY',
  LATE: 'DELIVERY',
  DAMAGED: 'WAREHOUSE',
  WRONG_ITEM: 'WAREHOUSE',
  MISSING_ITEM: 'WAREHOUSE',
  COURIER_SERVICE: 'DELIVERY',
  OTHER: 'CUSTOMER_SERVICE',
};

export const COMPLAINT_OUTCOMES = ['REFUND', 'EXCHANGE', 'REDELIVERY', 'COMPENSATION', 'EXPLANATION'] as const;
export type ComplaintOutcome = (typeof COMPLAINT_OUTCOMES)[number];

/** Root causes a resolution names; our errors count against the order error rate. */
export const ROOT_CAUSES = [
  'PICKING_ERROR',
  'PACKING_DAMAGE',
  'CHECK_MISSED',
  'DELIVERY_DAMAGE',
  'LATE_DELIVERY',
  'COURIER_CONDUCT',
  'SUPPLIER_QUALITY',
  'CUSTOMER_EXPECTATION',
  'NO_FAULT_FOUND',
] as const;
export type RootCause = (typeof ROOT_CAUSES)[number];

/** Root causes that are the company's error in the warehouse (the order error rate's numerator). */
export const OUR_ERROR_CAUSES: readonly RootCause[] = ['PICKING_ERROR', 'PACKING_DAMAGE', 'CHECK_MISSED'];

export interface ComplaintFacts {
  /** The resolution names a root cause and an outcome. */
  hasResolution: boolean;
  /** Someone owns it. */
  hasOwner: boolean;
}

export type ComplaintEffect =
  'TELL_ACKNOWLEDGED' | 'TELL_RESOLVED' | 'PAUSE_CLOCK' | 'RESUME_CLOCK' | 'STOP_CLOCK' | 'RESTART_CLOCK';

/** What a complaint's history records besides status steps. */
export const COMPLAINT_EVENT_TYPES = [
  'OPENED',
  'STATUS_CHANGED',
  'ASSIGNED',
  /** Less than a quarter of the current deadline's window is left. */
  'SLA_AT_RISK',
  /** The current deadline passed. */
  'SLA_BREACHED',
  /** Managers were alerted (once per complaint). */
  'ESCALATED',
] as const;
export type ComplaintEventType = (typeof COMPLAINT_EVENT_TYPES)[number];

const WORKING: ComplaintStatus[] = ['INVESTIGATING', 'WAITING_ON_CUSTOMER', 'RESOLVED'];

export const complaintMachine = defineMachine<ComplaintStatus, ComplaintFacts, ComplaintEffect>({
  subject: 'A complaint',
  transitions: {
    OPEN: ['ACKNOWLEDGED'],
    ACKNOWLEDGED: WORKING,
    INVESTIGATING: ['WAITING_ON_CUSTOMER', 'RESOLVED'],
    WAITING_ON_CUSTOMER: ['INVESTIGATING', 'RESOLVED'],
    RESOLVED: ['CLOSED', 'REOPENED'],
    REOPENED: WORKING,
    CLOSED: ['REOPENED'],
  },
  guards: {
    ACKNOWLEDGED: (_from, f) => (f.hasOwner ? null : 'Assign an owner before answering the customer'),
    RESOLVED: (_from, f) => (f.hasResolution ? null : 'A resolution needs a root cause and an outcome'),
  },
  effects: {
    ACKNOWLEDGED: ['TELL_ACKNOWLEDGED'],
    WAITING_ON_CUSTOMER: ['PAUSE_CLOCK'],
    INVESTIGATING: ['RESUME_CLOCK'],
    RESOLVED: ['RESUME_CLOCK', 'STOP_CLOCK', 'TELL_RESOLVED'],
    REOPENED: ['RESTART_CLOCK'],
  },
});
