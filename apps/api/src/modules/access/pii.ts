import { maskAddress, maskEmail, maskName, maskPhone } from '@fulfilment/domain';
import type { Context } from '../../common/context';
import { audit } from '../audit/audit';
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

/** Writes one audit row naming whose personal data a response showed unmasked. */
export async function auditPersonalDataShown(ctx: Context): Promise<void> {
  if (ctx.piiShown.size === 0) return;
  const targets = [...ctx.piiShown];
  ctx.piiShown.clear();
  await audit(ctx.services.ds, ctx.actor, {
    action: 'CUSTOMER_PII_READ',
    targetType: 'Customer',
    targetId: targets.length === 1 ? targets[0] : null,
    outcome: 'SUCCESS',
    details: { count: targets.length, targets: targets.slice(0, 500) },
  });
}
