import 'reflect-metadata';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ChildProcess, fork } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { Client } from 'pg';
import { createCustomer, createProduct, createWarehouses, orderInput, PLACE_ORDER } from '../factories';
import { startTestApi, TestApi } from '../helpers';
import { abuseKinds, refused } from './hostile-abuse';
import {
  destroyAgents,
  Identity,
  judge,
  loadSchema,
  OpCase,
  operationArb,
  Pools,
  RawCase,
  rawArb,
  renderOperation,
  send,
  sizeArb,
  Tally,
} from './hostile-operations';
import { findViolations, Violation } from './invariants';

/**
 * Hostile input. (1) A fuzzer drives operations generated from schema.graphql and malformed HTTP requests
 * at the API for a fixed time, as the admin, other roles, an API key and anonymous callers: no answer may
 * be a 5xx, show internals (stack, SQL, ORM or database errors) or carry an untyped error, and the stock
 * and order invariants hold afterwards. (2) Legitimate clients' throughput is measured alone and while
 * abusive clients run (one per kind: beyond the depth, alias, directive, token and cost limits, batches,
 * introspection, wrong passwords, forged tokens; each at HOSTILE_ABUSE_RATE requests a second, default 1,
 * from an account or address of its own): it keeps ≥ 80 %, and every abusive request is refused with a 4xx
 * or a typed error. What each request costs the API process (CPU ms) is measured and printed too.
 *
 * RELIABILITY=short (npm test) fuzzes 20 s and measures 4 × (3 s alone, 3 s abused) + 3 s alone; full:
 * 150 s and 6 × (15 s, 15 s) + 15 s. HOSTILE_SEED replays a fuzzer run.
 */

const FULL = process.env.RELIABILITY === 'full';
const FUZZ_MS = Number(process.env.HOSTILE_FUZZ_SECONDS ?? (FULL ? 150 : 20)) * 1000;
const WINDOW_MS = Number(process.env.HOSTILE_WINDOW_SECONDS ?? (FULL ? 15 : 3)) * 1000;
const ROUNDS = FULL ? 6 : 4;
const SEED = Number(process.env.HOSTILE_SEED ?? Math.floor(Math.random() * 2 ** 31));
const MAX_BODY_BYTES = 256 * 1024;
const LEGIT_CLIENTS = 10;
/** How long fast-check may shrink a failing case (each step is a request). */
const SHRINK_MS = FULL ? 20_000 : 5_000;
/** Requests per second each abusive client sends at most (one client per kind of abuse). */
const ABUSE_RATE = Number(process.env.HOSTILE_ABUSE_RATE ?? 1);
const PASSWORD = 'hostile-test-password';
/** For development: HOSTILE_ONLY=fuzz or abuse runs one of the two tests. */
const ONLY = process.env.HOSTILE_ONLY;

/** Loopback addresses: the fuzzer's anonymous requests and failed sign-ins must not throttle the setup's. */
const FUZZ_ADDRESSES = ['127.0.0.21', '127.0.0.22', '127.0.0.23', '127.0.0.24'];
const RELOGIN_ADDRESS = '127.0.0.30';

interface Account {
  email: string;
  token: string;
}

