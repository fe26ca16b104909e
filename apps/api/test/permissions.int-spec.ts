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
import { startTestApi, subscribe, TestApi, settle } from './helpers';

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
const PUBLIC = ['login'];

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

  it('declares a permission on every operation except login', () => {
    const undeclared = operations.filter((o) => o.permission === undefined).map((o) => o.field.name.value);
    assert.deepEqual(undeclared, PUBLIC);
  });

  it('refuses every operation but login without credentials', async () => {
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
