import { SERVICE_MINUTES, type PlannedStop } from './delivery-planning';
import type { LatLng } from './geocoder';
import { planRoutes, type PlannerStop } from './route-planner';
import { straightLineTravelTimes } from './travel-time';

/** A stop on a run as planned: when the courier gets there (epoch ms, after any wait for the window). */
export interface RoutedStop {
  stop: PlannedStop;
  eta: number;
}

export interface RoutedRun {
  stops: RoutedStop[];
  units: number;
  /** Road estimate, depot to depot. */
  distanceM: number;
  start: number;
  /** Back at the depot. */
  end: number;
}

/** What planning a zone or re-sequencing a run gives. */
export interface RoutesResult {
  runs: RoutedRun[];
  /** Stops no run can serve within their windows and the capacity (a window already past, too big). */
  unplanned: PlannedStop[];
}

interface RouteOptions {
  depot: LatLng;
  stops: readonly PlannedStop[];
  capacityUnits: number;
  /** When runs may leave, epoch ms. */
  start: number;
  /** Latest return to the depot, epoch ms. */
  end: number;
  /** Search budget; the plan is deterministic while the iteration cap is reached first. */
  budgetMs: number;
}

function route(o: RouteOptions, vehicles: number, locks?: ReadonlyMap<string, number>): RoutesResult {
  if (o.stops.length === 0) return { runs: [], unplanned: [] };
  const travel = straightLineTravelTimes([o.depot, ...o.stops.map((s) => s.position)]);
  const secondsFrom = (t: number) => Math.max(0, (t - o.start) / 1000);
  const plannerStops: PlannerStop[] = o.stops.map((s, i) => {
    const lock = locks?.get(s.key);
    return {
      id: String(i),
      demand: s.units,
      ready: secondsFrom(s.windowStart),
      due: (s.windowEnd - o.start) / 1000,
      service: SERVICE_MINUTES * 60,
      ...(lock !== undefined ? { locked: { vehicle: 0, position: lock } } : {}),
    };
  });
  const plan = planRoutes({
    stops: plannerStops,
    vehicles: Array.from({ length: vehicles }, (_, i) => ({
      id: String(i),
      capacity: o.capacityUnits,
      start: 0,
      end: (o.end - o.start) / 1000,
    })),
    travel,
    timeLimitMs: o.budgetMs,
    maxIterations: Math.min(20_000, 400 * o.stops.length),
    objective: 'vehicles-then-distance',
  });
  const runs = plan.routes.map((r) => {
    const stops = r.stops.map((s) => ({ stop: o.stops[Number(s.id)], eta: o.start + Math.round(s.start * 1000) }));
    const lastIndex = r.stops.length ? Number(r.stops[r.stops.length - 1].id) + 1 : 0;
    const last = r.stops[r.stops.length - 1];
    const back = last ? last.departure + travel.time(lastIndex, 0) : 0;
    return {
      stops,
      units: r.load,
      distanceM: Math.round(r.distance),
      start: o.start,
      end: o.start + Math.round(back * 1000),
    };
  });
  return { runs, unplanned: plan.unassigned.map((id) => o.stops[Number(id)]) };
}

/**
 * Batches a zone's stops into runs from its depot: as few runs as the capacity and the windows allow,
 * then the shortest (straight line × road factor at town speed, SERVICE_MINUTES per door).
 */
export function planZone(o: RouteOptions): RoutesResult {
  return route(o, o.stops.length);
}

/**
 * Puts one run's stops in order again (a stop added, moved or taken off): the stops a dispatcher
 * locked stay at their place (`locks`: stop key → 0-based position, the first positions of the run),
 * the others follow in the best order found. Stops the run can no longer serve come back in `unplanned`.
 */
export function sequenceRun(o: RouteOptions, locks: ReadonlyMap<string, number>): RoutesResult {
  return route(o, 1, locks);
}
