import { DataSource } from 'typeorm';

/** Failures older than this no longer count. */
export const SIGN_IN_WINDOW_MINUTES = 15;
/** Failures for one account from one client address (an IPv6 client's /64): the lock a guesser meets. */
export const MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS = 5;
/** Failures from one client address across all accounts: one address spraying many accounts. */
export const MAX_FAILURES_PER_ADDRESS = 20;
/**
 * Failures for one account from all addresses: slows guessing spread over many addresses. It costs
 * this: whoever controls MAX_FAILURES_PER_ACCOUNT / MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS (20) addresses
 * can keep the account locked, except from addresses where it signed in within KNOWN_ADDRESS_DAYS.
 */
export const MAX_FAILURES_PER_ACCOUNT = 100;
/** An address where the account signed in within this many days is not held by the account-wide ceiling. */
export const KNOWN_ADDRESS_DAYS = 30;

export type ThrottledBy = 'ACCOUNT_AND_ADDRESS' | 'ADDRESS' | 'ACCOUNT';

/**
 * Sign-in attempts are reserved before their password is checked (security review #3). The
 * reservation takes transaction-scoped advisory locks on the account and on the address, in that
 * order (so two reservations never wait on each other in a cycle), counts, and inserts the attempt,
 * all in one short transaction: parallel attempts queue for a moment instead of all reading the same
 * count, and no connection is held while argon2 runs. The attempt counts as a failure until
 * `succeeded` marks it. Refused attempts are not recorded here, so they never extend a lock (#6).
 * Rows hold a keyed hash of the typed account and the address key, never what was typed.
 */
export class SignInThrottle {
  constructor(private readonly ds: DataSource) {}

  async reserve(accountKey: string, addressKey: string): Promise<{ attemptId: string } | { throttledBy: ThrottledBy }> {
    return this.ds.transaction(async (m) => {
      await m.query(
        `SELECT pg_advisory_xact_lock(hashtextextended('sign-in account ' || $1, 0)),
                pg_advisory_xact_lock(hashtextextended('sign-in address ' || $2, 0))`,
        [accountKey, addressKey],
      );
      const [counts] = await m.query(
        `SELECT (SELECT count(*) FROM sign_in_attempt WHERE account_key = $1 AND address_key = $2 AND NOT succeeded AND at > now() - $3::interval)::int AS pair,
                (SELECT count(*) FROM sign_in_attempt WHERE address_key = $2 AND NOT succeeded AND at > now() - $3::interval)::int AS address,
                (SELECT count(*) FROM sign_in_attempt WHERE account_key = $1 AND NOT succeeded AND at > now() - $3::interval)::int AS account,
                EXISTS (SELECT 1 FROM sign_in_attempt WHERE account_key = $1 AND address_key = $2 AND succeeded AND at > now() - $4::interval) AS known`,
        [accountKey, addressKey, `${SIGN_IN_WINDOW_MINUTES} minutes`, `${KNOWN_ADDRESS_DAYS} days`],
      );
      const throttledBy: ThrottledBy | null =
        counts.pair >= MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS
          ? 'ACCOUNT_AND_ADDRESS'
          : counts.address >= MAX_FAILURES_PER_ADDRESS
            ? 'ADDRESS'
            : counts.account >= MAX_FAILURES_PER_ACCOUNT && !counts.known
              ? 'ACCOUNT'
              : null;
      if (throttledBy) return { throttledBy };
      const [row] = await m.query(
        `INSERT INTO sign_in_attempt (account_key, address_key) VALUES ($1, $2) RETURNING id::text AS id`,
        [accountKey, addressKey],
      );
      // Expired rows go a few at a time; SKIP LOCKED so that parallel reservations never wait on each other here.
      await m.query(
        `DELETE FROM sign_in_attempt WHERE id IN (
           SELECT id FROM sign_in_attempt
            WHERE (NOT succeeded AND at < now() - $1::interval) OR (succeeded AND at < now() - $2::interval)
            LIMIT 100 FOR UPDATE SKIP LOCKED)`,
        [`${SIGN_IN_WINDOW_MINUTES} minutes`, `${KNOWN_ADDRESS_DAYS} days`],
      );
      return { attemptId: row.id as string };
    });
  }

  /**
   * The reserved attempt signed in: it becomes the mark that this address is known for the account,
   * and the pair's earlier failures and marks are dropped (a typo before the right password does not
   * stay against the user; the person who knows the password gains nothing from the reset). Parallel
   * sign-ins of one account take its lock first (as `reserve` does), so they neither deadlock deleting
   * each other's rows nor leave the pair without its mark.
   */
  async succeeded(attemptId: string, accountKey: string, addressKey: string): Promise<void> {
    await this.ds.transaction(async (m) => {
      await m.query(`SELECT pg_advisory_xact_lock(hashtextextended('sign-in account ' || $1, 0))`, [accountKey]);
      await m.query(`DELETE FROM sign_in_attempt WHERE account_key = $1 AND address_key = $2 AND id <> $3`, [
        accountKey,
        addressKey,
        attemptId,
      ]);
      await m.query(
        `WITH marked AS (UPDATE sign_in_attempt SET succeeded = true, at = now() WHERE id = $1 RETURNING id)
         INSERT INTO sign_in_attempt (account_key, address_key, succeeded)
         SELECT $2, $3, true WHERE NOT EXISTS (SELECT 1 FROM marked)`,
        [attemptId, accountKey, addressKey],
      );
    });
  }
}
