import {
  CheckErrorKind,
  orderStageOfParts,
  trackingNumber,
  trackingNumberProblem,
  type ShipmentFacts,
  type ShipmentStatus,
} from '@fulfilment/domain';
import { Actor, actorLabel } from '../../common/actor';
import { audit } from '../../common/audit';
import { localId } from '../../common/global-id';
import { MutationResult, Mutations, Tx } from '../../common/mutation';
import { hydrate } from '../../common/rows';
import { fail, userError } from '../../common/user-error';
import { validateInput } from '../../common/validation';
import { Order } from '../order/order.entity';
import { OrderTransitions } from '../order/order-transitions';
import { rankCarriersFor, shipmentGrams } from './carrier-options';
import { CheckOrderInput, PackOrderInput, ShipOrderInput } from './fulfilment.inputs';
import { CheckError, Shipment } from './shipment.entity';
import { ShipmentChange, ShipmentTransitions } from './shipment-transitions';

/** The S10 service indicator of tracking numbers the platform prints itself. */
export const PLATFORM_TRACKING_SERVICE = 'FP';

type ShipmentResult = MutationResult<{ shipment: Shipment }>;

/**
 * A picked shipment's way out: the check (复核) against what was picked, packing with labelled
 * packages, and shipping with a carrier, which consumes exactly its allocated units. Each step
 * locks the order first, then the shipment (the order lock order everywhere), and moves the order
 * along once its least advanced part has.
 */
export class ShipmentService {
  constructor(
    private readonly mutations: Mutations,
    private readonly shipments: ShipmentTransitions,
    private readonly orders: OrderTransitions,
  ) {}

  async check(
    input: CheckOrderInput,
    actor: Actor,
  ): Promise<MutationResult<{ shipment: Shipment; passed: boolean; errors: CheckError[] }>> {
    const invalid = await validateInput(input);
    return this.mutations.run(actor, { action: 'CHECK_ORDER', targetType: 'Shipment', invalid }, async (tx) => {
      const { m } = tx;
      const { c } = await this.lock(tx, input.shipmentId);
      const s = c.shipment;
      if (s.status !== 'PICKED')
        fail('ILLEGAL_TRANSITION', `${s.number} is ${s.status}; only a PICKED shipment is checked`, [
          'input',
          'shipmentId',
        ]);
      const lines: { id: string; sku: string; picked: number }[] = await m.query(
        `SELECT id, sku, coalesce(picked, 0) AS picked FROM shipment_line WHERE shipment_id = $1 AND NOT released`,
        [s.id],
      );
      const expected = new Map<string, number>();
      for (const l of lines) expected.set(l.sku, (expected.get(l.sku) ?? 0) + l.picked);
      const counted = new Map<string, number>();
      for (const i of input.items) counted.set(i.sku.trim(), (counted.get(i.sku.trim()) ?? 0) + i.quantity);
      // A SKU the catalogue does not know is a mis-scan or a typo, not a wrong item: refused, nothing recorded.
      const [{ known }]: { known: string[] }[] = await m.query(
        `SELECT coalesce(array_agg(sku), '{}') AS known FROM product WHERE sku = ANY($1::text[])`,
        [[...counted.keys()]],
      );
      const unknown = input.items.findIndex((i) => !known.includes(i.sku.trim()));
      if (unknown >= 0)
        fail('UNKNOWN_SKU', `Unknown SKU ${input.items[unknown].sku}`, ['input', 'items', unknown, 'sku']);
      const found: { kind: CheckErrorKind; sku: string; expected: number; counted: number }[] = [];
      for (const [sku, n] of counted)
        if (!expected.get(sku)) found.push({ kind: 'WRONG_ITEM', sku, expected: 0, counted: n });
      for (const [sku, n] of expected)
        if (n > 0 && (counted.get(sku) ?? 0) !== n)
          found.push({ kind: 'WRONG_QUANTITY', sku, expected: n, counted: counted.get(sku) ?? 0 });
      const label = actorLabel(tx.actor);
      const matched = lines.filter((l) => (counted.get(l.sku) ?? 0) === expected.get(l.sku));
      await m.query(
        `UPDATE shipment_line SET checked = CASE WHEN id = ANY($2::uuid[]) THEN picked END WHERE shipment_id = $1 AND NOT released`,
        [s.id, matched.map((l) => l.id)],
      );
      let errors: CheckError[] = [];
      if (found.length) {
        const rows: Record<string, unknown>[] = await m.query(
          `INSERT INTO check_error (shipment_id, kind, sku, expected, counted, picked_by, checked_by)
           SELECT $1, d.kind, d.sku, d.expected, d.counted, $2, $3
             FROM unnest($4::text[], $5::text[], $6::int[], $7::int[]) AS d(kind, sku, expected, counted)
           RETURNING *`,
          [
            s.id,
            s.pickedBy,
            label,
            found.map((f) => f.kind),
            found.map((f) => f.sku),
            found.map((f) => f.expected),
            found.map((f) => f.counted),
          ],
        );
        errors = rows.map((r) => hydrate(m, CheckError, r));
        c.record(
          'CHECK_ERROR',
          found.map((f) => `${f.kind} ${f.sku}: ${f.counted} counted, ${f.expected} expected`).join('; '),
        );
      } else {
        const [{ corrected }]: { corrected: number }[] = await m.query(
          `WITH u AS (UPDATE check_error SET corrected_at = now(), corrected_by = $2
                       WHERE shipment_id = $1 AND corrected_at IS NULL RETURNING id)
           SELECT count(*)::int AS corrected FROM u`,
          [s.id, label],
        );
        if (corrected) c.record('CHECK_CORRECTED', `${corrected} check error${corrected > 1 ? 's' : ''} corrected`);
        s.checkedBy = label;
        await this.shipments.move(c, 'CHECKED', null, await this.facts(tx, s, 0));
      }
      const [shipment] = await this.shipments.saveMany(tx, [c]);
      await audit(m, tx.actor, {
        action: 'CHECK_ORDER',
        targetType: 'Shipment',
        targetId: s.id,
        outcome: 'SUCCESS',
        details: { number: s.number, passed: found.length === 0, errors: found.length },
      });
      return { shipment, passed: found.length === 0, errors };
    });
  }

