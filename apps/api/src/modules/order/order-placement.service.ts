import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  areaBlocked,
  holdReasonText,
  initialPaymentStatus,
  orderTotals,
  promisedDeliveryBy,
  reviewOrder,
} from '@fulfilment/domain';
import { Actor } from '../../common/actor';
import { MutationResult, Mutations, Tx } from '../../common/mutation';
import { isRetryable, pgErrorCode } from '../../common/transaction';
import { fail, userError } from '../../common/user-error';
import { validateInput } from '../../common/validation';
import { ReservationService } from '../stock/reservation.service';
import { lockedLevel } from '../stock/stock.repository';
import { Order } from './order.entity';
import { PlaceOrderInput } from './order.inputs';
import { priceLines } from './order-pricing';
import { OrderRepository, PlacedOrderRow } from './order.repository';
import { OrderTransitions, reserverOf } from './order-transitions';

export type OrderResult = MutationResult<{ order: Order }>;

/** Placing orders: review, reservation and confirmation in one transaction, idempotent per caller and key. */
export class OrderPlacementService {
  constructor(
    private readonly ds: DataSource,
    private readonly mutations: Mutations,
    private readonly repo: OrderRepository,
    private readonly transitions: OrderTransitions,
    private readonly reservations: ReservationService,
  ) {}

  /**
   * Two statements, without a transaction: the facts with the stock levels as committed, the
   * allocation in memory, then one statement writing the order, its lines, reservations and everything
   * else, which locks the levels only while it runs and checks there that they have not moved. When they
   * have (or look short), the order is placed again in a transaction on locked levels: five statements
   * (facts; order, lines and stock locks; allocation in memory; the write; commit).
   */
  async placeOrder(input: PlaceOrderInput, actor: Actor): Promise<OrderResult> {
    const invalid = await validateInput(input);
    const requestHash = hashRequest(input);
    const spec = { action: 'PLACE_ORDER', targetType: 'Order', invalid };
    try {
      try {
        return await this.mutations.runAtomically(actor, spec, 2, async (tx) => ({
          order: await this.place(tx, input, requestHash, {}, true),
        }));
      } catch (e) {
        if (!isRetryable(e)) throw e;
        return await this.mutations.run(actor, spec, async (tx) => ({
          order: await this.place(tx, input, requestHash),
        }));
      }
    } catch (e) {
      if (e instanceof IdempotentReplay || (pgErrorCode(e) === '23505' && input.idempotencyKey))
        return this.replay(actor.principal!.id, input.idempotencyKey!, requestHash);
      throw e;
    }
  }

  /**
   * For other modules: places an order in the caller's transaction through the same review, reservation
   * and confirmation (an exchange's replacement, which keeps the prices paid and ships free).
   */
  placeWithin(tx: Tx, input: PlaceOrderInput, terms: PlacementTerms): Promise<Order> {
    return this.place(tx, input, hashRequest(input), terms);
  }

