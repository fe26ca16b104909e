import path from 'node:path';

/** The repository root, found from this file so start-up works from any working directory. */
export const REPO_ROOT = path.resolve(__dirname, '../../../..');

function intFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return n;
}

export interface Config {
  port: number;
  databaseUrl: string | undefined;
  dataDir: string;
  production: boolean;
  /** "demo" seeds demo data into an empty database; "none" seeds nothing. */
  seed: 'demo' | 'none';
  maxBodyBytes: number;
  dbPoolSize: number;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const seed = env.SEED ?? 'demo';
  if (seed !== 'demo' && seed !== 'none') throw new Error(`SEED must be "demo" or "none", got "${seed}"`);
  return {
    port: intFromEnv('PORT', 4000),
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(REPO_ROOT, env.DATA_DIR || '.data'),
    production: env.NODE_ENV === 'production',
    seed,
    maxBodyBytes: intFromEnv('MAX_BODY_BYTES', 1024 * 1024),
    dbPoolSize: intFromEnv('DB_POOL_SIZE', 20),
  };
}
