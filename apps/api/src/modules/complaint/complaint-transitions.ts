import { randomBytes } from 'node:crypto';
import {
  ComplaintEffect,
  ComplaintEventType,
  complaintMachine,
  ComplaintStatus,
  nextSlaCheckAt,
  pauseClock,
  readSla,
  restartClock,
  resumeClock,
  SlaClock,
} from '@fulfilment/domain';
import { actorLabel } from '../../common/actor';
import { appendEvents, appendEventsOfMany, defineEventStream, LifecycleEvent } from '../../common/aggregate-events';
import { audit } from '../../common/audit';
import type { Tx } from '../../common/mutation';
import { hydrate } from '../../common/rows';
import { fail } from '../../common/user-error';
import { WriteBatch } from '../../common/write-batch';
import { channelOf } from '../../live/topics';
import { NotificationDraft, stageNotifications } from '../notification/notification-outbox';
import { webhookOutbox } from '../notification/webhook-outbox';
import { Complaint } from './complaint.entity';
import { ComplaintEventMessage } from './complaint.events';

export interface ComplaintEventDraft extends LifecycleEvent {
  type: ComplaintEventType;
  from: ComplaintStatus | null;
  to: ComplaintStatus;
}

const ISO = (col: string) => `to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

export const COMPLAINT_EVENTS = defineEventStream<ComplaintEventMessage>({
  table: 'complaint_event',
  aggregateColumn: 'complaint_id',
  channel: channelOf('COMPLAINT_EVENT'),
  outbox: webhookOutbox('complaint.status_changed', { complaintId: 'Complaint' }),
  message: {
    id: 'e.id::text',
    complaintId: 'e.complaint_id',
    complaintNumber: 'a.number',
    sequence: 'e.sequence',
    type: 'e.type',
    fromStatus: 'e.from_status',
    toStatus: 'e.to_status',
    slaState: 'a.sla_state',
    dueAt: ISO('a.due_at'),
    reason: 'e.reason',
    actor: 'e.actor',
    createdAt: ISO('e.created_at'),
  },
});

/** One complaint being changed in one transaction: its steps, events and what the customer is told. */
export class ComplaintChange {
  readonly events: ComplaintEventDraft[] = [];
  readonly notices: Omit<NotificationDraft, 'sourceKey' | 'customerId' | 'orderId'>[] = [];
  /** A resolution asks for a satisfaction survey (the first resolution of the complaint only). */
  askSurvey = false;
  /** The survey's token, once one is asked for. */
  surveyToken: string | null = null;
  /** The sweep found a new state or deadline (saveClocks writes the wide row only then, or with events). */
  readingChanged = false;

  constructor(
    readonly tx: Tx,
    readonly complaint: Complaint,
    /** The moment of the change (the clock's now). */
    readonly now: number,
  ) {}

  record(type: ComplaintEventType, reason: string | null): void {
    this.events.push({
      type,
      from: type === 'OPENED' ? null : this.complaint.status,
      to: this.complaint.status,
      reason,
    });
  }
}

export function clockOf(c: Complaint): SlaClock {
  return {
    startedAt: c.startedAt.getTime(),
    openedAt: c.openedAt.getTime(),
    pausedMs: Number(c.pausedMs),
    pausedSince: c.pausedSince?.getTime() ?? null,
    respondedAt: c.respondedAt?.getTime() ?? null,
    resolvedAt: c.resolvedAt?.getTime() ?? null,
  };
}

/** Puts a clock on the complaint with what it reads now: state, current deadline, the sweep's next look. */
export function setClock(c: Complaint, clock: SlaClock, now: number): void {
  c.startedAt = new Date(clock.startedAt);
  c.pausedMs = clock.pausedMs;
  c.pausedSince = clock.pausedSince === null ? null : new Date(clock.pausedSince);
  c.respondedAt = clock.respondedAt === null ? null : new Date(clock.respondedAt);
  c.resolvedAt = clock.resolvedAt === null ? null : new Date(clock.resolvedAt);
  const r = readSla(c.slaPolicy, clock, now);
  c.slaState = r.state;
  c.dueAt = new Date(r.dueAt);
  const next = nextSlaCheckAt(c.slaPolicy, clock, now);
  c.nextCheckAt = next === null ? null : new Date(next);
}

/**
 * The one way a complaint changes: each step through complaintMachine, its event, and its effects
 * (the clock, and what the customer is told: the notification outbox, in the same transaction).
 */
export class ComplaintTransitions {
  private readonly effects: Record<ComplaintEffect, (c: ComplaintChange) => void> = {
    TELL_ACKNOWLEDGED: (c) => {
      const clock = { ...clockOf(c.complaint), respondedAt: c.now };
      setClock(c.complaint, clock, c.now);
      const r = readSla(c.complaint.slaPolicy, clock, c.now);
      c.notices.push({
        event: 'COMPLAINT_ACKNOWLEDGED',
        facts: { complaintNumber: c.complaint.number, resolveBy: new Date(r.resolutionDueAt).toISOString() },
      });
    },
    PAUSE_CLOCK: (c) => setClock(c.complaint, pauseClock(clockOf(c.complaint), c.now), c.now),
    RESUME_CLOCK: (c) => setClock(c.complaint, resumeClock(clockOf(c.complaint), c.now), c.now),
    STOP_CLOCK: (c) => setClock(c.complaint, { ...clockOf(c.complaint), resolvedAt: c.now }, c.now),
    RESTART_CLOCK: (c) => setClock(c.complaint, restartClock(clockOf(c.complaint), c.now), c.now),
    TELL_RESOLVED: (c) => {
      if (c.askSurvey) {
        c.surveyToken = randomBytes(18).toString('base64url');
        c.notices.push({ event: 'SURVEY_REQUEST', facts: { surveyToken: c.surveyToken } });
      }
      c.notices.unshift({
        event: 'COMPLAINT_RESOLVED',
        facts: {
          complaintNumber: c.complaint.number,
          outcome: c.complaint.outcome ?? '',
          reason: c.complaint.resolutionNote ?? '',
        },
      });
    },
  };

  begin(tx: Tx, complaint: Complaint, now = Date.now()): ComplaintChange {
    return new ComplaintChange(tx, complaint, now);
  }

  async lock(tx: Tx, id: string | null): Promise<ComplaintChange> {
    const [row] = id ? await tx.m.query(`SELECT * FROM complaint WHERE id = $1 FOR UPDATE`, [id]) : [];
    if (!row) fail('NOT_FOUND', 'No complaint with this id', ['input', 'complaintId']);
    return this.begin(tx, hydrate(tx.m, Complaint, row));
  }

  move(c: ComplaintChange, to: ComplaintStatus, reason: string | null): void {
    const k = c.complaint;
    const step = complaintMachine.step(k.status, to, {
      hasOwner: k.ownerId !== null,
      hasResolution: k.rootCause !== null && k.outcome !== null,
    });
    if (!step.ok) fail('ILLEGAL_TRANSITION', `${k.number}: ${step.reason}`, ['input', 'complaintId']);
    c.events.push({ type: 'STATUS_CHANGED', from: k.status, to, reason });
    k.status = to;
    if (to === 'CLOSED') k.closedAt = new Date(c.now);
    if (to === 'REOPENED') k.closedAt = null;
    for (const effect of step.effects) this.effects[effect](c);
  }

  /** Writes the complaint with its events (announced on commit), its notices and, with `action`, its audit row. */
  async save(c: ComplaintChange, action: string | null, details: Record<string, unknown> = {}): Promise<Complaint> {
    const { m, actor } = c.tx;
    const k = c.complaint;
    const batch = new WriteBatch();
    batch.add(
      'saved',
      `UPDATE complaint SET status = $2, owner_id = $3, department = $4, root_cause = $5, outcome = $6, resolution_note = $7,
              started_at = $8, paused_ms = $9, paused_since = $10, responded_at = $11, resolved_at = $12, closed_at = $13,
              sla_state = $14, due_at = $15, response_breached = $16, resolution_breached = $17,
              escalated_at = $18, last_event_sequence = $19, updated_at = now()
        WHERE id = $1 RETURNING *`,
      [
        k.id,
        k.status,
        k.ownerId,
        k.department,
        k.rootCause,
        k.outcome,
        k.resolutionNote,
        k.startedAt,
        k.pausedMs,
        k.pausedSince,
        k.respondedAt,
        k.resolvedAt,
        k.closedAt,
        k.slaState,
        k.dueAt,
        k.responseBreached,
        k.resolutionBreached,
        k.escalatedAt,
        k.lastEventSequence + c.events.length,
      ],
    );
    if (k.nextCheckAt !== undefined) addClocks(batch, [k]);
    const first = k.lastEventSequence + 1;
    if (c.surveyToken)
      batch.add(
        'survey',
        `INSERT INTO satisfaction_survey (token, subject, complaint_id, order_id, customer_id)
         VALUES ($1, 'COMPLAINT', $2, $3, $4) ON CONFLICT (complaint_id) DO NOTHING RETURNING id`,
        [c.surveyToken, k.id, k.orderId, k.customerId],
      );
    appendEvents(batch, COMPLAINT_EVENTS, k, c.events, actorLabel(actor), 'saved');
    stageNotifications(
      batch,
      c.notices.map((n, i) => ({
        ...n,
        sourceKey: `complaint:${k.id}:${first}:${i}`,
        customerId: k.customerId,
        orderId: k.orderId,
      })),
    );
    const [row] = await batch.run(m, 'SELECT * FROM saved');
    if (action)
      await audit(m, actor, {
        action,
        targetType: 'Complaint',
        targetId: k.id,
        outcome: 'SUCCESS',
        details: { number: k.number, status: k.status, ...details },
      });
    return hydrate(m, Complaint, row);
  }

  /**
   * Writes the sweep's readings of many complaints with their events in one statement: every next look
   * (`complaint_clock`), and state, deadline, breach flags and escalation only of those whose reading
   * changed (`readingChanged` or events), so a look that changes nothing leaves the wide row alone.
   */
  async saveClocks(tx: Tx, changes: readonly ComplaintChange[]): Promise<void> {
    if (changes.length === 0) return;
    const batch = new WriteBatch();
    const changed = changes.filter((c) => c.readingChanged || c.events.length > 0);
    const ks = changed.map((c) => c.complaint);
    batch.add(
      'saved',
      `UPDATE complaint k SET sla_state = d.state, due_at = d.due_at,
              response_breached = d.response_breached, resolution_breached = d.resolution_breached,
              escalated_at = d.escalated_at, last_event_sequence = d.seq, updated_at = now()
         FROM unnest($1::uuid[], $2::text[], $3::timestamptz[], $4::boolean[], $5::boolean[], $6::timestamptz[], $7::int[])
              AS d(id, state, due_at, response_breached, resolution_breached, escalated_at, seq)
        WHERE k.id = d.id
       RETURNING k.*`,
      [
        ks.map((k) => k.id),
        ks.map((k) => k.slaState),
        ks.map((k) => k.dueAt),
        ks.map((k) => k.responseBreached),
        ks.map((k) => k.resolutionBreached),
        ks.map((k) => k.escalatedAt),
        changed.map((c) => c.complaint.lastEventSequence + c.events.length),
      ],
    );
    addClocks(
      batch,
      changes.map((c) => c.complaint),
    );
    appendEventsOfMany(
      batch,
      COMPLAINT_EVENTS,
      changed.map((c) => ({ source: c.complaint, events: c.events })),
      actorLabel(tx.actor),
      'saved',
    );
    await batch.run(tx.m, 'SELECT count(*) FROM saved');
  }
}

/** The complaints' next looks into `complaint_clock`: set where there is one, removed where the clock stopped. */
function addClocks(batch: WriteBatch, ks: readonly Complaint[]): void {
  const set = ks.filter((k) => k.nextCheckAt);
  const stopped = ks.filter((k) => k.nextCheckAt === null);
  batch.add(
    'clock_set',
    `INSERT INTO complaint_clock (complaint_id, next_check_at) SELECT * FROM unnest($1::uuid[], $2::timestamptz[])
     ON CONFLICT (complaint_id) DO UPDATE SET next_check_at = EXCLUDED.next_check_at`,
    [set.map((k) => k.id), set.map((k) => k.nextCheckAt)],
  );
  batch.add('clock_stopped', `DELETE FROM complaint_clock WHERE complaint_id = ANY($1::uuid[])`, [
    stopped.map((k) => k.id),
  ]);
}
