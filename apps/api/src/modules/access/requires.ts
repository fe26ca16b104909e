import { GraphQLError } from 'graphql';
import { Directive, MiddlewareFn, UseMiddleware } from 'type-graphql';
import type { Permission } from '@fulfilment/domain';
import type { Context } from '../../common/context';
import { audit } from '../../common/audit';

export function unauthenticated(): GraphQLError {
  return new GraphQLError('Sign in first: send "Authorization: Bearer <token or API key>"', { extensions: { code: 'UNAUTHENTICATED' } });
}

/**
 * Declares and enforces who may call an operation: `@Requires('ORDER_READ')`, or `@Requires(null)`
 * for "any signed-in caller". Denials are audited.
 */
export function Requires(permission: Permission | null): MethodDecorator {
  const check: MiddlewareFn<Context> = async ({ context, info }, next) => {
    const p = context.actor.principal;
    if (!p) throw unauthenticated();
    if (permission && !p.permissions.has(permission)) {
      await audit(context.services.ds, context.actor, {
        action: 'ACCESS_DENIED',
        targetType: 'Operation',
        targetId: `${info.parentType.name}.${info.fieldName}`,
        outcome: 'DENIED',
        details: { required: permission },
      });
      throw new GraphQLError(`You do not have the ${permission} permission needed for ${info.fieldName}`, { extensions: { code: 'FORBIDDEN', permission } });
    }
    return next();
  };
  const directive = Directive(permission ? `@requires(permission: "${permission}")` : '@requires');
  const middleware = UseMiddleware(check);
  return (target, key, descriptor) => {
    directive(target, key, descriptor as never);
    middleware(target, key, descriptor);
  };
}
