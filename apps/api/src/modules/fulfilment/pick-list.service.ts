import { DataSource, In } from 'typeorm';
import {
  batchTier,
  chooseBatch,
  PICK_LIST_DEFAULT_ORDERS,
  pickPath,
  type OrderPriority,
  type ShortPickReason,
} from '@fulfilment/domain';
import { Actor, actorLabel } from '../../common/actor';
import { localId } from '../../common/global-id';
import { MutationResult, Mutations, Tx } from '../../common/mutation';
import { hydrate } from '../../common/rows';
import { fail } from '../../common/user-error';
import { validateInput } from '../../common/validation';
import { Order } from '../order/order.entity';
import { OrderTransitions, reserverOf } from '../order/order-transitions';
import { Product } from '../product/product.entity';
import { ReservationService } from '../stock/reservation.service';
import type { ShipmentOutcome } from './fulfilment.enums';
import { CancelPickListInput, CreatePickListInput, PickListActionInput, RecordPickInput } from './fulfilment.inputs';
import { PickListOrderOutcome } from './fulfilment.types';
import { PickList } from './pick-list.entity';
import { PickListChange, PickListTransitions } from './pick-list-transitions';
import { Shipment } from './shipment.entity';
import { ShipmentChange, ShipmentTransitions } from './shipment-transitions';

type ListResult = MutationResult<{ pickList: PickList }>;
type ClosedListResult = MutationResult<{ pickList: PickList; orders: PickListOrderOutcome[] }>;

interface OpenAllocation {
  id: string;
  order_id: string;
  line_no: number;
  product_id: string;
  sku: string;
  stock_level_id: string;
  quantity: number;
  bin_location: string | null;
}

interface LineRow {
  id: string;
  shipment_id: string;
  allocation_id: string;
  line_no: number;
  product_id: string;
  sku: string;
  stock_level_id: string;
  required: number;
  picked: number | null;
}

/* Orders with allocated units in the warehouse on no live shipment: what a pick list is made from. */
const CANDIDATES_SQL = `
SELECT a.order_id, o.priority, c.key_account, o.created_at, sum(a.quantity)::int AS units
  FROM order_allocation a
  JOIN orders o ON o.id = a.order_id
  JOIN customer c ON c.id = o.customer_id
 WHERE a.warehouse_id = $1 AND a.status = 'RESERVED' AND o.status IN ('ALLOCATED', 'PICKING')
   AND ($2::text IS NULL OR o.delivery_city = $2)
   AND ($3::uuid[] IS NULL OR a.order_id = ANY($3::uuid[]))
   AND NOT EXISTS (SELECT 1 FROM shipment_line x WHERE x.allocation_id = a.id AND NOT x.released)
 GROUP BY a.order_id, o.priority, c.key_account, o.created_at`;

const OPEN_ALLOCATIONS_SQL = `
SELECT a.id, a.order_id, a.line_no, a.product_id, a.sku, a.stock_level_id, a.quantity, sl.bin_location
  FROM order_allocation a JOIN stock_level sl ON sl.id = a.stock_level_id
 WHERE a.order_id = ANY($1::uuid[]) AND a.warehouse_id = $2 AND a.status = 'RESERVED'
   AND NOT EXISTS (SELECT 1 FROM shipment_line x WHERE x.allocation_id = a.id AND NOT x.released)
 ORDER BY a.order_id, a.line_no`;

const SHORT_MOVEMENT: Record<ShortPickReason, 'COUNT_ADJUSTMENT' | 'DAMAGE'> = {
  NOT_FOUND: 'COUNT_ADJUSTMENT',
  DAMAGED: 'DAMAGE',
};

/**
 * Pick lists: batching allocated orders of one warehouse (one shipment per order part), walking them,
 * and completing them, which settles short picks (written off, reserved elsewhere or the order sent
 * back) and reports what became of every order. Locks are taken list → orders → shipments (orders
 * before shipments everywhere, so cancelling an order and working its shipment never deadlock).
 */
