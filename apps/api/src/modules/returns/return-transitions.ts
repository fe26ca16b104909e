import { returnMachine, ReturnStatus } from '@fulfilment/domain';
import { actorLabel } from '../../common/actor';
import { appendEvents, defineEventStream, LifecycleEvent } from '../../common/aggregate-events';
import { audit } from '../../common/audit';
import type { Tx } from '../../common/mutation';
import { hydrate } from '../../common/rows';
import { fail } from '../../common/user-error';
import { WriteBatch } from '../../common/write-batch';
import { channelOf } from '../../live/topics';
import { NotificationDraft, stageNotifications } from '../notification/notification-outbox';
import { ReturnRequest } from './return.entity';
import type { ReturnEventType } from './return.enums';
import { ReturnEventMessage } from './return.events';

export interface ReturnEventDraft extends LifecycleEvent {
  type: ReturnEventType;
  from: ReturnStatus | null;
  to: ReturnStatus;
}

const ISO = (col: string) => `to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

export const RETURN_EVENTS = defineEventStream<ReturnEventMessage>({
  table: 'return_event',
  aggregateColumn: 'return_id',
  channel: channelOf('RETURN_EVENT'),
  message: {
    id: 'e.id::text',
    returnId: 'e.return_id',
    returnNumber: 'a.number',
    orderId: 'a.order_id',
    sequence: 'e.sequence',
    type: 'e.type',
    fromStatus: 'e.from_status',
    toStatus: 'e.to_status',
    reason: 'e.reason',
    actor: 'e.actor',
    createdAt: ISO('e.created_at'),
  },
});

/** One return being changed in one transaction: its steps, events and what the customer is told. */
export class ReturnChange {
  readonly events: ReturnEventDraft[] = [];
  readonly notices: Omit<NotificationDraft, 'sourceKey' | 'customerId' | 'orderId'>[] = [];

  constructor(
    readonly tx: Tx,
    readonly ret: ReturnRequest,
  ) {}

  record(type: ReturnEventType, reason: string | null): void {
    this.events.push({ type, from: type === 'REQUESTED' ? null : this.ret.status, to: this.ret.status, reason });
  }
}

/** The one way a return changes status: each step through returnMachine, its event, what the customer is told. */
export class ReturnTransitions {
  begin(tx: Tx, ret: ReturnRequest): ReturnChange {
    return new ReturnChange(tx, ret);
  }

  async lock(tx: Tx, id: string | null): Promise<ReturnChange> {
    const [row] = id ? await tx.m.query(`SELECT * FROM return_request WHERE id = $1 FOR UPDATE`, [id]) : [];
    if (!row) fail('NOT_FOUND', 'No return with this id', ['input', 'returnId']);
    return this.begin(tx, hydrate(tx.m, ReturnRequest, row));
  }

  move(c: ReturnChange, to: ReturnStatus, reason: string | null): void {
    const r = c.ret;
    const step = returnMachine.step(r.status, to, { decisionReason: !!r.decisionReason });
    if (!step.ok) fail('ILLEGAL_TRANSITION', `${r.number}: ${step.reason}`, ['input', 'returnId']);
    c.events.push({ type: 'STATUS_CHANGED', from: r.status, to, reason });
    r.status = to;
    const now = new Date();
    if (to === 'APPROVED' || to === 'REJECTED') r.decidedAt = now;
    if (to === 'RECEIVED') r.receivedAt = now;
    if (to === 'RESOLVED') r.resolvedAt = now;
    for (const effect of step.effects)
      c.notices.push(
        effect === 'TELL_APPROVED'
          ? { event: 'RETURN_APPROVED', facts: { returnNumber: r.number } }
          : { event: 'RETURN_REJECTED', facts: { returnNumber: r.number, reason: r.decisionReason ?? '' } },
      );
  }

  async save(c: ReturnChange, action: string | null, details: Record<string, unknown> = {}): Promise<ReturnRequest> {
    const { m, actor } = c.tx;
    const r = c.ret;
    const batch = new WriteBatch();
    batch.add(
      'saved',
      `UPDATE return_request SET status = $2, decision_reason = $3, decided_at = $4, received_at = $5, resolved_at = $6,
              last_event_sequence = $7, replacement_order_id = $8, updated_at = now() WHERE id = $1 RETURNING *`,
      [
        r.id,
        r.status,
        r.decisionReason,
        r.decidedAt,
        r.receivedAt,
        r.resolvedAt,
        r.lastEventSequence + c.events.length,
        r.replacementOrderId,
      ],
    );
    const first = r.lastEventSequence + 1;
    appendEvents(batch, RETURN_EVENTS, r, c.events, actorLabel(actor), 'saved');
    stageNotifications(
      batch,
      c.notices.map((n, i) => ({
        ...n,
        sourceKey: `return:${r.id}:${first}:${i}`,
        customerId: r.customerId,
        orderId: r.orderId,
      })),
    );
    const [row] = await batch.run(m, 'SELECT * FROM saved');
    if (action)
      await audit(m, actor, {
        action,
        targetType: 'ReturnRequest',
        targetId: r.id,
        outcome: 'SUCCESS',
        details: { number: r.number, status: r.status, ...details },
      });
    return hydrate(m, ReturnRequest, row);
  }
}
