import { DeliveryEffect, DeliveryEventType, DeliveryFacts, deliveryMachine, DeliveryStatus } from '@fulfilment/domain';
import { webhookOutbox } from '../notification/webhook-outbox';
import { actorLabel } from '../../common/actor';
import { appendEventsOfMany, defineEventStream, LifecycleEvent } from '../../common/aggregate-events';
import type { Tx } from '../../common/mutation';
import { hydrate } from '../../common/rows';
import { rowsJson } from '../../common/row-json';
import { fail } from '../../common/user-error';
import { WriteBatch } from '../../common/write-batch';
import { channelOf } from '../../live/topics';
import { CustomerNotice, OrderTransitions } from '../order/order-transitions';
import { Delivery } from './delivery.entity';
import { DeliveryEventMessage } from './delivery.events';

export interface DeliveryEventDraft extends LifecycleEvent {
  type: DeliveryEventType;
  from: DeliveryStatus | null;
  to: DeliveryStatus;
}

export const DELIVERY_EVENTS = defineEventStream<DeliveryEventMessage>({
  table: 'delivery_event',
  aggregateColumn: 'delivery_id',
  channel: channelOf('DELIVERY_EVENT'),
  outbox: webhookOutbox('delivery.status_changed', { deliveryId: 'Delivery', orderId: 'Order', runId: 'DeliveryRun' }),
  message: {
    id: 'e.id::text',
    deliveryId: 'e.delivery_id',
    deliveryNumber: 'a.number',
    orderId: 'a.order_id',
    runId: `coalesce(a.run_id::text, '')`,
    zone: 'a.zone',
    sequence: 'e.sequence',
    type: 'e.type',
    fromStatus: 'e.from_status',
    toStatus: 'e.to_status',
    reason: 'e.reason',
    actor: 'e.actor',
    createdAt: `to_char(e.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
  },
});

/** Facts for steps whose guards look at nothing in particular. */
export const NO_DELIVERY_FACTS: DeliveryFacts = { hasProof: false, runStarted: false, destinationBlocked: false };

/** What the customer is told when a delivery step does not move the order itself. */
const CUSTOMER_MESSAGE: Partial<Record<DeliveryStatus, (d: Delivery) => { text: string; notice: CustomerNotice }>> = {
  OUT_FOR_DELIVERY: (d) => ({ text: `Delivery ${d.number} is on its way`, notice: { event: 'OUT_FOR_DELIVERY' } }),
  DELIVERED: (d) => ({ text: `Delivery ${d.number} was delivered`, notice: { event: 'DELIVERED' } }),
  EXCEPTION: (d) => ({
    text: `Delivery ${d.number} could not be made (${d.exceptionReason}); we will arrange it again`,
    notice: { event: 'DELIVERY_EXCEPTION', facts: { exceptionReason: d.exceptionReason ?? '' } },
  }),
};

/** One delivery being changed in one transaction: its steps and the events they write. */
export class DeliveryChange {
  readonly events: DeliveryEventDraft[] = [];
  /** The run's remaining stops need new ETAs (a stop ended or left it). */
  recomputeRun = false;
  /** An order event of this change already told the customer. */
  private customerTold = false;

  constructor(
    readonly tx: Tx,
    readonly delivery: Delivery,
  ) {}

  /** Records an event that is not a step (created, planned, late risk, rated). */
  record(type: DeliveryEventType, reason: string | null): void {
    this.events.push({
      type,
      from: type === 'CREATED' ? null : this.delivery.status,
      to: this.delivery.status,
      reason,
    });
  }

  markCustomerTold(): void {
    this.customerTold = true;
  }

  get toldCustomer(): boolean {
    return this.customerTold;
  }
}

/**
 * The one way a delivery changes status: each step through deliveryMachine, its event, its effects
 * (the order moves along SHIPPED → OUT_FOR_DELIVERY → DELIVERED; the customer is told); many
 * deliveries are written in one statement (planning, a run leaving).
 */
export class DeliveryTransitions {
  constructor(private readonly orders: OrderTransitions) {}

  private readonly effects: Record<DeliveryEffect, (c: DeliveryChange) => Promise<void>> = {
    ORDER_OUT_FOR_DELIVERY: async (c) => {
      const [o]: { status: string }[] = await c.tx.m.query(`SELECT status FROM orders WHERE id = $1`, [
        c.delivery.orderId,
      ]);
      if (o?.status !== 'SHIPPED') return;
      await this.orders.apply(c.tx, c.delivery.orderId, 'OUT_FOR_DELIVERY', `${c.delivery.number} is on its way`);
      c.markCustomerTold();
    },
    // The order is delivered when none of its parts is still to come: every shipment shipped and
    // every own-fleet delivery of it delivered.
    ORDER_DELIVERED: async (c) => {
      const [o]: { status: string; open: number }[] = await c.tx.m.query(
        `SELECT o.status,
                (SELECT count(*)::int FROM shipment s WHERE s.order_id = o.id AND s.status NOT IN ('SHIPPED', 'CANCELLED'))
                + (SELECT count(*)::int FROM delivery d WHERE d.order_id = o.id AND d.status <> 'DELIVERED' AND d.id <> $2)
                AS open
           FROM orders o WHERE o.id = $1`,
        [c.delivery.orderId, c.delivery.id],
      );
      if (!o || o.open > 0 || (o.status !== 'SHIPPED' && o.status !== 'OUT_FOR_DELIVERY')) return;
      await this.orders.apply(c.tx, c.delivery.orderId, 'DELIVERED', `${c.delivery.number} delivered`);
      c.markCustomerTold();
    },
    TELL_CUSTOMER: async (c) => {
      const message = CUSTOMER_MESSAGE[c.delivery.status];
      if (!c.toldCustomer && message) {
        const { text, notice } = message(c.delivery);
        await this.orders.tellCustomer(c.tx, c.delivery.orderId, text, notice);
      }
    },
    RECOMPUTE_RUN: async (c) => {
      c.recomputeRun = true;
    },
  };

  /** Tells the customer something about the delivery that is not a step (a new window). */
  async tellCustomerAbout(c: DeliveryChange, message: string, notice: CustomerNotice): Promise<void> {
    await this.orders.tellCustomer(c.tx, c.delivery.orderId, message, notice);
    c.markCustomerTold();
  }

  begin(tx: Tx, delivery: Delivery): DeliveryChange {
    return new DeliveryChange(tx, delivery);
  }

  /** Locks a delivery for a change; NOT_FOUND when there is none. */
  async lock(tx: Tx, id: string | null): Promise<DeliveryChange> {
    const [row] = id ? await tx.m.query(`SELECT * FROM delivery WHERE id = $1 FOR UPDATE`, [id]) : [];
    if (!row) fail('NOT_FOUND', 'No delivery with this id', ['input', 'deliveryId']);
    return this.begin(tx, hydrate(tx.m, Delivery, row));
  }

  /** Locks deliveries in id order (two callers never deadlock). */
  async lockMany(tx: Tx, ids: readonly string[]): Promise<DeliveryChange[]> {
    if (ids.length === 0) return [];
    const rows: Record<string, unknown>[] = await tx.m.query(
      `SELECT * FROM delivery WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`,
      [ids],
    );
    return rows.map((r) => this.begin(tx, hydrate(tx.m, Delivery, r)));
  }

  /** One step: refused by the table or a guard, the whole change fails with ILLEGAL_TRANSITION. */
  async move(c: DeliveryChange, to: DeliveryStatus, reason: string | null, facts = NO_DELIVERY_FACTS): Promise<void> {
    const d = c.delivery;
    const step = deliveryMachine.step(d.status, to, facts);
    if (!step.ok) fail('ILLEGAL_TRANSITION', `${d.number}: ${step.reason}`, ['input', 'deliveryId']);
    c.events.push({ type: 'STATUS_CHANGED', from: d.status, to, reason });
    d.status = to;
    for (const effect of step.effects) await this.effects[effect](c);
  }

  /** Writes the deliveries with their events (announced on commit), in one statement. */
  async saveMany(tx: Tx, changes: readonly DeliveryChange[]): Promise<Delivery[]> {
    const written = changes.filter((c) => c.events.length > 0);
    if (written.length === 0) return changes.map((c) => c.delivery);
    const { m, actor } = tx;
    const rows = rowsJson(
      m,
      Delivery,
      written.map((c) => ({ ...c.delivery, lastEventSequence: c.delivery.lastEventSequence + c.events.length })),
    );
    const batch = new WriteBatch();
    batch.add(
      'saved',
      `UPDATE delivery t SET status = d.status, run_id = d.run_id, stop_seq = d.stop_seq, locked = d.locked, eta = d.eta,
              late_risk = d.late_risk, window_start = d.window_start, window_end = d.window_end,
              exception_reason = d.exception_reason, exception_note = d.exception_note, exception_at = d.exception_at,
              out_at = d.out_at, delivered_at = d.delivered_at, on_time = d.on_time, rating = d.rating,
              rating_comment = d.rating_comment, rated_at = d.rated_at, trail = d.trail,
              last_event_sequence = d.last_event_sequence, updated_at = now()
         FROM jsonb_populate_recordset(null::delivery, $1::jsonb) AS d
        WHERE t.id = d.id RETURNING t.*`,
      [rows],
    );
    appendEventsOfMany(
      batch,
      DELIVERY_EVENTS,
      written.map((c) => ({ source: c.delivery, events: c.events })),
      actorLabel(actor),
      'saved',
    );
    const saved = await batch.run(m, 'SELECT * FROM saved');
    const byId = new Map(saved.map((r) => [r.id as string, hydrate(m, Delivery, r)]));
    return changes.map((c) => byId.get(c.delivery.id) ?? c.delivery);
  }
}
