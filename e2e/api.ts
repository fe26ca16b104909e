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

/** A qualified supplier delivering to EAST (where SH-01 is) with an offer for each SKU; returns its id and code. */
export async function createSupplierWithOffers(token: string, skus: string[], leadTimeDays = 3) {
  const code = `E2E-${Date.now().toString(36).toUpperCase()}`;
  const s = await gql(
    `mutation($input: CreateSupplierInput!) { createSupplier(input: $input) { supplier { id code name } userErrors { code message } } }`,
    {
      input: {
        code,
        name: `杭州测试供应商 ${code}`,
        contactName: '王经理',
        phone: '0571-88886666',
        address: '杭州市西湖区文三路1号',
        regions: ['EAST'],
        status: 'QUALIFIED',
      },
    },
    token,
  );
  if (!s.createSupplier.supplier) throw new Error(JSON.stringify(s.createSupplier.userErrors));
  const supplier = s.createSupplier.supplier as { id: string; code: string; name: string };
  for (const sku of skus) {
    const o = await gql(
      `mutation($input: SetSupplierOfferInput!) { setSupplierOffer(input: $input) { userErrors { code message } } }`,
      { input: { supplierId: supplier.id, sku, unitPrice: '12.50', leadTimeDays } },
      token,
    );
    if (o.setSupplierOffer.userErrors.length) throw new Error(JSON.stringify(o.setSupplierOffer.userErrors));
  }
  return supplier;
}

/** A draft purchase order by hand into a warehouse; returns its id and number. */
export async function createPurchaseOrder(
  token: string,
  supplierId: string,
  lines: { sku: string; quantity: number; promisedDate?: string }[],
  warehouseCode = 'SH-01',
) {
  const d = await gql(
    `mutation($input: CreatePurchaseOrderInput!) { createPurchaseOrder(input: $input) { purchaseOrder { id number status } userErrors { code message } } }`,
    { input: { supplierId, warehouseCode, lines } },
    token,
  );
  if (!d.createPurchaseOrder.purchaseOrder) throw new Error(JSON.stringify(d.createPurchaseOrder.userErrors));
  return d.createPurchaseOrder.purchaseOrder as { id: string; number: string; status: string };
}

/** Sends a draft purchase order and records the supplier's confirmation (promised dates from the offers). */
export async function sendAndConfirmPurchaseOrder(token: string, purchaseOrderId: string) {
  const sent = await gql(
    `mutation($input: PurchaseOrderActionInput!) { sendPurchaseOrder(input: $input) { userErrors { code message } } }`,
    { input: { purchaseOrderId } },
    token,
  );
  if (sent.sendPurchaseOrder.userErrors.length) throw new Error(JSON.stringify(sent.sendPurchaseOrder.userErrors));
  const confirmed = await gql(
    `mutation($input: ConfirmPurchaseOrderInput!) { confirmPurchaseOrder(input: $input) { userErrors { code message } } }`,
    { input: { purchaseOrderId } },
    token,
  );
  if (confirmed.confirmPurchaseOrder.userErrors.length)
    throw new Error(JSON.stringify(confirmed.confirmPurchaseOrder.userErrors));
}

/** Stock levels in a warehouse (first 100), for picking a product a test can use. */
export async function stockLevelsIn(token: string, warehouseCode = 'SH-01') {
  const d = await gql(
    `query($w: String!) { stockLevels(first: 100, filter: { warehouseCode: $w }) { edges { node { id sku onHand reserved available lowThreshold } } } }`,
    { w: warehouseCode },
    token,
  );
  return d.stockLevels.edges.map((e: any) => e.node) as {
    id: string;
    sku: string;
    onHand: number;
    reserved: number;
    available: number;
    lowThreshold: number;
  }[];
}

/**
 * A level purchasing would buy for once its shelf is empty: it has a low threshold, nothing on order (the
 * demo's purchase history, which depends on the hour it was seeded, leaves some levels covered) and no
 * open requirement yet.
 */
