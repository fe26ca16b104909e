import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The complaint clock's next look moves out of the wide `complaint` row into a narrow table of its own.
 * The SLA sweep finds what is due in `complaint_clock`'s small index and writes every swept complaint's
 * next look there; the `complaint` row (12 indexes) is written only when its reading changes (at risk,
 * breached, escalated). Before, every swept row was a non-HOT update of `complaint` because its indexed
 * `next_check_at` changed: 13 index entries per complaint even when nothing else did (bench 14).
 */
export class ComplaintClock1764840000000 implements MigrationInterface {
  name = 'ComplaintClock1764840000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE complaint_clock (
        complaint_id uuid PRIMARY KEY REFERENCES complaint (id),
        next_check_at timestamptz(3) NOT NULL
      )`);
    await q.query(
      `INSERT INTO complaint_clock (complaint_id, next_check_at)
       SELECT id, next_check_at FROM complaint WHERE next_check_at IS NOT NULL`,
    );
    await q.query(`CREATE INDEX complaint_clock_due ON complaint_clock (next_check_at)`);
    await q.query(`DROP INDEX complaint_check`);
    await q.query(`ALTER TABLE complaint DROP COLUMN next_check_at`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE complaint ADD COLUMN next_check_at timestamptz(3)`);
    await q.query(
      `UPDATE complaint k SET next_check_at = cc.next_check_at FROM complaint_clock cc WHERE cc.complaint_id = k.id`,
    );
    await q.query(`CREATE INDEX complaint_check ON complaint (next_check_at) WHERE next_check_at IS NOT NULL`);
    await q.query(`DROP TABLE complaint_clock`);
  }
}
