import { registerEnumType } from 'type-graphql';
import {
  COURIER_STATES,
  DELIVERY_EVENT_TYPES,
  DELIVERY_EXCEPTION_REASONS,
  DELIVERY_RUN_EVENT_TYPES,
  DELIVERY_RUN_STATUSES,
  DELIVERY_STATUSES,
  PROOF_KINDS,
  REPLAN_ACTIONS,
  VEHICLE_KINDS,
} from '@fulfilment/domain';
import { enumOf } from '../../common/enums';

export const DeliveryStatus = enumOf(DELIVERY_STATUSES);
export const DeliveryEventType = enumOf(DELIVERY_EVENT_TYPES);
export const DeliveryRunStatus = enumOf(DELIVERY_RUN_STATUSES);
export const DeliveryRunEventType = enumOf(DELIVERY_RUN_EVENT_TYPES);
export const CourierState = enumOf(COURIER_STATES);
export const DeliveryExceptionReason = enumOf(DELIVERY_EXCEPTION_REASONS);
export const ProofKind = enumOf(PROOF_KINDS);
export const VehicleKind = enumOf(VEHICLE_KINDS);
export const ReplanAction = enumOf(REPLAN_ACTIONS);

registerEnumType(DeliveryStatus, {
  name: 'DeliveryStatus',
  description: 'Where an own-fleet delivery is, from waiting for a run to the door (or back to the warehouse).',
  valuesConfig: {
    UNASSIGNED: { description: 'Shipped with the own fleet; waits for planning to put it on a run.' },
    ASSIGNED: { description: 'A stop on a planned run.' },
    OUT_FOR_DELIVERY: { description: 'Its run has started: the courier is on the way.' },
    DELIVERED: { description: 'Handed over, with proof (signature, or a photo for contactless delivery).' },
    EXCEPTION: { description: 'Could not be delivered (see exception); waits to be re-planned.' },
    RETURNED: { description: 'Taken back to the warehouse.' },
  },
});
registerEnumType(DeliveryEventType, {
  name: 'DeliveryEventType',
  description: 'What a delivery event records.',
  valuesConfig: {
    CREATED: { description: 'The delivery was created when its shipment left with the own fleet.' },
    STATUS_CHANGED: { description: 'It moved to another status.' },
    PLANNED: { description: 'Put on a run or moved on it, with its stop number and ETA.' },
    LATE_RISK: { description: 'Its ETA came within 15 minutes of the window’s end, or past it.' },
    RATED: { description: 'The customer rated it.' },
  },
});
registerEnumType(DeliveryRunStatus, {
  name: 'DeliveryRunStatus',
  description: "Where a courier's run of stops is.",
  valuesConfig: {
    PLANNED: { description: 'Stops ordered with ETAs; a courier may be assigned or changed.' },
    IN_PROGRESS: { description: 'The courier left the warehouse with it.' },
    COMPLETED: { description: 'Every stop delivered or reported as an exception.' },
    CANCELLED: { description: 'Called off before it left; its stops went back to planning.' },
  },
});
registerEnumType(DeliveryRunEventType, {
  name: 'DeliveryRunEventType',
  description: 'What a run event records.',
  valuesConfig: {
    CREATED: { description: 'Planning created the run.' },
    STATUS_CHANGED: { description: 'It moved to another status.' },
    ASSIGNED: { description: 'A courier was assigned, by planning or a dispatcher’s override (with the reason).' },
    RESEQUENCED: { description: 'Its stops were put in a new order (a stop moved, locked or taken off).' },
  },
});
registerEnumType(CourierState, {
  name: 'CourierState',
  description: 'Where a courier is in the day.',
  valuesConfig: {
    OFF_DUTY: { description: 'Not working: not assigned runs.' },
    AVAILABLE: { description: 'On shift, at the warehouse or between runs.' },
    ON_ROUTE: { description: 'Driving a run.' },
  },
});
registerEnumType(DeliveryExceptionReason, {
  name: 'DeliveryExceptionReason',
  description: 'Why a delivery could not be made.',
  valuesConfig: {
    ACCIDENT: { description: 'The courier or vehicle had an accident.' },
    CONGESTION: { description: 'Traffic made the window impossible.' },
    BLOCKED_AREA: { description: 'The destination is blocked (lockdown, flood).' },
    BAD_WEATHER: { description: 'Weather made delivery unsafe.' },
    DAMAGED_GOODS: { description: 'The goods were damaged on the way.' },
    WRONG_ADDRESS: { description: 'The address does not exist or is not the customer’s.' },
    CUSTOMER_ABSENT: { description: 'Nobody took the delivery.' },
  },
});
registerEnumType(ProofKind, {
  name: 'ProofKind',
  description: 'How a delivery was proven.',
  valuesConfig: {
    SIGNATURE: { description: 'The recipient signed on the courier’s screen.' },
    CONTACTLESS: { description: 'Left at the door: a photo and a note.' },
  },
});
registerEnumType(VehicleKind, {
  name: 'VehicleKind',
  description: 'The kind of vehicle a courier drives.',
  valuesConfig: {
    E_BIKE: { description: 'Electric scooter or bike with a box.' },
    TRICYCLE: { description: 'Electric cargo tricycle.' },
    VAN: { description: 'Delivery van.' },
    TRUCK: { description: 'Light truck.' },
    WATER_TRUCK: { description: 'Bottled-water truck (capacity counted in buckets).' },
  },
});
registerEnumType(ReplanAction, {
  name: 'ReplanAction',
  description: 'What becomes of a delivery that ended in an exception.',
  valuesConfig: {
    NEXT_RUN: { description: 'Back to planning: the next run (possibly another courier) takes it.' },
    NEW_WINDOW: { description: 'Back to planning with a new window agreed with the customer.' },
    BACK_TO_WAREHOUSE: { description: 'Taken back to the warehouse; the delivery ends RETURNED.' },
  },
});
