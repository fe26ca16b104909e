import { PickListEffect, PickListEventType, PickListFacts, pickListMachine, PickListStatus } from '@fulfilment/domain';
import { actorLabel } from '../../common/actor';
import { appendEvents, defineEventStream, LifecycleEvent } from '../../common/aggregate-events';
import { audit } from '../../common/audit';
import type { Tx } from '../../common/mutation';
import { hydrate } from '../../common/rows';
import { fail } from '../../common/user-error';
import { WriteBatch } from '../../common/write-batch';
import { channelOf } from '../../live/topics';
import { PickListEventMessage } from './fulfilment.events';
import { PickList } from './pick-list.entity';

export interface PickListEventDraft extends LifecycleEvent {
  type: PickListEventType;
  from: PickListStatus | null;
  to: PickListStatus;
}

export const PICK_LIST_EVENTS = defineEventStream<PickListEventMessage>({
  table: 'pick_list_event',
  aggregateColumn: 'pick_list_id',
  channel: channelOf('PICK_LIST_EVENT'),
  message: {
    id: 'e.id::text',
    pickListId: 'e.pick_list_id',
    pickListNumber: 'a.number',
    warehouseCode: 'a.warehouse_code',
    sequence: 'e.sequence',
    type: 'e.type',
    fromStatus: 'e.from_status',
    toStatus: 'e.to_status',
    reason: 'e.reason',
    actor: 'e.actor',
    createdAt: `to_char(e.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
  },
});

/** One pick list being changed in one transaction: its steps and the events they write. */
export class PickListChange {
  readonly events: PickListEventDraft[] = [];

  constructor(
    readonly tx: Tx,
    readonly list: PickList,
  ) {}

  /** Records an event that is not a step (created, a pick recorded). */
  record(type: PickListEventType, reason: string | null): void {
    this.events.push({ type, from: type === 'CREATED' ? null : this.list.status, to: this.list.status, reason });
  }
}

/**
 * The one way a pick list changes status: each step through pickListMachine with facts read from its
 * lines in this transaction, its event, and its effects, which the pick list service carries out
 * (they change shipments, orders and stock, so they live with the service that knows all three).
 */
export class PickListTransitions {
  begin(tx: Tx, list: PickList): PickListChange {
    return new PickListChange(tx, list);
  }

  /** Locks a pick list for a change; NOT_FOUND when there is none. */
  async lock(tx: Tx, id: string | null): Promise<PickListChange> {
    const [row] = id ? await tx.m.query(`SELECT * FROM pick_list WHERE id = $1 FOR UPDATE`, [id]) : [];
    if (!row) fail('NOT_FOUND', 'No pick list with this id', ['input', 'pickListId']);
    return this.begin(tx, hydrate(tx.m, PickList, row));
  }

  async facts(c: PickListChange): Promise<PickListFacts> {
    const [f] = await c.tx.m.query(
      `SELECT count(*)::int AS lines,
              count(*) FILTER (WHERE picked IS NULL)::int AS "linesUnrecorded",
              count(*) FILTER (WHERE picked < required AND short_reason IS NULL)::int AS "shortWithoutReason"
         FROM pick_list_line WHERE pick_list_id = $1`,
      [c.list.id],
    );
    return f;
  }

  /**
   * One step: refused by the table or a guard, the whole change fails with ILLEGAL_TRANSITION.
   * Returns the effects the caller must carry out.
   */
  async move(c: PickListChange, to: PickListStatus, reason: string | null): Promise<readonly PickListEffect[]> {
    const l = c.list;
    const step = pickListMachine.step(l.status, to, await this.facts(c));
    if (!step.ok) fail('ILLEGAL_TRANSITION', `${l.number}: ${step.reason}`, ['input', 'pickListId']);
    c.events.push({ type: 'STATUS_CHANGED', from: l.status, to, reason });
    l.status = to;
    if (to === 'IN_PROGRESS') l.startedAt = new Date();
    if (to === 'COMPLETED' || to === 'CANCELLED') l.completedAt = new Date();
    return step.effects;
  }

  /** Writes the list with its events (announced on commit) and, with `action`, its audit row. */
  async save(c: PickListChange, action: string | null, details: Record<string, unknown> = {}): Promise<PickList> {
    const { m, actor } = c.tx;
    const l = c.list;
    const batch = new WriteBatch();
    batch.add(
      'saved',
      `UPDATE pick_list SET status = $2, picker = $3, started_at = $4, completed_at = $5, last_event_sequence = $6,
              updated_at = now()
        WHERE id = $1 RETURNING *`,
      [l.id, l.status, l.picker, l.startedAt, l.completedAt, l.lastEventSequence + c.events.length],
    );
    appendEvents(batch, PICK_LIST_EVENTS, l, c.events, actorLabel(actor), 'saved');
    const [row] = await batch.run(m, 'SELECT * FROM saved');
    if (action)
      await audit(m, actor, {
        action,
        targetType: 'PickList',
        targetId: l.id,
        outcome: 'SUCCESS',
        details: { number: l.number, status: l.status, ...details },
      });
    return hydrate(m, PickList, row);
  }
}
