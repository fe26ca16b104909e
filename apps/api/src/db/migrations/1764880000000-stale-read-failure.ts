import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * stale_read(message): fails the statement with a serialization failure (40001). A write that was
 * decided on rows read without a lock calls it, in the same statement, when it finds them moved; the
 * caller then decides again on locked rows (order-placement.service.ts).
 */
export class StaleReadFailure1764880000000 implements MigrationInterface {
  name = 'StaleReadFailure1764880000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE FUNCTION stale_read(message text) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION USING ERRCODE = 'serialization_failure', MESSAGE = message; END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION stale_read(text)`);
  }
}
