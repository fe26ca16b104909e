/** Closed-loop load: `concurrency` workers each run `task` back to back until the goal is reached. */
export interface LoadResult {
  count: number;
  failures: number;
  seconds: number;
  perSecond: number;
  latenciesMs: number[];
}

export async function closedLoop(opts: {
  concurrency: number;
  /** Stop after this many tasks in all, or after durationMs, whichever comes first. */
  total?: number;
  durationMs?: number;
  /** Resolves true for success, false for a counted failure; throwing aborts the run. */
  task: (worker: number, i: number) => Promise<boolean>;
}): Promise<LoadResult> {
  const latencies: number[] = [];
  let next = 0;
  let failures = 0;
  const deadline = opts.durationMs ? performance.now() + opts.durationMs : Infinity;
  const total = opts.total ?? Infinity;
  const started = performance.now();
  const worker = async (w: number) => {
    while (next < total && performance.now() < deadline) {
      const i = next++;
      const t = performance.now();
      const ok = await opts.task(w, i);
      latencies.push(performance.now() - t);
      if (!ok) failures++;
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency }, (_, w) => worker(w)));
  const seconds = (performance.now() - started) / 1000;
  return { count: latencies.length, failures, seconds, perSecond: latencies.length / seconds, latenciesMs: latencies };
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
