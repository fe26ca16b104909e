import cluster from 'node:cluster';
import { Express } from 'express';
import { DataSource } from 'typeorm';
import { DATABASE_RETRY_AFTER_SECONDS } from '../common/errors';

/** Longest the readiness probe waits for the database (a pool full of slow requests counts as not ready). */
const PROBE_TIMEOUT_MS = 2000;

/** Why the database cannot serve requests now, or null when it answers. */
async function databaseProblem(ds: DataSource): Promise<string | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve(`database did not answer within ${PROBE_TIMEOUT_MS} ms`), PROBE_TIMEOUT_MS);
  });
  const probe = ds.query('SELECT 1').then(
    () => null,
    () => 'database unreachable',
  );
  try {
    return await Promise.race([probe, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Live: the process answers (restarting it does not help while the database is away). Ready: it can
 * serve requests, so a load balancer should send it traffic; not while the database is away or the
 * process is shutting down. /health is the same as ready.
 */
export function serveHealth(app: Express, ds: DataSource, stopping: () => boolean) {
  // Which of this start's API processes answered (WORKERS > 1; 0 for a single process).
  app.get('/health/live', (_req, res) => void res.json({ status: 'live', worker: cluster.worker?.id ?? 0 }));
  app.get(['/health', '/health/ready'], async (_req, res) => {
    const reason = stopping() ? 'shutting down' : await databaseProblem(ds);
    if (!reason) return void res.json({ status: 'ok' });
    res.setHeader('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS));
    res.status(503).json({ status: 'unavailable', reason });
  });
}
