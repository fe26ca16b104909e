import { webhookOutbox } from '../notification/webhook-outbox';
import {
  PurchaseOrderEffect,
  PurchaseOrderEventType,
  PurchaseOrderFacts,
  purchaseOrderMachine,
  PurchaseOrderStatus,
  standingBlocksOrders,
  SupplierStanding,
} from '@fulfilment/domain';
import { actorLabel } from '../../common/actor';
import { appendEvents, defineEventStream, LifecycleEvent } from '../../common/aggregate-events';
import { audit } from '../../common/audit';
import type { Tx } from '../../common/mutation';
import { hydrate } from '../../common/rows';
import { fail } from '../../common/user-error';
import { WriteBatch } from '../../common/write-batch';
import { channelOf } from '../../live/topics';
import { PurchaseOrder } from './purchase-order.entity';
import { PurchaseOrderEventMessage } from './purchasing.events';

export interface PurchaseOrderEventDraft extends LifecycleEvent {
  type: PurchaseOrderEventType;
  from: PurchaseOrderStatus | null;
  to: PurchaseOrderStatus;
}

export const PURCHASE_ORDER_EVENTS = defineEventStream<PurchaseOrderEventMessage>({
  table: 'purchase_order_event',
  aggregateColumn: 'purchase_order_id',
  channel: channelOf('PURCHASE_ORDER_EVENT'),
  outbox: webhookOutbox('purchase_order.status_changed', {
    purchaseOrderId: 'PurchaseOrder',
    supplierId: 'Supplier',
    warehouseId: 'Warehouse',
  }),
  message: {
    id: 'e.id::text',
    purchaseOrderId: 'e.purchase_order_id',
    purchaseOrderNumber: 'a.number',
    supplierId: 'a.supplier_id',
    warehouseId: 'a.warehouse_id',
    sequence: 'e.sequence',
    type: 'e.type',
    fromStatus: 'e.from_status',
    toStatus: 'e.to_status',
    reason: 'e.reason',
    actor: 'e.actor',
    createdAt: `to_char(e.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
  },
});

/** One purchase order being changed in one transaction: its steps and the events they write. */
export class PurchaseOrderChange {
  readonly events: PurchaseOrderEventDraft[] = [];

  constructor(
    readonly tx: Tx,
    readonly po: PurchaseOrder,
  ) {}

  /** Records an event that is not a step (created, expedited, goods received). */
  record(type: PurchaseOrderEventType, reason: string | null): void {
    this.events.push({ type, from: this.po.status, to: this.po.status, reason });
  }
}

const STAMPS: Partial<
  Record<PurchaseOrderStatus, 'sentAt' | 'confirmedAt' | 'receivedAt' | 'closedAt' | 'cancelledAt'>
> = { SENT: 'sentAt', CONFIRMED: 'confirmedAt', RECEIVED: 'receivedAt', CLOSED: 'closedAt', CANCELLED: 'cancelledAt' };

/**
 * The one way a purchase order changes status: each step goes through purchaseOrderMachine with facts
 * read from its lines and supplier in this transaction, writes its event, and carries out its effects.
 */
export class PurchaseOrderTransitions {
  private readonly effects: Record<PurchaseOrderEffect, (c: PurchaseOrderChange) => Promise<void>> = {
    // Promised dates freeze with confirmed_at (a trigger refuses later changes); expected dates start from them.
    FREEZE_PROMISES: async (c) => {
      await c.tx.m.query(
        `UPDATE purchase_order_line SET expected_date = coalesce(expected_date, promised_date) WHERE purchase_order_id = $1`,
        [c.po.id],
      );
    },
    // Requirements ordered on a cancelled order are open again, so the next run counts them and nothing is lost.
    RELEASE_REQUIREMENTS: async (c) => {
      await c.tx.m.query(
        `UPDATE purchase_requirement SET status = 'OPEN', purchase_order_id = NULL, updated_at = now()
          WHERE purchase_order_id = $1 AND status = 'ORDERED'`,
        [c.po.id],
      );
    },
  };

  begin(tx: Tx, po: PurchaseOrder): PurchaseOrderChange {
    return new PurchaseOrderChange(tx, po);
  }

  /** Locks a purchase order for a change; NOT_FOUND when there is none. */
  async lock(tx: Tx, id: string | null, field: string[] = ['input', 'purchaseOrderId']): Promise<PurchaseOrder> {
    const [row] = id ? await tx.m.query(`SELECT * FROM purchase_order WHERE id = $1 FOR UPDATE`, [id]) : [];
    return row ? hydrate(tx.m, PurchaseOrder, row) : fail('NOT_FOUND', 'No purchase order with this id', field);
  }

  async facts(c: PurchaseOrderChange): Promise<PurchaseOrderFacts> {
    const [f] = await c.tx.m.query(
      `SELECT count(*)::int AS lines,
              count(*) FILTER (WHERE l.promised_date IS NULL)::int AS "linesWithoutPromise",
              coalesce(sum(l.received_qty), 0)::int AS received,
              coalesce(sum(greatest(l.quantity - l.accepted_qty, 0)), 0)::int AS outstanding,
              (SELECT s.standing FROM supplier s WHERE s.id = $2) AS standing
         FROM purchase_order_line l WHERE l.purchase_order_id = $1`,
      [c.po.id, c.po.supplierId],
    );
    return {
      lines: f.lines,
      linesWithoutPromise: f.linesWithoutPromise,
      received: f.received,
      outstanding: f.outstanding,
      overrideReason: c.po.overrideReason,
      supplierBlocked: standingBlocksOrders(f.standing as SupplierStanding),
    };
  }

  /** One step: refused by the table or a guard, the whole change fails with ILLEGAL_TRANSITION. */
  async move(c: PurchaseOrderChange, to: PurchaseOrderStatus, reason: string | null): Promise<void> {
    const po = c.po;
    const step = purchaseOrderMachine.step(po.status, to, await this.facts(c));
    if (!step.ok) fail('ILLEGAL_TRANSITION', step.reason, ['input', 'purchaseOrderId']);
    c.events.push({ type: 'STATUS_CHANGED', from: po.status, to, reason });
    po.status = to;
    const stamp = STAMPS[to];
    if (stamp) po[stamp] = new Date();
    if (to === 'CANCELLED' || to === 'CLOSED') po.statusReason = reason;
    for (const effect of step.effects) await this.effects[effect](c);
  }

  /** Writes the order with its events (announced on commit) and, with `action`, its audit row. */
  async save(
    c: PurchaseOrderChange,
    action: string | null,
    details: Record<string, unknown> = {},
  ): Promise<PurchaseOrder> {
    const { m, actor } = c.tx;
    const po = c.po;
    const batch = new WriteBatch();
    batch.add(
      'saved',
      `UPDATE purchase_order p SET status = $2, status_reason = $3, override_reason = $4, note = $5, sent_at = $6, confirmed_at = $7,
              received_at = $8, closed_at = $9, cancelled_at = $10, last_expedited_at = $11, last_event_sequence = $12,
              overdue_flagged_at = $13,
              total_fen = (SELECT coalesce(sum(quantity::bigint * unit_price_fen), 0) FROM purchase_order_line WHERE purchase_order_id = p.id),
              expected_date = (SELECT min(expected_date) FROM purchase_order_line
                                WHERE purchase_order_id = p.id AND accepted_qty < quantity),
              updated_at = now()
        WHERE id = $1 RETURNING *`,
      [
        po.id,
        po.status,
        po.statusReason,
        po.overrideReason,
        po.note,
        po.sentAt,
        po.confirmedAt,
        po.receivedAt,
        po.closedAt,
        po.cancelledAt,
        po.lastExpeditedAt,
        po.lastEventSequence + c.events.length,
        po.overdueFlaggedAt,
      ],
    );
    appendEvents(batch, PURCHASE_ORDER_EVENTS, po, c.events, actorLabel(actor), 'saved');
    const [row] = await batch.run(m, 'SELECT * FROM saved');
    const saved = hydrate(m, PurchaseOrder, row);
    if (action)
      await audit(m, actor, {
        action,
        targetType: 'PurchaseOrder',
        targetId: po.id,
        outcome: 'SUCCESS',
        details: { number: po.number, status: po.status, ...details },
      });
    return saved;
  }
}
