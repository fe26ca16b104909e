import http from 'node:http';
import { buildSchema, DocumentNode, execute, GraphQLError, GraphQLSchema, parse, validate } from 'graphql';
import { Pool } from 'pg';
import { fenToDecimal, maskName } from '@fulfilment/domain';

/**
 * The baseline of benchmark 3: what reading orders costs without the platform's framework. A bare
 * node:http server, graphql-js with an SDL schema of the same names and shapes as the API's (only the
 * types the benchmark reads), parsed and validated documents cached by query text, and hand-written
 * SQL over pg: the page by keyset on (created_at, id), then one statement per relation for the whole
 * page (lines with their product, customers, allocations with their warehouse), batched per request
 * the way DataLoader does: the same statements as the API's, prepared (named) like the API's. It answers as a caller without CUSTOMER_PII_READ sees the API (customer
 * names masked with the same function), so both return byte-for-byte the same JSON. No
 * authentication, rate limit, query limits, logging or audit: that is the point of a baseline.
 *
 * Run as its own process: `DATABASE_URL=… PORT=… node bench/dist/baselines/reads-server.js`.
 */
const SDL = `
  type Query { orders(first: Int, after: String): OrderConnection! }
  type PageInfo { hasNextPage: Boolean! hasPreviousPage: Boolean! startCursor: String endCursor: String }
  type OrderConnection { edges: [OrderEdge!]! pageInfo: PageInfo! }
  type OrderEdge { cursor: String! node: Order! }
  type Money { amount: String! fen: Int! currency: String! }
  type Order {
    id: ID! number: String! status: String! channel: String! paymentStatus: String! createdAt: String!
    subtotal: Money! deliveryFee: Money! total: Money!
    customer: Customer! lines: [OrderLine!]! allocations: [OrderAllocation!]!
  }
  type Customer { id: ID! name: String! city: String! region: String! }
  type OrderLine { id: ID! lineNo: Int! sku: String! productName: String! spec: String! quantity: Int! unitPrice: Money! lineTotal: Money! product: Product! }
  type Product { id: ID! sku: String! name: String! spec: String! category: String! unitPrice: Money! }
  type OrderAllocation { id: ID! lineNo: Int! sku: String! quantity: Int! status: String! createdAt: String! warehouse: Warehouse! }
  type Warehouse { id: ID! code: String! name: String! region: String! city: String! kind: String! }
`;

const gid = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64url');
const money = (fen: number) => ({ amount: fenToDecimal(fen), fen, currency: 'CNY' });
const cursorOf = (o: { created_at: Date; id: string }) =>
  Buffer.from(JSON.stringify([o.created_at.toISOString(), o.id])).toString('base64url');

/** Collects the keys asked for in one tick and loads them with one query (DataLoader's idea, no cache). */
function batch<V>(load: (keys: string[]) => Promise<Map<string, V>>, missing: V) {
  let queued: { key: string; resolve: (v: V) => void; reject: (e: unknown) => void }[] | null = null;
  return (key: string) =>
    new Promise<V>((resolve, reject) => {
      if (!queued) {
        queued = [];
        const q = queued;
        process.nextTick(() => {
          queued = null;
          load([...new Set(q.map((x) => x.key))]).then(
            (m) => q.forEach((x) => x.resolve(m.get(x.key) ?? missing)),
            (e) => q.forEach((x) => x.reject(e)),
          );
        });
      }
      queued.push({ key, resolve, reject });
    });
}

/** Named (prepared once per connection), like the API's reads: PostgreSQL parses and plans each statement once. */
function query(pool: Pool, text: string, values: unknown[], name: string) {
  return pool.query({ name, text, values });
}

function groupBy<T>(rows: T[], key: (r: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  }
  return m;
}

function loaders(pool: Pool) {
  return {
    lines: batch(async (ids) => {
      const { rows } = await query(
        pool,
        `SELECT l.id, l.order_id, l.line_no, l.sku, l.product_name, l.spec, l.quantity, l.unit_price_fen,
                p.id AS p_id, p.sku AS p_sku, p.name AS p_name, p.spec AS p_spec, p.category AS p_category, p.unit_price_fen AS p_price
           FROM order_line l CROSS JOIN LATERAL (SELECT * FROM product p WHERE p.id = l.product_id OFFSET 0) p
          WHERE l.order_id = ANY($1::uuid[]) ORDER BY l.order_id, l.line_no`,
        [ids],
        'lines',
      );
      return groupBy(rows, (r) => r.order_id);
    }, [] as any[]),
    allocations: batch(async (ids) => {
      const { rows } = await query(
        pool,
        `SELECT a.id, a.order_id, a.line_no, a.sku, a.quantity, a.status, a.created_at,
                w.id AS w_id, w.code AS w_code, w.name AS w_name, w.region AS w_region, w.city AS w_city, w.kind AS w_kind
           FROM order_allocation a JOIN warehouse w ON w.id = a.warehouse_id WHERE a.order_id = ANY($1::uuid[]) ORDER BY a.order_id, a.line_no, a.created_at`,
        [ids],
        'allocations',
      );
      return groupBy(rows, (r) => r.order_id);
    }, [] as any[]),
    customer: batch(async (ids) => {
      const { rows } = await query(
        pool,
        `SELECT id, name, city, region FROM customer WHERE id = ANY($1::uuid[])`,
        [ids],
        'customers',
      );
      return new Map(rows.map((r) => [r.id as string, r]));
    }, null as any),
  };
}

