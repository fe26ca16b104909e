import type { Tx } from './mutation';

/**
 * Background and scheduled work on pg-boss in the platform's PostgreSQL. PLACEHOLDER: being written
 * (see the job-runner task); the signatures below are the contract modules code against.
 */
export interface JobContext {
  jobId: string;
}

export interface JobDefinition<T extends object> {
  /** Queue name, "<module>.<what>", e.g. purchasing.requirements. */
  name: string;
  /** Cron in Asia/Shanghai, e.g. "0 6 * * *": one run per slot across every API process. */
  cron?: string;
  /** Data a scheduled run gets. */
  cronData?: T;
  /** Attempts after the first failure (default 2), with exponential back-off. */
  retryLimit?: number;
  run(data: T, ctx: JobContext): Promise<void>;
}

export class Jobs {
  private readonly defs = new Map<string, JobDefinition<object>>();

  define<T extends object>(def: JobDefinition<T>): void {
    this.defs.set(def.name, def as unknown as JobDefinition<object>);
  }

  /** Queues a job inside the caller's transaction: a rollback drops it. */
  async send<T extends object>(_tx: Tx, _name: string, _data: T): Promise<string | null> {
    throw new Error('not yet');
  }
}
