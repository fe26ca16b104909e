import { randomBytes } from 'node:crypto';
import {
  CITY_CENTRES,
  deliveryWindow,
  deliveryZone,
  dispatchRank,
  type Geocoder,
  cityOfZone,
} from '@fulfilment/domain';
import { Actor } from '../../common/actor';
import { audit } from '../../common/audit';
import { localId } from '../../common/global-id';
import { MutationResult, Mutations, Tx } from '../../common/mutation';
import { hydrate } from '../../common/rows';
import { fail } from '../../common/user-error';
import { validateInput } from '../../common/validation';
import { shipmentGrams } from '../fulfilment/carrier-options';
import type { ShipmentShipped } from '../fulfilment/fulfilment.events';
import { BlockedArea } from './courier.entity';
import { DeliveryPlanningService } from './delivery-planning.service';
import { DeliveryRunTransitions } from './delivery-run-transitions';
import { DeliveryChange, DeliveryTransitions } from './delivery-transitions';
import { Delivery, DeliveryRun } from './delivery.entity';
import {
  BlockAreaInput,
  ConfirmDeliveryInput,
  RateDeliveryInput,
  ReplanDeliveryInput,
  ReportDeliveryExceptionInput,
  StartDeliveryRunInput,
  UnblockAreaInput,
} from './delivery.inputs';
import { notifyOnCommit } from '../../live/publish';
import { decodeProofImage } from './proof-image';
import { assertMayWorkRun, RunProgress } from './run-progress';

type DeliveryResult = MutationResult<{ delivery: Delivery }>;

/** Most points kept in a delivery's trail (the courier's positions while it was out). */
const TRAIL_POINTS = 500;

/**
 * A delivery's life after planning: the run leaves, each stop is delivered with proof or ends in an
 * exception (re-planned, or back to the warehouse), the customer rates it; areas are blocked and
 * opened. New own-fleet shipments become deliveries here (SHIPMENT_SHIPPED).
 */
export class DeliveryService {
  constructor(
    private readonly mutations: Mutations,
    private readonly deliveries: DeliveryTransitions,
    private readonly runs: DeliveryRunTransitions,
    private readonly planning: DeliveryPlanningService,
    private readonly progress: RunProgress,
    private readonly geocoder: Geocoder,
  ) {}

  /** In the shipping transaction: an own-fleet shipment becomes a delivery waiting for planning. */
  async createForShipment(tx: Tx, e: ShipmentShipped): Promise<void> {
    if (e.carrierKind !== 'OWN_FLEET') return;
    const { m } = tx;
    const [o] = await m.query(
      `SELECT o.delivery_address AS address, o.delivery_city AS city, o.priority, o.promised_by, c.key_account,
              s.warehouse_id, (SELECT coalesce(sum(coalesce(l.picked, l.required)), 0)::int FROM shipment_line l
                                WHERE l.shipment_id = s.id AND NOT l.released) AS units
         FROM shipment s JOIN orders o ON o.id = s.order_id JOIN customer c ON c.id = o.customer_id
        WHERE s.id = $1`,
      [e.shipmentId],
    );
    const position = await this.geocoder.locate({ city: o.city, address: o.address });
    const window = deliveryWindow(e.shippedAt.getTime(), new Date(o.promised_by).getTime(), o.priority === 'URGENT');
    const [{ number }] = await m.query(`SELECT 'DL-' || lpad(nextval('delivery_number_seq')::text, 6, '0') AS number`);
    const [row] = await m.query(
      `INSERT INTO delivery (number, shipment_id, order_id, warehouse_id, status, zone, city, address_key, lat, lng,
                             units, weight_g, dispatch_rank, window_start, window_end, tracking_token,
                             exception_reason, exception_note, exception_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19) RETURNING *`,
      [
        number,
        e.shipmentId,
        e.orderId,
        o.warehouse_id,
        position ? 'UNASSIGNED' : 'EXCEPTION',
        deliveryZone(o.address, o.city),
        o.city,
        `${o.city}|${o.address.trim()}`,
        position?.lat ?? CITY_CENTRES[o.city]?.centre.lat ?? 0,
        position?.lng ?? CITY_CENTRES[o.city]?.centre.lng ?? 0,
        Math.max(1, o.units),
        await shipmentGrams(m, e.shipmentId),
        dispatchRank(o.priority, o.key_account),
        new Date(window.start),
        new Date(window.end),
        randomBytes(18).toString('base64url'),
        position ? null : 'WRONG_ADDRESS',
        position ? null : 'The address could not be placed on the map',
        position ? null : new Date(),
      ],
    );
    const c = this.deliveries.begin(tx, hydrate(m, Delivery, row));
    c.record(
      'CREATED',
      position ? `Shipped with the own fleet to ${c.delivery.zone}` : 'The address could not be placed',
    );
    await this.deliveries.saveMany(tx, [c]);
  }

