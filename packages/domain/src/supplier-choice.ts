import type { SupplierStanding } from './supplier-scorecard';

/** One supplier's offer for a product, as the suggestion compares them. */
export interface SupplierCandidate {
  supplierId: string;
  supplierCode: string;
  status: 'QUALIFIED' | 'PROBATION' | 'SUSPENDED';
  standing: SupplierStanding;
  /** Rolling scorecard score, null while unrated. */
  score: number | null;
  unitPriceFen: number;
  leadTimeDays: number;
  /** The supplier delivers to the destination warehouse's region. */
  deliversToRegion: boolean;
  minOrderQty: number;
  packMultiple: number;
}

/** A candidate with the verdict and the points behind it, so the suggestion explains itself. */
export interface RankedCandidate extends SupplierCandidate {
  eligible: boolean;
  excludedBecause: string | null;
  /** 1 for the suggested supplier; null when ineligible. */
  rank: number | null;
  points: { score: number; price: number; leadTime: number; total: number };
}

/** How much each part weighs in a candidate's total points. */
export const SUPPLIER_CHOICE_WEIGHTS = { score: 0.5, price: 0.3, leadTime: 0.2 } as const;

/** Score points for an unrated supplier: neither perfect nor failing. */
export const UNRATED_SCORE_POINTS = 60;

/** Score points taken off a supplier on probation. */
export const PROBATION_PENALTY = 10;

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

function exclusion(c: SupplierCandidate): string | null {
  if (c.status === 'SUSPENDED') return 'The supplier is suspended';
  if (c.standing === 'BLOCKED')
    return `The supplier is blocked by its scorecard${c.score === null ? '' : ` (score ${c.score})`}`;
  if (!c.deliversToRegion) return "The supplier does not deliver to the destination's region";
  return null;
}

/** Best / own as points out of 100, capped at 100 (an ineligible candidate may beat the best eligible). */
function relative(best: number, own: number): number {
  return Math.min(100, (best * 100) / own);
}

/**
 * Ranks the suppliers of one product for one destination. Ineligible: suspended, blocked by its
 * scorecard, or not delivering to the destination's region (the first reason that applies is given).
 * Points out of 100: score × 50 % (unrated counts as 60, probation takes 10 off), price × 30 % (cheapest
 * eligible = 100, others cheapest / price × 100), lead time × 20 % (shortest eligible = 100, others
 * shortest / lead × 100). Prices and lead times count at least 1 so a zero does not divide by zero; with no
 * eligible candidate the references come from all of them. Eligible candidates come first by total points
 * descending, ranked 1…n, then the ineligible ones; ties and the ineligible are ordered by supplierCode.
 */
export function rankSuppliers(c: SupplierCandidate[]): RankedCandidate[] {
  const verdicts = c.map((x) => ({ x, excludedBecause: exclusion(x) }));
  const eligible = verdicts.filter((v) => v.excludedBecause === null).map((v) => v.x);
  const reference = eligible.length ? eligible : c;
  const cheapest = Math.min(...reference.map((x) => Math.max(1, x.unitPriceFen)));
  const shortest = Math.min(...reference.map((x) => Math.max(1, x.leadTimeDays)));

  const ranked: RankedCandidate[] = verdicts.map(({ x, excludedBecause }) => {
    const base = x.standing === 'UNRATED' || x.score === null ? UNRATED_SCORE_POINTS : x.score;
    const score = Math.max(0, Math.min(100, base - (x.status === 'PROBATION' ? PROBATION_PENALTY : 0)));
    const price = relative(cheapest, Math.max(1, x.unitPriceFen));
    const leadTime = relative(shortest, Math.max(1, x.leadTimeDays));
    const w = SUPPLIER_CHOICE_WEIGHTS;
    const total = score * w.score + price * w.price + leadTime * w.leadTime;
    // Spelled out rather than `{ ...x, … }` (a 14-property spread is slow in V8; bench 9 ranks per stock level).
    return {
      supplierId: x.supplierId,
      supplierCode: x.supplierCode,
      status: x.status,
      standing: x.standing,
      score: x.score,
      unitPriceFen: x.unitPriceFen,
      leadTimeDays: x.leadTimeDays,
      deliversToRegion: x.deliversToRegion,
      minOrderQty: x.minOrderQty,
      packMultiple: x.packMultiple,
      eligible: excludedBecause === null,
      excludedBecause,
      rank: null,
      points: { score: round2(score), price: round2(price), leadTime: round2(leadTime), total: round2(total) },
    };
  });

  const byCode = (a: RankedCandidate, b: RankedCandidate) =>
    a.supplierCode < b.supplierCode ? -1 : a.supplierCode > b.supplierCode ? 1 : 0;
  const ordered = [
    ...ranked.filter((r) => r.eligible).sort((a, b) => b.points.total - a.points.total || byCode(a, b)),
    ...ranked.filter((r) => !r.eligible).sort(byCode),
  ];
  ordered.forEach((r, i) => {
    if (r.eligible) r.rank = i + 1;
  });
  return ordered;
}
