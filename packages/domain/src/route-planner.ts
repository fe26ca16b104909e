import type { TravelTimes } from './travel-time';

/** A delivery stop. Times are in the unit of the travel times (seconds for the delivery module). */
export interface PlannerStop {
  id: string;
  demand: number;
  /** Service may not start before this. */
  ready: number;
  /** Service may not start after this. */
  due: number;
  /** How long the service lasts. */
  service: number;
  /**
   * Dispatcher lock: the stop stays on this vehicle (index into `vehicles`) at this position (index in its
   * route). The locked stops of a vehicle are served first, in position order, so locks at positions
   * 0..k-1 are kept exactly; free stops only ever follow them. A lock that cannot be served (capacity,
   * window, unknown vehicle) sends the stop to `unassigned`.
   */
  locked?: { vehicle: number; position: number };
}

/** A vehicle starting and ending at the depot (node 0). */
export interface PlannerVehicle {
  id: string;
  capacity: number;
  /** When it may leave the depot. */
  start: number;
  /** Latest return to the depot. */
  end: number;
}

/** What to plan. */
export interface PlanInput {
  /** Node 0 = depot, stops are nodes 1..n in order. */
  stops: readonly PlannerStop[];
  vehicles: readonly PlannerVehicle[];
  travel: TravelTimes;
  /** Budget in ms, default 1000. */
  timeLimitMs?: number;
  /**
   * Improvement iterations, default 20,000. The plan depends on the seed alone when they finish within
   * `timeLimitMs`; when the time limit stops the search first, on how far it got. `Infinity` searches
   * until the time limit (the schedule then follows the clock).
   */
  maxIterations?: number;
  seed?: number;
  /** Minimise vehicles first (Solomon style, the default) or distance only. */
  objective?: 'vehicles-then-distance' | 'distance';
}

/** One vehicle's route: the stops in visit order with their times. */
export interface PlannedRoute {
  vehicle: string;
  stops: { id: string; arrival: number; start: number; departure: number }[];
  /** Depot to depot. */
  distance: number;
  load: number;
}

/** The planner's answer. Every route in it is feasible; stops it could not place are in `unassigned`. */
export interface Plan {
  /** Routes of the vehicles that are used, in vehicle order. */
  routes: PlannedRoute[];
  unassigned: string[];
  distance: number;
  /** True when every stop is on a route. */
  feasible: boolean;
}

/** mulberry32: a small seeded PRNG, uniform in [0, 1). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The problem in flat arrays; node 0 is the depot. */
interface Problem {
  n: number;
  size: number;
  T: Float64Array;
  D: Float64Array;
  demand: Float64Array;
  ready: Float64Array;
  due: Float64Array;
  svc: Float64Array;
  cap: Float64Array;
  vStart: Float64Array;
  vEnd: Float64Array;
  /** Vehicles with the same capacity, start and end share a class: one empty vehicle per class is tried. */
  vClass: Int32Array;
  /** Per customer, the other customers nearest first. */
  near: Int32Array[];
}

/** A solution under construction: one route per vehicle (customer nodes, depot left out). */
interface Sol {
  routes: number[][];
  /** Earliest service start per position. */
  es: number[][];
  /** Latest service start per position that keeps the rest of the route feasible. */
  ls: number[][];
  load: number[];
  dist: number[];
  /** Number of locked stops at the head of each route. */
  fixed: number[];
  unassigned: number[];
  total: number;
}

function copySol(s: Sol): Sol {
  const m = s.routes.length;
  const routes: number[][] = new Array(m);
  const es: number[][] = new Array(m);
  const ls: number[][] = new Array(m);
  for (let r = 0; r < m; r++) {
    routes[r] = s.routes[r].slice();
    es[r] = s.es[r].slice();
    ls[r] = s.ls[r].slice();
  }
  return {
    routes,
    es,
    ls,
    load: s.load.slice(),
    dist: s.dist.slice(),
    fixed: s.fixed,
    unassigned: s.unassigned.slice(),
    total: s.total,
  };
}

