import { DataSource } from 'typeorm';
import { logger } from '../common/logger';
import { replicaLagBytes } from '../common/metrics';

/** How often the replica's replay position is read. */
const SAMPLE_MS = 100;

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
 * nested fields and live events always use the primary. A replica that cannot be read is left out until
 * it answers again.
 */
export class ReadRouting {
  /** The replica's last replay position read, or null while it cannot be read. */
  private replayed: bigint | null = null;
  private timer: NodeJS.Timeout | null = null;
  private sampling = false;

  constructor(
    private readonly primary: DataSource,
    readonly replica: DataSource,
  ) {}

  start(): void {
    const sample = async () => {
      if (this.sampling) return;
      this.sampling = true;
      try {
        const [{ replayed }] = await this.replica.query(`SELECT pg_last_wal_replay_lsn()::text AS replayed`);
        this.replayed = replayed ? lsnValue(replayed) : null;
        if (this.replayed !== null) {
          const [{ current }] = await this.primary.query(`SELECT pg_current_wal_lsn()::text AS current`);
          replicaLagBytes.set(Math.max(0, Number(lsnValue(current) - this.replayed)));
        }
      } catch (e) {
        if (this.replayed !== null)
          logger.warn({ err: (e as Error).message }, 'read replica unreachable: reads go to the primary');
        this.replayed = null;
      } finally {
        this.sampling = false;
      }
    };
    void sample();
    this.timer = setInterval(() => void sample(), SAMPLE_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
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
