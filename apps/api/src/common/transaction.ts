import { DataSource, EntityManager } from 'typeorm';
import { logger } from './logger';

const RETRYABLE = new Set(['40001', '40P01']); // serialization failure, deadlock detected

export function pgErrorCode(e: unknown): string | undefined {
  const err = e as { code?: string; driverError?: { code?: string } };
  return err?.driverError?.code ?? err?.code;
}

/** A deadlock or a serialization failure (a hot standby's cancellation for a conflict with recovery too). */
export function isRetryable(e: unknown): boolean {
  return RETRYABLE.has(pgErrorCode(e) ?? '');
}

/**
 * Runs work in one READ COMMITTED transaction (every connection defaults to it, see data-source.ts,
 * so starting one costs a single statement), retrying it when PostgreSQL aborts it for a deadlock
 * or serialization failure, so those never reach a client. Everything the work writes, events and
 * notifications included, commits together or not at all.
 */
export async function inTransaction<T>(
  ds: DataSource,
  work: (m: EntityManager) => Promise<T>,
  attempts = 8,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await ds.transaction(work);
    } catch (e) {
      if (!isRetryable(e) || attempt >= attempts) throw e;
      logger.debug({ code: pgErrorCode(e), attempt }, 'transaction retried');
      await new Promise((r) => setTimeout(r, Math.random() * 10 * attempt));
    }
  }
}