function usedRoutes(s: Sol): number {
  let k = 0;
  for (const r of s.routes) if (r.length) k++;
  return k;
}

/** Recomputes a route's times, load and distance; false when the route breaks a window or the return time. */
function refresh(p: Problem, s: Sol, r: number): boolean {
  const route = s.routes[r];
  const L = route.length;
  const es = new Array<number>(L);
  const ls = new Array<number>(L);
  let t = p.vStart[r];
  let prev = 0;
  let load = 0;
  let dist = 0;
  let ok = true;
  for (let k = 0; k < L; k++) {
    const u = route[k];
    const st = Math.max(p.ready[u], t + p.T[prev * p.size + u]);
    if (st > p.due[u]) ok = false;
    es[k] = st;
    t = st + p.svc[u];
    load += p.demand[u];
    dist += p.D[prev * p.size + u];
    prev = u;
  }
  dist += p.D[prev * p.size];
  if (t + p.T[prev * p.size] > p.vEnd[r]) ok = false;
  if (load > p.cap[r]) ok = false;
  let latest = p.vEnd[r];
  let next = 0;
  for (let k = L - 1; k >= 0; k--) {
    const u = route[k];
    latest = Math.min(p.due[u], latest - p.T[u * p.size + next] - p.svc[u]);
    ls[k] = latest;
    next = u;
  }
  s.total += dist - s.dist[r];
  s.es[r] = es;
  s.ls[r] = ls;
  s.load[r] = load;
  s.dist[r] = dist;
  return ok;
}

/** Cheapest feasible insertion of u; returns [route, position, added distance] or null. */
function bestInsertion(
  p: Problem,
  s: Sol,
  u: number,
  maxRoutes: number,
  used: number,
  rand: () => number,
  blink: number,
): [number, number, number] | null {
  const size = p.size;
  let bestR = -1;
  let bestK = -1;
  let bestDelta = Infinity;
  const triedClass = new Set<number>();
  const m = s.routes.length;
  for (let r = 0; r < m; r++) {
    const route = s.routes[r];
    const L = route.length;
    if (L === 0) {
      if (used >= maxRoutes || triedClass.has(p.vClass[r])) continue;
      triedClass.add(p.vClass[r]);
    }
    if (s.load[r] + p.demand[u] > p.cap[r]) continue;
    const es = s.es[r];
    const ls = s.ls[r];
    for (let k = s.fixed[r]; k <= L; k++) {
      const prev = k === 0 ? 0 : route[k - 1];
      const next = k === L ? 0 : route[k];
      const delta = p.D[prev * size + u] + p.D[u * size + next] - p.D[prev * size + next];
      if (delta >= bestDelta) continue;
      const dep = k === 0 ? p.vStart[r] : es[k - 1] + p.svc[prev];
      const st = Math.max(p.ready[u], dep + p.T[prev * size + u]);
      if (st > p.due[u]) continue;
      const latestNext = k === L ? p.vEnd[r] : ls[k];
      if (st + p.svc[u] + p.T[u * size + next] > latestNext) continue;
      if (blink > 0 && rand() < blink) continue;
      bestDelta = delta;
      bestR = r;
      bestK = k;
    }
  }
  return bestR < 0 ? null : [bestR, bestK, bestDelta];
}

/** Inserts the unassigned customers one by one at their cheapest place, in a randomly chosen order. */
function recreate(p: Problem, s: Sol, maxRoutes: number, rand: () => number): void {
  const pool = s.unassigned;
  const x = rand();
  if (x < 4 / 11) {
    for (let i = pool.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      const t = pool[i];
      pool[i] = pool[j];
      pool[j] = t;
    }
  } else if (x < 8 / 11) pool.sort((a, b) => p.demand[b] - p.demand[a] || a - b);
  else if (x < 10 / 11) pool.sort((a, b) => p.D[b] - p.D[a] || a - b);
  else pool.sort((a, b) => p.D[a] - p.D[b] || a - b);
  const left: number[] = [];
  let used = usedRoutes(s);
  for (const u of pool) {
    const at = bestInsertion(p, s, u, maxRoutes, used, rand, 0.01);
    if (!at) {
      left.push(u);
      continue;
    }
    const [r, k] = at;
    if (s.routes[r].length === 0) used++;
    s.routes[r].splice(k, 0, u);
    refresh(p, s, r);
  }
  s.unassigned = left;
}

