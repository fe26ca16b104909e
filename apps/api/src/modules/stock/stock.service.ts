import { DataSource, EntityManager } from 'typeorm';
import { crossedThreshold, MovementReason, StockCandidate, stockStatus } from '@fulfilment/domain';
import { badInput, paginate } from '../../common/connection';
import { CHANNELS, StockAlertMessage } from '../../common/live-events';
import { queryPrepared } from '../../common/prepared';
import { WriteBatch } from '../../common/write-batch';
import { inTransaction } from '../../common/transaction';
import { fail, UserError, UserErrorCode as C, UserFailure, userError } from '../../common/user-error';
import { validateInput } from '../../common/validation';
import { AdjustStockInput, StockLevelFilter } from './stock.inputs';
import { Actor, actorLabel } from '../../common/actor';
import { audit } from '../../common/audit';
import { StockLevel } from './stock-level.entity';
import { StockMovement } from './stock-movement.entity';

export interface LockedLevel extends StockCandidate {
  level: StockLevel;
}

export interface StockChange {
  level: StockLevel;
  reason: MovementReason;
  onHandDelta: number;
  reservedDelta: number;
  reference: string | null;
  note?: string | null;
}

/** Every change of stock goes through here: locked rows, one movement row per change, alerts on commit. */
/** Reasons a person may give for an adjustment; reservations, releases and shipments come from orders. */
const MANUAL_REASONS: readonly MovementReason[] = ['RECEIPT', 'COUNT_ADJUSTMENT', 'DAMAGE', 'RETURN', 'CORRECTION'];

export interface AdjustResult {
  stockLevel: StockLevel | null;
  movement: StockMovement | null;
  userErrors: UserError[];
}

export class StockService {
  /** Called in the adjusting transaction when stock grows, so waiting backorders are served first. */
  onStockAdded: (m: EntityManager, productIds: string[], actor: Actor) => Promise<void> = async () => undefined;

  constructor(private readonly ds: DataSource) {}

  async adjustStock(input: AdjustStockInput, actor: Actor): Promise<AdjustResult> {
    const errors = await validateInput(input);
    if ((input.delta == null) === (input.countedQuantity == null)) {
      errors.push(userError(C.INVALID_INPUT, 'Give exactly one of delta or countedQuantity', ['input']));
    }
    if (input.delta === 0) errors.push(userError(C.INVALID_QUANTITY, 'delta must not be zero', ['input', 'delta']));
    if (!MANUAL_REASONS.includes(input.reason)) {
      errors.push(userError(C.INVALID_INPUT, `reason must be one of ${MANUAL_REASONS.join(', ')}`, ['input', 'reason']));
    }
    if (errors.length) return this.rejected(actor, errors);
    try {
      return await inTransaction(this.ds, async (m) => {
        const found: { id: string }[] = await m.query(
          `SELECT sl.id FROM stock_level sl WHERE sl.sku = $1 AND sl.warehouse_code = $2`,
          [input.sku, input.warehouseCode],
        );
        if (found.length === 0) await this.explainMissingLevel(m, input);
        const level = (await this.lockLevels(m, [found[0].id])).get(found[0].id)!;
        const delta = input.delta ?? input.countedQuantity! - level.onHand;
        if (delta === 0) {
          await audit(m, actor, { action: 'ADJUST_STOCK', targetType: 'StockLevel', targetId: level.id, outcome: 'SUCCESS', details: { delta: 0, counted: input.countedQuantity } });
          return { stockLevel: level, movement: null, userErrors: [] };
        }
        if (level.onHand + delta < 0) {
          fail(C.INVALID_QUANTITY, `Only ${level.onHand} on hand; cannot remove ${-delta}`, ['input', 'delta']);
        }
        if (level.onHand + delta < level.reserved) {
          fail(
            C.BELOW_RESERVED,
            `${level.reserved} units are reserved for orders; on hand cannot drop to ${level.onHand + delta}. Cancel or re-allocate those orders first.`,
            ['input', input.delta == null ? 'countedQuantity' : 'delta'],
          );
        }
        const reason = input.countedQuantity != null && input.reason === 'RECEIPT' ? 'COUNT_ADJUSTMENT' : input.reason;
        const [movement] = await this.apply(m, [{ level, reason, onHandDelta: delta, reservedDelta: 0, reference: null, note: input.note ?? null }], actor);
        if (delta > 0) await this.onStockAdded(m, [level.productId], actor);
        const stockLevel = await m.getRepository(StockLevel).findOneByOrFail({ id: level.id });
        await audit(m, actor, { action: 'ADJUST_STOCK', targetType: 'StockLevel', targetId: level.id, outcome: 'SUCCESS', details: { delta, reason, movementId: movement.id } });
        return { stockLevel, movement, userErrors: [] };
      });
    } catch (e) {
      if (e instanceof UserFailure) return this.rejected(actor, e.errors);
      throw e;
    }
  }

