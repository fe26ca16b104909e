import 'reflect-metadata';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, getNamedType, isInputObjectType } from 'graphql';
import { maskName, maskPhone } from '@fulfilment/domain';
import { REPO_ROOT } from '../src/config';
import { toGlobalId } from '../src/common/global-id';
import { createCustomer, createProduct, createWarehouses, orderInput, PLACE_ORDER } from './factories';
import { postRaw, settle, startTestApi, subscribe, TestApi } from './helpers';

const PHONE = '13912345678';

describe('personal data is masked for those who may not read it', () => {
  let api: TestApi;
  let customer: { id: string; gid: string };
  let order: { id: string; number: string };
  let tokens: Record<'manager' | 'warehouse', string>;

  before(async () => {
    api = await startTestApi();
    await createWarehouses(api.ds);
    customer = await createCustomer(api.ds);
    await api.ds.query(
      `UPDATE customer SET name = '欧阳晓明', phone = $2, email = 'xiaoming@example.cn', address = '浦东新区张杨路1234号5栋601室', city = '上海' WHERE id = $1`,
      [customer.id, PHONE],
    );
    const p = await createProduct(api.ds, { stock: { 'SH-01': 50 } });
    const placed = await api.data(PLACE_ORDER, { input: orderInput(customer.gid, [{ sku: p.sku, quantity: 1 }]) });
    order = placed.placeOrder.order;
    tokens = { manager: await api.loginAs('MANAGER'), warehouse: await api.loginAs('WAREHOUSE') };
  });
  after(() => api.stop());

  const as = async (who: 'manager' | 'warehouse', query: string, variables: object = {}) => {
    const r = await postRaw(api.url, JSON.stringify({ query, variables }), { authorization: `Bearer ${tokens[who]}` });
    assert.equal(r.body.errors, undefined, r.text);
    return r;
  };
  const CUSTOMER_FIELDS = 'name phone email address city';
  const MASKED = {
    name: '欧**',
    phone: '139****5678',
    email: 'x***@example.cn',
    address: '上海浦东新区',
    city: '上海',
  };
  const CLEAR = {
    name: '欧阳晓明',
    phone: PHONE,
    email: 'xiaoming@example.cn',
    address: '浦东新区张杨路1234号5栋601室',
    city: '上海',
  };

  const paths: [string, string, (data: any) => unknown][] = [
    [
      'customers list',
      `{ customers(first: 50) { edges { node { id ${CUSTOMER_FIELDS} } } } }`,
      (d) => {
        const { id: _id, ...fields } = d.customers.edges.find((e: any) => e.node.id === customer.gid).node;
        return fields;
      },
    ],
    ['node(Customer)', `query($id: ID!) { node(id: $id) { ... on Customer { ${CUSTOMER_FIELDS} } } }`, (d) => d.node],
    [
      'order.customer',
      `query($order: ID!) { order(id: $order) { customer { ${CUSTOMER_FIELDS} } } }`,
      (d) => d.order.customer,
    ],
    [
      'orders list',
      `{ orders(first: 5) { edges { node { customer { ${CUSTOMER_FIELDS} } } } } }`,
      (d) => d.orders.edges[0].node.customer,
    ],
    [
      'orderByNumber',
      `query($number: String!) { orderByNumber(number: $number) { customer { ${CUSTOMER_FIELDS} } } }`,
      (d) => d.orderByNumber.customer,
    ],
    [
      'order event',
      `{ orderEvents(first: 1) { edges { node { order { customer { ${CUSTOMER_FIELDS} } } } } } }`,
      (d) => d.orderEvents.edges[0].node.order.customer,
    ],
  ];

  for (const [label, query, pick] of paths) {
    it(`masks the customer on ${label} for warehouse staff and shows it to managers`, async () => {
      // Only the variables the query declares (undeclared ones are refused).
      const variables = Object.fromEntries(
        Object.entries({ id: customer.gid, order: order.id, number: order.number }).filter(([k]) =>
          query.includes(`$${k}:`),
        ),
      );
      assert.deepEqual(pick((await as('warehouse', query, variables)).body.data), MASKED);
      assert.deepEqual(pick((await as('manager', query, variables)).body.data), CLEAR);
    });
  }

  it('masks the delivery contact, phone and street but keeps the delivery area', async () => {
    const q = `query($id: ID!) { order(id: $id) { delivery { contactName phone address city region } } }`;
    assert.deepEqual((await as('warehouse', q, { id: order.id })).body.data.order.delivery, {
      contactName: '欧**',
      phone: '139****5678',
      address: '上海浦东新区',
      city: '上海',
      region: 'EAST',
    });
    assert.equal((await as('manager', q, { id: order.id })).body.data.order.delivery.phone, PHONE);
  });

  it('masks personal data in live events too', async () => {
    const q = `subscription { orderStatusChanged { order { delivery { phone } customer { name } } } }`;
    const warehouse = subscribe(api.ws(`Bearer ${tokens.warehouse}`), q);
    const manager = subscribe(api.ws(`Bearer ${tokens.manager}`), q);
    await settle();
    await api.data(`mutation($input: HoldOrderInput!) { holdOrder(input: $input) { userErrors { code } } }`, {
      input: { orderId: order.id, reason: '客户出差' },
    });
    const [w] = await warehouse.waitFor(1);
    const [m] = await manager.waitFor(1);
    assert.deepEqual(w.orderStatusChanged.order, { delivery: { phone: '139****5678' }, customer: { name: '欧**' } });
    assert.deepEqual(m.orderStatusChanged.order, { delivery: { phone: PHONE }, customer: { name: '欧阳晓明' } });
  });

  it('masks personal data for API keys, which never get it', async () => {
    const created = await api.data(
      `mutation { createApiKey(input: { name: "partner", scopes: [ORDERS_READ, ORDERS_WRITE] }) { secret } }`,
    );
    const r = await postRaw(
      api.url,
      JSON.stringify({
        query: `query($id: ID!) { order(id: $id) { customer { phone } delivery { phone } } }`,
        variables: { id: order.id },
      }),
      {
        authorization: `Bearer ${created.createApiKey.secret}`,
      },
    );
    assert.deepEqual(r.body.data.order, { customer: { phone: '139****5678' }, delivery: { phone: '139****5678' } });
  });

  /** Every root list with a `filter: { search }`, read from the committed schema (later modules included). */
  const searchableLists = () => {
    const schema = buildSchema(fs.readFileSync(path.join(REPO_ROOT, 'schema.graphql'), 'utf8'));
    return Object.values(schema.getQueryType()!.getFields())
      .filter((f) => {
        const filter = f.args.find((a) => a.name === 'filter');
        const type = filter && getNamedType(filter.type);
        return type && isInputObjectType(type) && 'search' in type.getFields();
      })
      .map((f) => f.name);
  };

  it('answers no search with more than a masked caller is shown (the search oracle)', async () => {
    const lists = searchableLists();
    assert.ok(lists.includes('customers') && lists.includes('orders'), lists.join());
    // The full number, the hidden middle digits with a visible neighbour, the full name, the hidden given name.
    const probes = [PHONE, '91234', '12345678', '欧阳晓明', '阳晓明'];
    for (const list of lists) {
      for (const search of probes) {
        const q = `query($s: String!) { ${list}(first: 100, filter: { search: $s }) { edges { node { id } } } }`;
        const r = await postRaw(api.url, JSON.stringify({ query: q, variables: { s: search } }), {
          authorization: `Bearer ${tokens.warehouse}`,
        });
        if (r.body.errors?.[0]?.extensions?.code === 'FORBIDDEN') continue;
        assert.equal(r.body.errors, undefined, r.text);
        assert.deepEqual(r.body.data[list].edges, [], `${list} found "${search}" for a masked caller`);
      }
    }
    const found = async (who: 'manager' | 'warehouse', search: string) =>
      (
        await as(
          who,
          `query($s: String!) { customers(first: 100, filter: { search: $s }) { edges { node { id } } } }`,
          {
            s: search,
          },
        )
      ).body.data.customers.edges.some((e: any) => e.node.id === customer.gid);
    // What the masked caller is shown, it may search for; everything else only with CUSTOMER_PII_READ.
    assert.equal(await found('warehouse', '5678'), true);
    assert.equal(await found('warehouse', '139****5678'), true);
    assert.equal(await found('warehouse', '欧**'), true);
    assert.equal(await found('manager', PHONE), true);
    assert.equal(await found('manager', '欧阳晓明'), true);
  });

  it('refuses searches too short to use an index', async () => {
    for (const list of searchableLists()) {
      const q = `{ ${list}(first: 5, filter: { search: "13" }) { edges { node { id } } } }`;
      const r = await postRaw(api.url, JSON.stringify({ query: q }), { authorization: `Bearer ${tokens.manager}` });
      assert.equal(r.body.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT', `${list}: ${r.text}`);
      assert.match(r.body.errors[0].message, /at least 3 characters/);
    }
  });

  it('masks the SQL search exactly like the fields (SQL and TypeScript masks agree)', async () => {
    const phones = [PHONE, '021-62345678', '12345', '+86 139 1234 5678', '', '①②③④⑤⑥⑦⑧'];
    const names = ['欧阳晓明', '张伟', 'Li', 'X', ' 王 ', '\u3000李娜\u3000', '', '𠮷野家'];
    for (const phone of phones) {
      const [{ m }] = await api.ds.query(`SELECT mask_phone($1) AS m`, [phone]);
      assert.equal(m, maskPhone(phone), `phone ${JSON.stringify(phone)}`);
    }
    for (const name of names) {
      const [{ m }] = await api.ds.query(`SELECT mask_name($1) AS m`, [name]);
      assert.equal(m, maskName(name), `name ${JSON.stringify(name)}`);
    }
  });

  it('masks contact details written into notes and reasons, on reads and live', async () => {
    const note = `请联系 ${PHONE} 或 xiaoming@example.cn`;
    const live = subscribe(api.ws(`Bearer ${tokens.warehouse}`), `subscription { orderStatusChanged { reason } }`);
    await settle();
    const p = await createProduct(api.ds, { stock: { 'SH-01': 5 } });
    const placed = await api.data(PLACE_ORDER, {
      input: orderInput(customer.gid, [{ sku: p.sku, quantity: 1 }], { note }),
    });
    const id = placed.placeOrder.order.id;
    await api.data(`mutation($input: HoldOrderInput!) { holdOrder(input: $input) { userErrors { code } } }`, {
      input: { orderId: id, reason: `客户改号 ${PHONE}` },
    });
    const q = `query($id: ID!) { order(id: $id) { note statusReason events { reason } } }`;
    const masked = (await as('warehouse', q, { id })).body.data.order;
    assert.equal(masked.note, '请联系 139****5678 或 x***@example.cn');
    assert.equal(masked.statusReason, '客户改号 139****5678');
    assert.equal(masked.events.at(-1).reason, '客户改号 139****5678');
    assert.ok(!JSON.stringify(masked).includes(PHONE));
    const clear = (await as('manager', q, { id })).body.data.order;
    assert.equal(clear.note, note);
    assert.equal(clear.statusReason, `客户改号 ${PHONE}`);
    const events = await live.waitFor(2);
    assert.ok(!JSON.stringify(events).includes(PHONE), JSON.stringify(events));
    assert.ok(JSON.stringify(events).includes('139****5678'));
  });

  it('keeps the street out of a masked address whose words only end like a district', async () => {
    const other = await createCustomer(api.ds);
    await api.ds.query(`UPDATE customer SET address = '人民路8号阳光小区1栋', city = '上海' WHERE id = $1`, [other.id]);
    const q = `query($id: ID!) { node(id: $id) { ... on Customer { address } } }`;
    assert.equal((await as('warehouse', q, { id: other.gid })).body.data.node.address, '上海');
  });

  it('shows staff who acted by name, never by their sign-in e-mail', async () => {
    const p = await createProduct(api.ds, { stock: { 'SH-01': 5 } });
    const placed = await api.data(PLACE_ORDER, { input: orderInput(customer.gid, [{ sku: p.sku, quantity: 1 }]) });
    const q = `query($id: ID!) { order(id: $id) { events { actor } allocations { warehouse { code } } } }`;
    const r = await as('warehouse', q, { id: placed.placeOrder.order.id });
    const actors = r.body.data.order.events.map((e: any) => e.actor);
    assert.ok(actors.includes('系统管理员 陈静'), actors.join());
    const levels = await as(
      'warehouse',
      `{ stockLevels(first: 100) { edges { node { movements(first: 10) { edges { node { actor } } } } } } }`,
    );
    const text = JSON.stringify([r.body, levels.body]);
    assert.ok(!text.includes('@demo.local'), 'no staff e-mail in events or movements');
    assert.ok(text.includes('系统管理员 陈静'));
  });

  it('records who saw personal data unmasked, without the data itself', async () => {
    const before = (
      await api.ds.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'CUSTOMER_PII_READ'`)
    )[0].n;
    await as('warehouse', `query($id: ID!) { node(id: $id) { ... on Customer { phone } } }`, { id: customer.gid });
    const r = await as('manager', `query($id: ID!) { node(id: $id) { ... on Customer { phone } } }`, {
      id: customer.gid,
    });
    const rows = await api.ds.query(`SELECT * FROM audit_log WHERE action = 'CUSTOMER_PII_READ' ORDER BY id DESC`);
    assert.equal(rows.length, before + 1, 'only the unmasked read is recorded');
    assert.equal(rows[0].actor_name, 'manager@demo.local');
    assert.equal(rows[0].target_id, `Customer:${customer.id}`);
    assert.equal(rows[0].request_id, r.headers.get('x-request-id'));
    const everything = JSON.stringify(await api.ds.query(`SELECT * FROM audit_log`));
    assert.ok(!everything.includes(PHONE) && !everything.includes('欧阳晓明'), 'no personal data in the audit log');
  });
});

describe('the audit log', () => {
  let api: TestApi;
  before(async () => {
    api = await startTestApi();
    await createWarehouses(api.ds);
  });
  after(() => api.stop());

  const rows = (where: string, params: unknown[] = []) =>
    api.ds.query(`SELECT * FROM audit_log WHERE ${where} ORDER BY id`, params);

  it('records a successful change in the same transaction, and a failed one as a failure only', async () => {
    const customer = await createCustomer(api.ds);
    const p = await createProduct(api.ds, { stock: { 'SH-01': 1 } });
    const ok = await api.gql(PLACE_ORDER, { input: orderInput(customer.gid, [{ sku: p.sku, quantity: 1 }]) });
    const orderId = ok.body.data.placeOrder.order.id;
    const [row] = await rows(`action = 'PLACE_ORDER' AND outcome = 'SUCCESS'`);
    assert.equal(toGlobalId('Order', row.target_id), orderId);
    assert.equal(row.actor_name, 'admin@demo.local');
    assert.equal(row.role, 'ADMIN');
    assert.ok(row.request_id && row.client_ip);
    const [{ same }] = await api.ds.query(
      `SELECT (SELECT xmin FROM orders WHERE id = $1)::text = (SELECT xmin FROM audit_log WHERE id = $2)::text AS same`,
      [row.target_id, row.id],
    );
    assert.equal(same, true, 'order and audit row were written by one transaction');

    const failed = await api.gql(PLACE_ORDER, { input: orderInput(customer.gid, [{ sku: p.sku, quantity: 1 }]) });
    assert.equal(failed.body.data.placeOrder.userErrors[0].code, 'OUT_OF_STOCK');
    const failures = await rows(`action = 'PLACE_ORDER' AND outcome = 'FAILURE'`);
    assert.equal(failures.length, 1);
    assert.deepEqual(failures[0].details, { codes: ['OUT_OF_STOCK'] });
    assert.equal((await rows(`action = 'PLACE_ORDER' AND outcome = 'SUCCESS'`)).length, 1);
  });

  it('records sign-ins, denied access, API-key use and stock adjustments, never secrets', async () => {
    await postRaw(
      api.url,
      JSON.stringify({
        query: `mutation { login(input: { email: "warehouse@demo.local", password: "wrong-pass" }) { token } }`,
      }),
    );
    const token = await api.loginAs('WAREHOUSE');
    await postRaw(api.url, JSON.stringify({ query: `{ users(first: 1) { edges { cursor } } }` }), {
      authorization: `Bearer ${token}`,
    });
    const key = (await api.data(`mutation { createApiKey(input: { name: "erp", scopes: [STOCK_READ] }) { secret } }`))
      .createApiKey.secret;
    await postRaw(api.url, JSON.stringify({ query: `query Levels { stockLevels(first: 1) { edges { cursor } } }` }), {
      authorization: `Bearer ${key}`,
    });
    const p = await createProduct(api.ds, { stock: { 'SH-01': 5 } });
    await postRaw(
      api.url,
      JSON.stringify({
        query: `mutation { adjustStock(input: { sku: "${p.sku}", warehouseCode: "SH-01", countedQuantity: 4, reason: COUNT_ADJUSTMENT }) { userErrors { code } } }`,
      }),
      { authorization: `Bearer ${token}` },
    );

    const logins = await rows(`action = 'LOGIN' AND target_id = 'warehouse@demo.local'`);
    assert.deepEqual(
      logins.map((r: any) => r.outcome),
      ['FAILURE', 'SUCCESS'],
    );
    const [denied] = await rows(`action = 'ACCESS_DENIED'`);
    assert.deepEqual(
      [denied.actor_name, denied.role, denied.target_id, denied.outcome],
      ['warehouse@demo.local', 'WAREHOUSE', 'Query.users', 'DENIED'],
    );
    const [used] = await rows(`action = 'API_KEY_USED'`);
    assert.deepEqual([used.actor_kind, used.actor_name, used.target_id], ['API_KEY', 'key:erp', 'Levels']);
    const [adjusted] = await rows(`action = 'ADJUST_STOCK'`);
    assert.equal(adjusted.details.delta, -1);
    const everything = JSON.stringify(await api.ds.query(`SELECT * FROM audit_log`));
    assert.ok(!everything.includes('wrong-pass') && !everything.includes(key.slice(14)), 'no passwords or key secrets');
  });

  it('cannot be changed or erased', async () => {
    await assert.rejects(api.ds.query(`UPDATE audit_log SET outcome = 'SUCCESS'`), /append-only/);
    await assert.rejects(api.ds.query(`DELETE FROM audit_log`), /append-only/);
  });

  it('lets managers search it by actor, action, target and time; customer service may not', async () => {
    const manager = await api.loginAs('MANAGER');
    const q = `query($filter: AuditFilter) { auditLog(first: 50, filter: $filter) { edges { node { actorName action outcome targetId at } } } }`;
    const search = async (filter: object) => {
      const r = await postRaw(api.url, JSON.stringify({ query: q, variables: { filter } }), {
        authorization: `Bearer ${manager}`,
      });
      return r.body.data.auditLog.edges.map((e: any) => e.node);
    };
    assert.ok((await search({ action: 'LOGIN' })).every((n: any) => n.action === 'LOGIN'));
    assert.ok((await search({ actor: 'key:erp' })).length >= 1);
    assert.deepEqual(
      (await search({ targetId: 'warehouse@demo.local', action: 'LOGIN' })).map((n: any) => n.outcome),
      ['SUCCESS', 'FAILURE'],
    );
    assert.deepEqual(await search({ from: new Date(Date.now() + 60_000).toISOString() }), []);
    const service = await api.loginAs('CUSTOMER_SERVICE');
    const r = await postRaw(api.url, JSON.stringify({ query: q }), { authorization: `Bearer ${service}` });
    assert.equal(r.body.errors![0].extensions!.code, 'FORBIDDEN');
  });
});
