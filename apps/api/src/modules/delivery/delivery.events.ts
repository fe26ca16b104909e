import type {
  CourierState,
  DeliveryEventType,
  DeliveryRunEventType,
  DeliveryRunStatus,
  DeliveryStatus,
} from '@fulfilment/domain';
import { liveChannel } from '../../live/topics';

/** A delivery event as it travels through PostgreSQL NOTIFY to every API process. */
export interface DeliveryEventMessage {
  id: string;
  deliveryId: string;
  deliveryNumber: string;
  orderId: string;
  /** The run it is on after the event; empty when none. */
  runId: string;
  zone: string;
  sequence: number;
  type: DeliveryEventType;
  fromStatus: DeliveryStatus | null;
  toStatus: DeliveryStatus;
  reason: string | null;
  actor: string;
  createdAt: string;
}

/** A run event as it travels through PostgreSQL NOTIFY. */
export interface DeliveryRunEventMessage {
  id: string;
  deliveryRunId: string;
  runNumber: string;
  zone: string;
  courierId: string | null;
  sequence: number;
  type: DeliveryRunEventType;
  fromStatus: DeliveryRunStatus | null;
  toStatus: DeliveryRunStatus;
  reason: string | null;
  actor: string;
  createdAt: string;
}

/** A courier's newest position of one report (older points of the batch only go to the table). */
export interface CourierMovedMessage {
  courierId: string;
  courierCode: string;
  state: CourierState;
  /** Zones it delivers in, so map subscribers of a zone hear it. */
  zones: string[];
  runId: string | null;
  lat: number;
  lng: number;
  recordedAt: string;
  /** ETAs of its run's stops that changed with this position (recomputed at most every 30 s). */
  etas: { deliveryId: string; eta: string; lateRisk: boolean }[];
}

/** An area blocked or opened again. */
export interface BlockedAreaMessage {
  id: string;
  zone: string;
  blocked: boolean;
  reason: string;
  at: string;
}

declare module '../../live/topics' {
  interface Topics {
    BLOCKED_AREA_CHANGED: [BlockedAreaMessage];
    DELIVERY_EVENT: [DeliveryEventMessage];
    /** Delivery events routed by run: a run page hears its own stops only. */
    DELIVERY_EVENT_OF_RUN: [runId: string, message: DeliveryEventMessage];
    DELIVERY_RUN_EVENT: [DeliveryRunEventMessage];
    COURIER_MOVED: [CourierMovedMessage];
    /** Courier positions routed by run. */
    COURIER_MOVED_ON_RUN: [runId: string, message: CourierMovedMessage];
  }
}

export const DELIVERY_CHANNELS = [
  liveChannel('DELIVERY_EVENT', { to: 'DELIVERY_EVENT_OF_RUN', key: (m) => m.runId }),
  liveChannel('DELIVERY_RUN_EVENT'),
  liveChannel('BLOCKED_AREA_CHANGED'),
  liveChannel('COURIER_MOVED', { to: 'COURIER_MOVED_ON_RUN', key: (m) => m.runId ?? '' }),
];
