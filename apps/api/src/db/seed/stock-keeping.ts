import { DAY, duringHours, HOUR, shanghaiMidnight, shanghaiYmd } from './clock';
import { HistoryContext } from './context';
import { available } from './ledger';
import { ProductSeed, StockLevelSeed } from './model';
import { niceRound } from './stock-plan';
import { staffActor } from './warehouses';

/** Gives newly arrived goods to waiting backorders, as the stock service does after an adjustment. */
export type StockAdded = (productId: string, at: number, actor: string) => void;

/**
 * Everything that happens to stock apart from orders: opening stock, restocking at the reorder point,
 * month-end counts, breakage, a few batch recalls and promotion build-ups.
 */
export class StockKeeping {
  constructor(
    private readonly ctx: HistoryContext,
    private readonly stockAdded: StockAdded,
  ) {
    ctx.ledger.onAvailableDropped = (level, at) => this.watch(level, at);
  }

  scheduleAll(): void {
    for (const level of this.ctx.ledger.levels) this.openingStock(level);
    this.stocktakes();
    this.breakages(30);
    const recalled = this.recalls();
    this.promotions(recalled);
  }

  private get levels(): readonly StockLevelSeed[] {
    return this.ctx.ledger.levels;
  }

  private openingStock(level: StockLevelSeed): void {
    const { rng, scheduler, start } = this.ctx;
    const at = duringHours(start - rng.int(2, 6) * DAY - rng.int(0, 12) * HOUR, 8, 18, rng);
    const quantity = niceRound(level.capacity * rng.between(0.75, 1));
    scheduler.at(at, (t) => this.receive(level, t, quantity, '期初库存入库'));
  }

  /** At the reorder point a purchase goes out; the goods arrive one to three days later. */
  private watch(level: StockLevelSeed, at: number): void {
    if (level.restockDue || level.supplyStopped || available(level) > level.reorderPoint) return;
    const { rng, scheduler } = this.ctx;
    level.restockDue = true;
    scheduler.at(duringHours(at + rng.int(18 * HOUR, 60 * HOUR), 8, 18, rng), (t) => this.restock(level, t));
  }

  private restock(level: StockLevelSeed, at: number): void {
    level.restockDue = false;
    if (level.supplyStopped) return;
    const quantity = niceRound(level.capacity * this.ctx.rng.between(0.85, 1) - available(level));
    if (quantity > 0)
      this.receive(level, at, quantity, `供应商到货入库，采购单 PO${shanghaiYmd(at)}${this.ctx.rng.digits(4)}`);
  }

  private receive(level: StockLevelSeed, at: number, quantity: number, note: string): void {
    const actor = staffActor(level.warehouse, this.ctx.rng);
    this.ctx.ledger.change(level, at, { reason: 'RECEIPT', onHandDelta: quantity, reservedDelta: 0, actor, note });
    this.stockAdded(level.product.id, at, actor);
  }

  /** Month-end counts: a handful of levels per site turn out a few units off. */
  private stocktakes(): void {
    const { rng, scheduler, start, now } = this.ctx;
    for (let day = shanghaiMidnight(start); day < now; day += DAY) {
      if (shanghaiYmd(day).slice(4, 6) === shanghaiYmd(day + DAY).slice(4, 6)) continue;
      for (const level of rng.shuffle(this.levels).slice(0, 12)) {
        const delta = rng.weighted([
          [-3, 8],
          [-2, 15],
          [-1, 30],
          [1, 25],
          [2, 12],
          [3, 5],
        ] as const);
        scheduler.at(day + rng.int(18 * HOUR, 21 * HOUR), (t) => this.count(level, t, delta));
      }
    }
  }

  private count(level: StockLevelSeed, at: number, delta: number): void {
    if (level.onHand + delta < level.reserved) return;
    const actor = staffActor(level.warehouse, this.ctx.rng);
    const note = `月度盘点：实盘${delta < 0 ? '少' : '多'}${Math.abs(delta)}件`;
    this.ctx.ledger.change(level, at, {
      reason: 'COUNT_ADJUSTMENT',
      onHandDelta: delta,
      reservedDelta: 0,
      actor,
      note,
    });
    if (delta > 0) this.stockAdded(level.product.id, at, actor);
  }

