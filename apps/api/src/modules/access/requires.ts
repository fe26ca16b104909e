import {
  DirectiveLocation,
  DocumentNode,
  FragmentDefinitionNode,
  getOperationAST,
  GraphQLDirective,
  GraphQLError,
  GraphQLField,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
  isAbstractType,
  Kind,
  OperationDefinitionNode,
  TypeInfo,
  visit,
  visitWithTypeInfo,
} from 'graphql';
import { Directive, getMetadataStorage, MiddlewareFn, UseMiddleware } from 'type-graphql';
import type { Permission } from '@fulfilment/domain';
import type { Context } from '../../app/context';
import { AUDIT_COLUMNS, auditValues } from '../../common/audit';
import { logger } from '../../common/logger';

/** Declared on every operation: the permission a caller needs (none given: any signed-in caller). */
export const requiresDirective = new GraphQLDirective({
  name: 'requires',
  description: 'The permission a caller needs for this field; without an argument, any signed-in caller may use it.',
  locations: [DirectiveLocation.FIELD_DEFINITION],
  args: {
    permission: {
      type: GraphQLString,
      description: 'A Permission value, e.g. ORDER_READ; the roles holding it and API keys with a matching scope pass.',
    },
  },
});

export function unauthenticated(): GraphQLError {
  return new GraphQLError('Sign in first: send "Authorization: Bearer <token or API key>"', {
    extensions: { code: 'UNAUTHENTICATED' },
  });
}

/** A refused field of one request: `field` is its schema coordinate ("Customer.orders"). */
export interface DeniedField {
  field: string;
  permission: Permission;
  /** How often the request asked for it (places in the document, or resolutions). */
  count: number;
}

/** Notes a refusal in the request's context; written by `auditAccessDenied` once the request is answered. */
function noteDenied(ctx: Pick<Context, 'accessDenied'>, field: string, permission: Permission, count = 1): void {
  const key = `${field} ${permission}`;
  const seen = ctx.accessDenied.get(key);
  if (seen) seen.count += count;
  else ctx.accessDenied.set(key, { field, permission, count });
}

/**
 * Writes the refusals noted in this context (and forgets them): one ACCESS_DENIED row per field and
 * permission, with how often it was asked for, all in one statement. Called once per HTTP request
 * (http/limits-plugin.ts) and per graphql-ws operation (live/live-server.ts), so one request costs at
 * most one write however many times it asks for what it may not have.
 */
export async function auditAccessDenied(ctx: Pick<Context, 'accessDenied' | 'actor' | 'services'>): Promise<void> {
  if (ctx.accessDenied.size === 0) return;
  const denied = [...ctx.accessDenied.values()];
  ctx.accessDenied.clear();
  const rows = denied.map((d) =>
    auditValues(ctx.actor, {
      action: 'ACCESS_DENIED',
      targetType: 'Operation',
      targetId: d.field,
      outcome: 'DENIED',
      details: { required: d.permission, count: d.count },
    }),
  );
  const width = rows[0].length;
  const tuples = rows.map((_, r) => `(${Array.from({ length: width }, (_, c) => `$${r * width + c + 1}`).join(', ')})`);
  try {
    await ctx.services.ds.query(`INSERT INTO audit_log (${AUDIT_COLUMNS}) VALUES ${tuples.join(', ')}`, rows.flat());
  } catch (e) {
    logger.warn({ err: (e as Error).message, rows: rows.length }, 'access-denied audit rows not written');
  }
}

function forbidden(denied: readonly Pick<DeniedField, 'field' | 'permission'>[], neededFor?: string): GraphQLError {
  const [first] = denied;
  const message =
    denied.length === 1
      ? `You do not have the ${first.permission} permission needed ${neededFor ?? `for ${first.field.slice(first.field.indexOf('.') + 1)}`}`
      : `You do not have the permissions needed for ${denied.map((d) => `${d.field} (${d.permission})`).join(', ')}`;
  return new GraphQLError(message, {
    extensions: { code: 'FORBIDDEN', permission: first.permission, fields: denied.map((d) => d.field) },
  });
}

/**
 * The one check of a field's permission while a request runs: operations (@Requires on Query,
 * Mutation and Subscription fields) and node(id:), whose type is known only from its argument.
 * Without `permission` (null: any signed-in caller) the caller gets FORBIDDEN, noted in the context
 * for the request's one audit write (`auditAccessDenied`). `neededFor` ends the message; "for <field>"
 * unless given.
 */
export function assertPermitted(
  ctx: Pick<Context, 'actor' | 'accessDenied'>,
  permission: Permission | null,
  operation: string,
  neededFor?: string,
): void {
  const p = ctx.actor.principal;
  if (!p) throw unauthenticated();
  if (!permission || p.permissions.has(permission)) return;
  noteDenied(ctx, operation, permission);
  throw forbidden([{ field: operation, permission }], neededFor);
}

/** What a field declares with @requires: a permission, null (any signed-in caller) or undefined (nothing). */
const declared = new WeakMap<GraphQLField<unknown, unknown>, Permission | null | undefined>();
function declaredRequirement(field: GraphQLField<unknown, unknown> | undefined): Permission | null | undefined {
  if (!field) return undefined;
  if (declared.has(field)) return declared.get(field);
  const directive = field.astNode?.directives?.find((d) => d.name.value === 'requires');
  const arg = directive?.arguments?.find((a) => a.name.value === 'permission');
  const requirement = !directive
    ? undefined
    : arg && arg.value.kind === Kind.STRING
      ? (arg.value.value as Permission)
      : null;
  declared.set(field, requirement);
  return requirement;
}

