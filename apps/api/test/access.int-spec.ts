import 'reflect-metadata';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { toGlobalId } from '../src/common/global-id';
import { MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS, MAX_FAILURES_PER_ADDRESS } from '../src/modules/access/auth.service';
import { createCustomer, createProduct, createWarehouses, orderInput, PLACE_ORDER } from './factories';
import { createServices } from '../src/app/services';
import { postRaw, settle, startTestApi, subscribe, TestApi, testConfig } from './helpers';

const LOGIN = `mutation($email: String!, $password: String!) { login(input: { email: $email, password: $password }) {
  token expiresAt user { email role permissions } userErrors { code message } } }`;
const ME = `{ me { email role } }`;

/** graphql-ws reports a closed socket as a CloseEvent; 4403 is Forbidden, 4401 Unauthorized. */
const closeCodes = (errors: unknown[]) => errors.map((e) => (e as { code?: number }).code);

describe('staff sign-in and sessions', () => {
  let api: TestApi;
  before(async () => {
    api = await startTestApi();
  });
  after(() => api.stop());

  const login = (email: string, password: string, headers: Record<string, string> = {}) =>
    postRaw(api.url, JSON.stringify({ query: LOGIN, variables: { email, password } }), headers);
  const as = (token: string, query: string, variables?: object) =>
    postRaw(api.url, JSON.stringify({ query, variables }), { authorization: `Bearer ${token}` });

  it('signs in with e-mail and password and returns a short-lived token and the user', async () => {
    const r = await login('Manager@Demo.Local', 'demo');
    const { token, expiresAt, user, userErrors } = r.body.data.login;
    assert.deepEqual(userErrors, []);
    assert.equal(user.role, 'MANAGER');
    assert.ok(user.permissions.includes('CUSTOMER_PII_READ'));
    const minutes = (Date.parse(expiresAt) - Date.now()) / 60_000;
    assert.ok(minutes > 25 && minutes <= 30, `token lives ${minutes} minutes`);
    assert.equal((await as(token, ME)).body.data.me.email, 'manager@demo.local');
    const [row] = await api.ds.query(`SELECT password_hash FROM staff_user WHERE email = 'manager@demo.local'`);
    assert.match(row.password_hash, /^\$argon2id\$/);
  });

  it('answers an unknown e-mail and a wrong password alike', async () => {
    const unknown = await login('nobody@demo.local', 'demo');
    const wrong = await login('service@demo.local', 'wrong');
    assert.deepEqual(unknown.body.data.login.userErrors, wrong.body.data.login.userErrors);
    assert.equal(wrong.body.data.login.userErrors[0].code, 'INVALID_CREDENTIALS');
    assert.equal(wrong.body.data.login.token, null);
  });

  it(`throttles an account on an address after ${MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS} failures there, even with the right password, and not other accounts`, async () => {
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS; i++) {
      assert.equal(
        (await login('purchasing@demo.local', `guess${i}`)).body.data.login.userErrors[0].code,
        'INVALID_CREDENTIALS',
      );
    }
    const blocked = await login('purchasing@demo.local', 'demo');
    assert.equal(blocked.body.data.login.userErrors[0].code, 'LOGIN_THROTTLED');
    assert.equal(blocked.body.data.login.token, null);
    assert.equal((await login('dispatcher@demo.local', 'demo')).body.data.login.userErrors.length, 0);
    // Unknown accounts are throttled the same way, so throttling reveals nothing either.
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS; i++) await login('ghost@demo.local', 'x');
    assert.equal((await login('ghost@demo.local', 'x')).body.data.login.userErrors[0].code, 'LOGIN_THROTTLED');
  });

  it("remembers a user's dashboard language", async () => {
    const token = await api.loginAs('DISPATCHER');
    const set = await as(
      token,
      `mutation { updateMyPreferences(input: { locale: "zh-CN" }) { user { locale } userErrors { code } } }`,
    );
    assert.equal(set.body.data.updateMyPreferences.user.locale, 'zh-CN');
    const bad = await as(
      token,
      `mutation { updateMyPreferences(input: { locale: "klingon" }) { userErrors { code field } } }`,
    );
    assert.equal(bad.body.data.updateMyPreferences.userErrors[0].code, 'INVALID_INPUT');
    assert.equal((await as(token, `{ me { locale } }`)).body.data.me.locale, 'zh-CN');
  });

  it('creates only the configured first admin when there are no demo users', async () => {
    const before = (await api.ds.query(`SELECT count(*)::int AS n FROM staff_user`))[0].n;
    const auth = createServices(api.ds, testConfig()).auth;
    await auth.ensureUsers({ demo: false, adminEmail: 'ops-admin@example.cn', adminPassword: 'a long passphrase' });
    await auth.ensureUsers({ demo: false, adminEmail: 'ops-admin@example.cn', adminPassword: 'a long passphrase' });
    assert.equal((await api.ds.query(`SELECT count(*)::int AS n FROM staff_user`))[0].n, before + 1);
    assert.deepEqual((await login('ops-admin@example.cn', 'a long passphrase')).body.data.login.user.role, 'ADMIN');
  });

  it('refuses requests with a malformed, forged or expired token with 401', async () => {
    for (const authorization of ['Bearer nonsense', 'Basic abc', `Bearer ${api.token.slice(0, -4)}AAAA`]) {
      const r = await postRaw(api.url, JSON.stringify({ query: ME }), { authorization });
      assert.equal(r.status, 401, authorization);
      assert.equal(r.body.errors![0].extensions!.code, 'UNAUTHENTICATED');
    }
  });

  it('ends a session on logout: its token stops working, a fresh one does not', async () => {
    const token = await api.loginAs('CUSTOMER_SERVICE');
    const other = await api.loginAs('CUSTOMER_SERVICE');
    const renewed = (await as(token, `mutation { renewToken { token expiresAt } }`)).body.data.renewToken.token;
    assert.equal((await as(renewed, ME)).status, 200);
    assert.equal((await as(token, `mutation { logout { loggedOut } }`)).body.data.logout.loggedOut, true);
    assert.equal((await as(token, ME)).status, 401);
    assert.equal((await as(renewed, ME)).status, 401, 'renewed tokens belong to the same session');
    assert.equal((await as(other, ME)).status, 200);
  });

  it('refuses a subscription without a valid token', async () => {
    for (const connectionParams of [{}, { authorization: 'Bearer forged' }]) {
      const client = createClient({
        url: api.wsUrl,
        webSocketImpl: WebSocket,
        retryAttempts: 0,
        lazy: false,
        connectionParams,
      });
      const sub = subscribe(client, `subscription { orderStatusChanged { sequence } }`);
      await settle(300);
      assert.deepEqual(closeCodes(sub.errors), [4403]);
      await client.dispose();
    }
  });

  it('stops a live subscription when the user loses access (role change ends sessions)', async () => {
    await createWarehouses(api.ds);
    const token = await api.loginAs('DISPATCHER');
    const client = api.ws(`Bearer ${token}`);
    const sub = subscribe(client, `subscription { orderStatusChanged { sequence } }`);
    await settle();
    const [user] = await api.ds.query(`SELECT id FROM staff_user WHERE email = 'dispatcher@demo.local'`);
    const r = await api.data(
      `mutation($input: UpdateUserInput!) { updateUser(input: $input) { user { role } userErrors { code } } }`,
      {
        input: { userId: toGlobalId('User', user.id), role: 'PURCHASING' },
      },
    );
    assert.equal(r.updateUser.user.role, 'PURCHASING');
    await settle(300);
    assert.deepEqual(closeCodes(sub.errors), [4403]);
    const customer = await createCustomer(api.ds);
    const p = await createProduct(api.ds, { stock: { 'SH-01': 5 } });
    await api.data(PLACE_ORDER, { input: orderInput(customer.gid, [{ sku: p.sku, quantity: 1 }]) });
    await settle(300);
    assert.deepEqual(sub.items, [], 'nothing arrives after access was lost');
    assert.equal((await as(token, ME)).status, 401);
    await client.dispose();
  });
});

