import type { Database } from '../lib/platform';
import { placementHot, placementSpread } from './placement';
import { startup } from './startup';

export interface Benchmark {
  number: number;
  name: string;
  run(db: Database): Promise<void>;
}

export const BENCHMARKS: Benchmark[] = [
  { number: 1, name: 'order placement under contention', run: placementHot },
  { number: 2, name: 'hot vs spread SKUs', run: placementSpread },
  { number: 8, name: 'start-up', run: () => startup() },
];
