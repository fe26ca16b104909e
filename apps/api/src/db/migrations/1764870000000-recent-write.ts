import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Where each caller's last write is in the WAL (db/read-routing.ts): heavy reads go to the read replica
 * only once it has replayed it, in whichever process or machine they arrive. Logged, unlike rate_limit:
 * an unlogged table is emptied by a crash, which would send a caller's next reads to a replica that may
 * not have replayed their last write.
 */
export class RecentWrite1764870000000 implements MigrationInterface {
  name = 'RecentWrite1764870000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE recent_write (principal_id text PRIMARY KEY, lsn pg_lsn NOT NULL)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE recent_write`);
  }
}
