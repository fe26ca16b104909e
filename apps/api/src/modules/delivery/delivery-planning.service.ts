import { randomUUID } from 'node:crypto';
import {
  DELIVERY_DAY,
  type DeliveryToPlan,
  mergeStops,
  planZone,
  type PlannedStop,
  rankCouriers,
  type RankedCourier,
  type RoutedRun,
  sequenceRun,
} from '@fulfilment/domain';
import { Actor, actorLabel } from '../../common/actor';
import { audit } from '../../common/audit';
import { localId } from '../../common/global-id';
import { MutationResult, Mutations, Tx } from '../../common/mutation';
import { hydrate } from '../../common/rows';
import { fail } from '../../common/user-error';
import { validateInput } from '../../common/validation';
import { candidatesFor, depotOf, lockCouriersOfCity, shanghaiTime } from './courier-candidates';
import { DeliveryRunTransitions, DeliveryRunChange } from './delivery-run-transitions';
import { DeliveryChange, DeliveryTransitions } from './delivery-transitions';
import { Delivery, DeliveryRun, StoredCourierOption } from './delivery.entity';
import { AssignDeliveryRunInput, MoveDeliveryStopInput, PlanDeliveriesInput } from './delivery.inputs';

/** Search budget of one planDeliveries call, shared by its zones by their number of stops. */
const PLANNING_BUDGET_MS = 1_500;
/** Units a run holds when no courier of its zone has a vehicle to size it by. */
const DEFAULT_RUN_UNITS = 60;

const toPlan = (d: Delivery): DeliveryToPlan => ({
  id: d.id,
  addressKey: d.addressKey,
  position: { lat: d.lat, lng: d.lng },
  units: d.units,
  windowStart: d.windowStart.getTime(),
  windowEnd: d.windowEnd.getTime(),
  rank: d.dispatchRank,
});

const hhmm = (t: number) =>
  new Date(t).toLocaleTimeString('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit' });

/** Grams a routed run carries. */
const weightOf = (routed: RoutedRun, byId: ReadonlyMap<string, Delivery>) =>
  routed.stops.reduce((g, s) => g + s.stop.deliveryIds.reduce((x, id) => x + byId.get(id)!.weightG, 0), 0);

const stored = (r: RankedCourier): StoredCourierOption => ({
  courierId: r.courierId,
  code: r.code,
  eligible: r.eligible,
  excludedBecause: r.excludedBecause,
  rank: r.rank,
  kmToFirstStop: r.kmToFirstStop,
  points: r.points,
});

export interface PlanOutcome {
  runs: DeliveryRun[];
  /** Deliveries no run could take (window passed, larger than any vehicle), with why. */
  unplanned: { delivery: Delivery; reason: string }[];
}

/**
 * Dispatch: unassigned deliveries batched by zone into runs (deliveries to one address are one stop;
 * urgent and key-account orders first), each run given to the best-ranked courier (the ranking stored
 * with it), stops in order with ETAs; dispatchers override the courier and lock stops, audited.
 */
export class DeliveryPlanningService {
  constructor(
    private readonly mutations: Mutations,
    private readonly deliveries: DeliveryTransitions,
    private readonly runs: DeliveryRunTransitions,
  ) {}