export class PickListService {
  constructor(
    private readonly ds: DataSource,
    private readonly mutations: Mutations,
    private readonly lists: PickListTransitions,
    private readonly shipments: ShipmentTransitions,
    private readonly orders: OrderTransitions,
    private readonly reservations: ReservationService,
  ) {}

  async create(input: CreatePickListInput, actor: Actor): Promise<ListResult> {
    const invalid = await validateInput(input);
    return this.mutations.run(actor, { action: 'CREATE_PICK_LIST', targetType: 'PickList', invalid }, async (tx) => {
      const { m } = tx;
      const label = actorLabel(tx.actor);
      const key = input.idempotencyKey?.trim() || null;
      if (key) {
        await m.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`pick list ${label} ${key}`]);
        const [known] = await m.query(`SELECT * FROM pick_list WHERE created_by = $1 AND idempotency_key = $2`, [
          label,
          key,
        ]);
        if (known) return { pickList: hydrate(m, PickList, known) };
      }
      const [w] = await m.query(`SELECT id, code FROM warehouse WHERE code = $1`, [input.warehouseCode.trim()]);
      if (!w) fail('UNKNOWN_WAREHOUSE', `Unknown warehouse ${input.warehouseCode}`, ['input', 'warehouseCode']);
      const byHand = input.orderIds
        ? [
            ...new Set(
              input.orderIds.map(
                (g, i) => localId(g, 'Order') ?? fail('NOT_FOUND', 'No order with this id', ['input', 'orderIds', i]),
              ),
            ),
          ]
        : null;
      const city = input.deliveryCity?.trim() || null;
      const candidates: {
        order_id: string;
        priority: OrderPriority;
        key_account: boolean;
        created_at: Date;
        units: number;
      }[] = await m.query(CANDIDATES_SQL, [w.id, city, byHand]);
      const notPickable = (orderId: string) =>
        fail('ORDER_NOT_PICKABLE', `The order has no allocated units in ${w.code} waiting for a pick list`, [
          'input',
          'orderIds',
          input.orderIds!.findIndex((g) => localId(g, 'Order') === orderId),
        ]);
      let chosen: string[];
      if (byHand) {
        const found = new Set(candidates.map((c) => c.order_id));
        const missing = byHand.find((id) => !found.has(id));
        if (missing) notPickable(missing);
        chosen = byHand;
      } else {
        chosen = chooseBatch(
          candidates.map((c) => ({
            orderId: c.order_id,
            priority: c.priority,
            keyAccount: c.key_account,
            placedAt: c.created_at,
            units: c.units,
          })),
          { maxOrders: input.maxOrders ?? PICK_LIST_DEFAULT_ORDERS, maxUnits: input.maxUnits ?? undefined },
        ).map((c) => c.orderId);
      }
      if (chosen.length === 0)
        fail('NOTHING_TO_PICK', `No allocated order of ${w.code}${city ? ` for ${city}` : ''} waits for a pick list`, [
          'input',
          'warehouseCode',
        ]);

      const locked = await this.orders.lockMany(tx, chosen);
      // Read again under the locks: a list created meanwhile has taken what it took.
      const allocations: OpenAllocation[] = await m.query(OPEN_ALLOCATIONS_SQL, [chosen, w.id]);
      const open = new Set(allocations.map((a) => a.order_id));
      const orders = locked.filter((o) => open.has(o.id) && (o.status === 'ALLOCATED' || o.status === 'PICKING'));
      const taken = new Set(orders.map((o) => o.id));
      const gone = byHand?.find((id) => !taken.has(id));
      if (gone) notPickable(gone);
      if (orders.length === 0)
        fail('NOTHING_TO_PICK', `The orders chosen for ${w.code} were taken by another pick list meanwhile`, [
          'input',
          'warehouseCode',
        ]);
      const listed = allocations.filter((a) => taken.has(a.order_id));

      const [row] = await m.query(
        `INSERT INTO pick_list (number, warehouse_id, warehouse_code, status, delivery_city, created_by, idempotency_key)
         VALUES ('PL-' || lpad(nextval('pick_list_number_seq')::text, 6, '0'), $1, $2, 'OPEN', $3, $4, $5) RETURNING *`,
        [w.id, w.code, city, label, key],
      );
      const list = hydrate(m, PickList, row);
      const stops = pickPath(stopsOf(listed));
      const shipmentRows: Record<string, unknown>[] = await m.query(
        `WITH s AS (
           INSERT INTO shipment (number, order_id, warehouse_id, warehouse_code, pick_list_id, status)
           SELECT 'SH-' || lpad(nextval('shipment_number_seq')::text, 6, '0'), d.order_id, $2, $3, $4, 'PICKING'
             FROM unnest($1::uuid[]) WITH ORDINALITY AS d(order_id, n) ORDER BY d.n
           RETURNING *),
         l AS (
           INSERT INTO shipment_line (shipment_id, allocation_id, line_no, product_id, sku, stock_level_id, required)
           SELECT s.id, a.id, a.line_no, a.product_id, a.sku, a.stock_level_id, a.quantity
             FROM order_allocation a JOIN s ON s.order_id = a.order_id
            WHERE a.id = ANY($5::uuid[])
           RETURNING 1),
         p AS (
           INSERT INTO pick_list_line (pick_list_id, seq, product_id, sku, stock_level_id, bin_location, required)
           SELECT $4, d.n, d.product_id, d.sku, d.stock_level_id, d.bin, d.required
             FROM unnest($6::uuid[], $7::text[], $8::uuid[], $9::text[], $10::int[])
                  WITH ORDINALITY AS d(product_id, sku, stock_level_id, bin, required, n)
           RETURNING 1)
         SELECT s.*, (SELECT count(*) FROM l) AS lines, (SELECT count(*) FROM p) AS stops FROM s`,
        [
          orders.map((o) => o.id),
          w.id,
          w.code,
          list.id,
          listed.map((a) => a.id),
          stops.map((s) => s.productId),
          stops.map((s) => s.sku),
          stops.map((s) => s.stockLevelId),
          stops.map((s) => s.bin),
          stops.map((s) => s.required),
        ],
      );
      const numberOf = new Map(orders.map((o) => [o.id, o.number]));
      await this.shipments.saveMany(
        tx,
        shipmentRows.map((r) => {
          const c = this.shipments.begin(tx, hydrate(m, Shipment, r), numberOf.get(r.order_id as string)!);
          c.record('CREATED', `On pick list ${list.number}`);
          return c;
        }),
      );
      const change = this.lists.begin(tx, list);
      const units = listed.reduce((n, a) => n + a.quantity, 0);
      change.record('CREATED', `${orders.length} orders, ${stops.length} stops, ${units} units`);
      const saved = await this.lists.save(change, 'CREATE_PICK_LIST', { orders: orders.length, units });
      await this.orders.moveMany(
        tx,
        orders.filter((o) => o.status === 'ALLOCATED'),
        'PICKING',
        `On pick list ${list.number} at ${w.code}`,
      );
      return { pickList: saved };
    });
  }

  /**
   * The platform's pick wave: a list of up to PICK_LIST_DEFAULT_ORDERS orders, in picking priority, for
   * every warehouse with allocated orders waiting. Returns the lists created.
   */
  async createWave(actor: Actor): Promise<PickList[]> {
    const waiting: { code: string }[] = await this.ds.query(
      `SELECT w.code FROM warehouse w
        WHERE EXISTS (SELECT 1 FROM order_allocation a JOIN orders o ON o.id = a.order_id
                       WHERE a.warehouse_id = w.id AND a.status = 'RESERVED' AND o.status IN ('ALLOCATED', 'PICKING')
                         AND NOT EXISTS (SELECT 1 FROM shipment_line x WHERE x.allocation_id = a.id AND NOT x.released))
        ORDER BY w.code`,
    );
    const created: PickList[] = [];
    for (const { code } of waiting) {
      const r = await this.create(Object.assign(new CreatePickListInput(), { warehouseCode: code }), actor);
      if (r.pickList) created.push(r.pickList);
    }
    return created;
  }

  start(input: PickListActionInput, actor: Actor): Promise<ListResult> {
    return this.mutations.run(actor, { action: 'START_PICK_LIST', targetType: 'PickList' }, async (tx) => {
      const c = await this.lists.lock(tx, localId(input.pickListId, 'PickList'));
      await this.lists.move(c, 'IN_PROGRESS', null);
      c.list.picker = actorLabel(tx.actor);
      return { pickList: await this.lists.save(c, 'START_PICK_LIST') };
    });
  }

  async recordPick(input: RecordPickInput, actor: Actor): Promise<ListResult> {
    const invalid = await validateInput(input);
    return this.mutations.run(actor, { action: 'RECORD_PICK', targetType: 'PickList', invalid }, async (tx) => {
      const c = await this.lists.lock(tx, localId(input.pickListId, 'PickList'));
      const l = c.list;
      if (l.status !== 'IN_PROGRESS')
        fail('NOT_PICKABLE', `${l.number} is ${l.status}; picks are recorded while it is IN_PROGRESS`, [
          'input',
          'pickListId',
        ]);
      const lineId = localId(input.lineId, 'PickListLine');
      const [line] = lineId
        ? await tx.m.query(`SELECT * FROM pick_list_line WHERE id = $1 AND pick_list_id = $2`, [lineId, l.id])
        : [];
      if (!line) fail('UNKNOWN_PICK_LINE', `No line of ${l.number} has this id`, ['input', 'lineId']);
      const label = actorLabel(tx.actor);
      if (line.picked_by && line.picked_by !== label)
        fail('LINE_PICKED_BY_OTHER', `${line.sku} was already recorded by another picker`, ['input', 'lineId']);
      if (input.picked > line.required)
        fail('OVER_PICK', `Only ${line.required} of ${line.sku} are required here, not ${input.picked}`, [
          'input',
          'picked',
        ]);
      const short = input.picked < line.required;
      if (short && !input.shortReason)
        fail(
          'SHORT_REASON_REQUIRED',
          `${input.picked} of ${line.required} ${line.sku} picked: say why (NOT_FOUND or DAMAGED)`,
          ['input', 'shortReason'],
        );
      const reason = short ? input.shortReason! : null;
      await tx.m.query(
        `UPDATE pick_list_line SET picked = $2, short_reason = $3, picked_by = $4, picked_at = now() WHERE id = $1`,
        [line.id, input.picked, reason, label],
      );
      c.record(
        'PICKED',
        `${line.seq}. ${line.bin_location ?? '—'} ${line.sku}: ${input.picked}/${line.required}${reason ? ` (${reason})` : ''}`,
      );
      return { pickList: await this.lists.save(c, null) };
    });
  }

  complete(input: PickListActionInput, actor: Actor): Promise<ClosedListResult> {
    return this.mutations.run(actor, { action: 'COMPLETE_PICK_LIST', targetType: 'PickList' }, async (tx) => {
      const c = await this.lists.lock(tx, localId(input.pickListId, 'PickList'));
      const { orders, shipments } = await this.lockParts(c);
      const effects = await this.lists.move(c, 'COMPLETED', null);
      const outcomes = effects.includes('SETTLE_SHORT_PICKS') ? await this.settle(c, orders, shipments) : [];
      const short = outcomes.filter((o) => o.outcome !== null).length;
      const pickList = await this.lists.save(c, 'COMPLETE_PICK_LIST', { orders: outcomes.length, short });
      return { pickList, orders: outcomes };
    });
  }

  async cancel(input: CancelPickListInput, actor: Actor): Promise<ClosedListResult> {
    const invalid = await validateInput(input);
    return this.mutations.run(actor, { action: 'CANCEL_PICK_LIST', targetType: 'PickList', invalid }, async (tx) => {
      const c = await this.lists.lock(tx, localId(input.pickListId, 'PickList'));
      const { orders, shipments } = await this.lockParts(c);
      const effects = await this.lists.move(c, 'CANCELLED', input.reason.trim());
      const outcomes = effects.includes('RETURN_ORDERS') ? await this.returnOrders(c, orders, shipments) : [];
      const pickList = await this.lists.save(c, 'CANCEL_PICK_LIST', { orders: outcomes.length });
      return { pickList, orders: outcomes };
    });
  }

  /**
   * An order on the floor is being cancelled (ORDER_CANCELLED_ON_FLOOR, in the cancelling transaction,
   * the order already locked): its live shipments are given up; the order's own RELEASE_STOCK returns
   * their units. Refused once a part has shipped.
   */
  async orderCancelled(tx: Tx, e: { orderId: string; orderNumber: string }): Promise<void> {
    const rows: Record<string, unknown>[] = await tx.m.query(
      `SELECT * FROM shipment WHERE order_id = $1 AND status <> 'CANCELLED' ORDER BY id FOR UPDATE`,
      [e.orderId],
    );
    const live = rows.map((r) => hydrate(tx.m, Shipment, r));
    const gone = live.find((s) => s.status === 'SHIPPED');
    if (gone)
      fail('ORDER_PARTLY_SHIPPED', `${gone.number} of ${e.orderNumber} has already left ${gone.warehouseCode}`, [
        'input',
        'orderId',
      ]);
    const changes: ShipmentChange[] = [];
    for (const s of live) {
      const c = this.shipments.begin(tx, s, e.orderNumber);
      s.outcome = 'ORDER_CANCELLED';
      await this.shipments.move(c, 'CANCELLED', 'The order was cancelled; its units go back to stock');
      changes.push(c);
    }
    await this.shipments.saveMany(tx, changes);
  }

  /** The list's orders and its shipments still being picked, locked in that order. */
  private async lockParts(c: PickListChange): Promise<{ orders: Map<string, Order>; shipments: Shipment[] }> {
    const { m } = c.tx;
    const ids: { order_id: string }[] = await m.query(
      `SELECT DISTINCT order_id FROM shipment WHERE pick_list_id = $1 AND status = 'PICKING'`,
      [c.list.id],
    );
    const orders = await this.orders.lockMany(
      c.tx,
      ids.map((r) => r.order_id),
    );
    const rows: Record<string, unknown>[] = await m.query(
      `SELECT * FROM shipment WHERE pick_list_id = $1 AND status = 'PICKING' ORDER BY number FOR UPDATE`,
      [c.list.id],
    );
    return {
      orders: new Map(orders.map((o) => [o.id, o])),
      shipments: rows.map((r) => hydrate(m, Shipment, r)),
    };
  }

  /**
   * Completing a list: each stop's picked units go to its orders in picking priority (urgent, key
   * account, high, normal; oldest first), so a short stop leaves the least urgent orders short. A short
   * order's missing units are written off (COUNT_ADJUSTMENT or DAMAGE) and reserved again in another
   * warehouse when one has them; otherwise its reservations are released and it goes back to
   * BACKORDERED (or ON_HOLD when it allows no backorder) with all its live shipments.
   */
  private async settle(
    c: PickListChange,
    orders: Map<string, Order>,
    shipments: Shipment[],
  ): Promise<PickListOrderOutcome[]> {
    const { tx, list } = c;
    const { m } = tx;
    const stops: { stock_level_id: string; picked: number; short_reason: ShortPickReason | null; sku: string }[] =
      await m.query(`SELECT stock_level_id, picked, short_reason, sku FROM pick_list_line WHERE pick_list_id = $1`, [
        list.id,
      ]);
    const lines: LineRow[] = await m.query(
      `SELECT * FROM shipment_line WHERE shipment_id = ANY($1::uuid[]) AND NOT released ORDER BY shipment_id, line_no`,
      [shipments.map((s) => s.id)],
    );
    const keyAccounts = new Set<string>(
      (
        await m.query(
          `SELECT o.id FROM orders o JOIN customer c ON c.id = o.customer_id WHERE o.id = ANY($1::uuid[]) AND c.key_account`,
          [[...orders.keys()]],
        )
      ).map((r: { id: string }) => r.id),
    );
    const shipmentOf = new Map(shipments.map((s) => [s.id, s]));
    const rank = (l: LineRow) => {
      const o = orders.get(shipmentOf.get(l.shipment_id)!.orderId)!;
      return [
        batchTier({ priority: o.priority, keyAccount: keyAccounts.has(o.id) }),
        o.createdAt.getTime(),
        o.id,
      ] as const;
    };
    const byPriority = (a: LineRow, b: LineRow) => {
      const [x, y] = [rank(a), rank(b)];
      return x[0] - y[0] || x[1] - y[1] || (x[2] < y[2] ? -1 : x[2] > y[2] ? 1 : a.line_no - b.line_no);
    };
    const reasonOf = new Map<string, ShortPickReason | null>();
    for (const stop of stops) {
      reasonOf.set(stop.stock_level_id, stop.short_reason);
      let left = stop.picked;
      for (const l of lines.filter((x) => x.stock_level_id === stop.stock_level_id).sort(byPriority)) {
        l.picked = Math.min(l.required, left);
        left -= l.picked;
      }
    }
    await m.query(
      `UPDATE shipment_line s SET picked = d.picked FROM unnest($1::uuid[], $2::int[]) AS d(id, picked) WHERE s.id = d.id`,
      [lines.map((l) => l.id), lines.map((l) => l.picked)],
    );

    const shortIds = [...new Set(lines.filter((l) => (l.picked ?? 0) < l.required).map((l) => l.product_id))];
    const shortProducts = shortIds.length ? await m.getRepository(Product).findBy({ id: In(shortIds) }) : [];
    const productOf = new Map(shortProducts.map((p) => [p.id, p]));
    const picker = list.picker ?? actorLabel(tx.actor);
    const changes: ShipmentChange[] = [];
    const outcomes: PickListOrderOutcome[] = [];
    const report = (s: Shipment, outcome: ShipmentOutcome | null, detail: string) =>
      outcomes.push(
        Object.assign(new PickListOrderOutcome(), { order: orders.get(s.orderId)!, shipment: s, outcome, detail }),
      );
    const sentBack: { order: Order; outcome: ShipmentOutcome; detail: string }[] = [];
    for (const s of shipments) {
      const order = orders.get(s.orderId)!;
      const own = lines.filter((l) => l.shipment_id === s.id);
      const shortLines = own.filter((l) => (l.picked ?? 0) < l.required);
      const change = this.shipments.begin(tx, s, order.number);
      s.pickedBy = picker;
      changes.push(change);
      if (shortLines.length === 0) {
        await this.shipments.move(change, 'PICKED', `Picked on ${list.number}`);
        report(s, null, 'Picked in full');
        continue;
      }
      const missing = shortLines
        .map((l) => `${l.required - (l.picked ?? 0)} × ${l.sku} ${reasonOf.get(l.stock_level_id) ?? 'NOT_FOUND'}`)
        .join(', ');
      await this.reservations.writeOff(
        tx,
        reserverOf(order),
        shortLines.map((l) => ({
          allocationId: l.allocation_id,
          quantity: l.required - (l.picked ?? 0),
          reason: SHORT_MOVEMENT[reasonOf.get(l.stock_level_id) ?? 'NOT_FOUND'],
          note: `Short pick on ${list.number} for ${order.number}`,
        })),
        list.number,
      );
      const again = await this.reservations.reserveElsewhere(
        tx,
        reserverOf(order),
        shortLines.map((l) => ({
          lineNo: l.line_no,
          product: productOf.get(l.product_id)!,
          quantity: l.required - (l.picked ?? 0),
        })),
        list.warehouseId,
      );
      if (again) {
        s.outcome = 'SHORT_REALLOCATED';
        const anyPicked = own.some((l) => (l.picked ?? 0) > 0);
        await this.shipments.move(
          change,
          anyPicked ? 'PICKED' : 'CANCELLED',
          `Short: ${missing}; reserved again elsewhere`,
        );
        report(s, s.outcome, `Short: ${missing}. The missing units were reserved in another warehouse.`);
      } else {
        const outcome: ShipmentOutcome = order.allowBackorder ? 'SHORT_BACKORDERED' : 'SHORT_HELD';
        s.outcome = outcome;
        await this.shipments.move(change, 'CANCELLED', `Short: ${missing}; no other warehouse has them`);
        const detail = `Short: ${missing}. No other warehouse has them: the order goes back to ${order.allowBackorder ? 'BACKORDERED' : 'ON_HOLD'} and its picked units to their bins.`;
        report(s, outcome, detail);
        sentBack.push({ order, outcome, detail: `Short pick on ${list.number}: ${missing}` });
      }
    }
    for (const b of sentBack) {
      // Its other live parts (other warehouses) are given up too; every unit it holds goes back.
      const others: Record<string, unknown>[] = await m.query(
        `SELECT * FROM shipment WHERE order_id = $1 AND pick_list_id <> $2 AND status NOT IN ('CANCELLED', 'SHIPPED') ORDER BY id FOR UPDATE`,
        [b.order.id, list.id],
      );
      for (const r of others) {
        const other = this.shipments.begin(tx, hydrate(m, Shipment, r), b.order.number);
        other.shipment.outcome = b.outcome;
        await this.shipments.move(other, 'CANCELLED', b.detail);
        changes.push(other);
      }
      await this.reservations.release(tx, reserverOf(b.order));
    }
    await this.shipments.saveMany(tx, changes);
    const held = sentBack.filter((b) => b.outcome === 'SHORT_HELD').map((b) => b.order);
    const backordered = sentBack.filter((b) => b.outcome === 'SHORT_BACKORDERED').map((b) => b.order);
    await this.orders.moveMany(tx, backordered, 'BACKORDERED', `Short pick on ${list.number}; waiting for stock`);
    await this.orders.moveMany(tx, held, 'ON_HOLD', `Short pick on ${list.number}; no stock elsewhere`);
    return outcomes;
  }

  /** Cancelling a list: its shipments are given up and orders with no other live part wait for a list again. */
  private async returnOrders(
    c: PickListChange,
    orders: Map<string, Order>,
    shipments: Shipment[],
  ): Promise<PickListOrderOutcome[]> {
    const { tx, list } = c;
    const changes: ShipmentChange[] = [];
    const outcomes: PickListOrderOutcome[] = [];
    for (const s of shipments) {
      const order = orders.get(s.orderId)!;
      const change = this.shipments.begin(tx, s, order.number);
      s.outcome = 'LIST_CANCELLED';
      await this.shipments.move(change, 'CANCELLED', `${list.number} cancelled`);
      changes.push(change);
      outcomes.push(
        Object.assign(new PickListOrderOutcome(), {
          order,
          shipment: s,
          outcome: s.outcome,
          detail: 'Waits for another pick list; nothing picked was booked.',
        }),
      );
    }
    await this.shipments.saveMany(tx, changes);
    const [{ busy }]: { busy: string[] }[] = await tx.m.query(
      `SELECT coalesce(array_agg(DISTINCT order_id), '{}') AS busy FROM shipment
        WHERE order_id = ANY($1::uuid[]) AND status <> 'CANCELLED'`,
      [[...orders.keys()]],
    );
    const idle = [...orders.values()].filter((o) => o.status === 'PICKING' && !busy.includes(o.id));
    await this.orders.moveMany(tx, idle, 'ALLOCATED', `Pick list ${list.number} cancelled`);
    return outcomes;
  }
}

/** One stop per stock level: the units every order on the list needs from that bin. */
function stopsOf(allocations: OpenAllocation[]) {
  const stops = new Map<
    string,
    { stockLevelId: string; productId: string; sku: string; bin: string | null; required: number }
  >();
  for (const a of allocations) {
    const stop = stops.get(a.stock_level_id);
    if (stop) stop.required += a.quantity;
    else
      stops.set(a.stock_level_id, {
        stockLevelId: a.stock_level_id,
        productId: a.product_id,
        sku: a.sku,
        bin: a.bin_location,
        required: a.quantity,
      });
  }
  return [...stops.values()];
}
