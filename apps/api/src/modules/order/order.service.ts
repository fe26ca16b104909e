import { createHash } from 'node:crypto';
import { DataSource, EntityManager, In } from 'typeorm';
import {
  allocate,
  canTransition,
  HoldReason,
  initialPaymentStatus,
  LINE_EDITABLE_STATUSES,
  ADDRESS_EDITABLE_STATUSES,
  OrderStatus,
  orderTotals,
  promisedDeliveryBy,
  reviewOrder,
} from '@fulfilment/domain';
import { localId } from '../../common/global-id';
import { notifyOnCommit, OrderEventMessage } from '../../common/live-events';
import { inTransaction, pgErrorCode } from '../../common/transaction';
import { fail, UserError, UserErrorCode as C, UserFailure, userError } from '../../common/user-error';
import { validateInput } from '../../common/validation';
import { Actor, actorLabel } from '../access/principal';
import { audit } from '../audit/audit';
import { Customer } from '../customer/customer.entity';
import { Product } from '../product/product.entity';
import { LockedLevel, StockService } from '../stock/stock.service';
import { Order } from './order.entity';
import { OrderAllocation } from './order-allocation.entity';
import { OrderEvent } from './order-event.entity';
import { OrderLine } from './order-line.entity';
import { DeliveryAddressInput, OrderLineInput, PlaceOrderInput, UpdateOrderInput } from './order.inputs';

export interface OrderResult {
  order: Order | null;
  userErrors: UserError[];
}

interface PendingEvent {
  type: OrderEvent['type'];
  from: OrderStatus | null;
  to: OrderStatus;
  reason: string | null;
}

/** A priced line before it is written. */
interface LineDraft {
  lineNo: number;
  product: Product;
  quantity: number;
}

const HOLD_REASON_TEXT: Record<HoldReason, string> = {
  NEW_CUSTOMER_CREDIT_CHECK: 'New customer: credit check needed before this order goes through',
  CREDIT_BLOCKED: "Customer's credit is blocked",
  PAYMENT_PENDING: 'Online payment not received yet',
  UNDELIVERABLE_REGION: 'No warehouse or station serves the delivery region',
  LARGE_ORDER: 'Large order: a person must confirm it',
};

export class OrderService {
  constructor(
    private readonly ds: DataSource,
    private readonly stock: StockService,
  ) {}

  // ---------------------------------------------------------------------------------------------
  // Mutations

