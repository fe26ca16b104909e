import { defineMachine } from './state-machine';

/**
 * A delivery: one shipment that left with the platform's own fleet, from waiting for a run to the
 * customer's door (or back to the warehouse).
 */
export const DELIVERY_STATUSES = [
  'UNASSIGNED',
  'ASSIGNED',
  'OUT_FOR_DELIVERY',
  'DELIVERED',
  'EXCEPTION',
  'RETURNED',
] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** What went wrong at the door or on the way; the customer is told and the delivery re-planned. */
export const DELIVERY_EXCEPTION_REASONS = [
  'ACCIDENT',
  'CONGESTION',
  'BLOCKED_AREA',
  'BAD_WEATHER',
  'DAMAGED_GOODS',
  'WRONG_ADDRESS',
  'CUSTOMER_ABSENT',
] as const;
export type DeliveryExceptionReason = (typeof DELIVERY_EXCEPTION_REASONS)[number];

/** How a delivery was proven: the recipient's signature, or a photo left at the door. */
export const PROOF_KINDS = ['SIGNATURE', 'CONTACTLESS'] as const;
export type ProofKind = (typeof PROOF_KINDS)[number];

export const DELIVERY_TRANSITIONS: Readonly<Record<DeliveryStatus, readonly DeliveryStatus[]>> = {
  UNASSIGNED: ['ASSIGNED', 'RETURNED'],
  // A dispatcher's override or a re-plan may take it off its run again.
  ASSIGNED: ['OUT_FOR_DELIVERY', 'UNASSIGNED', 'EXCEPTION'],
  OUT_FOR_DELIVERY: ['DELIVERED', 'EXCEPTION'],
  DELIVERED: [],
  // Re-planned: another run (another courier or a new window), or back to the warehouse.
  EXCEPTION: ['UNASSIGNED', 'RETURNED'],
  RETURNED: [],
};

/** What the delivery guards look at. */
export interface DeliveryFacts {
  /** A proof (signature image, or a photo for contactless delivery) comes with the step. */
  hasProof: boolean;
  /** The delivery's run has started (the courier left the depot). */
  runStarted: boolean;
  /** Its destination lies in a blocked area. */
  destinationBlocked: boolean;
}

/**
 * What a step brings about, carried out by the delivery module in the same transaction:
 * ORDER_OUT_FOR_DELIVERY and ORDER_DELIVERED move the order along (SHIPPED → OUT_FOR_DELIVERY →
 * DELIVERED); TELL_CUSTOMER records the message the notification module sends; RECOMPUTE_RUN plans the
 * run's remaining stops and ETAs again.
 */
export const DELIVERY_EFFECTS = [
  'ORDER_OUT_FOR_DELIVERY',
  'ORDER_DELIVERED',
  'TELL_CUSTOMER',
  'RECOMPUTE_RUN',
] as const;
export type DeliveryEffect = (typeof DELIVERY_EFFECTS)[number];

export const deliveryMachine = defineMachine<DeliveryStatus, DeliveryFacts, DeliveryEffect>({
  subject: 'A delivery',
  transitions: DELIVERY_TRANSITIONS,
  guards: {
    ASSIGNED: (_from, f) => (f.destinationBlocked ? 'Its destination is in a blocked area' : null),
    OUT_FOR_DELIVERY: (_from, f) => (f.runStarted ? null : 'Its run has not started'),
    DELIVERED: (_from, f) =>
      f.hasProof ? null : 'A delivery needs proof: the recipient’s signature, or a photo for contactless delivery',
  },
  effects: {
    OUT_FOR_DELIVERY: ['ORDER_OUT_FOR_DELIVERY', 'TELL_CUSTOMER'],
    DELIVERED: ['ORDER_DELIVERED', 'TELL_CUSTOMER', 'RECOMPUTE_RUN'],
    EXCEPTION: ['TELL_CUSTOMER', 'RECOMPUTE_RUN'],
  },
});

/** A courier's run of stops: planned and assigned, driven, finished (or called off before it left). */
export const DELIVERY_RUN_STATUSES = ['PLANNED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED'] as const;
export type DeliveryRunStatus = (typeof DELIVERY_RUN_STATUSES)[number];

export interface DeliveryRunFacts {
  /** Stops on the run. */
  stops: number;
  /** Stops neither delivered nor ended in an exception. */
  openStops: number;
  /** The run has a courier. */
  hasCourier: boolean;
}

export const deliveryRunMachine = defineMachine<DeliveryRunStatus, DeliveryRunFacts>({
  subject: 'A delivery run',
  transitions: {
    PLANNED: ['IN_PROGRESS', 'CANCELLED'],
    IN_PROGRESS: ['COMPLETED'],
    COMPLETED: [],
    CANCELLED: [],
  },
  guards: {
    IN_PROGRESS: (_from, f) =>
      !f.hasCourier ? 'Assign a courier before the run starts' : f.stops === 0 ? 'The run has no stops' : null,
    COMPLETED: (_from, f) =>
      f.openStops === 0
        ? null
        : `${f.openStops} stop${f.openStops === 1 ? ' is' : 's are'} neither delivered nor reported as an exception`,
  },
});

/** Where a courier is in the day. */
export const COURIER_STATES = ['OFF_DUTY', 'AVAILABLE', 'ON_ROUTE'] as const;
export type CourierState = (typeof COURIER_STATES)[number];

/** What a delivery's history records besides status steps. */
export const DELIVERY_EVENT_TYPES = [
  'CREATED',
  'STATUS_CHANGED',
  /** Put on a run (or moved on it) by planning or a dispatcher, with the stop's position and ETA. */
  'PLANNED',
  /** The ETA came within the late-risk margin of the window's end. */
  'LATE_RISK',
  'RATED',
] as const;
export type DeliveryEventType = (typeof DELIVERY_EVENT_TYPES)[number];

/** What a run's history records besides status steps. */
export const DELIVERY_RUN_EVENT_TYPES = ['CREATED', 'STATUS_CHANGED', 'ASSIGNED', 'RESEQUENCED'] as const;
export type DeliveryRunEventType = (typeof DELIVERY_RUN_EVENT_TYPES)[number];

/** The vehicles of the own fleet. */
export const VEHICLE_KINDS = ['E_BIKE', 'TRICYCLE', 'VAN', 'TRUCK', 'WATER_TRUCK'] as const;
export type VehicleKind = (typeof VEHICLE_KINDS)[number];

/** What becomes of a delivery that ended in an exception. */
export const REPLAN_ACTIONS = ['NEXT_RUN', 'NEW_WINDOW', 'BACK_TO_WAREHOUSE'] as const;
export type ReplanAction = (typeof REPLAN_ACTIONS)[number];
