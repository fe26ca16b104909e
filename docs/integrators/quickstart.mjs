/* global process, console, fetch */
/**
 * The integrator quickstart (README, "For integrators"), with nothing but fetch:
 *
 *   node docs/integrators/quickstart.mjs setup   sign in, create an API key, register a webhook endpoint
 *   node docs/integrators/quickstart.mjs order   place an order with the API key
 *
 * `setup` prints `export API_KEY=…` and `export WEBHOOK_SECRET=…` (both shown once by the API), so
 * `eval "$(node docs/integrators/quickstart.mjs setup)"` puts them in your shell. `--json` prints one
 * JSON line per step instead, for programs.
 *
 * Environment: API_URL (default http://localhost:4000/graphql); ADMIN_EMAIL and ADMIN_PASSWORD (the demo
 * administrator, admin@demo.local / demo); WEBHOOK_URL (where webhook-receiver.mjs listens,
 * http://127.0.0.1:4100/webhooks); API_KEY for `order`.
 */
const API_URL = process.env.API_URL ?? 'http://localhost:4000/graphql';
const WEBHOOK_URL = process.env.WEBHOOK_URL ?? 'http://127.0.0.1:4100/webhooks';
const json = process.argv.includes('--json');

/** One GraphQL request: returns the payload of its one root field, throws on errors and userErrors. */
async function gql(query, variables = {}, credential) {
  const res = await fetch(API_URL, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(credential && { authorization: `Bearer ${credential}` }) },
    body: JSON.stringify({ query, variables }),
  });
  const body = await res.json().catch(() => ({ errors: [{ message: `HTTP ${res.status}` }] }));
  if (body.errors) throw new Error(body.errors.map((e) => e.message).join('; '));
  const result = Object.values(body.data)[0];
  if (result?.userErrors?.length) throw new Error(result.userErrors.map((e) => `${e.code}: ${e.message}`).join('; '));
  return result;
}

async function setup() {
  // 1. Sign in as a staff member who may manage API keys.
  const { token } = await gql(
    `mutation ($input: LoginInput!) { login(input: $input) { token userErrors { code message } } }`,
    { input: { email: process.env.ADMIN_EMAIL ?? 'admin@demo.local', password: process.env.ADMIN_PASSWORD ?? 'demo' } },
  );

  // 2. An API key for the storefront: it places and reads orders and manages its webhooks.
  const { apiKey, secret: key } = await gql(
    `mutation ($input: CreateApiKeyInput!) {
      createApiKey(input: $input) { apiKey { name prefix scopes } secret userErrors { code message } }
    }`,
    { input: { name: 'Quickstart storefront', scopes: ['ORDERS_READ', 'ORDERS_WRITE', 'WEBHOOKS_WRITE'] } },
    token,
  );

  // 5. With the key: where order events are POSTed. The signing secret is shown only now.
  const { endpoint, secret: webhookSecret } = await gql(
    `mutation ($input: CreateWebhookEndpointInput!) {
      createWebhookEndpoint(input: $input) { endpoint { id url eventTypes } secret userErrors { code message } }
    }`,
    { input: { url: WEBHOOK_URL, eventTypes: ['order.status_changed'], description: 'Quickstart receiver' } },
    key,
  );

  if (json) return console.log(JSON.stringify({ apiKey: key, webhookSecret, endpointId: endpoint.id }));
  console.log(`# API key "${apiKey.name}" (${apiKey.scopes.join(', ')}): store it, it is shown only once`);
  console.log(`export API_KEY='${key}'`);
  console.log(`# Webhook endpoint ${endpoint.url} for ${endpoint.eventTypes.join(', ')}: its signing secret`);
  console.log(`export WEBHOOK_SECRET='${webhookSecret}'`);
}

async function order() {
  const key = process.env.API_KEY;
  if (!key) throw new Error('Set API_KEY (from `quickstart.mjs setup`)');

  // 3. A storefront knows its customer and SKUs; here we look them up: a customer, two products on sale.
  const customers = await gql(
    `{ customers(first: 1, filter: { isNew: false }) { edges { node { id name city } } } }`,
    {},
    key,
  );
  const customer = customers.edges[0].node;
  const products = await gql(`{ products(first: 20) { edges { node { sku name active } } } }`, {}, key);
  const skus = products.edges
    .map((e) => e.node)
    .filter((p) => p.active)
    .slice(0, 2)
    .map((p) => p.sku);

  // Placing it again with the same idempotencyKey answers the same order instead of a second one.
  const { order } = await gql(
    `mutation ($input: PlaceOrderInput!) {
      placeOrder(input: $input) {
        order { id number status total { amount } allocations { sku quantity warehouse { code } } }
        userErrors { code field message }
      }
    }`,
    {
      input: {
        idempotencyKey: `quickstart-${Date.now()}`,
        customerId: customer.id,
        lines: skus.map((sku) => ({ sku, quantity: 1 })),
        paymentMethod: 'WECHAT_PAY',
        paid: true,
        channel: 'WEB',
      },
    },
    key,
  );

  if (json) return console.log(JSON.stringify({ order }));
  console.log(
    `Placed ${order.number} for ${customer.name} (${customer.city}): ${skus.join(', ')}, ¥${order.total.amount}`,
  );
  console.log(`Status ${order.status}; id ${order.id}`);
}

const steps = { setup, order };
const step = steps[process.argv[2]];
if (!step) {
  console.error('usage: node docs/integrators/quickstart.mjs setup|order [--json]');
  process.exit(2);
}
step().catch((e) => {
  console.error(`quickstart ${process.argv[2]} failed: ${e.message}`);
  process.exit(1);
});
