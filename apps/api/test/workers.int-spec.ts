import { ChildProcess, execFile, spawn } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestDatabase } from './helpers';

const run = promisify(execFile);
const ADMIN = { email: 'workers-admin@example.cn', password: 'a long admin passphrase' };

/** One request on a connection of its own (no keep-alive), so node:cluster may hand it to any worker. */
function request(port: number, method: string, route: string, body?: unknown, token?: string) {
  return new Promise<{ status: number; json: any }>((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method,
        path: route,
        agent: false,
        headers: {
          connection: 'close',
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
      },
      (res) => {
        let text = '';
        res.on('data', (d) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode!, json: JSON.parse(text) }));
      },
    );
    req.on('error', reject);
    // A connection handed to a process as it is killed gets no answer.
    req.setTimeout(3000, () => req.destroy(new Error('no answer within 3 s')));
    req.end(body ? JSON.stringify(body) : undefined);
  });
}

const childrenOf = async (pid: number) =>
  (await run('pgrep', ['-P', String(pid)]).catch(() => ({ stdout: '' }))).stdout
    .split('\n')
    .filter(Boolean)
    .map(Number);

describe('WORKERS=2: API processes behind one port', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let primary: ChildProcess;
  let port: number;
  let output = '';

  before(async () => {
    db = await createTestDatabase();
    primary = spawn(process.execPath, [path.join(__dirname, '../src/main.js')], {
      env: {
        ...process.env,
        NODE_ENV: '',
        WORKERS: '2',
        PORT: '0',
        DATABASE_URL: db.url,
        SEED: 'none',
        ADMIN_EMAIL: ADMIN.email,
        ADMIN_PASSWORD: ADMIN.password,
        LOG_JSON: '1',
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    port = await new Promise<number>((resolve, reject) => {
      const read = (chunk: Buffer) => {
        output += chunk.toString('utf8');
        const m = /"port":(\d+),"processes":2/.exec(output);
        if (m) resolve(Number(m[1]));
      };
      primary.stdout!.on('data', read);
      primary.stderr!.on('data', read);
      primary.once('exit', (code) => reject(new Error(`main exited with ${code}: ${output}`)));
    });
  });
  after(async () => {
    if (primary.exitCode === null) primary.kill('SIGKILL');
    await db.drop();
  });

  /** Which workers answered `requests` requests; requests that got no answer are counted apart. */
  const workersAnswering = async (requests: number) => {
    const seen = new Set<number>();
    let unanswered = 0;
    for (let i = 0; i < requests; i++) {
      const r = await request(port, 'GET', '/health/live').catch(() => null);
      if (r) seen.add(r.json.worker);
      else unanswered++;
    }
    return Object.assign(seen, { unanswered });
  };

  it('serves from both processes, with one sign-in valid on each', async () => {
    assert.deepEqual([...(await workersAnswering(12))].sort(), [1, 2]);
    const login = await request(port, 'POST', '/graphql', {
      query: `mutation($e: String!, $p: String!) { login(input: { email: $e, password: $p }) { token } }`,
      variables: { e: ADMIN.email, p: ADMIN.password },
    });
    const token = login.json.data.login.token;
    assert.ok(token, JSON.stringify(login.json));
    for (let i = 0; i < 8; i++) {
      const me = await request(port, 'POST', '/graphql', { query: `{ me { email } }` }, token);
      assert.equal(me.json.data?.me.email, ADMIN.email, JSON.stringify(me.json));
    }
    // An API key remembered by both processes is refused by both from the request after its revocation.
    const created = await request(
      port,
      'POST',
      '/graphql',
      {
        query: `mutation { createApiKey(input: { name: "shop", scopes: [ORDERS_READ] }) { secret apiKey { id } } }`,
      },
      token,
    );
    const { secret, apiKey } = created.json.data.createApiKey;
    const withKey = () =>
      request(port, 'POST', '/graphql', { query: `{ orders(first: 1) { edges { cursor } } }` }, secret);
    for (let i = 0; i < 8; i++) assert.equal((await withKey()).status, 200);
    const revoked = await request(
      port,
      'POST',
      '/graphql',
      {
        query: `mutation($id: ID!) { revokeApiKey(input: { apiKeyId: $id }) { apiKey { revokedAt } } }`,
        variables: { id: apiKey.id },
      },
      token,
    );
    assert.ok(revoked.json.data.revokeApiKey.apiKey.revokedAt);
    for (let i = 0; i < 8; i++) assert.equal((await withKey()).status, 401, 'refused by whichever process answers');
    // Any worker answers /metrics with both processes' figures.
    const metrics = await new Promise<string>((resolve, reject) =>
      http
        .get({ host: '127.0.0.1', port, path: '/metrics', agent: false }, (res) => {
          let text = '';
          res.on('data', (d) => (text += d));
          res.on('end', () => resolve(text));
        })
        .on('error', reject),
    );
    assert.match(metrics, /^graphql_request_duration_seconds_count\{operation="query me",outcome="ok"\} 8$/m);
    assert.match(metrics, /^graphql_request_duration_seconds_count\{operation="mutation login",outcome="ok"\} 1$/m);
  });

  it('replaces a process that dies, and keeps answering meanwhile', async () => {
    const [victim] = await childrenOf(primary.pid!);
    assert.ok(victim, 'a worker process');
    process.kill(victim, 'SIGKILL');
    const deadline = Date.now() + 20_000;
    let seen = new Set<number>();
    let unanswered = 0;
    while (Date.now() < deadline) {
      const round = await workersAnswering(6);
      unanswered += round.unanswered;
      seen = round;
      if (seen.has(3)) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    assert.ok(seen.has(3), `a third worker took over: ${[...seen]}`);
    assert.ok(unanswered <= 1, `${unanswered} requests unanswered while the process was replaced`);
    assert.equal((await childrenOf(primary.pid!)).length, 2);
  });

  it('stops every process on SIGTERM', async () => {
    const workers = await childrenOf(primary.pid!);
    primary.kill('SIGTERM');
    const code = await new Promise((r) => primary.once('exit', r));
    assert.equal(code, 0, output.slice(-2000));
    for (const pid of workers) assert.throws(() => process.kill(pid, 0), /ESRCH/, `worker ${pid} is gone`);
  });
});
