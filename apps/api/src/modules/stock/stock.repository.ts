import { EntityManager } from 'typeorm';
import { stageWebhookEvents, withGlobalIds } from '../notification/webhook-outbox';
import { crossedThreshold, MovementReason, StockCandidate, stockStatus } from '@fulfilment/domain';
import { Actor, actorLabel } from '../../common/actor';
import { queryPrepared } from '../../common/prepared';
import { WriteBatch } from '../../common/write-batch';
import { notifyInBatch } from '../../live/publish';
import { StockAlertMessage } from './stock.events';
import { hydrate } from '../../common/rows';
import { StockLevel } from './stock-level.entity';
import { StockMovement } from './stock-movement.entity';

/*
 * Hand-written SQL of the stock hot path, justified by `npm run bench -- 1 2` (placement): placing an
 * order locks its stock rows inside its insert statement and writes levels, ledger and alerts in the
 * order's one-statement batch, so hot SKUs stay locked for two round trips (docs/benchmarks.md).
 * Everything else about stock goes through stock.service.ts and TypeORM.
 */

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

export class StockRepository {
  /**
   * Reads and locks the levels of the products in parameter `param`, with their warehouse's region.
   * Rows are always locked in id order, so two transactions wanting the same rows queue instead of
   * deadlocking. Placing an order runs it inside its insert statement, to save a round trip.
   */
  lockedLevelsQuery(param: string): string {
    return `SELECT sl.*, w.region FROM stock_level sl JOIN warehouse w ON w.id = sl.warehouse_id
             WHERE sl.product_id = ANY(${param}::uuid[]) ORDER BY sl.id FOR UPDATE OF sl`;
  }

  async lockLevelsOfProducts(m: EntityManager, productIds: string[]): Promise<LockedLevel[]> {
    if (productIds.length === 0) return [];
    const rows: Record<string, unknown>[] = await queryPrepared(m, this.lockedLevelsQuery('$1'), [
      [...new Set(productIds)],
    ]);
    return rows.map((r) => lockedLevel(m, r));
  }

  async lockLevels(m: EntityManager, ids: string[]): Promise<Map<string, StockLevel>> {
    if (ids.length === 0) return new Map();
    const rows: Record<string, unknown>[] = await m.query(
      `SELECT * FROM stock_level WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`,
      [[...new Set(ids)]],
    );
    return new Map(rows.map((r) => [r.id as string, hydrate(m, StockLevel, r)]));
  }

  /** stage(), run at once: for changes that are not part of a bigger batch. */
  async apply(m: EntityManager, changes: StockChange[], actor: Actor): Promise<StockMovement[]> {
    if (changes.length === 0) return [];
    const batch = new WriteBatch();
    this.stage(batch, changes, actor);
    const rows = await batch.run(m, 'SELECT * FROM movements');
    return rows.map((r) => hydrate(m, StockMovement, r));
  }

  /**
   * Adds the writes of changes to levels locked by this transaction to a batch the caller runs: the
   * levels by delta (the table's CHECK keeps reserved within on hand whatever happens), the movement
   * ledger (part `movements`), and an alert on commit for each level whose status crossed a threshold.
   */
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
    notifyInBatch(batch, 'STOCK_ALERT', alerts);
    stageWebhookEvents(
      batch,
      'stock.alert',
      alerts.map((a) => withGlobalIds(a, { stockLevelId: 'StockLevel' })),
    );
  }
}

/** A locked level as allocation sees it; also reads rows that went through row_to_json. */
export function lockedLevel(m: EntityManager, r: Record<string, unknown>): LockedLevel {
  const level = hydrate(m, StockLevel, r);
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
