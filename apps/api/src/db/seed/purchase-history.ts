import { addDays, orderQuantity, shanghaiDay } from '@fulfilment/domain';
import { DAY, duringHours, HOUR, MINUTE } from './clock';
import { available } from './ledger';
import {
  GoodsReceiptSeed,
  MovementSeed,
  OfferSeed,
  ProductSeed,
  PurchaseOrderLineSeed,
  PurchaseOrderSeed,
  RejectionReason,
  StockLevelSeed,
  SupplierSeed,
  SupplierTier,
  WarehouseSeed,
} from './model';
import { Random } from './random';
import { niceRound } from './stock-plan';
import { buildOffers, buildSuppliers } from './suppliers';
import { staffActor } from './warehouses';

/** How far back the purchasing history goes: six months, the scorecards' backfill. */
export const PURCHASING_DAYS = 183;
/** Open orders past their expected date the demo starts with (the expediting list). */
const OVERDUE_TARGET = 4;

const PURCHASERS = ['purchasing:赵敏', 'purchasing:孙晓峰', 'purchasing:周雅琴'] as const;
const SUSPENDED_CODE = 'SUP-DL-01';

export interface PurchasingData {
  suppliers: SupplierSeed[];
  offers: OfferSeed[];
  orders: PurchaseOrderSeed[];
  receipts: GoodsReceiptSeed[];
}

/** Goods that arrived at a level: a RECEIPT movement of the ledger, or (before the ledger) none. */
interface Arrival {
  level: StockLevelSeed;
  at: number;
  accepted: number;
  movement: MovementSeed | null;
}

const dayOf = (t: number) => shanghaiDay(new Date(t));
/** The instant `hours` after midnight of a Shanghai calendar day. */
const timeOn = (day: string, hours: number) => Date.parse(`${day}T00:00:00Z`) - 8 * HOUR + Math.round(hours * HOUR);

/**
 * Purchasing history made from the stock history: every replenishment RECEIPT in the ledger (restocks
 * and promotion build-ups) becomes the goods receipt of a purchase order to a supplier of that product,
 * accepting exactly the movement's quantity (units rejected at inspection never entered stock). Before
 * the ledger starts (it opens with the go-live stock count), orders were received and their stock sold
 * before go-live, so they have receipts but no movements. Levels the history left waiting for a
 * restock get open orders; lateness and rejections follow each supplier's profile.
 */
export function buildPurchasing(
  rng: Random,
  now: number,
  start: number,
  products: readonly ProductSeed[],
  levels: readonly StockLevelSeed[],
  movements: MovementSeed[],
): PurchasingData {
  const recall = dairyRecall(levels, movements, now);
  const suppliers = buildSuppliers(rng.fork('suppliers'), now, {
    code: SUSPENDED_CODE,
    at: recall.at,
    reason: `${dayOf(recall.at)} 到货批次抽检菌落总数超标，相关商品整批下架；整改复检合格前暂停供货`,
  });
  const suspended = suppliers.find((s) => s.code === SUSPENDED_CODE)!;
  const regionsOf = new Map<string, Set<string>>();
  for (const l of levels)
    regionsOf.set(l.product.id, (regionsOf.get(l.product.id) ?? new Set()).add(l.warehouse.region));
  const offers = buildOffers(
    rng.fork('offers'),
    products,
    suppliers,
    (p) => [...(regionsOf.get(p.id) ?? [])] as SupplierSeed['regions'],
    recall.product ? new Map([[recall.product.id, suspended]]) : new Map(),
  );
  const history = new PurchaseHistory(rng.fork('history'), now, offers);

  const arrivals: Arrival[] = movements
    .filter((m) => m.reason === 'RECEIPT' && !m.note?.startsWith('期初'))
    .map((m) => ({ level: m.level, at: m.at, accepted: m.onHandDelta, movement: m }));
  const before = olderArrivals(rng.fork('older'), now, start, levels, arrivals);
  history.received([...before, ...arrivals].sort((a, b) => a.at - b.at));
  history.cancelled(rng.fork('cancelled'), levels, start);
  history.open(levels.filter((l) => l.restockDue || (l.supplyStopped && l.warehouse.kind === 'WAREHOUSE')));
  return { suppliers, offers, ...history.finish() };
}

