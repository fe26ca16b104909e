import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * audit_log_at_idx (id DESC) repeated the primary key: a B-tree is read backwards as well as forwards,
 * so the newest-first audit list uses audit_log_pkey. Every audited change (each order placed) paid for
 * writing the copy.
 */
export class AuditLogOneIdIndex1764880000000 implements MigrationInterface {
  name = 'AuditLogOneIdIndex1764880000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX audit_log_at_idx`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX audit_log_at_idx ON audit_log (id DESC)`);
  }
}
