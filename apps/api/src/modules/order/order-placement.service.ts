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
import { pgErrorCode } from '../../common/transaction';
import { fail, userError } from '../../common/user-error';
import { validateInput } from '../../common/validation';
import { ReservationService } from '../stock/reservation.service';
import { lockedLevel } from '../stock/stock.repository';
import { Order } from './order.entity';
import { PlaceOrderInput } from './order.inputs';
import { priceLines } from './order-pricing';
import { OrderRepository } from './order.repository';
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
   * Five statements (order.repository.ts): facts; order, lines and stock locks; allocation in memory;
   * one write of everything else; commit.
   */
  async placeOrder(input: PlaceOrderInput, actor: Actor): Promise<OrderResult> {
    const invalid = await validateInput(input);
    const requestHash = hashRequest(input);
    try {
      return await this.mutations.run(actor, { action: 'PLACE_ORDER', targetType: 'Order', invalid }, async (tx) => ({
        order: await this.place(tx, input, requestHash),
      }));
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

  private async place(tx: Tx, input: PlaceOrderInput, requestHash: string, terms: PlacementTerms = {}): Promise<Order> {
    const skus = [...new Set(input.lines.map((l) => l.sku))];
    const facts = await this.repo.placementFacts(tx.m, input.customerId, skus, input.deliveryAddress?.region ?? null);
    const customer = facts.customer ?? fail('NOT_FOUND', 'No customer with this id', ['input', 'customerId']);
    // The facts are this call's own rows: keeping a paid price changes nothing elsewhere.
    for (const p of facts.products) p.unitPriceFen = terms.unitPricesFen?.get(p.sku) ?? p.unitPriceFen;
    const drafts = priceLines(facts.products, input.lines, ['input', 'lines']);
    const now = new Date();
    if (input.promisedBy && input.promisedBy.getTime() <= now.getTime())
      fail('INVALID_INPUT', 'promisedBy must be in the future', ['input', 'promisedBy']);
    const totals = orderTotals(drafts.map((d) => ({ quantity: d.quantity, unitPriceFen: d.product.unitPriceFen })));
    if (terms.freeDelivery) Object.assign(totals, { deliveryFeeFen: 0, totalFen: totals.subtotalFen });
    const placed = await this.repo.insertPlaced(
      tx.m,
      {
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
      },
      drafts,
    );
    if (!placed) throw new IdempotentReplay();
    const { order } = placed;
    const change = this.transitions.begin(tx, order);
    const placedEvent = {
      type: 'PLACED',
      from: null,
      to: 'PENDING_REVIEW',
      reason: `Received via ${input.channel}`,
    } as const;
    change.record({ ...placedEvent });
    const levels = placed.levels.map((r) => lockedLevel(tx.m, r));
    change.reserved = await this.reservations.reserve(tx, reserverOf(order), drafts, change.batch, levels);
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
