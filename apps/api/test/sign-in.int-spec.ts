import 'reflect-metadata';
import http from 'node:http';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  MAX_FAILURES_PER_ACCOUNT as PER_ACCOUNT,
  MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS as PER_ACCOUNT_AND_ADDRESS,
  MAX_FAILURES_PER_ADDRESS as PER_ADDRESS,
} from '../src/modules/access/auth.service';
import { GqlResponse, startTestApi, TestApi } from './helpers';

/**
 * Sign-in throttling as an attacker meets it (security review #3, #6, #17): parallel guesses, a
 * victim locked out from elsewhere, throttled attempts that must not extend a lock, and what a failed
 * sign-in leaves in the audit log. Different client addresses are different loopback source
 * addresses (127.0.0.0/8 is all loopback on Linux).
 */
const LOGIN = `mutation($email: String!, $password: String!) { login(input: { email: $email, password: $password }) {
  token userErrors { code message } } }`;

/** A GraphQL POST sent from the given local (source) address. */
function postFrom(address: string, url: string, body: string): Promise<GqlResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: 'POST',
        localAddress: address,
        agent: false,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: GqlResponse['body'] = {};
          try {
            parsed = JSON.parse(text);
          } catch {
            /* asserted by the caller */
          }
          resolve({ status: res.statusCode ?? 0, body: parsed, text, headers: new Headers() });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('sign-in throttling', () => {
  let api: TestApi;
  before(async () => {
    api = await startTestApi();
  });
  after(() => api.stop());

  const login = async (from: string, email: string, password: string) => {
    const r = await postFrom(from, api.url, JSON.stringify({ query: LOGIN, variables: { email, password } }));
    assert.equal(r.status, 200, r.text);
    return r.body.data.login as { token: string | null; userErrors: { code: string }[] };
  };
  const code = (r: { token: string | null; userErrors: { code: string }[] }) => r.userErrors[0]?.code ?? 'SIGNED_IN';
  /** Argon2 checks that failed: each one writes one INVALID_CREDENTIALS row. */
  const passwordChecks = async (where: string, params: unknown[] = []) =>
    (
      await api.ds.query(
        `SELECT count(*)::int AS n FROM audit_log WHERE action = 'LOGIN' AND details->>'reason' = 'INVALID_CREDENTIALS' AND ${where}`,
        params,
      )
    )[0].n as number;
  /** Moves every recorded sign-in attempt `minutes` into the past, as if that time had gone by. */
  const age = async (minutes: number) => {
    await api.ds.query(`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_change`);
    await api.ds.query(`UPDATE audit_log SET at = at - $1::interval WHERE action = 'LOGIN'`, [`${minutes} minutes`]);
    await api.ds.query(`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_change`);
    if ((await api.ds.query(`SELECT to_regclass('sign_in_attempt') AS t`))[0].t)
      await api.ds.query(`UPDATE sign_in_attempt SET at = at - $1::interval`, [`${minutes} minutes`]);
  };

  it('lets 100 parallel wrong-password sign-ins for one account check at most the limit of passwords', async () => {
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) => login('127.0.0.11', 'warehouse@demo.local', `guess-${i}`)),
    );
    const checks = await passwordChecks(`target_id = 'warehouse@demo.local'`);
    assert.ok(checks <= PER_ACCOUNT_AND_ADDRESS, `${checks} passwords were checked, limit ${PER_ACCOUNT_AND_ADDRESS}`);
    assert.equal(results.filter((r) => code(r) === 'INVALID_CREDENTIALS').length, checks);
    assert.equal(results.filter((r) => code(r) === 'LOGIN_THROTTLED').length, 100 - checks);
  });

  it('lets 100 parallel sign-ins for different accounts from one address check at most its limit', async () => {
    await Promise.all(Array.from({ length: 100 }, (_, i) => login('127.0.0.12', `spray-${i}@example.cn`, 'password1')));
    const checks = await passwordChecks(`client_ip LIKE '%127.0.0.12'`);
    assert.ok(checks <= PER_ADDRESS, `${checks} passwords were checked, limit ${PER_ADDRESS}`);
  });

  it('signs in every one of parallel right-password sign-ins for one account from one address', async () => {
    // Each success drops the pair's other attempts; two at once deadlocked (a 500 for one of them). An
    // attempt counts as a failure until its password is checked, so more than the limit at once are throttled.
    const results = await Promise.all(
      Array.from({ length: PER_ACCOUNT_AND_ADDRESS }, () => login('127.0.0.13', 'service@demo.local', 'demo')),
    );
    assert.deepEqual(
      results.map(code),
      results.map(() => 'SIGNED_IN'),
    );
    const [left] = await api.ds.query(
      `SELECT count(*)::int AS n FROM sign_in_attempt WHERE address_key = '127.0.0.13'`,
    );
    assert.equal(left.n, 1, 'one mark that the address is known stays');
  });

  it("does not refuse the right password from the victim's address after an attacker's failures elsewhere", async () => {
    for (let i = 0; i < PER_ACCOUNT_AND_ADDRESS; i++)
      assert.equal(code(await login('127.0.0.21', 'dispatcher@demo.local', `guess-${i}`)), 'INVALID_CREDENTIALS');
    assert.equal(code(await login('127.0.0.21', 'dispatcher@demo.local', 'demo')), 'LOGIN_THROTTLED');
    assert.equal(code(await login('127.0.0.22', 'dispatcher@demo.local', 'demo')), 'SIGNED_IN');
  });

  it('does not extend a lock with attempts made while it holds', async () => {
    for (let i = 0; i < PER_ACCOUNT_AND_ADDRESS; i++) await login('127.0.0.31', 'service@demo.local', `guess-${i}`);
    await age(10);
    // Ten more tries during the lock: all refused without a password check, none counted.
    for (let i = 0; i < 10; i++)
      assert.equal(code(await login('127.0.0.31', 'service@demo.local', `again-${i}`)), 'LOGIN_THROTTLED');
    await age(6);
    // The five failures are now 16 minutes old, the refused tries 6: the lock has ended.
    assert.equal(code(await login('127.0.0.31', 'service@demo.local', 'demo')), 'SIGNED_IN');
  });

  it('keeps an account-wide ceiling for guesses from many addresses, except where the account signed in before', async () => {
    assert.ok(PER_ACCOUNT > PER_ACCOUNT_AND_ADDRESS * 10, 'the account-wide ceiling is much higher');
    assert.equal(code(await login('127.0.0.41', 'manager@demo.local', 'demo')), 'SIGNED_IN');
    const attackers = Math.ceil(PER_ACCOUNT / PER_ACCOUNT_AND_ADDRESS);
    for (let a = 0; a < attackers; a++)
      await Promise.all(
        Array.from({ length: PER_ACCOUNT_AND_ADDRESS }, (_, i) =>
          login(`127.0.1.${a + 1}`, 'manager@demo.local', `guess-${a}-${i}`),
        ),
      );
    assert.equal(await passwordChecks(`target_id = 'manager@demo.local'`), PER_ACCOUNT);
    assert.equal(code(await login('127.0.0.42', 'manager@demo.local', 'demo')), 'LOGIN_THROTTLED');
    assert.equal(code(await login('127.0.0.41', 'manager@demo.local', 'demo')), 'SIGNED_IN');
  });

  it('never stores what may be a password as the target of a failed sign-in', async () => {
    await login('127.0.0.51', 'Hunter2-Secret!', 'x');
    await login('127.0.0.51', ' Nobody@Example.CN ', 'x');
    await login('127.0.0.51', 'purchasing@demo.local', 'wrong');
    const rows: { target_id: string }[] = await api.ds.query(
      `SELECT target_id FROM audit_log WHERE action = 'LOGIN' AND client_ip LIKE '%127.0.0.51' ORDER BY id`,
    );
    const targets = rows.map((r) => r.target_id);
    assert.equal(targets.length, 3);
    assert.ok(!targets.some((t) => t.toLowerCase().includes('hunter2')), targets.join());
    assert.match(targets[0], /^unrecognised:[0-9a-f]{16}$/);
    assert.deepEqual(targets.slice(1), ['nobody@example.cn', 'purchasing@demo.local']);
    // The same typed text gives the same mark, so repeated attempts can still be told apart.
    await login('127.0.0.51', 'hunter2-secret!', 'y');
    const [last] = await api.ds.query(
      `SELECT target_id FROM audit_log WHERE action = 'LOGIN' AND client_ip LIKE '%127.0.0.51' ORDER BY id DESC LIMIT 1`,
    );
    assert.equal(last.target_id, targets[0]);
  });
});
