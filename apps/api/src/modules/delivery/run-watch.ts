import { DataSource } from 'typeorm';
import { Actor } from '../../common/actor';
import { Mutations } from '../../common/mutation';
import { RunProgress } from './run-progress';

/** A running run whose ETAs are older than this is recomputed from its courier's last position. */
const QUIET_MS = 2 * 60_000;

/**
 * Late deliveries flagged before they are late even when a courier's phone goes quiet: the running
 * runs without fresh ETAs get them from the courier's last known position and the clock.
 */
export class RunWatch {
  constructor(
    private readonly ds: DataSource,
    private readonly mutations: Mutations,
    private readonly progress: RunProgress,
  ) {}

  /** Recomputes the quiet runs, one transaction each; returns how many. */
  async quietRuns(actor: Actor): Promise<number> {
    const runs: { id: string; lat: number | null; lng: number | null }[] = await this.ds.query(
      `SELECT r.id, c.lat, c.lng FROM delivery_run r JOIN courier c ON c.id = r.courier_id
        WHERE r.status = 'IN_PROGRESS' AND (r.etas_at IS NULL OR r.etas_at < now() - $1 * interval '1 millisecond')`,
      [QUIET_MS],
    );
    for (const run of runs) {
      if (run.lat === null || run.lng === null) continue;
      await this.mutations.run(
        actor,
        { action: 'RECOMPUTE_ETAS', targetType: 'DeliveryRun', invalid: [] },
        async (tx) => {
          await this.progress.recomputeEtas(tx, run.id, { lat: run.lat!, lng: run.lng! });
          // Nothing may have changed: the run's ETAs are fresh as of now either way.
          await tx.m.query(`UPDATE delivery_run SET etas_at = now() WHERE id = $1`, [run.id]);
          return {};
        },
      );
    }
    return runs.length;
  }
}
