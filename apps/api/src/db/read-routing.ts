import { OperationDefinitionNode } from 'graphql';
import { Counter, Gauge } from 'prom-client';
import { DataSource, QueryRunner, ReplicationMode } from 'typeorm';
import { isDatabaseUnavailable } from '../common/errors';
import { logger } from '../common/logger';
import { isRetryable } from '../common/transaction';
import { registry } from '../common/metrics';
import { createDataSource, StatementTimeouts } from './data-source';

/** How often the replica's replay position is read. */
const SAMPLE_MS = 100;
/** A replica that does not accept a connection within this is left out (no waiting for TCP to give up). */
const CONNECT_TIMEOUT_MS = 2000;

/** Root fields whose resolvers read through `ctx.reads`: only queries with one of them are routed. */
const HEAVY_FIELDS = new Set([
  'orders',
  'customers',
  'products',
  'stockLevels',
  'operationsOverview',
  'auditLog',
  'satisfaction',
  'satisfactionByMonth',
  'suppliers',
  'purchaseOrders',
  'purchaseRequirements',
  'pickLists',
  'shipments',
  'deliveries',
  'deliveryRuns',
  'couriers',
  'complaints',
  'returnRequests',
  'notifications',
  'webhookDeliveries',
]);

/** Whether a query asks for a heavy read (a root field in HEAVY_FIELDS). */
export function readsHeavily(operation: OperationDefinitionNode): boolean {
  return (
    operation.operation === 'query' &&
    operation.selectionSet.selections.some((s) => s.kind === 'Field' && HEAVY_FIELDS.has(s.name.value))
  );
}

/**
 * A hot standby answers 40001 (or 40P01) only when it cancels a statement for a conflict with the WAL it
 * replays; the statement is worth running on the primary then, as when the standby went away.
 */
const failedByReplica = (e: unknown): boolean => isRetryable(e) || isDatabaseUnavailable(e);

/** QueryRunner.query without its overloads. */
type RunnerQuery = (text: string, parameters?: unknown[], structured?: boolean) => Promise<unknown>;

/** A WAL position ('16/B374D848') as a number, for comparing. */
const lsnValue = (lsn: string): bigint => {
  const [high, low] = lsn.split('/');
  return (BigInt(`0x${high}`) << 32n) + BigInt(`0x${low}`);
};

/**
 * Heavy reads (lists, the overview, reports) of queries go to a streaming replica (DATABASE_READ_URL)
 * unless the caller wrote something the replica has not replayed yet: after every mutation a signed-in
 * caller's WAL position is recorded on the primary (`recent_write`, shared by every process), and a read
 * goes to the replica only when the replica's replay position has passed it. Mutations, their payloads,
 * nested fields and live events always use the primary. A replica that cannot be reached (at start or
 * later), or that is not a standby, is left out until it answers as one. A statement the replica fails
 * (cancelled for a conflict with recovery, or the replica gone meanwhile) is run again on the primary.
 */
export class ReadRouting {
  readonly replica: DataSource;
  /** The replica's own query runners, without the fall-back to the primary (for reading its state). */
  private readonly replicaRunner: (mode?: ReplicationMode) => QueryRunner;
  /** The replica's last replay position read, or null while it cannot be read. */
  private replayed: bigint | null = null;
  private timer: NodeJS.Timeout | null = null;
  private sampling = false;
  private warned = '';
  private readonly up: Gauge;
  private readonly lag: Gauge;

  constructor(
    private readonly primary: DataSource,
    url: string,
    poolSize: number,
    timeouts: StatementTimeouts,
  ) {
    this.replica = createDataSource(url, poolSize, timeouts, { connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
    this.replicaRunner = this.replica.createQueryRunner.bind(this.replica);
    for (const name of ['db_replica_up', 'db_replica_lag_bytes', 'db_replica_fallbacks_total'])
      registry.removeSingleMetric(name);
    const fallbacks = new Counter({
      name: 'db_replica_fallbacks_total',
      help: 'Statements the read replica failed (cancelled for a conflict with recovery, or unreachable) that the primary answered instead.',
      registers: [registry],
    });
    this.replica.createQueryRunner = (mode) => {
      const runner = this.replicaRunner(mode);
      const query = runner.query.bind(runner) as RunnerQuery;
      const fallingBack: RunnerQuery = async (text, parameters, structured) => {
        try {
          return await query(text, parameters, structured);
        } catch (e) {
          if (!failedByReplica(e)) throw e;
          fallbacks.inc();
          const onPrimary = primary.createQueryRunner();
          try {
            return await (onPrimary.query.bind(onPrimary) as RunnerQuery)(text, parameters, structured);
          } finally {
            await onPrimary.release();
          }
        }
      };
      runner.query = fallingBack as QueryRunner['query'];
      return runner;
    };
    this.up = new Gauge({
      name: 'db_replica_up',
      help: 'Whether heavy reads may go to the read replica (DATABASE_READ_URL): 1 when it answers as a standby.',
      registers: [registry],
      aggregator: 'min',
    });
    this.lag = new Gauge({
      name: 'db_replica_lag_bytes',
      help: 'WAL the read replica has not replayed yet (only while db_replica_up is 1).',
      registers: [registry],
      aggregator: 'max',
    });
  }

  start(): void {
    void this.sample();
    this.timer = setInterval(() => void this.sample(), SAMPLE_MS);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    if (this.replica.isInitialized) await this.replica.destroy();
  }

  private async sample() {
    if (this.sampling) return;
    this.sampling = true;
    try {
      if (!this.replica.isInitialized) await this.replica.initialize();
      const state = this.replicaRunner();
      const [{ standby, replayed }] = await state
        .query(`SELECT pg_is_in_recovery() AS standby, pg_last_wal_replay_lsn()::text AS replayed`)
        .finally(() => state.release());
      if (!standby || !replayed) return this.leaveOut('DATABASE_READ_URL is not a standby: reads go to the primary');
      this.replayed = lsnValue(replayed);
      const [{ current }] = await this.primary.query(`SELECT pg_current_wal_lsn()::text AS current`);
      this.up.set(1);
      this.lag.set(Math.max(0, Number(lsnValue(current) - this.replayed)));
      if (this.warned) logger.info('read replica answers again: heavy reads go to it');
      this.warned = '';
    } catch (e) {
      this.leaveOut(`read replica unreachable (${(e as Error).message}): reads go to the primary`);
    } finally {
      this.sampling = false;
    }
  }

  private leaveOut(why: string) {
    this.replayed = null;
    this.up.set(0);
    this.lag.reset();
    if (this.warned !== why) logger.warn(why);
    this.warned = why;
  }

  /** After a mutation by `principalId` committed: its reads stay on the primary until the replica replays this. */
  async noteWrite(principalId: string): Promise<void> {
    await this.primary.query(
      `INSERT INTO recent_write (principal_id, lsn) VALUES ($1, pg_current_wal_insert_lsn())
       ON CONFLICT (principal_id) DO UPDATE SET lsn = excluded.lsn`,
      [principalId],
    );
  }

  /** Whether a heavy read of this caller may go to the replica now. */
  async replicaFor(principalId: string | null): Promise<boolean> {
    const replayed = this.replayed;
    if (replayed === null) return false;
    if (!principalId) return true;
    const [row] = await this.primary.query(`SELECT lsn::text AS lsn FROM recent_write WHERE principal_id = $1`, [
      principalId,
    ]);
    return !row || lsnValue(row.lsn) <= replayed;
  }
}
