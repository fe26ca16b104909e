/** One purchase order line as the scorecard sees it; dates are calendar days, YYYY-MM-DD. */
export interface DeliveryLine {
  /** The date frozen at confirmation (never the later expected date). */
  promisedDate: string;
  quantityDue: number;
  receipts: { date: string; accepted: number; rejected: number }[];
  quotedLeadDays: number;
  confirmedDate: string;
  unitPriceFen: number;
  /** Mean price of the other suppliers' offers of the product, null if none. */
  marketPriceFen: number | null;
}

/** The sums a period's criterion scores are computed from, stored on the period as its snapshot. */
export interface ScorecardMetrics {
  /** Σ quantityDue over lines promised in the period. */
  due: number;
  /** Σ accepted units that arrived by the promised date, capped per line at its due quantity. */
  onTimeInFull: number;
  /** Σ (accepted + rejected) over receipts dated in the period. */
  received: number;
  /** Σ accepted over receipts dated in the period. */
  accepted: number;
  leadTimeLines: number;
  /** Σ per-line min(1, quoted / actual lead days), each in [0, 1]. */
  leadTimeKeptSum: number;
  priceLines: number;
  /** Σ per-line min(1, market / unit price), each in [0, 1]. */
  priceIndexSum: number;
  /** Units of the supplier's goods that customers returned for quality, traced in the period (after-sales). */
  qualityReturned: number;
}

/** Each criterion's score in [0, 100], or null when the period gave it no data. */
export interface CriterionScores {
  onTimeInFull: number | null;
  inspectionPassRate: number | null;
  leadTimeKept: number | null;
  priceIndex: number | null;
  afterSalesQuality: number | null;
}

/**
 * The criteria and their weights (summing to 100). Adding one is one line here plus its field in
 * `CriterionScores`; totals re-normalise over the criteria that have data, so a criterion without data
 * never counts as 0 or as 100.
 */
export const SCORECARD_CRITERIA = [
  { key: 'onTimeInFull', weight: 35 },
  { key: 'inspectionPassRate', weight: 25 },
  { key: 'leadTimeKept', weight: 15 },
  { key: 'priceIndex', weight: 15 },
  { key: 'afterSalesQuality', weight: 10 },
] as const satisfies readonly { key: keyof CriterionScores; weight: number }[];

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;
const MS_PER_DAY = 86_400_000;

function day(d: string): number {
  const t = DAY_RE.test(d) ? Date.parse(`${d}T00:00:00Z`) : Number.NaN;
  if (Number.isNaN(t)) throw new RangeError(`expected a date as YYYY-MM-DD, got "${d}"`);
  return t / MS_PER_DAY;
}

/** Two decimals, so stored scores and the standings derived from them agree at band edges. */
function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

/**
 * Sums a supplier's delivery lines for one period (inclusive calendar days). Pass every line that may
 * have activity in it: those promised in the period and those with receipts dated in it.
 * - On time in full, over lines promised in the period: units *accepted* on or before the promised date,
 *   capped at the line's due quantity. Rejected units do not fill an order, partial deliveries count for
 *   what arrived, and over-delivery never lifts a line above 100 %.
 * - Inspection, over receipts dated in the period whatever the line's promise: accepted and received.
 * - Lead time kept, over lines promised in the period with a receipt: min(1, quoted / actual), where
 *   actual runs from confirmation to the receipt that completed the line (accepted reached the due
 *   quantity), else to the last receipt; both sides count at least 1 day, so a same-day quote met the
 *   next day is kept rather than scored 0.
 * - Price index, over lines promised in the period with a market price: min(1, market / unit price), so
 *   being cheaper than the market scores 100 and never more.
 * - After-sales quality: units customers returned for quality that were traced to the supplier's
 *   receipts in the period (`qualityReturned`), against the units accepted in it.
 */
