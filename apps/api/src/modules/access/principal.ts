import { PERMISSIONS, type Permission, type Role } from '@fulfilment/domain';

/** Who is calling: a signed-in staff user or an integrator's API key. */
export interface Principal {
  kind: 'USER' | 'API_KEY';
  /** Staff user id or API key id. */
  id: string;
  /** E-mail of the user, or name of the key. */
  name: string;
  role: Role | null;
  permissions: ReadonlySet<Permission>;
  sessionId: string | null;
  expiresAt: Date | null;
}

/** Who acts in a request, as recorded on events, stock movements and the audit log. */
export interface Actor {
  principal: Principal | null;
  requestId: string;
  clientIp: string | null;
}

export function actorLabel(actor: Actor): string {
  const p = actor.principal;
  if (!p) return 'system';
  return p.kind === 'USER' ? p.name : `key:${p.name}`;
}

export function can(principal: Principal | null, permission: Permission): boolean {
  return !!principal && principal.permissions.has(permission);
}

/**
 * Who every request acts as when the server runs with GUARDS=off (benchmarks only): an administrator
 * with every permission that no credential stands for. Audit rows name it "benchmark (GUARDS=off)".
 */
export const BENCHMARK_PRINCIPAL: Principal = Object.freeze({
  kind: 'USER',
  id: '00000000-0000-0000-0000-000000000000',
  name: 'benchmark (GUARDS=off)',
  role: 'ADMIN',
  permissions: new Set<Permission>(PERMISSIONS),
  sessionId: null,
  expiresAt: null,
});
