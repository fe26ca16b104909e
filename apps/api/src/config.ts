import os from 'node:os';
import path from 'node:path';
import { parse as parseDatabaseUrl } from 'pg-connection-string';
import { parseAddress, parseTrustProxy, TrustProxy } from './common/client-address';

/** The repository root, found from this file so start-up works from any working directory. */
export const REPO_ROOT = path.resolve(__dirname, '../../../..');

function intFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return n;
}

export interface Config {
  port: number;
  databaseUrl: string | undefined;
  /** DATABASE_READ_URL: a streaming replica of DATABASE_URL for heavy reads (db/read-routing.ts); unset: the primary serves all. */
  databaseReadUrl: string | undefined;
  dataDir: string;
  production: boolean;
  /**
   * "demo" seeds demo data into an empty database and creates the demo accounts; "none" seeds nothing
   * (and in production disables demo accounts left by an earlier start). Default: demo, none in production.
   */
  seed: 'demo' | 'none';
  maxBodyBytes: number;
  dbPoolSize: number;
  /** Signing secret for staff tokens; generated once and kept in the database when not set. */
  authSecret: string | undefined;
  tokenTtlMinutes: number;
  sessionHours: number;
  introspection: boolean;
  /** Requests per minute per user or API key (per client address before sign-in). */
  rateLimitPerMinute: number;
  anonymousRateLimitPerMinute: number;
  /** A real deployment creates its first admin from these. */
  adminEmail: string | undefined;
  adminPassword: string | undefined;
  /**
   * GUARDS=off, for benchmarks only: no authentication (every request acts as the built-in
   * all-permissions BENCHMARK_PRINCIPAL), no rate limits, token cap, graphql-armor or cost limit, and
   * the server listens on 127.0.0.1 only.
   */
  guards: boolean;
  /** How often each process re-reads the credential of every open graphql-ws connection (a backstop for missed notifications). */
  credentialRecheckSeconds: number;
  /**
   * TRUST_PROXY: which proxies in front of the API are believed about the client's address
   * (X-Forwarded-For): a hop count or a list of addresses and CIDR ranges. Off by default.
   */
  trustProxy: TrustProxy;
  /** Longest a statement of the API may run (ms; lock waits included); 0: no limit. */
  statementTimeoutMs: number;
  /**
   * The map tile server the dashboard was built with (VITE_TILE_URL): its origin is allowed for images by the
   * dashboard's Content-Security-Policy. Unset: the bundled offline basemap only.
   */
  tileUrl: string | undefined;
  /** Days courier positions are kept (COURIER_POSITION_RETENTION_DAYS); each delivery keeps its own trail. */
  positionRetentionDays: number;
  /** Longest a transaction may sit idle before PostgreSQL ends its session (ms); 0: no limit. */
  idleInTransactionTimeoutMs: number;
  /** Open graphql-ws connections one user or API key may have at once. */
  liveConnectionsPerCaller: number;
  /** Open graphql-ws connections one client address (an IPv6 /64) may have at once. */
  liveConnectionsPerAddress: number;
  /** JOBS=off: this process runs no background jobs or crons (another process does); it still queues them. */
  jobs: boolean;
  /** OUTBOX=off: this process sends no customer notifications or webhooks (default: as JOBS). */
  outbox: boolean;
  /** Where customers reach the dashboard's public pages (tracking links in messages); PUBLIC_URL, default http://localhost:PORT. */
  publicUrl: string;
  /** SMTP_URL, e.g. smtps://user:pass@smtp.example.com:465: customer e-mails go there. Unset: e-mails are logged, not sent. */
  smtpUrl: string | undefined;
  /** MAIL_FROM: the sender of customer e-mails. */
  mailFrom: string;
  /**
   * WEBHOOK_ALLOW_ADDRESSES: private or loopback addresses (IPs or CIDRs, comma-separated) webhook
   * endpoints may still use, e.g. 127.0.0.1 for tests or 10.1.0.0/16 for an internal receiver. Default:
   * none in production; loopback when the demo is seeded (its demo receiver runs in the API).
   */
  webhookAllowAddresses: string[];
  /** How long one webhook request may take (ms), WEBHOOK_TIMEOUT_MS, default 15 s. */
  webhookTimeoutMs: number;
  /** Days delivered webhook events and their attempts are kept (WEBHOOK_RETENTION_DAYS, default 14). */
  webhookRetentionDays: number;
  /** OUTBOX_RETRY_SCALE: multiplies every retry delay of notifications and webhooks (tests make them short). Default 1. */
  outboxRetryScale: number;
  /**
   * WORKERS: API processes this start runs behind one port (node:cluster). Default in production: one
   * per core, less one when PostgreSQL runs on this machine too (defaultWorkers); 1 otherwise. More
   * machines run more of them against the same DATABASE_URL.
   */
  workers: number;
  /** METRICS_TOKEN: when set, /metrics also answers requests with `Authorization: Bearer <token>` (private addresses need none). */
  metricsToken: string | undefined;
}

/**
 * One API process per core, less one when PostgreSQL runs on this machine too (embedded, or reached on
 * a loopback address or socket): on two cores bench 1 placed 147 orders/s with two processes and 169/s
 * with one, the second process contending with PostgreSQL instead of adding capacity.
 */
export function defaultWorkers(databaseUrl: string | undefined, cores = os.availableParallelism()): number {
  return databaseOnThisMachine(databaseUrl) ? Math.max(1, cores - 1) : cores;
}