/** The current dairy recall: the product and when its batch was written off (the supplier's suspension). */
function dairyRecall(levels: readonly StockLevelSeed[], movements: readonly MovementSeed[], now: number) {
  const product = levels.find((l) => l.supplyStopped && l.product.category === '乳品')?.product ?? null;
  const writeOff = product
    ? movements.find((m) => m.reason === 'DAMAGE' && m.level.product === product && m.note?.startsWith('批次质检'))
    : undefined;
  return { product, at: writeOff?.at ?? now - 5 * DAY };
}

/**
 * Receipts from before the ledger: each level restocked about as often and as much as in the ledger's
 * 90 days, in the months before go-live.
 */
function olderArrivals(
  rng: Random,
  now: number,
  start: number,
  levels: readonly StockLevelSeed[],
  recent: readonly Arrival[],
): Arrival[] {
  const from = now - PURCHASING_DAYS * DAY;
  const until = start - 8 * DAY;
  const span = (until - from) / (now - start);
  const byLevel = new Map<StockLevelSeed, number[]>();
  for (const a of recent) byLevel.set(a.level, [...(byLevel.get(a.level) ?? []), a.accepted]);
  const out: Arrival[] = [];
  for (const level of levels) {
    const quantities = byLevel.get(level) ?? [];
    const count = quantities.length ? Math.round(quantities.length * span + rng.between(-0.5, 0.5)) : +rng.chance(0.15);
    for (let i = 0; i < count; i++) {
      const accepted = quantities.length ? rng.pick(quantities) : niceRound(level.capacity * rng.between(0.5, 0.8));
      out.push({ level, at: duringHours(rng.int(from, until), 8, 18, rng), accepted, movement: null });
    }
  }
  return out;
}

const TIER_ORDER: Record<SupplierTier, number> = { BLOCKED: 0, WATCH: 1, GOOD: 2, EXCELLENT: 3 };

class PurchaseHistory {
  private readonly orders: PurchaseOrderSeed[] = [];
  private readonly offersOf = new Map<string, OfferSeed[]>();
  private readonly carry = new Map<string, number>();

  constructor(
    private readonly rng: Random,
    private readonly now: number,
    offers: readonly OfferSeed[],
  ) {
    for (const o of offers) this.offersOf.set(o.product.id, [...(this.offersOf.get(o.product.id) ?? []), o]);
  }

  /**
   * Whether the next event of a kind happens, at `rate` over time: error diffusion instead of a coin,
   * so even a supplier with a handful of deliveries shows its profile rather than its luck.
   */
  private spread(kind: string, rate: number): boolean {
    const carried = (this.carry.get(kind) ?? 0.5) + rate;
    this.carry.set(kind, carried >= 1 ? carried - 1 : carried);
    return carried >= 1;
  }

  /** The offer goods for this level were bought under at `at`: a supplier delivering to its region, not yet suspended. */
  private offerFor(level: StockLevelSeed, at: number, avoidWeak = false): OfferSeed | null {
    const all = (this.offersOf.get(level.product.id) ?? []).filter(
      (o) => o.supplier.suspendedAt === null || at < o.supplier.suspendedAt,
    );
    const usable = all.filter((o) => !avoidWeak || o.supplier.tier !== 'BLOCKED');
    const local = usable.filter((o) => o.supplier.regions.includes(level.warehouse.region));
    const pool = local.length ? local : usable.length ? usable : all;
    // The weakest supplier is the cheapest-looking local choice often enough to have a record every month.
    return pool.length ? this.rng.weighted(pool.map((o) => [o, o.supplier.tier === 'BLOCKED' ? 3 : 1] as const)) : null;
  }

  /** Fully or short-received orders: arrivals on the same day at one site from one supplier share an order. */
  received(arrivals: readonly Arrival[]): void {
    const groups = new Map<string, { offer: OfferSeed; arrival: Arrival }[]>();
    for (const arrival of arrivals) {
      const offer = this.offerFor(arrival.level, arrival.at);
      if (!offer) continue;
      let key = `${offer.supplier.id}/${arrival.level.warehouse.id}/${dayOf(arrival.at)}`;
      while (groups.get(key)?.some((g) => g.offer.product === offer.product)) key += '+';
      groups.set(key, [...(groups.get(key) ?? []), { offer, arrival }]);
    }
    const partial: PurchaseOrderSeed[] = [];
    for (const group of groups.values()) {
      const po = this.receivedOrder(group);
      if (po.status === 'RECEIVED' && po.receipts[0].at > this.now - 10 * DAY) partial.push(po);
    }
    // A few recent deliveries came short: the rest is still expected, the oldest of them already late.
    const short = this.rng
      .shuffle(partial)
      .slice(0, 3)
      .sort((a, b) => a.receipts[0].at - b.receipts[0].at);
    short.forEach((po, i) => this.shortDelivery(po, i < 2));
  }

