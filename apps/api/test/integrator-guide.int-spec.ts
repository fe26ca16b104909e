import 'reflect-metadata';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ChildProcessWithoutNullStreams, execFile, spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { Webhook } from 'standardwebhooks';
import { REPO_ROOT } from '../src/config';
import { createCustomer, createProduct, createWarehouses, orderInput, PLACE_ORDER } from './factories';
import { settle, startTestApi, TestApi } from './helpers';

/*
 * The README's integrator path, run as an integrator runs it: the scripts in docs/integrators as child
 * processes (`node docs/integrators/…`, their --json output), over real HTTP and WebSocket against a test
 * API that sends webhooks (OUTBOX=on although JOBS=off; loopback receivers allowed).
 */

interface Line {
  [key: string]: any;
}

/** One of the guide's scripts running with --json: its stdout as JSON lines, its stderr as text. */
class Script {
  readonly lines: Line[] = [];
  stderr = '';
  readonly exit: Promise<number | null>;
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly waiters = new Set<() => void>();

  constructor(
    readonly name: string,
    args: string[],
    env: Record<string, string>,
  ) {
    this.child = spawn(process.execPath, [path.join('docs/integrators', name), ...args, '--json'], {
      cwd: REPO_ROOT,
      env: { PATH: process.env.PATH ?? '', ...env },
    });
    let buffered = '';
    this.child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      buffered += chunk;
      const complete = buffered.split('\n');
      buffered = complete.pop()!;
      for (const l of complete.filter(Boolean)) this.lines.push(JSON.parse(l));
      for (const w of this.waiters) w();
    });
    this.child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      this.stderr += chunk;
      for (const w of this.waiters) w();
    });
    this.exit = new Promise((resolve) => this.child.on('exit', (code) => resolve(code)));
  }

  /** The first line (or stderr text) that satisfies `check`, waiting for it up to the timeout. */
  waitFor<T>(what: string, check: () => T | undefined | false, timeoutMs = 15_000): Promise<T> {
    return new Promise((resolve, reject) => {
      const attempt = () => {
        const found = check();
        if (!found) return false;
        this.waiters.delete(attempt);
        clearTimeout(timer);
        resolve(found);
        return true;
      };
      const timer = setTimeout(() => {
        this.waiters.delete(attempt);
        reject(
          new Error(
            `${this.name}: no ${what} within ${timeoutMs} ms; stdout ${JSON.stringify(this.lines)}; stderr ${this.stderr}`,
          ),
        );
      }, timeoutMs);
      this.waiters.add(attempt);
      attempt();
    });
  }

  line(what: string, test: (l: Line) => boolean, timeoutMs?: number): Promise<Line> {
    return this.waitFor(what, () => this.lines.find(test), timeoutMs);
  }

  stop(): Promise<number | null> {
    this.child.kill();
    return this.exit;
  }
}

/** Runs a script to its end; fails with its stderr unless it exits 0. */
async function run(name: string, args: string[], env: Record<string, string>): Promise<Line[]> {
  const s = new Script(name, args, env);
  const code = await s.exit;
  assert.equal(code, 0, `${name} ${args.join(' ')} exited ${code}: ${s.stderr}`);
  return s.lines;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
    probe.on('error', reject);
  });
}

/**
 * A TCP relay in front of the API, for the live client: cut() ends every connection through it and
 * refuses new ones until resume(), as a network outage would.
 */