function databaseOnThisMachine(databaseUrl: string | undefined): boolean {
  if (!databaseUrl) return true;
  // Read as node-postgres reads it (a socket directory as ?host= or percent-encoded, IPv6 in brackets).
  const host = parseDatabaseUrl(databaseUrl).host ?? '';
  return host === '' || host.startsWith('/') || host === 'localhost' || parseAddress(host)?.range() === 'loopback';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const production = env.NODE_ENV === 'production';
  // Demo accounts have the password "demo": production seeds them only when SEED=demo says so.
  const seed = env.SEED || (production ? 'none' : 'demo');
  if (seed !== 'demo' && seed !== 'none') throw new Error(`SEED must be "demo" or "none", got "${seed}"`);
  if (production) assertProductionSecrets(env);
  const guards = env.GUARDS || 'on';
  if (guards !== 'on' && guards !== 'off') throw new Error(`GUARDS must be "on" or "off", got "${guards}"`);
  const jobs = env.JOBS || 'on';
  if (jobs !== 'on' && jobs !== 'off') throw new Error(`JOBS must be "on" or "off", got "${jobs}"`);
  return {
    port: intFromEnv(env, 'PORT', 4000),
    databaseUrl: env.DATABASE_URL || undefined,
    databaseReadUrl: env.DATABASE_READ_URL || undefined,
    dataDir: path.resolve(REPO_ROOT, env.DATA_DIR || '.data'),
    production,
    seed,
    maxBodyBytes: intFromEnv(env, 'MAX_BODY_BYTES', 1024 * 1024),
    dbPoolSize: intFromEnv(env, 'DB_POOL_SIZE', 20),
    authSecret: env.AUTH_SECRET || undefined,
    tokenTtlMinutes: intFromEnv(env, 'TOKEN_TTL_MINUTES', 30),
    sessionHours: intFromEnv(env, 'SESSION_HOURS', 12),
    introspection: env.INTROSPECTION ? env.INTROSPECTION === 'true' : env.NODE_ENV !== 'production',
    rateLimitPerMinute: intFromEnv(env, 'RATE_LIMIT_PER_MINUTE', 1200),
    anonymousRateLimitPerMinute: intFromEnv(env, 'ANONYMOUS_RATE_LIMIT_PER_MINUTE', 120),
    adminEmail: env.ADMIN_EMAIL || undefined,
    adminPassword: env.ADMIN_PASSWORD || undefined,
    guards: guards === 'on',
    credentialRecheckSeconds: intFromEnv(env, 'CREDENTIAL_RECHECK_SECONDS', 60),
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    statementTimeoutMs: intFromEnv(env, 'DB_STATEMENT_TIMEOUT_MS', 15_000),
    positionRetentionDays: intFromEnv(env, 'COURIER_POSITION_RETENTION_DAYS', 7),
    tileUrl: env.VITE_TILE_URL || undefined,
    idleInTransactionTimeoutMs: intFromEnv(env, 'DB_IDLE_IN_TRANSACTION_TIMEOUT_MS', 60_000),
    liveConnectionsPerCaller: intFromEnv(env, 'LIVE_CONNECTIONS_PER_CALLER', 20),
    liveConnectionsPerAddress: intFromEnv(env, 'LIVE_CONNECTIONS_PER_ADDRESS', 100),
    jobs: jobs === 'on',
    outbox: (env.OUTBOX || jobs) === 'on',
    publicUrl: (env.PUBLIC_URL || `http://localhost:${intFromEnv(env, 'PORT', 4000)}`).replace(/\/+$/, ''),
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM || 'Fulfilment Operations <noreply@fulfilment.local>',
    webhookAllowAddresses: (env.WEBHOOK_ALLOW_ADDRESSES ?? (seed === 'demo' && !production ? '127.0.0.1,::1' : ''))
      .split(',')
      .map((a) => a.trim())
      .filter(Boolean),
    webhookTimeoutMs: intFromEnv(env, 'WEBHOOK_TIMEOUT_MS', 15_000),
    webhookRetentionDays: intFromEnv(env, 'WEBHOOK_RETENTION_DAYS', 14),
    outboxRetryScale: positiveNumber(env, 'OUTBOX_RETRY_SCALE', 1),
    metricsToken: env.METRICS_TOKEN || undefined,
    workers: Math.max(1, intFromEnv(env, 'WORKERS', production ? defaultWorkers(env.DATABASE_URL || undefined) : 1)),
  };
}

function positiveNumber(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number, got "${raw}"`);
  return n;
}

/** The shortest AUTH_SECRET (bytes, UTF-8) and ADMIN_PASSWORD (characters) production starts with. */
export const MIN_AUTH_SECRET_BYTES = 32;
export const MIN_ADMIN_PASSWORD_CHARACTERS = 12;

/** HS256 keys are only as strong as the secret (jose accepts any length); a first admin's password likewise. */
function assertProductionSecrets(env: NodeJS.ProcessEnv) {
  const secretBytes = Buffer.byteLength(env.AUTH_SECRET ?? '', 'utf8');
  if (env.AUTH_SECRET && secretBytes < MIN_AUTH_SECRET_BYTES)
    throw new Error(
      `AUTH_SECRET must be at least ${MIN_AUTH_SECRET_BYTES} bytes in production, got ${secretBytes}; ` +
        'generate one with `openssl rand -base64 48`, or leave it unset to have one generated and kept in the database',
    );
  const passwordLength = [...(env.ADMIN_PASSWORD ?? '')].length;
  if (env.ADMIN_PASSWORD && passwordLength < MIN_ADMIN_PASSWORD_CHARACTERS)
    throw new Error(
      `ADMIN_PASSWORD must be at least ${MIN_ADMIN_PASSWORD_CHARACTERS} characters in production, got ${passwordLength}`,
    );
}