  private receivedOrder(group: { offer: OfferSeed; arrival: Arrival }[]): PurchaseOrderSeed {
    const { rng } = this;
    const supplier = group[0].offer.supplier;
    const warehouse = group[0].arrival.level.warehouse;
    const arrivedAt = Math.min(...group.map((g) => g.arrival.at));
    const p = supplier.profile;
    const late = this.spread(`${supplier.id} on time`, p.onTime)
      ? -rng.weighted([
          [0, 6],
          [1, 3],
          [2, 1],
        ] as const)
      : rng.int(...p.lateDays);
    const quoted = Math.max(...group.map((g) => g.offer.leadTimeDays));
    const promised = addDays(dayOf(arrivedAt), -late);
    const confirmedAt = Math.min(
      timeOn(addDays(promised, -quoted), rng.between(9, 17)),
      arrivedAt - rng.between(2, 20) * HOUR,
    );
    const sentAt = confirmedAt - rng.between(2, 20) * HOUR;
    const promo = group.some((g) => g.arrival.movement?.note?.startsWith('促销'));
    const po = this.newOrder(supplier, warehouse, sentAt - rng.between(0.3, 6) * HOUR, promo ? '促销活动备货' : null);
    po.lines = group.map((g, i) => this.line(po, i + 1, g.offer, g.arrival.accepted, promised));
    this.step(po, 'SENT', sentAt, po.createdBy, null);
    this.step(po, 'CONFIRMED', confirmedAt, po.createdBy, null);
    this.flagIfLate(po, promised, arrivedAt);

    const actor = staffActor(warehouse, rng);
    const inspected = group.map((g, i) => {
      const line = po.lines[i];
      const rejected = this.spread(`${supplier.id} rejects`, p.rejectShare)
        ? Math.max(1, Math.round(g.arrival.accepted * rng.between(...p.rejectRate)))
        : 0;
      line.quantity += rejected;
      return {
        line,
        received: g.arrival.accepted + rejected,
        accepted: g.arrival.accepted,
        rejected,
        movement: g.arrival.movement,
      };
    });
    this.receive(po, arrivedAt, actor, inspected);

    const outstanding = po.lines.some((l) => l.accepted < l.quantity);
    if (outstanding && !group[0].arrival.movement && supplier.tier !== 'BLOCKED' && rng.chance(0.6)) {
      // Before go-live suppliers replaced rejected goods a few days later (the worst one never did).
      const again = arrivedAt + rng.between(2, 6) * DAY;
      this.receive(
        po,
        again,
        staffActor(warehouse, rng),
        po.lines
          .filter((l) => l.accepted < l.quantity)
          .map((l) => ({
            line: l,
            received: l.quantity - l.accepted,
            accepted: l.quantity - l.accepted,
            rejected: 0,
            movement: null,
          })),
      );
    } else if (outstanding) {
      const closeAt = Math.min(arrivedAt + rng.between(1, 48) * HOUR, (arrivedAt + this.now) / 2);
      this.step(po, 'CLOSED', closeAt, po.createdBy, '拒收部分退回供应商，不再补发，余量结案');
    }
    if (po.status === 'RECEIVED' && arrivedAt < this.now - 30 * DAY && rng.chance(0.7))
      this.step(po, 'CLOSED', arrivedAt + rng.between(10, 25) * DAY, po.createdBy, '已对账结案');
    return po;
  }

