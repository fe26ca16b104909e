import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * stock_level_below_threshold_idx had the predicate `on_hand - reserved <= low_threshold`: PostgreSQL
 * counts the columns of an index's predicate as indexed, so every reservation changed an indexed column
 * and no update of a level was HOT (each wrote a new entry into all four indexes, and each lock of a hot
 * level walked the dead entries first). The predicate now reads a stored generated column that changes
 * only when a level crosses its threshold, so the updates in between stay HOT; fillfactor leaves room on
 * each page for the new versions.
 */
export class StockLevelHotUpdates1764890000000 implements MigrationInterface {
  name = 'StockLevelHotUpdates1764890000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE stock_level
                     ADD COLUMN below_threshold boolean GENERATED ALWAYS AS (on_hand - reserved <= low_threshold) STORED`);
    await q.query(`DROP INDEX stock_level_below_threshold_idx`);
    await q.query(
      `CREATE INDEX stock_level_below_threshold_idx ON stock_level (sku, warehouse_code) WHERE below_threshold`,
    );
    await q.query(`ALTER TABLE stock_level SET (fillfactor = 80)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE stock_level RESET (fillfactor)`);
    await q.query(`DROP INDEX stock_level_below_threshold_idx`);
    await q.query(`ALTER TABLE stock_level DROP COLUMN below_threshold`);
    await q.query(
      `CREATE INDEX stock_level_below_threshold_idx ON stock_level (sku, warehouse_code) WHERE on_hand - reserved <= low_threshold`,
    );
  }
}