export function scorecardMetrics(
  lines: DeliveryLine[],
  period: { start: string; end: string },
  qualityReturned = 0,
): ScorecardMetrics {
  const start = day(period.start);
  const end = day(period.end);
  const inPeriod = (d: string) => day(d) >= start && day(d) <= end;
  const m: ScorecardMetrics = {
    due: 0,
    onTimeInFull: 0,
    received: 0,
    accepted: 0,
    leadTimeLines: 0,
    leadTimeKeptSum: 0,
    priceLines: 0,
    priceIndexSum: 0,
    qualityReturned,
  };
  for (const line of lines) {
    for (const r of line.receipts) {
      if (!inPeriod(r.date)) continue;
      m.received += r.accepted + r.rejected;
      m.accepted += r.accepted;
    }
    if (!inPeriod(line.promisedDate)) continue;

    const promised = day(line.promisedDate);
    const onTime = line.receipts.filter((r) => day(r.date) <= promised).reduce((s, r) => s + r.accepted, 0);
    m.due += line.quantityDue;
    m.onTimeInFull += Math.min(onTime, line.quantityDue);

    const receipts = [...line.receipts].sort((a, b) => day(a.date) - day(b.date));
    if (receipts.length) {
      let sum = 0;
      let arrived = receipts[receipts.length - 1];
      for (const r of receipts) {
        sum += r.accepted;
        if (sum >= line.quantityDue) {
          arrived = r;
          break;
        }
      }
      const actualDays = day(arrived.date) - day(line.confirmedDate);
      m.leadTimeLines += 1;
      m.leadTimeKeptSum += Math.min(1, Math.max(1, line.quotedLeadDays) / Math.max(1, actualDays));
    }

    if (line.marketPriceFen !== null) {
      m.priceLines += 1;
      m.priceIndexSum += line.unitPriceFen > 0 ? Math.min(1, line.marketPriceFen / line.unitPriceFen) : 1;
    }
  }
  return m;
}

/** Each criterion's score from a period's sums, rounded to 2 decimals; null where there was nothing to measure. */
export function criterionScores(m: ScorecardMetrics): CriterionScores {
  const pct = (part: number, whole: number) => (whole > 0 ? round2((part * 100) / whole) : null);
  return {
    onTimeInFull: pct(m.onTimeInFull, m.due),
    inspectionPassRate: pct(m.accepted, m.received),
    leadTimeKept: pct(m.leadTimeKeptSum, m.leadTimeLines),
    priceIndex: pct(m.priceIndexSum, m.priceLines),
    // Returns from older receipts can outnumber this period's accepted units: the score stops at 0.
    afterSalesQuality: m.accepted > 0 ? Math.max(0, round2(100 - (m.qualityReturned * 100) / m.accepted)) : null,
  };
}

/** The weighted mean of the criteria that have data (weights re-normalised over them), or null when none has. */
export function totalScore(s: CriterionScores): number | null {
  let weighted = 0;
  let weights = 0;
  for (const c of SCORECARD_CRITERIA) {
    const v = s[c.key];
    if (v === null) continue;
    weighted += v * c.weight;
    weights += c.weight;
  }
  return weights > 0 ? round2(weighted / weights) : null;
}

/** A supplier's standing from its score; UNRATED means no data yet, which is neither good nor bad. */
export const SUPPLIER_STANDINGS = ['EXCELLENT', 'GOOD', 'WATCH', 'BLOCKED', 'UNRATED'] as const;
export type SupplierStanding = (typeof SUPPLIER_STANDINGS)[number];

/** The lower bound of each rated standing, best first; anything below the last is BLOCKED. */
export const STANDING_FLOORS = { EXCELLENT: 85, GOOD: 70, WATCH: 50 } as const;

/** The standing a score earns: ≥ 85 EXCELLENT, ≥ 70 GOOD, ≥ 50 WATCH, below BLOCKED, null UNRATED. */
export function standingOf(score: number | null): SupplierStanding {
  if (score === null) return 'UNRATED';
  if (score >= STANDING_FLOORS.EXCELLENT) return 'EXCELLENT';
  if (score >= STANDING_FLOORS.GOOD) return 'GOOD';
  if (score >= STANDING_FLOORS.WATCH) return 'WATCH';
  return 'BLOCKED';
}

/** How many periods the rolling score looks back over. */
export const ROLLING_PERIODS = 12;

/**
 * The supplier's rolling score over its period scores, newest first, with ERPNext's linear decay: the
 * period n back (0 = newest) weighs (12 − n) / 12. Periods without a score are left out of both sums
 * (never counted as 100), but still age the older ones: n counts calendar periods, so a quiet spell does
 * not make an old score fresh again. Null when no period of the last 12 has a score.
 */
export function rollingScore(periods: { score: number | null }[]): number | null {
  let weighted = 0;
  let weights = 0;
  periods.slice(0, ROLLING_PERIODS).forEach((p, n) => {
    if (p.score === null) return;
    const w = (ROLLING_PERIODS - n) / ROLLING_PERIODS;
    weighted += p.score * w;
    weights += w;
  });
  return weights > 0 ? round2(weighted / weights) : null;
}

/** Whether new purchase orders to a supplier in this standing need an override reason. */
export function standingBlocksOrders(s: SupplierStanding): boolean {
  return s === 'BLOCKED';
}
