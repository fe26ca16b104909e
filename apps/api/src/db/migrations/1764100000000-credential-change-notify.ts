import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each API process remembers staff sessions between requests (modules/access/credential-cache.ts).
 * The API itself notifies access_revoked when it ends sessions; these triggers notify
 * credential_changed for every other change a session depends on, plain SQL included, so a process
 * never keeps accepting a session the database no longer would. Delivered on commit, like any NOTIFY.
 */
export class CredentialChangeNotify1764100000000 implements MigrationInterface {
  name = 'CredentialChangeNotify1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION notify_credential_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_TABLE_NAME = 'staff_session' THEN
          PERFORM pg_notify('credential_changed', json_build_object('sessionId', OLD.id)::text);
        ELSE
          PERFORM pg_notify('credential_changed', json_build_object('userId', OLD.id)::text);
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER staff_session_changed AFTER UPDATE ON staff_session FOR EACH ROW
        WHEN (ROW(OLD.user_id, OLD.expires_at, OLD.revoked_at) IS DISTINCT FROM ROW(NEW.user_id, NEW.expires_at, NEW.revoked_at))
        EXECUTE FUNCTION notify_credential_changed()`);
    await q.query(
      `CREATE TRIGGER staff_session_deleted AFTER DELETE ON staff_session FOR EACH ROW EXECUTE FUNCTION notify_credential_changed()`,
    );
    // Sign-in time, locale and display name do not change what a session may do.
    await q.query(`
      CREATE TRIGGER staff_user_changed AFTER UPDATE ON staff_user FOR EACH ROW
        WHEN (ROW(OLD.email, OLD.role, OLD.active, OLD.password_hash) IS DISTINCT FROM ROW(NEW.email, NEW.role, NEW.active, NEW.password_hash))
        EXECUTE FUNCTION notify_credential_changed()`);
    await q.query(
      `CREATE TRIGGER staff_user_deleted AFTER DELETE ON staff_user FOR EACH ROW EXECUTE FUNCTION notify_credential_changed()`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [trigger, table] of [
      ['staff_session_changed', 'staff_session'],
      ['staff_session_deleted', 'staff_session'],
      ['staff_user_changed', 'staff_user'],
      ['staff_user_deleted', 'staff_user'],
    ]) {
      await q.query(`DROP TRIGGER IF EXISTS ${trigger} ON ${table}`);
    }
    await q.query(`DROP FUNCTION IF EXISTS notify_credential_changed`);
  }
}
