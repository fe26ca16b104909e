import type { Permission, Role } from '@fulfilment/domain';

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
