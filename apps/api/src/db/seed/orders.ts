import { createHash } from 'node:crypto';
import {
  Allocation,
  allocate,
  canTransition,
  HoldReason,
  holdReasonText,
  initialPaymentStatus,
  OrderStatus,
  orderTotals,
  priorityRank,
  promisedDeliveryBy,
  Region,
  reviewOrder,
} from '@fulfilment/domain';
import { DAY, duringHours, HOUR, MINUTE, shanghaiHour, shanghaiMidnight, shanghaiYmd } from './clock';
import { HistoryContext } from './context';
import { OrderEventSeed, OrderLineSeed, OrderSeed, WarehouseSeed } from './model';
import { OrderDraft } from './order-drafts';
import { CITIES, COURIERS, DELIVERY_NOTES, SERVICE_STAFF, streetAddress } from './people';
import * as promotion from './promotion';
import { Random } from './random';
import { staffActor } from './warehouses';

type LineDraft = Omit<OrderLineSeed, 'id'>;

/** Share of deliveries that miss the promise even though the order went straight through. */
const LATE_SHARE = 0.02;

const CUSTOMER_CANCELS = [
  '客户申请取消：买多了',
  '客户申请取消：已在别处购买',
  '客户申请取消：收货时间不方便',
  '客户重复下单，取消其中一单',
];
const DELAYS = ['客户要求延迟配送', '客户出差，要求暂缓发货', '收货地址待客户确认'];
const BACKORDER_CANCELS = ['缺货等待时间过长，客户要求取消', '商品长时间缺货，与客户协商取消'];
const DELIVERED = [
  'Delivered, signed for by recipient',
  'Delivered to parcel locker',
  'Delivered, left at the door as requested',
  'Delivered to reception',
];

/**
 * Plays every drafted order through the lifecycle the order service enforces: placement with
 * reservation and automatic review, customer-service decisions, backorders served by arriving goods,
 * then picking, packing, shipping and delivery. Steps due after `now` have not happened yet.
 */
export class OrderHistory {
  readonly orders: OrderSeed[] = [];
  /** Every event in the order it happened, for ids that increase with time. */
  readonly eventLog: { order: OrderSeed; event: OrderEventSeed; sequence: number }[] = [];
  rejected = 0;
  private counter = 0;
  private readonly tokens = new Map<string, number>();
  private readonly backorders: OrderSeed[] = [];
  private readonly servedRegions: Set<Region>;

  constructor(
    private readonly ctx: HistoryContext,
    warehouses: readonly WarehouseSeed[],
  ) {
    this.servedRegions = new Set(warehouses.map((w) => w.region));
  }

  schedule(drafts: readonly OrderDraft[]): void {
    for (const d of drafts) this.ctx.scheduler.at(d.placedAt, (t) => this.place(d, t));
  }