  async plan(input: PlanDeliveriesInput, actor: Actor): Promise<MutationResult<PlanOutcome>> {
    const invalid = await validateInput(input);
    return this.mutations.run(actor, { action: 'PLAN_DELIVERIES', targetType: 'DeliveryRun', invalid }, async (tx) => {
      const { m } = tx;
      const rows: Record<string, unknown>[] = await m.query(
        `SELECT d.* FROM delivery d
          WHERE d.status = 'UNASSIGNED'
            AND ($1::text IS NULL OR d.warehouse_id = (SELECT id FROM warehouse WHERE code = $1))
            AND ($2::text IS NULL OR d.zone = $2)
            AND NOT EXISTS (SELECT 1 FROM blocked_area b WHERE b.unblocked_at IS NULL AND b.zone IN (d.zone, d.city))
          ORDER BY d.id FOR UPDATE OF d`,
        [input.warehouseCode?.trim() || null, input.zone?.trim() || null],
      );
      if (rows.length === 0)
        fail('NOTHING_TO_PLAN', 'No unassigned delivery waits for planning here (outside blocked areas)', ['input']);
      const byZone = new Map<string, Delivery[]>();
      for (const r of rows) {
        const d = hydrate(m, Delivery, r);
        // A run leaves from one warehouse's goods: zones are batched per warehouse.
        const key = `${d.zone}|${d.warehouseId}`;
        const list = byZone.get(key) ?? [];
        list.push(d);
        byZone.set(key, list);
      }
      const now = Date.now();
      const runChanges: DeliveryRunChange[] = [];
      const stopChanges: DeliveryChange[] = [];
      const unplanned: PlanOutcome['unplanned'] = [];
      const couriersByCity = new Map<string, Awaited<ReturnType<typeof lockCouriersOfCity>>>();
      const planned: { zone: string; city: string; routed: RoutedRun; byId: Map<string, Delivery> }[] = [];
      // Zones in name order, a zone's warehouses by their first delivery: the same input plans the same runs.
      const groups = [...byZone.values()].map((list) => list.sort((a, b) => (a.number < b.number ? -1 : 1)));
      groups.sort((a, b) =>
        a[0].zone === b[0].zone ? (a[0].number < b[0].number ? -1 : 1) : a[0].zone < b[0].zone ? -1 : 1,
      );
      for (const list of groups) {
        const zone = list[0].zone;
        const city = list[0].city;
        let couriers = couriersByCity.get(city);
        if (!couriers) couriersByCity.set(city, (couriers = await lockCouriersOfCity(m, city)));
        const capacity = Math.max(0, ...couriers.map((c) => c.capacity_units ?? 0)) || DEFAULT_RUN_UNITS;
        const byId = new Map(list.map((d) => [d.id, d]));
        // Shipped late in the evening, goods are promised for the next day: their runs leave then.
        const start = Math.max(now, Math.min(...list.map((d) => d.windowStart.getTime())) - 3_600_000);
        const plan = planZone({
          depot: depotOf(city) ?? { lat: list[0].lat, lng: list[0].lng },
          stops: mergeStops(list.map(toPlan)),
          capacityUnits: capacity,
          start,
          end: Math.max(shanghaiTime(start, `${DELIVERY_DAY.endHour}:00`) + 3_600_000, start + 3_600_000),
          budgetMs: Math.max(50, (PLANNING_BUDGET_MS * list.length) / rows.length),
        });
        for (const s of plan.unplanned)
          for (const id of s.deliveryIds)
            unplanned.push({
              delivery: byId.get(id)!,
              reason:
                s.windowEnd <= now
                  ? 'Its window has passed: re-plan it with a new window'
                  : `It does not fit a run: ${s.units} units, vehicles hold ${capacity}`,
            });
        for (const routed of plan.runs) planned.push({ zone, city, routed, byId });
      }
      const numbers = await this.runNumbers(tx, planned.length);
      for (const [i, { zone, city, routed, byId }] of planned.entries()) {
        const couriers = couriersByCity.get(city)!;
        const run = this.newRun(numbers[i], routed.stops[0].stop, zone, routed, byId);
        const change = this.runs.begin(tx, run);
        change.record('CREATED', `${routed.stops.length} stops, ${routed.units} units`);
        const ranked = rankCouriers(candidatesFor(couriers, zone, city, routed.stops[0].stop.position, routed.start), {
          zone,
          units: routed.units,
          kg: Math.round(run.weightG / 1000),
          start: routed.start,
          end: routed.end,
        });
        run.courierChoice = ranked.map(stored);
        const best = ranked[0]?.eligible ? ranked[0] : null;
        if (best) {
          run.courierId = best.courierId;
          run.assignedBy = 'planning';
          change.record('ASSIGNED', `${best.code}: ranked first with ${best.points.total} points`);
          const row = couriers.find((c) => c.id === best.courierId)!;
          row.load_units += routed.units;
          row.load_g += run.weightG;
        } else change.record('ASSIGNED', 'No courier can take it yet: a dispatcher assigns one');
        runChanges.push(change);
        stopChanges.push(...(await this.putOnRun(tx, run, routed, byId)));
      }
      const saved = await this.runs.saveMany(tx, runChanges, true);
      await this.deliveries.saveMany(tx, stopChanges);
      await audit(m, tx.actor, {
        action: 'PLAN_DELIVERIES',
        targetType: 'DeliveryRun',
        outcome: 'SUCCESS',
        details: {
          runs: saved.map((r) => r.number),
          planned: stopChanges.length,
          unplanned: unplanned.map((u) => u.delivery.number),
        },
      });
      return { runs: saved, unplanned };
    });
  }

