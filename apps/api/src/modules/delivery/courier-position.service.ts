import { DataSource } from 'typeorm';
import { Actor } from '../../common/actor';
import { localId } from '../../common/global-id';
import { MutationResult, Mutations } from '../../common/mutation';
import { fail, UserError } from '../../common/user-error';
import { validateInput } from '../../common/validation';
import { notifyOnCommit } from '../../live/publish';
import { can } from '../access/principal';
import { ReportCourierPositionsInput } from './delivery.inputs';
import type { CourierState } from '@fulfilment/domain';
import { queryPrepared } from '../../common/prepared';
import { channelOf } from '../../live/topics';
import { RunProgress } from './run-progress';

/** How old a reported position may be (a phone offline for a while sends its backlog). */
const MAX_AGE_MS = 24 * 3_600_000;
/** How far ahead a phone's clock may run. */
const MAX_AHEAD_MS = 2 * 60_000;
/** ETAs of a running run are recomputed from the courier's position at most this often. */
const ETA_INTERVAL_MS = 30_000;

interface CourierRow {
  id: string | null;
  code: string;
  state: CourierState;
  zones: string[];
  /** The courier the caller signs in as. */
  me: string | null;
  run_id: string | null;
  etas_at: Date | null;
  named_run_courier: string | null;
}

/**
 * The reporting courier (named, or the caller's own), the caller's own courier, the run it is driving
 * and the courier of a named run: one round trip (bench 12, position ingest).
 */
const COURIER_OF_REPORT = `
  WITH me AS (SELECT id FROM courier WHERE user_id = $2)
  SELECT c.id, c.code, c.state, c.zones, (SELECT id FROM me) AS me, r.id AS run_id, r.etas_at,
         (SELECT courier_id FROM delivery_run WHERE id = $3) AS named_run_courier
    FROM (SELECT 1) one
    LEFT JOIN courier c ON c.id = coalesce($1, (SELECT id FROM me))
    LEFT JOIN LATERAL (SELECT id, etas_at FROM delivery_run
                        WHERE courier_id = c.id AND status = 'IN_PROGRESS' ORDER BY started_at DESC LIMIT 1) r ON true`;

/** Points, last position and notification in one statement (bench 12, position ingest). */
const WRITE_POSITIONS = `
  WITH i AS (
    INSERT INTO courier_position (courier_id, recorded_at, lat, lng, accuracy_m, run_id)
    SELECT $1, p.t, p.lat, p.lng, p.acc, $6
      FROM unnest($2::timestamptz[], $3::float8[], $4::float8[], $5::real[]) AS p(t, lat, lng, acc)
    ON CONFLICT DO NOTHING RETURNING 1),
  u AS (
    UPDATE courier SET lat = $7, lng = $8, position_at = $9
     WHERE id = $1 AND (position_at IS NULL OR position_at < $9) RETURNING id, code, state, zones),
  n AS (
    SELECT pg_notify($12, json_build_object('courierId', u.id, 'courierCode', u.code, 'state', u.state,
             'zones', u.zones, 'runId', $6::uuid, 'lat', $7::float8, 'lng', $8::float8, 'recordedAt', $10::text,
             'etas', '[]'::json)::text)
      FROM u WHERE $11)
  SELECT (SELECT count(*) FROM i)::int AS inserted, (SELECT count(*) FROM u)::int AS moved,
         (SELECT count(*) FROM n)::int AS notified`;

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
        const p = tx.actor.principal;
        const named = input.courierId ? localId(input.courierId, 'Courier') : null;
        const namedRun = input.runId ? localId(input.runId, 'DeliveryRun') : null;
        if (input.courierId && !named) fail('NOT_FOUND', 'No courier with this id', ['input', 'courierId']);
        if (input.runId && !namedRun) fail('NOT_FOUND', 'No delivery run with this id', ['input', 'runId']);
        const [c] = await queryPrepared<CourierRow>(m, COURIER_OF_REPORT, [
          named,
          p?.kind === 'USER' ? p.id : null,
          namedRun,
        ]);
        const me = c?.me ?? null;
        if (named && named !== me && !can(p, 'DISPATCH'))
          fail(me ? 'NOT_YOUR_RUN' : 'NOT_A_COURIER', 'You may report positions for yourself only', [
            'input',
            'courierId',
          ]);
        if (!c?.id)
          fail(
            named ? 'NOT_FOUND' : 'NOT_A_COURIER',
            named ? 'No courier with this id' : 'You sign in as no courier of the fleet; name the courier',
            ['input', 'courierId'],
          );
        let runId = c.run_id;
        if (namedRun) {
          if (!c.named_run_courier) fail('NOT_FOUND', 'No delivery run with this id', ['input', 'runId']);
          if (c.named_run_courier !== c.id)
            fail('NOT_YOUR_RUN', 'The run belongs to another courier', ['input', 'runId']);
          runId = namedRun;
        }
        const points = input.positions;
        const newest = points.reduce((a, b) => (b.recordedAt.getTime() > a.recordedAt.getTime() ? b : a));
        const etasDue = !!runId && (!c.etas_at || now - new Date(c.etas_at).getTime() >= ETA_INTERVAL_MS);
        // One statement: the points (a repeat is ignored), the courier's last position when this one is
        // newer (a late point changes nothing on the map), and its notification unless ETAs go with it.
        const [w] = await queryPrepared<{ inserted: number; moved: number }>(m, WRITE_POSITIONS, [
          c.id,
          points.map((x) => x.recordedAt),
          points.map((x) => x.lat),
          points.map((x) => x.lng),
          points.map((x) => x.accuracyM ?? null),
          runId,
          newest.lat,
          newest.lng,
          newest.recordedAt,
          newest.recordedAt.toISOString(),
          !etasDue,
          channelOf('COURIER_MOVED'),
        ]);
        if (w.moved && etasDue) {
          const etas = await this.progress.recomputeEtas(tx, runId!, { lat: newest.lat, lng: newest.lng });
          await m.query(`UPDATE delivery_run SET etas_at = now() WHERE id = $1`, [runId]);
          await notifyOnCommit(m, 'COURIER_MOVED', [
            {
              courierId: c.id,
              courierCode: c.code,
              state: c.state,
              zones: c.zones,
              runId,
              lat: newest.lat,
              lng: newest.lng,
              recordedAt: newest.recordedAt.toISOString(),
              etas,
            },
          ]);
        }
        return { accepted: w.inserted, duplicates: points.length - w.inserted };
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