type Loaders = ReturnType<typeof loaders> & { pool: Pool };

function resolvers(schema: GraphQLSchema) {
  const fields = (type: string, map: Record<string, (row: any, args: any, ctx: Loaders) => unknown>) => {
    const t = schema.getType(type) as any;
    for (const [name, resolve] of Object.entries(map)) t.getFields()[name].resolve = resolve;
  };
  fields('Query', {
    orders: async (_root, args: { first?: number; after?: string }, ctx) => {
      const first = args.first ?? 20;
      if (first < 1 || first > 100) throw new GraphQLError('`first` must be between 1 and 100');
      let after: [string, string] | null = null;
      if (args.after) after = JSON.parse(Buffer.from(args.after, 'base64url').toString('utf8'));
      const { rows } = await query(
        ctx.pool,
        `SELECT id, number, status, channel, payment_status, customer_id, subtotal_fen, delivery_fee_fen, total_fen, created_at FROM orders
          WHERE $1::timestamptz IS NULL OR (created_at, id) < ($1::timestamptz, $2::uuid)
          ORDER BY created_at DESC, id DESC LIMIT $3`,
        [after?.[0] ?? null, after?.[1] ?? null, first + 1],
        'orders',
      );
      const page = rows.slice(0, first);
      const edges = page.map((o) => ({ cursor: cursorOf(o), node: o }));
      return {
        edges,
        pageInfo: {
          hasNextPage: rows.length > first,
          hasPreviousPage: !!args.after,
          startCursor: edges[0]?.cursor ?? null,
          endCursor: edges.at(-1)?.cursor ?? null,
        },
      };
    },
  });
  fields('Order', {
    id: (o) => gid('Order', o.id),
    paymentStatus: (o) => o.payment_status,
    createdAt: (o) => o.created_at.toISOString(),
    subtotal: (o) => money(o.subtotal_fen),
    deliveryFee: (o) => money(o.delivery_fee_fen),
    total: (o) => money(o.total_fen),
    customer: (o, _a, ctx) => ctx.customer(o.customer_id),
    lines: (o, _a, ctx) => ctx.lines(o.id),
    allocations: (o, _a, ctx) => ctx.allocations(o.id),
  });
  fields('Customer', {
    id: (c) => gid('Customer', c.id),
    name: (c) => maskName(c.name),
  });
  fields('OrderLine', {
    lineNo: (l) => l.line_no,
    productName: (l) => l.product_name,
    unitPrice: (l) => money(l.unit_price_fen),
    lineTotal: (l) => money(l.unit_price_fen * l.quantity),
    product: (l) => ({
      id: l.p_id,
      sku: l.p_sku,
      name: l.p_name,
      spec: l.p_spec,
      category: l.p_category,
      unit_price_fen: l.p_price,
    }),
  });
  fields('Product', {
    id: (p) => gid('Product', p.id),
    unitPrice: (p) => money(p.unit_price_fen),
  });
  fields('OrderAllocation', {
    lineNo: (a) => a.line_no,
    createdAt: (a) => a.created_at.toISOString(),
    warehouse: (a) => ({
      id: a.w_id,
      code: a.w_code,
      name: a.w_name,
      region: a.w_region,
      city: a.w_city,
      kind: a.w_kind,
    }),
  });
  fields('Warehouse', { id: (w) => gid('Warehouse', w.id) });
}

async function main() {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DB_POOL_SIZE ?? 20) });
  const schema = buildSchema(SDL);
  resolvers(schema);
  const documents = new Map<string, DocumentNode | readonly GraphQLError[]>();
  const prepared = (query: string) => {
    let d = documents.get(query);
    if (!d) {
      let doc: DocumentNode;
      try {
        doc = parse(query);
      } catch (e) {
        return [e as GraphQLError];
      }
      const errors = validate(schema, doc);
      d = errors.length ? errors : doc;
      if (documents.size < 1000) documents.set(query, d);
    }
    return d;
  };
  const send = (res: http.ServerResponse, status: number, body: unknown) => {
    const text = JSON.stringify(body);
    res.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(text),
    });
    res.end(text);
  };
  const server = http.createServer((req, res) => {
    if (req.url === '/health') return send(res, 200, { status: 'ok' });
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      try {
        const { query, variables, operationName } = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        const d = prepared(query);
        if (Array.isArray(d)) return send(res, 400, { errors: d.map((e) => ({ message: e.message })) });
        const ctx = { pool, ...loaders(pool) };
        const result = await execute({
          schema,
          document: d as DocumentNode,
          variableValues: variables,
          operationName,
          contextValue: ctx,
        });
        send(res, 200, result);
      } catch (e) {
        send(res, 500, { errors: [{ message: (e as Error).message }] });
      }
    });
  });
  server.keepAliveTimeout = 65_000;
  server.listen(Number(process.env.PORT ?? 4100), '127.0.0.1', () => process.stdout.write('ready\n'));
  process.on('SIGTERM', () => server.close(() => pool.end().then(() => process.exit(0))));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