describe('sign-in throttling per client address', () => {
  let api: TestApi;
  before(async () => {
    api = await startTestApi();
  });
  after(() => api.stop());

  it('throttles a client address that tries many accounts', async () => {
    const login = (email: string, password: string) =>
      postRaw(api.url, JSON.stringify({ query: LOGIN, variables: { email, password } }));
    const [{ n }] = await api.ds.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'LOGIN' AND outcome = 'FAILURE'`,
    );
    for (let i = n; i < MAX_FAILURES_PER_ADDRESS; i++) await login(`spray${i}@demo.local`, 'x');
    assert.equal((await login('warehouse@demo.local', 'demo')).body.data.login.userErrors[0].code, 'LOGIN_THROTTLED');
  });
});

describe('integrator API keys', () => {
  let api: TestApi;
  before(async () => {
    api = await startTestApi();
    await createWarehouses(api.ds);
  });
  after(() => api.stop());

  const CREATE = `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret apiKey { id name prefix scopes expiresAt revokedAt } userErrors { code field } } }`;
  const withKey = (key: string, query: string, variables?: object) =>
    postRaw(api.url, JSON.stringify({ query, variables }), { authorization: `Bearer ${key}` });

  it('shows the secret once, stores only its hash, and lists keys without secrets', async () => {
    const r = await api.data(CREATE, { input: { name: '天猫旗舰店', scopes: ['ORDERS_WRITE', 'ORDERS_READ'] } });
    const { secret, apiKey } = r.createApiKey;
    assert.match(secret, /^fk_[a-z0-9]{10}_/);
    assert.ok(secret.startsWith(`fk_${apiKey.prefix}_`));
    const rows = await api.ds.query(`SELECT secret_hash FROM api_key WHERE prefix = $1`, [apiKey.prefix]);
    assert.equal(rows.length, 1);
    assert.notEqual(rows[0].secret_hash, secret);
    assert.ok(
      !JSON.stringify(await api.ds.query(`SELECT * FROM api_key`)).includes(
        secret.slice(`fk_${apiKey.prefix}_`.length),
      ),
    );
    const list = await api.gql(`{ apiKeys(first: 10) { edges { node { name prefix scopes } } } }`);
    assert.ok(!list.text.includes(secret));
    assert.deepEqual(
      list.body.data.apiKeys.edges.map((e: any) => e.node.name),
      ['天猫旗舰店'],
    );
  });

  it('lets a key do what its scopes allow and nothing else', async () => {
    const { secret } = (
      await api.data(CREATE, { input: { name: 'storefront', scopes: ['ORDERS_WRITE', 'CATALOG_READ'] } })
    ).createApiKey;
    const customer = await createCustomer(api.ds);
    const p = await createProduct(api.ds, { stock: { 'SH-01': 5 } });
    const input = orderInput(customer.gid, [{ sku: p.sku, quantity: 1 }]);
    // PLACE_ORDER reads back the order's history too, which needs ORDER_READ: refused as a whole.
    const refused = await withKey(secret, PLACE_ORDER, { input });
    assert.equal(refused.body.errors![0].extensions!.code, 'FORBIDDEN');
    const placed = await withKey(
      secret,
      `mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { order { number status } userErrors { code } } }`,
      { input },
    );
    assert.deepEqual(placed.body.data.placeOrder.userErrors, []);
    const [event] = await api.ds.query(
      `SELECT actor FROM order_event WHERE order_id = (SELECT id FROM orders ORDER BY created_at DESC LIMIT 1) AND sequence = 1`,
    );
    assert.equal(event.actor, 'key:storefront');
    assert.equal((await withKey(secret, `{ products(first: 1) { edges { cursor } } }`)).body.errors, undefined);
    const denied = await withKey(secret, `{ stockLevels(first: 1) { edges { cursor } } }`);
    assert.equal(denied.body.errors![0].extensions!.code, 'FORBIDDEN');
    const admin = await withKey(secret, `{ users(first: 1) { edges { cursor } } }`);
    assert.equal(admin.body.errors![0].extensions!.code, 'FORBIDDEN');
  });

  it('refuses a revoked key on its first use after revocation and closes its subscriptions', async () => {
    const { secret, apiKey } = (await api.data(CREATE, { input: { name: 'carrier', scopes: ['ORDERS_READ'] } }))
      .createApiKey;
    assert.equal((await withKey(secret, `{ orders(first: 1) { edges { cursor } } }`)).status, 200);
    const client = api.ws(`Bearer ${secret}`);
    const sub = subscribe(client, `subscription { orderStatusChanged { sequence } }`);
    await settle();
    const revoked = await api.data(
      `mutation($input: RevokeApiKeyInput!) { revokeApiKey(input: $input) { apiKey { revokedAt } userErrors { code } } }`,
      {
        input: { apiKeyId: apiKey.id },
      },
    );
    assert.ok(revoked.revokeApiKey.apiKey.revokedAt);
    const r = await withKey(secret, `{ orders(first: 1) { edges { cursor } } }`);
    assert.equal(r.status, 401);
    assert.match(r.body.errors![0].message, /revoked/);
    await settle(300);
    assert.deepEqual(closeCodes(sub.errors), [4403]);
    const again = await api.data(
      `mutation($input: RevokeApiKeyInput!) { revokeApiKey(input: $input) { userErrors { code } } }`,
      { input: { apiKeyId: apiKey.id } },
    );
    assert.equal(again.revokeApiKey.userErrors[0].code, 'ALREADY_REVOKED');
    await client.dispose();
  });

  it('refuses an expired key, and a key created with a past expiry or no scopes', async () => {
    const { secret, apiKey } = (
      await api.data(CREATE, {
        input: { name: 'short-lived', scopes: ['ORDERS_READ'], expiresAt: new Date(Date.now() + 60_000).toISOString() },
      })
    ).createApiKey;
    assert.equal((await withKey(secret, `{ orders(first: 1) { edges { cursor } } }`)).status, 200);
    await api.ds.query(`UPDATE api_key SET expires_at = now() - interval '1 second' WHERE prefix = $1`, [
      apiKey.prefix,
    ]);
    // Plain SQL reaches the process's credential cache by NOTIFY, delivered on commit.
    await settle(100);
    const r = await withKey(secret, `{ orders(first: 1) { edges { cursor } } }`);
    assert.equal(r.status, 401);
    assert.match(r.body.errors![0].message, /expired/);
    const past = await api.data(CREATE, {
      input: { name: 'x', scopes: ['ORDERS_READ'], expiresAt: '2020-01-01T00:00:00Z' },
    });
    assert.deepEqual(
      past.createApiKey.userErrors.map((e: any) => e.field.join('.')),
      ['input.expiresAt'],
    );
    const none = await api.data(CREATE, { input: { name: 'x', scopes: [] } });
    assert.deepEqual(
      none.createApiKey.userErrors.map((e: any) => e.field.join('.')),
      ['input.scopes'],
    );
    assert.equal(none.createApiKey.secret, null);
  });

  it('takes a change of scopes made with plain SQL from the next request on, the key being remembered between requests', async () => {
    const { secret, apiKey } = (await api.data(CREATE, { input: { name: 'wms', scopes: ['ORDERS_READ'] } }))
      .createApiKey;
    const stock = `{ stockLevels(first: 1) { edges { cursor } } }`;
    assert.equal((await withKey(secret, stock)).body.errors![0].extensions!.code, 'FORBIDDEN');
    // While nobody can read api_key, the key still works: it is not read again.
    const lock = api.ds.createQueryRunner();
    await lock.startTransaction();
    try {
      await lock.query(`LOCK TABLE api_key IN ACCESS EXCLUSIVE MODE`);
      for (let i = 0; i < 5; i++) {
        const r = await Promise.race([
          withKey(secret, `{ orders(first: 1) { edges { cursor } } }`),
          settle(3000).then(() => ({ status: 0 })),
        ]);
        assert.equal(r.status, 200, 'answered without reading api_key');
      }
    } finally {
      await lock.rollbackTransaction();
      await lock.release();
    }
    await api.ds.query(`UPDATE api_key SET scopes = '{ORDERS_READ,STOCK_READ}' WHERE prefix = $1`, [apiKey.prefix]);
    await settle(100);
    assert.equal((await withKey(secret, stock)).body.errors, undefined);
  });

  it('refuses unknown and malformed keys', async () => {
    for (const key of ['fk_0000000000_' + 'A'.repeat(43), 'fk_short']) {
      assert.equal((await withKey(key, `{ orders(first: 1) { edges { cursor } } }`)).status, 401);
    }
  });
});
