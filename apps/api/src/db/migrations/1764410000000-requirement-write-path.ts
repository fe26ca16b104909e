import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Purchase requirements are a derived snapshot written by one statement of the requirements run, up to
 * one row per stock level (bench 9: ~14,000 rows). Their four foreign keys cost a row lock and a lookup
 * per row each, half of that statement's time; the run takes product, warehouse and suggested supplier
 * from rows it has just read and writes the run row itself, and none of those tables is ever deleted
 * from, so the keys go. The warehouse list filters by code and a new index serves the filter by SKU.
 */
export class RequirementWritePath1764410000000 implements MigrationInterface {
  name = 'RequirementWritePath1764410000000';

  async up(q: QueryRunner): Promise<void> {
    for (const fk of ['product_id', 'warehouse_id', 'run_id', 'suggested_supplier_id'])
      await q.query(`ALTER TABLE purchase_requirement DROP CONSTRAINT purchase_requirement_${fk}_fkey`);
    await q.query(`DROP INDEX purchase_requirement_warehouse_idx`);
    await q.query(
      `CREATE INDEX purchase_requirement_warehouse_idx ON purchase_requirement (warehouse_code, created_at DESC, id DESC)`,
    );
    await q.query(`CREATE INDEX purchase_requirement_sku_idx ON purchase_requirement (sku, created_at DESC, id DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX purchase_requirement_sku_idx`);
    await q.query(`DROP INDEX purchase_requirement_warehouse_idx`);
    await q.query(
      `CREATE INDEX purchase_requirement_warehouse_idx ON purchase_requirement (warehouse_id, created_at DESC, id DESC)`,
    );
    const keys: [string, string][] = [
      ['product_id', 'product'],
      ['warehouse_id', 'warehouse'],
      ['run_id', 'purchase_requirement_run'],
      ['suggested_supplier_id', 'supplier'],
    ];
    for (const [column, table] of keys)
      await q.query(
        `ALTER TABLE purchase_requirement ADD CONSTRAINT purchase_requirement_${column}_fkey FOREIGN KEY (${column}) REFERENCES ${table}(id)`,
      );
  }
}
