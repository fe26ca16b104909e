import 'reflect-metadata';
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { GraphQLObjectType, GraphQLResolveInfo, GraphQLSchema, GraphQLString, specifiedDirectives } from 'graphql';
import { buildSchema, MiddlewareFn } from 'type-graphql';
// Loaded before any schema is built, as in the API's HTTP server: it notes each build's options.
import { fastResolvers, FastResolvers } from './fast-resolvers';
import { createSchema } from '../app/schema';
import { RESOLVERS } from '../app/modules';
import { LivePubSub } from '../live/pubsub';
import { requiresDirective } from '../modules/access/requires';
import { Order } from '../modules/order/order.entity';
import { OrderLine } from '../modules/order/order-line.entity';

const resolverOf = (schema: GraphQLSchema, coordinate: string) => {
  const [type, field] = coordinate.split('.');
  return (schema.getType(type) as GraphQLObjectType).getFields()[field].resolve;
};

const info = (fieldName: string) => ({ fieldName }) as GraphQLResolveInfo;

describe('fastResolvers', () => {
  let schema: GraphQLSchema;
  let result: FastResolvers;
  const original: Record<string, unknown> = {};
  const watched = [
    'Order.lines',
    'Order.customer',
    'OrderLine.product',
    'Order.id',
    'Order.number',
    'Customer.orders',
    'Query.orders',
  ];

  before(async () => {
    schema = await createSchema(new LivePubSub());
    for (const c of watched) original[c] = resolverOf(schema, c);
    result = fastResolvers(schema);
  });

  it('replaces the resolvers of the API schema built as the API builds it', () => {
    assert.equal(result.off, undefined);
    assert.equal(result.replaced, result.fields.length + result.methods.length);
    assert.ok(result.replaced > 100, `only ${result.replaced} replaced`);
    // Field resolver methods, and getters (`id` is the getter nodeId, `total` a Money built from totalFen).
    for (const c of ['Order.lines', 'Order.customer', 'Order.delivery', 'OrderLine.product', 'Order.id', 'Order.total'])
      assert.ok(result.methods.includes(c), c);
    for (const c of ['Order.number', 'Order.status', 'Order.createdAt']) assert.ok(result.fields.includes(c), c);
    for (const c of ['Order.lines', 'Order.customer', 'OrderLine.product', 'Order.id'])
      assert.notEqual(resolverOf(schema, c), original[c], `${c} has a new resolver`);
    assert.equal(resolverOf(schema, 'Order.number'), undefined, 'a plain property gets graphql-js’s default resolver');
  });

  it('keeps type-graphql’s resolver where a field has arguments or a middleware (@Requires)', () => {
    for (const c of ['Customer.orders', 'Query.orders']) {
      assert.ok(!result.methods.includes(c) && !result.fields.includes(c), c);
      assert.equal(resolverOf(schema, c), original[c], c);
    }
  });

  it('calls field resolver methods directly with the root and context, and reads getters', async () => {
    const order = Object.assign(new Order(), { id: 'o1', customerId: 'c1', totalFen: 1250 });
    const line = Object.assign(new OrderLine(), { productId: 'p1' });
    const ctx = {
      loaders: {
        orderLines: { load: async (id: string) => `lines of ${id}` },
        customer: { load: async (id: string) => `customer ${id}` },
        product: { load: async (id: string) => `product ${id}` },
      },
    };
    assert.equal(await resolverOf(schema, 'Order.lines')!(order, {}, ctx, info('lines')), 'lines of o1');
    assert.equal(await resolverOf(schema, 'Order.customer')!(order, {}, ctx, info('customer')), 'customer c1');
    assert.equal(await resolverOf(schema, 'OrderLine.product')!(line, {}, ctx, info('product')), 'product p1');
    assert.equal(resolverOf(schema, 'Order.id')!(order, {}, ctx, info('id')), order.nodeId);
    assert.equal((resolverOf(schema, 'Order.total')!(order, {}, ctx, info('total')) as { fen: number }).fen, 1250);
  });

  it('switches itself off (nothing replaced) for a schema built with a global middleware, which then still runs', async () => {
    const seen: string[] = [];
    const trace: MiddlewareFn = ({ info }, next) => {
      seen.push(info.fieldName);
      return next();
    };
    const withMiddleware = await buildSchema({
      resolvers: RESOLVERS,
      pubSub: new LivePubSub(),
      validate: false,
      directives: [...specifiedDirectives, requiresDirective],
      globalMiddlewares: [trace],
    });
    const number = resolverOf(withMiddleware, 'Order.number');
    const off = fastResolvers(withMiddleware);
    assert.deepEqual(off, { replaced: 0, fields: [], methods: [], off: 'global middlewares' });
    assert.equal(resolverOf(withMiddleware, 'Order.number'), number);
    assert.equal(
      await resolverOf(withMiddleware, 'Order.number')!(
        Object.assign(new Order(), { number: 'SO1' }),
        {},
        {},
        info('number'),
      ),
      'SO1',
    );
    assert.deepEqual(seen, ['number']);
  });

  it('stays on for the first schema after another was built with a middleware (options are per schema)', () => {
    assert.ok(fastResolvers(schema).replaced > 0);
  });

  it('replaces nothing in a schema type-graphql did not build', () => {
    const plain = new GraphQLSchema({
      query: new GraphQLObjectType({ name: 'Query', fields: { a: { type: GraphQLString } } }),
    });
    const r = fastResolvers(plain);
    assert.equal(r.replaced, 0);
    assert.match(r.off ?? '', /not built by type-graphql/);
  });
});
