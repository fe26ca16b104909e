import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createCustomer, createProduct, createWarehouses, orderInput, PLACE_ORDER } from './factories';
import { settle, startTestApi, subscribe, TestApi } from './helpers';

const ERR = 'userErrors { code field message }';
const C = `id number status category department priority owner { id name } rootCause outcome escalatedAt
  sla { state kind dueAt secondsLeft responseDueAt resolutionDueAt responseBreached resolutionBreached policy pausedSeconds windowSeconds atRiskAt }
  events { sequence type fromStatus toStatus reason } order { number } customer { id }`;
const OPEN = `mutation($i: OpenComplaintInput!) { openComplaint(input: $i) { complaint { ${C} } ${ERR} } }`;
const ACK = `mutation($i: ComplaintStepInput!) { acknowledgeComplaint(input: $i) { complaint { ${C} } ${ERR} } }`;
const STATUS = `mutation($i: UpdateComplaintStatusInput!) { updateComplaintStatus(input: $i) { complaint { ${C} } ${ERR} } }`;
const RESOLVE = `mutation($i: ResolveComplaintInput!) { resolveComplaint(input: $i) { complaint { ${C} } ${ERR} } }`;
const REOPEN = `mutation($i: ReopenComplaintInput!) { reopenComplaint(input: $i) { complaint { ${C} } ${ERR} } }`;
const ASSIGN = `mutation($i: AssignComplaintInput!) { assignComplaint(input: $i) { complaint { ${C} } ${ERR} } }`;
const QUEUE = `query($f: ComplaintFilter) { complaints(filter: $f, first: 50) { edges { node { number sla { dueAt state } } } } }`;
const SYSTEM = { principal: null, requestId: 'test-sweep', clientIp: null };

