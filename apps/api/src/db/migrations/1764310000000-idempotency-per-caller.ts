import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Idempotency keys belong to the caller that placed the order (a staff user or an API key): another
 * caller's key is not a conflict, and says nothing about whether that key exists. The key was unique
 * across all orders; it is now unique per (placed_by_id, idempotency_key). Orders placed before this
 * migration get their placer from the audit row of the placement, so a retry of such an order still
 * finds it; orders without one (seeded, or placed with plain SQL) keep a null placer and their key
 * matches nobody's.
 */
export class IdempotencyPerCaller1764310000000 implements MigrationInterface {
  name = 'IdempotencyPerCaller1764310000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE orders ADD COLUMN placed_by_id uuid`);
    await q.query(`
      UPDATE orders o SET placed_by_id = a.actor_id::uuid
        FROM (SELECT DISTINCT ON (target_id) target_id, actor_id FROM audit_log
               WHERE action = 'PLACE_ORDER' AND outcome = 'SUCCESS' AND actor_id IS NOT NULL
               ORDER BY target_id, id) a
       WHERE o.idempotency_key IS NOT NULL AND a.target_id = o.id::text`);
    await q.query(`ALTER TABLE orders DROP CONSTRAINT orders_idempotency_key_key`);
    await q.query(
      `ALTER TABLE orders ADD CONSTRAINT orders_placed_by_idempotency_key UNIQUE (placed_by_id, idempotency_key)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE orders DROP CONSTRAINT orders_placed_by_idempotency_key`);
    // Keys two callers both used cannot become globally unique again: the later orders lose theirs.
    await q.query(`
      UPDATE orders o SET idempotency_key = NULL
       WHERE idempotency_key IS NOT NULL
         AND EXISTS (SELECT 1 FROM orders e WHERE e.idempotency_key = o.idempotency_key
                       AND (e.created_at, e.id) < (o.created_at, o.id))`);
    await q.query(`ALTER TABLE orders ADD CONSTRAINT orders_idempotency_key_key UNIQUE (idempotency_key)`);
    await q.query(`ALTER TABLE orders DROP COLUMN placed_by_id`);
  }
}
