import { DirectiveLocation, GraphQLDirective, GraphQLError, GraphQLObjectType, GraphQLString, Kind } from 'graphql';
import { Directive, MiddlewareFn, UseMiddleware } from 'type-graphql';
import type { Permission } from '@fulfilment/domain';
import type { Context } from '../../app/context';
import { audit } from '../../common/audit';

/** Declared on every operation: the permission a caller needs (none given: any signed-in caller). */
export const requiresDirective = new GraphQLDirective({
  name: 'requires',
  description: 'The permission a caller needs for this field; without an argument, any signed-in caller may use it.',
  locations: [DirectiveLocation.FIELD_DEFINITION],
  args: { permission: { type: GraphQLString } },
});

export function unauthenticated(): GraphQLError {
  return new GraphQLError('Sign in first: send "Authorization: Bearer <token or API key>"', {
    extensions: { code: 'UNAUTHENTICATED' },
  });
}

/**
 * The one permission check, for operations over HTTP (@Requires), subscriptions when they start (the
 * live server) and node(id:): without `permission` (null: any signed-in caller) the caller gets
 * FORBIDDEN, and the refusal is audited as ACCESS_DENIED of `operation` ("Query.orders").
 * `neededFor` ends the message; "for <field>" unless given.
 */
export async function assertPermitted(
  ctx: Pick<Context, 'actor' | 'services'>,
  permission: Permission | null,
  operation: string,
  neededFor?: string,
): Promise<void> {
  const p = ctx.actor.principal;
  if (!p) throw unauthenticated();
  if (!permission || p.permissions.has(permission)) return;
  await audit(ctx.services.ds, ctx.actor, {
    action: 'ACCESS_DENIED',
    targetType: 'Operation',
    targetId: operation,
    outcome: 'DENIED',
    details: { required: permission },
  });
  neededFor ??= `for ${operation.slice(operation.indexOf('.') + 1)}`;
  throw new GraphQLError(`You do not have the ${permission} permission needed ${neededFor}`, {
    extensions: { code: 'FORBIDDEN', permission },
  });
}

/**
 * Declares and enforces who may call an operation: `@Requires('ORDER_READ')`, or `@Requires(null)`
 * for "any signed-in caller". Denials are audited.
 */
export function Requires(permission: Permission | null): MethodDecorator {
  const check: MiddlewareFn<Context> = async ({ context, info }, next) => {
    await assertPermitted(context, permission, `${info.parentType.name}.${info.fieldName}`);
    return next();
  };
  const directive = Directive(permission ? `@requires(permission: "${permission}")` : '@requires');
  const middleware = UseMiddleware(check);
  return (target, key, descriptor) => {
    directive(target, key, descriptor as never);
    middleware(target, key, descriptor);
  };
}

/** The permission a field of `type` declares with @requires, or null for "any signed-in caller". */
export function requiredPermission(type: GraphQLObjectType | null | undefined, fieldName: string): Permission | null {
  const directive = type?.getFields()[fieldName]?.astNode?.directives?.find((d) => d.name.value === 'requires');
  const arg = directive?.arguments?.find((a) => a.name.value === 'permission');
  return arg && arg.value.kind === Kind.STRING ? (arg.value.value as Permission) : null;
}