export async function levelToBuyFor(token: string, warehouseCode = 'SH-01') {
  const d = await gql(
    `query($w: String!) { stockLevels(first: 100, filter: { warehouseCode: $w }) { edges { node { sku reserved lowThreshold onOrder } } } }`,
    { w: warehouseCode },
    token,
  );
  const levels = d.stockLevels.edges.map((e: any) => e.node) as {
    sku: string;
    reserved: number;
    lowThreshold: number;
    onOrder: number;
  }[];
  // A level with an open requirement (the start's run makes dozens) gets no new one from the next run.
  const r = await gql(
    `query($w: String!) { purchaseRequirements(first: 100, filter: { warehouseCode: $w, status: [OPEN] }) { edges { node { sku } } } }`,
    { w: warehouseCode },
    token,
  );
  const required = new Set(r.purchaseRequirements.edges.map((e: any) => e.node.sku as string));
  const level = levels.find((l) => l.lowThreshold > 0 && l.onOrder === 0 && !required.has(l.sku));
  if (!level)
    throw new Error(`no level in ${warehouseCode} with a low threshold, nothing on order and no open requirement`);
  return level;
}

/** Books a count so that nothing is available (on hand = reserved), which makes the level fall below low. */
export async function emptyStock(token: string, sku: string, reserved: number, warehouseCode = 'SH-01') {
  const d = await gql(
    `mutation($input: AdjustStockInput!) { adjustStock(input: $input) { userErrors { code message } } }`,
    { input: { sku, warehouseCode, reason: 'COUNT_ADJUSTMENT', countedQuantity: reserved, note: 'e2e: empty shelf' } },
    token,
  );
  if (d.adjustStock.userErrors.length) throw new Error(JSON.stringify(d.adjustStock.userErrors));
}

/**
 * Runs the requirements for a warehouse now and returns the open requirement for a SKU there (made now or
 * before); when the rules made none for it (goods already on order, say), the warehouse's newest open one.
 */
export async function openRequirementFor(token: string, sku: string, warehouseCode = 'SH-01') {
  const run = await gql(
    `mutation($input: GeneratePurchaseRequirementsInput) { generatePurchaseRequirements(input: $input) { userErrors { code message } } }`,
    { input: { warehouseCode } },
    token,
  );
  if (run.generatePurchaseRequirements.userErrors.length)
    throw new Error(JSON.stringify(run.generatePurchaseRequirements.userErrors));
  const open = async (filter: Record<string, unknown>) => {
    const d = await gql(
      `query($filter: PurchaseRequirementFilter) { purchaseRequirements(first: 1, filter: $filter) { edges { node { id number sku status } } } }`,
      { filter: { ...filter, warehouseCode, status: ['OPEN'] } },
      token,
    );
    return d.purchaseRequirements.edges[0]?.node as
      { id: string; number: string; sku: string; status: string } | undefined;
  };
  const node = (await open({ sku })) ?? (await open({}));
  if (!node) throw new Error(`no open requirement in ${warehouseCode}`);
  return node;
}

/** The warehouses holding an order's reserved units (where a pick list for it would be made). */
export async function reservedWarehouses(token: string, orderId: string) {
  const d = await gql(
    `query($id: ID!) { node(id: $id) { ... on Order { status allocations { status warehouse { code } } } } }`,
    { id: orderId },
    token,
  );
  const codes = (d.node.allocations as { status: string; warehouse: { code: string } }[])
    .filter((a) => a.status === 'RESERVED')
    .map((a) => a.warehouse.code);
  return [...new Set(codes)];
}

/** A pick list for one order in one warehouse; returns its id, number and lines. */
export async function createPickListFor(token: string, orderId: string, warehouseCode: string) {
  const d = await gql(
    `mutation($input: CreatePickListInput!) { createPickList(input: $input) {
       pickList { id number lines { id sku required } shipments { id number } } userErrors { code message } } }`,
    { input: { warehouseCode, orderIds: [orderId] } },
    token,
  );
  if (!d.createPickList.pickList) throw new Error(JSON.stringify(d.createPickList.userErrors));
  return d.createPickList.pickList as {
    id: string;
    number: string;
    lines: { id: string; sku: string; required: number }[];
    shipments: { id: string; number: string }[];
  };
}