/**
 * String removal (after Christiaens & Vanden Berghe's SISR): around a random seed customer, cut a
 * string of consecutive customers out of each of a few nearby routes.
 */
function ruin(p: Problem, s: Sol, routeOf: Int32Array, rand: () => number, avgRemoved: number): void {
  let nonEmpty = 0;
  let totalLen = 0;
  for (let r = 0; r < s.routes.length; r++) {
    const free = s.routes[r].length - s.fixed[r];
    if (free > 0) {
      nonEmpty++;
      totalLen += free;
    }
  }
  if (nonEmpty === 0) return;
  const lsMax = Math.min(10, totalLen / nonEmpty);
  const ksMax = (4 * avgRemoved) / (1 + lsMax) - 1;
  const ks = Math.floor(rand() * ksMax) + 1;
  routeOf.fill(-1);
  for (let r = 0; r < s.routes.length; r++) for (const u of s.routes[r]) routeOf[u] = r;
  const seed = 1 + Math.floor(rand() * p.n);
  const ruined = new Set<number>();
  const order = p.near[seed];
  for (let i = -1; i < order.length && ruined.size < ks; i++) {
    const c = i < 0 ? seed : order[i];
    const r = routeOf[c];
    if (r < 0 || ruined.has(r)) continue;
    const route = s.routes[r];
    const pos = route.indexOf(c);
    if (pos < s.fixed[r]) continue;
    const free = route.length - s.fixed[r];
    const lMax = Math.min(free, lsMax);
    const len = Math.floor(rand() * lMax) + 1;
    // A string of `len` customers containing c, within the free part of the route.
    const lo = Math.max(s.fixed[r], pos - len + 1);
    const hi = Math.min(pos, route.length - len);
    const from = lo + Math.floor(rand() * (hi - lo + 1));
    const removed = route.splice(from, len);
    for (const v of removed) {
      s.unassigned.push(v);
      routeOf[v] = -1;
    }
    ruined.add(r);
    refresh(p, s, r);
  }
}

function buildProblem(input: PlanInput): Problem {
  const n = input.stops.length;
  const size = n + 1;
  const T = new Float64Array(size * size);
  const D = new Float64Array(size * size);
  for (let i = 0; i < size; i++)
    for (let j = 0; j < size; j++) {
      if (i === j) continue;
      T[i * size + j] = input.travel.time(i, j);
      D[i * size + j] = input.travel.distance(i, j);
    }
  const demand = new Float64Array(size);
  const ready = new Float64Array(size);
  const due = new Float64Array(size);
  const svc = new Float64Array(size);
  input.stops.forEach((s, i) => {
    demand[i + 1] = s.demand;
    ready[i + 1] = s.ready;
    due[i + 1] = s.due;
    svc[i + 1] = s.service;
  });
  const m = input.vehicles.length;
  const cap = new Float64Array(m);
  const vStart = new Float64Array(m);
  const vEnd = new Float64Array(m);
  const vClass = new Int32Array(m);
  const classes = new Map<string, number>();
  input.vehicles.forEach((v, r) => {
    cap[r] = v.capacity;
    vStart[r] = v.start;
    vEnd[r] = v.end;
    const key = `${v.capacity}|${v.start}|${v.end}`;
    if (!classes.has(key)) classes.set(key, classes.size);
    vClass[r] = classes.get(key)!;
  });
  const near: Int32Array[] = [new Int32Array(0)];
  for (let i = 1; i <= n; i++) {
    const others: number[] = [];
    for (let j = 1; j <= n; j++) if (j !== i) others.push(j);
    others.sort((a, b) => D[i * size + a] - D[i * size + b] || a - b);
    near.push(Int32Array.from(others));
  }
  return { n, size, T, D, demand, ready, due, svc, cap, vStart, vEnd, vClass, near };
}

