import { In } from 'typeorm';
import {
  ADDRESS_EDITABLE_STATUSES,
  HoldReason,
  holdReasonText,
  LINE_EDITABLE_STATUSES,
  orderTotals,
  reviewOrder,
} from '@fulfilment/domain';
import { Actor } from '../../common/actor';
import { localId } from '../../common/global-id';
import { Mutations, Tx } from '../../common/mutation';
import { WriteBatch } from '../../common/write-batch';
import { fail, UserError, userError } from '../../common/user-error';
import { validateInput } from '../../common/validation';
import { Customer } from '../customer/customer.entity';
import { Product } from '../product/product.entity';
import { ReservationService } from '../stock/reservation.service';
import { Order } from './order.entity';
import { OrderAllocation } from './order-allocation.entity';
import { OrderLine } from './order-line.entity';
import { DeliveryAddressInput, OrderLineInput, UpdateOrderInput } from './order.inputs';
import { priceLines } from './order-pricing';
import { OrderResult } from './order-placement.service';
import { OrderRepository } from './order.repository';
import { OrderChange, OrderTransitions, reserverOf } from './order-transitions';

/** Customer service's changes to orders, and serving backorders when goods arrive. Placing: order-placement.service.ts. */
export class OrderService {
  constructor(
    private readonly mutations: Mutations,
    private readonly repo: OrderRepository,
    private readonly transitions: OrderTransitions,
    private readonly reservations: ReservationService,
  ) {}

  approveOrder(orderId: string, actor: Actor): Promise<OrderResult> {
    return this.mutations.run(actor, { action: 'APPROVE_ORDER', targetType: 'Order' }, async (tx) => {
      const change = this.transitions.begin(tx, await this.lockOrder(tx, orderId));
      const order = change.order;
      const reason = order.status === 'ON_HOLD' ? 'Released from hold' : 'Approved after review';
      order.holdReasons = [];
      await this.transitions.move(change, 'CONFIRMED', reason);
      return { order: await this.transitions.save(change, 'APPROVE_ORDER') };
    });
  }

  holdOrder(orderId: string, reason: string, actor: Actor): Promise<OrderResult> {
    return this.mutations.run(
      actor,
      { action: 'HOLD_ORDER', targetType: 'Order', invalid: reasonErrors(reason) },
      async (tx) => {
        const change = this.transitions.begin(tx, await this.lockOrder(tx, orderId));
        // PICKING → ON_HOLD belongs to the floor (a short pick nothing can make up), which gives the
        // shipments up first; a hold by hand would leave them live.
        if (change.order.status === 'PICKING')
          fail(
            'ILLEGAL_TRANSITION',
            `${change.order.number} is being picked; cancel its pick list (or the order) instead of holding it`,
            ['input', 'orderId'],
          );
        await this.transitions.move(change, 'ON_HOLD', reason);
        return { order: await this.transitions.save(change, 'HOLD_ORDER') };
      },
    );
  }

  cancelOrder(orderId: string, reason: string, actor: Actor): Promise<OrderResult> {
    return this.mutations.run(
      actor,
      { action: 'CANCEL_ORDER', targetType: 'Order', invalid: reasonErrors(reason) },
      async (tx) => {
        const change = this.transitions.begin(tx, await this.lockOrder(tx, orderId));
        await this.transitions.move(change, 'CANCELLED', reason);
        return { order: await this.transitions.save(change, 'CANCEL_ORDER') };
      },
    );
  }

  async updateOrder(input: UpdateOrderInput, actor: Actor): Promise<OrderResult> {
    const invalid = await validateInput(input);
    if (!input.lines && !input.deliveryAddress && input.note === undefined) {
      invalid.push(userError('NOTHING_TO_CHANGE', 'Give lines, deliveryAddress or note to change', ['input']));
    }
    return this.mutations.run(actor, { action: 'UPDATE_ORDER', targetType: 'Order', invalid }, async (tx) => {
      const change = this.transitions.begin(tx, await this.lockOrder(tx, input.orderId));
      const order = change.order;
      const statusBefore = order.status;
      const changed: string[] = [];
      if (input.deliveryAddress) {
        if (!ADDRESS_EDITABLE_STATUSES.includes(order.status)) {
          fail('NOT_EDITABLE', `The address cannot change once the order is ${order.status}`, [
            'input',
            'deliveryAddress',
          ]);
        }
        order.delivery = { ...input.deliveryAddress } as DeliveryAddressInput;
        changed.push('delivery address');
      }
      if (input.note !== undefined) {
        order.note = input.note || null;
        changed.push('note');
      }
      if (input.lines) {
        if (!LINE_EDITABLE_STATUSES.includes(order.status))
          fail('NOT_EDITABLE', `Lines cannot change once the order is ${order.status}`, ['input', 'lines']);
        await this.replaceLines(change, input.lines);
        changed.push('lines');
      }
      const reason = `Changed ${changed.join(', ')}${input.reason ? `: ${input.reason}` : ''}`;
      change.events.unshift({ type: 'UPDATED', from: statusBefore, to: statusBefore, reason });
      return { order: await this.transitions.save(change, 'UPDATE_ORDER') };
    });
  }

