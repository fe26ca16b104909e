import { EntityManager } from 'typeorm';
import { etasFrom, type LatLng } from '@fulfilment/domain';
import type { Actor } from '../../common/actor';
import type { Tx } from '../../common/mutation';
import { fail } from '../../common/user-error';
import { can } from '../access/principal';
import { DeliveryRunTransitions } from './delivery-run-transitions';
import { DeliveryTransitions } from './delivery-transitions';

/** A stop's new ETA, as map subscribers get it with the courier's position. */
export interface StopEtaMessage {
  deliveryId: string;
  eta: string;
  lateRisk: boolean;
}

/** The id of the courier the caller signs in as, or null (dispatchers, API keys). */
export async function courierIdOfCaller(m: EntityManager, actor: Actor): Promise<string | null> {
  const p = actor.principal;
  if (!p || p.kind !== 'USER') return null;
  const [row] = await m.query(`SELECT id FROM courier WHERE user_id = $1`, [p.id]);
  return row?.id ?? null;
}

/**
 * Who may work a run: its own courier, or a dispatcher (DISPATCH) acting for it. Anyone else gets
 * NOT_YOUR_RUN (a courier reaching for another's run) or NOT_A_COURIER.
 */
export async function assertMayWorkRun(tx: Tx, runCourierId: string | null, field: string[]): Promise<void> {
  if (can(tx.actor.principal, 'DISPATCH')) return;
  const me = await courierIdOfCaller(tx.m, tx.actor);
  if (!me) fail('NOT_A_COURIER', 'You sign in as no courier of the fleet', field);
  if (me !== runCourierId) fail('NOT_YOUR_RUN', 'This run belongs to another courier', field);
}

/**
 * What follows a stop ending or a courier moving on a running run: new ETAs for the stops ahead
 * (late risk flagged with an event when it appears), and the run completed once no stop is open.
 */
export class RunProgress {
  constructor(
    private readonly deliveries: DeliveryTransitions,
    private readonly runs: DeliveryRunTransitions,
  ) {}

  /**
   * ETAs of the run's open stops from `from` (the courier's position) in stop order. Returns the
   * changed ETAs; writes them, with a LATE_RISK event where the risk is new.
   */
  async recomputeEtas(tx: Tx, runId: string, from: LatLng, now = Date.now()): Promise<StopEtaMessage[]> {
    const open: {
      id: string;
      lat: number;
      lng: number;
      window_start: Date;
      window_end: Date;
      eta: Date | null;
      late_risk: boolean;
    }[] = await tx.m.query(
      `SELECT id, lat, lng, window_start, window_end, eta, late_risk FROM delivery
        WHERE run_id = $1 AND status = 'OUT_FOR_DELIVERY' ORDER BY stop_seq, number`,
      [runId],
    );
    if (open.length === 0) return [];
    const etas = etasFrom(
      now,
      from,
      open.map((o) => ({
        id: o.id,
        position: { lat: o.lat, lng: o.lng },
        windowStart: o.window_start.getTime(),
        windowEnd: o.window_end.getTime(),
      })),
    );
    const changed = etas.filter((e, i) => e.eta !== open[i].eta?.getTime() || e.lateRisk !== open[i].late_risk);
    if (changed.length === 0) return [];
    await tx.m.query(
      `UPDATE delivery d SET eta = x.eta, late_risk = x.late_risk, updated_at = now()
         FROM unnest($1::uuid[], $2::timestamptz[], $3::bool[]) AS x(id, eta, late_risk) WHERE d.id = x.id`,
      [changed.map((e) => e.id), changed.map((e) => new Date(e.eta)), changed.map((e) => e.lateRisk)],
    );
    const newlyAtRisk = changed.filter((e) => e.lateRisk && !open.find((o) => o.id === e.id)!.late_risk);
    if (newlyAtRisk.length) {
      const changes = await this.deliveries.lockMany(
        tx,
        newlyAtRisk.map((e) => e.id),
      );
      for (const c of changes) {
        const eta = newlyAtRisk.find((e) => e.id === c.delivery.id)!.eta;
        c.delivery.eta = new Date(eta);
        c.delivery.lateRisk = true;
        c.record(
          'LATE_RISK',
          `ETA ${new Date(eta).toISOString()} against a window closing ${c.delivery.windowEnd.toISOString()}`,
        );
      }
      await this.deliveries.saveMany(tx, changes);
    }
    return changed.map((e) => ({ deliveryId: e.id, eta: new Date(e.eta).toISOString(), lateRisk: e.lateRisk }));
  }

  /** Completes a running run whose stops are all done, and frees its courier. */
  async completeIfDone(tx: Tx, runId: string): Promise<void> {
    const c = await this.runs.lock(tx, runId);
    if (c.run.status !== 'IN_PROGRESS') return;
    const [f]: { stops: number; open: number }[] = await tx.m.query(
      `SELECT count(*)::int AS stops, count(*) FILTER (WHERE status IN ('ASSIGNED', 'OUT_FOR_DELIVERY'))::int AS open
         FROM delivery WHERE run_id = $1`,
      [runId],
    );
    if (f.open > 0) return;
    this.runs.move(c, 'COMPLETED', 'Every stop delivered or reported', {
      stops: f.stops,
      openStops: 0,
      hasCourier: c.run.courierId !== null,
    });
    await this.runs.saveMany(tx, [c]);
    await tx.m.query(
      `UPDATE courier SET state = 'AVAILABLE', updated_at = now()
        WHERE id = $1 AND state = 'ON_ROUTE'
          AND NOT EXISTS (SELECT 1 FROM delivery_run WHERE courier_id = $1 AND status = 'IN_PROGRESS')`,
      [c.run.courierId],
    );
  }
}
