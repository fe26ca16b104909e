import PgBoss from 'pg-boss';
import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The background job queue (common/jobs.ts): pg-boss's schema "pgboss", as the installed pg-boss
 * builds it. Created here rather than by the first pg-boss start so that every database has it
 * (test databases and processes with JOBS=off included) and a job can be queued in any transaction.
 * Later pg-boss versions migrate their own schema when they start.
 */
export class JobQueue1764390000000 implements MigrationInterface {
  name = 'JobQueue1764390000000';
  // pg-boss's plan is a transaction of its own (BEGIN, its advisory lock, …, COMMIT).
  transaction = false;

  async up(q: QueryRunner): Promise<void> {
    const [{ installed }] = await q.query(`SELECT to_regclass('pgboss.version') IS NOT NULL AS installed`);
    if (!installed) await q.query(PgBoss.getConstructionPlans('pgboss'));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP SCHEMA pgboss CASCADE`);
  }
}