  private async rejected(actor: Actor, userErrors: UserError[]): Promise<AdjustResult> {
    await audit(this.ds, actor, { action: 'ADJUST_STOCK', targetType: 'StockLevel', outcome: 'FAILURE', details: { codes: userErrors.map((e) => e.code) } });
    return { stockLevel: null, movement: null, userErrors };
  }

  private async explainMissingLevel(m: EntityManager, input: AdjustStockInput): Promise<never> {
    const [p]: unknown[] = await m.query(`SELECT 1 FROM product WHERE sku = $1`, [input.sku]);
    if (!p) fail(C.UNKNOWN_SKU, `Unknown SKU ${input.sku}`, ['input', 'sku']);
    const [w]: unknown[] = await m.query(`SELECT 1 FROM warehouse WHERE code = $1`, [input.warehouseCode]);
    if (!w) fail(C.UNKNOWN_WAREHOUSE, `Unknown warehouse ${input.warehouseCode}`, ['input', 'warehouseCode']);
    return fail(C.NOT_FOUND, `${input.warehouseCode} does not stock ${input.sku}`, ['input', 'sku']);
  }

  listLevels(filter: StockLevelFilter, page: { first?: number; after?: string }) {
    const qb = this.ds.getRepository(StockLevel).createQueryBuilder('sl');
    if (filter.sku) {
      if (filter.sku.length > 64) badInput('filter.sku must be at most 64 characters', 'filter');
      qb.andWhere('sl.sku = :sku', { sku: filter.sku });
    }
    if (filter.warehouseCode) {
      if (filter.warehouseCode.length > 32) badInput('filter.warehouseCode must be at most 32 characters', 'filter');
      qb.andWhere('sl.warehouse_code = :wc', { wc: filter.warehouseCode });
    }
    if (filter.belowThreshold) qb.andWhere('sl.on_hand - sl.reserved <= sl.low_threshold');
    return paginate(qb, { columns: ['sl.sku', 'sl.warehouseCode'], kinds: ['text', 'text'], direction: 'ASC', values: (l) => [l.sku, l.warehouseCode] }, page);
  }

  listMovements(stockLevelId: string, page: { first?: number; after?: string }) {
    const qb = this.ds.getRepository(StockMovement).createQueryBuilder('mv').where('mv.stock_level_id = :id', { id: stockLevelId });
    return paginate(qb, { columns: ['mv.id'], kinds: ['bigint'], direction: 'DESC', values: (mv) => [mv.id] }, page);
  }

  /**
   * Locks the stock levels of these products for the rest of the transaction. Rows are always locked
   * in id order, so two transactions wanting the same rows queue instead of deadlocking.
   */
  async lockLevelsOfProducts(m: EntityManager, productIds: string[]): Promise<LockedLevel[]> {
    if (productIds.length === 0) return [];
    const rows: Record<string, unknown>[] = await queryPrepared(m, this.lockedLevelsQuery('$1'), [[...new Set(productIds)]]);
    return rows.map(lockedLevel);
  }

  /**
   * Reads and locks the levels of the products in parameter `param`, with their warehouse's region;
   * placing an order runs it inside its insert statement, to save a round trip.
   */
  lockedLevelsQuery(param: string): string {
    return `SELECT sl.*, w.region FROM stock_level sl JOIN warehouse w ON w.id = sl.warehouse_id
             WHERE sl.product_id = ANY(${param}::uuid[]) ORDER BY sl.id FOR UPDATE OF sl`;
  }

  async lockLevels(m: EntityManager, ids: string[]): Promise<Map<string, StockLevel>> {
    if (ids.length === 0) return new Map();
    const rows: Record<string, unknown>[] = await m.query(`SELECT * FROM stock_level WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`, [
      [...new Set(ids)],
    ]);
    return new Map(rows.map((r) => [r.id as string, toLevel(r)]));
  }

