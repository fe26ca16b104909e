import { EntityManager } from 'typeorm';
import { webhookOutbox } from '../notification/webhook-outbox';
import { deliveryZone, ORDER_PRIORITIES } from '@fulfilment/domain';
import { Actor, actorLabel } from '../../common/actor';
import { AUDIT_COLUMNS, auditValues } from '../../common/audit';
import { appendEvents, appendEventsOfMany, defineEventStream } from '../../common/aggregate-events';
import { stageNotifications } from '../notification/notification-outbox';
import { customerNotices, NoticedEvent } from './order-notices';
import { localId } from '../../common/global-id';
import { queryPrepared } from '../../common/prepared';
import { hydrate } from '../../common/rows';
import { WriteBatch } from '../../common/write-batch';
import { channelOf } from '../../live/topics';
import { OrderEventMessage } from './order.events';
import { Customer } from '../customer/customer.entity';
import { Product } from '../product/product.entity';
import { LineDraft } from '../stock/reservation.service';
import { StockRepository } from '../stock/stock.repository';
import { Order } from './order.entity';

/*
 * Hand-written SQL of the order hot path, justified by `npm run bench -- 1 2` (placement; see
 * docs/benchmarks.md): placing an order is five statements (read facts; insert order and lines and
 * lock the stock rows; decide the allocation in memory; write everything else in one statement;
 * commit), so hot SKUs stay locked for two round trips. Reads of lists are in order-query.service.ts,
 * everything else goes through TypeORM.
 */

