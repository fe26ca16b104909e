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
 * order reads its stock rows without a lock and writes levels, ledger and alerts in the order's
 * one-statement batch, which locks the rows and checks them (docs/benchmarks.md). Everything else
 * about stock goes through stock.service.ts and TypeORM.
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
   * deadlocking. Placing an order on locked levels runs it inside its insert statement, to save a
   * round trip; `lock` false reads them without a lock, inside placing's facts (see stage's `unlocked`).
   */
  lockedLevelsQuery(param: string, lock = true): string {
    return `SELECT sl.*, w.region FROM stock_level sl JOIN warehouse w ON w.id = sl.warehouse_id
             WHERE sl.product_id = ANY(${param}::uuid[]) ORDER BY sl.id${lock ? ' FOR UPDATE OF sl' : ''}`;
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
   * Adds the writes of changes to levels to a batch the caller runs: the levels by delta, locked in id
   * order (the table's CHECK keeps reserved within on hand whatever happens), the movement ledger (part
   * `movements`, its after-figures taken from the updated rows), and an alert on commit for each level
   * whose status crossed a threshold.
   *
   * `unlocked`: the levels were read without a lock, so their figures may have moved since. The batch
   * then checks, in its own statement and under the lock, that each level still has the stock taken
   * and is in the status, before and after, that the alerts were decided on (and, where an alert is
   * sent, the figures it states); otherwise it fails with a serialization failure and the transaction
   * is retried (callers retry with locked levels).
   */
  stage(batch: WriteBatch, changes: StockChange[], actor: Actor, unlocked = false): void {
    if (changes.length === 0) return;
    const before = new Map<string, { available: number; level: StockLevel }>();
    const totals = new Map<string, { onHand: number; reserved: number }>();
    for (const c of changes) {
      const id = c.level.id;
      if (!before.has(id)) before.set(id, { available: c.level.onHand - c.level.reserved, level: c.level });
      const t = totals.get(id) ?? { onHand: 0, reserved: 0 };
      t.onHand += c.onHandDelta;
      t.reserved += c.reservedDelta;
      totals.set(id, t);
      c.level.onHand += c.onHandDelta;
      c.level.reserved += c.reservedDelta;
    }

    const ids = [...totals.keys()].sort();
    batch.add(
      'levels',
      `UPDATE stock_level sl SET on_hand = sl.on_hand + d.on_hand, reserved = sl.reserved + d.reserved, updated_at = now()
         FROM unnest($1::uuid[], $2::int[], $3::int[]) AS d(id, on_hand, reserved)
         JOIN (SELECT id FROM stock_level WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE) AS locked ON locked.id = d.id
        WHERE sl.id = d.id${unlocked ? ' AND sl.reserved + d.reserved BETWEEN 0 AND sl.on_hand + d.on_hand' : ''}
        RETURNING sl.id, sl.on_hand, sl.reserved, sl.low_threshold, sl.high_threshold, d.on_hand - d.reserved AS available_delta`,
      [ids, ids.map((id) => totals.get(id)!.onHand), ids.map((id) => totals.get(id)!.reserved)],
    );
    batch.add(
      'movements',
      `INSERT INTO stock_movement (stock_level_id, product_id, warehouse_id, reason, on_hand_delta, reserved_delta,
                                   on_hand_after, reserved_after, reference, note, actor)
       SELECT m.level_id, m.product_id, m.warehouse_id, m.reason, m.on_hand_delta, m.reserved_delta,
              l.on_hand - coalesce(sum(m.on_hand_delta) OVER later, 0), l.reserved - coalesce(sum(m.reserved_delta) OVER later, 0),
              m.reference, m.note, $9
         FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::int[], $6::int[], $7::text[], $8::text[]) WITH ORDINALITY
              AS m(level_id, product_id, warehouse_id, reason, on_hand_delta, reserved_delta, reference, note, ord)
         JOIN levels l ON l.id = m.level_id
       WINDOW later AS (PARTITION BY m.level_id ORDER BY m.ord ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING)
       ORDER BY m.ord
       RETURNING *`,
      [
        changes.map((c) => c.level.id),
        changes.map((c) => c.level.productId),
        changes.map((c) => c.level.warehouseId),
        changes.map((c) => c.reason),
        changes.map((c) => c.onHandDelta),
        changes.map((c) => c.reservedDelta),
        changes.map((c) => c.reference),
        changes.map((c) => c.note ?? null),
        actorLabel(actor),
      ],
    );
    if (unlocked) {
      const assumed = [...before.values()];
      const status = (available: string) =>
        `CASE WHEN ${available} <= 0 THEN 'OUT_OF_STOCK' WHEN ${available} <= l.low_threshold THEN 'LOW'
              WHEN ${available} >= l.high_threshold THEN 'OVERSTOCK' ELSE 'NORMAL' END`;
      batch.add(
        'unmoved',
        `SELECT stale_read('stock levels moved since they were read') FROM unnest($1::uuid[], $2::text[], $3::text[], $4::int[]) AS e(id, before, after, available)
           LEFT JOIN levels l ON l.id = e.id
          WHERE l.id IS NULL
             OR ${status('l.on_hand - l.reserved - l.available_delta')} <> e.before
             OR ${status('l.on_hand - l.reserved')} <> e.after
             OR (e.before <> e.after AND l.on_hand - l.reserved <> e.available)`,
        [
          assumed.map((b) => b.level.id),
          assumed.map((b) => stockStatus(b.available, b.level.lowThreshold, b.level.highThreshold)),
          assumed.map((b) => stockStatus(b.level.available, b.level.lowThreshold, b.level.highThreshold)),
          assumed.map((b) => b.level.available),
        ],
        true,
      );
    }

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
