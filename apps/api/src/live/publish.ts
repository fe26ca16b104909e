import type { EntityManager } from 'typeorm';
import type { WriteBatch } from '../common/write-batch';
import { ChannelTopic, channelOf, MessageOf } from './topics';

/*
 * Publishing after commit. Messages are queued with NOTIFY in the transaction of the change:
 * PostgreSQL delivers them when the transaction commits and drops them when it rolls back, so
 * subscribers (in every API process, through LiveEventRelay) never hear of uncommitted work.
 */

const NOTIFY = `SELECT pg_notify($1, p) FROM unnest($2::text[]) AS p`;

function notifyValues<K extends ChannelTopic>(topic: K, messages: readonly MessageOf<K>[]): unknown[] {
  return [channelOf(topic), messages.map((msg) => JSON.stringify(msg))];
}

/** Queues the messages in the transaction of `m`. */
export async function notifyOnCommit<K extends ChannelTopic>(
  m: EntityManager,
  topic: K,
  messages: readonly MessageOf<K>[],
): Promise<void> {
  if (messages.length === 0) return;
  await m.query(NOTIFY, notifyValues(topic, messages));
}

/** Notifying parts added to each batch so far, to name the next one. */
const notifyParts = new WeakMap<WriteBatch, number>();

/** Queues the messages as a part of `batch` (sent with its other writes, in one statement). */
export function notifyInBatch<K extends ChannelTopic>(
  batch: WriteBatch,
  topic: K,
  messages: readonly MessageOf<K>[],
): void {
  if (messages.length === 0) return;
  const n = notifyParts.get(batch) ?? 0;
  notifyParts.set(batch, n + 1);
  batch.add(`notify_${n}`, NOTIFY, notifyValues(topic, messages), true);
}
