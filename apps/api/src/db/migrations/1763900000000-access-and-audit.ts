import { MigrationInterface, QueryRunner } from 'typeorm';

export class AccessAndAudit1763900000000 implements MigrationInterface {
  name = 'AccessAndAudit1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE staff_user (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL,
        name text NOT NULL,
        role text NOT NULL,
        password_hash text NOT NULL,
        active boolean NOT NULL DEFAULT true,
        locale text,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        last_login_at timestamptz(3)
      )`);
    await q.query(`CREATE UNIQUE INDEX staff_user_email_idx ON staff_user (lower(email))`);

    await q.query(`
      CREATE TABLE staff_session (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES staff_user(id),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        expires_at timestamptz(3) NOT NULL,
        revoked_at timestamptz(3),
        client_ip text
      )`);
    await q.query(`CREATE INDEX staff_session_user_idx ON staff_session (user_id) WHERE revoked_at IS NULL`);

    await q.query(`
      CREATE TABLE api_key (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        prefix text NOT NULL UNIQUE,
        secret_hash text NOT NULL,
        scopes text[] NOT NULL,
        created_by uuid REFERENCES staff_user(id),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        expires_at timestamptz(3),
        revoked_at timestamptz(3),
        last_used_at timestamptz(3)
      )`);
    await q.query(`CREATE INDEX api_key_created_idx ON api_key (created_at DESC, id DESC)`);

    await q.query(`
      CREATE TABLE app_setting (
        key text PRIMARY KEY,
        value text NOT NULL
      )`);

    await q.query(`
      CREATE TABLE audit_log (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at timestamptz(3) NOT NULL DEFAULT now(),
        actor_kind text NOT NULL,
        actor_id text,
        actor_name text NOT NULL,
        role text,
        action text NOT NULL,
        target_type text,
        target_id text,
        outcome text NOT NULL,
        request_id text,
        client_ip text,
        details jsonb
      )`);
    await q.query(`CREATE INDEX audit_log_at_idx ON audit_log (id DESC)`);
    await q.query(`CREATE INDEX audit_log_actor_idx ON audit_log (actor_name, id DESC)`);
    await q.query(`CREATE INDEX audit_log_action_idx ON audit_log (action, id DESC)`);
    await q.query(`CREATE INDEX audit_log_target_idx ON audit_log (target_id, id DESC)`);
    // Login throttling counts recent failures per account and per client address.
    await q.query(
      `CREATE INDEX audit_log_login_failures_idx ON audit_log (target_id, at) WHERE action = 'LOGIN' AND outcome = 'FAILURE'`,
    );
    await q.query(
      `CREATE INDEX audit_log_login_failures_ip_idx ON audit_log (client_ip, at) WHERE action = 'LOGIN' AND outcome = 'FAILURE'`,
    );
    // The audit log is append-only: history cannot be edited or erased through the database either.
    await q.query(`
      CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only';
      END $$`);
    await q.query(`
      CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_log
        FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS audit_log`);
    await q.query(`DROP FUNCTION IF EXISTS audit_log_append_only`);
    for (const t of ['app_setting', 'api_key', 'staff_session', 'staff_user'])
      await q.query(`DROP TABLE IF EXISTS ${t}`);
  }
}
