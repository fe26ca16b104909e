import { createHash } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';

/** Names of the statements seen so far; bounded, since a caller could send ever new texts. */
const names = new Map<string, string>();
export const MAX_NAMES = 10_000;

/**
 * The one prepared-statement name per statement text: PostgreSQL parses and plans a named statement
 * once per connection and reuses its plan, which on short hot statements costs more than executing
 * them. Derived from the text, so every process and connection agrees on it.
 */
export function statementName(sql: string): string {
  let name = names.get(sql);
  if (!name) {
    name = `p_${createHash('sha1').update(sql).digest('hex').slice(0, 24)}`;
    if (names.size < MAX_NAMES) names.set(sql, name);
  }
  return name;
}

/** How many statement names are kept (at most MAX_NAMES). */
export function cachedStatementNames(): number {
  return names.size;
}

/**
 * Runs a statement as a named prepared statement on the transaction's connection. For fixed
 * statement texts only (the hot write paths).
 */
export async function queryPrepared<T = Record<string, unknown>>(
  m: EntityManager,
  text: string,
  values: unknown[],
): Promise<T[]> {
  const runner = m.queryRunner;
  if (!runner) return m.query(text, values);
  const client = (await runner.connect()) as {
    query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: T[] }>;
  };
  return (await client.query({ name: statementName(text), text, values })).rows;
}

/**
 * queryPrepared outside a transaction: a named statement on a connection of the data source's pool
 * (node-postgres prepares it once per connection). For work that runs one statement per step at a
 * high rate (the outbox dispatcher).
 */
export async function queryPreparedOnPool<T = Record<string, unknown>>(
  ds: DataSource,
  text: string,
  values: unknown[],
): Promise<T[]> {
  const pool = (
    ds.driver as unknown as {
      master: { query(c: { name: string; text: string; values: unknown[] }): Promise<{ rows: T[] }> };
    }
  ).master;
  return (await pool.query({ name: statementName(text), text, values })).rows;
}
