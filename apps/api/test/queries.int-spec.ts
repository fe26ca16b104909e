import 'reflect-metadata';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { toGlobalId } from '../src/common/global-id';
import { resetFeedAfterRestore } from '../src/modules/order/order-query.service';
import { createCustomer, createProduct, createWarehouses, orderInput, PLACE_ORDER } from './factories';
import { startTestApi, TestApi } from './helpers';

describe('queries', () => {
  let api: TestApi;
  let east: { gid: string; id: string };
  let north: { gid: string; id: string };
  const numbers: string[] = [];
  let water: Awaited<ReturnType<typeof createProduct>>;

  before(async () => {
    api = await startTestApi();
    await createWarehouses(api.ds);
    east = await createCustomer(api.ds, { region: 'EAST' });
    north = await createCustomer(api.ds, { region: 'NORTH', city: '北京' });
    water = await createProduct(api.ds, {
      sku: 'WTR-0001',
      name: '农夫山泉 550ml',
      stock: { 'SH-01': 200, 'BJ-01': 200 },
      low: 190,
      high: 500,
    });
    const rice = await createProduct(api.ds, { sku: 'GRN-0001', name: '五常大米 5kg', stock: { 'SH-01': 100 } });
    for (let i = 0; i < 25; i++) {
      const customer = i % 3 ? east : north;
      const channel = ['WEB', 'MOBILE_APP', 'PARTNER'][i % 3];
      const r = await api.data(PLACE_ORDER, {
        input: orderInput(customer.gid, [{ sku: i % 5 ? water.sku : rice.sku, quantity: 1 }], {
          channel,
          paid: i % 4 !== 0,
        }),
      });
      numbers.push(r.placeOrder.order.number);
    }
  });
  after(() => api.stop());

  const ORDERS = `query($first: Int, $after: String, $filter: OrderFilter, $orderBy: OrderOrder) {
    orders(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      edges { cursor node { id number status channel createdAt delivery { region } customer { id } } }
      pageInfo { hasNextPage hasPreviousPage endCursor }
    } }`;

  it('pages through every order newest first with keyset cursors, without gaps or repeats', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const r: any = await api.data(ORDERS, { first: 7, after });
      seen.push(...r.orders.edges.map((e: any) => e.node.number));
      after = r.orders.pageInfo.hasNextPage ? r.orders.pageInfo.endCursor : null;
      pages++;
    } while (after);
    assert.equal(pages, 4);
    assert.deepEqual(seen, [...numbers].reverse());
  });

  it('pages oldest first on request (the review queue), a filter kept, without gaps or repeats', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const r: any = await api.data(ORDERS, { first: 3, after, orderBy: 'OLDEST_FIRST' });
      seen.push(...r.orders.edges.map((e: any) => e.node.number));
      after = r.orders.pageInfo.hasNextPage ? r.orders.pageInfo.endCursor : null;
    } while (after);
    assert.deepEqual(seen, numbers);
    const held = await api.data(ORDERS, { first: 100, filter: { status: 'PENDING_REVIEW' }, orderBy: 'OLDEST_FIRST' });
    const times = held.orders.edges.map((e: any) => e.node.createdAt);
    assert.equal(times.length, 7);
    assert.deepEqual(times, [...times].sort());
  });

  it('counts the whole list on request, with its filter, on any page', async () => {
    const count = `query($after: String, $filter: OrderFilter) { orders(first: 5, after: $after, filter: $filter) {
      totalCount pageInfo { endCursor } } warehouses(first: 1) { totalCount } }`;
    const all = await api.data(count, {});
    assert.equal(all.orders.totalCount, 25);
    const later = await api.data(count, { after: all.orders.pageInfo.endCursor });
    assert.equal(later.orders.totalCount, 25, 'the whole list, not what is left after the cursor');
    assert.equal((await api.data(count, { filter: { status: 'PENDING_REVIEW' } })).orders.totalCount, 7);
    assert.equal((await api.data(count, { filter: { channel: 'PARTNER' } })).orders.totalCount, 8);
    const [{ n }] = await api.ds.query(`SELECT count(*)::int AS n FROM warehouse`);
    assert.equal(all.warehouses.totalCount, n, 'a query-builder list counts too');
  });

  it('filters by status, channel, customer, region, warehouse, created range and number search', async () => {
    const count = async (filter: object) => (await api.data(ORDERS, { first: 100, filter })).orders.edges.length;
    assert.equal(await count({ status: 'PENDING_REVIEW' }), 7, 'unpaid ones are held');
    assert.equal(await count({ status: ['PENDING_REVIEW', 'ALLOCATED'] }), 25);
    assert.equal(await count({ channel: 'PARTNER' }), 8);
    assert.equal(await count({ customerId: north.gid }), 9);
    assert.equal(await count({ region: 'NORTH' }), 9);
    assert.equal(await count({ warehouseCode: 'BJ-01' }), 7, 'north orders of water ship from Beijing');
    assert.equal(await count({ createdAfter: new Date(Date.now() + 60_000).toISOString() }), 0);
    assert.equal(await count({ createdBefore: new Date(Date.now() + 60_000).toISOString() }), 25);
    const n = numbers[3];
    assert.equal(await count({ search: n.slice(-6) }), 1);
    assert.equal(await count({ search: '%%%' }), 0, 'LIKE wildcards are searched literally');
  });

  it('finds an order by id, by number and through node(id)', async () => {
    const { orders } = await api.data(ORDERS, { first: 1 });
    const o = orders.edges[0].node;
    const r = await api.data(
      `query($id: ID!, $n: String!) {
        order(id: $id) { number }
        orderByNumber(number: $n) { id }
        node(id: $id) { id ... on Order { number } }
        missing: order(id: "bm9wZQ") { id }
      }`,
      { id: o.id, n: o.number },
    );
    assert.equal(r.order.number, o.number);
    assert.equal(r.orderByNumber.id, o.id);
    assert.equal(r.node.number, o.number);
    assert.equal(r.missing, null);
  });

  it('lists stock levels by SKU and warehouse, below-threshold only on request', async () => {
    const q = `query($filter: StockLevelFilter) { stockLevels(first: 50, filter: $filter) { edges { node { sku warehouseCode onHand reserved available lowThreshold status product { name } warehouse { name region } } } } }`;
    const all = await api.data(q, {});
    assert.deepEqual(
      all.stockLevels.edges.map((e: any) => `${e.node.sku}@${e.node.warehouseCode}`),
      ['GRN-0001@SH-01', 'WTR-0001@BJ-01', 'WTR-0001@SH-01'],
    );
    const low = await api.data(q, { filter: { belowThreshold: true } });
    // 13 east orders took water from Shanghai (187 left, threshold 190); 7 north ones from Beijing (193 left).
    assert.deepEqual(
      low.stockLevels.edges.map((e: any) => [e.node.sku, e.node.warehouseCode, e.node.available, e.node.status]),
      [['WTR-0001', 'SH-01', 187, 'LOW']],
    );
    const one = await api.data(q, { filter: { sku: 'WTR-0001', warehouseCode: 'BJ-01' } });
    assert.equal(one.stockLevels.edges.length, 1);
    assert.equal(one.stockLevels.edges[0].node.warehouse.region, 'NORTH');
  });

  it('shows the movement ledger of a level, newest first', async () => {
    const r = await api.data(
      `query($id: ID!) { node(id: $id) { ... on StockLevel { onHand movements(first: 3) { edges { node { reason onHandDelta reservedDelta reservedAfter reference actor } } pageInfo { hasNextPage } } } } }`,
      {
        id: toGlobalId('StockLevel', water.levels['BJ-01']),
      },
    );
    const edges = r.node.movements.edges;
    assert.equal(edges.length, 3);
    assert.equal(edges[0].node.reason, 'RESERVATION');
    assert.match(edges[0].node.reference, /^SO/);
    assert.equal(r.node.movements.pageInfo.hasNextPage, true);
  });

  it('lists products, customers and warehouses as connections', async () => {
    const r = await api.data(`{
      products(first: 10, filter: { search: "GRN-0001" }) { edges { node { sku unitPrice { amount currency } packaging } } }
      customers(first: 10, filter: { region: NORTH }) { edges { node { id name phone region isNew creditStatus orders(first: 2) { edges { node { number } } } } } }
      warehouses(first: 10) { edges { node { code kind region } } }
    }`);
    assert.deepEqual(
      r.products.edges.map((e: any) => e.node.sku),
      ['GRN-0001'],
    );
    assert.equal(r.products.edges[0].node.unitPrice.currency, 'CNY');
    assert.equal(r.customers.edges.length, 1);
    assert.equal(r.customers.edges[0].node.id, north.gid);
    assert.equal(r.customers.edges[0].node.orders.edges.length, 2);
    assert.deepEqual(
      r.warehouses.edges.map((e: any) => e.node.code),
      ['BJ-01', 'GZ-01', 'HZ-ST1', 'SH-01'],
    );
  });

  it('lets a client re-read events it missed from a cursor', async () => {
    const first = await api.data(
      `{ orderEvents(first: 5) { edges { node { sequence toStatus order { number } } } pageInfo { endCursor } } }`,
    );
    const next = await api.data(
      `query($after: String) { orderEvents(first: 5, after: $after) { edges { node { id } } } }`,
      { after: first.orderEvents.pageInfo.endCursor },
    );
    assert.equal(first.orderEvents.edges[0].node.sequence, 1);
    assert.equal(next.orderEvents.edges.length, 5);
  });

  it('never lets a catch-up skip an event whose transaction commits after a later-numbered one is visible', async () => {
    const FEED = `query($after: String) { orderEvents(first: 100, after: $after) {
      edges { node { sequence reason order { number } } } pageInfo { endCursor } } }`;
    const readAll = async (after: string | null) => {
      const reasons: string[] = [];
      for (;;) {
        const r: any = await api.data(FEED, { after });
        reasons.push(...r.orderEvents.edges.map((e: any) => e.node.reason ?? ''));
        if (!r.orderEvents.edges.length) return { reasons, after };
        after = r.orderEvents.pageInfo.endCursor;
      }
    };
    const start = (await readAll(null)).after;
    const [order] = await api.ds.query(`SELECT id FROM orders WHERE number = $1`, [numbers[0]]);
    const write = (q: { query: (sql: string, p: unknown[]) => Promise<unknown> }, sequence: number, reason: string) =>
      q.query(
        `INSERT INTO order_event (order_id, sequence, type, from_status, to_status, reason, actor)
         VALUES ($1, $2, 'EDITED', 'CONFIRMED', 'CONFIRMED', $3, 'test')`,
        [order.id, sequence, reason],
      );
    // The slow transaction takes the lower id and stays open while a later one commits.
    const slow = api.ds.createQueryRunner();
    await slow.connect();
    await slow.startTransaction();
    await write(slow, 901, 'slow');
    await write(api.ds, 902, 'quick');
    const whileOpen = await readAll(start);
    assert.deepEqual(whileOpen.reasons, [], 'nothing past the open transaction is shown yet');
    await slow.commitTransaction();
    await slow.release();
    const afterwards = await readAll(whileOpen.after);
    assert.deepEqual(
      afterwards.reasons,
      ['slow', 'quick'],
      'both, in commit order, from the cursor handed out meanwhile',
    );

    // A cursor names its event: it goes on from there whatever the event's transaction number.
    const [slowEvent] = await api.ds.query(`SELECT id::text FROM order_event WHERE reason = 'slow'`);
    const named = Buffer.from(JSON.stringify([slowEvent.id])).toString('base64url');
    assert.deepEqual((await readAll(named)).reasons, ['quick']);

    // A logical restore into a new cluster brings the old cluster's numbers: some beyond its counter
    // (hidden), some below it. The start puts them all back to 0.
    await api.ds.query(
      `UPDATE order_event SET tx = (pg_current_xact_id()::text::bigint + 1000000)::text::xid8 WHERE reason = 'quick'`,
    );
    assert.deepEqual((await readAll(start)).reasons, ['slow'], 'an event numbered beyond the counter is hidden');
    assert.ok((await resetFeedAfterRestore(api.ds)) > 0);
    assert.deepEqual((await readAll(named)).reasons, ['quick'], 'nothing is skipped from a cursor on any of them');
    assert.deepEqual((await readAll(start)).reasons, ['slow', 'quick'], 'a cursor from before the restore goes on');
    assert.equal(await resetFeedAfterRestore(api.ds), 0, 'nothing to do once reset');
    await write(api.ds, 903, 'after restore');
    assert.deepEqual((await readAll(afterwards.after)).reasons, ['after restore']);
  });

  it('answers a page of orders with nested relations in a fixed number of SQL statements, whatever the page size', async () => {
    const q = `query($first: Int) { orders(first: $first) { edges { node { number customer { name } lines { sku product { name } }
      allocations { quantity warehouse { code } } events { sequence } } } } }`;
    const cost = async (first: number) => {
      api.queries.count = 0;
      await api.data(q, { first });
      return api.queries.count;
    };
    const small = await cost(2);
    const large = await cost(25);
    assert.equal(large, small, 'no N+1: the statement count does not grow with the page');
    // orders, customers, lines, products, allocations, warehouses, events + the session check + one audit row for personal data shown
    assert.ok(large <= 9, `${large} statements`);
  });
});
