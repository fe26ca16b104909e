import PgBoss from 'pg-boss';
import type { PoolClient } from 'pg';
import { logger } from './logger';
import type { Tx } from './mutation';
import { pgErrorCode } from './transaction';

/** pg-boss's tables live in this schema of the platform's database (created by migration 1764390000000-job-queue). */
export const JOBS_SCHEMA = 'pgboss';
/** Every cron is read in this time zone. */
export const JOBS_TIME_ZONE = 'Asia/Shanghai';

/** What a running job knows about itself. */
export interface JobContext {
  jobId: string;
}

/** One kind of job: its queue, how it retries, when it runs on its own, and the work. */
export interface JobDefinition<T extends object> {
  /** Queue name, "<module>.<what>", e.g. purchasing.requirements. */
  name: string;
  /** Cron in Asia/Shanghai, e.g. "0 6 * * *": one run per slot across every API process. */
  cron?: string;
  /** Data a scheduled run gets. */
  cronData?: T;
  /** Attempts after the first failure (default 2). */
  retryLimit?: number;
  /** Seconds before the first retry (default 30); doubled for each further one unless retryBackoff is false. */
  retryDelay?: number;
  /** Exponential back-off between retries (default true). */
  retryBackoff?: boolean;
  /** pg-boss queue policy (default standard); `short` keeps one queued job per singletonKey, e.g. a timer per complaint. */
  policy?: PgBoss.QueuePolicy;
  run(data: T, ctx: JobContext): Promise<void>;
}

/** When and how uniquely a job is queued. */
export interface SendOptions {
  /** A time, or seconds from now. */
  startAfter?: Date | number;
  /** With a `short` (or singleton/stately) policy: at most one such job queued; send then returns null. */
  singletonKey?: string;
}

/** How a process runs the jobs. */
export interface JobsStartOptions {
  /** false (JOBS=off): this process only sends; no workers, crons or pg-boss maintenance. Default true. */
  work?: boolean;
  /** How often an idle worker looks for jobs (seconds, at least 0.5; default 2). */
  pollingIntervalSeconds?: number;
  /** Statement timeout of pg-boss's connections (ms; 0: none), as the API's pool has. */
  statementTimeoutMs?: number;
  /** How long stop() waits for running jobs before failing them back to their queue (default 15 s). */
  stopTimeoutMs?: number;
}

type Definition = JobDefinition<object>;

/**
 * pg-boss 10's createQueue runs this function (it takes no `db`, so sends in a transaction call it
 * directly). It adds the queue's partition with foreign keys to the queue table, so two creations at
 * once deadlock: they take turns on an advisory lock. A queue that exists costs no DDL.
 */
const CREATE_QUEUE = `SELECT ${JOBS_SCHEMA}.create_queue($1, $2)
  FROM (SELECT pg_advisory_xact_lock(hashtextextended('pg-boss create queue', 0))) turn`;

/**
 * Background and scheduled work on pg-boss in the platform's PostgreSQL. Modules define their jobs
 * while the services are wired; start() then creates their queues, (re)registers their crons and
 * works them. A job is sent inside the business transaction (send) or on its own (sendNow).
 */
export class Jobs {
  private readonly defs = new Map<string, Definition>();
  /** Queues known to exist (created at start, or by a committed send). */
  private readonly queues = new Set<string>();
  /** Sends inside a caller's transaction go through an instance that never opens a pool of its own. */
  private readonly txSender = new PgBoss({ schema: JOBS_SCHEMA });
  private boss: PgBoss | null = null;
  private starting: Promise<void> | null = null;
  private stopTimeoutMs = 15_000;

  /** Registers a job; only before start(). */
  define<T extends object>(def: JobDefinition<T>): void {
    if (this.boss) throw new Error(`job ${def.name} defined after the jobs started`);
    if (this.defs.has(def.name)) throw new Error(`job ${def.name} is defined twice`);
    this.defs.set(def.name, def as unknown as Definition);
  }

  /**
   * Queues a job in the caller's transaction, on its own connection: a rollback drops it, and no
   * worker sees it before the commit. Works before start(): the queue is created in the transaction
   * if this process has not seen it yet.
   */
  async send<T extends object>(tx: Tx, name: string, data: T, opts: SendOptions = {}): Promise<string | null> {
    const def = this.definition(name);
    const runner = tx.m.queryRunner;
    if (!runner?.isTransactionActive) throw new Error(`job ${name}: send needs the caller's transaction`);
    const client = (await runner.connect()) as PoolClient;
    const db: PgBoss.Db = { executeSql: (text, values) => client.query(text, values) };
    if (!this.queues.has(name)) {
      await db.executeSql(CREATE_QUEUE, [name, queueOptions(def)]);
      tx.afterCommit(() => this.queues.add(name));
    }
    return this.txSender.send(name, data, { ...opts, ...retries(def), db });
  }

