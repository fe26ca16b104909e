import path from 'node:path';
import { GraphQLSchema, isObjectType } from 'graphql';
import { getMetadataStorage } from 'type-graphql';

interface ParamMeta {
  kind: string;
  index: number;
  propertyName?: string;
  getType?: unknown;
}

interface FieldMeta {
  name: string;
  schemaName: string;
  target: Function;
  middlewares?: unknown[];
  roles?: unknown[];
  params?: ParamMeta[];
}

interface FieldResolverMeta {
  kind: string;
  target: new () => Record<string, (...args: unknown[]) => unknown>;
  methodName: string;
  schemaName: string;
  middlewares?: unknown[];
  roles?: unknown[];
  params?: ParamMeta[];
  getObjectType?: () => Function;
}

/**
 * A resolver's parameters when they are only @Root() (declared type, or none), @Ctx() and @Info(),
 * in order; null otherwise.
 */
function plainParams(params: ParamMeta[] | undefined): { kind: 'root' | 'context' | 'info'; type?: Function }[] | null {
  const sorted = [...(params ?? [])].sort((a, b) => a.index - b.index);
  if (sorted.some((p, i) => p.index !== i)) return null;
  const kinds: { kind: 'root' | 'context' | 'info'; type?: Function }[] = [];
  for (const p of sorted) {
    if (p.kind === 'root' && !p.propertyName) {
      const type = typeof p.getType === 'function' ? (p.getType as () => unknown)() : undefined;
      if (type !== undefined && typeof type !== 'function') return null;
      kinds.push({ kind: 'root', type: type as Function | undefined });
    } else if (p.kind === 'context' && !p.propertyName) kinds.push({ kind: 'context' });
    else if (p.kind === 'info') kinds.push({ kind: 'info' });
    else return null;
  }
  return kinds;
}

const none = (list: unknown[] | undefined) => !list || list.length === 0;

/** What a buildSchema call was given that its field wrappers apply besides the field's own metadata. */
interface BuildOptions {
  globalMiddlewares?: unknown[];
  authChecker?: unknown;
  container?: unknown;
}

/**
 * The options each schema was built with. type-graphql resets its BuildContext at the end of every
 * build (the wrappers keep their own copies of the global middlewares), so they cannot be read
 * afterwards: its schema generator (not exported) is wrapped once, when this module loads, to note
 * them per schema. A schema built before that, or by another path, is not in the map and gets no fast
 * path.
 */
const builds = new WeakMap<GraphQLSchema, BuildOptions>();
(function recordBuilds() {
  try {
    const file = path.join(path.dirname(require.resolve('type-graphql')), 'schema', 'schema-generator.js');
    const { SchemaGenerator } = require(file) as {
      SchemaGenerator: { generateFromMetadata(options: BuildOptions): GraphQLSchema };
    };
    const generate = SchemaGenerator.generateFromMetadata;
    if (typeof generate !== 'function' || (generate as { recordsBuilds?: boolean }).recordsBuilds) return;
    const recording = function (this: unknown, options: BuildOptions) {
      const schema = generate.call(this, options);
      builds.set(schema, options);
      return schema;
    };
    SchemaGenerator.generateFromMetadata = Object.assign(recording, { recordsBuilds: true });
  } catch {
    // Another type-graphql layout: no schema is recorded, so the fast path stays off.
  }
})();

/** Why type-graphql's wrappers must stay on every field of this schema, or null when they need not. */
function whyOff(schema: GraphQLSchema): string | null {
  const options = builds.get(schema);
  if (!options) return 'schema not built by type-graphql after fast-resolvers was loaded';
  if (!none(options.globalMiddlewares)) return 'global middlewares';
  if (options.authChecker) return 'authChecker';
  // Field resolver classes are instantiated here with `new`, as type-graphql's default container does.
  if (options.container) return 'custom container';
  return null;
}

/** What fastResolvers did to a schema; fields named as schema coordinates (`Order.lines`). */
export interface FastResolvers {
  /** fields.length + methods.length. */
  replaced: number;
  /** Plain or renamed properties, now read directly. */
  fields: string[];
  /** Field resolver methods and getters, now called directly. */
  methods: string[];
  /** Why nothing was replaced (global middlewares, authChecker, …); absent when the fast path is on. */
  off?: string;
}