  async placeOrder(input: PlaceOrderInput, actor: Actor): Promise<OrderResult> {
    const invalid = await validateInput(input);
    if (invalid.length) return this.rejected(actor, 'PLACE_ORDER', invalid);
    const requestHash = hashRequest(input);
    try {
      return await this.run(actor, 'PLACE_ORDER', async (m) => {
        const customer = await this.findCustomer(m, input.customerId, ['input', 'customerId']);
        const drafts = await this.priceLines(m, input.lines, ['input', 'lines']);
        const delivery = input.deliveryAddress ?? {
          contactName: customer.name,
          phone: customer.phone,
          address: customer.address,
          city: customer.city,
          region: customer.region,
        };
        const now = new Date();
        if (input.promisedBy && input.promisedBy.getTime() <= now.getTime()) {
          fail(C.INVALID_INPUT, 'promisedBy must be in the future', ['input', 'promisedBy']);
        }
        const totals = orderTotals(drafts.map((d) => ({ quantity: d.quantity, unitPriceFen: d.product.unitPriceFen })));

        // Claim the idempotency key first: a concurrent twin waits here and then finds the key taken.
        const inserted: { id: string }[] = await m.query(
          `INSERT INTO orders (number, channel, customer_id, delivery_contact_name, delivery_phone, delivery_address,
                               delivery_city, delivery_region, payment_method, payment_status, priority, promised_by,
                               status, allow_backorder, subtotal_fen, delivery_fee_fen, total_fen, note,
                               idempotency_key, request_hash)
           VALUES ('SO' || to_char(now() AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDD') || '-' || lpad(nextval('order_number_seq')::text, 6, '0'),
                   $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'PENDING_REVIEW', $12, $13, $14, $15, $16, $17, $18)
           ON CONFLICT (idempotency_key) DO NOTHING RETURNING id`,
          [
            input.channel,
            customer.id,
            delivery.contactName,
            delivery.phone,
            delivery.address,
            delivery.city,
            delivery.region,
            input.paymentMethod,
            initialPaymentStatus(input.paymentMethod, input.paid),
            input.priority,
            input.promisedBy ?? promisedDeliveryBy(input.priority, now),
            input.allowBackorder,
            totals.subtotalFen,
            totals.deliveryFeeFen,
            totals.totalFen,
            input.note ?? null,
            input.idempotencyKey ?? null,
            requestHash,
          ],
        );
        if (inserted.length === 0) throw new IdempotentReplay();
        const order = await m.getRepository(Order).findOneByOrFail({ id: inserted[0].id });
        const events: PendingEvent[] = [{ type: 'PLACED', from: null, to: 'PENDING_REVIEW', reason: `Received via ${input.channel}` }];
        await this.writeLines(m, order, drafts);

        const reserved = await this.reserve(m, order, drafts, actor);
        await this.reviewAndConfirm(m, order, customer, events, reserved);
        return { order: await this.save(m, order, events, actor), userErrors: [] };
      });
    } catch (e) {
      if (e instanceof IdempotentReplay || (pgErrorCode(e) === '23505' && input.idempotencyKey)) {
        return this.replay(input.idempotencyKey!, requestHash);
      }
      throw e;
    }
  }

  async approveOrder(orderId: string, actor: Actor): Promise<OrderResult> {
    return this.run(actor, 'APPROVE_ORDER', async (m) => {
      const order = await this.lockOrder(m, orderId);
      if (order.status !== 'PENDING_REVIEW' && order.status !== 'ON_HOLD') {
        fail(C.ILLEGAL_TRANSITION, `Only orders pending review or on hold can be approved; this one is ${order.status}`, ['input', 'orderId']);
      }
      const events: PendingEvent[] = [];
      order.holdReasons = [];
      this.move(order, events, 'CONFIRMED', order.status === 'ON_HOLD' ? 'Released from hold' : 'Approved after review');
      await this.allocateConfirmed(m, order, events, actor);
      return { order: await this.save(m, order, events, actor), userErrors: [] };
    });
  }

  async holdOrder(orderId: string, reason: string, actor: Actor): Promise<OrderResult> {
    const invalid = reasonErrors(reason);
    if (invalid.length) return this.rejected(actor, 'HOLD_ORDER', invalid);
    return this.run(actor, 'HOLD_ORDER', async (m) => {
      const order = await this.lockOrder(m, orderId);
      const events: PendingEvent[] = [];
      this.move(order, events, 'ON_HOLD', reason);
      return { order: await this.save(m, order, events, actor), userErrors: [] };
    });
  }

  async cancelOrder(orderId: string, reason: string, actor: Actor): Promise<OrderResult> {
    const invalid = reasonErrors(reason);
    if (invalid.length) return this.rejected(actor, 'CANCEL_ORDER', invalid);
    return this.run(actor, 'CANCEL_ORDER', async (m) => {
      const order = await this.lockOrder(m, orderId);
      const events: PendingEvent[] = [];
      this.move(order, events, 'CANCELLED', reason);
      await this.release(m, order, actor);
      if (order.paymentStatus === 'PAID') order.paymentStatus = 'REFUNDED';
      return { order: await this.save(m, order, events, actor), userErrors: [] };
    });
  }

