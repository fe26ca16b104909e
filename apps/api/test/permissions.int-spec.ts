import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  FieldDefinitionNode,
  InputValueDefinitionNode,
  Kind,
  ObjectTypeDefinitionNode,
  parse,
  TypeDefinitionNode,
  TypeNode,
  DocumentNode,
  EnumTypeDefinitionNode,
  InputObjectTypeDefinitionNode,
} from 'graphql';
import { API_KEY_SCOPES, ApiKeyScope, Permission, permissionsOfRole, Role, ROLES } from '@fulfilment/domain';
import { REPO_ROOT } from '../src/config';
import { postRaw, startTestApi, subscribe, TestApi, settle } from './helpers';
import { createCustomer, createProduct, createWarehouses, orderInput } from './factories';
import { toGlobalId } from '../src/common/global-id';

/**
 * The permission matrix, generated from schema.graphql: every operation is called by every role (and
 * by an API key of every scope) and must be allowed or refused exactly as its @requires declares.
 */
const sdl: DocumentNode = parse(fs.readFileSync(path.join(REPO_ROOT, 'schema.graphql'), 'utf8'));
const types = new Map(
  sdl.definitions
    .filter((d): d is TypeDefinitionNode => 'name' in d && !!d.name && d.kind !== Kind.DIRECTIVE_DEFINITION)
    .map((d) => [d.name.value, d]),
);
/** Open to anyone: signing in, and the customer's tracking link (an unguessable token, no personal data). */
const PUBLIC = ['answerSurvey', 'deliveryTracking', 'login', 'rateDelivery'];

interface Operation {
  kind: 'query' | 'mutation' | 'subscription';
  field: FieldDefinitionNode;
  /** undefined: public; null: any signed-in caller; else the permission. */
  permission: Permission | null | undefined;
}

function requirement(field: FieldDefinitionNode): Permission | null | undefined {
  const d = field.directives?.find((x) => x.name.value === 'requires');
  if (!d) return undefined;
  const arg = d.arguments?.find((a) => a.name.value === 'permission');
  return arg && arg.value.kind === Kind.STRING ? (arg.value.value as Permission) : null;
}

const operations: Operation[] = (['query', 'mutation', 'subscription'] as const).flatMap((kind) => {
  const type = types.get(kind[0].toUpperCase() + kind.slice(1)) as ObjectTypeDefinitionNode;
  return (type.fields ?? []).map((field) => ({ kind, field, permission: requirement(field) }));
});

/** A syntactically valid value for a required argument; the call may fail its checks, never its access rule. */
function dummy(type: TypeNode): string {
  if (type.kind === Kind.NON_NULL_TYPE) return dummy(type.type);
  if (type.kind === Kind.LIST_TYPE) return '[]';
  const name = type.name.value;
  if (name === 'ID' || name === 'String') return '"x"';
  if (name === 'Int' || name === 'Float') return '1';
  if (name === 'Boolean') return 'false';
  if (name === 'DateTimeISO') return '"2099-01-01T00:00:00Z"';
  const def = types.get(name);
  if (def?.kind === Kind.ENUM_TYPE_DEFINITION) return (def as EnumTypeDefinitionNode).values![0].name.value;
  if (def?.kind === Kind.INPUT_OBJECT_TYPE_DEFINITION) {
    const required = ((def as InputObjectTypeDefinitionNode).fields ?? []).filter(
      (f) => f.type.kind === Kind.NON_NULL_TYPE && !f.defaultValue,
    );
    return `{ ${required.map((f) => `${f.name.value}: ${dummy(f.type)}`).join(', ')} }`;
  }
  throw new Error(`no dummy value for ${name}`);
}

function document(op: Operation): string {
  const args = (op.field.arguments ?? []).filter(
    (a: InputValueDefinitionNode) => a.type.kind === Kind.NON_NULL_TYPE && !a.defaultValue,
  );
  const argText = args.length ? `(${args.map((a) => `${a.name.value}: ${dummy(a.type)}`).join(', ')})` : '';
  return `${op.kind} { ${op.field.name.value}${argText} { __typename } }`;
}

const isForbidden = (errors: any[] | undefined) => !!errors?.some((e) => e.extensions?.code === 'FORBIDDEN');

