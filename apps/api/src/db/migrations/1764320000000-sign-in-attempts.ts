import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sign-in throttling gets a table of its own instead of counting audit rows
 * (modules/access/sign-in-throttle.ts). An attempt is reserved here before its password is checked,
 * so parallel attempts cannot all pass the count, and counts as a failure until it succeeds. Rows
 * hold keyed hashes of the typed account, never the text, and the client address key (an IPv6
 * client's /64); they are pruned as they expire, which the append-only audit log cannot be.
 */
export class SignInAttempts1764320000000 implements MigrationInterface {
  name = 'SignInAttempts1764320000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE sign_in_attempt (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at timestamptz(3) NOT NULL DEFAULT now(),
        account_key text NOT NULL,
        address_key text NOT NULL,
        succeeded boolean NOT NULL DEFAULT false
      )`);
    await q.query(`CREATE INDEX sign_in_attempt_account_idx ON sign_in_attempt (account_key, at)`);
    await q.query(`CREATE INDEX sign_in_attempt_address_idx ON sign_in_attempt (address_key, at)`);
    // Pruning: failures expire after the throttle window, the mark of a successful sign-in much later.
    await q.query(`CREATE INDEX sign_in_attempt_failed_at_idx ON sign_in_attempt (at) WHERE NOT succeeded`);
    await q.query(`CREATE INDEX sign_in_attempt_succeeded_at_idx ON sign_in_attempt (at) WHERE succeeded`);
    // Nothing counts sign-in failures in the audit log any more.
    await q.query(`DROP INDEX IF EXISTS audit_log_login_failures_idx`);
    await q.query(`DROP INDEX IF EXISTS audit_log_login_failures_ip_idx`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS sign_in_attempt`);
    await q.query(
      `CREATE INDEX audit_log_login_failures_idx ON audit_log (target_id, at) WHERE action = 'LOGIN' AND outcome = 'FAILURE'`,
    );
    await q.query(
      `CREATE INDEX audit_log_login_failures_ip_idx ON audit_log (client_ip, at) WHERE action = 'LOGIN' AND outcome = 'FAILURE'`,
    );
  }
}
