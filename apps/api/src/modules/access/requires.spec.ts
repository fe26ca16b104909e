import 'reflect-metadata';
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { GraphQLError, GraphQLObjectType, GraphQLSchema, parse } from 'graphql';
import { permissionsOfScopes, type ApiKeyScope } from '@fulfilment/domain';
import type { Context } from '../../app/context';
import type { Principal } from '../../common/actor';
import { createSchema } from '../../app/schema';
import { LivePubSub } from '../../live/pubsub';
import { assertOperationPermitted, assertPermitted, DeniedField } from './requires';

const key = (scopes: ApiKeyScope[]): Principal => ({
  kind: 'API_KEY',
  id: 'k1',
  name: 'key',
  role: null,
  permissions: permissionsOfScopes(scopes),
  sessionId: null,
  expiresAt: null,
});

const contextOf = (principal: Principal | null) =>
  ({
    actor: { principal, requestId: 'r1', clientIp: null },
    accessDenied: new Map<string, DeniedField>(),
  }) as Pick<Context, 'actor' | 'accessDenied'>;

/** The error the check throws, or null when it lets the operation through. */
function refusal(ctx: Pick<Context, 'actor' | 'accessDenied'>, schema: GraphQLSchema, query: string, name?: string) {
  try {
    assertOperationPermitted(ctx, schema, parse(query), name);
    return null;
  } catch (e) {
    assert.ok(e instanceof GraphQLError);
    return e;
  }
}

describe('assertOperationPermitted', () => {
  let schema: GraphQLSchema;
  before(async () => {
    schema = await createSchema(new LivePubSub());
  });

  it('refuses a field the caller lacks at any depth, counting every place the document asks for it', () => {
    const ctx = contextOf(key(['CUSTOMERS_READ']));
    const e = refusal(
      ctx,
      schema,
      `query { a: customers { edges { node { ...C } } } b: customers { edges { node { ...C orders { pageInfo { hasNextPage } } } } } }
       fragment C on Customer { orders(first: 1) { pageInfo { hasNextPage } } }`,
    );
    assert.equal(e?.extensions.code, 'FORBIDDEN');
    assert.equal(e?.extensions.permission, 'ORDER_READ');
    assert.deepEqual(
      [...ctx.accessDenied.values()],
      [{ field: 'Customer.orders', permission: 'ORDER_READ', count: 3 }],
    );
  });

  it('names every refused field in one error, and checks each type an interface may stand for', () => {
    const ctx = contextOf(key(['ORDERS_WRITE']));
    const e = refusal(
      ctx,
      schema,
      `mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { order { id customer { id } events { actor } } } }`,
    );
    assert.deepEqual(e?.extensions.fields, ['Order.customer', 'Order.events']);
    const node = contextOf(key(['STOCK_READ']));
    assert.equal(refusal(node, schema, `{ node(id: "x") { id } }`), null, 'node itself is for anyone signed in');
    assert.deepEqual(
      refusal(node, schema, `{ node(id: "x") { ... on Order { customer { id } } } }`)?.extensions.fields,
      ['Order.customer'],
    );
  });

  it('lets through what the caller may use, and only checks the operation that runs', () => {
    const ctx = contextOf(key(['ORDERS_WRITE']));
    const document = `mutation Ok($i: PlaceOrderInput!) { placeOrder(input: $i) { order { id number } } }
                      query Denied { orders { edges { cursor } } }`;
    assert.equal(refusal(ctx, schema, document, 'Ok'), null);
    assert.equal(refusal(ctx, schema, document, 'Denied')?.extensions.permission, 'ORDER_READ');
    assert.equal(ctx.accessDenied.size, 1);
  });

  it('answers a caller without credentials UNAUTHENTICATED, and lets it use what needs no sign-in', () => {
    const ctx = contextOf(null);
    assert.equal(refusal(ctx, schema, `{ orders { edges { cursor } } }`)?.extensions.code, 'UNAUTHENTICATED');
    assert.equal(refusal(ctx, schema, `mutation { login(input: { email: "a", password: "b" }) { token } }`), null);
    assert.equal(ctx.accessDenied.size, 0, 'nothing to audit for a caller who did not sign in');
  });
});

describe('Requires', () => {
  let schema: GraphQLSchema;
  before(async () => {
    schema = await createSchema(new LivePubSub());
  });

  it('checks operations again when they resolve, noting each refusal for one audit row', async () => {
    const ctx = contextOf(key(['CATALOG_READ']));
    const orderEvents = (schema.getType('Query') as GraphQLObjectType).getFields().orderEvents;
    for (let i = 0; i < 3; i++)
      await assert.rejects(
        async () =>
          orderEvents.resolve!({}, { first: 1 }, ctx, {
            parentType: schema.getQueryType(),
            fieldName: 'orderEvents',
          } as never),
        /ORDER_READ/,
      );
    assertPermitted(ctx, 'CATALOG_READ', 'Query.products');
    assert.deepEqual(
      [...ctx.accessDenied.values()],
      [{ field: 'Query.orderEvents', permission: 'ORDER_READ', count: 3 }],
    );
  });
});
