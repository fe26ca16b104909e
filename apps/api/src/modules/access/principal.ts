import { PERMISSIONS, type Permission } from '@fulfilment/domain';
import type { Principal } from '../../common/actor';

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
