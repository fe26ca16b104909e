import 'reflect-metadata';
import { ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import http from 'node:http';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Client } from 'pg';
import { loadConfig } from '../src/config';
import { DEMO_USERS } from '../src/modules/access/auth.service';
import { createTestDatabase, postRaw, startTestApi, TestApi } from './helpers';

/**
 * Safe defaults: what a production start does without being told more (security review #8, #16;
 * the API runs as `npm start` runs it, `node main.js` in a process of its own configured by its
 * environment), the headers browsers get (#11), and the benchmark-only GUARDS=off mode refusing
 * foreign Host headers (#18).
 */
const LOGIN = `mutation($email: String!, $password: String!) { login(input: { email: $email, password: $password }) {
  token userErrors { code } } }`;
const ADMIN = { email: 'ops-admin@example.cn', password: 'a long admin passphrase' };

/** Settings the test runner's own environment must not lend to the API under test. */
const UNSET = ['NODE_ENV', 'SEED', 'AUTH_SECRET', 'ADMIN_EMAIL', 'ADMIN_PASSWORD', 'GUARDS', 'PORT', 'DATABASE_URL'];

interface MainRun {
  child: ChildProcess;
  /** Set once the API listens. */
  port?: number;
  /** Set when the process ended before listening. */
  exitCode?: number | null;
  output: string;
}

const children: ChildProcess[] = [];

/** Starts apps/api/dist/src/main.js and waits until it listens or exits. */
function runMain(env: Record<string, string>): Promise<MainRun> {
  const base = { ...process.env };
  for (const k of UNSET) delete base[k];
  const child = spawn(process.execPath, [path.join(__dirname, '../src/main.js')], {
    env: { ...base, PORT: '0', LOG_JSON: '1', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  return new Promise((resolve) => {
    let output = '';
    const read = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const m = /"port":(\d+)/.exec(output);
      if (m) resolve({ child, port: Number(m[1]), output });
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.on('exit', (code) => resolve({ child, exitCode: code, output }));
  });
}

async function stopMain(run: MainRun) {
  if (run.child.exitCode !== null) return;
  run.child.kill('SIGTERM');
  await new Promise((r) => run.child.once('exit', r));
}

async function query<T = any>(url: string, sql: string): Promise<T[]> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(sql)).rows;
  } finally {
    await c.end();
  }
}

after(async () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
});