describe('permission matrix from schema.graphql', () => {
  let api: TestApi;
  before(async () => {
    api = await startTestApi();
  });
  after(() => api.stop());

  it('declares a permission on every operation except the public ones', () => {
    const undeclared = operations.filter((o) => o.permission === undefined).map((o) => o.field.name.value);
    assert.deepEqual([...undeclared].sort(), PUBLIC);
  });

  it('refuses every operation but the public ones without credentials', async () => {
    for (const op of operations.filter((o) => o.kind !== 'subscription' && o.permission !== undefined)) {
      const r = await api.gql(document(op), {}, { authorization: '' });
      assert.equal(r.body.errors?.[0]?.extensions?.code, 'UNAUTHENTICATED', `${op.field.name.value}: ${r.text}`);
    }
  });

  /** Runs every operation as this caller; logout last, as it ends the session. */
  async function check(label: string, token: string, allowed: (p: Permission | null) => boolean) {
    const ops = operations
      .filter((o) => o.permission !== undefined)
      .sort((a, b) => Number(a.field.name.value === 'logout') - Number(b.field.name.value === 'logout'));
    const client = api.ws(`Bearer ${token}`);
    for (const op of ops) {
      const expected = allowed(op.permission!);
      let errors: any[] | undefined;
      if (op.kind === 'subscription') {
        const sub = subscribe(client, document(op));
        await settle(150);
        errors = sub.errors.flat() as any[];
        sub.dispose();
      } else {
        const r = await api.gql(document(op), {}, { authorization: `Bearer ${token}` });
        assert.ok(r.status < 500, `${label} ${op.field.name.value}: ${r.text}`);
        errors = r.body.errors;
      }
      assert.equal(
        !isForbidden(errors),
        expected,
        `${label} calling ${op.field.name.value} (needs ${op.permission ?? 'sign-in'}): ${JSON.stringify(errors)}`,
      );
    }
    await client.dispose();
  }

  for (const role of ROLES) {
    it(`allows ${role} exactly what its permissions allow`, async () => {
      const permissions = permissionsOfRole(role as Role);
      await check(role, await api.loginAs(role as Role), (p) => p === null || permissions.has(p));
    });
  }

  for (const scope of Object.keys(API_KEY_SCOPES) as ApiKeyScope[]) {
    it(`allows an API key with scope ${scope} exactly what the scope allows`, async () => {
      const created = await api.data(
        `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret userErrors { code } } }`,
        {
          input: { name: `matrix ${scope}`, scopes: [scope] },
        },
      );
      const granted = new Set<string>(API_KEY_SCOPES[scope].permissions);
      // Session-only operations (logout, renewToken, updateMyPreferences) answer an API key with UNAUTHENTICATED, not FORBIDDEN.
      await check(scope, created.createApiKey.secret, (p) => p === null || granted.has(p));
    });
  }
});

/** Object fields (not operations) that declare @requires: what a caller reaches through an operation. */
const nestedRequirements = [...types.values()]
  .filter(
    (t): t is ObjectTypeDefinitionNode =>
      t.kind === Kind.OBJECT_TYPE_DEFINITION && !['Query', 'Mutation', 'Subscription'].includes(t.name.value),
  )
  .flatMap((t) =>
    (t.fields ?? [])
      .filter((f) => requirement(f) !== undefined)
      .map((field) => ({ type: t.name.value, field, permission: requirement(field)! })),
  );

const namedType = (type: TypeNode): string => (type.kind === Kind.NAMED_TYPE ? type.name.value : namedType(type.type));

/** Object types a field's type may be: itself, or every object implementing an interface. */
function objectTypesOf(name: string): string[] {
  const def = types.get(name);
  if (def?.kind === Kind.OBJECT_TYPE_DEFINITION) return [name];
  if (def?.kind === Kind.INTERFACE_TYPE_DEFINITION)
    return [...types.values()]
      .filter((t) => t.kind === Kind.OBJECT_TYPE_DEFINITION && t.interfaces?.some((i) => i.name.value === name))
      .map((t) => t.name.value);
  return [];
}

/** Required arguments, and `first: 1` on pages: a deep path through several lists stays within the cost limit. */
const argsText = (field: FieldDefinitionNode) => {
  const args = (field.arguments ?? []).filter((a) => a.type.kind === Kind.NON_NULL_TYPE && !a.defaultValue);
  const texts = args.map((a) => `${a.name.value}: ${dummy(a.type)}`);
  if (field.arguments?.some((a) => a.name.value === 'first')) texts.push('first: 1');
  return texts.length ? `(${texts.join(', ')})` : '';
};