  /** A recent order whose first line came short; the supplier promised the rest for a new date. */
  private shortDelivery(po: PurchaseOrderSeed, overdue: boolean): void {
    const { rng, now } = this;
    const line = po.lines[0];
    const missing = niceRound(line.quantity * rng.between(0.3, 0.6));
    line.quantity += missing;
    // The receipt's own status change went to PARTIALLY_RECEIVED.
    for (let i = po.events.length - 1; i >= 0; i--)
      if (po.events[i].type === 'STATUS_CHANGED') {
        po.events[i].to = 'PARTIALLY_RECEIVED';
        break;
      }
    po.status = 'PARTIALLY_RECEIVED';
    po.receivedAt = null;
    const receivedAt = po.receipts[0].at;
    const contactAt = Math.min(receivedAt + rng.between(1, 5) * HOUR, receivedAt + (now - receivedAt) / 3);
    const newDate = overdue ? addDays(dayOf(contactAt), 1) : addDays(dayOf(now), rng.int(1, 4));
    this.contact(po, contactAt, `部分到货，余下 ${missing} 件供应商承诺 ${newDate} 补齐`, newDate);
    this.flagIfLate(po, newDate, now);
  }

  /** A few orders the suppliers could not take, cancelled before confirmation. */
  cancelled(rng: Random, levels: readonly StockLevelSeed[], start: number): void {
    const reasons = ['供应商产能不足，无法按期供货', '采购需求变更，改由其他供应商供货', '报价有误，供应商撤回报价'];
    for (let i = 0; i < 4; i++) {
      const level = rng.pick(levels);
      const createdAt = duringHours(rng.int(this.now - PURCHASING_DAYS * DAY, start), 9, 17, rng);
      const offer = this.offerFor(level, createdAt);
      if (!offer) continue;
      const po = this.newOrder(offer.supplier, level.warehouse, createdAt, null);
      po.lines = [
        this.line(
          po,
          1,
          offer,
          orderQuantity(niceRound(level.capacity * 0.6), offer.minOrderQty, offer.packMultiple),
          null,
        ),
      ];
      this.step(po, 'SENT', createdAt + rng.between(1, 4) * HOUR, po.createdBy, null);
      this.step(po, 'CANCELLED', createdAt + rng.between(1, 3) * DAY, po.createdBy, reasons[i % reasons.length]);
    }
  }

  /**
   * Orders still out for levels waiting for goods: mostly confirmed, a few only sent or still drafts,
   * and a few confirmed ones (the weakest suppliers') already past their date.
   */
  open(waiting: readonly StockLevelSeed[]): void {
    const { rng, now } = this;
    const groups = new Map<string, { offer: OfferSeed; level: StockLevelSeed }[]>();
    for (const level of waiting) {
      const offer = this.offerFor(level, now, level.supplyStopped);
      if (!offer) continue;
      const key = `${offer.supplier.id}/${level.warehouse.id}`;
      groups.set(key, [...(groups.get(key) ?? []), { offer, level }]);
    }
    const list = rng.shuffle([...groups.values()]);
    const today = dayOf(now);
    const overdueAlready = this.orders.filter(
      (o) =>
        o.status === 'PARTIALLY_RECEIVED' && o.lines.some((l) => l.accepted < l.quantity && l.expectedDate! < today),
    ).length;
    const late = new Set(
      [...list]
        .filter((g) => g[0].offer.supplier.tier !== 'EXCELLENT')
        .sort((a, b) => TIER_ORDER[a[0].offer.supplier.tier] - TIER_ORDER[b[0].offer.supplier.tier])
        .slice(0, Math.max(1, OVERDUE_TARGET - overdueAlready)),
    );
    let drafts = 2;
    let sent = 3;
    for (const group of list) {
      const supplier = group[0].offer.supplier;
      const strong = supplier.tier !== 'BLOCKED';
      const quoted = Math.max(...group.map((g) => g.offer.leadTimeDays));
      const kind = late.has(group)
        ? 'LATE'
        : strong && drafts > 0
          ? (drafts--, 'DRAFT')
          : strong && sent > 0
            ? (sent--, 'SENT')
            : 'CONFIRMED';
      const promised = kind === 'LATE' ? addDays(today, -rng.int(1, 4)) : addDays(today, rng.int(1, 5));
      const confirmDay = addDays(promised, -quoted) < today ? addDays(promised, -quoted) : today;
      const confirmedAt = Math.min(timeOn(confirmDay, rng.between(9, 17)), now - rng.between(1, 3) * HOUR);
      const createdAt =
        kind === 'DRAFT'
          ? now - rng.between(1, 20) * HOUR
          : kind === 'SENT'
            ? now - rng.between(6, 40) * HOUR
            : confirmedAt - rng.between(4, 30) * HOUR;
      const po = this.newOrder(supplier, group[0].level.warehouse, createdAt, supplierNote(group[0].level));
      po.lines = group.map((g, i) => {
        const want = Math.max(1, niceRound(g.level.capacity * rng.between(0.85, 1) - available(g.level)));
        return this.line(
          po,
          i + 1,
          g.offer,
          orderQuantity(want, g.offer.minOrderQty, g.offer.packMultiple),
          kind === 'DRAFT' || kind === 'SENT' ? null : promised,
        );
      });
      if (kind === 'DRAFT') continue;
      this.step(
        po,
        'SENT',
        kind === 'SENT' ? createdAt + rng.between(0.5, 4) * HOUR : (createdAt + confirmedAt) / 2,
        po.createdBy,
        null,
      );
      if (kind === 'SENT') continue;
      this.step(po, 'CONFIRMED', confirmedAt, po.createdBy, null);
      if (kind !== 'LATE') continue;
      this.flagIfLate(po, promised, now);
      if (po.overdueFlaggedAt && rng.chance(0.6))
        this.contact(
          po,
          Math.min(po.overdueFlaggedAt + rng.between(2, 8) * HOUR, now - MINUTE),
          rng.pick(['电话催货：供应商称物流车辆延误，暂无法确认到货日期', '已邮件催促，供应商回复正在排产，尽快发货']),
          null,
        );
    }
  }

