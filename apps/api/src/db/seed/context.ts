import { StockLedger } from './ledger';
import { Random } from './random';
import { Scheduler } from './scheduler';

/** What the simulated history shares: one clock, one stock ledger, one random stream. */
export interface HistoryContext {
  rng: Random;
  scheduler: Scheduler;
  ledger: StockLedger;
  /** First order time; opening stock arrives before it. */
  start: number;
  now: number;
}
