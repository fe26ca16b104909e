import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The order event feed in commit order. An event's id is taken when it is written, not when its
 * transaction commits: a client reading `orderEvents(after:)` could see id 12 before id 11 committed and
 * then page past 11 for ever. Each event now records its transaction (`tx`, the xid8 that wrote it); the
 * feed pages by (tx, id) and shows only transactions older than every one still in flight, so whatever
 * commits later sorts after every cursor already handed out. Existing events keep tx 0: they all
 * committed long ago and stay in id order before the new ones.
 */
export class OrderEventCommitOrder1764850000000 implements MigrationInterface {
  name = 'OrderEventCommitOrder1764850000000';

  async up(q: QueryRunner): Promise<void> {
    // A constant default first (no table rewrite), then the writer's transaction for new rows.
    await q.query(`ALTER TABLE order_event ADD COLUMN tx xid8 NOT NULL DEFAULT '0'`);
    await q.query(`ALTER TABLE order_event ALTER COLUMN tx SET DEFAULT pg_current_xact_id()`);
    await q.query(`CREATE INDEX order_event_feed ON order_event (tx, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX order_event_feed`);
    await q.query(`ALTER TABLE order_event DROP COLUMN tx`);
  }
}
