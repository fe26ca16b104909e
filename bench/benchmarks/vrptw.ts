import { readdirSync } from 'node:fs';
import path from 'node:path';
import { log, markdownTable, report } from '../lib/report';
import { readBestKnown, readSolomon, scoreSolomon, solveSolomon } from '../vrptw';

/**
 * Knobs: BENCH_VRPTW_DATA (default /work/shared/bench-data/vrptw), BENCH_VRPTW_SETS (comma-separated,
 * default solomon-25,solomon-100), BENCH_VRPTW_SEED (1).
 */
const DATA = process.env.BENCH_VRPTW_DATA ?? '/work/shared/bench-data/vrptw';
const SETS = (process.env.BENCH_VRPTW_SETS ?? 'solomon-25,solomon-100').split(',');
const SEED = Number(process.env.BENCH_VRPTW_SEED ?? 1);

/** Time limit handed to the planner, under the goal of 1 s (25 customers) and 10 s (100 customers). */
const limitFor = (set: string) => (set === 'solomon-100' ? 9_000 : 900);
const goalFor = (set: string) => (set === 'solomon-100' ? 10 : 1);

/**
 * 11. Route planner (Solomon VRPTW): the domain planner on every instance of each set, with the fleet of
 * best-known.csv as the vehicle limit; each solution re-checked by the independent scorer. Per set: mean
 * and worst distance gap against the best-known distance, feasible solutions, vehicles used against the
 * best-known fleet, mean and max wall time per instance. Needs no database (the argument is ignored).
 */
export async function vrptw(_db?: unknown): Promise<void> {
  const label = '11 vrptw';
  const best = readBestKnown(path.join(DATA, 'best-known.csv'));
  for (const set of SETS) {
    const dir = path.join(DATA, set);
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.vrptw'))
      .sort();
    const gaps: number[] = [];
    const times: number[] = [];
    let feasible = 0;
    let vehicles = 0;
    let bestVehicles = 0;
    for (const file of files) {
      const inst = readSolomon(path.join(dir, file));
      const known = best.get(`${set}/${inst.name}`);
      const started = performance.now();
      const { solution } = solveSolomon(inst, { timeLimitMs: limitFor(set), seed: SEED, maxIterations: Infinity });
      const seconds = (performance.now() - started) / 1000;
      const check = scoreSolomon(inst, solution.routes);
      const ok = check.errors.length === 0;
      if (ok) feasible++;
      times.push(seconds);
      vehicles += solution.vehicles;
      bestVehicles += known?.vehicles ?? 0;
      const gap = known ? ((check.distance - known.distance) / known.distance) * 100 : NaN;
      gaps.push(gap);
      log(
        label,
        `${set} ${inst.name}: ${solution.vehicles} vehicles (best ${known?.vehicles}), ${check.distance.toFixed(1)} (best ${known?.distance}), gap ${gap.toFixed(2)} %, ${seconds.toFixed(2)} s${ok ? '' : `, INFEASIBLE: ${check.errors.slice(0, 3).join('; ')}`}`,
      );
    }
    const mean = gaps.reduce((a, b) => a + b, 0) / gaps.length;
    report({
      benchmark: label,
      name: `${set}: mean gap to best-known distance`,
      value: mean,
      unit: '%',
      goal: { atMost: 5 },
    });
    report({ benchmark: label, name: `${set}: worst gap`, value: Math.max(...gaps), unit: '%' });
    report({
      benchmark: label,
      name: `${set}: feasible solutions (of ${files.length})`,
      value: feasible,
      unit: 'instances',
      goal: { atLeast: files.length },
    });
    report({
      benchmark: label,
      name: `${set}: vehicles used (best-known ${bestVehicles})`,
      value: vehicles,
      unit: 'vehicles',
      goal: { atMost: bestVehicles },
    });
    report({
      benchmark: label,
      name: `${set}: mean time per instance`,
      value: times.reduce((a, b) => a + b, 0) / times.length,
      unit: 's',
    });
    report({
      benchmark: label,
      name: `${set}: max time per instance`,
      value: Math.max(...times),
      unit: 's',
      goal: { atMost: goalFor(set) },
    });
  }
}

// `node bench/dist/benchmarks/vrptw.js` runs it alone, without starting PostgreSQL.
if (require.main === module)
  vrptw().then(
    () => console.log(`\n${markdownTable()}`),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
