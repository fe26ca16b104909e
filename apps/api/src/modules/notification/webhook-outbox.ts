import type { WebhookEventType } from '@fulfilment/domain';
import { jsonObjectSql, OutboxPart } from '../../common/aggregate-events';
import { NodeType, toGlobalId } from '../../common/global-id';
import { WriteBatch } from '../../common/write-batch';
import { OUTBOX_WAKE_SQL } from './notification.events';

/*
 * Webhook events are written in the transaction of the change, and only when an endpoint (active or
 * paused) subscribes to their type: one webhook_event row with the payload and one webhook_delivery
 * per subscribed endpoint. The payload follows the Standard Webhooks convention
 * { type, timestamp, data }, data being the message the type's live topic carries.
 */

const SUBSCRIBED = (typeParam: string) =>
  `SELECT w.id FROM webhook_endpoint w WHERE w.status <> 'DISABLED' AND ${typeParam} = ANY (w.event_types)`;

/** clock_timestamp() keeps the events of one transaction in their order (created_at, then id). */
function deliveriesSql(eventsPart: string): string {
  return `INSERT INTO webhook_delivery (event_id, endpoint_id, event_type, created_at, next_attempt_at)
    SELECT ev.id, w.id, ev.type, ev.created_at, ev.created_at FROM ${eventsPart} ev
      JOIN webhook_endpoint w ON w.status <> 'DISABLED' AND ev.type = ANY (w.event_types)
    RETURNING 1`;
}

/** SQL for the global id (as toGlobalId writes it: base64url, no padding) of the uuid in `expr`; null for ''. */
function globalIdSql(type: NodeType, expr: string): string {
  return `translate(encode(convert_to('${type}:' || nullif(${expr}::text, ''), 'UTF8'), 'base64'), E'+/=\\n', '-_')`;
}

/**
 * The outbox parts of an aggregate event stream: its events, as their live messages, become
 * webhook events of `type` (see EventStream.outbox). Fields named in `globalIds` carry the global ids
 * integrators use with the graph (node(id:), order(id:) …) instead of database ids.
 */
export function webhookOutbox(
  type: WebhookEventType,
  globalIds: Readonly<Record<string, NodeType>> = {},
): (message: Readonly<Record<string, string>>, fromSql: string) => OutboxPart[] {
  return (message, fromSql) => {
    const fields = Object.fromEntries(
      Object.entries(message).map(([k, v]) => [k, globalIds[k] ? globalIdSql(globalIds[k], v) : v]),
    );
    const messageSql = jsonObjectSql(fields);
    return [
      {
        name: 'webhook_events',
        sql: `INSERT INTO webhook_event (type, payload, created_at)
        SELECT $1, json_build_object('type', $1::text, 'timestamp', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'data', ${messageSql}), clock_timestamp()
          ${fromSql} AND EXISTS (${SUBSCRIBED('$1')}) ORDER BY e.id
        RETURNING id, type, created_at`,
        values: [type],
      },
      { name: 'webhook_deliveries', sql: deliveriesSql('webhook_events'), values: [] },
      {
        name: 'webhook_wake',
        sql: `${OUTBOX_WAKE_SQL} FROM (SELECT 1 FROM webhook_deliveries LIMIT 1) n`,
        values: [],
        mustRun: true,
      },
    ];
  };
}

/** A message built in code with the named fields' database ids turned into global ids. */
export function withGlobalIds<M extends object>(message: M, globalIds: Partial<Record<keyof M, NodeType>>): M {
  const out = { ...message } as Record<string, unknown>;
  for (const [k, type] of Object.entries(globalIds) as [string, NodeType][])
    if (typeof out[k] === 'string' && out[k]) out[k] = toGlobalId(type, out[k] as string);
  return out as M;
}

/** Webhook parts added to each batch so far, to name the next ones. */
const parts = new WeakMap<WriteBatch, number>();

/** Webhook events of messages built in code (stock alerts), as parts of `batch`. */
export function stageWebhookEvents(batch: WriteBatch, type: WebhookEventType, messages: readonly object[]): void {
  if (messages.length === 0) return;
  const n = parts.get(batch) ?? 0;
  parts.set(batch, n + 1);
  batch.add(
    `webhook_messages_${n}`,
    `INSERT INTO webhook_event (type, payload, created_at)
      SELECT $1, json_build_object('type', $1::text, 'timestamp', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'data', m::json), clock_timestamp()
        FROM unnest($2::text[]) WITH ORDINALITY AS u(m, i) WHERE EXISTS (${SUBSCRIBED('$1')}) ORDER BY i
      RETURNING id, type, created_at`,
    [type, messages.map((m) => JSON.stringify(m))],
  );
  batch.add(`webhook_message_deliveries_${n}`, deliveriesSql(`webhook_messages_${n}`), []);
  batch.add(
    `webhook_message_wake_${n}`,
    `${OUTBOX_WAKE_SQL} FROM (SELECT 1 FROM webhook_message_deliveries_${n} LIMIT 1) n`,
    [],
    true,
  );
}
