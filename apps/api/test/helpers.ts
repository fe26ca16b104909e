import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { createClient, Client as WsClient } from 'graphql-ws';
import { Client } from 'pg';
import type { Services } from '../src/app/services';
import { DataSource, Logger } from 'typeorm';
import WebSocket from 'ws';
import type { Role } from '@fulfilment/domain';
import { loadConfig } from '../src/config';
import { createDataSource } from '../src/db/data-source';
import { DEMO_USERS } from '../src/modules/access/auth.service';
import { createServer, RunningServer } from '../src/http/server';

export interface GqlResponse<T = any> {
  status: number;
  body: { data?: T; errors?: { message: string; extensions?: Record<string, unknown> }[] };
  text: string;
  headers: Headers;
}

/** Counts SQL statements, to prove a request costs a fixed number of queries. */
export class CountingLogger implements Logger {
  count = 0;
  logQuery(query: string) {
    // The rate-limit counters are written every 250 ms for all requests together (SharedBudget), not by a request.
    if (!query.includes('INSERT INTO rate_limit')) this.count++;
  }
  logQueryError() {}
  logQuerySlow() {}
  logSchemaBuild() {}
  logMigration() {}
  log() {}
}

/** A fresh, migrated database of its own for one test file. */
export async function createTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const admin = process.env.TEST_DATABASE_URL;
  if (!admin) throw new Error('TEST_DATABASE_URL is not set: run integration tests with `npm run test:int`');
  const name = `test_${randomBytes(6).toString('hex')}`;
  const c = new Client({ connectionString: admin });
  await c.connect();
  await c.query(`CREATE DATABASE ${name}`);
  await c.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const d = new Client({ connectionString: admin });
      await d.connect();
      await d.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await d.end();
    },
  };
}

export interface TestApi {
  url: string;
  wsUrl: string;
  ds: DataSource;
  databaseUrl: string;
  queries: CountingLogger;
  /** The server's services, for specs that drive a module's API the way another module would. */
  services: Services;
  /** Token of the demo admin; every request uses it unless it passes its own Authorization header. */
  token: string;
  loginAs(role: Role): Promise<string>;
  gql<T = any>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GqlResponse<T>>;
  /** Like gql, but fails the test on any GraphQL error; returns data. */
  data<T = any>(query: string, variables?: Record<string, unknown>): Promise<T>;
  /** A graphql-ws client signed in with the admin token, or with the given Authorization value (null: none). */
  ws(authorization?: string | null): WsClient;
  stop(): Promise<void>;
}

/**
 * Settings for tests: rate limits high enough for concurrency tests unless a test sets its own; no
 * background jobs run (they are still queued) unless a test passes JOBS=on.
 */
export function testConfig(env: Record<string, string> = {}) {
  return loadConfig({
    SEED: 'none',
    RATE_LIMIT_PER_MINUTE: '1000000',
    ANONYMOUS_RATE_LIMIT_PER_MINUTE: '1000000',
    JOBS: 'off',
    ...env,
  });
}

export async function startTestApi(
  opts: { env?: Record<string, string>; databaseUrl?: string } = {},
): Promise<TestApi> {
  const db = opts.databaseUrl ? null : await createTestDatabase();
  const databaseUrl = opts.databaseUrl ?? db!.url;
  const queries = new CountingLogger();
  const config = testConfig(opts.env);
  const ds = createDataSource(databaseUrl, 30, config);
  ds.setOptions({ logger: queries, logging: ['query'] });
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  const server: RunningServer = await createServer({ ds, databaseUrl, config });
  await server.services.auth.ensureUsers({ demo: true });
  const port = await server.listen(0);
  await server.ready;
  const url = `http://127.0.0.1:${port}/graphql`;
  const wsUrl = `ws://127.0.0.1:${port}/graphql`;
  const clients: WsClient[] = [];

  const loginAs = async (role: Role): Promise<string> => {
    const email = DEMO_USERS.find((u) => u.role === role)!.email;
    const r = await postRaw(
      url,
      JSON.stringify({
        query: `mutation($e: String!) { login(input: { email: $e, password: "demo" }) { token userErrors { code } } }`,
        variables: { e: email },
      }),
    );
    const token = r.body.data?.login?.token;
    if (!token) throw new Error(`login as ${role} failed: ${r.text}`);
    return token;
  };
  const token = await loginAs('ADMIN');
  const gql = async <T>(
    query: string,
    variables?: Record<string, unknown>,
    headers: Record<string, string> = {},
  ): Promise<GqlResponse<T>> =>
    postRaw<T>(url, JSON.stringify({ query, variables }), { authorization: `Bearer ${token}`, ...headers });

  return {
    url,
    wsUrl,
    ds,
    services: server.services,
    databaseUrl,
    queries,
    token,
    loginAs,
    gql,
    async data<T>(query: string, variables?: Record<string, unknown>) {
      const r = await gql<T>(query, variables);
      if (r.status !== 200 || r.body.errors) throw new Error(`GraphQL failed (${r.status}): ${r.text}`);
      return r.body.data as T;
    },
    ws(authorization: string | null = `Bearer ${token}`) {
      const client = createClient({
        url: wsUrl,
        webSocketImpl: WebSocket,
        retryAttempts: 0,
        lazy: false,
        connectionParams: authorization ? { authorization } : {},
      });
      clients.push(client);
      return client;
    },
    async stop() {
      await Promise.all(clients.map((c) => c.dispose()));
      await server.stop();
      await ds.destroy();
      await db?.drop();
    },
  };
}

export async function postRaw<T = any>(
  url: string,
  body: string,
  headers: Record<string, string> = {},
): Promise<GqlResponse<T>> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const text = await res.text();
  let parsed: GqlResponse<T>['body'] = {};
  try {
    parsed = JSON.parse(text);
  } catch {
    /* not JSON: the test asserting on it will say so */
  }
  return { status: res.status, body: parsed, text, headers: res.headers };
}

/** Collects what a subscription delivers until `count` items arrived or the timeout passed. */
export function subscribe<T = any>(client: WsClient, query: string, variables: Record<string, unknown> = {}) {
  const items: T[] = [];
  const errors: unknown[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  const dispose = client.subscribe<T>(
    { query, variables },
    {
      next: (v) => {
        if (v.errors) errors.push(v.errors);
        if (v.data) items.push(v.data as T);
        for (const w of waiters.filter((w) => items.length >= w.count)) w.resolve();
      },
      error: (e) => errors.push(e),
      complete: () => undefined,
    },
  );
  return {
    items,
    errors,
    dispose,
    waitFor(count: number, timeoutMs = 5000): Promise<T[]> {
      if (items.length >= count) return Promise.resolve(items);
      return new Promise((resolve, reject) => {
        const t = setTimeout(
          () =>
            reject(
              new Error(
                `expected ${count} subscription items, got ${items.length}: ${JSON.stringify(items)} ${JSON.stringify(errors)}`,
              ),
            ),
          timeoutMs,
        );
        waiters.push({ count, resolve: () => (clearTimeout(t), resolve(items)) });
      });
    },
  };
}

/** Waits until the subscription is registered on the server (graphql-ws acknowledges lazily). */
export const settle = (ms = 150) => new Promise((r) => setTimeout(r, ms));
