import type { Database } from '../lib/platform';
import { placementHot, placementSpread } from './placement';
import { reads } from './reads';
import { queriesPerRequest } from './queries-per-request';
import { deepPages } from './deep-pages';
import { liveLatency } from './live-latency';
import { subscribersPerProcess } from './subscribers';
import { startup } from './startup';
import { purchasing } from './purchasing';
import { fulfilment } from './fulfilment';
import { vrptw } from './vrptw';
import { delivery } from './delivery';
import { webhooks } from './webhooks';
import { complaints } from './complaints';

export interface Benchmark {
  number: number;
  name: string;
  run(db: Database): Promise<void>;
}

export const BENCHMARKS: Benchmark[] = [
  { number: 1, name: 'order placement under contention', run: placementHot },
  { number: 2, name: 'hot vs spread SKUs', run: placementSpread },
  { number: 3, name: 'reads', run: reads },
  { number: 4, name: 'queries per request', run: queriesPerRequest },
  { number: 5, name: 'deep pages', run: deepPages },
  { number: 6, name: 'live latency', run: liveLatency },
  { number: 7, name: 'subscribers per process', run: subscribersPerProcess },
  { number: 8, name: 'start-up', run: () => startup() },
  { number: 9, name: 'purchasing', run: purchasing },
  { number: 10, name: 'warehouse fulfilment', run: fulfilment },
  { number: 11, name: 'route planner (Solomon VRPTW)', run: vrptw },
  { number: 12, name: 'last-mile delivery', run: delivery },
  { number: 13, name: 'webhook fan-out', run: webhooks },
  { number: 14, name: 'complaints queue and SLA sweep', run: complaints },
];
