import { MigrationInterface, QueryRunner } from 'typeorm';

/** The overview's stage-duration and on-time KPIs look up events by status and time. */
export class OverviewIndexes1764000000000 implements MigrationInterface {
  name = 'OverviewIndexes1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX order_event_status_time_idx ON order_event (to_status, created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS order_event_status_time_idx`);
  }
}
