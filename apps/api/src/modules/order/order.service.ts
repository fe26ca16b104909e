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
import { queryPrepared } from '../../common/prepared';
import { hydrate } from '../../common/rows';
import { WriteBatch } from '../../common/write-batch';
import { CHANNELS } from '../../common/live-events';
import { inTransaction, pgErrorCode } from '../../common/transaction';
import { fail, UserError, UserErrorCode as C, UserFailure, userError } from '../../common/user-error';
import { validateInput } from '../../common/validation';
import { Actor, actorLabel } from '../../common/actor';
import { audit, AUDIT_COLUMNS, auditValues } from '../../common/audit';
import { Customer } from '../customer/customer.entity';
import { Product } from '../product/product.entity';
import { LockedLevel, lockedLevel, StockService } from '../stock/stock.service';
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

  /**
   * Places an order in one transaction of five statements: read the customer, prices and region; insert
   * the order and its lines and lock the stock rows; decide the allocation; write everything else in one
   * statement; commit. Hot SKUs queue on those row locks, so they are held for two round trips only.
   */
  async placeOrder(input: PlaceOrderInput, actor: Actor): Promise<OrderResult> {
    const invalid = await validateInput(input);
    if (invalid.length) return this.rejected(actor, 'PLACE_ORDER', invalid);
    const requestHash = hashRequest(input);
    try {
      return await this.run(actor, 'PLACE_ORDER', async (m) => {
        const facts = await this.placementFacts(m, input);
        const customer = facts.customer ?? fail(C.NOT_FOUND, 'No customer with this id', ['input', 'customerId']);
        const drafts = this.priceLines(facts.products, input.lines, ['input', 'lines']);
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
        const paymentStatus = initialPaymentStatus(input.paymentMethod, input.paid);

        // Claiming the idempotency key comes with the order row: a concurrent twin waits here, then
        // finds the key taken and answers with the first order.
        const inserted: Record<string, unknown>[] = await queryPrepared(m, 
          `WITH o AS (
             INSERT INTO orders (number, channel, customer_id, delivery_contact_name, delivery_phone, delivery_address,
                                 delivery_city, delivery_region, payment_method, payment_status, priority, promised_by,
                                 status, allow_backorder, subtotal_fen, delivery_fee_fen, total_fen, note,
                                 idempotency_key, request_hash)
             VALUES ('SO' || to_char(now() AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDD') || '-' || lpad(nextval('order_number_seq')::text, 6, '0'),
                     $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'PENDING_REVIEW', $12, $13, $14, $15, $16, $17, $18)
             ON CONFLICT (idempotency_key) DO NOTHING RETURNING *),
           lines AS (
             INSERT INTO order_line (order_id, line_no, product_id, sku, product_name, spec, quantity, unit_price_fen)
             SELECT o.id, d.* FROM o, unnest($19::int[], $20::uuid[], $21::text[], $22::text[], $23::text[], $24::int[], $25::int[]) AS d),
           locked AS (${this.stock.lockedLevelsQuery('$26')})
           SELECT o.*, (SELECT json_agg(locked) FROM locked) AS locked_levels FROM o`,
          [
            input.channel,
            customer.id,
            delivery.contactName,
            delivery.phone,
            delivery.address,
            delivery.city,
            delivery.region,
            input.paymentMethod,
            paymentStatus,
            input.priority,
            input.promisedBy ?? promisedDeliveryBy(input.priority, now),
            input.allowBackorder,
            totals.subtotalFen,
            totals.deliveryFeeFen,
            totals.totalFen,
            input.note ?? null,
            input.idempotencyKey ?? null,
            requestHash,
            drafts.map((d) => d.lineNo),
            drafts.map((d) => d.product.id),
            drafts.map((d) => d.product.sku),
            drafts.map((d) => d.product.name),
            drafts.map((d) => d.product.spec),
            drafts.map((d) => d.quantity),
            drafts.map((d) => d.product.unitPriceFen),
            [...new Set(drafts.map((d) => d.product.id))],
          ],
        );
        if (inserted.length === 0) throw new IdempotentReplay();
        const levels = ((inserted[0].locked_levels ?? []) as Record<string, unknown>[]).map(lockedLevel);
        const order = hydrate(m, Order, inserted[0]);
        const events: PendingEvent[] = [{ type: 'PLACED', from: null, to: 'PENDING_REVIEW', reason: `Received via ${input.channel}` }];
        const holdReasons = reviewOrder({
          customerIsNew: customer.isNew,
          creditStatus: customer.creditStatus,
          paymentMethod: order.paymentMethod,
          paymentStatus: order.paymentStatus,
          totalFen: order.totalFen,
          regionServed: facts.regionServed,
        });
        const batch = new WriteBatch();
        const reserved = await this.reserve(m, order, drafts, actor, batch, levels);
        this.applyReview(order, events, holdReasons, reserved);
        return { order: await this.save(m, order, events, actor, 'PLACE_ORDER', batch), userErrors: [] };
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
      const batch = new WriteBatch();
      await this.allocateConfirmed(m, order, events, actor, batch);
      return { order: await this.save(m, order, events, actor, 'APPROVE_ORDER', batch), userErrors: [] };
    });
  }

  async holdOrder(orderId: string, reason: string, actor: Actor): Promise<OrderResult> {
    const invalid = reasonErrors(reason);
    if (invalid.length) return this.rejected(actor, 'HOLD_ORDER', invalid);
    return this.run(actor, 'HOLD_ORDER', async (m) => {
      const order = await this.lockOrder(m, orderId);
      const events: PendingEvent[] = [];
      this.move(order, events, 'ON_HOLD', reason);
      return { order: await this.save(m, order, events, actor, 'HOLD_ORDER'), userErrors: [] };
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
      return { order: await this.save(m, order, events, actor, 'CANCEL_ORDER'), userErrors: [] };
    });
  }

  async updateOrder(input: UpdateOrderInput, actor: Actor): Promise<OrderResult> {
    const invalid = await validateInput(input);
    if (!input.lines && !input.deliveryAddress && input.note === undefined) {
      invalid.push(userError(C.NOTHING_TO_CHANGE, 'Give lines, deliveryAddress or note to change', ['input']));
    }
    if (invalid.length) return this.rejected(actor, 'UPDATE_ORDER', invalid);
    return this.run(actor, 'UPDATE_ORDER', async (m) => {
      const batch = new WriteBatch();
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
        await this.replaceLines(m, order, input.lines, moves, actor, batch);
        changed.push('lines');
      }
      const reason = `Changed ${changed.join(', ')}${input.reason ? `: ${input.reason}` : ''}`;
      const updated: PendingEvent = { type: 'UPDATED', from: statusBefore, to: statusBefore, reason };
      return { order: await this.save(m, order, [updated, ...moves], actor, 'UPDATE_ORDER', batch), userErrors: [] };
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
      const batch = new WriteBatch();
      if (!(await this.reserve(m, order, drafts, actor, batch))) continue;
      const events: PendingEvent[] = [];
      this.move(order, events, 'ALLOCATED', 'Goods arrived');
      await this.save(m, order, events, actor, null, batch);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Steps

  /**
   * Runs one order change in a transaction; its audit row is written by save() with the change. A
   * userError rolls the change back; the failed attempt is audited after.
   */
  private async run(actor: Actor, action: string, work: (m: EntityManager) => Promise<OrderResult>): Promise<OrderResult> {
    try {
      return await inTransaction(this.ds, work);
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

  private async lockOrder(m: EntityManager, globalId: string): Promise<Order> {
    const id = localId(globalId, 'Order');
    const order = id ? await m.getRepository(Order).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } }) : null;
    return order ?? fail(C.NOT_FOUND, 'No order with this id', ['input', 'orderId']);
  }

  /**
   * Reads what placing an order needs before any write, in one round trip: the customer, the ordered
   * products and whether any warehouse serves the delivery region.
   */
  private async placementFacts(m: EntityManager, input: PlaceOrderInput): Promise<{ customer: Customer | null; products: Product[]; regionServed: boolean }> {
    const [row]: { customer: Record<string, unknown> | null; products: Record<string, unknown>[]; region_served: boolean }[] = await queryPrepared(m, 
      `SELECT (SELECT row_to_json(c) FROM customer c WHERE c.id = $1) AS customer,
              (SELECT coalesce(json_agg(p), '[]') FROM product p WHERE p.sku = ANY($2::text[])) AS products,
              EXISTS (SELECT 1 FROM warehouse w WHERE w.region = coalesce($3, (SELECT region FROM customer WHERE id = $1))) AS region_served`,
      [localId(input.customerId, 'Customer'), [...new Set(input.lines.map((l) => l.sku))], input.deliveryAddress?.region ?? null],
    );
    return {
      customer: row.customer ? hydrate(m, Customer, row.customer) : null,
      products: row.products.map((p) => hydrate(m, Product, p)),
      regionServed: row.region_served,
    };
  }

  private async findProducts(m: EntityManager, lines: OrderLineInput[]): Promise<Product[]> {
    return m.getRepository(Product).findBy({ sku: In([...new Set(lines.map((l) => l.sku))]) });
  }

  /** Prices every line from the catalogue; unknown SKUs are named together. */
  private priceLines(products: Product[], lines: OrderLineInput[], field: string[]): LineDraft[] {
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
  private async reserve(m: EntityManager, order: Order, drafts: LineDraft[], actor: Actor, batch: WriteBatch, locked?: LockedLevel[]): Promise<boolean> {
    const levels = locked ?? (await this.stock.lockLevelsOfProducts(m, drafts.map((d) => d.product.id)));
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
    this.stock.stage(
      batch,
      result.allocations.map((a) => ({ level: byLevel.get(a.stockLevelId)!, reason: 'RESERVATION', onHandDelta: 0, reservedDelta: a.quantity, reference: order.number })),
      actor,
    );
    batch.add(
      'allocations',
      `INSERT INTO order_allocation (order_id, line_no, product_id, sku, warehouse_id, stock_level_id, quantity, status)
       SELECT $1, d.*, 'RESERVED' FROM unnest($2::int[], $3::uuid[], $4::text[], $5::uuid[], $6::uuid[], $7::int[]) AS d`,
      [
        order.id,
        result.allocations.map((a) => a.lineNo),
        result.allocations.map((a) => a.productId),
        result.allocations.map((a) => drafts.find((d) => d.lineNo === a.lineNo)!.product.sku),
        result.allocations.map((a) => a.warehouseId),
        result.allocations.map((a) => a.stockLevelId),
        result.allocations.map((a) => a.quantity),
      ],
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
  private applyReview(order: Order, events: PendingEvent[], reasons: HoldReason[], reserved: boolean): void {
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
  private async allocateConfirmed(m: EntityManager, order: Order, events: PendingEvent[], actor: Actor, batch: WriteBatch): Promise<void> {
    if (await this.hasReservations(m, order)) {
      this.move(order, events, 'ALLOCATED', 'Stock reserved');
      return;
    }
    const lines = await m.getRepository(OrderLine).find({ where: { orderId: order.id }, order: { lineNo: 'ASC' } });
    const reserved = await this.reserve(m, order, await this.draftsOf(m, lines), actor, batch);
    this.move(order, events, reserved ? 'ALLOCATED' : 'BACKORDERED', reserved ? 'Stock reserved' : 'Waiting for stock');
  }

  /**
   * Replaces the lines and re-reserves for them. Short stock fails the edit unless the order allows
   * backorders; a bigger total goes through review again.
   */
  private async replaceLines(m: EntityManager, order: Order, lines: OrderLineInput[], events: PendingEvent[], actor: Actor, batch: WriteBatch): Promise<void> {
    const drafts = this.priceLines(await this.findProducts(m, lines), lines, ['input', 'lines']);
    // Lock every stock level the edit touches, those it releases and those it reserves, in one go and
    // in id order like placing an order does. Locking the released levels first and the new ones later
    // deadlocked with concurrent orders, often enough under contention that retries ran out.
    const held = await m.getRepository(OrderAllocation).findBy({ orderId: order.id, status: 'RESERVED' });
    await this.stock.lockLevelsOfProducts(m, [...held.map((a) => a.productId), ...drafts.map((d) => d.product.id)]);
    await this.release(m, order, actor);
    await m.getRepository(OrderLine).delete({ orderId: order.id });
    await this.writeLines(m, order, drafts);
    const totalBefore = order.totalFen;
    Object.assign(order, orderTotals(drafts.map((d) => ({ quantity: d.quantity, unitPriceFen: d.product.unitPriceFen }))));

    const reserved = await this.reserve(m, order, drafts, actor, batch);
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

  /**
   * Writes the order, its events, their notification (delivered on commit) and, for a person's or an
   * integrator's action, its audit row, together with what the batch already holds (reservations):
   * one statement, since it runs while stock rows are locked.
   */
  private async save(m: EntityManager, order: Order, events: PendingEvent[], actor: Actor, action: string | null, batch = new WriteBatch()): Promise<Order> {
    const first = order.lastEventSequence + 1;
    order.lastEventSequence += events.length;
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
        order.lastEventSequence,
      ],
    );
    batch.add(
      'events',
      `INSERT INTO order_event (order_id, sequence, type, from_status, to_status, reason, actor)
       SELECT $1, d.*, $7 FROM unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::text[]) AS d RETURNING *`,
      [order.id, events.map((_, i) => first + i), events.map((e) => e.type), events.map((e) => e.from), events.map((e) => e.to), events.map((e) => e.reason), actorLabel(actor)],
    );
    batch.add(
      'event_notifications',
      `SELECT pg_notify($1, json_build_object('id', e.id::text, 'orderId', e.order_id, 'orderNumber', o.number, 'sequence', e.sequence,
                'type', e.type, 'fromStatus', e.from_status, 'toStatus', e.to_status, 'reason', e.reason, 'actor', e.actor,
                'createdAt', to_char(e.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))::text)
         FROM events e, saved o ORDER BY e.sequence`,
      [CHANNELS.ORDER_EVENT],
      true,
    );
    if (action) {
      const values = auditValues(actor, { action, targetType: 'Order', targetId: order.id, outcome: 'SUCCESS', details: { number: order.number, status: order.status } });
      batch.add('audited', `INSERT INTO audit_log (${AUDIT_COLUMNS}) VALUES (${values.map((_, i) => `$${i + 1}`).join(', ')})`, values);
    }
    const [row] = await batch.run(m, 'SELECT * FROM saved');
    return hydrate(m, Order, row);
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