  private newOrder(
    supplier: SupplierSeed,
    warehouse: WarehouseSeed,
    createdAt: number,
    note: string | null,
  ): PurchaseOrderSeed {
    const po: PurchaseOrderSeed = {
      id: this.rng.uuid(),
      number: '',
      supplier,
      warehouse,
      status: 'DRAFT',
      note,
      createdBy: this.rng.pick(PURCHASERS),
      statusReason: null,
      sentAt: null,
      confirmedAt: null,
      receivedAt: null,
      closedAt: null,
      cancelledAt: null,
      lastExpeditedAt: null,
      overdueFlaggedAt: null,
      createdAt: Math.floor(createdAt),
      lines: [],
      receipts: [],
      events: [],
      contacts: [],
    };
    po.events.push({
      type: 'CREATED',
      from: null,
      to: 'DRAFT',
      reason: null,
      actor: po.createdBy,
      at: po.createdAt,
      receipt: null,
    });
    this.orders.push(po);
    return po;
  }

  private line(
    po: PurchaseOrderSeed,
    lineNo: number,
    offer: OfferSeed,
    quantity: number,
    promised: string | null,
  ): PurchaseOrderLineSeed {
    return {
      id: this.rng.uuid(),
      lineNo,
      offer,
      quantity,
      quotedLeadDays: offer.leadTimeDays,
      promisedDate: promised,
      expectedDate: promised,
      received: 0,
      accepted: 0,
      rejected: 0,
    };
  }

  private step(po: PurchaseOrderSeed, to: string, at: number, actor: string, reason: string | null): void {
    const t = Math.max(Math.floor(at), po.events[po.events.length - 1].at);
    po.events.push({ type: 'STATUS_CHANGED', from: po.status, to, reason, actor, at: t, receipt: null });
    po.status = to;
    if (to === 'SENT') po.sentAt = t;
    if (to === 'CONFIRMED') po.confirmedAt = t;
    if (to === 'RECEIVED') po.receivedAt = t;
    if (to === 'CLOSED') po.closedAt = t;
    if (to === 'CANCELLED') po.cancelledAt = t;
    if (to === 'CLOSED' || to === 'CANCELLED') po.statusReason = reason;
  }

  /** The daily check at 06:00 after the expected date flags the order if goods were still missing. */
  private flagIfLate(po: PurchaseOrderSeed, expected: string, arrivedAt: number): void {
    const flaggedAt = timeOn(addDays(expected, 1), 6) + this.rng.int(1, 9) * MINUTE;
    if (flaggedAt >= arrivedAt || flaggedAt >= this.now) return;
    po.overdueFlaggedAt = flaggedAt;
    po.events.push({
      type: 'OVERDUE',
      from: po.status,
      to: po.status,
      reason: `Expected ${expected}; goods still outstanding`,
      actor: 'system',
      at: Math.max(flaggedAt, po.events[po.events.length - 1].at),
      receipt: null,
    });
  }