describe('complaints on a 24-hour clock', () => {
  let api: TestApi;
  let order: { id: string; number: string };
  let customer: { id: string; gid: string };

  before(async () => {
    api = await startTestApi();
    await createWarehouses(api.ds);
    const { sku } = await createProduct(api.ds, { stock: { 'SH-01': 100 } });
    customer = await createCustomer(api.ds);
    order = (await api.data(PLACE_ORDER, { input: orderInput(customer.gid, [{ sku, quantity: 1 }]) })).placeOrder.order;
  });
  after(() => api?.stop());

  /** Moves a complaint's clock back by `hours` (as if it had been opened that long ago). */
  async function age(number: string, hours: number) {
    await api.ds.query(
      `WITH k AS (
         UPDATE complaint SET opened_at = opened_at - $2 * interval '1 hour', started_at = started_at - $2 * interval '1 hour',
                responded_at = responded_at - $2 * interval '1 hour', due_at = due_at - $2 * interval '1 hour'
          WHERE number = $1 RETURNING id)
       UPDATE complaint_clock SET next_check_at = next_check_at - $2 * interval '1 hour' FROM k WHERE complaint_id = k.id`,
      [number, hours],
    );
  }

  it('routes a complaint about an order by category, on the policy of its priority, and answers a retry with the same complaint', async () => {
    const i = {
      orderId: order.id,
      channel: 'PHONE',
      category: 'DAMAGED',
      description: '箱子破了',
      idempotencyKey: 'k-1',
    };
    const [a, b] = await Promise.all([api.data(OPEN, { i }), api.data(OPEN, { i })]);
    const c = a.openComplaint.complaint;
    assert.deepEqual(a.openComplaint.userErrors, []);
    assert.equal(b.openComplaint.complaint.id, c.id);
    assert.equal(c.department, 'WAREHOUSE');
    assert.equal(c.status, 'OPEN');
    assert.equal(c.customer.id, customer.gid);
    assert.equal(c.order.number, order.number);
    assert.equal(c.sla.policy, 'standard-2h-24h');
    assert.equal(c.sla.kind, 'RESPONSE');
    assert.equal(c.sla.state, 'ON_TRACK');
    assert.ok(c.sla.secondsLeft > 7190 && c.sla.secondsLeft <= 7200);
    assert.equal(c.sla.windowSeconds, 7200);
    assert.equal(Date.parse(c.sla.dueAt) - Date.parse(c.sla.atRiskAt), 1800_000);
    assert.deepEqual(
      c.events.map((e: any) => e.type),
      ['OPENED'],
    );
  });

  it('refuses complaints without a customer, or about another customer’s order, and resolutions without a root cause', async () => {
    const other = await createCustomer(api.ds);
    const none = await api.data(OPEN, { i: { channel: 'CHAT', category: 'OTHER', description: 'x' } });
    assert.equal(none.openComplaint.userErrors[0].code, 'CUSTOMER_REQUIRED');
    const wrong = await api.data(OPEN, {
      i: { customerId: other.gid, orderId: order.id, channel: 'CHAT', category: 'LATE', description: 'x' },
    });
    assert.equal(wrong.openComplaint.userErrors[0].code, 'ORDER_OF_ANOTHER_CUSTOMER');
    const c = (
      await api.data(OPEN, { i: { customerId: other.gid, channel: 'APP', category: 'OTHER', description: 'x' } })
    ).openComplaint.complaint;
    const early = await api.data(RESOLVE, {
      i: { complaintId: c.id, rootCause: 'NO_FAULT_FOUND', outcome: 'EXPLANATION', note: 'ok' },
    });
    assert.equal(early.resolveComplaint.userErrors[0].code, 'ILLEGAL_TRANSITION', 'answer first');
    await api.data(ACK, { i: { complaintId: c.id } });
    const bare = await api.data(RESOLVE, { i: { complaintId: c.id, outcome: 'EXPLANATION', note: 'ok' } });
    assert.equal(bare.resolveComplaint.userErrors[0].code, 'RESOLUTION_INCOMPLETE');
    assert.equal(bare.resolveComplaint.userErrors[0].field.join('.'), 'input.rootCause');
  });

  it('answers, pauses while waiting on the customer, resolves and reopens, telling the customer', async () => {
    const c = (
      await api.data(OPEN, { i: { orderId: order.id, channel: 'EMAIL', category: 'LATE', description: '晚了' } })
    ).openComplaint.complaint;
    const ack = (await api.data(ACK, { i: { complaintId: c.id } })).acknowledgeComplaint.complaint;
    assert.equal(ack.status, 'ACKNOWLEDGED');
    assert.ok(ack.owner.name, 'the agent who answered owns it');
    assert.deepEqual(
      ack.events.map((e: any) => e.type),
      ['OPENED', 'ASSIGNED', 'STATUS_CHANGED'],
    );
    const handlers = await api.data(`{ complaintHandlers { id name } }`);
    assert.ok(handlers.complaintHandlers.some((h: any) => h.id === ack.owner.id));
    assert.equal(ack.sla.kind, 'RESOLUTION');
    const wait = (
      await api.data(STATUS, { i: { complaintId: c.id, status: 'WAITING_ON_CUSTOMER', reason: 'photos asked' } })
    ).updateComplaintStatus.complaint;
    assert.equal(wait.sla.state, 'PAUSED');
    const resolved = (
      await api.data(RESOLVE, {
        i: { complaintId: c.id, rootCause: 'LATE_DELIVERY', outcome: 'COMPENSATION', note: '已发放优惠券' },
      })
    ).resolveComplaint.complaint;
    assert.equal(resolved.status, 'RESOLVED');
    assert.equal(resolved.sla.state, 'MET');
    assert.equal(resolved.sla.secondsLeft, null);
    const reopened = (await api.data(REOPEN, { i: { complaintId: c.id, reason: 'coupon did not arrive' } }))
      .reopenComplaint.complaint;
    assert.equal(reopened.status, 'REOPENED');
    assert.equal(reopened.sla.state, 'ON_TRACK');
    assert.ok(reopened.sla.secondsLeft > 24 * 3600 - 10);
    const told = await api.ds.query(
      `SELECT event, facts FROM notification WHERE source_key LIKE $1 ORDER BY created_at`,
      [`complaint:%`],
    );
    assert.deepEqual(
      told.filter((n: any) => n.facts.complaintNumber === c.number).map((n: any) => n.event),
      ['COMPLAINT_ACKNOWLEDGED', 'COMPLAINT_RESOLVED'],
    );
    const dispatcher = await api.loginAs('DISPATCHER');
    const refused = await api.gql(QUEUE, {}, { authorization: `Bearer ${dispatcher}` });
    assert.equal(refused.body.errors?.[0].extensions?.code, 'FORBIDDEN');
  });

  it('marks a complaint at risk and escalates it exactly once across concurrent sweeps, then records the breach once', async () => {
    const alerts = subscribe(api.ws(), `subscription { slaAlert { type reason complaint { number } } }`);
    await settle();
    const c = (
      await api.data(OPEN, { i: { orderId: order.id, channel: 'PHONE', category: 'QUALITY', description: '坏了' } })
    ).openComplaint.complaint;
    await age(c.number, 1.6); // 96 of 120 minutes gone: less than a quarter left
    const second = await startTestApi({ databaseUrl: api.databaseUrl });
    try {
      const changed = await Promise.all([
        api.services.complaintSweep.run(SYSTEM),
        second.services.complaintSweep.run(SYSTEM),
        api.services.complaintSweep.run(SYSTEM),
      ]);
      assert.equal(
        changed.reduce((a, b) => a + b, 0),
        1,
        'one sweep changed it',
      );
    } finally {
      await second.stop();
    }
    let now = (await api.data(`query($id: ID!) { complaint(id: $id) { ${C} } }`, { id: c.id })).complaint;
    assert.equal(now.sla.state, 'AT_RISK');
    assert.ok(now.escalatedAt);
    assert.deepEqual(
      now.events.map((e: any) => e.type),
      ['OPENED', 'SLA_AT_RISK', 'ESCALATED'],
    );
    await age(c.number, 1);
    await api.services.complaintSweep.run(SYSTEM);
    await api.services.complaintSweep.run(SYSTEM);
    now = (await api.data(`query($id: ID!) { complaint(id: $id) { ${C} } }`, { id: c.id })).complaint;
    assert.equal(now.sla.state, 'BREACHED');
    assert.equal(now.sla.responseBreached, true);
    assert.deepEqual(
      now.events.map((e: any) => e.type),
      ['OPENED', 'SLA_AT_RISK', 'ESCALATED', 'SLA_BREACHED'],
    );
    await alerts.waitFor(3);
    assert.deepEqual(
      alerts.items.filter((a: any) => a.slaAlert.complaint.number === c.number).map((a: any) => a.slaAlert.type),
      ['SLA_AT_RISK', 'ESCALATED', 'SLA_BREACHED'],
    );
    alerts.dispose();
  });

  it('lists the queue by deadline, the most pressing first, with filters', async () => {
    const q = await api.data(QUEUE, { f: { openOnly: true } });
    const due = q.complaints.edges.map((e: any) => Date.parse(e.node.sla.dueAt));
    assert.ok(due.length >= 3);
    assert.deepEqual(
      due,
      [...due].sort((a, b) => a - b),
    );
    const breached = await api.data(QUEUE, { f: { slaState: 'BREACHED' } });
    assert.ok(breached.complaints.edges.every((e: any) => e.node.sla.state === 'BREACHED'));
    const u = await api.ds.query(`SELECT id FROM staff_user WHERE email = 'warehouse@demo.local'`);
    const c = (
      await api.data(OPEN, { i: { orderId: order.id, channel: 'PHONE', category: 'WRONG_ITEM', description: 'x' } })
    ).openComplaint.complaint;
    const notAgent = await api.data(ASSIGN, {
      i: { complaintId: c.id, ownerId: Buffer.from(`User:${u[0].id}`).toString('base64url') },
    });
    assert.equal(notAgent.assignComplaint.userErrors[0].code, 'OWNER_CANNOT_HANDLE');
  });
});

