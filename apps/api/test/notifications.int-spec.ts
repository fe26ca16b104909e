import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { simpleParser, ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { REPO_ROOT } from '../src/config';
import { RecordingSms } from '../src/modules/notification/channels';
import { freePort } from '../src/db/embedded';
import { createCustomer, createProduct, createWarehouses, orderInput, PLACE_ORDER } from './factories';
import { settle, startTestApi, subscribe, TestApi } from './helpers';
import { TestReceiver } from './webhook-receiver';

const ERR = 'userErrors { code field message }';
const CREATE_ENDPOINT = `mutation($i: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $i) {
  endpoint { id url eventTypes status } secret ${ERR} } }`;
const UPDATE_ENDPOINT = `mutation($i: UpdateWebhookEndpointInput!) { updateWebhookEndpoint(input: $i) {
  endpoint { id status disabledReason } ${ERR} } }`;
const ROTATE = `mutation($i: WebhookEndpointIdInput!) { rotateWebhookSecret(input: $i) { endpoint { id previousSecretUntil } secret ${ERR} } }`;
const DELETE = `mutation($i: WebhookEndpointIdInput!) { deleteWebhookEndpoint(input: $i) { deletedId ${ERR} } }`;
const REDELIVER = `mutation($i: RedeliverWebhookInput!) { redeliverWebhook(input: $i) { delivery { id status } ${ERR} } }`;
const DELIVERIES = `query($f: WebhookDeliveryFilter) { webhookDeliveries(filter: $f, first: 100) { edges { node {
  id webhookId eventType status attempts lastStatusCode lastError nextAttemptAt payload
  attemptLog { attempt statusCode durationMs error responseExcerpt } } } } }`;
const UPDATE_TEMPLATE = `mutation($i: UpdateNotificationTemplateInput!) { updateNotificationTemplate(input: $i) {
  template { event language subject body updatedBy } ${ERR} } }`;
const PREFERENCES = `mutation($i: UpdateCustomerPreferencesInput!) { updateCustomerPreferences(input: $i) {
  customer { id preferredChannel language } ${ERR} } }`;
const NOTIFICATIONS = `query($f: NotificationFilter) { notifications(filter: $f, first: 100) { edges { node {
  id event channel language status attempts recipient subject body provider lastError sentAt order { number } } } } }`;
const ORDER_NOTIFICATIONS = `query($id: ID!) { node(id: $id) { ... on Order { notifications { event channel status subject } } } }`;

/** An SMTP server in this process: every message it receives, parsed. */
async function startSmtp(): Promise<{ port: number; mails: ParsedMail[]; stop(): Promise<void> }> {
  const mails: ParsedMail[] = [];
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((m) => mails.push(m))
        .then(() => callback(), callback);
    },
  });
  const port = await freePort();
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
  return { port, mails, stop: () => new Promise<void>((r) => server.close(() => r())) };
}

async function until(check: () => Promise<boolean> | boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 30));
  }
}