/**
 * type-graphql wraps every field of every object type in a resolver of its own, which builds a
 * resolver-data object, runs the (empty) middleware chain and, for field resolver methods, sorts and
 * maps the parameter list on every call. A page of 20 orders resolves several hundred fields, so
 * this was a sixth of the API's allocations per request. Where a field has no middleware, no
 * authorization roles and no arguments, this puts back what the wrapper amounts to:
 *
 * - a plain property (same name in the schema) gets graphql-js's default resolver;
 * - a renamed property or getter (`id` from `nodeId`) reads the property;
 * - a field resolver method taking only @Root/@Ctx/@Info is called directly on one instance of its
 *   resolver class (they are stateless; type-graphql's default container also keeps one).
 *
 * Fields with middlewares (@Requires), arguments or other parameters keep type-graphql's resolver.
 * Global middlewares would run on every field, so with any configured nothing is changed.
 */
export function fastResolvers(schema: GraphQLSchema): FastResolvers {
  const storage = getMetadataStorage() as unknown as {
    objectTypes: { name: string; target: Function; fields?: FieldMeta[] }[];
    fieldResolvers: FieldResolverMeta[];
    middlewares?: unknown[];
  };
  const off = whyOff(schema);
  if (off) return { replaced: 0, fields: [], methods: [], off };
  const instances = new Map<Function, Record<string, (...args: unknown[]) => unknown>>();
  const fields: string[] = [];
  const methods: string[] = [];
  for (const objectType of storage.objectTypes) {
    const type = schema.getType(objectType.name);
    if (!isObjectType(type)) continue;
    const schemaFields = type.getFields();
    for (const field of objectType.fields ?? []) {
      const schemaField = schemaFields[field.schemaName];
      if (!schemaField || schemaField.args.length > 0) continue;
      const original = schemaField.resolve;
      const resolver = storage.fieldResolvers.find(
        (r) => r.schemaName === field.schemaName && r.getObjectType?.() === objectType.target,
      );
      if (resolver) {
        if (!none(resolver.middlewares) || !none(resolver.roles) || !original) continue;
        const params = plainParams(resolver.params);
        if (!params) continue;
        if (resolver.kind === 'internal') {
          // A getter (or method) of the type itself: type-graphql reads it on the root once the root is an
          // instance of the type; roots that are not (plain objects) still go through its resolver.
          if (params.length > 0) continue;
          const Type = objectType.target;
          const name = resolver.methodName;
          schemaField.resolve = (root, args, ctx, info) => {
            if (!(root instanceof Type)) return original(root, args, ctx, info);
            const value = (root as Record<string, unknown>)[name];
            return typeof value === 'function' ? value.call(root) : value;
          };
          methods.push(`${type.name}.${field.schemaName}`);
          continue;
        }
        if (resolver.kind !== 'external') continue;
        let instance = instances.get(resolver.target);
        if (!instance) instances.set(resolver.target, (instance = new resolver.target()));
        const method = instance[resolver.methodName];
        const target = instance;
        const rootType = params.find((p) => p.kind === 'root')?.type;
        // type-graphql converts a root that is not an instance of the declared type; those keep its resolver.
        const rootOk = (root: unknown) => !rootType || rootType === Object || root instanceof rootType;
        schemaField.resolve =
          params.length === 2 && params[0].kind === 'root' && params[1].kind === 'context'
            ? (root, args, ctx, info) =>
                rootOk(root) ? method.call(target, root, ctx) : original(root, args, ctx, info)
            : (root, args, ctx, info) =>
                rootOk(root)
                  ? method.apply(
                      target,
                      params.map((p) => (p.kind === 'root' ? root : p.kind === 'context' ? ctx : info)),
                    )
                  : original(root, args, ctx, info);
        methods.push(`${type.name}.${field.schemaName}`);
      } else if (none(field.middlewares) && none(field.roles) && none(field.params)) {
        const name = field.name;
        schemaField.resolve = name === field.schemaName ? undefined : (root) => (root as Record<string, unknown>)[name];
        fields.push(`${type.name}.${field.schemaName}`);
      }
    }
  }
  return { replaced: fields.length + methods.length, fields, methods };
}
