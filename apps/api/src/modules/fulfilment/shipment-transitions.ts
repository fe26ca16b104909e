import { ShipmentEffect, ShipmentEventType, ShipmentFacts, shipmentMachine, ShipmentStatus } from '@fulfilment/domain';
import { webhookOutbox } from '../notification/webhook-outbox';
import { actorLabel } from '../../common/actor';
import { appendEventsOfMany, defineEventStream, LifecycleEvent } from '../../common/aggregate-events';
import type { Tx } from '../../common/mutation';
import { hydrate } from '../../common/rows';
import { fail } from '../../common/user-error';
import { WriteBatch } from '../../common/write-batch';
import { channelOf } from '../../live/topics';
import { ReservationService } from '../stock/reservation.service';
import { ShipmentEventMessage } from './fulfilment.events';
import { Shipment } from './shipment.entity';

export interface ShipmentEventDraft extends LifecycleEvent {
  type: ShipmentEventType;
  from: ShipmentStatus | null;
  to: ShipmentStatus;
}

export const SHIPMENT_EVENTS = defineEventStream<ShipmentEventMessage>({
  table: 'shipment_event',
  aggregateColumn: 'shipment_id',
  channel: channelOf('SHIPMENT_EVENT'),
  outbox: webhookOutbox('shipment.status_changed', { shipmentId: 'Shipment', orderId: 'Order' }),
  message: {
    id: 'e.id::text',
    shipmentId: 'e.shipment_id',
    shipmentNumber: 'a.number',
    orderId: 'a.order_id',
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

/** Facts for steps whose guards look at nothing (PICKED, CANCELLED). */
export const NO_SHIPMENT_FACTS: ShipmentFacts = {
  linesUnchecked: 0,
  openCheckErrors: 0,
  packages: 0,
  hasCarrier: false,
  hasTrackingNumber: false,
};

/** One shipment being changed in one transaction: its steps and the events they write. */
export class ShipmentChange {
  readonly events: ShipmentEventDraft[] = [];
  /** Shipment lines whose allocation goes back to waiting for a pick list (the shipment was given up). */
  releaseLines = false;

  constructor(
    readonly tx: Tx,
    readonly shipment: Shipment,
    readonly orderNumber: string,
  ) {}

  /** Records an event that is not a step (created, check results). */
  record(type: ShipmentEventType, reason: string | null): void {
    this.events.push({
      type,
      from: type === 'CREATED' ? null : this.shipment.status,
      to: this.shipment.status,
      reason,
    });
  }
}

const STAMPS: Partial<Record<ShipmentStatus, 'pickedAt' | 'checkedAt' | 'packedAt' | 'shippedAt'>> = {
  PICKED: 'pickedAt',
  CHECKED: 'checkedAt',
  PACKED: 'packedAt',
  SHIPPED: 'shippedAt',
};

/**
 * The one way a shipment changes stage: each step through shipmentMachine (no stage skipped), its
 * event, its effects; many shipments are written in one statement (a pick list completing).
 */
export class ShipmentTransitions {
  constructor(private readonly reservations: ReservationService) {}

  private readonly effects: Record<ShipmentEffect, (c: ShipmentChange) => Promise<void>> = {
    // Exactly the shipment's allocations leave the warehouse: on hand and reserved fall by them.
    CONSUME_STOCK: async (c) => {
      const rows: { allocation_id: string }[] = await c.tx.m.query(
        `SELECT allocation_id FROM shipment_line WHERE shipment_id = $1 AND NOT released`,
        [c.shipment.id],
      );
      const [order] = await c.tx.m.query(
        `SELECT id, number, delivery_region AS region, allow_backorder AS "allowBackorder" FROM orders WHERE id = $1`,
        [c.shipment.orderId],
      );
      await this.reservations.shipAllocations(
        c.tx,
        order,
        rows.map((r) => r.allocation_id),
      );
    },
  };

  begin(tx: Tx, shipment: Shipment, orderNumber: string): ShipmentChange {
    return new ShipmentChange(tx, shipment, orderNumber);
  }

  /** Locks a shipment for a change, with its order's number; NOT_FOUND when there is none. */
  async lock(tx: Tx, id: string | null): Promise<ShipmentChange> {
    const [row] = id
      ? await tx.m.query(
          `SELECT s.*, o.number AS order_number FROM shipment s JOIN orders o ON o.id = s.order_id
            WHERE s.id = $1 FOR UPDATE OF s`,
          [id],
        )
      : [];
    if (!row) fail('NOT_FOUND', 'No shipment with this id', ['input', 'shipmentId']);
    return this.begin(tx, hydrate(tx.m, Shipment, row), row.order_number);
  }

  /** One step: refused by the table or a guard, the whole change fails with ILLEGAL_TRANSITION. */
  async move(c: ShipmentChange, to: ShipmentStatus, reason: string | null, facts = NO_SHIPMENT_FACTS): Promise<void> {
    const s = c.shipment;
    const step = shipmentMachine.step(s.status, to, facts);
    if (!step.ok) fail('ILLEGAL_TRANSITION', `${s.number}: ${step.reason}`, ['input', 'shipmentId']);
    c.events.push({ type: 'STATUS_CHANGED', from: s.status, to, reason });
    s.status = to;
    const stamp = STAMPS[to];
    if (stamp) s[stamp] = new Date();
    if (to === 'CANCELLED') c.releaseLines = true;
    for (const effect of step.effects) await this.effects[effect](c);
  }

  /** Writes the shipments with their events (announced on commit), in one statement. */
  async saveMany(tx: Tx, changes: readonly ShipmentChange[]): Promise<Shipment[]> {
    if (changes.length === 0) return [];
    const { m, actor } = tx;
    const batch = new WriteBatch();
    const col = <T>(f: (s: Shipment) => T) => changes.map((c) => f(c.shipment));
    batch.add(
      'saved',
      `UPDATE shipment s SET status = d.status, outcome = d.outcome, carrier_id = d.carrier_id, method = d.method,
              tracking_number = d.tracking_number, picked_by = d.picked_by, checked_by = d.checked_by,
              packed_by = d.packed_by, shipped_by = d.shipped_by, picked_at = d.picked_at, checked_at = d.checked_at,
              packed_at = d.packed_at, shipped_at = d.shipped_at, last_event_sequence = d.seq, updated_at = now()
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::uuid[], $5::text[], $6::text[], $7::text[], $8::text[],
                     $9::text[], $10::text[], $11::timestamptz[], $12::timestamptz[], $13::timestamptz[],
                     $14::timestamptz[], $15::int[])
              AS d(id, status, outcome, carrier_id, method, tracking_number, picked_by, checked_by, packed_by, shipped_by,
                   picked_at, checked_at, packed_at, shipped_at, seq)
        WHERE s.id = d.id RETURNING s.*`,
      [
        col((s) => s.id),
        col((s) => s.status),
        col((s) => s.outcome),
        col((s) => s.carrierId),
        col((s) => s.method),
        col((s) => s.trackingNumber),
        col((s) => s.pickedBy),
        col((s) => s.checkedBy),
        col((s) => s.packedBy),
        col((s) => s.shippedBy),
        col((s) => s.pickedAt),
        col((s) => s.checkedAt),
        col((s) => s.packedAt),
        col((s) => s.shippedAt),
        changes.map((c) => c.shipment.lastEventSequence + c.events.length),
      ],
    );
    batch.add(
      'released',
      `UPDATE shipment_line SET released = true WHERE shipment_id = ANY($1::uuid[]) AND NOT released`,
      [changes.filter((c) => c.releaseLines).map((c) => c.shipment.id)],
    );
    appendEventsOfMany(
      batch,
      SHIPMENT_EVENTS,
      changes.map((c) => ({ source: c.shipment, events: c.events })),
      actorLabel(actor),
      'saved',
    );
    const rows = await batch.run(m, 'SELECT * FROM saved');
    return rows.map((r) => hydrate(m, Shipment, r));
  }
}