  async updateOrder(input: UpdateOrderInput, actor: Actor): Promise<OrderResult> {
    const invalid = await validateInput(input);
    if (!input.lines && !input.deliveryAddress && input.note === undefined) {
      invalid.push(userError(C.NOTHING_TO_CHANGE, 'Give lines, deliveryAddress or note to change', ['input']));
    }
    if (invalid.length) return this.rejected(actor, 'UPDATE_ORDER', invalid);
    return this.run(actor, 'UPDATE_ORDER', async (m) => {
      const order = await this.lockOrder(m, input.orderId);
      const statusBefore = order.status;
      const moves: PendingEvent[] = [];
      const changed: string[] = [];
      if (input.deliveryAddress) {
        if (!ADDRESS_EDITABLE_STATUSES.includes(order.status)) {
          fail(C.NOT_EDITABLE, `The address cannot change once the order is ${order.status}`, ['input', 'deliveryAddress']);
        }
        order.delivery = { ...input.deliveryAddress } as DeliveryAddressInput;
        changed.push('delivery address');
      }
      if (input.note !== undefined) {
        order.note = input.note || null;
        changed.push('note');
      }
      if (input.lines) {
        if (!LINE_EDITABLE_STATUSES.includes(order.status)) {
          fail(C.NOT_EDITABLE, `Lines cannot change once the order is ${order.status}`, ['input', 'lines']);
        }
        await this.replaceLines(m, order, input.lines, moves, actor);
        changed.push('lines');
      }
      const reason = `Changed ${changed.join(', ')}${input.reason ? `: ${input.reason}` : ''}`;
      const updated: PendingEvent = { type: 'UPDATED', from: statusBefore, to: statusBefore, reason };
      return { order: await this.save(m, order, [updated, ...moves], actor), userErrors: [] };
    });
  }