/**
 * The shortest selection from `start` (an object type) to `target.type`'s field `target.field`, with
 * `{ __typename }` under it, and the permissions declared along the way; null when it cannot be reached.
 */
function pathTo(start: string, target: (typeof nestedRequirements)[number]) {
  const seen = new Set([start]);
  let frontier: { type: string; wrap: (inner: string) => string; needs: (Permission | null)[] }[] = [
    { type: start, wrap: (inner) => inner, needs: [] },
  ];
  for (let depth = 0; depth < 6 && frontier.length; depth++) {
    const next: typeof frontier = [];
    for (const at of frontier) {
      if (at.type === target.type) {
        const leaf = objectTypesOf(namedType(target.field.type)).length ? ' { __typename }' : '';
        return {
          selection: at.wrap(`${target.field.name.value}${argsText(target.field)}${leaf}`),
          needs: [...at.needs, target.permission],
        };
      }
      const def = types.get(at.type) as ObjectTypeDefinitionNode;
      for (const f of def.fields ?? []) {
        const returned = namedType(f.type);
        const candidates = objectTypesOf(returned);
        for (const o of candidates) {
          if (seen.has(o)) continue;
          seen.add(o);
          const fragment = o === returned ? (s: string) => s : (s: string) => `... on ${o} { ${s} }`;
          const needs = requirement(f);
          next.push({
            type: o,
            wrap: (inner) => at.wrap(`${f.name.value}${argsText(f)} { ${fragment(inner)} }`),
            needs: needs === undefined ? at.needs : [...at.needs, needs],
          });
        }
      }
    }
    frontier = next;
  }
  return null;
}

describe('permission matrix of nested fields from schema.graphql', () => {
  let api: TestApi;
  before(async () => {
    api = await startTestApi();
  });
  after(() => api.stop());

  /** Every operation reaching a field that declares @requires, with the field selected under it. */
  const reaching = () =>
    operations
      .filter((o) => o.permission !== undefined && o.field.name.value !== 'logout')
      .flatMap((op) =>
        nestedRequirements.flatMap((target) => {
          const returned = namedType(op.field.type);
          const found = objectTypesOf(returned)
            .map((start) => ({ start, path: pathTo(start, target) }))
            .find((p) => p.path);
          if (!found) return [];
          const { start, path } = found as { start: string; path: NonNullable<ReturnType<typeof pathTo>> };
          const selection = start === returned ? path.selection : `... on ${start} { ${path.selection} }`;
          return [
            {
              label: `${op.field.name.value} → ${target.type}.${target.field.name.value}`,
              kind: op.kind,
              document: `${op.kind} { ${op.field.name.value}${argsText(op.field)} { ${selection} } }`,
              needs: [op.permission!, ...path.needs],
            },
          ];
        }),
      );

  it('reaches every nested field that declares a permission through some operation', () => {
    const reached = new Set(reaching().map((r) => r.label.split(' → ')[1]));
    assert.ok(nestedRequirements.length >= 4, nestedRequirements.map((n) => `${n.type}.${n.field.name.value}`).join());
    for (const n of nestedRequirements) assert.ok(reached.has(`${n.type}.${n.field.name.value}`), n.field.name.value);
  });

  async function checkNested(label: string, token: string, granted: (p: Permission) => boolean) {
    const client = api.ws(`Bearer ${token}`);
    // A deep path through unpaged lists can be refused for its cost before any permission is looked at:
    // it says nothing either way, so each field must still be judged through some other operation.
    const judged = new Set<string>();
    const tooCostly = new Set<string>();
    for (const r of reaching()) {
      const expected = r.needs.every((p) => p === null || granted(p));
      let errors: any[] | undefined;
      if (r.kind === 'subscription') {
        const sub = subscribe(client, r.document);
        await settle(100);
        errors = sub.errors.flat() as any[];
        sub.dispose();
      } else {
        const res = await api.gql(r.document, {}, { authorization: `Bearer ${token}` });
        assert.ok(res.status < 500, `${label} ${r.label}: ${res.text}`);
        errors = res.body.errors;
      }
      const target = r.label.split(' → ')[1];
      if (errors?.some((e) => e.extensions?.code === 'QUERY_TOO_COMPLEX')) {
        tooCostly.add(target);
        continue;
      }
      judged.add(target);
      assert.equal(
        !isForbidden(errors),
        expected,
        `${label} asking for ${r.label} (needs ${r.needs.join(', ')}): ${r.document} → ${JSON.stringify(errors)}`,
      );
    }
    for (const t of tooCostly)
      assert.ok(judged.has(t), `${label}: ${t} is reached only by documents over the cost limit`);
    await client.dispose();
  }

  for (const role of ROLES) {
    it(`refuses ${role} nested fields it lacks a permission for, wherever they are reached`, async () => {
      const permissions = permissionsOfRole(role as Role);
      await checkNested(role, await api.loginAs(role as Role), (p) => permissions.has(p));
    });
  }

  for (const scope of Object.keys(API_KEY_SCOPES) as ApiKeyScope[]) {
    it(`refuses an API key with scope ${scope} nested fields it lacks a permission for, even with no rows to resolve`, async () => {
      const created = await api.data(
        `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret userErrors { code } } }`,
        { input: { name: `nested ${scope}`, scopes: [scope] } },
      );
      const granted = new Set<string>(API_KEY_SCOPES[scope].permissions);
      await checkNested(scope, created.createApiKey.secret, (p) => granted.has(p));
    });
  }
});