/** Starts a pick list, records every line in full and completes it: its shipments wait for the check. */
export async function pickInFull(token: string, list: { id: string; lines: { id: string; required: number }[] }) {
  const ok = (payload: { userErrors: unknown[] }) => {
    if (payload.userErrors.length) throw new Error(JSON.stringify(payload.userErrors));
  };
  const action = (field: string) =>
    `mutation($input: PickListActionInput!) { ${field}(input: $input) { userErrors { code message } } }`;
  ok((await gql(action('startPickList'), { input: { pickListId: list.id } }, token)).startPickList);
  for (const line of list.lines) {
    const d = await gql(
      `mutation($input: RecordPickInput!) { recordPick(input: $input) { userErrors { code message } } }`,
      { input: { pickListId: list.id, lineId: line.id, picked: line.required } },
      token,
    );
    ok(d.recordPick);
  }
  ok((await gql(action('completePickList'), { input: { pickListId: list.id } }, token)).completePickList);
}

/** Puts a stock level in a bin when it has none, so pick lists show where to walk. */
export async function ensureBin(token: string, sku: string, warehouseCode: string, bin: string) {
  const d = await gql(
    `query($w: String!, $s: String!) { stockLevels(first: 1, filter: { warehouseCode: $w, sku: $s }) { edges { node { binLocation } } } }`,
    { w: warehouseCode, s: sku },
    token,
  );
  const current = d.stockLevels.edges[0]?.node.binLocation as string | null | undefined;
  if (current) return current;
  const r = await gql(
    `mutation($input: SetBinLocationInput!) { setBinLocation(input: $input) { userErrors { code message } } }`,
    { input: { sku, warehouseCode, binLocation: bin } },
    token,
  );
  if (r.setBinLocation.userErrors.length) throw new Error(JSON.stringify(r.setBinLocation.userErrors));
  return bin;
}

/**
 * Makes sure an active carrier serves a region by express and by freight (the demo data has carriers;
 * this adds one only where none serves), so a shipment there can leave with the best-ranked carrier.
 */
export async function ensureCarrierFor(token: string, region: string) {
  const d = await gql(`{ carriers(activeOnly: true) { code regions methods } }`, {}, token);
  const carriers = d.carriers as { code: string; regions: string[]; methods: string[] }[];
  const missing = ['EXPRESS', 'FREIGHT'].filter(
    (m) => !carriers.some((c) => c.regions.includes(region) && c.methods.includes(m)),
  );
  if (!missing.length) return;
  const code = `E2E-${region}-${Date.now().toString(36).toUpperCase()}`.slice(0, 32);
  const r = await gql(
    `mutation($input: CreateCarrierInput!) { createCarrier(input: $input) { userErrors { code message } } }`,
    {
      input: {
        code,
        name: '顺丰速运（测试）',
        kind: 'PARTNER',
        regions: [region],
        methods: missing,
        trackingPrefix: 'SF',
        basePrice: '12.00',
        perKg: '2.00',
        transitDays: 1,
        reliability: 97,
      },
    },
    token,
  );
  if (r.createCarrier.userErrors.length) throw new Error(JSON.stringify(r.createCarrier.userErrors));
}

/** Records a complaint about an order through the API (as a storefront or an agent would); returns its id and number. */
export async function openComplaint(
  token: string,
  input: { orderId: string; category: string; description: string; priority?: string; channel?: string },
) {
  const d = await gql(
    `mutation($input: OpenComplaintInput!) { openComplaint(input: $input) { complaint { id number status } userErrors { code message } } }`,
    { input: { channel: 'APP', priority: 'NORMAL', ...input } },
    token,
  );
  if (!d.openComplaint.complaint) throw new Error(JSON.stringify(d.openComplaint.userErrors));
  return d.openComplaint.complaint as { id: string; number: string; status: string };
}

/** A staff account of a role, for a spec that must not share another spec's saved language; returns its e-mail. */
export async function createStaffUser(role: string, name: string, prefix = 'e2e') {
  const email = `${prefix}-${role.toLowerCase()}-${Date.now()}@demo.local`;
  const r = await gql(
    `mutation($input: CreateUserInput!) { createUser(input: $input) { userErrors { code message } } }`,
    { input: { email, name, role, password: 'demo-password' } },
    await loginToken('admin@demo.local'),
  );
  if (r.createUser.userErrors.length) throw new Error(JSON.stringify(r.createUser.userErrors));
  return email;
}
