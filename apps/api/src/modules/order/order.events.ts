import type { OrderStatus } from '@fulfilment/domain';
import { liveChannel } from '../../live/topics';

/** An order event as it travels through PostgreSQL NOTIFY, so every API process hears every committed change. */
export interface OrderEventMessage {
  id: string;
  orderId: string;
  orderNumber: string;
  sequence: number;
  type: string;
  fromStatus: OrderStatus | null;
  toStatus: OrderStatus;
  reason: string | null;
  actor: string;
  createdAt: string;
}

declare module '../../live/topics' {
  interface Topics {
    ORDER_EVENT: [OrderEventMessage];
    /**
     * The same order events, routed by order id: a subscriber of one order listens to its order only,
     * so an event wakes its own subscribers, not every subscriber of every order.
     */
    ORDER_EVENT_OF_ORDER: [orderId: string, message: OrderEventMessage];
  }
}

export const ORDER_CHANNELS = [liveChannel('ORDER_EVENT', { to: 'ORDER_EVENT_OF_ORDER', key: (m) => m.orderId })];

/** An order on the warehouse floor (PICKING or PACKED) is being cancelled, in the cancelling transaction. */
export interface OrderLeavingFloor {
  orderId: string;
  orderNumber: string;
}

declare module '../../common/domain-events' {
  interface DomainEvents {
    ORDER_CANCELLED_ON_FLOOR: OrderLeavingFloor;
  }
}