  async start(input: StartDeliveryRunInput, actor: Actor): Promise<MutationResult<{ run: DeliveryRun }>> {
    const invalid = await validateInput(input);
    return this.mutations.run(
      actor,
      { action: 'START_DELIVERY_RUN', targetType: 'DeliveryRun', invalid },
      async (tx) => {
        const c = await this.runs.lock(tx, localId(input.runId, 'DeliveryRun'));
        await assertMayWorkRun(tx, c.run.courierId, ['input', 'runId']);
        const [driving] = c.run.courierId
          ? await tx.m.query(
              `SELECT number FROM delivery_run WHERE courier_id = $1 AND status = 'IN_PROGRESS' AND id <> $2 LIMIT 1`,
              [c.run.courierId, c.run.id],
            )
          : [];
        if (driving)
          fail('ILLEGAL_TRANSITION', `The courier is still driving ${driving.number}; finish it first`, [
            'input',
            'runId',
          ]);
        const stops = await this.planning.stopsOf(tx, c.run.id);
        this.runs.move(c, 'IN_PROGRESS', 'Left the warehouse', {
          stops: stops.length,
          openStops: stops.length,
          hasCourier: c.run.courierId !== null,
        });
        for (const s of stops) {
          s.delivery.outAt = new Date();
          await this.deliveries.move(s, 'OUT_FOR_DELIVERY', `${c.run.number} left`, {
            hasProof: false,
            runStarted: true,
            destinationBlocked: false,
          });
        }
        const [run] = await this.runs.saveMany(tx, [c]);
        await this.deliveries.saveMany(tx, stops);
        const [courier] = await tx.m.query(
          `UPDATE courier SET state = 'ON_ROUTE', updated_at = now() WHERE id = $1 RETURNING lat, lng`,
          [c.run.courierId],
        );
        const from =
          courier?.lat != null
            ? { lat: courier.lat, lng: courier.lng }
            : { lat: stops[0].delivery.lat, lng: stops[0].delivery.lng };
        await this.progress.recomputeEtas(tx, run.id, from);
        await audit(tx.m, tx.actor, {
          action: 'START_DELIVERY_RUN',
          targetType: 'DeliveryRun',
          targetId: run.id,
          outcome: 'SUCCESS',
          details: { number: run.number, stops: stops.length },
        });
        return { run };
      },
    );
  }