describe('hostile input', () => {
  let api: TestApi;
  let child: ChildProcess | null = null;
  let abuseUrl = '';
  const pools: Pools = {
    gids: {},
    skus: [],
    warehouseCodes: [],
    orderNumbers: [],
    emails: [],
    cursors: [],
    phones: [],
  };
  const accounts: Record<string, Account> = {};
  let apiKeySecret = '';
  const legitSkus: string[] = [];
  const legitCustomers: string[] = [];
  const legitOrderIds: string[] = [];
  const summary: Record<string, unknown> = { mode: FULL ? 'full' : 'short', seed: SEED };

  const gql = (query: string, variables?: Record<string, unknown>) => api.data(query, variables);

  async function createAccount(email: string, role: string): Promise<Account> {
    const r = await gql(
      `mutation($i: CreateUserInput!) { createUser(input: $i) { user { id } userErrors { code message } } }`,
      {
        i: { email, name: email.split('@')[0], role, password: PASSWORD },
      },
    );
    assert.deepEqual(r.createUser.userErrors, []);
    return { email, token: await login(email) };
  }

  async function login(email: string, localAddress?: string): Promise<string> {
    const body = JSON.stringify({
      query: `mutation($i: LoginInput!) { login(input: $i) { token userErrors { code } } }`,
      variables: { i: { email, password: PASSWORD } },
    });
    const r = await send(
      api.url,
      { method: 'POST', path: '/graphql', headers: { 'content-type': 'application/json' }, body: Buffer.from(body) },
      { localAddress },
    );
    const token = JSON.parse(r.text).data?.login?.token;
    if (!token) throw new Error(`login of ${email} failed: ${r.text}`);
    return token;
  }

  before(async () => {
    api = await startTestApi({ env: { MAX_BODY_BYTES: String(MAX_BODY_BYTES), INTROSPECTION: 'false' } });
    const codes = Object.keys(await createWarehouses(api.ds));
    pools.warehouseCodes = codes;

    // Products with empty levels; stock is booked through adjustStock RECEIPT, so the ledger explains it.
    const receipt = (sku: string, warehouseCode: string, delta: number) =>
      gql(`mutation($i: AdjustStockInput!) { adjustStock(input: $i) { userErrors { code message } } }`, {
        i: { sku, warehouseCode, delta, reason: 'RECEIPT' },
      }).then((r) => assert.deepEqual(r.adjustStock.userErrors, []));
    for (let i = 0; i < 8; i++) {
      const p = await createProduct(api.ds, {
        stock: { 'SH-01': 0, 'BJ-01': 0, 'GZ-01': 0 },
        low: 5,
        high: 500,
        active: i !== 7,
      });
      pools.skus.push(p.sku);
      await receipt(p.sku, 'SH-01', 200);
      if (i % 2 === 0) await receipt(p.sku, 'BJ-01', 30);
    }
    for (let i = 0; i < 4; i++) {
      const p = await createProduct(api.ds, { stock: { 'SH-01': 0 }, high: 10_000_000 });
      legitSkus.push(p.sku);
      await receipt(p.sku, 'SH-01', 1_000_000);
    }
    const customers = [
      await createCustomer(api.ds),
      await createCustomer(api.ds, { region: 'NORTH', city: '北京' }),
      await createCustomer(api.ds, { isNew: true }),
      await createCustomer(api.ds, { credit: 'BLOCKED' }),
      await createCustomer(api.ds, { region: 'NORTHWEST', city: '乌鲁木齐' }),
    ];
    pools.gids.Customer = customers.map((c) => c.gid);
    pools.phones = [...customers.map((c) => c.phone), '021-12345678', '12345', '1391234567a'];
    for (let i = 0; i < 4; i++) legitCustomers.push((await createCustomer(api.ds)).gid);

    // Orders in several states.
    const orderIds: string[] = [];
    for (let i = 0; i < 16; i++) {
      const lines = [
        { sku: pools.skus[i % 6], quantity: 1 + (i % 3) },
        ...(i % 4 === 0 ? [{ sku: pools.skus[(i + 1) % 6], quantity: 2 }] : []),
      ];
      const r = await gql(PLACE_ORDER, {
        input: orderInput(customers[i % customers.length].gid, lines, {
          paid: i % 5 !== 0,
          allowBackorder: i % 7 === 0,
        }),
      });
      if (r.placeOrder.order) {
        orderIds.push(r.placeOrder.order.id);
        pools.orderNumbers.push(r.placeOrder.order.number);
      }
    }
    for (let i = 0; i < 8; i++) {
      const r = await gql(PLACE_ORDER, {
        input: orderInput(legitCustomers[i % 4], [{ sku: legitSkus[i % 4], quantity: 1 }]),
      });
      legitOrderIds.push(r.placeOrder.order.id);
    }
    await gql(`mutation($i: CancelOrderInput!) { cancelOrder(input: $i) { userErrors { code } } }`, {
      i: { orderId: orderIds[1], reason: 'customer changed their mind' },
    });
    await gql(`mutation($i: HoldOrderInput!) { holdOrder(input: $i) { userErrors { code } } }`, {
      i: { orderId: orderIds[2], reason: 'address check' },
    });
    pools.gids.Order = orderIds;

    // Accounts: one per fuzzed role, victims the fuzzer may edit, legitimate clients and abusers.
    accounts.admin = await createAccount('fuzz-admin@hostile.test', 'ADMIN');
    accounts.warehouse = await createAccount('fuzz-warehouse@hostile.test', 'WAREHOUSE');
    accounts.service = await createAccount('fuzz-service@hostile.test', 'CUSTOMER_SERVICE');
    accounts.dispatcher = await createAccount('fuzz-dispatcher@hostile.test', 'DISPATCHER');
    const victims: string[] = [];
    for (const [i, role] of ['PURCHASING', 'MANAGER'].entries()) {
      const r = await gql(`mutation($i: CreateUserInput!) { createUser(input: $i) { user { id email } } }`, {
        i: { email: `victim-${i}@hostile.test`, name: 'victim', role, password: PASSWORD },
      });
      victims.push(r.createUser.user.id);
      pools.emails.push(r.createUser.user.email);
    }
    pools.gids.User = victims;
    pools.emails.push('admin@demo.local', 'manager@demo.local', 'nobody@example.com');
    for (let i = 0; i < LEGIT_CLIENTS; i++)
      accounts[`legit${i}`] = await createAccount(`legit-${i}@hostile.test`, 'CUSTOMER_SERVICE');
    const kinds = abuseKinds([]);
    for (let i = 0; i < kinds.length; i++)
      accounts[`abuser${i}`] = await createAccount(`abuser-${i}@hostile.test`, 'MANAGER');

    const key = await gql(
      `mutation { createApiKey(input: { name: "fuzz", scopes: [ORDERS_READ, ORDERS_WRITE, STOCK_READ] }) { secret } }`,
    );
    apiKeySecret = key.createApiKey.secret;
    const victimKey = await gql(
      `mutation { createApiKey(input: { name: "victim", scopes: [CATALOG_READ] }) { apiKey { id } } }`,
    );
    pools.gids.ApiKey = [victimKey.createApiKey.apiKey.id];

    // Ids and cursors of everything else, read back through the API.
    const lists = await gql(`{
      products(first: 50) { edges { cursor node { id } } }
      warehouses(first: 10) { edges { cursor node { id } } }
      stockLevels(first: 50) { edges { cursor node { id movements(first: 3) { edges { cursor node { id } } } } } }
      orderEvents(first: 20) { edges { cursor node { id } } }
      orders(first: 20) { edges { cursor } }
      customers(first: 10) { edges { cursor } }
      auditLog(first: 5) { edges { cursor } }
      users(first: 5) { edges { cursor } }
    }`);
    const ids = (c: { edges: { node: { id: string } }[] }) => c.edges.map((e) => e.node.id);
    pools.gids.Product = ids(lists.products).filter((_: string, i: number) => i < 8);
    pools.gids.Warehouse = ids(lists.warehouses);
    pools.gids.StockLevel = ids(lists.stockLevels);
    pools.gids.StockMovement = lists.stockLevels.edges.flatMap((e: any) => ids(e.node.movements));
    pools.gids.OrderEvent = ids(lists.orderEvents);
    pools.cursors = Object.values(lists)
      .flatMap((c: any) => c.edges.map((e: any) => e.cursor))
      .filter(Boolean);

    // The API for the throughput measurement runs in its own process, with production limits except the
    // per-user rate: each legitimate client stands for many users and on a quiet machine exceeds 1,200/min.
    child = fork(path.join(__dirname, 'hostile-server.js'), [], {
      env: {
        ...process.env,
        HOSTILE_DATABASE_URL: api.databaseUrl,
        HOSTILE_SERVER_ENV: JSON.stringify({
          RATE_LIMIT_PER_MINUTE: '1000000',
          ANONYMOUS_RATE_LIMIT_PER_MINUTE: '120',
          INTROSPECTION: 'false',
          MAX_BODY_BYTES: String(1024 * 1024),
        }),
      },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    abuseUrl = await new Promise<string>((resolve, reject) => {
      child!.once('message', (m: { url: string }) => resolve(m.url));
      child!.once('exit', (code) => reject(new Error(`the API process exited with ${code}`)));
    });
  });

  after(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((r) => child!.once('exit', r));
      child.send('stop');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    destroyAgents();
    await api?.stop();
    console.log(`RELIABILITY ${JSON.stringify({ spec: 'hostile', ...summary })}`);
  });

  /** What the fuzzer found (answered with INTERNAL_SERVER_ERROR before the fixes), replayed on every run. */
  it('answers the inputs the fuzzer found with typed client errors, not internal ones', async () => {
    const post = async (body: unknown, token = accounts.admin.token) => {
      const r = await send(
        api.url,
        {
          method: 'POST',
          path: '/graphql',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: Buffer.from(JSON.stringify(body)),
        },
        { localAddress: RELOGIN_ADDRESS },
      );
      const verdict = judge(r, JSON.stringify(body), true);
      assert.deepEqual(
        verdict.problems,
        [],
        `${JSON.stringify(body).slice(0, 300)} → ${r.status} ${r.text.slice(0, 300)}`,
      );
      return { status: r.status, body: JSON.parse(r.text) };
    };
    const code = (r: { body: { errors?: { extensions?: { code?: string } }[] } }) =>
      r.body.errors?.[0]?.extensions?.code;
    const victim = pools.gids.User[0];
    const order = pools.gids.Order[0];

    // A persisted query whose hash does not match its text.
    const apq = await post({
      query: '{ __typename }',
      extensions: { persistedQuery: { version: 1, sha256Hash: 'deadbeef' } },
    });
    assert.equal(apq.status, 400);
    assert.equal(code(apq), 'BAD_REQUEST');

    // More than 50 invalid variable values (graphql-js stops with an error of its own).
    const lines = Array.from({ length: 60 }, () => ({ sku: 1.5, quantity: 'x' }));
    const coercion = await post({
      query: 'mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { userErrors { code } } }',
      variables: { i: orderInput(pools.gids.Customer[0], lines as never) },
    });
    assert.equal(coercion.status, 400);
    assert.ok(
      coercion.body.errors.every((e: { extensions: { code: string } }) => e.extensions.code === 'BAD_USER_INPUT'),
      JSON.stringify(coercion.body).slice(0, 300),
    );

    // NUL characters, which PostgreSQL text cannot hold: inline, in variables, nested.
    for (const body of [
      {
        query: `mutation { holdOrder(input: { orderId: "${order}", reason: "SH-01\\u0000" }) { userErrors { code } } }`,
      },
      {
        query: 'mutation($i: UpdateUserInput!) { updateUser(input: $i) { userErrors { code } } }',
        variables: { i: { userId: victim, name: '\u0000' } },
      },
      {
        query: 'query($f: OrderFilter) { orders(filter: $f) { edges { cursor } } }',
        variables: { f: { search: 'a\u0000b' } },
      },
      {
        query: 'mutation($i: LoginInput!) { login(input: $i) { token } }',
        variables: { i: { email: 'admin@demo.local\u0000', password: 'x' } },
      },
      {
        query: 'mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { userErrors { code } } }',
        variables: {
          i: orderInput(pools.gids.Customer[0], [{ sku: pools.skus[0], quantity: 1 }], { note: 'x\u0000' }),
        },
      },
    ]) {
      const r = await post(body);
      assert.equal(r.status, 400, JSON.stringify(r.body));
      assert.equal(code(r), 'BAD_USER_INPUT');
      assert.match(r.body.errors[0].message, /NUL/);
    }
    // The same text again: refused from the verdict remembered for its parsed document.
    const again = await post({
      query: `mutation { holdOrder(input: { orderId: "${order}", reason: "SH-01\\u0000" }) { userErrors { code } } }`,
    });
    assert.equal(again.status, 400, JSON.stringify(again.body));
    assert.match(again.body.errors[0].message, /NUL/);
    // An unpaired surrogate (class-validator's e-mail check threw URIError on it).
    const surrogate = await post({
      query: 'mutation($i: CreateUserInput!) { createUser(input: $i) { userErrors { code } } }',
      variables: { i: { email: '\udfff', name: 'x', password: 'long-enough-password', role: 'ADMIN' } },
    });
    assert.equal(surrogate.status, 400);
    assert.equal(code(surrogate), 'BAD_USER_INPUT');
    assert.match(surrogate.body.errors[0].message, /Unicode/);

    // Cursors whose timestamp Date.parse accepts but PostgreSQL does not, and a text cursor with NUL.
    const cursor = (values: unknown[]) => Buffer.from(JSON.stringify(values)).toString('base64url');
    const uuid = '00000000-0000-1000-8000-000000000000';
    for (const [list, after] of [
      ['apiKeys', cursor(['+275760-09-13T00:00:00.000Z', uuid])],
      ['orders', cursor(['-000001-01-01T00:00:00.000Z', uuid])],
      ['customers', cursor(['2024-02-30T00:00:00.000Z', uuid])],
      ['orders', cursor(['2024-01-01T00:00:00+99:99', uuid])],
      ['orders', cursor(['0000-01-01T00:00:00.000Z', uuid])],
      ['users', cursor(['a\u0000'])],
    ]) {
      const r = await post({
        query: `query($a: String) { ${list}(after: $a) { edges { cursor } } }`,
        variables: { a: after },
      });
      assert.equal(code(r), 'BAD_USER_INPUT', `${list} after ${after}: ${JSON.stringify(r.body)}`);
      assert.match(r.body.errors[0].message, /not a cursor/);
    }
    // Cursors the API wrote itself still work.
    const page = await post({ query: '{ orders(first: 2) { edges { cursor } } }' });
    const next = await post({
      query: `query($a: String) { orders(first: 2, after: $a) { edges { cursor } } }`,
      variables: { a: page.body.data.orders.edges[1].cursor },
    });
    assert.equal(next.body.errors, undefined);

    // A subscription sent over HTTP instead of graphql-ws.
    const sub = await post({ query: 'subscription { orderStatusChanged { sequence } }' });
    assert.equal(sub.status, 400);
    assert.equal(code(sub), 'BAD_REQUEST');
    assert.match(sub.body.errors[0].message, /WebSocket/);

    // Explicit nulls in updateUser mean "no change", like missing fields (they reached NOT NULL columns and argon2).
    for (const field of ['password', 'role', 'name', 'active']) {
      const r = await post({
        query: 'mutation($i: UpdateUserInput!) { updateUser(input: $i) { user { id } userErrors { code } } }',
        variables: { i: { userId: victim, [field]: null } },
      });
      assert.deepEqual(
        r.body.data.updateUser.userErrors,
        [{ code: 'NOTHING_TO_CHANGE' }],
        `${field}: null → ${JSON.stringify(r.body)}`,
      );
    }
    const renamed = await post({
      query: 'mutation($i: UpdateUserInput!) { updateUser(input: $i) { user { name } userErrors { code } } }',
      variables: { i: { userId: victim, name: 'renamed', password: null, role: null } },
    });
    assert.deepEqual(renamed.body.data.updateUser, { user: { name: 'renamed' }, userErrors: [] });
  });

  it(
    `keeps ≥ 80 % of legitimate throughput while abusive clients run, and refuses every abusive request`,
    { skip: ONLY === 'fuzz' },
    async () => {
      const LIST = `query List($c: ID) { orders(first: 20, filter: { customerId: $c }) { edges { node { id number status total { amount } customer { name } lines { sku quantity } } } pageInfo { hasNextPage endCursor } } }`;
      const ONE = `query One($id: ID!) { order(id: $id) { id number status lines { sku quantity } allocations { sku quantity warehouse { code } } } }`;
      const PLACE = `mutation Place($input: PlaceOrderInput!) { placeOrder(input: $input) { order { id number status } userErrors { code message } } }`;

      type Phase = {
        kind: 'warmup' | 'alone' | 'abused';
        ok: number;
        failed: number;
        startedAt: number;
        endedAt: number;
        cpuAtStart: number;
        cpuAtEnd: number;
      };
      const phases: Phase[] = [];
      /** CPU seconds the API process has used (Linux /proc), to show how busy it was in each window. */
      const serverCpu = () => {
        try {
          const fields = fs.readFileSync(`/proc/${child!.pid}/stat`, 'utf8').split(') ')[1].split(' ');
          return (Number(fields[11]) + Number(fields[12])) / 100;
        } catch {
          return NaN;
        }
      };
      let current: Phase = {
        kind: 'warmup',
        ok: 0,
        failed: 0,
        startedAt: Date.now(),
        endedAt: 0,
        cpuAtStart: serverCpu(),
        cpuAtEnd: 0,
      };
      let stop = false;
      const legitFailures: string[] = [];
      const legitLatencies: number[] = [];

      const legitClient = async (i: number) => {
        const headers = { 'content-type': 'application/json', authorization: `Bearer ${accounts[`legit${i}`].token}` };
        for (let k = i; !stop; k++) {
          const which = k % 10;
          const body =
            which < 4
              ? { query: LIST, variables: { c: legitCustomers[k % legitCustomers.length] } }
              : which < 7
                ? { query: ONE, variables: { id: legitOrderIds[k % legitOrderIds.length] } }
                : {
                    query: PLACE,
                    variables: {
                      input: orderInput(legitCustomers[k % legitCustomers.length], [
                        { sku: legitSkus[k % legitSkus.length], quantity: 1 + (k % 3) },
                      ]),
                    },
                  };
          const phase = current;
          const t0 = performance.now();
          const r = await send(
            abuseUrl,
            { method: 'POST', path: '/graphql', headers, body: Buffer.from(JSON.stringify(body)) },
            { localAddress: '127.0.0.1', timeoutMs: 30_000 },
          );
          const ms = performance.now() - t0;
          let ok = r.status === 200;
          try {
            const j = JSON.parse(r.text);
            ok &&= !j.errors && (which < 7 || (j.data.placeOrder.order && j.data.placeOrder.userErrors.length === 0));
          } catch {
            ok = false;
          }
          if (phase !== current) continue; // finished after its window closed: counted nowhere
          if (ok) {
            phase.ok++;
            if (phase.kind !== 'warmup') legitLatencies.push(ms);
          } else {
            phase.failed++;
            if (legitFailures.length < 10)
              legitFailures.push(`${r.status} ${r.transportError ?? ''} ${r.text.slice(0, 300)}`);
          }
        }
      };

      // Abusive clients: each kind its own account (limits are per caller) or its own addresses when anonymous.
      const kinds = abuseKinds([
        ...pools.emails,
        ...Array.from({ length: LEGIT_CLIENTS }, (_, i) => accounts[`legit${i}`].email),
      ]).filter((k) => new RegExp(process.env.HOSTILE_ABUSE_KINDS ?? '').test(k.name));
      const abuse = kinds.map((k) => ({
        kind: k.name,
        sent: 0,
        refused: 0,
        status5xx: 0,
        problems: 0,
        ms: 0,
        outcomes: new Map<string, number>(),
        samples: [] as string[],
      }));
      let abusing = false;
      const abuser = async (index: number) => {
        const k = kinds[index];
        const stats = abuse[index];
        const interval = 1000 / ABUSE_RATE;
        const address = k.auth === 'anonymous' ? `127.0.0.${40 + index}` : '127.0.0.2';
        const fixed = k.body();
        const changing = k.body() !== fixed;
        while (abusing) {
          const t0 = Date.now();
          const body = changing ? k.body() : fixed;
          const headers: Record<string, string> = {
            'content-type': 'application/json',
            ...(k.auth === 'account' ? { authorization: `Bearer ${accounts[`abuser${index}`].token}` } : {}),
            ...(k.headers ?? {}),
          };
          const r = await send(
            abuseUrl,
            { method: 'POST', path: '/graphql', headers, body: Buffer.from(body) },
            { localAddress: address, timeoutMs: 30_000 },
          );
          const verdict = refused(r, body);
          stats.sent++;
          stats.ms += Date.now() - t0;
          stats.outcomes.set(verdict.outcome, (stats.outcomes.get(verdict.outcome) ?? 0) + 1);
          if (r.status >= 500) stats.status5xx++;
          if (verdict.refused && !verdict.problems.length) stats.refused++;
          else {
            stats.problems++;
            if (stats.samples.length < 3)
              stats.samples.push(`${r.status} ${verdict.problems.join('; ')} ${r.text.slice(0, 300)}`);
          }
          await new Promise((res) => setTimeout(res, Math.max(0, interval - (Date.now() - t0))));
        }
      };

      const legit = Array.from({ length: LEGIT_CLIENTS }, (_, i) => legitClient(i));
      const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
      const window = (kind: Phase['kind']) => {
        current.endedAt = Date.now();
        current.cpuAtEnd = serverCpu();
        current = { kind, ok: 0, failed: 0, startedAt: Date.now(), endedAt: 0, cpuAtStart: serverCpu(), cpuAtEnd: 0 };
        phases.push(current);
      };
      // Warm-up, not counted: connections, JIT, query plans, caches; the abusive requests' paths too.
      await sleep(FULL ? 8000 : 3000);
      abusing = true;
      const warmAbusers = kinds.map((_, i) => abuser(i));
      await sleep(1500);
      abusing = false;
      await Promise.all(warmAbusers);
      await sleep(1000);
      for (const k of abuse) {
        k.sent = k.refused = k.status5xx = k.problems = k.ms = 0;
        k.outcomes.clear();
      }
      // Alternating windows, alone first and last (A B A B … A), so that load from elsewhere on the machine
      // does not fall on one side only.
      for (let round = 0; round < ROUNDS; round++) {
        window('alone');
        await sleep(WINDOW_MS);
        window('abused');
        abusing = true;
        const abusers = kinds.map((_, i) => abuser(i));
        await sleep(WINDOW_MS);
        abusing = false;
        window('warmup'); // abusers finish their last requests; not counted
        await Promise.all(abusers);
      }
      window('alone');
      await sleep(WINDOW_MS);
      current.endedAt = Date.now();
      current.cpuAtEnd = serverCpu();
      stop = true;
      await Promise.all(legit);

      /**
       * What one request costs the API process, alone on it: 40 in a row of each legitimate operation and of
       * each abuse, CPU read from /proc before and after (10 ms ticks, hence the repetitions).
       */
      const costs: Record<string, number> = {};
      const measureProblems: string[] = [];
      const measure = async (
        name: string,
        headers: Record<string, string>,
        body: () => string,
        localAddress: string,
      ) => {
        const n = 40;
        const before = serverCpu();
        for (let i = 0; i < n; i++) {
          const sent = body();
          const r = await send(
            abuseUrl,
            { method: 'POST', path: '/graphql', headers, body: Buffer.from(sent) },
            { localAddress },
          );
          const { problems } = judge(r, sent, true);
          if (problems.length && measureProblems.length < 5) measureProblems.push(`${name}: ${problems.join('; ')}`);
        }
        costs[name] = Math.round(((serverCpu() - before) * 1000 * 10) / n) / 10;
      };
      const legitHeaders = { 'content-type': 'application/json', authorization: `Bearer ${accounts.legit0.token}` };
      let m = 0;
      await measure(
        'legit: orders(first: 20)',
        legitHeaders,
        () => JSON.stringify({ query: LIST, variables: { c: legitCustomers[m++ % 4] } }),
        '127.0.0.1',
      );
      await measure(
        'legit: order(id)',
        legitHeaders,
        () => JSON.stringify({ query: ONE, variables: { id: legitOrderIds[m++ % legitOrderIds.length] } }),
        '127.0.0.1',
      );
      await measure(
        'legit: placeOrder',
        legitHeaders,
        () =>
          JSON.stringify({
            query: PLACE,
            variables: { input: orderInput(legitCustomers[m++ % 4], [{ sku: legitSkus[m % 4], quantity: 1 }]) },
          }),
        '127.0.0.1',
      );
      for (const [i, k] of kinds.entries()) {
        const headers: Record<string, string> = {
          'content-type': 'application/json',
          ...(k.auth === 'account' ? { authorization: `Bearer ${accounts[`abuser${i}`].token}` } : {}),
          ...(k.headers ?? {}),
        };
        await measure(k.name, headers, k.body, k.auth === 'anonymous' ? `127.0.0.${60 + i}` : '127.0.0.2');
      }

      const rate = (kind: Phase['kind']) => {
        const ps = phases.filter((p) => p.kind === kind);
        const ok = ps.reduce((a, p) => a + p.ok, 0);
        const seconds = ps.reduce((a, p) => a + (p.endedAt - p.startedAt), 0) / 1000;
        return ok / seconds;
      };
      const cpuShare = (kind: Phase['kind']) => {
        const ps = phases.filter((p) => p.kind === kind);
        return (
          ps.reduce((a, p) => a + p.cpuAtEnd - p.cpuAtStart, 0) /
          (ps.reduce((a, p) => a + (p.endedAt - p.startedAt), 0) / 1000)
        );
      };
      const alone = rate('alone');
      const abused = rate('abused');
      /** Legitimate requests per CPU second of the API: what abuse costs it, whatever else runs on the machine. */
      const perCpu = (kind: Phase['kind']) => rate(kind) / cpuShare(kind);
      const ratio = abused / alone;
      const sentAbusive = abuse.reduce((a, k) => a + k.sent, 0);
      const abusiveSeconds =
        phases.filter((p) => p.kind === 'abused').reduce((a, p) => a + (p.endedAt - p.startedAt), 0) / 1000;
      const sorted = legitLatencies.sort((a, b) => a - b);
      Object.assign(summary, {
        abuse: {
          legitClients: LEGIT_CLIENTS,
          windowSeconds: WINDOW_MS / 1000,
          rounds: ROUNDS,
          legitPerSecondAlone: Math.round(alone * 10) / 10,
          legitPerSecondAbused: Math.round(abused * 10) / 10,
          ratio: Math.round(ratio * 1000) / 1000,
          legitFailures: phases.reduce((a, p) => a + p.failed, 0),
          legitP95Ms: Math.round(sorted[Math.floor(sorted.length * 0.95)] ?? 0),
          windows: phases
            .filter((p) => p.kind !== 'warmup')
            .map(
              (p) =>
                `${p.kind} ${((p.ok * 1000) / (p.endedAt - p.startedAt)).toFixed(1)}/s cpu ${((p.cpuAtEnd - p.cpuAtStart) / ((p.endedAt - p.startedAt) / 1000)).toFixed(2)}`,
            ),
          legitPerApiCpuSecondRatio: Math.round((perCpu('abused') / perCpu('alone')) * 1000) / 1000,
          apiCpuAlone: Math.round(cpuShare('alone') * 100) / 100,
          apiCpuAbused: Math.round(cpuShare('abused') * 100) / 100,
          apiCpuMsPerRequest: costs,
          abusivePerSecond: Math.round(sentAbusive / abusiveSeconds),
          abusiveSent: sentAbusive,
          abusiveRefused: abuse.reduce((a, k) => a + k.refused, 0),
          abusive5xx: abuse.reduce((a, k) => a + k.status5xx, 0),
          byKind: Object.fromEntries(
            abuse.map((k) => [
              k.kind,
              {
                sent: k.sent,
                refused: k.refused,
                meanMs: Math.round(k.ms / Math.max(1, k.sent)),
                outcomes: Object.fromEntries(k.outcomes),
              },
            ]),
          ),
        },
      });
      console.log(
        `hostile abuse: legitimate ${alone.toFixed(1)}/s alone, ${abused.toFixed(1)}/s with ${Math.round(sentAbusive / abusiveSeconds)} abusive requests/s (ratio ${ratio.toFixed(3)}); ` +
          `abusive: ${JSON.stringify(abuse.map((k) => ({ kind: k.kind, sent: k.sent, refused: k.refused, outcomes: Object.fromEntries(k.outcomes) })))}`,
      );

      assert.deepEqual(legitFailures, [], 'legitimate requests all succeed');
      assert.deepEqual(measureProblems, [], 'no 5xx or internals while measuring costs either');
      for (const k of abuse) {
        assert.ok(k.sent > 0, `${k.kind}: nothing was sent`);
        assert.equal(k.status5xx, 0, `${k.kind}: ${k.status5xx} answers were 5xx: ${k.samples.join(' | ')}`);
        assert.equal(
          k.refused,
          k.sent,
          `${k.kind}: ${k.sent - k.refused} of ${k.sent} were not refused cleanly: ${k.samples.join(' | ')}`,
        );
      }
      // Refusing a query for its shape costs the API at most half of what answering a legitimate one does.
      const legitCosts = Object.entries(costs).filter(([name]) => name.startsWith('legit: '));
      const legitMean = legitCosts.reduce((a, [, ms]) => a + ms, 0) / legitCosts.length;
      for (const k of kinds.filter((k) => k.shape))
        assert.ok(
          costs[k.name] <= legitMean / 2,
          `refusing "${k.name}" costs ${costs[k.name]} ms of API CPU, more than half of a legitimate request (${legitMean.toFixed(2)} ms)`,
        );
      assert.ok(
        ratio >= 0.8,
        `legitimate throughput under abuse is ${(ratio * 100).toFixed(1)} % of what it is alone (${abused.toFixed(1)}/s vs ${alone.toFixed(1)}/s)`,
      );
    },
  );

  it(
    `fuzzes the API with operations from the schema and malformed requests for ${FUZZ_MS / 1000} s: no 5xx, no internals shown, every error typed, invariants hold`,
    { skip: ONLY === 'abuse' },
    async () => {
      const schema = loadSchema();
      const tally = new Tally();
      const tokens: Record<Exclude<Identity, 'anonymous' | 'badToken'>, string> = {
        admin: accounts.admin.token,
        warehouse: accounts.warehouse.token,
        service: accounts.service.token,
        dispatcher: accounts.dispatcher.token,
        apiKey: apiKeySecret,
      };
      const emails: Record<string, string> = {
        admin: accounts.admin.email,
        warehouse: accounts.warehouse.email,
        service: accounts.service.email,
        dispatcher: accounts.dispatcher.email,
      };
      let relogins = 0;
      /** Requests sent while fast-check shrinks a failing case: judged, but not counted in the figures. */
      let shrinkRequests = 0;
      let n = 0;

      const authHeader = (identity: Identity): Record<string, string> =>
        identity === 'anonymous'
          ? {}
          : identity === 'badToken'
            ? { authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.e30.bad' }
            : { authorization: `Bearer ${tokens[identity]}` };

      /** Sends one request and judges it; a fuzzed logout or password change ends a session: sign in again. */
      /** Requests still running: fast-check returns at its time limit without waiting for the last one. */
      const inFlight = new Set<Promise<unknown>>();
      const fire = (
        identity: Identity,
        req: { method: string; path: string; headers: Record<string, string>; body: Buffer | null },
        label: string,
        counted: boolean,
      ) => {
        const p = fireNow(identity, req, label, counted);
        inFlight.add(p);
        return p.finally(() => inFlight.delete(p));
      };
      const fireNow = async (
        identity: Identity,
        req: { method: string; path: string; headers: Record<string, string>; body: Buffer | null },
        label: string,
        counted: boolean,
      ) => {
        const localAddress = FUZZ_ADDRESSES[n++ % FUZZ_ADDRESSES.length];
        const reply = await send(api.url, req, { localAddress, timeoutMs: 30_000 });
        const requestText = `${label}\n${req.method} ${req.path}\n${JSON.stringify(req.headers)}\n${req.body?.toString('utf8') ?? ''}`;
        const verdict = judge(reply, requestText, req.path.toLowerCase().startsWith('/graphql'));
        if (counted) tally.add(verdict, reply, requestText);
        else shrinkRequests++;
        if (reply.status === 401 && identity in emails && /session has ended/.test(reply.text)) {
          tokens[identity as keyof typeof emails as 'admin'] = await login(emails[identity], RELOGIN_ADDRESS);
          relogins++;
        }
        return verdict;
      };

      /** Per root field: operations sent, and how many ran (an answer with data or userErrors, no error). */
      const coverage = new Map<string, { sent: number; ran: number }>();
      const runOp = async (op: OpCase, counted: boolean) => {
        const { query, variables, operationName } = renderOperation(op);
        const body = Buffer.from(JSON.stringify({ query, variables, operationName }));
        const verdict = await fire(
          op.identity,
          {
            method: 'POST',
            path: '/graphql',
            headers: { 'content-type': 'application/json', ...authHeader(op.identity) },
            body,
          },
          `op as ${op.identity}${op.wild ? ' (wild)' : ''}`,
          counted,
        );
        for (const c of op.calls) {
          const f = coverage.get(c.field) ?? { sent: 0, ran: 0 };
          f.sent++;
          if (/^200 (data|userErrors)/.test(verdict.outcome)) f.ran++;
          coverage.set(c.field, f);
        }
        return verdict;
      };
      const runRaw = async (r: RawCase, counted: boolean) => {
        const headers =
          r.auth && !('authorization' in r.headers)
            ? { ...r.headers, authorization: `Bearer ${tokens.admin}` }
            : r.headers;
        return fire(
          r.auth ? 'admin' : 'anonymous',
          { method: r.method, path: r.path, headers, body: r.body },
          r.label,
          counted,
        );
      };
      const describeCase = (c: OpCase | RawCase) => {
        if (c.kind === 'raw')
          return `${c.label}: ${c.method} ${c.path.slice(0, 200)} ${JSON.stringify(c.headers)} ${c.body?.toString('utf8').slice(0, 400) ?? ''}`;
        const { query, variables } = renderOperation(c);
        return `as ${c.identity}: ${query.slice(0, 600)} variables ${JSON.stringify(variables).slice(0, 400)}`;
      };

      /**
       * One fuzzing worker: fast-check generates cases until the deadline. A case with a problem fails the
       * property and fast-check shrinks it to a minimal one (for a few seconds at most; requests sent while
       * shrinking are not counted), which is kept; then the worker starts again with the next seed.
       */
      const counterexamples: string[] = [];
      const deadline = Date.now() + FUZZ_MS;
      const worker = async <T extends OpCase | RawCase>(
        arb: fc.Arbitrary<T>,
        run: (c: T, counted: boolean) => Promise<ReturnType<typeof judge>>,
        seed: number,
        pauseMs = 0,
      ) => {
        for (let round = 0; Date.now() < deadline - 200; round++) {
          let shrinkingSince = 0;
          const details: fc.RunDetails<[T]> = await fc.check(
            fc.asyncProperty(arb, async (c: T) => {
              if (shrinkingSince && Date.now() - shrinkingSince > SHRINK_MS) return true; // shrinking budget spent: keep the smallest so far
              if (pauseMs) await new Promise((r) => setTimeout(r, pauseMs));
              const { problems } = await run(c, !shrinkingSince);
              if (problems.length && !shrinkingSince) shrinkingSince = Date.now();
              return problems.length === 0;
            }),
            {
              seed: seed + round * 7919,
              numRuns: Number.MAX_SAFE_INTEGER,
              endOnFailure: false,
              plugins: [fc.interruptAfterTimeLimit(Math.max(1, deadline - Date.now()))],
            } as fc.Parameters<[T]>,
          );
          if (details.failed && details.counterexample)
            counterexamples.push(
              `seed ${seed + round * 7919}: ${describeCase(details.counterexample[0])}` +
                (details.errorInstance ? `\n  threw: ${String(details.errorInstance).slice(0, 600)}` : ''),
            );
          else if (!details.failed) break;
        }
      };

      const ops = operationArb(schema, pools);
      const started = Date.now();
      // Three operation workers, one for malformed requests, one for bodies around the size limit (slow, few).
      await Promise.all([
        worker(ops, runOp, SEED),
        worker(ops, runOp, SEED + 1),
        worker(ops, runOp, SEED + 2),
        worker(rawArb(), runRaw, SEED + 3),
        worker(sizeArb(MAX_BODY_BYTES), runRaw, SEED + 4, 500),
      ]);
      await Promise.allSettled([...inFlight]);
      const seconds = (Date.now() - started) / 1000;

      const db = new Client({ connectionString: api.databaseUrl });
      await db.connect();
      let violations: Violation[];
      try {
        violations = await findViolations(db);
      } finally {
        await db.end();
      }

      Object.assign(summary, {
        fuzz: {
          seconds: Math.round(seconds),
          requests: tally.total,
          perSecond: Math.round(tally.total / seconds),
          status5xx: tally.status5xx,
          leaks: tally.leaks,
          internalErrors: tally.internal,
          untypedErrors: tally.untyped,
          noAnswer: tally.noAnswer,
          requestsWithProblems: tally.problemCount,
          relogins,
          shrinkRequests,
          counterexamples: counterexamples.length,
          invariantViolations: violations.length,
          rootFields: coverage.size,
          rootFieldsRun: [...coverage.values()].filter((c) => c.ran > 0).length,
          coverage: Object.fromEntries([...coverage.entries()].sort().map(([f, c]) => [f, `${c.ran}/${c.sent}`])),
          outcomes: tally.outcomes(),
        },
      });
      console.log(
        `hostile fuzzer: ${tally.total} requests in ${seconds.toFixed(1)} s (seed ${SEED}); outcomes ${JSON.stringify(tally.outcomes())}`,
      );
      if (counterexamples.length)
        console.log(`hostile fuzzer: minimal failing cases (shrunk by fast-check):\n${counterexamples.join('\n')}`);
      if (tally.problems.length)
        console.log(
          `hostile fuzzer problems (first ${tally.problems.length} of ${tally.problemCount}):\n${tally.problems.map((p) => JSON.stringify(p)).join('\n')}`,
        );

      assert.ok(tally.total > (FULL ? 5000 : 500), `only ${tally.total} requests were sent`);
      const rootFields = [
        ...Object.keys(schema.getQueryType()!.getFields()),
        ...Object.keys(schema.getMutationType()!.getFields()),
      ];
      assert.deepEqual(
        rootFields.filter((f) => !coverage.has(f)),
        [],
        'every Query and Mutation field was fuzzed',
      );
      assert.deepEqual(violations, [], 'stock and order invariants hold after the fuzzing');
      assert.equal(
        tally.problemCount,
        0,
        `${tally.problemCount} answers had problems (5xx: ${tally.status5xx}, leaks: ${tally.leaks}, internal: ${tally.internal}, untyped: ${tally.untyped}, no answer: ${tally.noAnswer}): ${JSON.stringify(tally.problems.slice(0, 5), null, 1)}`,
      );
      assert.deepEqual(counterexamples, [], 'fast-check found no failing (shrunk) case');
    },
  );
});
