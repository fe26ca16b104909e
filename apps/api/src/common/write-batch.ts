import { EntityManager } from 'typeorm';
import { queryPrepared } from './prepared';

/** Part texts with their parameters renumbered, by text and offset; bounded like prepared.ts's names. */
const renumbered = new Map<string, string[]>();
const MAX_TEXTS = 10_000;

function renumber(sql: string, offset: number): string {
  let byOffset = renumbered.get(sql);
  if (!byOffset && renumbered.size < MAX_TEXTS) renumbered.set(sql, (byOffset = []));
  let text = byOffset?.[offset];
  if (text === undefined) {
    text = sql.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + offset}`);
    if (byOffset) byOffset[offset] = text;
  }
  return text;
}

/**
 * Several writes sent as one statement of data-modifying CTEs: one round trip instead of one per write.
 * It matters where rows are locked, because every round trip while hot stock rows are locked makes
 * the other buyers of those SKUs wait longer. All parts see the same snapshot and commit together.
 */
export class WriteBatch {
  private readonly parts: string[] = [];
  private readonly params: unknown[] = [];
  private readonly notifications: string[] = [];
  private readonly names = new Set<string>();

  /**
   * Adds `name AS (sql)`; `sql` numbers its own parameters from $1. A plain SELECT part runs only when
   * something reads it: pass `mustRun` for one with side effects (pg_notify).
   */
  add(name: string, sql: string, values: unknown[], mustRun = false): void {
    if (this.names.has(name)) throw new Error(`WriteBatch already has a part named ${name}`);
    this.names.add(name);
    const offset = this.params.length;
    this.parts.push(`${name} AS (${renumber(sql, offset)})`);
    this.params.push(...values);
    if (mustRun) this.notifications.push(name);
  }

  /** Runs every part; `select` reads what the caller needs back from the parts (at least one row). */
  async run(m: EntityManager, select: string): Promise<Record<string, unknown>[]> {
    const counted = this.notifications.map((n, i) => `, (SELECT count(*) FROM ${n}) AS notified_${i}`).join('');
    return queryPrepared(m, `WITH ${this.parts.join(',\n')} SELECT r.*${counted} FROM (${select}) AS r`, this.params);
  }
}
