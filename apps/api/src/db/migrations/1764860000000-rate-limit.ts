import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rate-limit counters shared by every API process (common/shared-budget.ts): a caller's budget is one
 * budget however many processes or machines serve it.
 * Unlogged: counters of the current minute are not worth a WAL write each, and a crash only forgets them.
 */
export class RateLimit1764860000000 implements MigrationInterface {
  name = 'RateLimit1764860000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE UNLOGGED TABLE rate_limit (
        key varchar(255) PRIMARY KEY,
        points integer NOT NULL DEFAULT 0,
        expire bigint
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE rate_limit`);
  }
}