  /**
   * Applies changes to levels locked by this transaction: updates them by delta (the table's CHECK
   * keeps reserved within on-hand whatever happens), writes the movement ledger, and queues an alert
   * for each level whose status crossed a threshold.
   */
  async apply(m: EntityManager, changes: StockChange[], actor: Actor): Promise<StockMovement[]> {
    if (changes.length === 0) return [];
    const batch = new WriteBatch();
    this.stage(batch, changes, actor);
    const rows = await batch.run(m, 'SELECT * FROM movements');
    return rows.map((r) => this.ds.getRepository(StockMovement).create(camel(r) as Partial<StockMovement>));
  }

  /** Like apply, but adds the writes (as `movements`) to a batch the caller runs. */
  stage(batch: WriteBatch, changes: StockChange[], actor: Actor): void {
    if (changes.length === 0) return;
    const before = new Map<string, { available: number; level: StockLevel }>();
    const totals = new Map<string, { onHand: number; reserved: number }>();
    const movements = changes.map((c) => {
      const id = c.level.id;
      if (!before.has(id)) before.set(id, { available: c.level.onHand - c.level.reserved, level: c.level });
      const t = totals.get(id) ?? { onHand: 0, reserved: 0 };
      t.onHand += c.onHandDelta;
      t.reserved += c.reservedDelta;
      totals.set(id, t);
      c.level.onHand += c.onHandDelta;
      c.level.reserved += c.reservedDelta;
      return { change: c, onHandAfter: c.level.onHand, reservedAfter: c.level.reserved };
    });

    const ids = [...totals.keys()];
    batch.add(
      'levels',
      `UPDATE stock_level sl SET on_hand = sl.on_hand + d.on_hand, reserved = sl.reserved + d.reserved, updated_at = now()
         FROM unnest($1::uuid[], $2::int[], $3::int[]) AS d(id, on_hand, reserved) WHERE sl.id = d.id`,
      [ids, ids.map((id) => totals.get(id)!.onHand), ids.map((id) => totals.get(id)!.reserved)],
    );
    batch.add(
      'movements',
      `INSERT INTO stock_movement (stock_level_id, product_id, warehouse_id, reason, on_hand_delta, reserved_delta,
                                   on_hand_after, reserved_after, reference, note, actor)
       SELECT *, $11 FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::int[], $6::int[], $7::int[], $8::int[], $9::text[], $10::text[])
       RETURNING *`,
      [
        movements.map((x) => x.change.level.id),
        movements.map((x) => x.change.level.productId),
        movements.map((x) => x.change.level.warehouseId),
        movements.map((x) => x.change.reason),
        movements.map((x) => x.change.onHandDelta),
        movements.map((x) => x.change.reservedDelta),
        movements.map((x) => x.onHandAfter),
        movements.map((x) => x.reservedAfter),
        movements.map((x) => x.change.reference),
        movements.map((x) => x.change.note ?? null),
        actorLabel(actor),
      ],
    );

    const alerts: StockAlertMessage[] = [];
    const now = new Date().toISOString();
    for (const { available, level } of before.values()) {
      const to = crossedThreshold(available, level.available, level.lowThreshold, level.highThreshold);
      if (!to) continue;
      alerts.push({
        stockLevelId: level.id,
        sku: level.sku,
        warehouseCode: level.warehouseCode,
        previousStatus: stockStatus(available, level.lowThreshold, level.highThreshold),
        status: to,
        available: level.available,
        lowThreshold: level.lowThreshold,
        highThreshold: level.highThreshold,
        reference: changes.find((c) => c.level.id === level.id)?.reference ?? null,
        createdAt: now,
      });
    }
    batch.notify(CHANNELS.STOCK_ALERT, alerts.map((a) => JSON.stringify(a)));
  }
}

/** A locked level as allocation sees it; also reads rows that went through row_to_json. */
export function lockedLevel(r: Record<string, unknown>): LockedLevel {
  const level = toLevel(r);
  return {
    level,
    stockLevelId: level.id,
    productId: level.productId,
    warehouseId: level.warehouseId,
    warehouseCode: level.warehouseCode,
    warehouseRegion: r.region as string,
    available: level.available,
  };
}

function camel(row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()), v]));
}

function toLevel(r: Record<string, unknown>): StockLevel {
  return Object.assign(new StockLevel(), camel(r));
}
