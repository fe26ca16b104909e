import { EntityManager, In } from 'typeorm';
import { NotificationEvent, OrderEffect, orderMachine, OrderStatus } from '@fulfilment/domain';
import type { OrderEventType } from '../../common/enums';
import type { LifecycleEvent } from '../../common/aggregate-events';
import type { Tx } from '../../common/mutation';
import { fail } from '../../common/user-error';
import { WriteBatch } from '../../common/write-batch';
import { Product } from '../product/product.entity';
import { LineDraft, ReservationService, Reserver } from '../stock/reservation.service';
import { Order } from './order.entity';
import { OrderLine } from './order-line.entity';
import { OrderRepository } from './order.repository';

export interface OrderEventDraft extends LifecycleEvent {
  type: OrderEventType;
  from: OrderStatus | null;
  to: OrderStatus;
  /** What the customer is told about a DELIVERY_UPDATE (status changes and placing are told by rule). */
  notice?: CustomerNotice;
}

/** A customer notification an order event carries. */
export interface CustomerNotice {
  event: NotificationEvent;
  facts?: Record<string, string>;
}

/**
 * One order being changed in one transaction: the steps it takes, the events they write and the
 * writes batched for the final statement. Made by OrderTransitions.begin, written by save.
 */
export class OrderChange {
  readonly events: OrderEventDraft[] = [];
  readonly batch = new WriteBatch();

  constructor(
    readonly tx: Tx,
    readonly order: Order,
    /** Whether every line has stock reserved, where the change knows it (placing, editing, effects). */
    public reserved: boolean | undefined,
  ) {}

  /** Records an event that is not a step (the order was placed or edited). */
  record(event: OrderEventDraft): void {
    this.events.push(event);
  }
}

/**
 * The one way an order changes status, for the order module and every other (delivery marks orders
 * SHIPPED and DELIVERED through apply()): each step goes through orderMachine (table, guards), writes
 * its event, and carries out the step's effects in the same transaction.
 */
export class OrderTransitions {
  constructor(
    private readonly repo: OrderRepository,
    private readonly reservations: ReservationService,
  ) {}

  /** What each named effect of orderMachine does; a missing one does not compile. */
  private readonly effects: Record<OrderEffect, (c: OrderChange) => Promise<void>> = {
    ALLOCATE: async (c) => {
      c.reserved ??=
        (await this.reservations.hasReservations(c.tx.m, c.order.id)) ||
        (await this.reservations.reserve(c.tx, reserverOf(c.order), await this.draftsOf(c), c.batch));
      await this.move(c, c.reserved ? 'ALLOCATED' : 'BACKORDERED', c.reserved ? 'Stock reserved' : 'Waiting for stock');
    },
    RELEASE_STOCK: async (c) => {
      await this.reservations.release(c.tx, reserverOf(c.order));
      c.reserved = false;
    },
    REFUND_PAYMENT: async (c) => {
      if (c.order.paymentStatus === 'PAID') c.order.paymentStatus = 'REFUNDED';
    },
    SHIP_STOCK: async (c) => {
      await this.reservations.ship(c.tx, reserverOf(c.order));
      c.reserved = false;
    },
  };

  begin(tx: Tx, order: Order, reserved?: boolean): OrderChange {
    return new OrderChange(tx, order, reserved);
  }

  /** One step: refused by the table or a guard, the whole change fails with ILLEGAL_TRANSITION. */
  async move(c: OrderChange, to: OrderStatus, reason: string | null): Promise<void> {
    const o = c.order;
    const step = orderMachine.step(o.status, to, {
      holdReasons: o.holdReasons,
      reserved: c.reserved ?? false,
      allowBackorder: o.allowBackorder,
    });
    if (!step.ok) fail('ILLEGAL_TRANSITION', step.reason, ['input', 'orderId']);
    c.events.push({ type: 'STATUS_CHANGED', from: o.status, to, reason });
    // Fulfilment gives up the order's shipments (or refuses when a part has left).
    if (to === 'CANCELLED' && (o.status === 'PICKING' || o.status === 'PACKED'))
      await c.tx.emit('ORDER_CANCELLED_ON_FLOOR', { orderId: o.id, orderNumber: o.number });
    o.status = to;
    o.statusReason = reason;
    for (const effect of step.effects) await this.effects[effect](c);
  }