/** Lexicographic: fewer unassigned, then (Solomon style) fewer vehicles, then shorter. */
function better(a: Sol, b: Sol, vehiclesFirst: boolean): boolean {
  if (a.unassigned.length !== b.unassigned.length) return a.unassigned.length < b.unassigned.length;
  if (vehiclesFirst) {
    const ua = usedRoutes(a);
    const ub = usedRoutes(b);
    if (ua !== ub) return ua < ub;
  }
  return a.total < b.total - 1e-9;
}

/**
 * Plans delivery routes with time windows: every vehicle leaves the depot (node 0) no earlier than its
 * `start`, serves its stops within their windows (waiting when early), carries at most its capacity and is
 * back by its `end`. Construction by cheapest insertion, then ruin-and-recreate (string removals around
 * a random customer, greedy reinsertion with blinks) under simulated annealing on distance; with
 * `vehicles-then-distance` the first half of the budget also empties the smallest route and searches for
 * a plan without it (accepting a plan when fewer stops, or stops missed less often, are left out).
 *
 * Deterministic for a given seed (mulberry32) as long as `maxIterations` finish within `timeLimitMs`;
 * when the time limit stops the search first, the plan is the best found so far. Never returns an
 * infeasible route: a stop that fits nowhere is listed in `unassigned` (`feasible` is then false).
 */