describe('customer notifications and webhooks', () => {
  let api: TestApi;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let sku: string;

  before(async () => {
    smtp = await startSmtp();
    api = await startTestApi({
      env: {
        OUTBOX: 'on',
        SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
        MAIL_FROM: 'Shop <noreply@shop.test>',
        PUBLIC_URL: 'https://shop.test',
        WEBHOOK_ALLOW_ADDRESSES: '127.0.0.1',
        // The spec's schedule (5 s, 5 min, 30 min …) a thousand times faster.
        OUTBOX_RETRY_SCALE: '0.001',
        WEBHOOK_TIMEOUT_MS: '2000',
      },
    });
    await createWarehouses(api.ds);
    sku = (await createProduct(api.ds, { stock: { 'SH-01': 100_000 } })).sku;
  });
  after(async () => {
    await api?.stop();
    await smtp?.stop();
  });

  const texts = () => (api.services.sms as RecordingSms).sent;

  async function customer(channel: 'SMS' | 'EMAIL' | 'IN_APP', language: 'ZH_CN' | 'EN') {
    const c = await createCustomer(api.ds);
    await api.ds.query(`UPDATE customer SET email = $2 WHERE id = $1`, [c.id, `c${c.phone}@example.com`]);
    const r = await api.data(PREFERENCES, { i: { customerId: c.gid, preferredChannel: channel, language } });
    assert.deepEqual(r.updateCustomerPreferences.userErrors, []);
    return { ...c, email: `c${c.phone}@example.com` };
  }

  async function place(customerGid: string, extra: Record<string, unknown> = {}) {
    const r = await api.data(PLACE_ORDER, { input: orderInput(customerGid, [{ sku, quantity: 1 }], extra) });
    assert.deepEqual(r.placeOrder.userErrors, []);
    return r.placeOrder.order as { id: string; number: string; status: string };
  }

  async function endpoint(url: string, eventTypes = ['order.status_changed']) {
    const r = await api.data(CREATE_ENDPOINT, { i: { url, eventTypes, description: 'test' } });
    assert.deepEqual(r.createWebhookEndpoint.userErrors, []);
    assert.match(r.createWebhookEndpoint.secret, /^whsec_[A-Za-z0-9+/=]{40,}$/);
    return { id: r.createWebhookEndpoint.endpoint.id as string, secret: r.createWebhookEndpoint.secret as string };
  }

  it('e-mails a customer who prefers e-mail through the SMTP server, in their language, with the order’s facts', async () => {
    const en = await customer('EMAIL', 'EN');
    const zh = await customer('EMAIL', 'ZH_CN');
    const a = await place(en.gid);
    const b = await place(zh.gid);
    await until(
      () => smtp.mails.filter((m) => m.subject === 'Order received' || m.subject === '订单已收到').length >= 2,
      'two e-mails',
    );
    const toEn = smtp.mails.find((m) => m.subject === 'Order received' && m.text?.includes(a.number))!;
    assert.equal(toEn.subject, 'Order received');
    assert.equal((toEn.to as { text: string }).text, en.email);
    assert.match(toEn.text!, new RegExp(`Hello 张伟, we received your order ${a.number} \\(¥\\d+\\.\\d\\d\\)`));
    assert.equal(toEn.from?.value[0].address, 'noreply@shop.test');
    const toZh = smtp.mails.find((m) => m.subject === '订单已收到' && m.text?.includes(b.number))!;
    assert.equal(toZh.subject, '订单已收到');
    assert.match(toZh.text!, new RegExp(`张伟您好,您的订单${b.number}\\(金额¥\\d+\\.\\d\\d\\)已收到`));
    // Placed and confirmed: both told, each once, and on record as sent by SMTP.
    const order = await api.data(ORDER_NOTIFICATIONS, { id: a.id });
    await until(async () => {
      const n = (await api.data(ORDER_NOTIFICATIONS, { id: a.id })).node.notifications;
      return n.length === 2 && n.every((x: { status: string }) => x.status === 'SENT');
    }, 'both notifications sent');
    assert.ok(order.node.notifications.length >= 1);
    const list = await api.data(NOTIFICATIONS, { f: { orderId: a.id } });
    const events = list.notifications.edges.map((e: any) => e.node);
    assert.deepEqual(events.map((n: any) => n.event).sort(), ['ORDER_CONFIRMED', 'ORDER_RECEIVED']);
    for (const n of events) {
      assert.equal(n.channel, 'EMAIL');
      assert.equal(n.language, 'EN');
      assert.equal(n.provider, 'smtp');
      assert.equal(n.recipient, en.email);
      assert.equal(n.order.number, a.number);
    }
  });

  it('texts SMS customers, tells in-app customers live, and masks the record for callers without personal-data rights', async () => {
    const sms = await customer('SMS', 'ZH_CN');
    const app = await customer('IN_APP', 'EN');
    const live = subscribe(
      api.ws(),
      `subscription($c: ID!) { customerNotifications(customerId: $c) { event subject body channel status } }`,
      {
        c: app.gid,
      },
    );
    await settle();
    const a = await place(sms.gid);
    const b = await place(app.gid);
    await live.waitFor(2);
    assert.deepEqual(live.items.map((i: any) => i.customerNotifications.event).sort(), [
      'ORDER_CONFIRMED',
      'ORDER_RECEIVED',
    ]);
    assert.ok(live.items.every((i: any) => i.customerNotifications.channel === 'IN_APP'));
    assert.ok(live.items.some((i: any) => i.customerNotifications.body.includes(b.number)));
    await until(() => texts().filter((s) => s.text.includes(a.number)).length === 2, 'two texts');
    assert.equal(texts().find((s) => s.text.includes(a.number))!.to, sms.phone);
    live.dispose();

    // A dispatcher has no NOTIFICATION_READ; an agent has it with personal data; an API key with
    // notifications:read only sees masked recipients and names.
    const key = await api.data(
      `mutation { createApiKey(input: { name: "notifications reader", scopes: [NOTIFICATIONS_READ, ORDERS_READ] }) { secret ${ERR} } }`,
    );
    const masked = await api.gql(
      NOTIFICATIONS,
      { f: { orderId: a.id } },
      { authorization: `Bearer ${key.createApiKey.secret}` },
    );
    const node = masked.body.data.notifications.edges.find((e: any) => e.node.event === 'ORDER_RECEIVED').node;
    assert.equal(node.recipient, `${sms.phone.slice(0, 3)}****${sms.phone.slice(-4)}`);
    assert.ok(!node.body.includes('张伟') && node.body.includes('张*'), node.body);
    const dispatcher = await api.loginAs('DISPATCHER');
    const refused = await api.gql(NOTIFICATIONS, {}, { authorization: `Bearer ${dispatcher}` });
    assert.equal(refused.body.errors?.[0].extensions?.code, 'FORBIDDEN');
  });

  it('writes nothing to the outbox for a change that rolls back, and one notification per event however often a retry replays it', async () => {
    const c = await customer('SMS', 'ZH_CN');
    const [{ n: before }] = await api.ds.query(`SELECT count(*)::int AS n FROM notification`);
    const scarce = (await createProduct(api.ds, { stock: { 'SH-01': 1 } })).sku;
    const short = await api.data(PLACE_ORDER, { input: orderInput(c.gid, [{ sku: scarce, quantity: 5 }]) });
    assert.equal(short.placeOrder.userErrors[0].code, 'OUT_OF_STOCK');
    const key = `retry-${Date.now()}`;
    const placed = await Promise.all(
      [1, 2, 3].map(() =>
        api.data(PLACE_ORDER, { input: orderInput(c.gid, [{ sku, quantity: 1 }], { idempotencyKey: key }) }),
      ),
    );
    assert.equal(new Set(placed.map((p) => p.placeOrder.order.id)).size, 1);
    const [{ n: afterwards }] = await api.ds.query(`SELECT count(*)::int AS n FROM notification`);
    assert.equal(afterwards - before, 2, 'received + confirmed of the one order; nothing of the refused one');
  });

  it('tells customers of holds they can help with, not of internal checks, and uses a manager’s template from then on', async () => {
    const c = await customer('SMS', 'EN');
    // Unpaid online payment: held for review, and the customer is asked to pay.
    const unpaid = await place(c.gid, { paid: false });
    assert.equal(unpaid.status, 'PENDING_REVIEW');
    // A large order is checked by a person: the customer is not told of the hold.
    const large = await api.data(PLACE_ORDER, { input: orderInput(c.gid, [{ sku, quantity: 1500 }]) });
    assert.equal(large.placeOrder.order.status, 'PENDING_REVIEW');
    await until(async () => {
      const rows = await api.ds.query(`SELECT status FROM notification WHERE customer_id = $1`, [c.id]);
      return rows.length === 3 && rows.every((r: { status: string }) => r.status === 'SENT');
    }, 'three notifications sent');
    const held = await api.data(NOTIFICATIONS, { f: { orderId: unpaid.id } });
    const heldNode = held.notifications.edges.find((e: any) => e.node.event === 'ORDER_HELD').node;
    assert.match(heldNode.body, /on hold: we have not received your online payment yet/);
    const largeTold = await api.data(NOTIFICATIONS, { f: { orderId: large.placeOrder.order.id } });
    assert.deepEqual(
      largeTold.notifications.edges.map((e: any) => e.node.event),
      ['ORDER_RECEIVED'],
    );

    const bad = await api.data(UPDATE_TEMPLATE, {
      i: {
        event: 'ORDER_RECEIVED',
        language: 'EN',
        subject: 'Thanks!',
        body: 'Order {{orderNumber}} for {{customerNmae}}',
      },
    });
    assert.equal(bad.updateNotificationTemplate.userErrors[0].code, 'UNKNOWN_PLACEHOLDER');
    assert.match(
      bad.updateNotificationTemplate.userErrors[0].message,
      /\{\{customerNmae\}\} is not a fact of ORDER_RECEIVED/,
    );
    const [{ n: stored }] = await api.ds.query(`SELECT count(*)::int AS n FROM notification_template`);
    assert.equal(stored, 0);
    const good = await api.data(UPDATE_TEMPLATE, {
      i: {
        event: 'ORDER_RECEIVED',
        language: 'EN',
        subject: 'Thanks, {{customerName}}!',
        body: 'We have {{orderNumber}} ({{total}}).',
      },
    });
    assert.deepEqual(good.updateNotificationTemplate.userErrors, []);
    await new Promise((r) => setTimeout(r, 2100)); // the sender reads templates at most every 2 s
    const next = await place(c.gid);
    await until(
      () => texts().some((s) => /^We have \S+ \(¥\d+\.\d\d\)\.$/.test(s.text) && s.text.includes(next.number)),
      'the new text',
    );
    await api.data(`mutation { resetNotificationTemplate(input: { event: ORDER_RECEIVED, language: EN }) { ${ERR} } }`);
  });

  it('signs webhooks per Standard Webhooks, and a receiver that fails three times then recovers gets each event once', async () => {
    const receiver = await new TestReceiver().start();
    try {
      const ep = await endpoint(`${receiver.url}/hooks`);
      receiver.secrets = [ep.secret];
      receiver.answer = (_id, nth) => (nth <= 3 ? 500 : 204);
      const c = await customer('SMS', 'ZH_CN');
      const order = await place(c.gid);
      const [{ n: events }] = await api.ds.query(`SELECT count(*)::int AS n FROM order_event WHERE order_id = $1`, [
        Buffer.from(order.id, 'base64url').toString().split(':')[1],
      ]);
      await receiver.waitFor(() => receiver.deliveredIds().size === events, 15_000, 'every event delivered');
      assert.ok(
        receiver.received.every((r) => r.verified),
        'every signature verifies',
      );
      assert.ok(
        [...receiver.deliveredIds().values()].every((n) => n === 1),
        'each webhook id answered 2xx once',
      );
      assert.ok(receiver.received.every((r) => /^msg_[0-9a-f]{32}$/.test(r.webhookId)));
      const first = receiver.received.find((r) => r.status < 300)!.body;
      assert.equal(first.type, 'order.status_changed');
      assert.equal(first.data.orderNumber, order.number);
      assert.equal(first.data.orderId, order.id, 'global ids, as the graph takes them');
      assert.equal(Buffer.from(String(first.data.id), 'base64url').toString().split(':')[0], 'OrderEvent');
      const log = (await api.data(DELIVERIES, { f: { endpointId: ep.id } })).webhookDeliveries.edges.map(
        (e: any) => e.node,
      );
      assert.equal(log.length, events);
      for (const d of log) {
        assert.equal(d.status, 'DELIVERED');
        assert.deepEqual(
          d.attemptLog.map((a: any) => a.statusCode),
          [500, 500, 500, 204],
        );
        assert.equal(d.attemptLog[0].responseExcerpt, 'nope 500');
      }
      await api.data(DELETE, { i: { endpointId: ep.id } });
    } finally {
      await receiver.stop();
    }
  });

  it('does not retry a 4xx, disables an endpoint that answers 410, re-sends by hand with the same id, and holds events of a paused endpoint', async () => {
    const receiver = await new TestReceiver().start();
    try {
      const ep = await endpoint(`${receiver.url}/refusing`);
      receiver.secrets = [ep.secret];
      receiver.answer = () => 400;
      const c = await customer('SMS', 'ZH_CN');
      await place(c.gid);
      await until(async () => {
        const log = (await api.data(DELIVERIES, { f: { endpointId: ep.id } })).webhookDeliveries.edges;
        return log.length > 0 && log.every((e: any) => e.node.status === 'FAILED');
      }, 'refused deliveries failed');
      const failed = (await api.data(DELIVERIES, { f: { endpointId: ep.id } })).webhookDeliveries.edges.map(
        (e: any) => e.node,
      );
      assert.ok(failed.every((d: any) => d.attempts === 1 && d.lastStatusCode === 400 && d.nextAttemptAt === null));
      assert.match(failed[0].lastError, /not retried/);

      receiver.answer = () => 204;
      const again = await api.data(REDELIVER, { i: { deliveryId: failed[0].id } });
      assert.deepEqual(again.redeliverWebhook.userErrors, []);
      await receiver.waitFor(() => receiver.deliveredIds().has(failed[0].webhookId), 5000, 'the redelivery');
      const still = await api.data(REDELIVER, { i: { deliveryId: failed[1].id } });
      assert.deepEqual(still.redeliverWebhook.userErrors, []);
      const busy = await api.data(REDELIVER, { i: { deliveryId: failed[1].id } });
      assert.ok(['NOT_REDELIVERABLE', undefined].includes(busy.redeliverWebhook.userErrors[0]?.code));

      // Paused: events wait and go out when it is active again.
      await api.data(UPDATE_ENDPOINT, { i: { endpointId: ep.id, status: 'PAUSED' } });
      const count = receiver.received.length;
      const held = await place(c.gid);
      await new Promise((r) => setTimeout(r, 400));
      assert.equal(receiver.received.filter((r) => r.body.data?.orderNumber === held.number).length, 0);
      assert.ok(receiver.received.length - count <= 1, 'only the second redelivery, nothing of the paused order');
      await api.data(UPDATE_ENDPOINT, { i: { endpointId: ep.id, status: 'ACTIVE' } });
      await receiver.waitFor(
        () => receiver.received.some((r) => r.body.data?.orderNumber === held.number),
        5000,
        'held events',
      );

      // 410 Gone: disabled, with the reason; redelivery refused until it is active again.
      receiver.answer = () => 410;
      const gone = await place(c.gid);
      await until(async () => {
        const e = await api.data(`query { webhookEndpoints { id status disabledReason } }`);
        return e.webhookEndpoints.find((x: any) => x.id === ep.id).status === 'DISABLED';
      }, 'endpoint disabled');
      const e = (await api.data(`query { webhookEndpoints { id status disabledReason } }`)).webhookEndpoints.find(
        (x: any) => x.id === ep.id,
      );
      assert.match(e.disabledReason, /410 Gone/);
      const goneDeliveries = (await api.data(DELIVERIES, { f: { endpointId: ep.id, status: 'FAILED' } }))
        .webhookDeliveries.edges;
      const refusedRedelivery = await api.data(REDELIVER, { i: { deliveryId: goneDeliveries[0].node.id } });
      assert.equal(refusedRedelivery.redeliverWebhook.userErrors[0].code, 'ENDPOINT_DISABLED');
      assert.ok(gone.number);
      await api.data(DELETE, { i: { endpointId: ep.id } });
    } finally {
      await receiver.stop();
    }
  });

  it('rotates a secret: both the new and the old secret verify for a day', async () => {
    const receiver = await new TestReceiver().start();
    try {
      const ep = await endpoint(`${receiver.url}/rotating`);
      const rotated = await api.data(ROTATE, { i: { endpointId: ep.id } });
      const secret = rotated.rotateWebhookSecret.secret;
      assert.notEqual(secret, ep.secret);
      assert.ok(
        new Date(rotated.rotateWebhookSecret.endpoint.previousSecretUntil).getTime() > Date.now() + 23 * 3600_000,
      );
      receiver.secrets = [secret];
      const c = await customer('SMS', 'ZH_CN');
      await place(c.gid);
      await receiver.waitFor(() => receiver.received.length > 0, 5000, 'an event');
      assert.ok(
        receiver.received.every((r) => r.verified),
        'the new secret verifies',
      );
      receiver.secrets = [ep.secret];
      await place(c.gid);
      await receiver.waitFor(() => receiver.received.length > 3, 5000, 'more events');
      assert.ok(
        receiver.received.every((r) => r.verified),
        'the old secret still verifies',
      );
      await api.data(DELETE, { i: { endpointId: ep.id } });
    } finally {
      await receiver.stop();
    }
  });

  it('refuses bad endpoints with typed errors and creates nothing', async () => {
    const cases: [string, string[], string][] = [
      ['not a url', ['order.status_changed'], 'INVALID_URL'],
      ['ftp://example.com/x', ['order.status_changed'], 'INVALID_URL'],
      ['https://user:pw@example.com/x', ['order.status_changed'], 'INVALID_URL'],
      ['http://10.1.2.3/hook', ['order.status_changed'], 'PRIVATE_ADDRESS'],
      ['http://169.254.169.254/latest/meta-data', ['order.status_changed'], 'PRIVATE_ADDRESS'],
      ['http://[::1]:8080/hook', ['order.status_changed'], 'PRIVATE_ADDRESS'],
      ['http://192.168.1.10/hook', ['order.status_changed'], 'PRIVATE_ADDRESS'],
      ['http://127.0.0.1:9/hook', ['order.exploded'], 'UNKNOWN_EVENT_TYPE'],
      ['http://127.0.0.1:9/hook', [], 'UNKNOWN_EVENT_TYPE'],
      ['http://127.0.0.1:9/hook', ['constructor'], 'UNKNOWN_EVENT_TYPE'],
      [`https://example.com/${'x'.repeat(2100)}`, ['order.status_changed'], 'INVALID_URL'],
    ];
    const [{ n: before }] = await api.ds.query(`SELECT count(*)::int AS n FROM webhook_endpoint`);
    for (const [url, eventTypes, code] of cases) {
      const r = await api.gql(CREATE_ENDPOINT, { i: { url, eventTypes } });
      assert.equal(r.status, 200, url);
      assert.equal(r.body.data.createWebhookEndpoint.userErrors[0]?.code, code, `${url} ${eventTypes}`);
      assert.equal(r.body.data.createWebhookEndpoint.secret, null);
    }
    const [{ n: afterwards }] = await api.ds.query(`SELECT count(*)::int AS n FROM webhook_endpoint`);
    assert.equal(afterwards, before);
    const types = await api.data(`query { webhookEventTypes { name description } }`);
    assert.ok(types.webhookEventTypes.some((t: any) => t.name === 'stock.alert'));
    const empty = await api.data(UPDATE_TEMPLATE, {
      i: { event: 'DELIVERED', language: 'ZH_CN', subject: ' ', body: 'x' },
    });
    assert.equal(empty.updateNotificationTemplate.userErrors[0].code, 'EMPTY_TEMPLATE');
  });

  it('two API processes working the same outbox never send a delivery twice', async () => {
    const second = await startTestApi({
      databaseUrl: api.databaseUrl,
      env: { OUTBOX: 'on', WEBHOOK_ALLOW_ADDRESSES: '127.0.0.1', OUTBOX_RETRY_SCALE: '0.001' },
    });
    const receiver = await new TestReceiver().start();
    try {
      const ep = await endpoint(`${receiver.url}/twice`);
      const c = await customer('SMS', 'ZH_CN');
      await Promise.all(Array.from({ length: 30 }, () => place(c.gid)));
      const [{ n: expected }] = await api.ds.query(
        `SELECT count(*)::int AS n FROM webhook_delivery WHERE endpoint_id = (SELECT id FROM webhook_endpoint WHERE url LIKE '%/twice')`,
      );
      assert.ok(expected >= 60);
      await receiver.waitFor(() => receiver.deliveredIds().size === expected, 15_000, 'every delivery');
      await settle(300);
      assert.equal(receiver.received.length, expected, 'no request twice');
      await api.data(DELETE, { i: { endpointId: ep.id } });
    } finally {
      await receiver.stop();
      await second.stop();
    }
  });
});