  /** Writes the order with its events (and their notification on commit); `action` adds its audit row. */
  save(c: OrderChange, action: string | null): Promise<Order> {
    return this.repo.save(c.tx.m, c.order, c.events, c.tx.actor, action, c.batch);
  }

  /**
   * For other modules: locks the order, moves it to `to` with its effects and writes it, in the
   * caller's transaction. `orderId` is the order's database id.
   */
  async apply(tx: Tx, orderId: string, to: OrderStatus, reason: string, action: string | null = null): Promise<Order> {
    const order =
      (await this.repo.lock(tx.m, orderId)) ?? fail('NOT_FOUND', 'No order with this id', ['input', 'orderId']);
    const change = this.begin(tx, order, await this.reservations.hasReservations(tx.m, order.id));
    await this.move(change, to, reason);
    return this.save(change, action);
  }

  /**
   * For other modules: records what the customer is told about the order without a status change
   * (a DELIVERY_UPDATE event, live on orderStatusChanged), in the caller's transaction.
   */
  async tellCustomer(tx: Tx, orderId: string, message: string, notice: CustomerNotice): Promise<Order> {
    const order =
      (await this.repo.lock(tx.m, orderId)) ?? fail('NOT_FOUND', 'No order with this id', ['input', 'orderId']);
    const change = this.begin(tx, order);
    change.record({ type: 'DELIVERY_UPDATE', from: order.status, to: order.status, reason: message, notice });
    return this.save(change, null);
  }

  /** For other modules: locks orders (in id order, so two callers never deadlock), by database id. */
  lockMany(tx: Tx, orderIds: string[]): Promise<Order[]> {
    return this.repo.lockMany(tx.m, orderIds);
  }

  /**
   * For other modules: moves orders the caller locked (lockMany) to `to`, each step through the
   * machine with its effects, and writes them with their events in one statement (a pick list of
   * hundreds of orders).
   */
  async moveMany(tx: Tx, orders: Order[], to: OrderStatus, reason: string): Promise<void> {
    if (orders.length === 0) return;
    const batch = new WriteBatch();
    const changes: OrderChange[] = [];
    for (const order of orders) {
      const change = this.begin(tx, order, true);
      await this.move(change, to, reason);
      changes.push(change);
    }
    this.repo.stageStatusChanges(batch, changes, tx.actor);
    await batch.run(tx.m, 'SELECT count(*) FROM saved');
  }

  /** The order's lines with their products, as reserving them needs. */
  async draftsOf(c: OrderChange): Promise<LineDraft[]> {
    return (await this.draftsOfOrders(c.tx.m, [c.order.id])).get(c.order.id) ?? [];
  }

  /**
   * The lines of several orders with their products, in three statements; units a part of the order
   * already shipped are not wanted again (an order sent back to BACKORDERED after a short pick).
   */
  async draftsOfOrders(m: EntityManager, orderIds: string[]): Promise<Map<string, LineDraft[]>> {
    const lines = await m
      .getRepository(OrderLine)
      .find({ where: { orderId: In(orderIds) }, order: { orderId: 'ASC', lineNo: 'ASC' } });
    const products = await m.getRepository(Product).findBy({ id: In([...new Set(lines.map((l) => l.productId))]) });
    const shipped: { order_id: string; line_no: number; q: number }[] = await m.query(
      `SELECT order_id, line_no, sum(quantity)::int AS q FROM order_allocation
        WHERE order_id = ANY($1::uuid[]) AND status = 'SHIPPED' GROUP BY 1, 2`,
      [orderIds],
    );
    const gone = new Map(shipped.map((r) => [`${r.order_id}:${r.line_no}`, r.q]));
    const byId = new Map(products.map((p) => [p.id, p]));
    const drafts = new Map<string, LineDraft[]>(orderIds.map((id) => [id, []]));
    for (const l of lines) {
      const quantity = l.quantity - (gone.get(`${l.orderId}:${l.lineNo}`) ?? 0);
      if (quantity > 0) drafts.get(l.orderId)!.push({ lineNo: l.lineNo, product: byId.get(l.productId)!, quantity });
    }
    return drafts;
  }
}

export function reserverOf(order: Order): Reserver {
  return { id: order.id, number: order.number, region: order.delivery.region, allowBackorder: order.allowBackorder };
}
