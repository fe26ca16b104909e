import type { WriteBatch } from './write-batch';

/**
 * Every aggregate with a lifecycle (orders now; purchase orders, pick lists, deliveries, complaints
 * next) keeps its history in a table of the same shape: `<aggregate>_event (id bigserial,
 * <aggregate>_id, sequence, type, from_status, to_status, reason, actor, created_at)` with a gapless
 * per-aggregate sequence (the aggregate row's last_event_sequence), written in the transaction of the
 * change and announced by NOTIFY when it commits. The table is the source of truth: a client that
 * missed a notification re-reads the table from its last sequence.
 */
export interface LifecycleEvent {
  type: string;
  from: string | null;
  to: string;
  reason: string | null;
}

/** SQL for every field of a message: a message built in SQL has the fields its topic declares, no more, no fewer. */
export type SqlFields<M> = { readonly [K in keyof Required<M>]: string };

export interface EventStream<M> {
  /** The event table, e.g. order_event. */
  table: string;
  /** Its column naming the aggregate, e.g. order_id. */
  aggregateColumn: string;
  /** The NOTIFY channel of the topic. */
  channel: string;
  /** Each message field over the inserted event row `e` and the written aggregate row `a`. */
  message: SqlFields<M>;
  /**
   * Outbox rows the events also write, in the same statement (webhook events): given the message's
   * field map and a FROM clause over `e` and `a` (ending in a WHERE condition that more may follow with AND).
   */
  outbox?: (message: Readonly<Record<string, string>>, fromSql: string) => OutboxPart[];
}

/** A part of the write batch that writes outbox rows from the events. */
export interface OutboxPart {
  name: string;
  sql: string;
  values: unknown[];
  /** A SELECT with side effects (pg_notify). */
  mustRun?: boolean;
}

/** A stream with its statements written out once (they run on the hot path, as prepared statements). */
export interface DefinedEventStream<M> extends EventStream<M> {
  readonly insertSql: string;
  /** The message as a json_build_object over `e` and `a`. */
  readonly messageSql: string;
  /** The notification of the rows of part `events`, reading the aggregate from part `{aggregate}`. */
  notifySql(aggregatePart: string): string;
}

export function defineEventStream<M>(stream: EventStream<M>): DefinedEventStream<M> {
  const message = jsonObjectSql(stream.message);
  const notify = new Map<string, string>();
  return {
    ...stream,
    messageSql: message,
    insertSql: `INSERT INTO ${stream.table} (${stream.aggregateColumn}, sequence, type, from_status, to_status, reason, actor)
     SELECT d.*, $7 FROM unnest($1::uuid[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[]) AS d RETURNING *`,
    notifySql(aggregatePart) {
      let sql = notify.get(aggregatePart);
      if (!sql)
        notify.set(
          aggregatePart,
          (sql = `SELECT pg_notify($1, ${message}::text) FROM events e JOIN ${aggregatePart} a ON a.id = e.${stream.aggregateColumn} ORDER BY e.id`),
        );
      return sql;
    },
  };
}

export function jsonObjectSql<M>(fields: SqlFields<M>): string {
  return `json_build_object(${Object.entries(fields)
    .map(([k, v]) => `'${k}', ${v as string}`)
    .join(', ')})`;
}

/** The aggregate as appending events sees it; its last_event_sequence is advanced here. */
export interface EventSource {
  id: string;
  lastEventSequence: number;
}

/**
 * Adds the events' rows (batch part `events`) and their notification (sent on commit) to the batch.
 * `aggregatePart` names the batch part that writes and returns the aggregate row, which must also set
 * last_event_sequence to the value this leaves on `source`.
 */
export function appendEvents<M>(
  batch: WriteBatch,
  stream: DefinedEventStream<M>,
  source: EventSource,
  events: readonly LifecycleEvent[],
  actor: string,
  aggregatePart: string,
): void {
  appendEventsOfMany(batch, stream, [{ source, events }], actor, aggregatePart);
}

/**
 * appendEvents for several aggregates of one stream in one statement (backorders released by one
 * receipt): `aggregatePart` writes and returns all their rows.
 */
export function appendEventsOfMany<M>(
  batch: WriteBatch,
  stream: DefinedEventStream<M>,
  entries: readonly { source: EventSource; events: readonly LifecycleEvent[] }[],
  actor: string,
  aggregatePart: string,
): void {
  const rows = entries.flatMap(({ source, events }) => {
    const first = source.lastEventSequence + 1;
    source.lastEventSequence += events.length;
    return events.map((e, i) => ({ id: source.id, sequence: first + i, e }));
  });
  if (rows.length === 0) return;
  batch.add('events', stream.insertSql, [
    rows.map((r) => r.id),
    rows.map((r) => r.sequence),
    rows.map((r) => r.e.type),
    rows.map((r) => r.e.from),
    rows.map((r) => r.e.to),
    rows.map((r) => r.e.reason),
    actor,
  ]);
  batch.add('event_notifications', stream.notifySql(aggregatePart), [stream.channel], true);
  const from = `FROM events e JOIN ${aggregatePart} a ON a.id = e.${stream.aggregateColumn} WHERE true`;
  for (const part of stream.outbox?.(stream.message as Record<string, string>, from) ?? [])
    batch.add(part.name, part.sql, part.values, part.mustRun);
}