  /** Queues a job on its own, outside any transaction (e.g. "run now"); needs start(). */
  async sendNow<T extends object>(name: string, data: T, opts: SendOptions = {}): Promise<string | null> {
    const def = this.definition(name);
    // The API answers before the runner has started (server.ts): a request in that moment waits for it.
    if (!this.boss) await this.starting;
    if (!this.boss) throw new Error(`job ${name}: sendNow before the jobs started`);
    return this.boss.send(name, data, { ...opts, ...retries(def) });
  }

  /**
   * Connects pg-boss (a pool of at most 3) and creates every defined queue. Unless `work` is false it
   * also schedules each cron (pg-boss queues one job per slot across all processes), unschedules crons
   * no longer defined, and works every queue, one job at a time per queue and process.
   */
  start(databaseUrl: string, opts: JobsStartOptions = {}): Promise<void> {
    if (this.boss || this.starting) throw new Error('the jobs already started');
    this.starting = this.connect(databaseUrl, opts);
    return this.starting;
  }

  private async connect(databaseUrl: string, opts: JobsStartOptions): Promise<void> {
    const work = opts.work ?? true;
    this.stopTimeoutMs = opts.stopTimeoutMs ?? this.stopTimeoutMs;
    const options: PgBoss.ConstructorOptions & { statement_timeout: number } = {
      connectionString: databaseUrl,
      schema: JOBS_SCHEMA,
      application_name: 'fulfilment-jobs',
      max: 3,
      // Passed on to node-postgres like the data source's (0: no limit).
      statement_timeout: opts.statementTimeoutMs ?? 0,
      supervise: work,
      schedule: work,
    };
    const boss = new PgBoss(options);
    // Not the error object itself: pg's errors carry their whole client (kilobytes per line).
    boss.on('error', (err: Error & { code?: string }) =>
      logger.error({ err: err.message, code: err.code }, 'pg-boss error'),
    );
    await boss.start();
    try {
      await this.prepare(boss, work, opts.pollingIntervalSeconds ?? 2);
    } catch (e) {
      await boss.stop({ graceful: false }).catch(() => undefined);
      throw e;
    }
    this.boss = boss;
  }

  private async prepare(boss: PgBoss, work: boolean, pollingIntervalSeconds: number): Promise<void> {
    for (const def of this.defs.values()) {
      // pg-boss's own queues are created without the advisory lock: on a new database that may still deadlock once.
      for (let attempt = 1; ; attempt++) {
        try {
          await boss.getDb().executeSql(CREATE_QUEUE, [def.name, queueOptions(def)]);
          break;
        } catch (e) {
          if (pgErrorCode(e) !== '40P01' || attempt === 3) throw e;
        }
      }
      this.queues.add(def.name);
    }
    if (!work) return;

    for (const s of await boss.getSchedules()) {
      if (this.defs.get(s.name)?.cron) continue;
      await boss.unschedule(s.name);
      logger.info({ job: s.name }, 'cron no longer defined: unscheduled');
    }
    for (const def of this.defs.values()) {
      if (def.cron)
        await boss.schedule(def.name, def.cron, def.cronData ?? {}, { tz: JOBS_TIME_ZONE, ...retries(def) });
      const workerId = await boss.work<object>(
        def.name,
        { includeMetadata: true, pollingIntervalSeconds },
        async ([job]) => {
          try {
            await this.run(def, job);
          } finally {
            // Fetch the next job at once instead of after the polling interval: a backlog drains at full speed.
            boss.notifyWorker(workerId);
          }
        },
      );
    }
  }

  /** Stops workers and crons, waits up to stopTimeoutMs for running jobs (the rest are retried later), closes the pool. */
  async stop(): Promise<void> {
    await this.starting?.catch(() => undefined);
    const boss = this.boss;
    if (!boss) return;
    this.boss = null;
    await boss.stop({ graceful: true, wait: true, timeout: this.stopTimeoutMs });
  }

  private definition(name: string): Definition {
    const def = this.defs.get(name);
    if (!def) throw new Error(`job ${name} is not defined`);
    return def;
  }

  private async run(def: Definition, job: PgBoss.JobWithMetadata<object>): Promise<void> {
    const log = logger.child({ job: def.name, jobId: job.id, attempt: job.retryCount + 1 });
    const started = Date.now();
    log.info('job started');
    try {
      await def.run(job.data, { jobId: job.id });
      log.info({ durationMs: Date.now() - started }, 'job finished');
    } catch (err) {
      const willRetry = job.retryCount < job.retryLimit;
      log[willRetry ? 'warn' : 'error']({ err, durationMs: Date.now() - started, willRetry }, 'job failed');
      throw err;
    }
  }
}

function queueOptions(def: Definition): { policy: PgBoss.QueuePolicy } {
  return { policy: def.policy ?? 'standard' };
}

/** A definition's retry settings, on each job: the code that sends decides, whatever the queue row says. */
function retries(def: Definition): PgBoss.RetryOptions {
  return { retryLimit: def.retryLimit ?? 2, retryDelay: def.retryDelay ?? 30, retryBackoff: def.retryBackoff ?? true };
}
