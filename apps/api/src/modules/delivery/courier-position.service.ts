import { DataSource } from 'typeorm';
import { Actor } from '../../common/actor';
import { localId } from '../../common/global-id';
import { MutationResult, Mutations } from '../../common/mutation';
import { fail, UserError } from '../../common/user-error';
import { validateInput } from '../../common/validation';
import { notifyOnCommit } from '../../live/publish';
import { can } from '../access/principal';
import { ReportCourierPositionsInput } from './delivery.inputs';
import { courierOfCaller, RunProgress } from './run-progress';

/** How old a reported position may be (a phone offline for a while sends its backlog). */
const MAX_AGE_MS = 24 * 3_600_000;
/** How far ahead a phone's clock may run. */
const MAX_AHEAD_MS = 2 * 60_000;
/** ETAs of a running run are recomputed from the courier's position at most this often. */
const ETA_INTERVAL_MS = 30_000;

export interface PositionsOutcome {
  /** Positions stored now (duplicates of stored ones are ignored). */
  accepted: number;
  duplicates: number;
}

/**
 * Courier positions: stored per day partition (idempotent per courier and timestamp, out of order
 * fine), the courier's last position kept when a newer one arrives and sent to map subscribers, ETAs
 * of its running run recomputed every ETA_INTERVAL_MS; old partitions dropped after the retention.
 */
export class CourierPositionService {
  constructor(
    private readonly ds: DataSource,
    private readonly mutations: Mutations,
    private readonly progress: RunProgress,
    private readonly retentionDays: number,
  ) {}

  async report(input: ReportCourierPositionsInput, actor: Actor): Promise<MutationResult<PositionsOutcome>> {
    const invalid = await validateInput(input);
    const now = Date.now();
    input.positions?.forEach((p, i) => {
      const t = p.recordedAt?.getTime();
      if (!(t >= now - MAX_AGE_MS && t <= now + MAX_AHEAD_MS))
        invalid.push({
          code: 'POSITION_OUT_OF_RANGE',
          field: ['input', 'positions', String(i), 'recordedAt'],
          message: 'recordedAt must be within the last 24 hours and at most 2 minutes ahead',
        } as UserError);
    });
    // Positions are telemetry, not business changes: refusals are audited, accepted ones are not
    // (200 couriers every 5 s would be 3.5 million audit rows a day).
    return this.mutations.run(
      actor,
      { action: 'REPORT_COURIER_POSITIONS', targetType: 'Courier', invalid },
      async (tx) => {
        const { m } = tx;
        const me = await courierOfCaller(m, tx.actor);
        let courierId: string | null = me?.id ?? null;
        if (input.courierId) {
          const named = localId(input.courierId, 'Courier');
          if (named !== courierId && !can(tx.actor.principal, 'DISPATCH'))
            fail(me ? 'NOT_YOUR_RUN' : 'NOT_A_COURIER', 'You may report positions for yourself only', [
              'input',
              'courierId',
            ]);
          courierId = named;
        }
        if (!courierId)
          fail('NOT_A_COURIER', 'You sign in as no courier of the fleet; name the courier', ['input', 'courierId']);
        const [courier] = await m.query(
          `SELECT c.id, c.code, c.state, c.zones,
                (SELECT id FROM delivery_run r WHERE r.courier_id = c.id AND r.status = 'IN_PROGRESS'
                  ORDER BY r.started_at DESC LIMIT 1) AS run_id,
                (SELECT etas_at FROM delivery_run r WHERE r.courier_id = c.id AND r.status = 'IN_PROGRESS'
                  ORDER BY r.started_at DESC LIMIT 1) AS etas_at
           FROM courier c WHERE c.id = $1`,
          [courierId],
        );
        if (!courier) fail('NOT_FOUND', 'No courier with this id', ['input', 'courierId']);
        let runId: string | null = courier.run_id;
        if (input.runId) {
          const named = localId(input.runId, 'DeliveryRun');
          const [run] = named ? await m.query(`SELECT courier_id FROM delivery_run WHERE id = $1`, [named]) : [];
          if (!run) fail('NOT_FOUND', 'No delivery run with this id', ['input', 'runId']);
          if (run.courier_id !== courierId)
            fail('NOT_YOUR_RUN', 'The run belongs to another courier', ['input', 'runId']);
          runId = named;
        }
        const points = input.positions;
        const [{ inserted }] = await m.query(
          `WITH i AS (
           INSERT INTO courier_position (courier_id, recorded_at, lat, lng, accuracy_m, run_id)
           SELECT $1, t, lat, lng, acc, $6 FROM unnest($2::timestamptz[], $3::float8[], $4::float8[], $5::real[]) AS p(t, lat, lng, acc)
           ON CONFLICT DO NOTHING RETURNING 1)
         SELECT count(*)::int AS inserted FROM i`,
          [
            courierId,
            points.map((p) => p.recordedAt),
            points.map((p) => p.lat),
            points.map((p) => p.lng),
            points.map((p) => p.accuracyM ?? null),
            runId,
          ],
        );
        const newest = points.reduce((a, b) => (b.recordedAt.getTime() > a.recordedAt.getTime() ? b : a));
        // The last position moves only forward in time: a late, older point changes nothing on the map.
        const [moved] = await m.query(
          `WITH u AS (UPDATE courier SET lat = $2, lng = $3, position_at = $4
                     WHERE id = $1 AND (position_at IS NULL OR position_at < $4) RETURNING id) SELECT * FROM u`,
          [courierId, newest.lat, newest.lng, newest.recordedAt],
        );
        if (moved) {
          const due = runId && (!courier.etas_at || now - new Date(courier.etas_at).getTime() >= ETA_INTERVAL_MS);
          const etas = due ? await this.progress.recomputeEtas(tx, runId!, { lat: newest.lat, lng: newest.lng }) : [];
          if (due) await m.query(`UPDATE delivery_run SET etas_at = now() WHERE id = $1`, [runId]);
          await notifyOnCommit(m, 'COURIER_MOVED', [
            {
              courierId,
              courierCode: courier.code,
              state: courier.state,
              zones: courier.zones,
              runId,
              lat: newest.lat,
              lng: newest.lng,
              recordedAt: newest.recordedAt.toISOString(),
              etas,
            },
          ]);
        }
        return { accepted: inserted, duplicates: points.length - inserted };
      },
    );
  }

  /** Creates the coming days' partitions and drops those past the retention; returns how many were dropped. */
  async maintainPartitions(): Promise<number> {
    const [{ dropped }] = await this.ds.query(`SELECT ensure_courier_position_partitions($1, 3) AS dropped`, [
      this.retentionDays,
    ]);
    return dropped;
  }
}