  async confirm(input: ConfirmDeliveryInput, actor: Actor): Promise<DeliveryResult> {
    const invalid = await validateInput(input);
    if (input.kind === 'CONTACTLESS' && !input.note?.trim())
      invalid.push({ code: 'INVALID_INPUT', field: ['input', 'note'], message: 'say where it was left (note)' });
    return this.mutations.run(actor, { action: 'CONFIRM_DELIVERY', targetType: 'Delivery', invalid }, async (tx) => {
      const image = decodeProofImage(input.image, ['input', 'image']);
      const c = await this.lockWorked(tx, input.deliveryId);
      const d = c.delivery;
      const now = new Date();
      d.deliveredAt = now;
      d.onTime = now.getTime() <= d.windowEnd.getTime();
      d.eta = null;
      d.lateRisk = false;
      await this.deliveries.move(c, 'DELIVERED', input.kind === 'SIGNATURE' ? 'Signed for' : 'Left at the door', {
        hasProof: true,
        runStarted: true,
        destinationBlocked: false,
      });
      d.trail = await this.trailOf(tx, d);
      const [delivery] = await this.deliveries.saveMany(tx, [c]);
      const [run] = await tx.m.query(`SELECT courier_id FROM delivery_run WHERE id = $1`, [d.runId]);
      await tx.m.query(
        `INSERT INTO proof_of_delivery (delivery_id, kind, content_type, byte_size, sha256, image, recipient_name, note,
                                        lat, lng, courier_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [
          d.id,
          input.kind,
          image.contentType,
          image.bytes.length,
          image.sha256,
          image.bytes,
          input.recipientName?.trim() || null,
          input.note?.trim() || null,
          input.lat ?? null,
          input.lng ?? null,
          run?.courier_id ?? null,
        ],
      );
      await tx.m.query(
        `UPDATE courier SET delivered = delivered + 1, delivered_on_time = delivered_on_time + $2::int WHERE id = $1`,
        [run?.courier_id, d.onTime ? 1 : 0],
      );
      await this.afterStop(tx, c);
      await audit(tx.m, tx.actor, {
        action: 'CONFIRM_DELIVERY',
        targetType: 'Delivery',
        targetId: d.id,
        outcome: 'SUCCESS',
        details: { number: d.number, kind: input.kind, bytes: image.bytes.length, onTime: d.onTime },
      });
      return { delivery };
    });
  }

  async reportException(input: ReportDeliveryExceptionInput, actor: Actor): Promise<DeliveryResult> {
    const invalid = await validateInput(input);
    return this.mutations.run(
      actor,
      { action: 'REPORT_DELIVERY_EXCEPTION', targetType: 'Delivery', invalid },
      async (tx) => {
        const c = await this.lockWorked(tx, input.deliveryId);
        const d = c.delivery;
        d.exceptionReason = input.reason;
        d.exceptionNote = input.note.trim();
        d.exceptionAt = new Date();
        d.eta = null;
        d.lateRisk = false;
        await this.deliveries.move(c, 'EXCEPTION', `${input.reason}: ${d.exceptionNote}`);
        d.trail = await this.trailOf(tx, d);
        const [delivery] = await this.deliveries.saveMany(tx, [c]);
        await this.afterStop(tx, c);
        await audit(tx.m, tx.actor, {
          action: 'REPORT_DELIVERY_EXCEPTION',
          targetType: 'Delivery',
          targetId: d.id,
          outcome: 'SUCCESS',
          details: { number: d.number, reason: input.reason },
        });
        return { delivery };
      },
    );
  }

  async replan(input: ReplanDeliveryInput, actor: Actor): Promise<DeliveryResult> {
    const invalid = await validateInput(input);
    if (input.action === 'NEW_WINDOW') {
      const start = input.windowStart?.getTime();
      const end = input.windowEnd?.getTime();
      if (start === undefined || end === undefined || !(end > start) || end <= Date.now())
        invalid.push({
          code: 'INVALID_INPUT',
          field: ['input', 'windowEnd'],
          message: 'NEW_WINDOW needs windowStart and a later windowEnd in the future',
        });
    }
    return this.mutations.run(actor, { action: 'REPLAN_DELIVERY', targetType: 'Delivery', invalid }, async (tx) => {
      const c = await this.deliveries.lock(tx, localId(input.deliveryId, 'Delivery'));
      const d = c.delivery;
      const reason = input.reason.trim();
      if (input.action === 'BACK_TO_WAREHOUSE')
        await this.deliveries.move(c, 'RETURNED', `Back to the warehouse: ${reason}`);
      else {
        if (input.action === 'NEW_WINDOW') {
          d.windowStart = input.windowStart!;
          d.windowEnd = input.windowEnd!;
        }
        await this.deliveries.move(c, 'UNASSIGNED', `Re-planned (${input.action}): ${reason}`);
        d.runId = null;
        d.stopSeq = null;
        d.locked = false;
        d.exceptionReason = null;
        d.exceptionNote = null;
        d.exceptionAt = null;
        if (input.action === 'NEW_WINDOW')
          await this.deliveries.tellCustomerAbout(
            c,
            `Delivery ${d.number} will come between ${d.windowStart.toISOString()} and ${d.windowEnd.toISOString()}`,
            { event: 'DELIVERY_RESCHEDULED' },
          );
      }
      const [delivery] = await this.deliveries.saveMany(tx, [c]);
      await audit(tx.m, tx.actor, {
        action: 'REPLAN_DELIVERY',
        targetType: 'Delivery',
        targetId: d.id,
        outcome: 'SUCCESS',
        details: { number: d.number, action: input.action },
      });
      return { delivery };
    });
  }

  async rate(input: RateDeliveryInput, actor: Actor): Promise<DeliveryResult> {
    const invalid = await validateInput(input);
    return this.mutations.run(actor, { action: 'RATE_DELIVERY', targetType: 'Delivery', invalid }, async (tx) => {
      const [row] = await tx.m.query(`SELECT id FROM delivery WHERE tracking_token = $1`, [input.trackingToken.trim()]);
      if (!row) fail('NOT_FOUND', 'No delivery has this tracking token', ['input', 'trackingToken']);
      const c = await this.deliveries.lock(tx, row.id);
      const d = c.delivery;
      if (d.status !== 'DELIVERED') fail('NOT_DELIVERED', `${d.number} is ${d.status}`, ['input', 'trackingToken']);
      if (d.rating !== null) fail('ALREADY_RATED', `${d.number} was rated on ${d.ratedAt?.toISOString()}`, ['input']);
      d.rating = input.rating;
      d.ratingComment = input.comment?.trim() || null;
      d.ratedAt = new Date();
      c.record('RATED', `${input.rating}/5`);
      const [delivery] = await this.deliveries.saveMany(tx, [c]);
      await audit(tx.m, tx.actor, {
        action: 'RATE_DELIVERY',
        targetType: 'Delivery',
        targetId: d.id,
        outcome: 'SUCCESS',
        details: { number: d.number, rating: input.rating },
      });
      return { delivery };
    });
  }

  async blockArea(
    input: BlockAreaInput,
    actor: Actor,
  ): Promise<MutationResult<{ area: BlockedArea; affected: Delivery[] }>> {
    const invalid = await validateInput(input);
    return this.mutations.run(actor, { action: 'BLOCK_AREA', targetType: 'BlockedArea', invalid }, async (tx) => {
      const zone = input.zone.trim();
      const city =
        cityOfZone(zone) ??
        fail('UNKNOWN_ZONE', `${zone} is neither a served city nor one of its districts`, ['input', 'zone']);
      const [row] = await tx.m.query(
        `INSERT INTO blocked_area (zone, city, reason, blocked_by) VALUES ($1, $2, $3, $4)
         ON CONFLICT (zone) WHERE unblocked_at IS NULL DO NOTHING RETURNING *`,
        [zone, city, input.reason.trim(), tx.actor.principal?.name ?? 'system'],
      );
      if (!row) fail('AREA_ALREADY_BLOCKED', `${zone} is already blocked`, ['input', 'zone']);
      // Deliveries into it: off their planned runs (held by planning until it opens), or, already
      // out, ended as BLOCKED_AREA exceptions for the dispatcher to re-plan.
      const ids: { id: string }[] = await tx.m.query(
        `SELECT id FROM delivery WHERE (zone = $1 OR city = $1) AND status IN ('ASSIGNED', 'OUT_FOR_DELIVERY')`,
        [zone],
      );
      const changes = await this.deliveries.lockMany(
        tx,
        ids.map((r) => r.id),
      );
      const runIds = new Set<string>();
      for (const c of changes) {
        const d = c.delivery;
        if (d.runId) runIds.add(d.runId);
        if (d.status === 'ASSIGNED') {
          await this.deliveries.move(c, 'UNASSIGNED', `${zone} blocked: ${input.reason.trim()}`);
          d.runId = null;
          d.stopSeq = null;
          d.eta = null;
          d.locked = false;
        } else {
          d.exceptionReason = 'BLOCKED_AREA';
          d.exceptionNote = input.reason.trim();
          d.exceptionAt = new Date();
          d.eta = null;
          await this.deliveries.move(c, 'EXCEPTION', `${zone} blocked: ${input.reason.trim()}`);
        }
      }
      const affected = await this.deliveries.saveMany(tx, changes);
      for (const runId of [...runIds].sort()) {
        const run = await this.runs.lock(tx, runId);
        if (run.run.status === 'PLANNED') {
          const left = await this.planning.stopsOf(tx, runId);
          if (left.length === 0) {
            this.runs.move(run, 'CANCELLED', `${zone} blocked`, { stops: 0, openStops: 0, hasCourier: true });
            await this.runs.saveMany(tx, [run]);
          } else {
            const moved = await this.planning.resequence(tx, run, left, this.planning.locksOf(left), `${zone} blocked`);
            await this.runs.saveMany(tx, [run]);
            await this.deliveries.saveMany(tx, moved);
          }
        } else await this.progress.completeIfDone(tx, runId);
      }
      await notifyOnCommit(tx.m, 'BLOCKED_AREA_CHANGED', [
        { id: row.id, zone, blocked: true, reason: input.reason.trim(), at: new Date().toISOString() },
      ]);
      await audit(tx.m, tx.actor, {
        action: 'BLOCK_AREA',
        targetType: 'BlockedArea',
        targetId: row.id,
        outcome: 'SUCCESS',
        details: { zone, affected: affected.map((d) => d.number) },
      });
      return { area: hydrate(tx.m, BlockedArea, row), affected };
    });
  }

  async unblockArea(input: UnblockAreaInput, actor: Actor): Promise<MutationResult<{ area: BlockedArea }>> {
    const invalid = await validateInput(input);
    return this.mutations.run(actor, { action: 'UNBLOCK_AREA', targetType: 'BlockedArea', invalid }, async (tx) => {
      const [row] = await tx.m.query(
        `WITH u AS (UPDATE blocked_area SET unblocked_at = now(), unblocked_by = $2
                     WHERE zone = $1 AND unblocked_at IS NULL RETURNING *) SELECT * FROM u`,
        [input.zone.trim(), tx.actor.principal?.name ?? 'system'],
      );
      if (!row) fail('AREA_NOT_BLOCKED', `${input.zone.trim()} is not blocked`, ['input', 'zone']);
      await notifyOnCommit(tx.m, 'BLOCKED_AREA_CHANGED', [
        { id: row.id, zone: row.zone, blocked: false, reason: row.reason, at: new Date().toISOString() },
      ]);
      await audit(tx.m, tx.actor, {
        action: 'UNBLOCK_AREA',
        targetType: 'BlockedArea',
        targetId: row.id,
        outcome: 'SUCCESS',
        details: { zone: row.zone },
      });
      return { area: hydrate(tx.m, BlockedArea, row) };
    });
  }

  /** Locks a delivery on a running run that the caller may work (its courier, or a dispatcher). */
  private async lockWorked(tx: Tx, deliveryId: string): Promise<DeliveryChange> {
    const c = await this.deliveries.lock(tx, localId(deliveryId, 'Delivery'));
    const [run] = c.delivery.runId
      ? await tx.m.query(`SELECT courier_id FROM delivery_run WHERE id = $1`, [c.delivery.runId])
      : [];
    await assertMayWorkRun(tx, run?.courier_id ?? null, ['input', 'deliveryId']);
    return c;
  }

  /** The courier's positions while the delivery was out, thinned to TRAIL_POINTS: [[lat, lng, epoch s], …]. */
  private async trailOf(tx: Tx, d: Delivery): Promise<[number, number, number][] | null> {
    if (!d.runId || !d.outAt) return null;
    const rows: { lat: number; lng: number; t: number }[] = await tx.m.query(
      `WITH p AS (
         SELECT p.lat, p.lng, extract(epoch FROM p.recorded_at)::bigint::float8 AS t,
                row_number() OVER (ORDER BY p.recorded_at) AS n, count(*) OVER () AS total
           FROM courier_position p JOIN delivery_run r ON r.courier_id = p.courier_id
          WHERE r.id = $1 AND p.recorded_at >= $2 AND p.recorded_at <= now())
       SELECT lat, lng, t FROM p WHERE (n - 1) % greatest(1, ceil(total::float8 / $3)::int) = 0 ORDER BY t`,
      [d.runId, d.outAt, TRAIL_POINTS],
    );
    return rows.map((r) => [r.lat, r.lng, r.t]);
  }

  /** After a stop ended: new ETAs for the rest of the run, and the run completed when nothing is open. */
  private async afterStop(tx: Tx, c: DeliveryChange): Promise<void> {
    const runId = c.delivery.runId;
    if (!runId || !c.recomputeRun) return;
    const [courier] = await tx.m.query(
      `SELECT c.lat, c.lng FROM delivery_run r JOIN courier c ON c.id = r.courier_id WHERE r.id = $1`,
      [runId],
    );
    const from =
      courier?.lat != null ? { lat: courier.lat, lng: courier.lng } : { lat: c.delivery.lat, lng: c.delivery.lng };
    await this.progress.recomputeEtas(tx, runId, from);
    await this.progress.completeIfDone(tx, runId);
  }
}
