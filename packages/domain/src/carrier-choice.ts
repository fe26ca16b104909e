import type { Region } from './regions';

/** Who carries: our own fleet, or a partner carrier. */
export const CARRIER_KINDS = ['OWN_FLEET', 'PARTNER'] as const;
export type CarrierKind = (typeof CARRIER_KINDS)[number];

/** How a shipment travels: express parcel service, or freight for bulk. */
export const SHIPPING_METHODS = ['EXPRESS', 'FREIGHT'] as const;
export type ShippingMethod = (typeof SHIPPING_METHODS)[number];

/** From this weight in grams a shipment goes by freight: express services refuse it. */
export const FREIGHT_FROM_G = 30_000;

/**
 * Express for small or urgent shipments, freight for bulk: FREIGHT when the weight is ≥ FREIGHT_FROM_G,
 * even if urgent (express services refuse it); else EXPRESS. Urgency therefore does not change the
 * method today; it is taken so callers state it and the rule can grow. Throws RangeError for a weight
 * that is not a finite number ≥ 0.
 */
export function shippingMethod(weightG: number, _urgent: boolean): ShippingMethod {
  if (!Number.isFinite(weightG) || weightG < 0)
    throw new RangeError(`weightG must be a finite number ≥ 0, got ${weightG}`);
  return weightG >= FREIGHT_FROM_G ? 'FREIGHT' : 'EXPRESS';
}

/** One carrier's offer for a shipment, as the choice compares them. */
export interface CarrierCandidate {
  carrierId: string;
  code: string;
  kind: CarrierKind;
  active: boolean;
  regions: readonly Region[];
  methods: readonly ShippingMethod[];
  /** Share of shipments delivered on time, 0–100; null while unrated. */
  reliability: number | null;
  /** Price for this shipment in fen. */
  priceFen: number;
  transitDays: number;
}

/** A candidate with the verdict and the points behind it, so the choice explains itself. */
export interface RankedCarrier extends CarrierCandidate {
  eligible: boolean;
  excludedBecause: string | null;
  /** 1 for the suggested carrier; null when ineligible. */
  rank: number | null;
  points: { reliability: number; price: number; speed: number; total: number };
}

/** How much each part weighs in a carrier's total points. */
export const CARRIER_CHOICE_WEIGHTS = { reliability: 0.4, price: 0.35, speed: 0.25 } as const;

/** Reliability points for an unrated carrier: neither perfect nor failing. */
export const UNRATED_RELIABILITY_POINTS = 60;

/**
 * A carrier's price for a shipment in fen: the base price plus the price per kg for each started kg
 * (the weight rounded up to whole kg, at least 1 kg). Throws RangeError for prices that are not whole
 * numbers ≥ 0 or a weight that is not a finite number ≥ 0.
 */
export function carrierPriceFen(base: number, perKgFen: number, weightG: number): number {
  if (!Number.isInteger(base) || base < 0) throw new RangeError(`base must be whole fen ≥ 0, got ${base}`);
  if (!Number.isInteger(perKgFen) || perKgFen < 0)
    throw new RangeError(`perKgFen must be whole fen ≥ 0, got ${perKgFen}`);
  if (!Number.isFinite(weightG) || weightG < 0)
    throw new RangeError(`weightG must be a finite number ≥ 0, got ${weightG}`);
  return base + perKgFen * Math.max(1, Math.ceil(weightG / 1000));
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

function exclusion(c: CarrierCandidate, destination: Region, method: ShippingMethod): string | null {
  if (!c.active) return 'The carrier is inactive';
  if (!c.regions.includes(destination)) return "The carrier does not serve the destination's region";
  if (!c.methods.includes(method)) return `The carrier does not offer ${method}`;
  return null;
}

/** Best / own as points out of 100, capped at 100 (an ineligible candidate may beat the best eligible). */
function relative(best: number, own: number): number {
  return Math.min(100, (best * 100) / own);
}

/**
 * Ranks the carriers for one shipment to a destination region by a shipping method. Ineligible (the
 * first reason that applies is given): inactive, not serving the destination's region, or not offering
 * the method. Points out of 100: reliability × 40 % (unrated counts as 60), price × 35 % (cheapest
 * eligible = 100, others cheapest / price × 100), speed × 25 % (fastest eligible = 100, others fastest /
 * transit days × 100). Prices and transit days count at least 1 so a zero does not divide by zero; with
 * no eligible candidate the references come from all of them. Points are rounded to 2 decimals. Eligible
 * carriers come first by total points descending, ranked 1…n, then the ineligible ones; ties and the
 * ineligible are ordered by code.
 */
export function rankCarriers(
  c: readonly CarrierCandidate[],
  destination: Region,
  method: ShippingMethod,
): RankedCarrier[] {
  const verdicts = c.map((x) => ({ x, excludedBecause: exclusion(x, destination, method) }));
  const eligible = verdicts.filter((v) => v.excludedBecause === null).map((v) => v.x);
  const reference = eligible.length ? eligible : c;
  const cheapest = Math.min(...reference.map((x) => Math.max(1, x.priceFen)));
  const fastest = Math.min(...reference.map((x) => Math.max(1, x.transitDays)));

  const ranked: RankedCarrier[] = verdicts.map(({ x, excludedBecause }) => {
    const reliability = x.reliability === null ? UNRATED_RELIABILITY_POINTS : Math.max(0, Math.min(100, x.reliability));
    const price = relative(cheapest, Math.max(1, x.priceFen));
    const speed = relative(fastest, Math.max(1, x.transitDays));
    const w = CARRIER_CHOICE_WEIGHTS;
    const total = reliability * w.reliability + price * w.price + speed * w.speed;
    // Spelled out rather than `{ ...x, … }`, which is slow in V8 for objects this size.
    return {
      carrierId: x.carrierId,
      code: x.code,
      kind: x.kind,
      active: x.active,
      regions: x.regions,
      methods: x.methods,
      reliability: x.reliability,
      priceFen: x.priceFen,
      transitDays: x.transitDays,
      eligible: excludedBecause === null,
      excludedBecause,
      rank: null,
      points: { reliability: round2(reliability), price: round2(price), speed: round2(speed), total: round2(total) },
    };
  });

  const byCode = (a: RankedCarrier, b: RankedCarrier) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
  const ordered = [
    ...ranked.filter((r) => r.eligible).sort((a, b) => b.points.total - a.points.total || byCode(a, b)),
    ...ranked.filter((r) => !r.eligible).sort(byCode),
  ];
  ordered.forEach((r, i) => {
    if (r.eligible) r.rank = i + 1;
  });
  return ordered;
}
