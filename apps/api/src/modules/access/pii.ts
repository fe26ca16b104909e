import { maskAddress, maskEmail, maskName, maskPhone } from '@fulfilment/domain';
import type { DataSource } from 'typeorm';
import type { Context } from '../../common/context';
import { logger } from '../../common/logger';
import { audit, AUDIT_COLUMNS, AuditEntry, auditValues } from '../audit/audit';
import { can } from './principal';

/**
 * Personal data is shown as stored to callers with CUSTOMER_PII_READ (and noted for the audit log),
 * masked for everyone else.
 */
export function personalData(ctx: Context, owner: string, value: string | null, mask: (v: string) => string): string | null {
  if (value === null) return null;
  if (can(ctx.actor.principal, 'CUSTOMER_PII_READ')) {
    ctx.piiShown.add(owner);
    return value;
  }
  return mask(value);
}

export const masks = { name: maskName, phone: maskPhone, email: maskEmail, address: (city: string) => (a: string) => maskAddress(a, city) };

/** The audit entry for the personal data a response showed unmasked (and forgets it), or null. */
function takePersonalDataShown(ctx: Context): AuditEntry | null {
  if (ctx.piiShown.size === 0) return null;
  const targets = [...ctx.piiShown];
  ctx.piiShown.clear();
  return {
    action: 'CUSTOMER_PII_READ',
    targetType: 'Customer',
    targetId: targets.length === 1 ? targets[0] : null,
    outcome: 'SUCCESS',
    details: { count: targets.length, targets: targets.slice(0, 500) },
  };
}

/** Writes one audit row naming whose personal data a response showed unmasked. */
export async function auditPersonalDataShown(ctx: Context): Promise<void> {
  const entry = takePersonalDataShown(ctx);
  if (entry) await audit(ctx.services.ds, ctx.actor, entry);
}

/**
 * The same audit rows for live results, written in batches: one row per delivered result as before,
 * but many results share one INSERT (at most one in flight, every `delayMs` or `maxRows` rows), so a
 * broadcast to many subscribers neither waits for nor crowds out the database pool.
 */
export class PersonalDataAuditQueue {
  private rows: unknown[][] = [];
  private timer: NodeJS.Timeout | null = null;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly ds: () => DataSource,
    private readonly delayMs = 50,
    private readonly maxRows = 1000,
  ) {}

  /** Queues the row for what `ctx` showed since the last call; returns at once. */
  add(ctx: Context): void {
    const entry = takePersonalDataShown(ctx);
    if (!entry) return;
    this.rows.push(auditValues(ctx.actor, entry));
    if (this.rows.length >= this.maxRows) void this.flush();
    else this.timer ??= setTimeout(() => void this.flush(), this.delayMs);
  }

  /** Writes what is queued; resolves when every row queued so far is written (or failed and was logged). */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.rows.length === 0) return this.writing;
    const batch = this.rows;
    this.rows = [];
    this.writing = this.writing.then(() => this.write(batch));
    return this.writing;
  }

  private async write(batch: unknown[][]): Promise<void> {
    const width = batch[0].length;
    for (let at = 0; at < batch.length; at += this.maxRows) {
      const chunk = batch.slice(at, at + this.maxRows);
      const tuples = chunk.map((_, r) => `(${Array.from({ length: width }, (_, c) => `$${r * width + c + 1}`).join(', ')})`);
      try {
        await this.ds().query(`INSERT INTO audit_log (${AUDIT_COLUMNS}) VALUES ${tuples.join(', ')}`, chunk.flat());
      } catch (e) {
        logger.warn({ err: e, rows: chunk.length }, 'personal-data audit rows not written');
      }
    }
  }
}
