import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { toGlobalId } from '../src/common/global-id';
import { createCustomer, createProduct, createWarehouses, orderInput, PLACE_ORDER } from './factories';
import { GqlResponse, postRaw, startTestApi, TestApi } from './helpers';

/** Whatever a client sends, the answer is never a 500 and never shows a stack trace. */
function assertClean(r: GqlResponse) {
  assert.ok(r.status < 500, `status ${r.status}: ${r.text}`);
  assert.doesNotMatch(r.text, /stacktrace|\n\s+at |\.ts:\d+|\.js:\d+|QueryFailedError|node_modules/i);
}

describe('bad input', () => {
  let api: TestApi;
  let customer: { gid: string };
  let sku: string;
  const responses: GqlResponse[] = [];

  before(async () => {
    api = await startTestApi({ env: { MAX_BODY_BYTES: String(64 * 1024) } });
    await createWarehouses(api.ds);
    customer = await createCustomer(api.ds);
    sku = (await createProduct(api.ds, { stock: { 'SH-01': 10 } })).sku;
  });
  after(async () => {
    await api.stop();
    for (const r of responses) assertClean(r);
  });

  const place = async (input: Record<string, unknown>) => {
    const r = await api.gql(PLACE_ORDER, { input });
    responses.push(r);
    return r;
  };
  const errorsOf = (r: GqlResponse) => r.body.data.placeOrder.userErrors.map((e: any) => [e.code, e.field?.join('.')]);

  it('answers zero, negative and too large quantities with INVALID_QUANTITY on the line', async () => {
    for (const quantity of [0, -3, 10_000]) {
      const r = await place(orderInput(customer.gid, [{ sku, quantity }]));
      assert.deepEqual(errorsOf(r), [['INVALID_QUANTITY', 'input.lines.0.quantity']]);
      assert.equal(r.body.data.placeOrder.order, null);
    }
  });

  it('rejects fractional and beyond-32-bit quantities and unknown enum values as GraphQL validation errors (400)', async () => {
    for (const quantity of [1.5, 2 ** 31, '3']) {
      const r = await place(orderInput(customer.gid, [{ sku, quantity: quantity as number }]));
      assert.equal(r.status, 400);
      assert.equal(r.body.errors![0].extensions!.code, 'BAD_USER_INPUT');
    }
    const r = await place(orderInput(customer.gid, [{ sku, quantity: 1 }], { channel: 'FAX' }));
    assert.equal(r.status, 400);
    assert.match(r.body.errors![0].message, /SalesChannel/);
  });

  it('names unknown customers, malformed ids and unknown SKUs', async () => {
    const unknownCustomer = await place(orderInput(toGlobalId('Customer', randomUUID()), [{ sku, quantity: 1 }]));
    assert.deepEqual(errorsOf(unknownCustomer), [['NOT_FOUND', 'input.customerId']]);
    const malformed = await place(orderInput('not-an-id', [{ sku, quantity: 1 }]));
    assert.deepEqual(errorsOf(malformed), [['NOT_FOUND', 'input.customerId']]);
    const orderIdAsCustomer = await place(orderInput(toGlobalId('Order', randomUUID()), [{ sku, quantity: 1 }]));
    assert.deepEqual(errorsOf(orderIdAsCustomer), [['NOT_FOUND', 'input.customerId']]);
    const unknownSku = await place(
      orderInput(customer.gid, [
        { sku, quantity: 1 },
        { sku: 'NOPE-1', quantity: 1 },
      ]),
    );
    assert.deepEqual(errorsOf(unknownSku), [['UNKNOWN_SKU', 'input.lines.1.sku']]);
  });

  it('rejects empty and too many lines', async () => {
    assert.deepEqual(errorsOf(await place(orderInput(customer.gid, []))), [['EMPTY_LINES', 'input.lines']]);
    const many = Array.from({ length: 101 }, () => ({ sku, quantity: 1 }));
    assert.deepEqual(errorsOf(await place(orderInput(customer.gid, many))), [['TOO_MANY_LINES', 'input.lines']]);
  });

  it('rejects absurdly long strings, bad phone numbers and a promise in the past', async () => {
    const long = 'x'.repeat(20_000);
    assert.deepEqual(errorsOf(await place(orderInput(customer.gid, [{ sku: long, quantity: 1 }]))), [
      ['TOO_LONG', 'input.lines.0.sku'],
    ]);
    assert.deepEqual(errorsOf(await place(orderInput(customer.gid, [{ sku, quantity: 1 }], { note: long }))), [
      ['TOO_LONG', 'input.note'],
    ]);
    assert.deepEqual(
      errorsOf(await place(orderInput(customer.gid, [{ sku, quantity: 1 }], { idempotencyKey: long }))),
      [['TOO_LONG', 'input.idempotencyKey']],
    );
    const address = { contactName: '王芳', phone: '12345', address: '人民路1号', city: '上海', region: 'EAST' };
    assert.deepEqual(
      errorsOf(await place(orderInput(customer.gid, [{ sku, quantity: 1 }], { deliveryAddress: address }))),
      [['INVALID_PHONE', 'input.deliveryAddress.phone']],
    );
    const past = await place(orderInput(customer.gid, [{ sku, quantity: 1 }], { promisedBy: '2020-01-01T00:00:00Z' }));
    assert.deepEqual(errorsOf(past), [['INVALID_INPUT', 'input.promisedBy']]);
  });

  it('answers bad order actions with userErrors', async () => {
    const action = async (mutation: string, input: object) => {
      const r = await api.gql(
        `mutation($input: ${mutation[0].toUpperCase()}${mutation.slice(1)}Input!) { ${mutation}(input: $input) { order { id } userErrors { code field message } } }`,
        { input },
      );
      responses.push(r);
      return r.body.data[mutation].userErrors.map((e: any) => e.code);
    };
    const missing = toGlobalId('Order', randomUUID());
    assert.deepEqual(await action('approveOrder', { orderId: missing }), ['NOT_FOUND']);
    assert.deepEqual(await action('cancelOrder', { orderId: 'garbage', reason: 'x' }), ['NOT_FOUND']);
    assert.deepEqual(await action('holdOrder', { orderId: missing, reason: '   ' }), ['INVALID_INPUT']);
    assert.deepEqual(await action('holdOrder', { orderId: missing, reason: 'r'.repeat(501) }), ['TOO_LONG']);
    assert.deepEqual(await action('updateOrder', { orderId: missing }), ['NOTHING_TO_CHANGE']);
    assert.deepEqual(await action('updateOrder', { orderId: missing, lines: [] }), ['EMPTY_LINES']);
  });

  it('answers bad stock adjustments with userErrors', async () => {
    const p = await createProduct(api.ds, { stock: { 'SH-01': 5 } });
    await api.data(PLACE_ORDER, { input: orderInput(customer.gid, [{ sku: p.sku, quantity: 3 }]) });
    const adjust = async (input: object) => {
      const r = await api.gql(
        `mutation($input: AdjustStockInput!) { adjustStock(input: $input) { stockLevel { onHand } userErrors { code field } } }`,
        { input },
      );
      responses.push(r);
      return r.body.data.adjustStock.userErrors.map((e: any) => e.code);
    };
    const base = { sku: p.sku, warehouseCode: 'SH-01', reason: 'COUNT_ADJUSTMENT' };
    assert.deepEqual(await adjust({ ...base }), ['INVALID_INPUT']);
    assert.deepEqual(await adjust({ ...base, delta: 1, countedQuantity: 1 }), ['INVALID_INPUT']);
    assert.deepEqual(await adjust({ ...base, delta: 0 }), ['INVALID_QUANTITY']);
    assert.deepEqual(await adjust({ ...base, delta: 1, reason: 'RESERVATION' }), ['INVALID_INPUT']);
    assert.deepEqual(await adjust({ ...base, delta: -6 }), ['INVALID_QUANTITY']);
    assert.deepEqual(await adjust({ ...base, countedQuantity: 2 }), ['BELOW_RESERVED']);
    assert.deepEqual(await adjust({ ...base, countedQuantity: -1 }), ['INVALID_QUANTITY']);
    assert.deepEqual(await adjust({ ...base, sku: 'NOPE', delta: 1 }), ['UNKNOWN_SKU']);
    assert.deepEqual(await adjust({ ...base, warehouseCode: 'XX-99', delta: 1 }), ['UNKNOWN_WAREHOUSE']);
    assert.deepEqual(await adjust({ ...base, warehouseCode: 'BJ-01', delta: 1 }), ['NOT_FOUND']);
    assert.deepEqual(await adjust({ ...base, countedQuantity: 4 }), [], 'a count above reservations is booked');
  });

  it('rejects bad paging arguments and cursors with a clear error', async () => {
    for (const [args, pattern] of [
      ['first: 0', /between 1 and 100/],
      ['first: 1000', /between 1 and 100/],
      ['after: "bm9wZQ"', /not a cursor/],
      ['after: "WyJub3QtYS1kYXRlIiwgIngiXQ"', /not a cursor/],
    ] as const) {
      const r = await api.gql(`{ orders(${args}) { edges { cursor } } }`);
      responses.push(r);
      assert.equal(r.body.errors![0].extensions!.code, 'BAD_USER_INPUT');
      assert.match(r.body.errors![0].message, pattern);
    }
    const search = await api.gql(`{ orders(filter: { search: "${'9'.repeat(65)}" }) { edges { cursor } } }`);
    responses.push(search);
    assert.equal(search.body.errors![0].extensions!.code, 'BAD_USER_INPUT');
  });

  it('refuses a list filter on an id of another type, or no id at all, instead of answering an empty page', async () => {
    const orderId = toGlobalId('Customer', randomUUID());
    for (const [query, pattern] of [
      [
        `{ orders(filter: { customerId: "${toGlobalId('Order', randomUUID())}" }) { edges { cursor } } }`,
        /customerId is not a customer id/,
      ],
      [`{ notifications(filter: { orderId: "${orderId}" }) { edges { cursor } } }`, /orderId is not an order id/],
      [`{ returnRequests(filter: { orderId: "${orderId}" }) { edges { cursor } } }`, /orderId is not an order id/],
      [`{ complaints(filter: { ownerId: "nope" }) { edges { cursor } } }`, /ownerId is not a user id/],
      [
        `{ webhookDeliveries(filter: { endpointId: "${orderId}" }) { edges { cursor } } }`,
        /endpointId is not a webhook endpoint id/,
      ],
    ] as const) {
      const r = await api.gql(query);
      responses.push(r);
      assert.equal(r.body.errors?.[0].extensions?.code, 'BAD_USER_INPUT', query);
      assert.match(r.body.errors![0].message, pattern);
    }
  });

  it('answers malformed JSON with 400, oversized bodies with 413 and unknown paths with 404, as JSON', async () => {
    const malformed = await postRaw(api.url, '{"query": "{ orders { edges');
    responses.push(malformed);
    assert.equal(malformed.status, 400);
    assert.equal(malformed.body.errors![0].message, 'Request body is not valid JSON');

    const huge = await postRaw(
      api.url,
      JSON.stringify({ query: `{ __typename }`, variables: { pad: 'x'.repeat(100 * 1024) } }),
    );
    responses.push(huge);
    assert.equal(huge.status, 413);
    assert.equal(huge.body.errors![0].extensions!.code, 'PAYLOAD_TOO_LARGE');

    const syntax = await api.gql(`{ orders(first: ) }`);
    responses.push(syntax);
    assert.equal(syntax.status, 400);
    assert.equal(syntax.body.errors![0].extensions!.code, 'GRAPHQL_PARSE_FAILED');

    const batch = await postRaw(api.url, JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]));
    responses.push(batch);
    assert.equal(batch.status, 400);

    const nowhere = await postRaw(api.url.replace('/graphql', '/nope'), '{}');
    responses.push(nowhere);
    assert.equal(nowhere.status, 404);
  });
});
