import { registerEnumType } from 'type-graphql';
import {
  CARRIER_KINDS,
  CHECK_ERROR_KINDS,
  PACKAGE_MATERIALS,
  PICK_LIST_EVENT_TYPES,
  PICK_LIST_STATUSES,
  SHIPMENT_EVENT_TYPES,
  SHIPMENT_STATUSES,
  SHIPPING_METHODS,
  SHORT_PICK_REASONS,
} from '@fulfilment/domain';
import { enumOf } from '../../common/enums';

export const PickListStatus = enumOf(PICK_LIST_STATUSES);
export const PickListEventType = enumOf(PICK_LIST_EVENT_TYPES);
export const ShipmentStatus = enumOf(SHIPMENT_STATUSES);
export const ShipmentEventType = enumOf(SHIPMENT_EVENT_TYPES);
export const ShortPickReason = enumOf(SHORT_PICK_REASONS);
export const CheckErrorKind = enumOf(CHECK_ERROR_KINDS);
export const PackageMaterial = enumOf(PACKAGE_MATERIALS);
export const CarrierKind = enumOf(CARRIER_KINDS);
export const ShippingMethod = enumOf(SHIPPING_METHODS);

/** Why a shipment left its pick list other than picked in full. */
export const SHIPMENT_OUTCOMES = [
  'SHORT_REALLOCATED',
  'SHORT_BACKORDERED',
  'SHORT_HELD',
  'ORDER_CANCELLED',
  'LIST_CANCELLED',
] as const;
export type ShipmentOutcome = (typeof SHIPMENT_OUTCOMES)[number];
export const ShipmentOutcome = enumOf(SHIPMENT_OUTCOMES);

registerEnumType(PickListStatus, {
  name: 'PickListStatus',
  description: 'Where a pick list is in its lifecycle.',
  valuesConfig: {
    OPEN: { description: 'Created; its orders are reserved for it and wait for a picker.' },
    IN_PROGRESS: { description: 'A picker is walking it and recording picked quantities.' },
    COMPLETED: { description: 'Every line recorded; short picks settled; its orders moved on to checking.' },
    CANCELLED: { description: 'Given up; its orders went back to waiting for a pick list.' },
  },
});
registerEnumType(PickListEventType, {
  name: 'PickListEventType',
  description: 'What a pick list event records.',
  valuesConfig: {
    CREATED: { description: 'The list was created with its orders.' },
    STATUS_CHANGED: { description: 'The list moved to another status.' },
    PICKED: { description: 'A picked quantity was recorded on a line.' },
  },
});
registerEnumType(ShipmentStatus, {
  name: 'ShipmentStatus',
  description: "Where one warehouse's part of an order is on the floor; no stage can be skipped.",
  valuesConfig: {
    PICKING: { description: 'On an open or running pick list.' },
    PICKED: { description: 'Picked; waiting for its check (复核).' },
    CHECKED: { description: 'Every item checked against what was picked; ready to pack.' },
    PACKED: { description: 'Packed into labelled packages; ready to ship.' },
    SHIPPED: { description: 'Handed to the carrier: its stock left the warehouse.' },
    CANCELLED: { description: 'Will not ship (order cancelled, list cancelled, or short-picked); see outcome.' },
  },
});
registerEnumType(ShipmentEventType, {
  name: 'ShipmentEventType',
  description: 'What a shipment event records.',
  valuesConfig: {
    CREATED: { description: 'The part went onto a pick list.' },
    STATUS_CHANGED: { description: 'The shipment moved to another stage.' },
    CHECK_ERROR: { description: 'The check found a wrong item or quantity.' },
    CHECK_CORRECTED: { description: 'A later check matched: the recorded check errors are corrected.' },
  },
});
registerEnumType(ShortPickReason, {
  name: 'ShortPickReason',
  description: 'Why fewer units were picked than required.',
  valuesConfig: {
    NOT_FOUND: { description: 'Not in the bin: booked as a count adjustment.' },
    DAMAGED: { description: 'Found damaged: booked as damage.' },
  },
});
registerEnumType(CheckErrorKind, {
  name: 'CheckErrorKind',
  description: 'What a check (复核) found wrong.',
  valuesConfig: {
    WRONG_ITEM: { description: 'An item that is not on the shipment.' },
    WRONG_QUANTITY: { description: 'A product on the shipment counted with another quantity than picked.' },
  },
});
registerEnumType(PackageMaterial, {
  name: 'PackageMaterial',
  description: 'Packaging fit for the goods.',
  valuesConfig: {
    CARTON: { description: 'A plain carton.' },
    PADDED_CARTON: { description: 'A carton with padding, for fragile goods.' },
    SEALED_CARTON: {
      description: 'A carton with a sealed liner, for liquids or moisture-sensitive goods (never together).',
    },
    INSULATED_BOX: { description: 'An insulated box with cold packs, for chilled and perishable goods.' },
    STRAPPED_CASE: {
      description: 'Bulk goods (e.g. a case of bottled water) in their own case, strapped and labelled.',
    },
  },
});
registerEnumType(CarrierKind, {
  name: 'CarrierKind',
  description: 'Who carries a shipment.',
  valuesConfig: {
    OWN_FLEET: { description: "The platform's own delivery fleet (last-mile delivery plans it)." },
    PARTNER: { description: 'A carrier partner (express or freight company).' },
  },
});
registerEnumType(ShippingMethod, {
  name: 'ShippingMethod',
  description: 'How a shipment travels.',
  valuesConfig: {
    EXPRESS: { description: 'Parcel express, for small or urgent shipments.' },
    FREIGHT: { description: 'Freight, for bulk from 30 kg.' },
  },
});
registerEnumType(ShipmentOutcome, {
  name: 'ShipmentOutcome',
  description: 'Why a shipment left its pick list other than picked in full.',
  valuesConfig: {
    SHORT_REALLOCATED: { description: 'Picked short; the missing units were reserved in another warehouse.' },
    SHORT_BACKORDERED: { description: 'Picked short with no stock elsewhere: the order went back to BACKORDERED.' },
    SHORT_HELD: {
      description: 'Picked short with no stock elsewhere and the order allows no backorder: held for customer service.',
    },
    ORDER_CANCELLED: { description: 'The order was cancelled while on the floor; its units went back to stock.' },
    LIST_CANCELLED: { description: 'Its pick list was cancelled; the order waits for another list.' },
  },
});