  async pack(input: PackOrderInput, actor: Actor): Promise<ShipmentResult> {
    const invalid = await validateInput(input);
    input.packages.forEach((p, i) => {
      const problem = p.trackingNumber ? trackingNumberProblem(p.trackingNumber) : null;
      if (problem)
        invalid.push(userError('INVALID_TRACKING_NUMBER', problem, ['input', 'packages', i, 'trackingNumber']));
    });
    return this.mutations.run(actor, { action: 'PACK_ORDER', targetType: 'Shipment', invalid }, async (tx) => {
      const { m } = tx;
      const { c, order } = await this.lock(tx, input.shipmentId);
      const s = c.shipment;
      const given = input.packages.map((p) => p.trackingNumber?.trim() || null);
      const repeated = given.findIndex((t, i) => t !== null && given.indexOf(t) !== i);
      if (repeated >= 0)
        fail('TRACKING_NUMBER_TAKEN', `${given[repeated]} is given twice`, [
          'input',
          'packages',
          repeated,
          'trackingNumber',
        ]);
      const [taken]: { tracking_number: string }[] = await m.query(
        `SELECT tracking_number FROM package WHERE tracking_number = ANY($1::text[]) LIMIT 1`,
        [given.filter((t) => t !== null)],
      );
      if (taken)
        fail('TRACKING_NUMBER_TAKEN', `${taken.tracking_number} is already on another package`, [
          'input',
          'packages',
          given.indexOf(taken.tracking_number),
          'trackingNumber',
        ]);
      const grams = input.packages.reduce((n, p) => n + p.weightG, 0);
      s.packedBy = actorLabel(tx.actor);
      await this.shipments.move(
        c,
        'PACKED',
        `${input.packages.length} package${input.packages.length > 1 ? 's' : ''}, ${(grams / 1000).toFixed(1)} kg`,
        await this.facts(tx, s, input.packages.length),
      );
      const serials: { n: string }[] = await m.query(
        `SELECT nextval('tracking_serial_seq') AS n FROM generate_series(1, $1)`,
        [given.filter((t) => t === null).length],
      );
      let next = 0;
      const numbers = given.map((t) => t ?? trackingNumber(PLATFORM_TRACKING_SERVICE, Number(serials[next++].n)));
      await m.query(
        `INSERT INTO package (shipment_id, seq, material, weight_g, tracking_number)
         SELECT $1, d.n, d.material, d.weight, d.tracking FROM unnest($2::text[], $3::int[], $4::text[])
           WITH ORDINALITY AS d(material, weight, tracking, n)`,
        [s.id, input.packages.map((p) => p.material), input.packages.map((p) => p.weightG), numbers],
      );
      s.trackingNumber = numbers[0];
      const [shipment] = await this.shipments.saveMany(tx, [c]);
      await this.followParts(tx, order, `${s.number} packed`);
      await audit(m, tx.actor, {
        action: 'PACK_ORDER',
        targetType: 'Shipment',
        targetId: s.id,
        outcome: 'SUCCESS',
        details: { number: s.number, packages: numbers },
      });
      return { shipment };
    });
  }

