import { DeliveryRunEventType, DeliveryRunFacts, deliveryRunMachine, DeliveryRunStatus } from '@fulfilment/domain';
import { actorLabel } from '../../common/actor';
import { appendEventsOfMany, defineEventStream, LifecycleEvent } from '../../common/aggregate-events';
import type { Tx } from '../../common/mutation';
import { hydrate } from '../../common/rows';
import { rowsJson } from '../../common/row-json';
import { fail } from '../../common/user-error';
import { WriteBatch } from '../../common/write-batch';
import { channelOf } from '../../live/topics';
import { DeliveryRun } from './delivery.entity';
import { DeliveryRunEventMessage } from './delivery.events';

export interface DeliveryRunEventDraft extends LifecycleEvent {
  type: DeliveryRunEventType;
  from: DeliveryRunStatus | null;
  to: DeliveryRunStatus;
}

export const DELIVERY_RUN_EVENTS = defineEventStream<DeliveryRunEventMessage>({
  table: 'delivery_run_event',
  aggregateColumn: 'delivery_run_id',
  channel: channelOf('DELIVERY_RUN_EVENT'),
  message: {
    id: 'e.id::text',
    deliveryRunId: 'e.delivery_run_id',
    runNumber: 'a.number',
    zone: 'a.zone',
    courierId: 'a.courier_id',
    sequence: 'e.sequence',
    type: 'e.type',
    fromStatus: 'e.from_status',
    toStatus: 'e.to_status',
    reason: 'e.reason',
    actor: 'e.actor',
    createdAt: `to_char(e.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
  },
});

/** One run being changed in one transaction. */
export class DeliveryRunChange {
  readonly events: DeliveryRunEventDraft[] = [];

  constructor(
    readonly tx: Tx,
    readonly run: DeliveryRun,
  ) {}

  record(type: DeliveryRunEventType, reason: string | null): void {
    this.events.push({ type, from: type === 'CREATED' ? null : this.run.status, to: this.run.status, reason });
  }
}

/** The one way a run changes status: through deliveryRunMachine, with its event. */
export class DeliveryRunTransitions {
  begin(tx: Tx, run: DeliveryRun): DeliveryRunChange {
    return new DeliveryRunChange(tx, run);
  }

  /** Locks a run; NOT_FOUND when there is none. */
  async lock(tx: Tx, id: string | null, field: string[] = ['input', 'runId']): Promise<DeliveryRunChange> {
    const [row] = id ? await tx.m.query(`SELECT * FROM delivery_run WHERE id = $1 FOR UPDATE`, [id]) : [];
    if (!row) fail('NOT_FOUND', 'No delivery run with this id', field);
    return this.begin(tx, hydrate(tx.m, DeliveryRun, row));
  }

  move(c: DeliveryRunChange, to: DeliveryRunStatus, reason: string | null, facts: DeliveryRunFacts): void {
    const r = c.run;
    const step = deliveryRunMachine.step(r.status, to, facts);
    if (!step.ok) fail('ILLEGAL_TRANSITION', `${r.number}: ${step.reason}`, ['input', 'runId']);
    c.events.push({ type: 'STATUS_CHANGED', from: r.status, to, reason });
    r.status = to;
    if (to === 'IN_PROGRESS') r.startedAt = new Date();
    if (to === 'COMPLETED') r.completedAt = new Date();
  }

  /** Inserts new runs and writes changed ones with their events, in one statement. */
  async saveMany(tx: Tx, changes: readonly DeliveryRunChange[], inserted = false): Promise<DeliveryRun[]> {
    const written = changes.filter((c) => c.events.length > 0 || inserted);
    if (written.length === 0) return changes.map((c) => c.run);
    const { m, actor } = tx;
    const rows = rowsJson(
      m,
      DeliveryRun,
      written.map((c) => ({ ...c.run, lastEventSequence: c.run.lastEventSequence + c.events.length })),
    );
    const batch = new WriteBatch();
    batch.add(
      'saved',
      inserted
        ? `INSERT INTO delivery_run (id, number, warehouse_id, zone, courier_id, status, planned_start, planned_end,
                   distance_m, units, weight_g, courier_choice, assigned_by, override_reason, last_event_sequence)
           SELECT id, number, warehouse_id, zone, courier_id, status, planned_start, planned_end, distance_m, units,
                  weight_g, courier_choice, assigned_by, override_reason, last_event_sequence
             FROM jsonb_populate_recordset(null::delivery_run, $1::jsonb) RETURNING *`
        : `UPDATE delivery_run t SET courier_id = d.courier_id, status = d.status, planned_start = d.planned_start,
                  planned_end = d.planned_end, distance_m = d.distance_m, units = d.units, weight_g = d.weight_g,
                  courier_choice = d.courier_choice, assigned_by = d.assigned_by, override_reason = d.override_reason,
                  etas_at = d.etas_at, started_at = d.started_at, completed_at = d.completed_at,
                  last_event_sequence = d.last_event_sequence, updated_at = now()
             FROM jsonb_populate_recordset(null::delivery_run, $1::jsonb) AS d
            WHERE t.id = d.id RETURNING t.*`,
      [rows],
    );
    appendEventsOfMany(
      batch,
      DELIVERY_RUN_EVENTS,
      written.map((c) => ({ source: c.run, events: c.events })),
      actorLabel(actor),
      'saved',
    );
    const saved = await batch.run(m, 'SELECT * FROM saved');
    const byId = new Map(saved.map((r) => [r.id as string, hydrate(m, DeliveryRun, r)]));
    return changes.map((c) => byId.get(c.run.id) ?? c.run);
  }
}