  /**
   * `unlocked`: in one statement (runAtomically): the levels come unlocked with the facts and the order
   * is inserted by the final write, which checks the levels under its locks (StockRepository.stage);
   * a shortage seen on them is not trusted (StaleRead).
   */
  private async place(
    tx: Tx,
    input: PlaceOrderInput,
    requestHash: string,
    terms: PlacementTerms = {},
    unlocked = false,
  ): Promise<Order> {
    const skus = [...new Set(input.lines.map((l) => l.sku))];
    const region = input.deliveryAddress?.region ?? null;
    const facts = await this.repo.placementFacts(tx.m, input.customerId, skus, region, unlocked);
    const customer = facts.customer ?? fail('NOT_FOUND', 'No customer with this id', ['input', 'customerId']);
    // The facts are this call's own rows: keeping a paid price changes nothing elsewhere.
    for (const p of facts.products) p.unitPriceFen = terms.unitPricesFen?.get(p.sku) ?? p.unitPriceFen;
    const drafts = priceLines(facts.products, input.lines, ['input', 'lines']);
    const now = new Date();
    if (input.promisedBy && input.promisedBy.getTime() <= now.getTime())
      fail('INVALID_INPUT', 'promisedBy must be in the future', ['input', 'promisedBy']);
    const totals = orderTotals(drafts.map((d) => ({ quantity: d.quantity, unitPriceFen: d.product.unitPriceFen })));
    if (terms.freeDelivery) Object.assign(totals, { deliveryFeeFen: 0, totalFen: totals.subtotalFen });
    const row: PlacedOrderRow = {
      channel: input.channel,
      customerId: customer.id,
      delivery: input.deliveryAddress ?? {
        contactName: customer.name,
        phone: customer.phone,
        address: customer.address,
        city: customer.city,
        region: customer.region,
      },
      paymentMethod: input.paymentMethod,
      paymentStatus: initialPaymentStatus(input.paymentMethod, input.paid),
      priority: input.priority,
      promisedBy: input.promisedBy ?? promisedDeliveryBy(input.priority, now),
      allowBackorder: input.allowBackorder,
      ...totals,
      note: input.note ?? null,
      idempotencyKey: input.idempotencyKey ?? null,
      placedById: tx.actor.principal!.id,
      requestHash,
    };
    let placed: { order: Order; levels: Record<string, unknown>[] } | null;
    if (facts.unlocked) {
      const { orderId, orderNumber, levels } = facts.unlocked;
      placed = { order: this.repo.created(tx.m, orderId, orderNumber, row), levels };
    } else {
      placed = await this.repo.insertPlaced(tx.m, row, drafts);
    }
    if (!placed) throw new IdempotentReplay();
    const { order } = placed;
    const change = this.transitions.begin(tx, order, undefined, unlocked ? drafts : undefined);
    const placedEvent = {
      type: 'PLACED',
      from: null,
      to: 'PENDING_REVIEW',
      reason: `Received via ${input.channel}`,
    } as const;
    change.record({ ...placedEvent });
    const levels = placed.levels.map((r) => lockedLevel(tx.m, r));
    change.reserved = await this.reservations.reserve(tx, reserverOf(order), drafts, change.batch, levels, unlocked);
    const holdReasons = reviewOrder({
      customerIsNew: customer.isNew,
      creditStatus: customer.creditStatus,
      paymentMethod: order.paymentMethod,
      paymentStatus: order.paymentStatus,
      totalFen: order.totalFen,
      regionServed: facts.regionServed,
      areaBlocked: facts.blockedZones.length > 0 && areaBlocked(facts.blockedZones, order.delivery),
    });
    if (holdReasons.length) {
      order.holdReasons = holdReasons;
      order.statusReason = holdReasonText(holdReasons);
      change.events[0].reason = `${placedEvent.reason}; held for review: ${order.statusReason}`;
    } else {
      await this.transitions.move(change, 'CONFIRMED', 'Passed automatic review');
    }
    return this.transitions.save(change, 'PLACE_ORDER');
  }

  /** The caller's own order under this key (another caller's key is not looked at). */
  private async replay(placedById: string, key: string, requestHash: string): Promise<OrderResult> {
    const order = await this.ds.getRepository(Order).findOneBy({ placedById, idempotencyKey: key });
    if (!order) throw new Error('idempotency key conflict without an order');
    if (order.requestHash !== requestHash) {
      return {
        userErrors: [
          userError('IDEMPOTENCY_KEY_REUSED', 'This idempotencyKey was already used for a different order', [
            'input',
            'idempotencyKey',
          ]),
        ],
      };
    }
    return { order, userErrors: [] };
  }
}

/** Terms another module places an order on: prices per SKU already paid, no delivery fee. */
export interface PlacementTerms {
  unitPricesFen?: ReadonlyMap<string, number>;
  freeDelivery?: boolean;
}

/** The idempotency key is taken: answer with the first order instead of placing another. */
class IdempotentReplay extends Error {}

function hashRequest(input: PlaceOrderInput): string {
  const { idempotencyKey: _key, ...rest } = input;
  return createHash('sha256').update(JSON.stringify(rest)).digest('hex');
}
