import type { EntityManager } from 'typeorm';
import { newWebhookSecret } from '../../modules/notification/webhook.service';

/**
 * How the demo customers like to be told (about 70 % SMS, 20 % e-mail where they gave an address,
 * 10 % in-app; one in ten in English), and, when the API's own address is known, two webhook
 * endpoints on the demo receiver the API serves (one that answers 503 now and then, so the delivery
 * log shows retries).
 */
export async function seedMessaging(m: EntityManager, webhookBase: string | null): Promise<void> {
  await m.query(`
    UPDATE customer SET
      preferred_channel = CASE
        WHEN abs(hashtext(phone)) % 10 < 2 AND email IS NOT NULL THEN 'EMAIL'
        WHEN abs(hashtext(phone)) % 10 = 2 THEN 'IN_APP'
        ELSE 'SMS' END,
      locale = CASE WHEN abs(hashtext(phone || 'lang')) % 10 = 0 THEN 'en' ELSE 'zh-CN' END`);
  if (!webhookBase) return;
  await m.query(
    `INSERT INTO webhook_endpoint (url, description, event_types, secret, created_by) VALUES
       ($1, 'Demo storefront: order and delivery updates', ARRAY['order.status_changed', 'delivery.status_changed'], $3, 'seed'),
       ($2, 'Demo partner platform: stock alerts and shipments (answers 503 now and then)', ARRAY['shipment.status_changed', 'stock.alert'], $4, 'seed')`,
    [
      `${webhookBase}/demo/webhooks/storefront`,
      `${webhookBase}/demo/webhooks/partner`,
      newWebhookSecret(),
      newWebhookSecret(),
    ],
  );
}
