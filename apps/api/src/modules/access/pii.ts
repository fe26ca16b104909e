import { maskAddress, maskContactsInText, maskEmail, maskName, maskPhone } from '@fulfilment/domain';
import type { DataSource } from 'typeorm';
import type { Context } from '../../app/context';
import { logger } from '../../common/logger';
import { audit, AUDIT_COLUMNS, AuditEntry, auditValues } from '../../common/audit';
import { can } from './principal';

/**
 * Personal data is shown as stored to callers with CUSTOMER_PII_READ, or entitled to it for the work
 * at hand (a dispatcher or the courier of the run seeing a delivery address), and noted for the audit
 * log; masked for everyone else.
 */
export function personalData(
  ctx: Context,
  owner: string,
  value: string | null,
  mask: (v: string) => string,
  entitled = false,
): string | null {
  if (value === null) return null;
  if (entitled || can(ctx.actor.principal, 'CUSTOMER_PII_READ')) {
    ctx.piiShown.add(owner);
    return value;
  }
  return mask(value);
}

/**
 * Free text written by customers or staff (notes, reasons): shown as stored to callers with
 * CUSTOMER_PII_READ (noted for the audit log when it holds contact details), with the phone numbers,
 * e-mail addresses and ID numbers in it masked for everyone else.
 */
export function personalText(ctx: Context, owner: string, value: string | null): string | null {
  if (value === null) return null;
  const masked = maskContactsInText(value);
  if (masked === value) return value;
  return personalData(ctx, owner, value, () => masked);
}

/** SQL text a filter may match personal data against; see searchablePersonalData. */
export interface PersonalDataSearch {
  /** The stored values, e.g. `c.name || ' ' || c.phone`. */
  plain: string;
  /** The same values as masked callers are shown them, with the SQL masks (migration 1764200000000). */
  masked: string;
}

/**
 * The one rule for every filter, search and sort that touches personal data: callers without
 * CUSTOMER_PII_READ match only on what they are shown (the masked values), so no answer can tell them
 * more than the masked fields do. Both expressions have a trigram index.
 */
export function searchablePersonalData(ctx: Pick<Context, 'actor'>, text: PersonalDataSearch): string {
  return can(ctx.actor.principal, 'CUSTOMER_PII_READ') ? text.plain : text.masked;
}

/**
 * Who did something (an order event's or stock movement's actor) as shown in the graph: staff by
 * their name (their e-mail is their sign-in name and stays in the audit log), API keys and the system
 * as recorded.
 */
export async function actorShown(ctx: Context, recorded: string): Promise<string> {
  if (recorded.startsWith('key:') || !recorded.includes('@')) return recorded;
  return (await ctx.loaders.staffName.load(recorded.toLowerCase())) ?? 'staff';
}

export const masks = {
  name: maskName,
  phone: maskPhone,
  email: maskEmail,
  address: (city: string) => (a: string) => maskAddress(a, city),
};

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
 * The same audit rows for live results, written together: one row per delivered result, and the
 * rows of many results share one INSERT (group commit: rows queued in the same turn, or while the
 * previous INSERT runs, go into the next one; one INSERT in flight at a time). A result is sent once
 * its row is written, so a broadcast to many subscribers costs a few statements instead of one per
 * subscriber, and never crowds out the database pool.
 */
export class PersonalDataAuditQueue {
  private rows: unknown[][] = [];
  /** Settles when the rows queued so far are written. */
  private next: { promise: Promise<void>; resolve: () => void } | null = null;
  private scheduled = false;
  private writing: Promise<void> | null = null;

  constructor(
    private readonly ds: () => DataSource,
    private readonly maxRowsPerStatement = 1000,
  ) {}

  /** Queues the row for what `ctx` showed since the last call; resolves when it is written (null when there is none). */
  add(ctx: Context): Promise<void> | null {
    const entry = takePersonalDataShown(ctx);
    if (!entry) return null;
    this.rows.push(auditValues(ctx.actor, entry));
    if (!this.next) {
      let resolve!: () => void;
      const promise = new Promise<void>((r) => (resolve = r));
      this.next = { promise, resolve };
    }
    if (!this.writing && !this.scheduled) {
      this.scheduled = true;
      setImmediate(() => void this.write());
    }
    return this.next.promise;
  }

  /** Resolves when every row queued so far is written (or failed and was logged). */
  async flush(): Promise<void> {
    while (this.writing || this.rows.length) await (this.writing ?? this.write());
  }

  private write(): Promise<void> {
    this.scheduled = false;
    if (this.writing || this.rows.length === 0) return this.writing ?? Promise.resolve();
    const batch = this.rows;
    const done = this.next!;
    this.rows = [];
    this.next = null;
    this.writing = (async () => {
      await this.insert(batch);
      done.resolve();
      this.writing = null;
      if (this.rows.length) void this.write();
    })();
    return this.writing;
  }

  private async insert(batch: unknown[][]): Promise<void> {
    const width = batch[0].length;
    for (let at = 0; at < batch.length; at += this.maxRowsPerStatement) {
      const chunk = batch.slice(at, at + this.maxRowsPerStatement);
      const tuples = chunk.map(
        (_, r) => `(${Array.from({ length: width }, (_, c) => `$${r * width + c + 1}`).join(', ')})`,
      );
      try {
        await this.ds().query(`INSERT INTO audit_log (${AUDIT_COLUMNS}) VALUES ${tuples.join(', ')}`, chunk.flat());
      } catch (e) {
        logger.warn({ err: e, rows: chunk.length }, 'personal-data audit rows not written');
      }
    }
  }
}
