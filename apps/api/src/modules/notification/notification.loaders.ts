import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { byIdLoader, childrenLoader } from '../../common/loaders';
import { Notification } from './notification.entity';
import { WebhookAttempt, WebhookEndpoint } from './webhook.entity';

/** Notifications of an order, endpoints, and attempts of deliveries: one statement per kind. */
export function notificationLoaders(ds: DataSource, cache: boolean) {
  return {
    notificationsOfOrder: childrenLoader(ds, Notification, 'order_id', (n) => n.orderId!, 't.created_at, t.id', cache),
    webhookEndpoint: byIdLoader(ds, WebhookEndpoint, cache),
    webhookAttempts: childrenLoader(ds, WebhookAttempt, 'delivery_id', (a) => a.deliveryId, 't.id', cache),
    /** A webhook event's JSON body as sent. */
    webhookPayload: new DataLoader<string, string | null>(
      async (ids) => {
        const rows: { id: string; p: string }[] = await ds.query(
          `SELECT id, payload::text AS p FROM webhook_event WHERE id = ANY($1::uuid[])`,
          [ids],
        );
        const byId = new Map(rows.map((r) => [r.id, r.p]));
        return ids.map((id) => byId.get(id) ?? null);
      },
      { cache },
    ),
  };
}