describe('production start-up', () => {
  it('seeds demo data only in development or when SEED says so', () => {
    assert.equal(loadConfig({}).seed, 'demo', 'npm start in development seeds the demo');
    assert.equal(loadConfig({ NODE_ENV: 'production' }).seed, 'none');
    assert.equal(loadConfig({ NODE_ENV: 'production', SEED: 'demo' }).seed, 'demo');
  });

  it('creates no demo account and no demo data when production is started without SEED', async () => {
    const db = await createTestDatabase();
    try {
      const run = await runMain({
        NODE_ENV: 'production',
        DATABASE_URL: db.url,
        ADMIN_EMAIL: ADMIN.email,
        ADMIN_PASSWORD: ADMIN.password,
      });
      await stopMain(run);
      assert.ok(run.port, `the API started: ${run.output}`);
      const users = await query(db.url, `SELECT email FROM staff_user ORDER BY email`);
      assert.deepEqual(
        users.map((u) => u.email),
        [ADMIN.email],
      );
      assert.deepEqual(
        await query(
          db.url,
          `SELECT (SELECT count(*) FROM orders)::int AS orders, (SELECT count(*) FROM customer)::int AS customers`,
        ),
        [{ orders: 0, customers: 0 }],
      );
    } finally {
      await db.drop();
    }
  });

  describe('on a database an earlier demo start left demo accounts in', () => {
    let db: Awaited<ReturnType<typeof createTestDatabase>>;
    let api: TestApi;
    let run: MainRun;
    before(async () => {
      db = await createTestDatabase();
      api = await startTestApi({ databaseUrl: db.url }); // creates the demo accounts, signs in as admin@demo.local
      run = await runMain({ NODE_ENV: 'production', DATABASE_URL: db.url, SEED: 'none' });
      assert.ok(run.port, `the API started: ${run.output}`);
    });
    after(async () => {
      await stopMain(run);
      await api.stop();
      await db.drop();
    });

    it('disables them and ends their sessions', async () => {
      const url = `http://127.0.0.1:${run.port}/graphql`;
      const demo = await query(db.url, `SELECT email, active FROM staff_user WHERE email LIKE '%@demo.local'`);
      assert.equal(demo.length, DEMO_USERS.length);
      assert.ok(
        demo.every((u) => !u.active),
        JSON.stringify(demo),
      );
      const r = await postRaw(
        url,
        JSON.stringify({ query: LOGIN, variables: { email: 'admin@demo.local', password: 'demo' } }),
      );
      assert.equal(r.body.data.login.token, null);
      const me = await postRaw(url, JSON.stringify({ query: '{ me { email } }' }), {
        authorization: `Bearer ${api.token}`,
      });
      assert.equal(me.status, 401, me.text);
    });
  });

  for (const [name, value, message] of [
    ['AUTH_SECRET', 'only-31-bytes-long-secret-value', /AUTH_SECRET must be at least 32 bytes/],
    ['AUTH_SECRET', '密钥密钥密钥密钥密钥', /AUTH_SECRET must be at least 32 bytes/], // 10 characters, 30 bytes
    ['ADMIN_PASSWORD', 'elevenchars', /ADMIN_PASSWORD must be at least 12 characters/],
  ] as const) {
    it(`refuses to start in production with a ${name} of ${value.length} characters, saying why`, async () => {
      assert.throws(() => loadConfig({ NODE_ENV: 'production', ADMIN_EMAIL: ADMIN.email, [name]: value }), message);
      const db = await createTestDatabase();
      try {
        const run = await runMain({
          NODE_ENV: 'production',
          DATABASE_URL: db.url,
          ADMIN_EMAIL: ADMIN.email,
          ADMIN_PASSWORD: ADMIN.password,
          [name]: value,
        });
        await stopMain(run);
        assert.equal(run.port, undefined, 'it must not start');
        assert.notEqual(run.exitCode, 0);
        assert.match(run.output, message);
      } finally {
        await db.drop();
      }
    });
  }

  it('accepts secrets of the minimum length, and any length outside production', () => {
    const secret = 'x'.repeat(32);
    assert.equal(loadConfig({ NODE_ENV: 'production', AUTH_SECRET: secret }).authSecret, secret);
    assert.equal(loadConfig({ NODE_ENV: 'production', ADMIN_PASSWORD: 'twelve chars' }).adminPassword, 'twelve chars');
    assert.equal(loadConfig({ AUTH_SECRET: 'dev', ADMIN_PASSWORD: 'dev' }).authSecret, 'dev');
  });
});

/** A request to the API's address with the given headers (Host included), answered with status and headers. */
function request(
  api: TestApi,
  opts: { method?: string; path?: string; headers?: Record<string, string>; body?: string },
): Promise<{ status: number; headers: http.IncomingHttpHeaders; text: string; upgraded: boolean }> {
  const target = new URL(api.url);
  return new Promise((resolve, reject) => {
    const req = http.request({
      host: target.hostname,
      port: target.port,
      method: opts.method ?? 'GET',
      path: opts.path ?? '/',
      headers: opts.headers,
      agent: false,
    });
    req.on('response', (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString('utf8')));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text, upgraded: false }));
    });
    req.on('upgrade', (res, socket) => {
      socket.destroy();
      resolve({ status: res.statusCode ?? 0, headers: res.headers, text: '', upgraded: true });
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

const UPGRADE = {
  connection: 'Upgrade',
  upgrade: 'websocket',
  'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==',
  'sec-websocket-version': '13',
  'sec-websocket-protocol': 'graphql-transport-ws',
};

/** Content-Security-Policy as directive → sources. */
function csp(value: string | string[] | undefined): Map<string, string[]> {
  assert.equal(typeof value, 'string', 'a Content-Security-Policy header');
  return new Map(
    (value as string)
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...sources]) => [name, sources]),
  );
}