export function planRoutes(input: PlanInput): Plan {
  const started = performance.now();
  const timeLimit = input.timeLimitMs ?? 1000;
  const maxIterations = input.maxIterations ?? 20_000;
  const vehiclesFirst = (input.objective ?? 'vehicles-then-distance') === 'vehicles-then-distance';
  const rand = prng(input.seed ?? 1);
  const p = buildProblem(input);
  const m = input.vehicles.length;
  const s: Sol = {
    routes: [],
    es: [],
    ls: [],
    load: [],
    dist: [],
    fixed: new Array<number>(m).fill(0),
    unassigned: [],
    total: 0,
  };
  for (let r = 0; r < m; r++) {
    s.routes.push([]);
    s.es.push([]);
    s.ls.push([]);
    s.load.push(0);
    s.dist.push(0);
  }

  // Locked stops first, in position order; one that breaks its route is left out.
  const locked = input.stops
    .map((stop, i) => ({ node: i + 1, lock: stop.locked }))
    .filter((x) => x.lock !== undefined)
    .sort((a, b) => a.lock!.vehicle - b.lock!.vehicle || a.lock!.position - b.lock!.position || a.node - b.node);
  const isLocked = new Uint8Array(p.size);
  const dropped: number[] = [];
  for (const { node, lock } of locked) {
    isLocked[node] = 1;
    const r = lock!.vehicle;
    if (!Number.isInteger(r) || r < 0 || r >= m) {
      dropped.push(node);
      continue;
    }
    s.routes[r].push(node);
    if (refresh(p, s, r)) s.fixed[r]++;
    else {
      s.routes[r].pop();
      refresh(p, s, r);
      dropped.push(node);
    }
  }
  // A free stop no vehicle could serve even alone is left out from the start.
  const hopeless: number[] = [];
  for (let u = 1; u <= p.n; u++) {
    if (isLocked[u]) continue;
    let possible = false;
    for (let r = 0; r < m && !possible; r++) {
      if (p.demand[u] > p.cap[r]) continue;
      const st = Math.max(p.ready[u], p.vStart[r] + p.T[u]);
      possible = st <= p.due[u] && st + p.svc[u] + p.T[u * p.size] <= p.vEnd[r];
    }
    if (possible) s.unassigned.push(u);
    else hopeless.push(u);
  }
  let maxRoutes = m;
  recreate(p, s, maxRoutes, rand);

  let best = copySol(s);
  let current = s;
  const absences = new Float64Array(p.size);
  const sumAbsences = (x: Sol) => {
    let t = 0;
    for (const u of x.unassigned) t += absences[u];
    return t;
  };
  let meanD = 0;
  for (let u = 1; u <= p.n; u++) meanD += p.D[u] + p.D[u * p.size];
  meanD = p.n ? meanD / (2 * p.n) : 0;
  const t0 = Math.max(1e-9, 2 * meanD);
  const tf = t0 / 100;
  const avgRemoved = Math.min(10, Math.max(1, Math.floor(p.n / 3)));
  const routeOf = new Int32Array(p.size);
  let fleetPhase = vehiclesFirst;
  // The schedule (end of the fleet phase, temperature) follows the iterations when they are bounded, so
  // the plan does not depend on the clock unless the time limit cuts the search short; else the clock.
  const fraction = (it: number, elapsed: number) =>
    Number.isFinite(maxIterations) ? it / maxIterations : Math.min(1, elapsed / timeLimit);

  for (let it = 0; it < maxIterations && p.n > 0; it++) {
    const elapsed = performance.now() - started;
    if (elapsed >= timeLimit) break;
    if (fleetPhase && fraction(it, elapsed) >= 0.5) {
      fleetPhase = false;
      if (best.unassigned.length === 0 || current.unassigned.length >= best.unassigned.length) {
        current = copySol(best);
        maxRoutes = Math.min(m, usedRoutes(best));
      }
    }
    // Fleet reduction: once every stop is placed, drop the smallest route and look for a plan without it.
    if (fleetPhase && current.unassigned.length === 0) {
      let smallest = -1;
      for (let r = 0; r < m; r++) {
        const L = current.routes[r].length;
        if (L === 0 || current.fixed[r] > 0) continue;
        if (smallest < 0 || L < current.routes[smallest].length) smallest = r;
      }
      if (smallest >= 0 && usedRoutes(current) > 1) {
        maxRoutes = usedRoutes(current) - 1;
        current = copySol(current);
        for (const u of current.routes[smallest]) current.unassigned.push(u);
        current.routes[smallest] = [];
        refresh(p, current, smallest);
        absences.fill(0);
      } else fleetPhase = false;
    }
    const next = copySol(current);
    ruin(p, next, routeOf, rand, avgRemoved);
    recreate(p, next, maxRoutes, rand);
    for (const u of next.unassigned) absences[u]++;
    let accept: boolean;
    if (next.unassigned.length || current.unassigned.length) {
      accept =
        next.unassigned.length < current.unassigned.length ||
        (next.unassigned.length === current.unassigned.length && sumAbsences(next) < sumAbsences(current));
    } else {
      const temperature = t0 * Math.pow(tf / t0, fraction(it, elapsed));
      accept = next.total < current.total - temperature * Math.log(rand());
    }
    if (accept) current = next;
    if (better(current, best, vehiclesFirst)) best = copySol(current);
  }

  return toPlan(input, p, best, dropped.concat(hopeless));
}

function toPlan(input: PlanInput, p: Problem, s: Sol, left: number[]): Plan {
  const routes: PlannedRoute[] = [];
  const unassigned = left.concat(s.unassigned);
  let distance = 0;
  for (let r = 0; r < s.routes.length; r++) {
    const route = s.routes[r];
    if (route.length === 0) continue;
    // Recheck the route from scratch; a route that fails (never expected) gives its stops back.
    if (!refresh(p, s, r)) {
      for (const u of route) unassigned.push(u);
      continue;
    }
    const stops: PlannedRoute['stops'] = [];
    let t = p.vStart[r];
    let prev = 0;
    for (const u of route) {
      const arrival = t + p.T[prev * p.size + u];
      const start = Math.max(arrival, p.ready[u]);
      t = start + p.svc[u];
      stops.push({ id: input.stops[u - 1].id, arrival, start, departure: t });
      prev = u;
    }
    routes.push({ vehicle: input.vehicles[r].id, stops, distance: s.dist[r], load: s.load[r] });
    distance += s.dist[r];
  }
  unassigned.sort((a, b) => a - b);
  return {
    routes,
    unassigned: unassigned.map((u) => input.stops[u - 1].id),
    distance,
    feasible: unassigned.length === 0,
  };
}