describe('refused fields are audited once per request', () => {
  let api: TestApi;
  const keys: Record<string, string> = {};
  before(async () => {
    api = await startTestApi();
    for (const scope of ['CUSTOMERS_READ', 'STOCK_READ'] as const) {
      const created = await api.data(
        `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }`,
        { input: { name: `audit ${scope}`, scopes: [scope] } },
      );
      keys[scope] = created.createApiKey.secret;
    }
    await api.ds.query(
      `INSERT INTO customer (name, phone, address, city, region, is_new, credit_status)
       SELECT '客户' || i, '1390000' || lpad(i::text, 4, '0'), '张杨路' || i || '号', '上海', 'EAST', false, 'GOOD'
         FROM generate_series(1, 100) AS i`,
    );
  });
  after(() => api.stop());

  const deniedRows = (requestId: string) =>
    api.ds.query(
      `SELECT target_id, details FROM audit_log WHERE action = 'ACCESS_DENIED' AND request_id = $1 ORDER BY target_id`,
      [requestId],
    );

  it('writes one row for a denied nested field asked for under 20 aliases of 100 customers (not 2000)', async () => {
    const aliases = Array.from(
      { length: 20 },
      (_, i) => `a${i}: customers(first: 100) { edges { node { orders(first: 1) { pageInfo { hasNextPage } } } } }`,
    );
    const r = await postRaw(api.url, JSON.stringify({ query: `{ ${aliases.join(' ')} }` }), {
      authorization: `Bearer ${keys.CUSTOMERS_READ}`,
    });
    assert.ok(r.status < 500, r.text);
    assert.equal(r.body.errors?.[0]?.extensions?.code, 'FORBIDDEN', r.text);
    assert.equal(r.body.errors?.[0]?.extensions?.permission, 'ORDER_READ');
    const rows = await deniedRows(r.headers.get('x-request-id')!);
    assert.equal(rows.length, 1, `${rows.length} ACCESS_DENIED rows for one request`);
    assert.deepEqual(
      rows.map((row: any) => [row.target_id, row.details.required, row.details.count]),
      [['Customer.orders', 'ORDER_READ', 20]],
    );
  });

  it('writes one row for a type node(id:) may not show, however many aliases ask for it', async () => {
    const [c] = await api.ds.query(`SELECT id FROM customer LIMIT 1`);
    const id = toGlobalId('Customer', c.id);
    const aliases = Array.from({ length: 20 }, (_, i) => `n${i}: node(id: "${id}") { id }`);
    const r = await postRaw(api.url, JSON.stringify({ query: `{ ${aliases.join(' ')} }` }), {
      authorization: `Bearer ${keys.STOCK_READ}`,
    });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.body.errors?.length, 20, r.text);
    assert.ok(r.body.errors!.every((e) => e.extensions?.code === 'FORBIDDEN'));
    const rows = await deniedRows(r.headers.get('x-request-id')!);
    assert.equal(rows.length, 1, `${rows.length} ACCESS_DENIED rows for one request`);
    assert.deepEqual(
      rows.map((row: any) => [row.target_id, row.details.required, row.details.count]),
      [['Query.node', 'CUSTOMER_READ', 20]],
    );
  });
});