describe('security headers', () => {
  let api: TestApi;
  let behindProxy: TestApi;
  before(async () => {
    api = await startTestApi();
    behindProxy = await startTestApi({ env: { TRUST_PROXY: 'loopback' } });
  });
  after(async () => {
    await api.stop();
    await behindProxy.stop();
  });

  it('serves the dashboard with a Content-Security-Policy, frame protection, nosniff and a Referrer-Policy', async () => {
    const r = await request(api, { path: '/', headers: { accept: 'text/html' } });
    assert.equal(r.status, 200);
    const policy = csp(r.headers['content-security-policy']);
    assert.deepEqual(policy.get('default-src'), ["'self'"]);
    assert.deepEqual(policy.get('script-src'), ["'self'"]);
    assert.deepEqual(policy.get('frame-ancestors'), ["'none'"]);
    assert.deepEqual(policy.get('object-src'), ["'none'"]);
    assert.ok(policy.get('connect-src')!.includes("'self'"));
    assert.ok(!r.headers['content-security-policy']!.includes('unsafe-'), 'no unsafe-inline or unsafe-eval');
    assert.equal(r.headers['x-frame-options'], 'DENY');
    assert.equal(r.headers['x-content-type-options'], 'nosniff');
    assert.equal(r.headers['referrer-policy'], 'no-referrer');
    assert.equal(r.headers['strict-transport-security'], undefined, 'no HSTS over plain HTTP');
    // What the policy allows is what the page needs: no inline script, and any inline style hashed.
    assert.ok(!/<script(?![^>]*\ssrc=)[^>]*>/i.test(r.text), 'every script has a src');
    for (const [, style] of r.text.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/gi)) {
      const hash = `'sha256-${createHash('sha256').update(style).digest('base64')}'`;
      assert.ok(policy.get('style-src')!.includes(hash), `inline style allowed by ${hash}`);
    }
  });

  it('answers the API with a policy that lets a response load and frame nothing', async () => {
    for (const r of [
      await request(api, {
        method: 'POST',
        path: '/graphql',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __typename }' }),
      }),
      await request(api, { path: '/health' }),
    ]) {
      assert.equal(r.status, 200, r.text);
      const policy = csp(r.headers['content-security-policy']);
      assert.deepEqual(policy.get('default-src'), ["'none'"]);
      assert.deepEqual(policy.get('frame-ancestors'), ["'none'"]);
      assert.equal(r.headers['x-content-type-options'], 'nosniff');
      assert.equal(r.headers['x-frame-options'], 'DENY');
    }
  });

  it('sends HSTS only to requests that reached it over TLS through a trusted proxy', async () => {
    const forwarded = { accept: 'text/html', 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.9' };
    const trusted = await request(behindProxy, { path: '/', headers: forwarded });
    assert.match(String(trusted.headers['strict-transport-security']), /^max-age=31536000/);
    const plain = await request(behindProxy, { path: '/', headers: { ...forwarded, 'x-forwarded-proto': 'http' } });
    assert.equal(plain.headers['strict-transport-security'], undefined);
    const untrusted = await request(api, { path: '/', headers: forwarded });
    assert.equal(untrusted.headers['strict-transport-security'], undefined, 'X-Forwarded-Proto from anyone is ignored');
  });
});

describe('GUARDS=off', () => {
  let api: TestApi;
  before(async () => {
    api = await startTestApi({ env: { GUARDS: 'off' } });
  });
  after(() => api.stop());

  const port = () => new URL(api.url).port;
  const graphql = (host: string) =>
    request(api, {
      method: 'POST',
      path: '/graphql',
      headers: { host, 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });

  it('refuses requests and WebSocket upgrades for a Host other than this machine (DNS rebinding)', async () => {
    for (const host of [`rebind.attacker.example:${port()}`, 'rebind.attacker.example', `192.168.1.5:${port()}`]) {
      const r = await graphql(host);
      assert.equal(r.status, 403, `${host}: ${r.text}`);
      assert.match(JSON.parse(r.text).errors[0].message, /Host/);
      assert.equal(JSON.parse(r.text).errors[0].extensions.code, 'FORBIDDEN_HOST');
      const ws = await request(api, { path: '/graphql', headers: { ...UPGRADE, host } });
      assert.equal(ws.upgraded, false, `${host}: upgraded`);
      assert.equal(ws.status, 403, host);
    }
  });

  it('serves localhost, 127.0.0.1 and [::1] on any port', async () => {
    for (const host of [`localhost:${port()}`, 'LOCALHOST', `127.0.0.1:${port()}`, `[::1]:${port()}`, '[::1]']) {
      const r = await graphql(host);
      assert.equal(r.status, 200, `${host}: ${r.text}`);
      const ws = await request(api, { path: '/graphql', headers: { ...UPGRADE, host } });
      assert.equal(ws.status, 101, host);
    }
  });
});

describe('GUARDS=on', () => {
  let api: TestApi;
  before(async () => {
    api = await startTestApi();
  });
  after(() => api.stop());

  it('serves any Host: a deployment has a name of its own', async () => {
    const r = await request(api, {
      method: 'POST',
      path: '/graphql',
      headers: { host: 'ops.example.cn', 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    assert.equal(r.status, 200, r.text);
  });
});
