import type { EntityManager } from 'typeorm';
import type { NotificationEvent } from '@fulfilment/domain';
import { WriteBatch } from '../../common/write-batch';
import { OUTBOX_WAKE_SQL } from './notification.events';

/**
 * A customer notification to write to the outbox, in the transaction of the change that causes it:
 * a rollback tells nobody, a commit always tells (the dispatcher sends it). The customer's preferred
 * channel and language at that moment are stored with it; the facts are completed when it is sent.
 */
export interface NotificationDraft {
  /** What caused it, unique: a second draft with the same key is dropped (retries, replays), e.g. order:<id>:<event sequence>. */
  sourceKey: string;
  event: NotificationEvent;
  customerId: string;
  orderId: string | null;
  /** Facts only the cause knows (a reason); the sender adds the order's, the shipment's and the delivery's. */
  facts?: Record<string, string>;
}

// clock_timestamp(): the notices of one transaction keep their order (received before confirmed).
const INSERT = `INSERT INTO notification (source_key, event, customer_id, order_id, facts, channel, locale, created_at)
  SELECT d.source_key, d.event, d.customer_id, d.order_id, d.facts, c.preferred_channel, c.locale, clock_timestamp()
    FROM unnest($1::text[], $2::text[], $3::uuid[], $4::uuid[], $5::jsonb[]) WITH ORDINALITY AS d(source_key, event, customer_id, order_id, facts, i)
    JOIN customer c ON c.id = d.customer_id
   ORDER BY d.i
  ON CONFLICT (source_key) DO NOTHING RETURNING id`;

function values(drafts: readonly NotificationDraft[]): unknown[] {
  return [
    drafts.map((d) => d.sourceKey),
    drafts.map((d) => d.event),
    drafts.map((d) => d.customerId),
    drafts.map((d) => d.orderId),
    drafts.map((d) => JSON.stringify(d.facts ?? {})),
  ];
}

/** Adds the notifications to a write batch (the order hot path writes them with the order). */
export function stageNotifications(batch: WriteBatch, drafts: readonly NotificationDraft[]): void {
  if (drafts.length === 0) return;
  batch.add('customer_notifications', INSERT, values(drafts));
  batch.add(
    'customer_notifications_wake',
    `${OUTBOX_WAKE_SQL} FROM (SELECT 1 FROM customer_notifications LIMIT 1) n`,
    [],
    true,
  );
}

/** Writes the notifications now, in the transaction of `m` (complaints, returns, refunds: one line each). */
export async function recordNotifications(m: EntityManager, drafts: readonly NotificationDraft[]): Promise<void> {
  if (drafts.length === 0) return;
  const batch = new WriteBatch();
  stageNotifications(batch, drafts);
  await batch.run(m, 'SELECT count(*) FROM customer_notifications');
}