/** Order events as the live topic carries them, built in SQL from the event row `e` and the order row `a`. */
export const ORDER_EVENTS = defineEventStream<OrderEventMessage>({
  table: 'order_event',
  aggregateColumn: 'order_id',
  channel: channelOf('ORDER_EVENT'),
  outbox: webhookOutbox('order.status_changed', { id: 'OrderEvent', orderId: 'Order' }),
  message: {
    id: 'e.id::text',
    orderId: 'e.order_id',
    orderNumber: 'a.number',
    sequence: 'e.sequence',
    type: 'e.type',
    fromStatus: 'e.from_status',
    toStatus: 'e.to_status',
    reason: 'e.reason',
    actor: 'e.actor',
    createdAt: `to_char(e.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
  },
});

export interface PlacementFacts {
  customer: Customer | null;
  products: Product[];
  regionServed: boolean;
  /** Zones closed to delivery now (usually none): an order to one is held. */
  blockedZones: string[];
}

/** The order row as placing it inserts it (everything but what review and allocation decide). */
export interface PlacedOrderRow {
  channel: string;
  customerId: string;
  delivery: { contactName: string; phone: string; address: string; city: string; region: string };
  paymentMethod: string;
  paymentStatus: string;
  priority: string;
  promisedBy: Date;
  allowBackorder: boolean;
  subtotalFen: number;
  deliveryFeeFen: number;
  totalFen: number;
  note: string | null;
  idempotencyKey: string | null;
  /** The caller placing the order: idempotency keys are unique per caller. */
  placedById: string;
  requestHash: string;
}

export class OrderRepository {
  constructor(private readonly stock: StockRepository) {}

  /** The customer, the ordered products and whether any warehouse serves the region: one round trip. */
  async placementFacts(
    m: EntityManager,
    customerId: string,
    skus: string[],
    region: string | null,
  ): Promise<PlacementFacts> {
    const [row]: {
      customer: Record<string, unknown> | null;
      products: Record<string, unknown>[];
      region_served: boolean;
      blocked_zones: string[];
    }[] = await queryPrepared(
      m,
      `SELECT (SELECT row_to_json(c) FROM customer c WHERE c.id = $1) AS customer,
              (SELECT coalesce(json_agg(p), '[]') FROM product p WHERE p.sku = ANY($2::text[])) AS products,
              EXISTS (SELECT 1 FROM warehouse w WHERE w.region = coalesce($3, (SELECT region FROM customer WHERE id = $1))) AS region_served,
              ARRAY(SELECT zone FROM blocked_area WHERE unblocked_at IS NULL) AS blocked_zones`,
      [localId(customerId, 'Customer'), skus, region],
    );
    return {
      customer: row.customer ? hydrate(m, Customer, row.customer) : null,
      products: row.products.map((p) => hydrate(m, Product, p)),
      regionServed: row.region_served,
      blockedZones: row.blocked_zones,
    };
  }

  /**
   * Inserts the order (claiming its idempotency key, unique per caller) and its lines, and locks the stock rows of its
   * products, in one statement. Null when the key is taken: a concurrent twin waits here, then finds
   * the key taken and answers with the first order.
   */
  async insertPlaced(
    m: EntityManager,
    o: PlacedOrderRow,
    drafts: LineDraft[],
  ): Promise<{ order: Order; levels: Record<string, unknown>[] } | null> {
    const inserted: Record<string, unknown>[] = await queryPrepared(
      m,
      `WITH o AS (
         INSERT INTO orders (number, channel, customer_id, delivery_contact_name, delivery_phone, delivery_address,
                             delivery_city, delivery_region, payment_method, payment_status, priority, promised_by,
                             status, allow_backorder, subtotal_fen, delivery_fee_fen, total_fen, note,
                             idempotency_key, request_hash, placed_by_id)
         VALUES ('SO' || to_char(now() AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDD') || '-' || lpad(nextval('order_number_seq')::text, 6, '0'),
                 $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'PENDING_REVIEW', $12, $13, $14, $15, $16, $17, $18, $27)
         ON CONFLICT (placed_by_id, idempotency_key) DO NOTHING RETURNING *),
       lines AS (
         INSERT INTO order_line (order_id, line_no, product_id, sku, product_name, spec, quantity, unit_price_fen)
         SELECT o.id, d.* FROM o, unnest($19::int[], $20::uuid[], $21::text[], $22::text[], $23::text[], $24::int[], $25::int[]) AS d),
       locked AS (${this.stock.lockedLevelsQuery('$26')})
       SELECT o.*, (SELECT json_agg(locked) FROM locked) AS locked_levels FROM o`,
      [
        o.channel,
        o.customerId,
        o.delivery.contactName,
        o.delivery.phone,
        o.delivery.address,
        o.delivery.city,
        o.delivery.region,
        o.paymentMethod,
        o.paymentStatus,
        o.priority,
        o.promisedBy,
        o.allowBackorder,
        o.subtotalFen,
        o.deliveryFeeFen,
        o.totalFen,
        o.note,
        o.idempotencyKey,
        o.requestHash,
        drafts.map((d) => d.lineNo),
        drafts.map((d) => d.product.id),
        drafts.map((d) => d.product.sku),
        drafts.map((d) => d.product.name),
        drafts.map((d) => d.product.spec),
        drafts.map((d) => d.quantity),
        drafts.map((d) => d.product.unitPriceFen),
        [...new Set(drafts.map((d) => d.product.id))],
        o.placedById,
      ],
    );
    if (inserted.length === 0) return null;
    return {
      order: hydrate(m, Order, inserted[0]),
      levels: (inserted[0].locked_levels ?? []) as Record<string, unknown>[],
    };
  }

  /**
   * Backorders waiting for these products, most urgent and oldest first, locked; orders another
   * transaction is busy with are skipped (they are tried again at the next arrival).
   */
  /**
   * Every backorder waiting for one of the products, locked, in release order: priority, then oldest.
   * None is skipped: an order locked by another transaction is waited for (skipping it lost its release).
   */
  async lockWaitingBackorders(m: EntityManager, productIds: string[]): Promise<Order[]> {
    return m
      .getRepository(Order)
      .createQueryBuilder('o')
      .where(`o.status = 'BACKORDERED'`)
      .andWhere('EXISTS (SELECT 1 FROM order_line l WHERE l.order_id = o.id AND l.product_id = ANY(:ids))', {
        ids: productIds,
      })
      .orderBy('array_position(:priorities::text[], o.priority)')
      .addOrderBy('o.createdAt', 'ASC')
      .addOrderBy('o.id', 'ASC')
      .setParameter('priorities', ORDER_PRIORITIES)
      .setLock('pessimistic_write')
      .getMany();
  }

  /**
   * Whether any warehouse or station serves the region, and whether the address lies in an area closed
   * to delivery (placementFacts asks the same inside its read).
   */
  async deliverable(
    m: EntityManager,
    region: string,
    address: { address: string; city: string },
  ): Promise<{ regionServed: boolean; areaBlocked: boolean }> {
    const [row]: { served: boolean; blocked: boolean }[] = await m.query(
      `SELECT EXISTS (SELECT 1 FROM warehouse w WHERE w.region = $1) AS served,
              EXISTS (SELECT 1 FROM blocked_area WHERE unblocked_at IS NULL AND zone IN ($2, $3)) AS blocked`,
      [region, deliveryZone(address.address, address.city), address.city],
    );
    return { regionServed: row.served, areaBlocked: row.blocked };
  }

  async lockMany(m: EntityManager, ids: string[]): Promise<Order[]> {
    if (ids.length === 0) return [];
    return m
      .getRepository(Order)
      .createQueryBuilder('o')
      .where('o.id = ANY(:ids)', { ids })
      .orderBy('o.id')
      .setLock('pessimistic_write')
      .getMany();
  }

  async lock(m: EntityManager, id: string): Promise<Order | null> {
    return m.getRepository(Order).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /**
   * Status steps of several orders without other changes (backorders a receipt allocated), their
   * events and notifications, as parts of `batch`, which the caller runs.
   */
  stageStatusChanges(
    batch: WriteBatch,
    changes: readonly { order: Order; events: NoticedEvent[] }[],
    actor: Actor,
  ): void {
    if (changes.length === 0) return;
    stageNotifications(
      batch,
      changes.flatMap((c) => customerNotices(c.order, c.events, c.order.lastEventSequence + 1)),
    );
    batch.add(
      'saved',
      `UPDATE orders o SET status = d.status, status_reason = d.reason, last_event_sequence = d.seq, updated_at = now()
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::int[]) AS d(id, status, reason, seq) WHERE o.id = d.id
       RETURNING o.*`,
      [
        changes.map((c) => c.order.id),
        changes.map((c) => c.order.status),
        changes.map((c) => c.order.statusReason),
        changes.map((c) => c.order.lastEventSequence + c.events.length),
      ],
    );
    appendEventsOfMany(
      batch,
      ORDER_EVENTS,
      changes.map((c) => ({ source: c.order, events: c.events })),
      actorLabel(actor),
      'saved',
    );
  }

  /**
   * Writes the order, its events, their notification (delivered on commit) and, for a person's or an
   * integrator's action, its audit row, together with what the batch already holds (reservations):
   * one statement, since it runs while stock rows are locked. Every column an order change may touch
   * is written; the rest (number, customer, channel, idempotency) never changes.
   */
  async save(
    m: EntityManager,
    order: Order,
    events: readonly NoticedEvent[],
    actor: Actor,
    action: string | null,
    batch: WriteBatch,
  ): Promise<Order> {
    stageNotifications(batch, customerNotices(order, events, order.lastEventSequence + 1));
    batch.add(
      'saved',
      `UPDATE orders SET status = $2, status_reason = $3, hold_reasons = $4, payment_status = $5, delivery_contact_name = $6,
              delivery_phone = $7, delivery_address = $8, delivery_city = $9, delivery_region = $10, note = $11, subtotal_fen = $12,
              delivery_fee_fen = $13, total_fen = $14, last_event_sequence = $15, updated_at = now()
        WHERE id = $1 RETURNING *`,
      [
        order.id,
        order.status,
        order.statusReason,
        order.holdReasons,
        order.paymentStatus,
        order.delivery.contactName,
        order.delivery.phone,
        order.delivery.address,
        order.delivery.city,
        order.delivery.region,
        order.note,
        order.subtotalFen,
        order.deliveryFeeFen,
        order.totalFen,
        order.lastEventSequence + events.length,
      ],
    );
    appendEvents(batch, ORDER_EVENTS, order, events, actorLabel(actor), 'saved');
    if (action) {
      const values = auditValues(actor, {
        action,
        targetType: 'Order',
        targetId: order.id,
        outcome: 'SUCCESS',
        details: { number: order.number, status: order.status },
      });
      batch.add(
        'audited',
        `INSERT INTO audit_log (${AUDIT_COLUMNS}) VALUES (${values.map((_, i) => `$${i + 1}`).join(', ')})`,
        values,
      );
    }
    const [row] = await batch.run(m, 'SELECT * FROM saved');
    return hydrate(m, Order, row);
  }
}
