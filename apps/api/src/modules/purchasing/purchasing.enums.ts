import { registerEnumType } from 'type-graphql';
import {
  PURCHASE_ORDER_EVENT_TYPES,
  PURCHASE_ORDER_STATUSES,
  REJECTION_REASONS,
  SUPPLIER_STANDINGS,
} from '@fulfilment/domain';
import { enumOf } from '../../common/enums';

export const SUPPLIER_STATUSES = ['QUALIFIED', 'PROBATION', 'SUSPENDED'] as const;
export type SupplierStatus = (typeof SUPPLIER_STATUSES)[number];
export const SupplierStatus = enumOf(SUPPLIER_STATUSES);

export const REQUIREMENT_STATUSES = ['OPEN', 'ORDERED', 'DISMISSED'] as const;
export type RequirementStatus = (typeof REQUIREMENT_STATUSES)[number];
export const RequirementStatus = enumOf(REQUIREMENT_STATUSES);

export const REQUIREMENT_TRIGGERS = ['BACKORDER', 'BELOW_LOW'] as const;
export type RequirementTrigger = (typeof REQUIREMENT_TRIGGERS)[number];
export const RequirementTrigger = enumOf(REQUIREMENT_TRIGGERS);

export const SupplierStanding = enumOf(SUPPLIER_STANDINGS);
export const PurchaseOrderStatus = enumOf(PURCHASE_ORDER_STATUSES);
export const PurchaseOrderEventType = enumOf(PURCHASE_ORDER_EVENT_TYPES);
export const RejectionReason = enumOf(REJECTION_REASONS);

registerEnumType(SupplierStatus, {
  name: 'SupplierStatus',
  description: 'Whether purchasers may order from a supplier.',
  valuesConfig: {
    QUALIFIED: { description: 'On the qualified list: may be ordered from and suggested.' },
    PROBATION: { description: 'May be ordered from, but is suggested only after qualified suppliers score alike.' },
    SUSPENDED: { description: 'Not suggested and not orderable until reinstated; the reason says why.' },
  },
});
registerEnumType(SupplierStanding, {
  name: 'SupplierStanding',
  description: "The band of a supplier's rolling scorecard score.",
  valuesConfig: {
    EXCELLENT: { description: 'Score 85 or more.' },
    GOOD: { description: 'Score 70 to under 85.' },
    WATCH: { description: 'Score 50 to under 70: purchasers are warned.' },
    BLOCKED: { description: "Score under 50: not suggested; a purchase order needs a manager's override." },
    UNRATED: { description: 'No delivery scored yet (not the same as a perfect score).' },
  },
});
registerEnumType(RequirementStatus, {
  name: 'PurchaseRequirementStatus',
  description: 'Where a purchase requirement stands.',
  valuesConfig: {
    OPEN: { description: 'Waiting to be ordered; counted by the next run, so it never orders twice.' },
    ORDERED: { description: 'Turned into a purchase order line.' },
    DISMISSED: { description: 'Set aside by a purchaser.' },
  },
});
registerEnumType(RequirementTrigger, {
  name: 'PurchaseRequirementTrigger',
  description: 'What made the requirement.',
  valuesConfig: {
    BACKORDER: { description: 'Customer orders wait for this product in this warehouse.' },
    BELOW_LOW: { description: 'Stock will fall below its low threshold within the lead time.' },
  },
});
registerEnumType(PurchaseOrderStatus, {
  name: 'PurchaseOrderStatus',
  description: 'Where a purchase order is in its lifecycle.',
  valuesConfig: {
    DRAFT: { description: 'Being prepared; not yet sent to the supplier.' },
    SENT: { description: 'Sent to the supplier, waiting for confirmation.' },
    CONFIRMED: { description: "Confirmed by the supplier; each line's promised date is frozen." },
    PARTIALLY_RECEIVED: { description: 'Some goods arrived; more are expected.' },
    RECEIVED: { description: 'Every line received in full.' },
    CLOSED: { description: 'Finished; nothing more is expected.' },
    CANCELLED: { description: 'Cancelled before any goods arrived.' },
  },
});
registerEnumType(PurchaseOrderEventType, {
  name: 'PurchaseOrderEventType',
  description: 'What a purchase order event records.',
  valuesConfig: {
    CREATED: { description: 'The order was created.' },
    STATUS_CHANGED: { description: 'The order changed status.' },
    EXPEDITED: { description: 'A purchaser contacted the supplier about a late order.' },
    RECEIVED: { description: 'Goods were received against the order.' },
    OVERDUE: { description: 'The daily check found the order past its expected date without full receipt.' },
  },
});
registerEnumType(RejectionReason, {
  name: 'RejectionReason',
  description: 'Why received goods were rejected at inspection.',
  valuesConfig: {
    DAMAGED: { description: 'Damaged in transit or packing.' },
    WRONG_SPEC: { description: 'Not the ordered specification.' },
    QUALITY: { description: 'Failed the quality inspection.' },
    EXPIRED: { description: 'Expired or too close to expiry.' },
  },
});
