/** Arranges test data through the real GraphQL API, as an integrator or staff member would. */
export const baseUrl = () => {
  const url = process.env.E2E_BASE_URL;
  if (!url)
    throw new Error('E2E_BASE_URL is not set; run through playwright.config.ts (global setup starts the platform)');
  return url;
};

export async function gql<T = any>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
  const res = await fetch(`${baseUrl()}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors) throw new Error(body.errors.map((e) => e.message).join('; '));
  return body.data as T;
}

export async function loginToken(email: string): Promise<string> {
  const d = await gql(`mutation($email: String!) { login(input: { email: $email, password: "demo" }) { token } }`, {
    email,
  });
  return d.login.token;
}

/** Places an order for a regular customer in a region with stock; returns its number and id. */
export async function placeOrder(token: string, opts: { sku?: string; quantity?: number; paid?: boolean } = {}) {
  const customers = await gql(
    `{ customers(first: 50, filter: { isNew: false, region: EAST }) { edges { node { id } } } }`,
    {},
    token,
  );
  const levels = await gql(
    `{ stockLevels(first: 100, filter: { warehouseCode: "SH-01" }) { edges { node { sku available } } } }`,
    {},
    token,
  );
  const sku = opts.sku ?? levels.stockLevels.edges.find((e: any) => e.node.available > 20).node.sku;
  const d = await gql(
    `mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { order { id number status } userErrors { code message } } }`,
    {
      input: {
        customerId: customers.customers.edges[0].node.id,
        lines: [{ sku, quantity: opts.quantity ?? 1 }],
        paymentMethod: 'WECHAT_PAY',
        paid: opts.paid ?? true,
        channel: 'WEB',
      },
    },
    token,
  );
  if (!d.placeOrder.order) throw new Error(JSON.stringify(d.placeOrder.userErrors));
  return { ...d.placeOrder.order, sku } as { id: string; number: string; status: string; sku: string };
}