describe('satisfaction surveys and reply templates', () => {
  let api: TestApi;
  before(async () => {
    api = await startTestApi({ env: { OUTBOX: 'on', PUBLIC_URL: 'https://shop.test' } });
    await createWarehouses(api.ds);
  });
  after(() => api?.stop());

  it('asks a survey when a complaint is first resolved, takes one anonymous answer, and counts it in satisfaction', async () => {
    const customer = await createCustomer(api.ds);
    const c = (
      await api.data(OPEN, { i: { customerId: customer.gid, channel: 'APP', category: 'OTHER', description: 'x' } })
    ).openComplaint.complaint;
    await api.data(ACK, { i: { complaintId: c.id } });
    const done = { complaintId: c.id, rootCause: 'NO_FAULT_FOUND', outcome: 'EXPLANATION', note: '已解释' };
    await api.data(RESOLVE, { i: done });
    await api.data(REOPEN, { i: { complaintId: c.id, reason: 'again' } });
    await api.data(RESOLVE, { i: done });
    const surveys = await api.ds.query(
      `SELECT token FROM satisfaction_survey s JOIN complaint c ON c.id = s.complaint_id WHERE c.number = $1`,
      [c.number],
    );
    assert.equal(surveys.length, 1, 'one survey per complaint, however often it is resolved');
    const asked = await api.ds.query(
      `SELECT event, facts FROM notification WHERE source_key LIKE 'complaint:%' AND customer_id = $1 ORDER BY created_at`,
      [customer.id],
    );
    // Notices of one transaction share its millisecond: compared as a set.
    assert.deepEqual(asked.map((n: any) => n.event).sort(), [
      'COMPLAINT_ACKNOWLEDGED',
      'COMPLAINT_RESOLVED',
      'COMPLAINT_RESOLVED',
      'SURVEY_REQUEST',
    ]);
    await settle(500);
    const [sent] = await api.ds.query(
      `SELECT body, status FROM notification WHERE event = 'SURVEY_REQUEST' AND customer_id = $1`,
      [customer.id],
    );
    assert.ok(sent.body?.includes(`https://shop.test/survey/${surveys[0].token}`), sent.body);
    const answer = `mutation($i: AnswerSurveyInput!) { answerSurvey(input: $i) { survey { rating } ${ERR} } }`;
    const first = await api.gql(
      answer,
      { i: { token: surveys[0].token, rating: 5, comment: '很满意' } },
      { authorization: '' },
    );
    assert.deepEqual(first.body.data.answerSurvey.userErrors, []);
    const again = await api.gql(answer, { i: { token: surveys[0].token, rating: 1 } }, { authorization: '' });
    assert.equal(again.body.data.answerSurvey.userErrors[0].code, 'ALREADY_ANSWERED');
    const bad = await api.gql(answer, { i: { token: surveys[0].token, rating: 6 } }, { authorization: '' });
    assert.equal(bad.body.data.answerSurvey.userErrors[0].code, 'INVALID_INPUT');
    const badPage = await api.gql(`{ surveys(first: -2147483648) { rating } }`);
    assert.equal(badPage.body.errors?.[0].extensions?.code, 'BAD_USER_INPUT', 'the hostile fuzzer found a 500 here');
    const s = await api.data(`{ satisfaction(days: 7) { answers satisfied rate target complaintAnswers } }`);
    assert.deepEqual(s.satisfaction, { answers: 1, satisfied: 1, rate: 1, target: 0.9, complaintAnswers: 1 });
  });

  it('keeps reply templates per category and language for agents to insert and edit', async () => {
    const ERRS = ERR;
    const created = await api.data(
      `mutation($i: ReplyTemplateInput!) { createReplyTemplate(input: $i) { replyTemplate { id title category language } ${ERRS} } }`,
      {
        i: { category: 'LATE', language: 'ZH_CN', title: '延迟致歉', body: '非常抱歉配送延迟,我们已为您补偿优惠券。' },
      },
    );
    const t = created.createReplyTemplate.replyTemplate;
    assert.equal(t.category, 'LATE');
    const updated = await api.data(
      `mutation($i: UpdateReplyTemplateInput!) { updateReplyTemplate(input: $i) { replyTemplate { title } ${ERRS} } }`,
      { i: { replyTemplateId: t.id, category: 'LATE', language: 'ZH_CN', title: '延迟致歉(新)', body: '抱歉' } },
    );
    assert.equal(updated.updateReplyTemplate.replyTemplate.title, '延迟致歉(新)');
    const list = await api.data(`{ replyTemplates(category: LATE, language: ZH_CN) { title } }`);
    assert.deepEqual(
      list.replyTemplates.map((x: any) => x.title),
      ['延迟致歉(新)'],
    );
    const empty = await api.data(`mutation($i: ReplyTemplateInput!) { createReplyTemplate(input: $i) { ${ERRS} } }`, {
      i: { language: 'EN', title: ' ', body: 'x' },
    });
    assert.equal(empty.createReplyTemplate.userErrors[0].code, 'INVALID_INPUT');
    const gone = await api.data(
      `mutation($i: ReplyTemplateIdInput!) { deleteReplyTemplate(input: $i) { deletedId ${ERRS} } }`,
      {
        i: { replyTemplateId: t.id },
      },
    );
    assert.equal(gone.deleteReplyTemplate.deletedId, t.id);
  });
});