  async assign(input: AssignDeliveryRunInput, actor: Actor): Promise<MutationResult<{ run: DeliveryRun }>> {
    const invalid = await validateInput(input);
    return this.mutations.run(
      actor,
      { action: 'ASSIGN_DELIVERY_RUN', targetType: 'DeliveryRun', invalid },
      async (tx) => {
        const { m } = tx;
        const c = await this.runs.lock(tx, localId(input.runId, 'DeliveryRun'));
        const run = c.run;
        if (run.status !== 'PLANNED')
          fail('ILLEGAL_TRANSITION', `${run.number} is ${run.status}; only a PLANNED run is assigned`, [
            'input',
            'runId',
          ]);
        const seen = input.replacingCourierId ? localId(input.replacingCourierId, 'Courier') : null;
        if (seen !== run.courierId)
          fail('STALE_ASSIGNMENT', `${run.number} was assigned meanwhile; read it again`, [
            'input',
            'replacingCourierId',
          ]);
        const courierId = localId(input.courierId, 'Courier');
        const stops = await tx.m.query(
          `SELECT lat, lng, city FROM delivery WHERE run_id = $1 ORDER BY stop_seq LIMIT 1`,
          [run.id],
        );
        const city: string = stops[0]?.city ?? run.zone;
        const couriers = (await lockCouriersOfCity(m, city)).map((row) =>
          // What this run carries does not count against the courier it has now.
          row.id === run.courierId
            ? { ...row, load_units: row.load_units - run.units, load_g: row.load_g - run.weightG }
            : row,
        );
        const first = stops[0] ? { lat: stops[0].lat, lng: stops[0].lng } : (depotOf(city) ?? { lat: 0, lng: 0 });
        // Shifts are those of the run's day (tomorrow's for a run planned in the evening).
        const start = Math.max(Date.now(), run.plannedStart.getTime());
        const ranked = rankCouriers(candidatesFor(couriers, run.zone, city, first, start), {
          zone: run.zone,
          units: run.units,
          kg: Math.round(run.weightG / 1000),
          start,
          end: Math.max(Date.now(), run.plannedEnd.getTime()),
        });
        const chosen = ranked.find((r) => r.courierId === courierId);
        if (!chosen) fail('NOT_FOUND', 'No courier of the run’s city has this id', ['input', 'courierId']);
        if (!chosen.eligible)
          fail('COURIER_NOT_ELIGIBLE', `${chosen.code}: ${chosen.excludedBecause}`, ['input', 'courierId']);
        const previous = run.courierId;
        run.courierId = chosen.courierId;
        run.courierChoice = ranked.map(stored);
        run.assignedBy = actorLabel(tx.actor);
        run.overrideReason = input.reason.trim();
        c.record(
          'ASSIGNED',
          `${chosen.code} (rank ${chosen.rank}, ${chosen.points.total} points): ${input.reason.trim()}`,
        );
        const [saved] = await this.runs.saveMany(tx, [c]);
        await audit(m, tx.actor, {
          action: 'ASSIGN_DELIVERY_RUN',
          targetType: 'DeliveryRun',
          targetId: run.id,
          outcome: 'SUCCESS',
          details: { number: run.number, from: previous, to: chosen.courierId, rank: chosen.rank },
        });
        return { run: saved };
      },
    );
  }

