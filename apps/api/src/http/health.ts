import cluster from 'node:cluster';
import { Express } from 'express';
import { Pool } from 'pg';
import { DATABASE_RETRY_AFTER_SECONDS } from '../common/errors';

/** Longest the readiness probe waits for the database. */
const PROBE_TIMEOUT_MS = 2000;

/**
 * Why the database cannot serve requests now, or null when it answers. The probe has a connection of
 * its own: behind the requests' pool, a surge that keeps every connection busy for a while would make
 * every API process "not ready" at once, and a load balancer would then send nothing anywhere.
 */
async function databaseProblem(probe: Pool): Promise<string | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve(`database did not answer within ${PROBE_TIMEOUT_MS} ms`), PROBE_TIMEOUT_MS);
  });
  const answered = probe.query('SELECT 1').then(
    () => null,
    () => 'database unreachable',
  );
  try {
    return await Promise.race([answered, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Live: the process answers (restarting it does not help while the database is away). Ready: it can
 * serve requests, so a load balancer should send it traffic; not while the database is away or the
 * process is shutting down. /health is the same as ready.
 */
export function serveHealth(app: Express, databaseUrl: string, stopping: () => boolean): { close(): Promise<void> } {
  const probe = new Pool({
    connectionString: databaseUrl,
    max: 1,
    connectionTimeoutMillis: PROBE_TIMEOUT_MS,
    application_name: 'fulfilment-health',
  });
  // A lost idle connection is replaced at the next probe.
  probe.on('error', () => undefined);
  // Which of this start's API processes answered (WORKERS > 1; 0 for a single process).
  app.get('/health/live', (_req, res) => void res.json({ status: 'live', worker: cluster.worker?.id ?? 0 }));
  app.get(['/health', '/health/ready'], async (_req, res) => {
    const reason = stopping() ? 'shutting down' : await databaseProblem(probe);
    if (!reason) return void res.json({ status: 'ok' });
    res.setHeader('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS));
    res.status(503).json({ status: 'unavailable', reason });
  });
  return { close: () => probe.end() };
}
