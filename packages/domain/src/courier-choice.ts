import type { CourierState } from './delivery-states';

/** A courier as the dispatch compares them for one run. */
export interface CourierCandidate {
  courierId: string;
  code: string;
  state: CourierState;
  /** Zone codes (districts) the courier delivers in. */
  zones: readonly string[];
  /** The courier's shift today, epoch ms. */
  shiftStart: number;
  shiftEnd: number;
  capacityUnits: number;
  capacityKg: number;
  /** What runs already assigned to the courier carry. */
  loadUnits: number;
  loadKg: number;
  /** Straight-line kilometres from where the courier is to the run's first stop. */
  kmToFirstStop: number;
  /** Share of the courier's deliveries on time, 0–100; null while unrated. */
  onTimeRate: number | null;
}

/** What a run asks of its courier. */
export interface RunNeeds {
  zone: string;
  units: number;
  kg: number;
  /** When the run leaves and when its last stop is due, epoch ms. */
  start: number;
  end: number;
}

export interface RankedCourier extends CourierCandidate {
  eligible: boolean;
  excludedBecause: string | null;
  /** 1 for the courier the run is assigned to; null when ineligible. */
  rank: number | null;
  /** Stored with the assignment, so a dispatcher's override can be explained. */
  points: { distance: number; load: number; onTime: number; total: number };
}

/** How much each part weighs in a courier's total points. */
export const COURIER_CHOICE_WEIGHTS = { distance: 0.5, load: 0.2, onTime: 0.3 } as const;

/** On-time points for a courier without a record yet. */
export const UNRATED_ON_TIME_POINTS = 60;

const round2 = (x: number) => Math.round(x * 100) / 100;

function exclusion(c: CourierCandidate, n: RunNeeds): string | null {
  if (c.state === 'OFF_DUTY') return 'The courier is off duty';
  if (!c.zones.includes(n.zone)) return `The courier does not deliver in ${n.zone}`;
  if (n.start < c.shiftStart || n.end > c.shiftEnd) return 'The run does not fit in the courier’s shift';
  if (c.loadUnits + n.units > c.capacityUnits)
    return `The vehicle has room for ${Math.max(0, c.capacityUnits - c.loadUnits)} more units, the run needs ${n.units}`;
  if (c.loadKg + n.kg > c.capacityKg)
    return `The vehicle can take ${Math.max(0, c.capacityKg - c.loadKg)} kg more, the run weighs ${n.kg} kg`;
  return null;
}

/**
 * Ranks couriers for one run. Ineligible (the first reason that applies is given): off duty, not
 * delivering in the run's zone, the run outside the shift, not enough room left in units or kg.
 * Points out of 100: distance to the first stop × 50 % (nearest eligible = 100, others nearest / own,
 * distances count at least 0.1 km), load × 20 % (the share of units capacity still free after the run),
 * on-time record × 30 % (the rate itself; unrated counts 60). Eligible couriers come first by total
 * points, ranked 1…n, then the ineligible ones; ties and the ineligible are ordered by code.
 */
export function rankCouriers(candidates: readonly CourierCandidate[], needs: RunNeeds): RankedCourier[] {
  const verdicts = candidates.map((c) => ({ c, excludedBecause: exclusion(c, needs) }));
  const eligible = verdicts.filter((v) => v.excludedBecause === null).map((v) => v.c);
  const reference = eligible.length ? eligible : candidates;
  const nearest = Math.min(...reference.map((c) => Math.max(0.1, c.kmToFirstStop)));
  const w = COURIER_CHOICE_WEIGHTS;
  const ranked: RankedCourier[] = verdicts.map(({ c, excludedBecause }) => {
    const distance = Math.min(100, (nearest * 100) / Math.max(0.1, c.kmToFirstStop));
    const free = c.capacityUnits > 0 ? 1 - (c.loadUnits + needs.units) / c.capacityUnits : 0;
    const load = Math.max(0, Math.min(100, free * 100));
    const onTime = c.onTimeRate === null ? UNRATED_ON_TIME_POINTS : Math.max(0, Math.min(100, c.onTimeRate));
    const total = distance * w.distance + load * w.load + onTime * w.onTime;
    // Spelled out rather than spread: ranking runs per run and courier.
    return {
      courierId: c.courierId,
      code: c.code,
      state: c.state,
      zones: c.zones,
      shiftStart: c.shiftStart,
      shiftEnd: c.shiftEnd,
      capacityUnits: c.capacityUnits,
      capacityKg: c.capacityKg,
      loadUnits: c.loadUnits,
      loadKg: c.loadKg,
      kmToFirstStop: c.kmToFirstStop,
      onTimeRate: c.onTimeRate,
      eligible: excludedBecause === null,
      excludedBecause,
      rank: null,
      points: { distance: round2(distance), load: round2(load), onTime: round2(onTime), total: round2(total) },
    };
  });
  const byCode = (a: RankedCourier, b: RankedCourier) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
  const ordered = [
    ...ranked.filter((r) => r.eligible).sort((a, b) => b.points.total - a.points.total || byCode(a, b)),
    ...ranked.filter((r) => !r.eligible).sort(byCode),
  ];
  ordered.forEach((r, i) => {
    if (r.eligible) r.rank = i + 1;
  });
  return ordered;
}
