import type { NotificationEvent } from '@fulfilment/domain';
import { liveChannel } from '../../live/topics';

/** Outbox rows were committed: every process's dispatcher looks for due work. */
export interface OutboxReadyMessage {
  /** Unused; NOTIFY needs a payload. */
  at?: string;
}

/** An in-app notification, sent to the customer's app as it is delivered. */
export interface CustomerNotificationMessage {
  id: string;
  customerId: string;
  orderId: string | null;
  event: NotificationEvent;
  subject: string;
  body: string;
  sentAt: string;
}

declare module '../../live/topics' {
  interface Topics {
    OUTBOX_READY: [OutboxReadyMessage];
    CUSTOMER_NOTIFICATION: [CustomerNotificationMessage];
    /** In-app notifications routed by customer: a customer's app hears its own only. */
    CUSTOMER_NOTIFICATION_OF: [customerId: string, message: CustomerNotificationMessage];
  }
}

/** A SELECT (to be completed by FROM …) that wakes the dispatchers when its transaction commits. */
export const OUTBOX_WAKE_SQL = `SELECT pg_notify('outbox_ready', '{}')`;

export const NOTIFICATION_LIVE_CHANNELS = [
  liveChannel('OUTBOX_READY'),
  liveChannel('CUSTOMER_NOTIFICATION', { to: 'CUSTOMER_NOTIFICATION_OF', key: (m) => m.customerId }),
];