  /**
   * Gives goods that just arrived to waiting backorders first, oldest (and most urgent) first. Orders
   * another transaction is busy with are skipped; they are tried again at the next arrival.
   */
  async allocateBackorders(m: EntityManager, productIds: string[], actor: Actor): Promise<void> {
    const waiting = await m
      .getRepository(Order)
      .createQueryBuilder('o')
      .where(`o.status = 'BACKORDERED'`)
      .andWhere('EXISTS (SELECT 1 FROM order_line l WHERE l.order_id = o.id AND l.product_id = ANY(:ids))', { ids: productIds })
      .orderBy(`CASE o.priority WHEN 'URGENT' THEN 0 WHEN 'HIGH' THEN 1 ELSE 2 END`)
      .addOrderBy('o.createdAt', 'ASC')
      .limit(100)
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getMany();
    for (const order of waiting) {
      const lines = await m.getRepository(OrderLine).find({ where: { orderId: order.id }, order: { lineNo: 'ASC' } });
      const drafts = await this.draftsOf(m, lines);
      if (!(await this.reserve(m, order, drafts, actor))) continue;
      const events: PendingEvent[] = [];
      this.move(order, events, 'ALLOCATED', 'Goods arrived');
      await this.save(m, order, events, actor);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Steps

  /**
   * Runs one order change in a transaction that also writes its audit row. A userError rolls the
   * change back; the failed attempt is audited after.
   */
  private async run(actor: Actor, action: string, work: (m: EntityManager) => Promise<OrderResult>): Promise<OrderResult> {
    try {
      return await inTransaction(this.ds, async (m) => {
        const result = await work(m);
        const o = result.order!;
        await audit(m, actor, { action, targetType: 'Order', targetId: o.id, outcome: 'SUCCESS', details: { number: o.number, status: o.status } });
        return result;
      });
    } catch (e) {
      if (e instanceof UserFailure) return this.rejected(actor, action, e.errors);
      throw e;
    }
  }

  private async rejected(actor: Actor, action: string, userErrors: UserError[]): Promise<OrderResult> {
    await audit(this.ds, actor, { action, targetType: 'Order', outcome: 'FAILURE', details: { codes: userErrors.map((e) => e.code) } });
    return { order: null, userErrors };
  }

  private async replay(key: string, requestHash: string): Promise<OrderResult> {
    const order = await this.ds.getRepository(Order).findOneBy({ idempotencyKey: key });
    if (!order) throw new Error('idempotency key conflict without an order');
    if (order.requestHash !== requestHash) {
      return {
        order: null,
        userErrors: [userError(C.IDEMPOTENCY_KEY_REUSED, 'This idempotencyKey was already used for a different order', ['input', 'idempotencyKey'])],
      };
    }
    return { order, userErrors: [] };
  }

  private async findCustomer(m: EntityManager, globalId: string, field: string[]): Promise<Customer> {
    const id = localId(globalId, 'Customer');
    const customer = id ? await m.getRepository(Customer).findOneBy({ id }) : null;
    return customer ?? fail(C.NOT_FOUND, 'No customer with this id', field);
  }

  private async lockOrder(m: EntityManager, globalId: string): Promise<Order> {
    const id = localId(globalId, 'Order');
    const order = id ? await m.getRepository(Order).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } }) : null;
    return order ?? fail(C.NOT_FOUND, 'No order with this id', ['input', 'orderId']);
  }

  /** Looks up the SKUs and prices every line from the catalogue; unknown SKUs are named together. */
  private async priceLines(m: EntityManager, lines: OrderLineInput[], field: string[]): Promise<LineDraft[]> {
    const products = await m.getRepository(Product).findBy({ sku: In([...new Set(lines.map((l) => l.sku))]) });
    const bySku = new Map(products.map((p) => [p.sku, p]));
    const errors: UserError[] = [];
    lines.forEach((l, i) => {
      const p = bySku.get(l.sku);
      if (!p) errors.push(userError(C.UNKNOWN_SKU, `Unknown SKU ${l.sku}`, [...field, i, 'sku']));
      else if (!p.active) errors.push(userError(C.PRODUCT_INACTIVE, `${l.sku} is no longer sold`, [...field, i, 'sku']));
    });
    if (errors.length) throw new UserFailure(errors);
    return lines.map((l, i) => ({ lineNo: i + 1, product: bySku.get(l.sku)!, quantity: l.quantity }));
  }

  private async draftsOf(m: EntityManager, lines: OrderLine[]): Promise<LineDraft[]> {
    const products = await m.getRepository(Product).findBy({ id: In(lines.map((l) => l.productId)) });
    const byId = new Map(products.map((p) => [p.id, p]));
    return lines.map((l) => ({ lineNo: l.lineNo, product: byId.get(l.productId)!, quantity: l.quantity }));
  }

  private async writeLines(m: EntityManager, order: Order, drafts: LineDraft[]): Promise<void> {
    await m.getRepository(OrderLine).insert(
      drafts.map((d) => ({
        orderId: order.id,
        lineNo: d.lineNo,
        productId: d.product.id,
        sku: d.product.sku,
        productName: d.product.name,
        spec: d.product.spec,
        quantity: d.quantity,
        unitPriceFen: d.product.unitPriceFen,
      })),
    );
  }

  /**
   * Reserves every line, region first, splitting across warehouses. Returns false when stock is short:
   * then nothing is reserved, and unless the order allows backorders the whole transaction fails with
   * OUT_OF_STOCK naming the short SKUs.
   */
  private async reserve(m: EntityManager, order: Order, drafts: LineDraft[], actor: Actor): Promise<boolean> {
    const levels: LockedLevel[] = await this.stock.lockLevelsOfProducts(m, drafts.map((d) => d.product.id));
    const result = allocate(
      drafts.map((d) => ({ lineNo: d.lineNo, productId: d.product.id, quantity: d.quantity })),
      levels,
      order.delivery.region,
    );
    if (result.shortages.length) {
      if (order.allowBackorder) return false;
      throw new UserFailure(
        result.shortages.map((s) => {
          const d = drafts.find((x) => x.lineNo === s.lineNo)!;
          return userError(C.OUT_OF_STOCK, `Only ${s.available} of ${d.product.sku} available, ${s.requested} ordered`, ['input', 'lines', s.lineNo - 1, 'quantity']);
        }),
      );
    }
    const byLevel = new Map(levels.map((l) => [l.stockLevelId, l.level]));
    await this.stock.apply(
      m,
      result.allocations.map((a) => ({ level: byLevel.get(a.stockLevelId)!, reason: 'RESERVATION', onHandDelta: 0, reservedDelta: a.quantity, reference: order.number })),
      actor,
    );
    await m.getRepository(OrderAllocation).insert(
      result.allocations.map((a) => ({
        orderId: order.id,
        lineNo: a.lineNo,
        productId: a.productId,
        sku: drafts.find((d) => d.lineNo === a.lineNo)!.product.sku,
        warehouseId: a.warehouseId,
        stockLevelId: a.stockLevelId,
        quantity: a.quantity,
        status: 'RESERVED' as const,
      })),
    );
    return true;
  }

  /** Gives back every reservation the order holds. */
  private async release(m: EntityManager, order: Order, actor: Actor): Promise<void> {
    const held = await m.getRepository(OrderAllocation).findBy({ orderId: order.id, status: 'RESERVED' });
    if (held.length === 0) return;
    const levels = await this.stock.lockLevels(m, held.map((a) => a.stockLevelId));
    await this.stock.apply(
      m,
      held.map((a) => ({ level: levels.get(a.stockLevelId)!, reason: 'RELEASE', onHandDelta: 0, reservedDelta: -a.quantity, reference: order.number })),
      actor,
    );
    await m.getRepository(OrderAllocation).update({ orderId: order.id, status: 'RESERVED' }, { status: 'RELEASED' });
  }

  private async hasReservations(m: EntityManager, order: Order): Promise<boolean> {
    return m.getRepository(OrderAllocation).existsBy({ orderId: order.id, status: 'RESERVED' });
  }

  /** Automatic review: passing orders are confirmed and allocated; others wait for customer service. */
  private async reviewAndConfirm(m: EntityManager, order: Order, customer: Customer, events: PendingEvent[], reserved: boolean): Promise<void> {
    const reasons = await this.review(m, order, customer);
    if (reasons.length) {
      order.holdReasons = reasons;
      order.statusReason = reasons.map((r) => HOLD_REASON_TEXT[r]).join('; ');
      events[events.length - 1].reason = `${events[events.length - 1].reason ?? ''}; held for review: ${order.statusReason}`;
      return;
    }
    this.move(order, events, 'CONFIRMED', 'Passed automatic review');
    if (reserved) this.move(order, events, 'ALLOCATED', 'Stock reserved');
    else this.move(order, events, 'BACKORDERED', 'Waiting for stock');
  }

  private async review(m: EntityManager, order: Order, customer: Customer): Promise<HoldReason[]> {
    const served: { n: number }[] = await m.query(`SELECT count(*)::int AS n FROM warehouse WHERE region = $1`, [order.delivery.region]);
    return reviewOrder({
      customerIsNew: customer.isNew,
      creditStatus: customer.creditStatus,
      paymentMethod: order.paymentMethod,
      paymentStatus: order.paymentStatus,
      totalFen: order.totalFen,
      regionServed: served[0].n > 0,
    });
  }

  /** CONFIRMED → ALLOCATED when stock is (or can now be) reserved, else → BACKORDERED. */
  private async allocateConfirmed(m: EntityManager, order: Order, events: PendingEvent[], actor: Actor): Promise<void> {
    if (await this.hasReservations(m, order)) {
      this.move(order, events, 'ALLOCATED', 'Stock reserved');
      return;
    }
    const lines = await m.getRepository(OrderLine).find({ where: { orderId: order.id }, order: { lineNo: 'ASC' } });
    const reserved = await this.reserve(m, order, await this.draftsOf(m, lines), actor);
    this.move(order, events, reserved ? 'ALLOCATED' : 'BACKORDERED', reserved ? 'Stock reserved' : 'Waiting for stock');
  }

  /**
   * Replaces the lines and re-reserves for them. Short stock fails the edit unless the order allows
   * backorders; a bigger total goes through review again.
   */
  private async replaceLines(m: EntityManager, order: Order, lines: OrderLineInput[], events: PendingEvent[], actor: Actor): Promise<void> {
    const drafts = await this.priceLines(m, lines, ['input', 'lines']);
    await this.release(m, order, actor);
    await m.getRepository(OrderLine).delete({ orderId: order.id });
    await this.writeLines(m, order, drafts);
    const totalBefore = order.totalFen;
    Object.assign(order, orderTotals(drafts.map((d) => ({ quantity: d.quantity, unitPriceFen: d.product.unitPriceFen }))));

    const reserved = await this.reserve(m, order, drafts, actor);
    if (order.status === 'ALLOCATED' && !reserved) this.move(order, events, 'BACKORDERED', 'Not enough stock for the changed lines');
    else if (order.status === 'BACKORDERED' && reserved) this.move(order, events, 'ALLOCATED', 'Stock reserved');

    if (order.totalFen > totalBefore && (order.status === 'ALLOCATED' || order.status === 'BACKORDERED')) {
      const customer = await m.getRepository(Customer).findOneByOrFail({ id: order.customerId });
      const reasons = await this.review(m, order, customer);
      if (reasons.length) {
        order.holdReasons = reasons;
        this.move(order, events, 'PENDING_REVIEW', `Changed order needs review: ${reasons.map((r) => HOLD_REASON_TEXT[r]).join('; ')}`);
      }
    }
  }

  /** Applies one step of the transition table; an illegal step fails the whole change. */
  private move(order: Order, events: PendingEvent[], to: OrderStatus, reason: string | null): void {
    if (!canTransition(order.status, to)) {
      fail(C.ILLEGAL_TRANSITION, `An order that is ${order.status} cannot become ${to}`, ['input', 'orderId']);
    }
    events.push({ type: 'STATUS_CHANGED', from: order.status, to, reason });
    order.status = to;
    order.statusReason = reason;
  }

  /** Writes the order and its events, and queues their notification for commit. */
  private async save(m: EntityManager, order: Order, events: PendingEvent[], actor: Actor): Promise<Order> {
    const first = order.lastEventSequence + 1;
    order.lastEventSequence += events.length;
    await m.getRepository(Order).update(order.id, {
      status: order.status,
      statusReason: order.statusReason,
      holdReasons: order.holdReasons,
      paymentStatus: order.paymentStatus,
      delivery: order.delivery,
      note: order.note,
      subtotalFen: order.subtotalFen,
      deliveryFeeFen: order.deliveryFeeFen,
      totalFen: order.totalFen,
      lastEventSequence: order.lastEventSequence,
    });
    const rows: OrderEvent[] = await m.getRepository(OrderEvent).save(
      events.map((e, i) =>
        m.getRepository(OrderEvent).create({ orderId: order.id, sequence: first + i, type: e.type, fromStatus: e.from, toStatus: e.to, reason: e.reason, actor: actorLabel(actor) }),
      ),
    );
    await notifyOnCommit(
      m,
      'ORDER_EVENT',
      rows.map(
        (r): OrderEventMessage => ({
          id: r.id,
          orderId: order.id,
          orderNumber: order.number,
          sequence: r.sequence,
          type: r.type,
          fromStatus: r.fromStatus,
          toStatus: r.toStatus,
          reason: r.reason,
          actor: r.actor,
          createdAt: r.createdAt.toISOString(),
        }),
      ),
    );
    return m.getRepository(Order).findOneByOrFail({ id: order.id });
  }
}

/** The idempotency key is taken: answer with the first order instead of placing another. */
class IdempotentReplay extends Error {}

function hashRequest(input: PlaceOrderInput): string {
  const { idempotencyKey: _key, ...rest } = input;
  return createHash('sha256').update(JSON.stringify(rest)).digest('hex');
}

function reasonErrors(reason: string): UserError[] {
  if (!reason.trim()) return [userError(C.INVALID_INPUT, 'a reason is required', ['input', 'reason'])];
  if (reason.length > 500) return [userError(C.TOO_LONG, 'reason must be at most 500 characters', ['input', 'reason'])];
  return [];
}