  /** Like OrderService.allocateBackorders: most urgent first, then oldest. */
  serveBackorders(productId: string, at: number, actor: string): void {
    const waiting = this.backorders
      .filter((o) => o.lines.some((l) => l.product.id === productId))
      .sort((a, b) => priorityRank(a.priority) - priorityRank(b.priority) || a.createdAt - b.createdAt);
    for (const o of waiting) {
      if (!this.reserve(o, at, actor)) continue;
      this.move(o, at, 'ALLOCATED', 'Goods arrived', actor);
      this.afterAllocated(o, at, true);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Placement and review

  private place(d: OrderDraft, at: number): void {
    let lines: LineDraft[] = d.lines.map((l, i) => ({ lineNo: i + 1, product: l.product, quantity: l.quantity }));
    let result = this.allocateLines(lines, d.delivery.region);
    if (result.shortages.length && !d.allowBackorder) {
      // The shop refused the short items; the customer ordered the rest.
      const short = new Set(result.shortages.map((s) => s.lineNo));
      lines = lines.filter((l) => !short.has(l.lineNo)).map((l, i) => ({ ...l, lineNo: i + 1 }));
      if (lines.length === 0) {
        this.rejected++;
        return;
      }
      result = this.allocateLines(lines, d.delivery.region);
    }
    const o = this.newOrder(d, lines, at);
    const actor = placementActor(d, this.ctx.rng.next());
    this.record(
      o,
      at,
      { type: 'PLACED', from: null, to: 'PENDING_REVIEW', reason: `Received via ${d.channel}` },
      actor,
    );
    const reserved = result.shortages.length === 0;
    if (reserved) this.reserveAll(o, result.allocations, at, actor);

    const reasons = reviewOrder({
      customerIsNew: d.customer.isNew,
      creditStatus: d.customer.creditStatus,
      paymentMethod: o.paymentMethod,
      paymentStatus: o.paymentStatus,
      totalFen: o.totalFen,
      regionServed: this.servedRegions.has(o.delivery.region),
      areaBlocked: false,
    });
    if (reasons.length) return this.holdForReview(o, at, reasons);
    this.move(o, at, 'CONFIRMED', 'Passed automatic review', actor);
    if (reserved) {
      this.move(o, at, 'ALLOCATED', 'Stock reserved', actor);
      this.afterAllocated(o, at, true);
    } else {
      this.move(o, at, 'BACKORDERED', 'Waiting for stock', actor);
      this.afterBackordered(o, at);
    }
  }

  private newOrder(d: OrderDraft, lines: readonly LineDraft[], at: number): OrderSeed {
    const { rng } = this.ctx;
    const totals = orderTotals(lines.map((l) => ({ quantity: l.quantity, unitPriceFen: l.product.unitPriceFen })));
    const o: OrderSeed = {
      id: rng.uuid(),
      number: `SO${shanghaiYmd(at)}-${String(++this.counter).padStart(6, '0')}`,
      channel: d.channel,
      customer: d.customer,
      delivery: { ...d.delivery },
      paymentMethod: d.paymentMethod,
      paymentStatus: initialPaymentStatus(d.paymentMethod, d.paid),
      priority: d.priority,
      promisedBy: promisedDeliveryBy(d.priority, new Date(at)).getTime(),
      status: 'PENDING_REVIEW',
      holdReasons: [],
      statusReason: null,
      allowBackorder: d.allowBackorder,
      ...totals,
      note: d.note,
      requestHash: requestHash(d, lines),
      createdAt: at,
      updatedAt: at,
      lines: lines.map((l) => ({ ...l, id: rng.uuid() })),
      allocations: [],
      events: [],
    };
    this.orders.push(o);
    return o;
  }

  private holdForReview(o: OrderSeed, at: number, reasons: HoldReason[]): void {
    const { rng } = this.ctx;
    o.holdReasons = reasons;
    o.statusReason = holdReasonText(reasons);
    const placed = o.events[o.events.length - 1];
    placed.reason = `${placed.reason ?? ''}; held for review: ${o.statusReason}`;
    if (!reasons.includes('PAYMENT_PENDING'))
      return this.next(o, this.reviewTime(o, at), (t) => this.resolveHold(o, t));
    if (rng.chance(0.35)) {
      return this.next(o, at + 30 * MINUTE, (t) =>
        this.cancel(o, t, 'system', '支付超时（30分钟）未完成，订单自动取消'),
      );
    }
    // The payment arrives a few minutes later; customer service then releases the order.
    this.next(o, at + rng.int(2 * MINUTE, 25 * MINUTE), (t) => {
      o.paymentStatus = 'PAID';
      o.updatedAt = t;
      this.next(o, this.reviewTime(o, t), (t2) => this.resolveHold(o, t2));
    });
  }

  /**
   * Customer service works 9:00–21:00. Paid orders are released quickly; credit checks and calls to
   * customers about blocked credit or an unserved address can take a day or two, longer in the promotion.
   */
  private reviewTime(o: OrderSeed, at: number): number {
    const { rng } = this.ctx;
    const reasons = o.holdReasons;
    const delay = reasons.includes('NEW_CUSTOMER_CREDIT_CHECK')
      ? rng.int(6 * HOUR, 72 * HOUR)
      : reasons.includes('CREDIT_BLOCKED') || reasons.includes('UNDELIVERABLE_REGION')
        ? rng.int(2 * HOUR, 60 * HOUR)
        : rng.int(10 * MINUTE, 4 * HOUR);
    return duringHours(at + delay * this.pace(at), 9, 21, rng);
  }

  /** How many times longer work starting at `at` takes: staff are behind during the promotion. */
  private pace(at: number): number {
    return promotion.pace(at, this.ctx.now);
  }

  private resolveHold(o: OrderSeed, at: number): void {
    const { rng } = this.ctx;
    const staff = serviceActor(rng.next());
    const reasons = o.holdReasons;
    if (reasons.includes('CREDIT_BLOCKED')) return this.cancel(o, at, staff, '客户信用已冻结，订单取消');
    if (reasons.includes('UNDELIVERABLE_REGION'))
      return this.cancel(o, at, staff, '收货地址所在地区暂未开通配送，已电话告知客户并取消');
    if (reasons.includes('LARGE_ORDER') && !holdsStock(o))
      return this.cancel(o, at, staff, '库存不足以一次发货，已与客户协商改为分批下单');
    if (reasons.includes('NEW_CUSTOMER_CREDIT_CHECK')) {
      const decision = rng.weighted([
        ['approve', 70],
        ['hold', 18],
        ['cancel', 12],
      ] as const);
      if (decision === 'cancel') return this.cancel(o, at, staff, '电话回访客户，客户表示不再需要');
      if (decision === 'hold') {
        this.move(o, at, 'ON_HOLD', '等待客户补充身份信息以完成信用评估', staff);
        return this.next(o, duringHours(at + rng.int(8 * HOUR, 3 * DAY) * this.pace(at), 9, 21, rng), (t) => {
          const next = serviceActor(rng.next());
          if (rng.chance(0.7)) this.approve(o, t, next, 'Released from hold', true);
          else this.cancel(o, t, next, '客户未完成信用评估，订单取消');
        });
      }
    }
    this.approve(o, at, staff, 'Approved after review', true);
  }

  private approve(o: OrderSeed, at: number, actor: string, reason: string, detours: boolean): void {
    o.holdReasons = [];
    this.move(o, at, 'CONFIRMED', reason, actor);
    if (holdsStock(o) || this.reserve(o, at, actor)) {
      this.move(o, at, 'ALLOCATED', 'Stock reserved', actor);
      this.afterAllocated(o, at, detours);
    } else {
      this.move(o, at, 'BACKORDERED', 'Waiting for stock', actor);
      this.afterBackordered(o, at);
    }
  }

  private afterBackordered(o: OrderSeed, at: number): void {
    const { rng } = this.ctx;
    this.backorders.push(o);
    if (!rng.chance(0.55)) return;
    this.next(o, duringHours(at + rng.int(2 * DAY, 6 * DAY), 9, 21, rng), (t) =>
      this.cancel(o, t, serviceActor(rng.next()), rng.pick(BACKORDER_CANCELS)),
    );
  }

  private cancel(o: OrderSeed, at: number, actor: string, reason: string): void {
    this.move(o, at, 'CANCELLED', reason, actor);
    this.release(o, at, actor);
    if (o.paymentStatus === 'PAID') o.paymentStatus = 'REFUNDED';
  }

  // ---------------------------------------------------------------------------------------------
  // Fulfilment

  /** Most allocated orders go straight to the warehouse; a few are cancelled, held or changed first. */
  private afterAllocated(o: OrderSeed, at: number, detours: boolean): void {
    const { rng } = this.ctx;
    const r = detours ? rng.next() : 1;
    if (r < 0.02) {
      this.next(o, at + rng.int(10 * MINUTE, 5 * HOUR), (t) =>
        this.cancel(o, t, serviceActor(rng.next()), rng.pick(CUSTOMER_CANCELS)),
      );
    } else if (r < 0.07) {
      this.next(o, at + rng.int(10 * MINUTE, 3 * HOUR), (t) => this.delay(o, t));
    } else if (r < 0.1) {
      this.next(o, at + rng.int(5 * MINUTE, 2 * HOUR), (t) => {
        this.amend(o, t);
        this.fulfil(o, t);
      });
    } else {
      this.fulfil(o, at);
    }
  }

  /** The customer asks to wait; customer service releases the order later, later still in the promotion. */
  private delay(o: OrderSeed, at: number): void {
    const { rng } = this.ctx;
    this.move(o, at, 'ON_HOLD', rng.pick(DELAYS), serviceActor(rng.next()));
    this.next(o, duringHours(at + rng.int(4 * HOUR, 60 * HOUR) * this.pace(at), 9, 21, rng), (t) => {
      const staff = serviceActor(rng.next());
      if (rng.chance(0.75)) this.approve(o, t, staff, 'Released from hold', false);
      else this.cancel(o, t, staff, '客户取消订单');
    });
  }

  /** A note or address change before picking, written as the service's UPDATED event. */
  private amend(o: OrderSeed, at: number): void {
    const { rng } = this.ctx;
    const city = CITIES.find((c) => c.name === o.delivery.city);
    let reason: string;
    if (city && rng.chance(0.4)) {
      o.delivery = { ...o.delivery, address: streetAddress(rng, city) };
      reason = 'Changed delivery address: 客户更换收货地址';
    } else {
      o.note = rng.pick(DELIVERY_NOTES);
      reason = 'Changed note';
    }
    this.record(o, at, { type: 'UPDATED', from: o.status, to: o.status, reason }, serviceActor(rng.next()));
  }

  /**
   * Picking, packing, shipping and delivery, timed against the promise: most arrive in time, a few
   * are late, and orders that waited in review, for stock or in the promotion's backlog are late more often.
   */
  private fulfil(o: OrderSeed, allocatedAt: number): void {
    const { rng } = this.ctx;
    const sites = [...new Set(o.allocations.filter((a) => a.status === 'RESERVED').map((a) => a.level.warehouse))].sort(
      (a, b) => a.code.localeCompare(b.code),
    );
    const codes = sites.map((s) => s.code).join(', ');
    const picker = staffActor(sites[0], rng);
    const courier = `courier:${rng.pick(COURIERS)}`;
    const times = this.fulfilmentTimes(o, allocatedAt);
    const skipOutForDelivery = rng.chance(0.08);
    const cancelWhilePicking = rng.chance(0.006);

    const deliver = (t: number) => this.move(o, t, 'DELIVERED', rng.pick(DELIVERED), courier);
    this.next(o, times.pick, (t) => {
      this.move(o, t, 'PICKING', `Picking started at ${codes}`, picker);
      if (cancelWhilePicking) {
        return this.next(o, t + rng.int(5 * MINUTE, 30 * MINUTE), (t2) =>
          this.cancel(o, t2, picker, '拣货时发现商品破损且无替换库存，已与客户协商取消'),
        );
      }
      this.next(o, times.pack, (t2) => {
        // An order still on the floor stays PICKING: seedFloor (floor.ts) walks it on through the real
        // pick lists and shipments, so everything on the floor has its records.
        if (times.ship > this.ctx.now) return;
        this.move(o, t2, 'PACKED', `Packed: ${sites.length} parcel${sites.length > 1 ? 's' : ''}`, picker);
        this.next(o, times.ship, (t3) => {
          this.ship(o, t3);
          this.move(o, t3, 'SHIPPED', `Handed to carrier at ${codes}`, picker);
          if (skipOutForDelivery) return this.next(o, times.deliver, deliver);
          this.next(o, times.outForDelivery, (t4) => {
            this.move(o, t4, 'OUT_FOR_DELIVERY', `Out for delivery with ${courier.slice('courier:'.length)}`, courier);
            this.next(o, times.deliver, deliver);
          });
        });
      });
    });
  }

  private fulfilmentTimes(
    o: OrderSeed,
    from: number,
  ): { pick: number; pack: number; ship: number; outForDelivery: number; deliver: number } {
    const { rng } = this.ctx;
    const express = o.priority !== 'NORMAL';
    // In the promotion's backlog a normal order's steps take longer, and the warehouse (open 7:00–22:00)
    // takes longer to catch up in the morning; urgent and high-priority orders jump the queue.
    const pace = (t: number) => (express ? 1 : this.pace(t));
    const after = (t: number, min: number, max: number) => t + Math.round(rng.int(min, max) * pace(t));
    const inShift = (t: number) => duringHours(t, 7, 22, rng, HOUR * pace(t));
    const pick = inShift(
      o.priority === 'URGENT'
        ? after(from, 10 * MINUTE, 45 * MINUTE)
        : express
          ? after(from, 20 * MINUTE, 2 * HOUR)
          : after(from, 1 * HOUR, 10 * HOUR),
    );
    // Some picks wait for a cold-chain or multi-site consolidation wave.
    const pack = inShift(rng.chance(0.3) ? after(pick, 2 * HOUR, 8 * HOUR) : after(pick, 20 * MINUTE, 2 * HOUR));
    const ship = inShift(after(pack, 30 * MINUTE, 4 * HOUR));
    // Express goes out with the next courier; normal parcels join the next delivery run.
    let outForDelivery = express ? duringHours(after(ship, 30 * MINUTE, 3 * HOUR), 8, 20, rng) : deliveryRun(ship, rng);
    // Nobody home: the courier tries again the next morning.
    const attempt = rng.chance(0.08)
      ? shanghaiMidnight(outForDelivery) + DAY + 9 * HOUR + rng.int(0, 3 * HOUR)
      : after(outForDelivery, 30 * MINUTE, 5 * HOUR);
    let deliver = duringHours(attempt, 8, 21, rng);
    const times = { pick, pack, ship, outForDelivery, deliver };

    if (rng.chance(LATE_SHARE)) {
      if (deliver <= o.promisedBy) {
        deliver = duringHours(o.promisedBy + rng.int(30 * MINUTE, 18 * HOUR), 8, 21, rng);
        outForDelivery = Math.max(ship + 10 * MINUTE, deliver - rng.int(40 * MINUTE, 4 * HOUR));
      }
      return { ...times, outForDelivery, deliver };
    }
    const target = o.promisedBy - rng.int(10 * MINUTE, 90 * MINUTE);
    // Too late already (long review or backorder), or stuck in the promotion's backlog: it simply arrives late.
    if (deliver <= target || target - from < HOUR || pace(from) > 1) return times;
    // The carrier hurries: squeeze the remaining steps into the time left.
    const k = (target - from) / (deliver - from);
    const squeeze = (t: number) => from + Math.floor((t - from) * k);
    return {
      pick: squeeze(pick),
      pack: squeeze(pack),
      ship: squeeze(ship),
      outForDelivery: squeeze(outForDelivery),
      deliver: squeeze(deliver),
    };
  }

  // ---------------------------------------------------------------------------------------------
  // Stock

  private allocateLines(lines: readonly LineDraft[], region: Region) {
    const requests = lines.map((l) => ({ lineNo: l.lineNo, productId: l.product.id, quantity: l.quantity }));
    return allocate(requests, this.ctx.ledger.candidates(lines.map((l) => l.product.id)), region);
  }

  /** All lines reserved, or nothing (then the order waits). */
  private reserve(o: OrderSeed, at: number, actor: string): boolean {
    const result = this.allocateLines(o.lines, o.delivery.region);
    if (result.shortages.length) return false;
    this.reserveAll(o, result.allocations, at, actor);
    return true;
  }

  private reserveAll(o: OrderSeed, allocations: readonly Allocation[], at: number, actor: string): void {
    const { ledger, rng } = this.ctx;
    for (const a of allocations) {
      const level = ledger.level(a.stockLevelId);
      ledger.change(level, at, {
        reason: 'RESERVATION',
        onHandDelta: 0,
        reservedDelta: a.quantity,
        actor,
        reference: o.number,
      });
      o.allocations.push({
        id: rng.uuid(),
        lineNo: a.lineNo,
        product: level.product,
        level,
        quantity: a.quantity,
        status: 'RESERVED',
        at,
      });
    }
    const i = this.backorders.indexOf(o);
    if (i >= 0) this.backorders.splice(i, 1);
  }

  private release(o: OrderSeed, at: number, actor: string): void {
    for (const a of o.allocations.filter((x) => x.status === 'RESERVED')) {
      this.ctx.ledger.change(a.level, at, {
        reason: 'RELEASE',
        onHandDelta: 0,
        reservedDelta: -a.quantity,
        actor,
        reference: o.number,
      });
      a.status = 'RELEASED';
    }
    const i = this.backorders.indexOf(o);
    if (i >= 0) this.backorders.splice(i, 1);
  }

  /** Each site books its own shipment; the event is signed by the first site's staff. */
  private ship(o: OrderSeed, at: number): void {
    for (const a of o.allocations.filter((x) => x.status === 'RESERVED')) {
      const actor = staffActor(a.level.warehouse, this.ctx.rng);
      this.ctx.ledger.change(a.level, at, {
        reason: 'SHIPMENT',
        onHandDelta: -a.quantity,
        reservedDelta: -a.quantity,
        actor,
        reference: o.number,
      });
      a.status = 'SHIPPED';
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Events

  /** One step of the transition table; any step still pending for the order is called off. */
  private move(o: OrderSeed, at: number, to: OrderStatus, reason: string, actor: string): void {
    if (!canTransition(o.status, to)) throw new Error(`seed bug: ${o.number} cannot go from ${o.status} to ${to}`);
    this.record(o, at, { type: 'STATUS_CHANGED', from: o.status, to, reason }, actor);
    o.status = to;
    o.statusReason = reason;
    this.tokens.set(o.id, (this.tokens.get(o.id) ?? 0) + 1);
  }

  private record(o: OrderSeed, at: number, e: Omit<OrderEventSeed, 'at' | 'actor'>, actor: string): void {
    const event: OrderEventSeed = { ...e, actor, at };
    o.events.push(event);
    o.updatedAt = at;
    this.eventLog.push({ order: o, event, sequence: o.events.length });
  }

  /** Schedules the order's next step; a status change made elsewhere in between cancels it. */
  private next(o: OrderSeed, at: number, step: (t: number) => void): void {
    const token = (this.tokens.get(o.id) ?? 0) + 1;
    this.tokens.set(o.id, token);
    this.ctx.scheduler.at(at, (t) => {
      if (this.tokens.get(o.id) === token) step(t);
    });
  }
}

/** The next delivery run after goods reach the station: 13:00 for morning parcels, 18:00 for early afternoon ones, else 08:00 next day. */
function deliveryRun(shippedAt: number, rng: Random): number {
  const midnight = shanghaiMidnight(shippedAt);
  const hour = shanghaiHour(shippedAt);
  const run = hour < 11 ? midnight + 13 * HOUR : hour < 16 ? midnight + 18 * HOUR : midnight + DAY + 8 * HOUR;
  return run + rng.int(0, 2 * HOUR);
}

function holdsStock(o: OrderSeed): boolean {
  return o.allocations.some((a) => a.status === 'RESERVED');
}

function serviceActor(u: number): string {
  return `service:${SERVICE_STAFF[Math.floor(u * SERVICE_STAFF.length)]}`;
}

/** Who placed the order: the shop front, a partner platform or a person entering it. */
function placementActor(d: OrderDraft, u: number): string {
  switch (d.channel) {
    case 'WEB':
      return 'web-shop';
    case 'MOBILE_APP':
      return 'mobile-app';
    case 'PARTNER':
      return `partner:${['美团闪购', '京东到家', '饿了么'][Math.floor(u * 3)]}`;
    case 'OFFLINE_STORE':
      return `store:${d.customer.city}门店`;
    case 'WHOLESALE':
      return `sales:${['周建华', '吴晓峰', '郑丽娟'][Math.floor(u * 3)]}`;
    case 'CUSTOM':
      return serviceActor(u);
  }
}

/** The service stores a hash of the request for idempotent replays; any stable digest of the input does. */
function requestHash(d: OrderDraft, lines: readonly LineDraft[]): string {
  const input = {
    customerId: d.customer.id,
    channel: d.channel,
    lines: lines.map((l) => ({ sku: l.product.sku, quantity: l.quantity })),
    paymentMethod: d.paymentMethod,
    paid: d.paid,
    priority: d.priority,
    allowBackorder: d.allowBackorder,
    note: d.note,
  };
  return createHash('sha256').update(JSON.stringify(input)).digest('hex');
}