  async ship(input: ShipOrderInput, actor: Actor): Promise<ShipmentResult> {
    const invalid = await validateInput(input);
    return this.mutations.run(actor, { action: 'SHIP_ORDER', targetType: 'Shipment', invalid }, async (tx) => {
      const { m } = tx;
      const { c, order } = await this.lock(tx, input.shipmentId);
      const s = c.shipment;
      const { method, ranked, carriers } = await rankCarriersFor(
        m,
        await shipmentGrams(m, s.id),
        order.priority === 'URGENT',
        order.delivery.region,
      );
      const code = input.carrierCode?.trim();
      const choice = code ? ranked.find((r) => r.code === code) : ranked[0];
      if (code && !choice) fail('UNKNOWN_CARRIER', `No carrier ${code}`, ['input', 'carrierCode']);
      if (!choice?.eligible)
        fail(
          'CARRIER_UNAVAILABLE',
          choice?.excludedBecause && code
            ? `${code}: ${choice.excludedBecause}`
            : `No active carrier serves ${order.delivery.region} with ${method}`,
          ['input', 'carrierCode'],
        );
      const carrier = carriers.get(choice.carrierId)!;
      s.carrierId = carrier.id;
      s.method = method;
      s.shippedBy = actorLabel(tx.actor);
      const facts = { ...(await this.facts(tx, s, 0)), hasCarrier: true };
      await this.shipments.move(c, 'SHIPPED', `${carrier.name} ${method} ${s.trackingNumber ?? ''}`.trim(), facts);
      const [shipment] = await this.shipments.saveMany(tx, [c]);
      await tx.emit('SHIPMENT_SHIPPED', {
        shipmentId: s.id,
        orderId: s.orderId,
        carrierKind: carrier.kind,
        shippedAt: shipment.shippedAt ?? new Date(),
      });
      await this.followParts(tx, order, `Shipped with ${carrier.name}, tracking ${s.trackingNumber}`);
      await audit(m, tx.actor, {
        action: 'SHIP_ORDER',
        targetType: 'Shipment',
        targetId: s.id,
        outcome: 'SUCCESS',
        details: { number: s.number, carrier: carrier.code, method, trackingNumber: s.trackingNumber },
      });
      return { shipment };
    });
  }

  /** Locks the shipment's order, then the shipment. */
  private async lock(tx: Tx, shipmentId: string): Promise<{ c: ShipmentChange; order: Order }> {
    const id = localId(shipmentId, 'Shipment');
    const [row] = id ? await tx.m.query(`SELECT order_id FROM shipment WHERE id = $1`, [id]) : [];
    if (!row) fail('NOT_FOUND', 'No shipment with this id', ['input', 'shipmentId']);
    const [order] = await this.orders.lockMany(tx, [row.order_id]);
    return { c: await this.shipments.lock(tx, id), order };
  }

  /** What the shipment guards look at, read in this transaction; `packages` as about to be written. */
  private async facts(tx: Tx, s: Shipment, packages: number): Promise<ShipmentFacts> {
    const [f] = await tx.m.query(
      `SELECT (SELECT count(*)::int FROM shipment_line WHERE shipment_id = $1 AND NOT released
                 AND checked IS DISTINCT FROM coalesce(picked, 0)) AS "linesUnchecked",
              (SELECT count(*)::int FROM check_error WHERE shipment_id = $1 AND corrected_at IS NULL) AS "openCheckErrors",
              (SELECT count(*)::int FROM package WHERE shipment_id = $1) AS packages`,
      [s.id],
    );
    return {
      linesUnchecked: f.linesUnchecked,
      openCheckErrors: f.openCheckErrors,
      packages: f.packages + packages,
      hasCarrier: s.carrierId !== null,
      hasTrackingNumber: s.trackingNumber !== null,
    };
  }

  /** Moves the order to the stage of its least advanced part, when that is further than it is. */
  private async followParts(tx: Tx, order: Order, reason: string): Promise<void> {
    const [row]: { parts: ShipmentStatus[]; unlisted: number }[] = await tx.m.query(
      `SELECT coalesce((SELECT array_agg(status) FROM shipment WHERE order_id = $1 AND status <> 'CANCELLED'), '{}') AS parts,
              (SELECT count(*)::int FROM order_allocation a WHERE a.order_id = $1 AND a.status = 'RESERVED'
                  AND NOT EXISTS (SELECT 1 FROM shipment_line x WHERE x.allocation_id = a.id AND NOT x.released)) AS unlisted`,
      [order.id],
    );
    const stage = orderStageOfParts(row.parts, row.unlisted);
    const to =
      order.status === 'PICKING' && stage === 'PACKED'
        ? 'PACKED'
        : order.status === 'PACKED' && stage === 'SHIPPED'
          ? 'SHIPPED'
          : null;
    if (to) await this.orders.moveMany(tx, [order], to, reason);
  }
}