interface Requirement {
  field: string;
  permission: Permission | null;
  count: number;
}

/** Requirements per schema, document and operation name: Apollo and the live server reuse parsed documents. */
const requirementsCache = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, Map<string, Requirement[]>>>();

/**
 * Every field with @requires that the operation (with the fragments it spreads) selects, with how
 * often: a field under an abstract type counts for each object type that may stand there.
 */
function requirementsOf(schema: GraphQLSchema, document: DocumentNode, operationName?: string | null): Requirement[] {
  let byDocument = requirementsCache.get(schema);
  if (!byDocument) requirementsCache.set(schema, (byDocument = new WeakMap()));
  let byOperation = byDocument.get(document);
  if (!byOperation) byDocument.set(document, (byOperation = new Map()));
  const cached = byOperation.get(operationName ?? '');
  if (cached) return cached;

  const operation = getOperationAST(document, operationName);
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const totals = new Map<FragmentDefinitionNode | OperationDefinitionNode, Map<string, Requirement>>();
  const visiting = new Set<unknown>();
  const totalOf = (node: FragmentDefinitionNode | OperationDefinitionNode): Map<string, Requirement> => {
    const known = totals.get(node);
    if (known) return known;
    const own = new Map<string, Requirement>();
    const add = (r: Requirement, times: number) => {
      const seen = own.get(r.field);
      if (seen) seen.count += r.count * times;
      else own.set(r.field, { ...r, count: r.count * times });
    };
    if (visiting.has(node)) return own; // a fragment cycle, refused by validation anyway
    visiting.add(node);
    const typeInfo = new TypeInfo(schema);
    const spreads = new Map<string, number>();
    visit(
      node,
      visitWithTypeInfo(typeInfo, {
        Field(f) {
          const parent = typeInfo.getParentType();
          if (!parent) return;
          const types = isAbstractType(parent) ? schema.getPossibleTypes(parent) : [parent as GraphQLObjectType];
          for (const t of types) {
            const permission = declaredRequirement(t.getFields()[f.name.value] as GraphQLField<unknown, unknown>);
            if (permission !== undefined) add({ field: `${t.name}.${f.name.value}`, permission, count: 1 }, 1);
          }
        },
        FragmentSpread(s) {
          spreads.set(s.name.value, (spreads.get(s.name.value) ?? 0) + 1);
        },
      }),
    );
    for (const [name, times] of spreads) {
      const fragment = fragments.get(name);
      if (fragment) for (const r of totalOf(fragment).values()) add(r, times);
    }
    visiting.delete(node);
    totals.set(node, own);
    return own;
  };
  const requirements = operation ? [...totalOf(operation).values()] : [];
  byOperation.set(operationName ?? '', requirements);
  return requirements;
}

/**
 * The check of a whole operation before anything of it runs, for HTTP (http/limits-plugin.ts) and
 * graphql-ws (live/live-server.ts) alike: every field it selects that declares @requires, at any
 * depth and in any fragment, must be allowed to the caller. Otherwise the operation is refused as a
 * whole (a mutation writes nothing), with one FORBIDDEN error naming every refused field, and each
 * refused field is noted once for the audit, with how often the document asks for it. A field that
 * is refused here is never resolved, so a request cannot multiply refusals by aliases or list sizes.
 */
export function assertOperationPermitted(
  ctx: Pick<Context, 'actor' | 'accessDenied'>,
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName?: string | null,
): void {
  const requirements = requirementsOf(schema, document, operationName);
  if (requirements.length === 0) return;
  const p = ctx.actor.principal;
  if (!p) throw unauthenticated();
  const denied = requirements.filter((r) => r.permission && !p.permissions.has(r.permission)) as DeniedField[];
  if (denied.length === 0) return;
  for (const d of denied) noteDenied(ctx, d.field, d.permission, d.count);
  throw forbidden(denied);
}

/**
 * Declares and enforces who may use a field: `@Requires('ORDER_READ')`, or `@Requires(null)` for "any
 * signed-in caller". It is printed into the schema as @requires, and `assertOperationPermitted`
 * enforces it for every operation before it runs. Operations (Query, Mutation, Subscription fields)
 * are also checked again when they resolve (`assertPermitted`); field resolvers of object types
 * (`Order.customer`) are not, so they keep the direct-call fast path (common/fast-resolvers.ts).
 * Placed below its @FieldResolver, it cannot tell, and checks on resolving too.
 */
export function Requires(permission: Permission | null): MethodDecorator {
  const check: MiddlewareFn<Context> = ({ context, info }, next) => {
    assertPermitted(context, permission, `${info.parentType.name}.${info.fieldName}`);
    return next();
  };
  const directive = Directive(permission ? `@requires(permission: "${permission}")` : '@requires');
  const middleware = UseMiddleware(check);
  return (target, key, descriptor) => {
    directive(target, key, descriptor as never);
    const objectField = getMetadataStorage().fieldResolvers.some(
      (r) => r.target === target.constructor && r.methodName === key,
    );
    if (!objectField) middleware(target, key, descriptor);
  };
}

/** The permission a field of `type` declares with @requires, or null for "any signed-in caller" (or none). */
export function requiredPermission(type: GraphQLObjectType | null | undefined, fieldName: string): Permission | null {
  return declaredRequirement(type?.getFields()[fieldName] as GraphQLField<unknown, unknown> | undefined) ?? null;
}