  private contact(po: PurchaseOrderSeed, at: number, note: string, newDate: string | null): void {
    const t = Math.max(Math.floor(at), po.events[po.events.length - 1].at);
    const actor = po.createdBy;
    po.contacts.push({ note, newExpectedDate: newDate, actor, at: t });
    po.lastExpeditedAt = t;
    if (newDate) {
      po.overdueFlaggedAt = null;
      for (const l of po.lines) if (l.accepted < l.quantity) l.expectedDate = newDate;
    }
    po.events.push({
      type: 'EXPEDITED',
      from: po.status,
      to: po.status,
      reason: newDate ? `${note} (now expected ${newDate})` : note,
      actor,
      at: t,
      receipt: null,
    });
  }

  private receive(
    po: PurchaseOrderSeed,
    at: number,
    actor: string,
    lines: {
      line: PurchaseOrderLineSeed;
      received: number;
      accepted: number;
      rejected: number;
      movement: MovementSeed | null;
    }[],
  ): void {
    const t = Math.max(Math.floor(at), po.events[po.events.length - 1].at);
    const receipt: GoodsReceiptSeed = { id: this.rng.uuid(), number: '', order: po, actor, at: t, lines: [] };
    for (const l of lines) {
      l.line.received += l.received;
      l.line.accepted += l.accepted;
      l.line.rejected += l.rejected;
      receipt.lines.push({
        id: this.rng.uuid(),
        line: l.line,
        received: l.received,
        accepted: l.accepted,
        rejected: l.rejected,
        reason: l.rejected ? rejectionReason(this.rng, l.line.offer.product) : null,
        movement: l.movement,
      });
    }
    po.receipts.push(receipt);
    const accepted = lines.reduce((s, l) => s + l.accepted, 0);
    const rejected = lines.reduce((s, l) => s + l.rejected, 0);
    po.events.push({
      type: 'RECEIVED',
      from: po.status,
      to: po.status,
      reason: `{GR}: ${accepted} accepted${rejected ? `, ${rejected} rejected` : ''}`,
      actor,
      at: t,
      receipt,
    });
    const outstanding = po.lines.some((l) => l.accepted < l.quantity);
    const next = outstanding ? 'PARTIALLY_RECEIVED' : 'RECEIVED';
    if (next !== po.status) {
      this.step(po, next, t, actor, '{GR}');
      po.events[po.events.length - 1].receipt = receipt;
    }
  }

  /** Numbers orders and receipts in time order and points each receipt's movements at them. */
  finish(): { orders: PurchaseOrderSeed[]; receipts: GoodsReceiptSeed[] } {
    const orders = this.orders.sort((a, b) => a.createdAt - b.createdAt);
    orders.forEach((o, i) => (o.number = `PO-${String(i + 1).padStart(6, '0')}`));
    const receipts = orders.flatMap((o) => o.receipts).sort((a, b) => a.at - b.at);
    receipts.forEach((r, i) => (r.number = `GR-${String(i + 1).padStart(6, '0')}`));
    for (const o of orders)
      for (const e of o.events) if (e.receipt) e.reason = e.reason!.replace('{GR}', e.receipt.number);
    for (const r of receipts)
      for (const l of r.lines) {
        if (!l.movement) continue;
        l.movement.reference = r.number;
        l.movement.note = `${l.movement.note?.startsWith('促销') ? '促销活动备货入库' : '供应商到货入库'}，采购单 ${r.order.number}`;
      }
    return { orders, receipts };
  }
}

function supplierNote(level: StockLevelSeed): string | null {
  return level.supplyStopped ? '原供应商批次召回停供，改由本供应商补货' : null;
}

function rejectionReason(rng: Random, product: ProductSeed): RejectionReason {
  const p = product.packaging;
  if (p.includes('PERISHABLE') || p.includes('COLD_CHAIN'))
    return rng.weighted([
      ['EXPIRED', 4],
      ['QUALITY', 4],
      ['DAMAGED', 2],
    ] as const);
  if (p.includes('FRAGILE') || p.includes('LIQUID'))
    return rng.weighted([
      ['DAMAGED', 6],
      ['QUALITY', 2],
      ['WRONG_SPEC', 1],
    ] as const);
  return rng.weighted([
    ['WRONG_SPEC', 3],
    ['QUALITY', 3],
    ['DAMAGED', 3],
    ['EXPIRED', 1],
  ] as const);
}
