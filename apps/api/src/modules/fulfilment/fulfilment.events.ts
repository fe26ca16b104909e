import type { PickListEventType, PickListStatus, ShipmentEventType, ShipmentStatus } from '@fulfilment/domain';
import { liveChannel } from '../../live/topics';

/** A pick list event as it travels through PostgreSQL NOTIFY to every API process. */
export interface PickListEventMessage {
  id: string;
  pickListId: string;
  pickListNumber: string;
  warehouseCode: string;
  sequence: number;
  type: PickListEventType;
  fromStatus: PickListStatus | null;
  toStatus: PickListStatus;
  reason: string | null;
  actor: string;
  createdAt: string;
}

/** A shipment event as it travels through PostgreSQL NOTIFY to every API process. */
export interface ShipmentEventMessage {
  id: string;
  shipmentId: string;
  shipmentNumber: string;
  orderId: string;
  warehouseCode: string;
  sequence: number;
  type: ShipmentEventType;
  fromStatus: ShipmentStatus | null;
  toStatus: ShipmentStatus;
  reason: string | null;
  actor: string;
  createdAt: string;
}

declare module '../../live/topics' {
  interface Topics {
    PICK_LIST_EVENT: [PickListEventMessage];
    SHIPMENT_EVENT: [ShipmentEventMessage];
  }
}

export const FULFILMENT_CHANNELS = [liveChannel('PICK_LIST_EVENT'), liveChannel('SHIPMENT_EVENT')];

/** A shipment left the warehouse with its carrier, in the shipping transaction (own-fleet ones become deliveries). */
export interface ShipmentShipped {
  shipmentId: string;
  orderId: string;
  carrierKind: string;
  shippedAt: Date;
}

declare module '../../common/domain-events' {
  interface DomainEvents {
    SHIPMENT_SHIPPED: ShipmentShipped;
  }
}