  /**
   * Gives goods that just arrived to waiting backorders first, most urgent and oldest first; the
   * STOCK_ADDED handler, so it runs in the transaction that added the stock.
   */
  /**
   * Allocates waiting backorders of the products, in release order (priority, then oldest); returns
   * the ids of those allocated. A receipt may release hundreds: their lines and every stock level they
   * need are read and locked once, each order is decided in memory against what the earlier ones took,
   * and all their writes go in one statement.
   */
  async allocateBackorders(tx: Tx, productIds: string[]): Promise<string[]> {
    const waiting = await this.repo.lockWaitingBackorders(tx.m, productIds);
    if (waiting.length === 0) return [];
    const drafts = await this.transitions.draftsOfOrders(
      tx.m,
      waiting.map((o) => o.id),
    );
    const levels = await this.reservations.lockProducts(
      tx.m,
      [...drafts.values()].flatMap((ds) => ds.map((d) => d.product.id)),
    );
    const batch = new WriteBatch();
    const reserved = new Set(
      this.reservations.reserveMany(
        tx,
        waiting.map((order) => ({ order: reserverOf(order), drafts: drafts.get(order.id) ?? [] })),
        levels,
        batch,
      ),
    );
    const changes = [];
    for (const order of waiting.filter((o) => reserved.has(o.id))) {
      const change = this.transitions.begin(tx, order, true);
      await this.transitions.move(change, 'ALLOCATED', 'Goods arrived');
      changes.push(change);
    }
    if (changes.length === 0) return [];
    this.repo.stageStatusChanges(batch, changes, tx.actor);
    await batch.run(tx.m, 'SELECT count(*) FROM saved');
    return changes.map((c) => c.order.id);
  }

  private async lockOrder(tx: Tx, globalId: string): Promise<Order> {
    const id = localId(globalId, 'Order');
    const order = id ? await this.repo.lock(tx.m, id) : null;
    return order ?? fail('NOT_FOUND', 'No order with this id', ['input', 'orderId']);
  }

  /**
   * Replaces the lines and re-reserves for them. Short stock fails the edit unless the order allows
   * backorders; a bigger total goes through review again.
   */
  private async replaceLines(change: OrderChange, lines: OrderLineInput[]): Promise<void> {
    const { tx, order } = change;
    const { m } = tx;
    const products = await m.getRepository(Product).findBy({ sku: In([...new Set(lines.map((l) => l.sku))]) });
    const drafts = priceLines(products, lines, ['input', 'lines']);
    // Lock every stock level the edit touches, those it releases and those it reserves, in one go and
    // in id order like placing an order does. Locking the released levels first and the new ones later
    // deadlocked with concurrent orders, often enough under contention that retries ran out.
    const held = await m.getRepository(OrderAllocation).findBy({ orderId: order.id, status: 'RESERVED' });
    await this.reservations.lockProducts(m, [...held.map((a) => a.productId), ...drafts.map((d) => d.product.id)]);
    await this.reservations.release(tx, reserverOf(order));
    await m.getRepository(OrderLine).delete({ orderId: order.id });
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
    const totalBefore = order.totalFen;
    Object.assign(
      order,
      orderTotals(drafts.map((d) => ({ quantity: d.quantity, unitPriceFen: d.product.unitPriceFen }))),
    );

    change.reserved = await this.reservations.reserve(tx, reserverOf(order), drafts, change.batch);
    if (order.status === 'ALLOCATED' && !change.reserved)
      await this.transitions.move(change, 'BACKORDERED', 'Not enough stock for the changed lines');
    else if (order.status === 'BACKORDERED' && change.reserved)
      await this.transitions.move(change, 'ALLOCATED', 'Stock reserved');

    if (order.totalFen > totalBefore && (order.status === 'ALLOCATED' || order.status === 'BACKORDERED')) {
      const reasons = await this.review(change);
      if (reasons.length) {
        order.holdReasons = reasons;
        await this.transitions.move(change, 'PENDING_REVIEW', `Changed order needs review: ${holdReasonText(reasons)}`);
      }
    }
  }

  private async review({ tx, order }: OrderChange): Promise<HoldReason[]> {
    const customer = await tx.m.getRepository(Customer).findOneByOrFail({ id: order.customerId });
    return reviewOrder({
      customerIsNew: customer.isNew,
      creditStatus: customer.creditStatus,
      paymentMethod: order.paymentMethod,
      paymentStatus: order.paymentStatus,
      totalFen: order.totalFen,
      ...(await this.repo.deliverable(tx.m, order.delivery.region, order.delivery)),
    });
  }
}

function reasonErrors(reason: string): UserError[] {
  if (!reason.trim()) return [userError('INVALID_INPUT', 'a reason is required', ['input', 'reason'])];
  if (reason.length > 500) return [userError('TOO_LONG', 'reason must be at most 500 characters', ['input', 'reason'])];
  return [];
}