async function relayTo(port: number) {
  const sockets = new Set<net.Socket>();
  let open = true;
  const server = net.createServer((client) => {
    if (!open) return client.destroy();
    const upstream = net.connect(port, '127.0.0.1');
    for (const [a, b] of [
      [client, upstream],
      [upstream, client],
    ]) {
      sockets.add(a);
      a.pipe(b);
      a.on('error', () => undefined);
      a.on('close', () => (sockets.delete(a), b.destroy()));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as net.AddressInfo).port}/graphql`,
    cut() {
      open = false;
      for (const s of sockets) s.destroy();
    },
    resume() {
      open = true;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('the integrator guide (docs/integrators)', () => {
  let api: TestApi;
  let relay: Awaited<ReturnType<typeof relayTo>>;
  let receiver: Script;
  let follower: Script;
  let setup: { apiKey: string; webhookSecret: string; endpointId: string };
  let placed: { id: string; number: string; status: string };
  let earlierOrder: string;
  let receiverUrl: string;
  const started = Date.now();

  before(async () => {
    api = await startTestApi({ env: { OUTBOX: 'on', WEBHOOK_ALLOW_ADDRESSES: '127.0.0.1,::1' } });
    relay = await relayTo(Number(new URL(api.url).port));
    // What an order needs: warehouses, an established customer, two products in stock near them.
    await createWarehouses(api.ds);
    const customer = await createCustomer(api.ds, { region: 'EAST', isNew: false });
    for (let i = 0; i < 2; i++) await createProduct(api.ds, { stock: { 'SH-01': 50 } });
    // An order from before the guide starts: the live client's event log does not begin empty.
    const other = await createProduct(api.ds, { stock: { 'SH-01': 5 } });
    const r = await api.data(PLACE_ORDER, { input: orderInput(customer.gid, [{ sku: other.sku, quantity: 1 }]) });
    earlierOrder = r.placeOrder.order.number;
  });

  after(async () => {
    await Promise.all([receiver?.stop(), follower?.stop()]);
    await relay?.close();
    await api?.stop();
    console.log(`integrator guide: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  });

  it("creates an API key and registers a webhook endpoint with the demo administrator's sign-in (quickstart setup)", async () => {
    const port = await freePort();
    receiverUrl = `http://127.0.0.1:${port}/webhooks`;
    const [out] = await run('quickstart.mjs', ['setup'], { API_URL: api.url, WEBHOOK_URL: receiverUrl });
    setup = out as typeof setup;
    assert.match(setup.apiKey, /^fk_/);
    assert.match(setup.webhookSecret, /^whsec_/);

    const { apiKeys, webhookEndpoints } = await api.data(
      `{ apiKeys(first: 10) { edges { node { name scopes } } } webhookEndpoints { id url eventTypes status } }`,
    );
    assert.deepEqual(apiKeys.edges[0].node, {
      name: 'Quickstart storefront',
      scopes: ['ORDERS_READ', 'ORDERS_WRITE', 'WEBHOOKS_WRITE'],
    });
    assert.deepEqual(webhookEndpoints, [
      { id: setup.endpointId, url: receiverUrl, eventTypes: ['order.status_changed'], status: 'ACTIVE' },
    ]);

    receiver = new Script('webhook-receiver.mjs', [], { WEBHOOK_SECRET: setup.webhookSecret, PORT: String(port) });
    const listening = await receiver.line('listening line', (l) => 'listening' in l);
    assert.equal(listening.listening, receiverUrl);
  });

  it('places an order with the API key, which the live client and the webhook receiver both report (quickstart order)', async () => {
    follower = new Script('follow-orders.mjs', [], { API_URL: relay.url, API_KEY: setup.apiKey });
    await follower.line('following line', (l) => 'following' in l);

    const [out] = await run('quickstart.mjs', ['order'], { API_URL: api.url, API_KEY: setup.apiKey });
    placed = out.order;
    assert.match(placed.number, /^SO\d{8}-\d{6}$/);
    assert.equal(placed.status, 'ALLOCATED');
    const expected = [
      [1, null, 'PENDING_REVIEW'],
      [2, 'PENDING_REVIEW', 'CONFIRMED'],
      [3, 'CONFIRMED', 'ALLOCATED'],
    ];

    const ofOrder = () => follower.lines.filter((l) => l.order?.number === placed.number);
    await follower.waitFor('three live events of the order', () => ofOrder().length >= 3);
    assert.deepEqual(
      ofOrder().map((l) => [l.sequence, l.fromStatus, l.toStatus]),
      expected,
    );
    assert.ok(
      ofOrder().every((l) => l.via === 'live' && l.order.id === placed.id),
      JSON.stringify(ofOrder()),
    );
    assert.ok(!follower.lines.some((l) => l.order?.number === earlierOrder), 'history before the start is not printed');

    const webhooks = () => receiver.lines.filter((l) => l.data?.orderNumber === placed.number);
    await receiver.waitFor('three verified webhooks of the order', () => webhooks().length >= 3);
    assert.deepEqual(
      webhooks()
        .map((l) => [l.data.sequence, l.data.fromStatus, l.data.toStatus])
        .sort((a, b) => a[0] - b[0]),
      expected,
    );
    for (const w of webhooks()) {
      assert.equal(w.type, 'order.status_changed');
      assert.match(w.webhookId, /^msg_/);
      assert.ok(Math.abs(Date.parse(w.timestamp) - Date.now()) < 60_000, w.timestamp);
    }
    // The API's delivery log agrees: each delivered at the first attempt (it records the 204 just after the receiver printed).
    const log = async () =>
      (
        await api.data(
          `{ webhookDeliveries(first: 20) { edges { node { webhookId status attempts lastStatusCode } } } }`,
        )
      ).webhookDeliveries.edges
        .map((e: any) => e.node)
        .sort((a: any, b: any) => a.webhookId.localeCompare(b.webhookId));
    const delivered = webhooks()
      .map((w) => ({ webhookId: w.webhookId, status: 'DELIVERED', attempts: 1, lastStatusCode: 204 }))
      .sort((a, b) => a.webhookId.localeCompare(b.webhookId));
    for (let i = 0; i < 50 && JSON.stringify(await log()) !== JSON.stringify(delivered); i++) await settle(100);
    assert.deepEqual(await log(), delivered);
  });

  it('catches up with orderEvents(after:) after a lost connection, then follows live again', async () => {
    relay.cut();
    await follower.waitFor('the lost connection', () => follower.stderr.includes('connection lost'));
    // While the client is away: the order is held.
    const held = await api.data(
      `mutation($i: HoldOrderInput!) { holdOrder(input: $i) { order { status } userErrors { code } } }`,
      { i: { orderId: placed.id, reason: 'Customer asked to wait' } },
    );
    assert.equal(held.holdOrder.order.status, 'ON_HOLD');
    relay.resume();

    const missed = await follower.line(
      'the missed event',
      (l) => l.order?.number === placed.number && l.sequence === 4,
      20_000,
    );
    assert.deepEqual(
      [missed.via, missed.fromStatus, missed.toStatus, missed.reason],
      ['catch-up', 'ALLOCATED', 'ON_HOLD', 'Customer asked to wait'],
    );

    await settle(300);
    await api.data(`mutation($i: ApproveOrderInput!) { approveOrder(input: $i) { userErrors { code } } }`, {
      i: { orderId: placed.id },
    });
    // Released: it is confirmed and allocated again, two events the client hears live.
    const ofOrder = () => follower.lines.filter((l) => l.order?.number === placed.number);
    await follower.waitFor('the release, live', () => ofOrder().length >= 6);
    assert.deepEqual(
      ofOrder().map((l) => [l.sequence, l.via, l.toStatus]),
      [
        [1, 'live', 'PENDING_REVIEW'],
        [2, 'live', 'CONFIRMED'],
        [3, 'live', 'ALLOCATED'],
        [4, 'catch-up', 'ON_HOLD'],
        [5, 'live', 'CONFIRMED'],
        [6, 'live', 'ALLOCATED'],
      ],
      'each event printed once',
    );

    // The webhook receiver heard of both, as it was never away.
    await receiver.waitFor('webhooks of the hold and the release', () =>
      [4, 5, 6].every((n) =>
        receiver.lines.some((l) => l.data?.orderNumber === placed.number && l.data.sequence === n),
      ),
    );
  });

  it('refuses a webhook whose body or signature was tampered with, and handles a repeated webhook-id once', async () => {
    const payload = JSON.stringify({
      type: 'order.status_changed',
      timestamp: new Date().toISOString(),
      data: { orderNumber: 'SO20261207-999999', sequence: 1, fromStatus: null, toStatus: 'PENDING_REVIEW' },
    });
    const signed = (id: string, body: string, secret = setup.webhookSecret) => ({
      'webhook-id': id,
      'webhook-timestamp': String(Math.floor(Date.now() / 1000)),
      'webhook-signature': new Webhook(secret).sign(id, new Date(), body),
    });
    const post = (headers: Record<string, string>, body: string) =>
      fetch(receiverUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body }).then(
        (r) => r.status,
      );

    const headers = signed('msg_guide_1', payload);
    assert.equal(await post(headers, payload.replace('PENDING_REVIEW', 'CANCELLED')), 401, 'body changed');
    const forged = 'v1,' + Buffer.from('x'.repeat(32)).toString('base64');
    assert.equal(await post({ ...headers, 'webhook-signature': forged }, payload), 401, 'signature replaced');
    const otherSecret = `whsec_${Buffer.from('another endpoint secret, 32 byte').toString('base64')}`;
    assert.equal(await post(signed('msg_guide_1', payload, otherSecret), payload), 401, 'signed with another secret');
    const stale = { ...headers, 'webhook-timestamp': String(Math.floor(Date.now() / 1000) - 3600) };
    assert.equal(await post(stale, payload), 401, 'an hour old (replayed)');
    assert.equal(await post({}, payload), 401, 'unsigned');

    assert.equal(await post(headers, payload), 204);
    assert.equal(await post(headers, payload), 204, 'a retry is acknowledged again');
    await receiver.line('the signed test event', (l) => l.webhookId === 'msg_guide_1');
    await settle(200);
    assert.equal(receiver.lines.filter((l) => l.webhookId === 'msg_guide_1').length, 1, 'and handled once');
    assert.equal(receiver.stderr.match(/refused a request/g)?.length, 5);
  });

  it("prints lines for people: the README's eval puts the key and the secret into the shell, and the order step says what it placed", async () => {
    const { stdout } = await promisify(execFile)(
      'sh',
      [
        '-c',
        `eval "$(node docs/integrators/quickstart.mjs setup)" && node docs/integrators/quickstart.mjs order && echo "key=$API_KEY secret=$WEBHOOK_SECRET"`,
      ],
      { cwd: REPO_ROOT, env: { PATH: process.env.PATH, API_URL: api.url, WEBHOOK_URL: receiverUrl } },
    );
    assert.match(stdout, /^Placed SO\d{8}-\d{6} for \S+ \(上海\): T-\w+, T-\w+, ¥\d+\.\d\d$/m);
    assert.match(stdout, /^Status ALLOCATED; id \S+$/m);
    assert.match(stdout, /^key=fk_\S+ secret=whsec_\S+$/m);
  });
});