describe('what a write-only API key reads back', () => {
  let api: TestApi;
  let ordersWrite: string;
  let stockWrite: string;
  before(async () => {
    api = await startTestApi();
    await createWarehouses(api.ds);
    const create = async (scopes: string[]) =>
      (
        await api.data(`mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }`, {
          input: { name: scopes.join('+'), scopes },
        })
      ).createApiKey.secret as string;
    ordersWrite = await create(['ORDERS_WRITE']);
    stockWrite = await create(['STOCK_WRITE']);
  });
  after(() => api.stop());

  const withKey = (key: string, query: string, variables?: object) =>
    postRaw(api.url, JSON.stringify({ query, variables }), { authorization: `Bearer ${key}` });
  const place = (selection: string) =>
    `mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { order { ${selection} } userErrors { code } } }`;
  const orderCount = async () => (await api.ds.query(`SELECT count(*)::int AS n FROM orders`))[0].n as number;

  it('lets orders:write read back the order it placed, not its customer or history, and writes nothing when asked for them', async () => {
    const customer = await createCustomer(api.ds);
    const p = await createProduct(api.ds, { stock: { 'SH-01': 10 } });
    const input = orderInput(customer.gid, [{ sku: p.sku, quantity: 1 }]);
    const placed = await withKey(ordersWrite, place('id number status lines { sku quantity }'), { input });
    assert.equal(placed.body.errors, undefined, placed.text);
    assert.equal(placed.body.data.placeOrder.order.lines[0].sku, p.sku);
    const orderId = placed.body.data.placeOrder.order.id;

    const before = await orderCount();
    for (const [selection, permission] of [
      ['id customer { name creditStatus isNew }', 'CUSTOMER_READ'],
      ['id events { actor reason }', 'ORDER_READ'],
    ]) {
      const r = await withKey(ordersWrite, place(selection), { input });
      assert.equal(r.body.errors?.[0]?.extensions?.code, 'FORBIDDEN', `${selection}: ${r.text}`);
      assert.equal(r.body.errors?.[0]?.extensions?.permission, permission);
      assert.equal(r.body.data?.placeOrder ?? null, null, r.text);
    }
    assert.equal(await orderCount(), before, 'a refused placeOrder placed nothing');

    const update = await withKey(
      ordersWrite,
      `mutation($input: UpdateOrderInput!) { updateOrder(input: $input) { order { customer { creditStatus } } } }`,
      { input: { orderId, note: 'x' } },
    );
    assert.equal(update.body.errors?.[0]?.extensions?.code, 'FORBIDDEN', update.text);
    const cancel = await withKey(
      ordersWrite,
      `mutation($input: CancelOrderInput!) { cancelOrder(input: $input) { order { status events { actor reason } } } }`,
      { input: { orderId, reason: 'x' } },
    );
    assert.equal(cancel.body.errors?.[0]?.extensions?.code, 'FORBIDDEN', cancel.text);
    const [{ status }] = await api.ds.query(`SELECT status FROM orders WHERE number = $1`, [
      placed.body.data.placeOrder.order.number,
    ]);
    assert.notEqual(status, 'CANCELLED', 'a refused cancelOrder cancelled nothing');
  });

  it('lets stock:write read back the level it adjusted, not its ledger', async () => {
    const p = await createProduct(api.ds, { stock: { 'SH-01': 10 } });
    const adjust = (selection: string) =>
      withKey(
        stockWrite,
        `mutation { adjustStock(input: { sku: "${p.sku}", warehouseCode: "SH-01", countedQuantity: 9, reason: COUNT_ADJUSTMENT }) { stockLevel { ${selection} } userErrors { code } } }`,
      );
    const denied = await adjust('onHand movements(first: 5) { edges { node { actor reason } } }');
    assert.equal(denied.body.errors?.[0]?.extensions?.code, 'FORBIDDEN', denied.text);
    assert.equal(denied.body.errors?.[0]?.extensions?.permission, 'STOCK_READ');
    const allowed = await adjust('onHand');
    assert.equal(allowed.body.errors, undefined, allowed.text);
    assert.equal(allowed.body.data.adjustStock.stockLevel.onHand, 9, 'the refused adjustment changed nothing');
  });
});