describe('webhooks across a crash', () => {
  it('a receiver that is down while the API is killed with SIGKILL gets every event after both come back', async () => {
    // This process only writes (OUTBOX off); the API processes that send are spawned and killed.
    const api = await startTestApi({ env: { WEBHOOK_ALLOW_ADDRESSES: '127.0.0.1' } });
    const port = await freePort();
    const receiver = new TestReceiver(port);
    const children: ChildProcess[] = [];
    /** What the spawned APIs said (shown when the test fails). */
    let output = '';
    const spawnApi = () => {
      const child = spawn(process.execPath, [path.join(REPO_ROOT, 'apps/api/dist/src/main.js')], {
        env: {
          ...process.env,
          DATABASE_URL: api.databaseUrl,
          PORT: '0',
          SEED: 'none',
          JOBS: 'off',
          OUTBOX: 'on',
          WEBHOOK_ALLOW_ADDRESSES: '127.0.0.1',
          OUTBOX_RETRY_SCALE: '0.001',
          WEBHOOK_TIMEOUT_MS: '1000',
          LOG_LEVEL: 'warn',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
      child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
      children.push(child);
      return child;
    };
    try {
      await createWarehouses(api.ds);
      const sku2 = (await createProduct(api.ds, { stock: { 'SH-01': 10_000 } })).sku;
      const c = await createCustomer(api.ds);
      const r = await api.data(CREATE_ENDPOINT, {
        i: { url: `${receiver.url}/crash`, eventTypes: ['order.status_changed'] },
      });
      receiver.secrets = [r.createWebhookEndpoint.secret];
      const placeSome = (n: number) =>
        Promise.all(
          Array.from({ length: n }, () =>
            api.data(PLACE_ORDER, { input: orderInput(c.gid, [{ sku: sku2, quantity: 1 }]) }),
          ),
        );

      await placeSome(10);
      // The receiver is down: the API's attempts fail and are retried; it is killed mid-way.
      const first = spawnApi();
      await until(
        async () => {
          const [{ n }] = await api.ds.query(`SELECT count(*)::int AS n FROM webhook_attempt`);
          return n >= 10;
        },
        'attempts against the dead receiver',
        20_000,
      );
      await placeSome(10);
      first.kill('SIGKILL');
      await new Promise((r) => first.once('exit', r));
      await placeSome(10);

      // Both come back.
      await receiver.start();
      spawnApi();
      const [{ n: total }] = await api.ds.query(`SELECT count(*)::int AS n FROM webhook_delivery`);
      const [{ n: orderEvents }] = await api.ds.query(`SELECT count(*)::int AS n FROM order_event`);
      assert.equal(total, orderEvents, 'every order event has its delivery');
      await receiver.waitFor(() => receiver.deliveredIds().size === total, 30_000, 'every event after the crash');
      const ids: { id: string }[] = await api.ds.query(
        `SELECT 'msg_' || replace(e.id::text, '-', '') AS id FROM webhook_event e`,
      );
      assert.deepEqual([...receiver.deliveredIds().keys()].sort(), ids.map((x) => x.id).sort());
      assert.ok(receiver.received.every((x) => x.verified));
      // Duplicates, if any, carry the same webhook id (the set above) — a receiver deduplicates on it.
      await until(async () => {
        const [{ n }] = await api.ds.query(
          `SELECT count(*)::int AS n FROM webhook_delivery WHERE status <> 'DELIVERED'`,
        );
        return n === 0;
      }, 'every delivery recorded as delivered');
    } finally {
      for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
      await receiver.stop();
      await api.stop();
    }
  });
});
