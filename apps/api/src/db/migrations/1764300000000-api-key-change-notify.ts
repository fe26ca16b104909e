import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Changes to API keys made outside the API (plain SQL: revoked, expired, scopes or secret changed,
 * deleted) notify credential_changed like those of staff sessions and users (CredentialChangeNotify),
 * and so does emptying any of the three tables with TRUNCATE, which fires no row trigger. Live
 * connections using a changed credential are closed (live/live-server.ts); the credential cache
 * forgets it. Delivered on commit, like any NOTIFY.
 */
export class ApiKeyChangeNotify1764300000000 implements MigrationInterface {
  name = 'ApiKeyChangeNotify1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION notify_credential_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_LEVEL = 'STATEMENT' THEN
          PERFORM pg_notify('credential_changed', json_build_object('everyone', true)::text);
        ELSIF TG_TABLE_NAME = 'staff_session' THEN
          PERFORM pg_notify('credential_changed', json_build_object('sessionId', OLD.id)::text);
        ELSIF TG_TABLE_NAME = 'api_key' THEN
          PERFORM pg_notify('credential_changed', json_build_object('apiKeyId', OLD.id)::text);
        ELSE
          PERFORM pg_notify('credential_changed', json_build_object('userId', OLD.id)::text);
        END IF;
        RETURN NULL;
      END $$`);
    // Use (last_used_at), name and creator do not change what a key may do.
    await q.query(`
      CREATE TRIGGER api_key_changed AFTER UPDATE ON api_key FOR EACH ROW
        WHEN (ROW(OLD.prefix, OLD.secret_hash, OLD.scopes, OLD.expires_at, OLD.revoked_at) IS DISTINCT FROM ROW(NEW.prefix, NEW.secret_hash, NEW.scopes, NEW.expires_at, NEW.revoked_at))
        EXECUTE FUNCTION notify_credential_changed()`);
    await q.query(
      `CREATE TRIGGER api_key_deleted AFTER DELETE ON api_key FOR EACH ROW EXECUTE FUNCTION notify_credential_changed()`,
    );
    for (const table of TABLES) {
      await q.query(
        `CREATE TRIGGER ${table}_truncated AFTER TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION notify_credential_changed()`,
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of TABLES) await q.query(`DROP TRIGGER IF EXISTS ${table}_truncated ON ${table}`);
    await q.query(`DROP TRIGGER IF EXISTS api_key_deleted ON api_key`);
    await q.query(`DROP TRIGGER IF EXISTS api_key_changed ON api_key`);
    await q.query(`
      CREATE OR REPLACE FUNCTION notify_credential_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_TABLE_NAME = 'staff_session' THEN
          PERFORM pg_notify('credential_changed', json_build_object('sessionId', OLD.id)::text);
        ELSE
          PERFORM pg_notify('credential_changed', json_build_object('userId', OLD.id)::text);
        END IF;
        RETURN NULL;
      END $$`);
  }
}

const TABLES = ['staff_session', 'staff_user', 'api_key'];
