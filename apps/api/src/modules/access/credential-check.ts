import type { DataSource } from 'typeorm';
import { ApiKeyScope, permissionsOfScopes } from '@fulfilment/domain';
import type { Principal } from '../../common/actor';
import type { AccessRevokedMessage } from './access.events';

/**
 * The principals, of those given, that the database would no longer accept as they are: their
 * session or key was revoked, expired or deleted, their user deactivated, or what they may do (role,
 * scopes) or who they are (e-mail) changed. One statement for all of them, however many.
 * Principals without a session or key (the GUARDS=off benchmark principal) are never withdrawn.
 */
export async function withdrawnPrincipals<P extends Principal>(ds: DataSource, principals: readonly P[]): Promise<P[]> {
  const sessions = new Set<string>();
  const keys = new Set<string>();
  for (const p of principals) {
    if (p.kind === 'USER' && p.sessionId) sessions.add(p.sessionId);
    else if (p.kind === 'API_KEY') keys.add(p.id);
  }
  if (sessions.size === 0 && keys.size === 0) return [];
  const rows: {
    id: string;
    user_id: string | null;
    email: string | null;
    role: string | null;
    scopes: string[] | null;
  }[] = await ds.query(
    `SELECT s.id::text AS id, u.id::text AS user_id, u.email, u.role, NULL::text[] AS scopes
         FROM staff_session s JOIN staff_user u ON u.id = s.user_id
        WHERE s.id = ANY($1::uuid[]) AND s.revoked_at IS NULL AND s.expires_at > now() AND u.active
       UNION ALL
       SELECT k.id::text, NULL, NULL, NULL, k.scopes
         FROM api_key k
        WHERE k.id = ANY($2::uuid[]) AND k.revoked_at IS NULL AND (k.expires_at IS NULL OR k.expires_at > now())`,
    [[...sessions], [...keys]],
  );
  const current = new Map(rows.map((r) => [r.id, r]));
  return principals.filter((p) => {
    if (p.kind === 'USER') {
      if (!p.sessionId) return false;
      const row = current.get(p.sessionId);
      return !row || row.user_id !== p.id || row.role !== p.role || row.email !== p.name;
    }
    const row = current.get(p.id);
    if (!row) return true;
    const now = permissionsOfScopes((row.scopes ?? []) as ApiKeyScope[]);
    return now.size !== p.permissions.size || [...now].some((x) => !p.permissions.has(x));
  });
}

/** Whether a revocation or change (from NOTIFY, or this process) concerns the principal. */
export function concerns(message: AccessRevokedMessage, p: Principal): boolean {
  return (
    !!message.everyone ||
    (!!message.sessionId && message.sessionId === p.sessionId) ||
    (!!message.apiKeyId && p.kind === 'API_KEY' && message.apiKeyId === p.id) ||
    (!!message.userId && p.kind === 'USER' && message.userId === p.id)
  );
}