  private breakages(count: number): void {
    const { rng, scheduler, start, now } = this.ctx;
    const delicate = this.levels.filter((l) => l.product.packaging.some((p) => p === 'FRAGILE' || p === 'PERISHABLE'));
    for (let i = 0; i < count && delicate.length; i++) {
      const level = rng.pick(delicate);
      scheduler.at(duringHours(rng.int(start, now), 8, 20, rng), (t) =>
        this.damage(level, t, rng.int(1, 3), damageNote(level.product, this.ctx.rng.next())),
      );
    }
  }

  private damage(level: StockLevelSeed, at: number, units: number, note: string): void {
    const quantity = Math.min(units, available(level));
    if (quantity <= 0) return;
    const actor = staffActor(level.warehouse, this.ctx.rng);
    this.ctx.ledger.change(level, at, { reason: 'DAMAGE', onHandDelta: -quantity, reservedDelta: 0, actor, note });
  }

  /**
   * Bad batches of popular items are written off and the supplier stops delivering, so orders for
   * them wait as backorders. Two happened weeks ago and supply came back; four are still going on.
   */
  private recalls(): Set<string> {
    const { rng, now } = this.ctx;
    const current = ['饮用水', '生鲜果蔬', '乳品', '个护清洁'].map((c) => this.mostPopular(c, 0));
    const past = ['肉禽蛋', '零食饮料'].map((c) => this.mostPopular(c, 0));
    for (const product of current) this.recall(product, now - rng.int(3, 8) * DAY, null);
    for (const product of past) this.recall(product, now - rng.int(30, 70) * DAY, rng.int(4, 10) * DAY);
    return new Set(current.map((p) => p.id));
  }

  private mostPopular(category: string, rank: number): ProductSeed {
    const products = [...new Set(this.levels.map((l) => l.product))].filter((p) => p.category === category);
    return products.sort((a, b) => b.popularity - a.popularity)[rank];
  }

  private recall(product: ProductSeed, when: number, outage: number | null): void {
    const { rng, scheduler } = this.ctx;
    const levels = this.ctx.ledger.levelsOf(product.id);
    const at = duringHours(when, 9, 17, rng);
    scheduler.at(at, (t) => {
      for (const level of levels) {
        level.supplyStopped = true;
        this.damage(level, t, available(level), '批次质检不合格，整批下架报损；供应商暂停供货');
      }
    });
    if (outage === null) return;
    scheduler.at(duringHours(at + outage, 9, 17, rng), (t) => {
      for (const level of levels) {
        level.supplyStopped = false;
        this.restock(level, t);
      }
    });
  }

  /** Stock built up for a promotion: these levels end above their high threshold. */
  private promotions(excluded: Set<string>): void {
    const { rng, scheduler, now } = this.ctx;
    const candidates = this.levels.filter((l) => !excluded.has(l.product.id));
    for (const level of rng.shuffle(candidates).slice(0, Math.round(this.levels.length * 0.03))) {
      level.promoted = true;
      scheduler.at(duringHours(now - rng.int(1, 9) * DAY, 9, 17, rng), (t) => {
        const quantity = niceRound(
          level.capacity * this.ctx.rng.between(0.5, 0.8) + Math.max(0, level.capacity - available(level)),
        );
        this.receive(level, t, quantity, '促销活动备货入库');
      });
    }
  }
}

function damageNote(product: ProductSeed, u: number): string {
  if (product.packaging.includes('FRAGILE')) return u < 0.5 ? '搬运破损报损' : '外箱压损，内件破裂';
  if (product.packaging.includes('COLD_CHAIN')) return u < 0.5 ? '冷柜温度异常，报损处理' : '临期商品报损';
  return u < 0.5 ? '品质巡检不合格报损' : '临期商品报损';
}
