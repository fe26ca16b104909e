import { DataSource, EntityManager } from 'typeorm';
import { Actor, actorLabel } from './actor';

export type AuditOutcome = 'SUCCESS' | 'FAILURE' | 'DENIED';

export interface AuditEntry {
  action: string;
  targetType?: string | null;
  targetId?: string | null;
  outcome: AuditOutcome;
  /** Never secrets or unmasked personal data: ids, codes and counts only. */
  details?: Record<string, unknown> | null;
}

/**
 * Appends one audit row. Inside a transaction (pass its EntityManager) the row commits or rolls back
 * with the change it describes.
 */
export async function audit(db: DataSource | EntityManager, actor: Actor, entry: AuditEntry): Promise<void> {
  await db.query(
    `INSERT INTO audit_log (${AUDIT_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    auditValues(actor, entry),
  );
}

export const AUDIT_COLUMNS =
  'actor_kind, actor_id, actor_name, role, action, target_type, target_id, outcome, request_id, client_ip, details';

/** The values for AUDIT_COLUMNS, for statements that write their audit row themselves. */
export function auditValues(actor: Actor, entry: AuditEntry): unknown[] {
  const p = actor.principal;
  return [
    p?.kind ?? 'ANONYMOUS',
    p?.id ?? null,
    p ? actorLabel(actor) : 'anonymous',
    p?.role ?? null,
    entry.action,
    entry.targetType ?? null,
    entry.targetId ?? null,
    entry.outcome,
    actor.requestId,
    actor.clientIp,
    entry.details ? JSON.stringify(entry.details) : null,
  ];
}
