import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DataSource } from 'typeorm';
import WebSocket from 'ws';
import { isDatabaseUnavailable, maskError } from '../src/common/errors';
import { REPO_ROOT } from '../src/config';
import { EmbeddedDatabase, freePort, startEmbeddedPostgres } from '../src/db/embedded';
import { postRaw, startTestApi, TestApi } from './helpers';

/** PostgreSQL stopped and started again under a running API, on a cluster this file owns. */
describe('database outage', () => {
  const dataDir = path.join(REPO_ROOT, `.data/outage-${randomBytes(4).toString('hex')}`);
  let pg: EmbeddedDatabase;
  let pgPort: number;
  let api: TestApi;
  const base = () => api.url.replace(/\/graphql$/, '');
  const ORDERS = `{ orders(first: 1) { edges { node { number } } } }`;

  before(async () => {
    pgPort = await freePort();
    pg = await startEmbeddedPostgres(dataDir, 'fulfilment', [], pgPort);
    api = await startTestApi({ databaseUrl: pg.url });
  });
  after(async () => {
    await api?.stop().catch(() => undefined);
    await pg?.stop();
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  /** A raw graphql-ws connection that records how it was closed. */
  const openLive = async () => {
    const socket = new WebSocket(api.wsUrl, 'graphql-transport-ws');
    const closed = new Promise<{ code: number; reason: string }>((resolve) =>
      socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
    );
    await new Promise((resolve, reject) => {
      socket.once('open', resolve);
      socket.once('error', reject);
    });
    socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${api.token}` } }));
    await new Promise<void>((resolve) =>
      socket.on('message', (m) => JSON.parse(m.toString()).type === 'connection_ack' && resolve()),
    );
    return { socket, closed };
  };

  it('answers 503 with Retry-After and DATABASE_UNAVAILABLE while PostgreSQL is down, tells live clients, and recovers by itself', async () => {
    assert.equal((await api.gql(ORDERS)).status, 200);
    const live = await openLive();
    assert.equal((await fetch(`${base()}/health/ready`)).status, 200);

    await pg.stop();
    const told = await Promise.race([live.closed, new Promise<null>((r) => setTimeout(() => r(null), 10_000))]);
    assert.ok(told, 'the live connection was closed when the database went away');
    assert.equal(told.code, 1013, 'try again later');
    assert.match(told.reason, /re-read missed events/);

    for (const r of [await api.gql(ORDERS), await api.gql(`mutation { logout { loggedOut } }`)]) {
      assert.equal(r.status, 503, r.text);
      assert.equal(r.headers.get('retry-after'), '5');
      assert.equal(r.body.errors?.[0].extensions?.code, 'DATABASE_UNAVAILABLE', r.text);
      assert.doesNotMatch(r.text, /ECONN|ENOENT|stack|at .*\.js/);
    }
    // Before GraphQL runs: a sign-in reads the account first.
    const login = await postRaw(
      api.url,
      JSON.stringify({ query: `mutation { login(input: { email: "x@example.com", password: "demo" }) { token } }` }),
    );
    assert.equal(login.status, 503, login.text);
    assert.equal(login.body.errors?.[0].extensions?.code, 'DATABASE_UNAVAILABLE');

    const liveness = await fetch(`${base()}/health/live`);
    assert.equal(liveness.status, 200);
    const ready = await fetch(`${base()}/health/ready`);
    assert.equal(ready.status, 503);
    assert.equal(ready.headers.get('retry-after'), '5');
    assert.deepEqual(await ready.json(), { status: 'unavailable', reason: 'database unreachable' });

    pg = await startEmbeddedPostgres(dataDir, 'fulfilment', [], pgPort);
    const back = Date.now();
    let answered = 0;
    while (Date.now() - back < 15_000) {
      const r = await api.gql(ORDERS);
      if (r.status === 200 && !r.body.errors) {
        answered = Date.now() - back;
        break;
      }
      assert.equal(r.status, 503, `only 503 while recovering: ${r.text}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    assert.ok(answered, 'the API answered again once PostgreSQL was back');
    assert.equal((await fetch(`${base()}/health/ready`)).status, 200);
    // Live connections are accepted again.
    const again = await openLive();
    again.socket.close();
  });

  it('a transaction whose connection is cut between two statements is unavailable, not an internal error', async () => {
    const ds = await new DataSource({ type: 'postgres', url: pg.url }).initialize();
    try {
      // The second statement through the transaction's manager, then through its runner.
      for (const [via, reported] of [
        ['manager', /Database connection provided by a query runner was already released/],
        ['runner', /Query runner already released/],
      ] as const) {
        const failure = await ds
          .transaction(async (m) => {
            const [{ pid }] = await m.query('SELECT pg_backend_pid() AS pid');
            await ds.query('SELECT pg_terminate_backend($1)', [pid]);
            const runner = m.queryRunner!;
            for (let i = 0; i < 100 && !runner.isReleased; i++) await new Promise((r) => setTimeout(r, 20));
            assert.ok(runner.isReleased, 'TypeORM released the runner when its connection failed');
            await (via === 'manager' ? m.query('SELECT 1') : runner.query('SELECT 1'));
          })
          .then(
            () => null,
            (e: unknown) => e,
          );
        assert.ok(failure, `the second statement through the ${via} failed`);
        assert.match(String(failure), reported);
        assert.ok(isDatabaseUnavailable(failure), String(failure));
        const masked = maskError({ message: String(failure) }, failure, 'req-1');
        assert.equal(masked.extensions?.code, 'DATABASE_UNAVAILABLE');
      }
    } finally {
      await ds.destroy();
    }
  });
});
