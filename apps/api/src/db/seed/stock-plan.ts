import type { Region } from '@fulfilment/domain';
import { available } from './ledger';
import { ProductSeed, StockLevelSeed, WarehouseSeed } from './model';
import { OrderDraft } from './order-drafts';
import { Random } from './random';

/** Share of levels that end at or just below their low threshold, and above their high one. */
const LOW_SHARE = 0.1;

/**
 * Which warehouses stock which products, and how much each should hold. Sizes follow the demand the
 * drafted orders will put on each level, so fast movers run down and get restocked during the history.
 */
export function planStockLevels(
  rng: Random,
  products: readonly ProductSeed[],
  warehouses: readonly WarehouseSeed[],
  drafts: readonly OrderDraft[],
): StockLevelSeed[] {
  const demand = demandByProductRegion(drafts);
  const regionWeight = regionShares(drafts);
  return products
    .filter((p) => p.active)
    .flatMap((product) => {
      const sites = chooseSites(rng, product, warehouses, regionWeight);
      const perSite = demandPerSite(sites, demand.get(product.id) ?? new Map());
      return sites.map((warehouse, i) => newLevel(rng, product, warehouse, perSite[i]));
    });
}

function demandByProductRegion(drafts: readonly OrderDraft[]): Map<string, Map<Region, number>> {
  const demand = new Map<string, Map<Region, number>>();
  for (const d of drafts) {
    for (const line of d.lines) {
      const byRegion = demand.get(line.product.id) ?? new Map<Region, number>();
      byRegion.set(d.delivery.region, (byRegion.get(d.delivery.region) ?? 0) + line.quantity);
      demand.set(line.product.id, byRegion);
    }
  }
  return demand;
}

function regionShares(drafts: readonly OrderDraft[]): Map<Region, number> {
  const shares = new Map<Region, number>();
  for (const d of drafts) shares.set(d.delivery.region, (shares.get(d.delivery.region) ?? 0) + 1);
  return shares;
}

/** 2–5 sites in different regions where possible, busier regions first; popular items go wider. */
function chooseSites(
  rng: Random,
  product: ProductSeed,
  warehouses: readonly WarehouseSeed[],
  regionWeight: Map<Region, number>,
): WarehouseSeed[] {
  const base = rng.weighted([
    [2, 20],
    [3, 35],
    [4, 30],
    [5, 15],
  ] as const);
  const count = Math.min(5, base + (product.popularity > 4 ? 1 : 0));
  const regions = [...new Set(warehouses.map((w) => w.region))];
  // Weighted shuffle (Efraimidis–Spirakis): a random order that favours regions with more orders.
  const ordered = regions
    .map((r) => ({ r, key: Math.pow(rng.next(), 1 / (regionWeight.get(r) ?? 1)) }))
    .sort((a, b) => b.key - a.key)
    .map((x) => x.r);
  const chosen: WarehouseSeed[] = [];
  for (const region of ordered) {
    if (chosen.length === count) break;
    const inRegion = warehouses.filter((w) => w.region === region);
    chosen.push(rng.weighted(inRegion.map((w) => [w, w.kind === 'WAREHOUSE' ? 65 : 35] as const)));
  }
  // Fewer regions than wanted sites: add the stations of regions already chosen.
  for (const w of warehouses) {
    if (chosen.length >= count) break;
    if (!chosen.includes(w) && chosen.some((c) => c.region === w.region)) chosen.push(w);
  }
  return chosen;
}

/** Allocation serves a region from its own sites first; regions without a site spread over all. */
function demandPerSite(sites: readonly WarehouseSeed[], demand: Map<Region, number>): number[] {
  const perSite = sites.map(() => 0);
  for (const [region, units] of demand) {
    const local = sites.map((s, i) => (s.region === region ? i : -1)).filter((i) => i >= 0);
    const targets = local.length ? local : sites.map((_, i) => i);
    for (const i of targets) perSite[i] += units / targets.length;
  }
  return perSite;
}

function newLevel(rng: Random, product: ProductSeed, warehouse: WarehouseSeed, demand: number): StockLevelSeed {
  const floor = warehouse.kind === 'WAREHOUSE' ? rng.int(40, 90) : rng.int(15, 35);
  const capacity = niceRound(Math.max(floor, demand * rng.between(0.45, 0.9)));
  const reorderPoint = Math.max(3, Math.round(capacity * rng.between(0.18, 0.3)));
  return {
    id: rng.uuid(),
    product,
    warehouse,
    onHand: 0,
    reserved: 0,
    reorderPoint,
    capacity,
    lowThreshold: reorderPoint,
    highThreshold: capacity,
    updatedAt: 0,
    restockDue: false,
    supplyStopped: false,
    promoted: false,
  };
}

/** Round quantities the way buyers do: tens for big numbers, fives for middling ones. */
export function niceRound(n: number): number {
  if (n >= 200) return Math.round(n / 20) * 20;
  if (n >= 100) return Math.round(n / 10) * 10;
  if (n >= 30) return Math.round(n / 5) * 5;
  return Math.max(1, Math.round(n));
}

/**
 * Settles the stored thresholds against where the history left each level: about a tenth at or just
 * below the low threshold, the promoted ones above the high one, the rest comfortably in between.
 * Thresholds are configuration with no history of their own, so settling them last is invisible.
 */
export function settleThresholds(rng: Random, levels: readonly StockLevelSeed[]): void {
  const target = Math.round(levels.length * LOW_SHARE);
  const low = levels.filter((l) => available(l) <= l.reorderPoint && !l.promoted);
  const others = levels.filter((l) => !low.includes(l) && !l.promoted);
  if (low.length > target) {
    // Keep the emptiest as low; the rest count as restocked in time (unless nearly empty anyway).
    low.sort((a, b) => available(a) / a.reorderPoint - available(b) / b.reorderPoint);
    const demoted = low.splice(target);
    low.push(...demoted.filter((l) => available(l) < 4));
    others.push(...demoted.filter((l) => available(l) >= 4));
  } else {
    others.sort((a, b) => available(a) / a.capacity - available(b) / b.capacity);
    while (low.length < target && others.length) low.push(others.shift()!);
  }
  for (const l of low) setLow(rng, l);
  for (const l of others) setComfortable(rng, l);
  for (const l of levels.filter((x) => x.promoted)) setOverstocked(rng, l);
}

function setLow(rng: Random, l: StockLevelSeed): void {
  const a = available(l);
  // "Just below": the threshold sits a little above what is left, but not absurdly low for the site.
  l.lowThreshold =
    a === 0
      ? l.reorderPoint
      : Math.max(a + rng.int(0, Math.max(1, Math.round(a * 0.25))), Math.round(l.reorderPoint / 2));
  l.highThreshold = Math.max(l.capacity, Math.ceil(l.lowThreshold * 2.5));
}

function setComfortable(rng: Random, l: StockLevelSeed): void {
  const a = available(l);
  l.lowThreshold = Math.min(l.reorderPoint, Math.floor(a * rng.between(0.5, 0.75)));
  l.highThreshold = a >= l.capacity * 0.9 ? niceRound(a * rng.between(1.2, 1.5)) + 1 : l.capacity;
}

function setOverstocked(rng: Random, l: StockLevelSeed): void {
  const a = available(l);
  l.lowThreshold = Math.min(l.reorderPoint, Math.floor(a * 0.3));
  l.highThreshold = Math.max(l.lowThreshold + 1, Math.min(l.capacity, Math.floor(a * rng.between(0.7, 0.9))));
}
