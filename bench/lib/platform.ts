import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres } from '@fulfilment/api/embedded';

export const REPO_ROOT = path.resolve(__dirname, '../../..');
/** The built API; BENCH_API_MAIN may point at another build (e.g. of an earlier commit, for a before/after figure). */
const MAIN = process.env.BENCH_API_MAIN || path.join(REPO_ROOT, 'apps/api/dist/src/main.js');
export const ADMIN = { email: 'bench-admin@bench.local', password: 'bench-admin-password' };

export interface Database {
  adminUrl: string;
  /** A new, empty database on the cluster; the API migrates it when it starts. */
  create(name?: string): Promise<string>;
  stop(): Promise<void>;
}

/** One embedded PostgreSQL cluster for the whole bench run, with pg_stat_statements loaded. */
export async function startDatabase(
  dataDir = path.join(REPO_ROOT, process.env.BENCH_DATA_DIR || '.data/bench'),
): Promise<Database> {
  const pg = await startEmbeddedPostgres(dataDir, 'postgres', [
    '-c',
    'shared_preload_libraries=pg_stat_statements',
    '-c',
    'pg_stat_statements.track=all',
    '-c',
    'pg_stat_statements.track_planning=on',
    '-c',
    'max_connections=400',
  ]);
  await withClient(pg.url, async (c) => {
    const { rows } = await c.query(`SELECT datname FROM pg_database WHERE datname LIKE 'bench\\_%'`);
    for (const r of rows) await c.query(`DROP DATABASE IF EXISTS "${r.datname}" WITH (FORCE)`);
  });
  return {
    adminUrl: pg.url,
    async create(name = `bench_${randomBytes(4).toString('hex')}`) {
      await withClient(pg.url, (c) => c.query(`CREATE DATABASE ${name}`));
      const url = new URL(pg.url);
      url.pathname = `/${name}`;
      return url.toString();
    },
    stop: () => pg.stop(),
  };
}

export async function withClient<T>(url: string, work: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    return await work(c);
  } finally {
    await c.end();
  }
}

export interface Api {
  url: string;
  wsUrl: string;
  port: number;
  process: ChildProcess;
  /** Milliseconds from spawn until /health answered. */
  startMs: number;
  /** Resident set size of the API process in MiB, read from /proc. */
  rssMiB(): Promise<number>;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/**
 * Starts the built API as users run it: its own process, production mode, real PostgreSQL. Rate limits
 * are raised (unless `env` sets them) because a benchmark's few clients stand for many real users.
 * `nodeArgs` go before the script, e.g. ['--cpu-prof', '--cpu-prof-dir=.data/prof'] to profile a run.
 */
export async function startApi(
  databaseUrl: string,
  env: Record<string, string> = {},
  nodeArgs: string[] = [],
): Promise<Api> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [...nodeArgs, MAIN], {
    cwd: REPO_ROOT,
    stdio: ['ignore', process.env.BENCH_API_LOG ? 'inherit' : 'ignore', 'pipe'],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      // One API process unless a benchmark (or BENCH_WORKERS) asks for more: the figures are per process, and
      // on this 2-core machine a second process competes with PostgreSQL (bench 1: 0.31 with two against 0.36 with one).
      WORKERS: process.env.BENCH_WORKERS ?? '1',
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      SEED: 'none',
      LOG_LEVEL: 'warn',
      LOG_JSON: '1',
      AUTH_SECRET: 'bench-secret-bench-secret-bench-secret',
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      RATE_LIMIT_PER_MINUTE: '100000000',
      ANONYMOUS_RATE_LIMIT_PER_MINUTE: '100000000',
      // Bench 7 opens 10,000 graphql-ws connections of four staff sessions from one address.
      LIVE_CONNECTIONS_PER_CALLER: '100000000',
      LIVE_CONNECTIONS_PER_ADDRESS: '100000000',
      ...env,
    },
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => {
    if (process.env.BENCH_API_LOG) process.stderr.write(d);
    stderr = (stderr + d.toString()).slice(-4000);
  });
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`API exited (${code}): ${stderr}`))),
  );
  exited.catch(() => undefined);
  await Promise.race([waitForHealth(port, 120_000), exited]);
  const startMs = performance.now() - started;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    wsUrl: `ws://127.0.0.1:${port}/graphql`,
    port,
    process: child,
    startMs,
    async rssMiB() {
      const status = await import('node:fs/promises').then((fs) => fs.readFile(`/proc/${child.pid}/status`, 'utf8'));
      return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
    },
    async stop() {
      if (child.exitCode !== null) return;
      const gone = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([gone, sleep(10_000).then(() => child.kill('SIGKILL'))]);
    },
  };
}

export async function waitForHealth(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const r = await fetch(`http://127.0.0.1:${port}/health`);
      if (r.ok) return;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) throw new Error(`API on port ${port} not healthy after ${timeoutMs} ms`);
    await sleep(20);
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface GqlResult<T = any> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/**
 * One GraphQL request over a keep-alive connection. Plain node:http rather than fetch: the load
 * generator shares the cores with the API and PostgreSQL, and fetch costs it several times more CPU.
 */
export function gql<T = any>(
  url: string,
  auth: string | null,
  query: string,
  variables?: Record<string, unknown>,
): Promise<GqlResult<T>> {
  const body = JSON.stringify({ query, variables });
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: 'POST',
        agent: keepAlive,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          ...(auth ? { authorization: auth } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          try {
            resolve({ status: res.statusCode!, ...JSON.parse(text) });
          } catch {
            resolve({ status: res.statusCode!, errors: [{ message: text.slice(0, 200) }] });
          }
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const keepAlive = new http.Agent({ keepAlive: true, maxSockets: 1000, noDelay: true } as http.AgentOptions);

/** Signs in as the bench admin; returns an Authorization header value. */
export async function adminAuth(api: Api): Promise<string> {
  const r = await gql(
    api.url,
    null,
    `mutation($e: String!, $p: String!) { login(input: { email: $e, password: $p }) { token userErrors { code message } } }`,
    {
      e: ADMIN.email,
      p: ADMIN.password,
    },
  );
  if (!r.data?.login?.token) throw new Error(`bench admin login failed: ${JSON.stringify(r)}`);
  return `Bearer ${r.data.login.token}`;
}

/** Creates an API key as an integrator would have one; returns an Authorization header value. */
export async function apiKeyAuth(api: Api, admin: string, scopes: string[]): Promise<string> {
  const r = await gql(
    api.url,
    admin,
    `mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { secret userErrors { code message } } }`,
    {
      i: { name: `bench ${randomBytes(3).toString('hex')}`, scopes },
    },
  );
  if (!r.data?.createApiKey?.secret) throw new Error(`createApiKey failed: ${JSON.stringify(r)}`);
  return `Bearer ${r.data.createApiKey.secret}`;
}
