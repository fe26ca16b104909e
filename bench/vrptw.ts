import { readFileSync } from 'node:fs';
import { matrixTravelTimes, planRoutes, type Plan, type PlanInput } from '@fulfilment/domain';

/** A Solomon instance in the CVRPTW text format of the LKH-3 distribution (see the data's README). */
export interface SolomonInstance {
  name: string;
  /** At most this many routes. */
  vehicles: number;
  capacity: number;
  service: number;
  /** Node ids as in the file; index 0 is the depot. */
  ids: number[];
  x: number[];
  y: number[];
  demand: number[];
  ready: number[];
  due: number[];
}

/** Reads an instance file: node 1 (DEPOT_SECTION) comes first, then the customers in file order. */
export function readSolomon(path: string): SolomonInstance {
  const lines = readFileSync(path, 'utf8').split('\n');
  const header = new Map<string, string>();
  const sections = new Map<string, number[][]>();
  let section = '';
  for (const raw of lines) {
    const line = raw.trim();
    if (!line || line === 'EOF') continue;
    const kv = /^([A-Z_]+)\s*:\s*(.*)$/.exec(line);
    if (kv) {
      header.set(kv[1], kv[2]);
      continue;
    }
    if (/^[A-Z_]+$/.test(line)) {
      section = line;
      sections.set(section, []);
      continue;
    }
    sections.get(section)?.push(line.split(/\s+/).map(Number));
  }
  const coords = sections.get('NODE_COORD_SECTION') ?? [];
  const depotId = (sections.get('DEPOT_SECTION') ?? [[1]])[0][0];
  const byId = (name: string) => new Map((sections.get(name) ?? []).map((row) => [row[0], row.slice(1)]));
  const demands = byId('DEMAND_SECTION');
  const windows = byId('TIME_WINDOW_SECTION');
  const ids = [depotId, ...coords.map((c) => c[0]).filter((id) => id !== depotId)];
  const xy = new Map(coords.map((c) => [c[0], c.slice(1)]));
  return {
    name: header.get('NAME') ?? path,
    vehicles: Number(header.get('VEHICLES')),
    capacity: Number(header.get('CAPACITY')),
    service: Number(header.get('SERVICE_TIME') ?? 0),
    ids,
    x: ids.map((id) => xy.get(id)![0]),
    y: ids.map((id) => xy.get(id)![1]),
    demand: ids.map((id) => demands.get(id)?.[0] ?? 0),
    ready: ids.map((id) => windows.get(id)?.[0] ?? 0),
    due: ids.map((id) => windows.get(id)?.[1] ?? Infinity),
  };
}

/** Distance in tenths as the README scores it: floor(10 · euclid). Integers keep the window checks exact. */
function tenths(inst: SolomonInstance, i: number, j: number): number {
  return Math.floor(10 * Math.hypot(inst.x[i] - inst.x[j], inst.y[i] - inst.y[j]));
}

/** A solution: routes as lists of the file's customer ids, in visit order. */
export interface SolomonSolution {
  vehicles: number;
  distance: number;
  routes: number[][];
}

/**
 * Solves an instance with the domain planner (all in tenths, so travel = distance stays integral). The
 * fleet is capped at VEHICLES; by default the planner minimises distance within it, as the best-known
 * distances do ('vehicles-then-distance' minimises the fleet first, at some cost in distance).
 */
export function solveSolomon(
  inst: SolomonInstance,
  opts: { timeLimitMs?: number; seed?: number; maxIterations?: number; objective?: PlanInput['objective'] } = {},
): { solution: SolomonSolution; plan: Plan } {
  const size = inst.ids.length;
  const matrix = new Float64Array(size * size);
  for (let i = 0; i < size; i++) for (let j = 0; j < size; j++) matrix[i * size + j] = tenths(inst, i, j);
  const input: PlanInput = {
    stops: inst.ids.slice(1).map((id, k) => ({
      id: String(id),
      demand: inst.demand[k + 1],
      ready: inst.ready[k + 1] * 10,
      due: inst.due[k + 1] * 10,
      service: inst.service * 10,
    })),
    vehicles: Array.from({ length: inst.vehicles }, (_, v) => ({
      id: `V${v + 1}`,
      capacity: inst.capacity,
      start: inst.ready[0] * 10,
      end: inst.due[0] * 10,
    })),
    travel: matrixTravelTimes(matrix),
    timeLimitMs: opts.timeLimitMs,
    maxIterations: opts.maxIterations,
    seed: opts.seed,
    objective: opts.objective ?? 'distance',
  };
  const plan = planRoutes(input);
  const routes = plan.routes.map((r) => r.stops.map((s) => Number(s.id)));
  return { solution: { vehicles: routes.length, distance: Math.round(plan.distance) / 10, routes }, plan };
}