  async moveStop(input: MoveDeliveryStopInput, actor: Actor): Promise<MutationResult<{ run: DeliveryRun }>> {
    const invalid = await validateInput(input);
    return this.mutations.run(
      actor,
      { action: 'MOVE_DELIVERY_STOP', targetType: 'DeliveryRun', invalid },
      async (tx) => {
        const target = await this.runs.lock(tx, localId(input.runId, 'DeliveryRun'));
        if (target.run.status !== 'PLANNED')
          fail('ILLEGAL_TRANSITION', `${target.run.number} is ${target.run.status}; only a PLANNED run changes`, [
            'input',
            'runId',
          ]);
        const moving = await this.deliveries.lock(tx, localId(input.deliveryId, 'Delivery'));
        const d = moving.delivery;
        if (d.zone !== target.run.zone)
          fail(
            'COURIER_NOT_ELIGIBLE',
            `${d.number} is in ${d.zone}; ${target.run.number} delivers in ${target.run.zone}`,
            ['input', 'runId'],
          );
        const from = d.runId && d.runId !== target.run.id ? await this.runs.lock(tx, d.runId) : null;
        if (from && from.run.status !== 'PLANNED')
          fail('ILLEGAL_TRANSITION', `${d.number} is on ${from.run.number}, which has left`, ['input', 'deliveryId']);
        if (d.status !== 'UNASSIGNED' && d.status !== 'ASSIGNED')
          fail('ILLEGAL_TRANSITION', `${d.number} is ${d.status}; only an unassigned or planned delivery moves`, [
            'input',
            'deliveryId',
          ]);
        const stops = await this.stopsOf(tx, target.run.id, d.id);
        const order = stops.map((s) => s.delivery.addressKey).filter((k, i, all) => all.indexOf(k) === i);
        const before = order.filter((k) => k !== d.addressKey);
        before.splice(Math.min(input.stop - 1, before.length), 0, d.addressKey);
        const place = before.indexOf(d.addressKey);
        // Locking a stop keeps it and the stops before it where they are (the planner serves locked stops first).
        const locks = new Map(input.locked ? before.slice(0, place + 1).map((k, i) => [k, i]) : []);
        const all = [...stops, moving];
        const changes = await this.resequence(
          tx,
          target,
          all,
          locks,
          `${d.number} moved to stop ${place + 1}: ${input.reason.trim()}`,
        );
        if (d.runId !== target.run.id)
          fail(
            'COURIER_NOT_ELIGIBLE',
            `${target.run.number} cannot serve ${d.number} within its windows and capacity`,
            ['input', 'runId'],
          );
        d.locked = input.locked;
        if (from) {
          const left = await this.stopsOf(tx, from.run.id, d.id);
          changes.push(
            ...(await this.resequence(tx, from, left, this.locksOf(left), `${d.number} moved to ${target.run.number}`)),
          );
        }
        const runsSaved = await this.runs.saveMany(tx, from ? [target, from] : [target]);
        await this.deliveries.saveMany(tx, changes);
        await audit(tx.m, tx.actor, {
          action: 'MOVE_DELIVERY_STOP',
          targetType: 'DeliveryRun',
          targetId: target.run.id,
          outcome: 'SUCCESS',
          details: { run: target.run.number, delivery: d.number, stop: d.stopSeq, locked: input.locked },
        });
        return { run: runsSaved[0] };
      },
    );
  }

  /** The stop numbers dispatchers locked on a run, for re-sequencing it. */
  locksOf(stops: readonly DeliveryChange[]): Map<string, number> {
    const locked = stops
      .filter((s) => s.delivery.locked && s.delivery.stopSeq !== null)
      .sort((a, b) => a.delivery.stopSeq! - b.delivery.stopSeq!);
    const keys = locked.map((s) => s.delivery.addressKey).filter((k, i, all) => all.indexOf(k) === i);
    return new Map(keys.map((k, i) => [k, i]));
  }

  /** A planned run's stops (other than `except`), locked, in stop order. */
  async stopsOf(tx: Tx, runId: string, except: string | null = null): Promise<DeliveryChange[]> {
    const rows: { id: string }[] = await tx.m.query(
      `SELECT id FROM delivery WHERE run_id = $1 AND status = 'ASSIGNED' AND id IS DISTINCT FROM $2 ORDER BY stop_seq, number`,
      [runId, except],
    );
    const changes = await this.deliveries.lockMany(
      tx,
      rows.map((r) => r.id),
    );
    return changes.sort((a, b) => (a.delivery.stopSeq ?? 0) - (b.delivery.stopSeq ?? 0));
  }