/**
 * Checks a solution against the instance without the planner: every customer exactly once, capacity,
 * windows (service starts within [ready, due], waiting when early), return by the depot's due, at most
 * VEHICLES routes. Returns the scored distance (sum of floor(10·d)/10 per leg) and the violations.
 */
export function scoreSolomon(inst: SolomonInstance, routes: number[][]): { distance: number; errors: string[] } {
  const errors: string[] = [];
  const index = new Map(inst.ids.map((id, i) => [id, i]));
  const seen = new Map<number, number>();
  let total = 0;
  if (routes.length > inst.vehicles) errors.push(`${routes.length} routes, at most ${inst.vehicles} allowed`);
  routes.forEach((route, r) => {
    let t = inst.ready[0];
    let prev = 0;
    let load = 0;
    for (const id of route) {
      const i = index.get(id);
      if (i === undefined || i === 0) {
        errors.push(`route ${r + 1}: ${id} is not a customer`);
        continue;
      }
      seen.set(id, (seen.get(id) ?? 0) + 1);
      const d = tenths(inst, prev, i);
      total += d;
      const start = Math.max(inst.ready[i], t + d / 10);
      if (start > inst.due[i] + 1e-9) errors.push(`route ${r + 1}: ${id} starts at ${start}, due ${inst.due[i]}`);
      t = start + inst.service;
      load += inst.demand[i];
      prev = i;
    }
    const back = tenths(inst, prev, 0);
    total += back;
    if (t + back / 10 > inst.due[0] + 1e-9) errors.push(`route ${r + 1}: back at ${t + back / 10}, due ${inst.due[0]}`);
    if (load > inst.capacity) errors.push(`route ${r + 1}: load ${load} > capacity ${inst.capacity}`);
  });
  for (const id of inst.ids.slice(1)) {
    const k = seen.get(id) ?? 0;
    if (k !== 1) errors.push(`customer ${id} visited ${k} times`);
  }
  return { distance: total / 10, errors };
}

/** Best-known fleet and distance per set and instance, from best-known.csv. */
export function readBestKnown(path: string): Map<string, { vehicles: number; distance: number }> {
  const best = new Map<string, { vehicles: number; distance: number }>();
  for (const line of readFileSync(path, 'utf8').trim().split('\n').slice(1)) {
    const [set, name, vehicles, distance] = line.split(',');
    best.set(`${set}/${name}`, { vehicles: Number(vehicles), distance: Number(distance) });
  }
  return best;
}

/**
 * `npm run vrptw -- <instance file> [timeLimitMs] [seed] [objective]`: prints the solution as JSON. The
 * time limit defaults to 900 ms (up to 50 customers) or 9 s; objective 'distance' (default) or
 * 'vehicles-then-distance'.
 */
function main() {
  const [path, limit, seed, objective] = process.argv.slice(2);
  if (!path) {
    console.error('usage: npm run vrptw -- <instance file> [timeLimitMs] [seed] [distance|vehicles-then-distance]');
    process.exit(2);
  }
  const inst = readSolomon(path);
  const timeLimitMs = limit ? Number(limit) : inst.ids.length > 50 ? 9_000 : 900;
  const { solution } = solveSolomon(inst, {
    timeLimitMs,
    seed: seed ? Number(seed) : 1,
    maxIterations: Infinity,
    objective: objective === 'vehicles-then-distance' ? objective : 'distance',
  });
  const check = scoreSolomon(inst, solution.routes);
  if (check.errors.length) console.error(`infeasible: ${check.errors.join('; ')}`);
  console.log(JSON.stringify({ vehicles: solution.vehicles, distance: check.distance, routes: solution.routes }));
}

if (require.main === module) main();