  /**
   * Puts a planned run's deliveries in order again with `locks` kept; deliveries it can no longer serve
   * go back to planning (UNASSIGNED). The run's totals and times follow; the caller saves both.
   */
  async resequence(
    tx: Tx,
    c: DeliveryRunChange,
    deliveries: readonly DeliveryChange[],
    locks: ReadonlyMap<string, number>,
    reason: string,
  ): Promise<DeliveryChange[]> {
    const run = c.run;
    const now = Date.now();
    // A run for tomorrow (planned in the evening) is sequenced within tomorrow's delivery day.
    const start = Math.max(now, run.plannedStart.getTime());
    const city = deliveries[0]?.delivery.city ?? run.zone;
    const [vehicle]: { capacity_units: number }[] = run.courierId
      ? await tx.m.query(
          `SELECT v.capacity_units FROM courier c JOIN vehicle v ON v.id = c.vehicle_id WHERE c.id = $1`,
          [run.courierId],
        )
      : [];
    const byId = new Map(deliveries.map((d) => [d.delivery.id, d.delivery]));
    const result = sequenceRun(
      {
        depot: depotOf(city) ?? { lat: deliveries[0]?.delivery.lat ?? 0, lng: deliveries[0]?.delivery.lng ?? 0 },
        stops: mergeStops(deliveries.map((d) => toPlan(d.delivery))),
        capacityUnits: vehicle?.capacity_units ?? Math.max(DEFAULT_RUN_UNITS, run.units),
        start,
        end: Math.max(shanghaiTime(start, `${DELIVERY_DAY.endHour}:00`) + 3_600_000, start + 3_600_000),
        budgetMs: 300,
      },
      locks,
    );
    const routed = result.runs[0] ?? { stops: [], units: 0, distanceM: 0, start, end: start };
    for (const s of result.unplanned)
      for (const id of s.deliveryIds) {
        const change = deliveries.find((x) => x.delivery.id === id)!;
        const d = change.delivery;
        if (d.status === 'ASSIGNED')
          await this.deliveries.move(change, 'UNASSIGNED', `${run.number}: ${reason}; no longer fits`);
        d.runId = null;
        d.stopSeq = null;
        d.eta = null;
        d.locked = false;
      }
    const placed = await this.putOnRun(tx, run, routed, byId, deliveries);
    Object.assign(run, {
      units: routed.units,
      weightG: weightOf(routed, byId),
      distanceM: routed.distanceM,
      plannedStart: new Date(routed.start),
      plannedEnd: new Date(routed.end),
    });
    c.record('RESEQUENCED', reason);
    return [...new Set([...placed, ...deliveries])];
  }

  /** Gives each delivery of the routed run its stop number and ETA (an event when either changes). */
  private async putOnRun(
    tx: Tx,
    run: DeliveryRun,
    routed: RoutedRun,
    byId: ReadonlyMap<string, Delivery>,
    existing: readonly DeliveryChange[] = [],
  ): Promise<DeliveryChange[]> {
    const changes: DeliveryChange[] = [];
    let seq = 0;
    for (const { stop, eta } of routed.stops) {
      seq++;
      for (const id of stop.deliveryIds) {
        const change = existing.find((x) => x.delivery.id === id) ?? this.deliveries.begin(tx, byId.get(id)!);
        const d = change.delivery;
        const moved = d.runId !== run.id || d.stopSeq !== seq || d.eta?.getTime() !== eta;
        d.runId = run.id;
        d.stopSeq = seq;
        d.eta = new Date(eta);
        d.lateRisk = eta > d.windowEnd.getTime() - 15 * 60_000;
        if (d.status === 'UNASSIGNED') await this.deliveries.move(change, 'ASSIGNED', `Stop ${seq} of ${run.number}`);
        if (moved) change.record('PLANNED', `Stop ${seq} of ${run.number}, ETA ${hhmm(eta)}`);
        changes.push(change);
      }
    }
    return changes;
  }

  private newRun(
    number: string,
    first: PlannedStop,
    zone: string,
    routed: RoutedRun,
    byId: ReadonlyMap<string, Delivery>,
  ): DeliveryRun {
    return Object.assign(new DeliveryRun(), {
      id: randomUUID(),
      number,
      warehouseId: byId.get(first.deliveryIds[0])!.warehouseId,
      zone,
      courierId: null,
      status: 'PLANNED' as const,
      plannedStart: new Date(routed.start),
      plannedEnd: new Date(routed.end),
      distanceM: routed.distanceM,
      units: routed.units,
      weightG: weightOf(routed, byId),
      courierChoice: [],
      assignedBy: null,
      overrideReason: null,
      etasAt: null,
      lastEventSequence: 0,
      startedAt: null,
      completedAt: null,
    });
  }

  private async runNumbers(tx: Tx, n: number): Promise<string[]> {
    const rows: { number: string }[] = await tx.m.query(
      `SELECT 'DR-' || lpad(nextval('delivery_run_number_seq')::text, 6, '0') AS number FROM generate_series(1, $1)`,
      [n],
    );
    return rows.map((r) => r.number);
  }
}
