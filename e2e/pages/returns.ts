import { expect, Page } from '@playwright/test';
import { baseUrl, createPickListFor, gql, loginToken, pickInFull, reservedWarehouses } from '../api';
import { nav } from './session';

type Payload = { userErrors: { code: string; message: string }[] };
function ok<T extends Payload>(payload: T, what: string): T {
  if (payload.userErrors.length) throw new Error(`${what}: ${JSON.stringify(payload.userErrors)}`);
  return payload;
}

// A 2×2 PNG: the photo of a contactless delivery.
const PHOTO =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP8z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==';

const action = (field: string, input: string) =>
  `mutation($input: ${input}!) { ${field}(input: $input) { userErrors { code message } } }`;

/**
 * An order delivered through the whole real path (as admin, who may act for the floor, dispatch and a
 * courier): placed for a Shanghai customer, picked, checked, packed, shipped with the own fleet, planned
 * on a run, the run started and the delivery confirmed with a photo. Returns its id, number and SKU.
 */
export async function deliveredOrder(admin: string, quantity = 2) {
  const customers = await gql(
    `{ customers(first: 100, filter: { isNew: false, region: EAST }) { edges { node { id city } } } }`,
    {},
    admin,
  );
  const customer = customers.customers.edges.map((e: any) => e.node).find((c: any) => /上海/.test(c.city));
  if (!customer) throw new Error('no Shanghai customer in the demo data');
  const levels = await gql(
    `{ stockLevels(first: 100, filter: { warehouseCode: "SH-01" }) { edges { node { sku available } } } }`,
    {},
    admin,
  );
  const sku = levels.stockLevels.edges.find((e: any) => e.node.available > 20).node.sku as string;
  const placed = await gql(
    `mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { order { id number status } userErrors { code message } } }`,
    {
      input: {
        customerId: customer.id,
        lines: [{ sku, quantity }],
        paymentMethod: 'WECHAT_PAY',
        paid: true,
        channel: 'WEB',
      },
    },
    admin,
  );
  const order = ok(placed.placeOrder, 'placeOrder').order as { id: string; number: string; status: string };
  if (order.status === 'PENDING_REVIEW')
    ok(
      (await gql(action('approveOrder', 'ApproveOrderInput'), { input: { orderId: order.id } }, admin)).approveOrder,
      'approveOrder',
    );

  const [warehouse] = await reservedWarehouses(admin, order.id);
  if (!warehouse) throw new Error(`${order.number} has nothing reserved`);
  const list = await createPickListFor(admin, order.id, warehouse);
  await pickInFull(admin, list);
  const shipmentId = list.shipments[0]!.id;
  const checked = await gql(
    `mutation($input: CheckOrderInput!) { checkOrder(input: $input) { passed userErrors { code message } } }`,
    { input: { shipmentId, items: [{ sku, quantity }] } },
    admin,
  );
  if (!ok(checked.checkOrder, 'checkOrder').passed) throw new Error(`${order.number}: the check did not pass`);
  ok(
    (
      await gql(
        action('packOrder', 'PackOrderInput'),
        { input: { shipmentId, packages: [{ material: 'CARTON', weightG: 900 }] } },
        admin,
      )
    ).packOrder,
    'packOrder',
  );
  ok(
    (await gql(action('shipOrder', 'ShipOrderInput'), { input: { shipmentId, carrierCode: 'OWN-FLEET' } }, admin))
      .shipOrder,
    'shipOrder',
  );

  const o = await gql(
    `query($id: ID!) { node(id: $id) { ... on Order { deliveries { id zone run { id } } } } }`,
    { id: order.id },
    admin,
  );
  const delivery = o.node.deliveries[0] as { id: string; zone: string; run: { id: string } | null };
  if (!delivery) throw new Error(`${order.number} has no own-fleet delivery`);
  let runId = delivery.run?.id;
  if (!runId) {
    const plan = ok(
      (
        await gql(
          `mutation($input: PlanDeliveriesInput!) { planDeliveries(input: $input) {
             runs { id stops { id } } unplanned { delivery { id } reason } userErrors { code message } } }`,
          { input: { zone: delivery.zone } },
          admin,
        )
      ).planDeliveries,
      'planDeliveries',
    );
    runId = plan.runs.find((r: any) => r.stops.some((s: any) => s.id === delivery.id))?.id;
    if (!runId) throw new Error(`${order.number} not planned: ${JSON.stringify(plan.unplanned)}`);
  }
  await ensureCourier(admin, runId);
  await finishOtherRunsOfCourier(admin, runId);
  ok(
    (await gql(action('startDeliveryRun', 'StartDeliveryRunInput'), { input: { runId } }, admin)).startDeliveryRun,
    'startDeliveryRun',
  );
  ok(
    (
      await gql(
        action('confirmDelivery', 'ConfirmDeliveryInput'),
        { input: { deliveryId: delivery.id, kind: 'CONTACTLESS', image: PHOTO, note: 'e2e: left at the door' } },
        admin,
      )
    ).confirmDelivery,
    'confirmDelivery',
  );
  const after = await gql(`query($id: ID!) { node(id: $id) { ... on Order { status } } }`, { id: order.id }, admin);
  if (after.node.status !== 'DELIVERED') throw new Error(`${order.number} is ${after.node.status}, not DELIVERED`);
  return { id: order.id, number: order.number, sku };
}

/** Planning may leave a run without a courier (none eligible at the moment): the demo courier takes it. */
async function ensureCourier(admin: string, runId: string) {
  const r = await gql(
    `query($id: ID!) { node(id: $id) { ... on DeliveryRun { courier { id } } } }`,
    { id: runId },
    admin,
  );
  if (r.node.courier) return;
  const me = (await gql(`{ myCourier { id } }`, {}, await loginToken('courier@demo.local'))).myCourier;
  if (!me) throw new Error('courier@demo.local is not linked to a courier');
  ok(
    (
      await gql(
        action('assignDeliveryRun', 'AssignDeliveryRunInput'),
        { input: { runId, courierId: me.id, replacingCourierId: null, reason: 'e2e: the demo courier drives it' } },
        admin,
      )
    ).assignDeliveryRun,
    'assignDeliveryRun',
  );
}

/** A courier drives one run at a time: the run's courier first delivers what is left of one under way. */
async function finishOtherRunsOfCourier(admin: string, runId: string) {
  const r = await gql(
    `query($id: ID!) { node(id: $id) { ... on DeliveryRun { courier { id } } } }`,
    { id: runId },
    admin,
  );
  const courierId = r.node.courier?.id;
  if (!courierId) return;
  const running = await gql(
    `query($c: ID!) { deliveryRuns(first: 10, filter: { courierId: $c, status: [IN_PROGRESS] }) {
       edges { node { id stops { id status } } } } }`,
    { c: courierId },
    admin,
  );
  for (const run of running.deliveryRuns.edges.map((e: any) => e.node)) {
    if (run.id === runId) continue;
    for (const stop of run.stops.filter((s: any) => s.status === 'OUT_FOR_DELIVERY'))
      ok(
        (
          await gql(
            action('confirmDelivery', 'ConfirmDeliveryInput'),
            { input: { deliveryId: stop.id, kind: 'CONTACTLESS', image: PHOTO, note: 'e2e: left at the door' } },
            admin,
          )
        ).confirmDelivery,
        'confirmDelivery (an earlier run)',
      );
  }
}

/** The returns pages as customer service and the warehouse use them. */
export class ReturnPages {
  constructor(private readonly page: Page) {}

  async openQueue() {
    await nav(this.page)
      .getByRole('link', { name: /^(Returns|退货)$/ })
      .first()
      .click();
    await expect(this.page.getByRole('heading', { level: 1 })).toHaveText(/^(Returns|退货)$/);
  }

  async openOrder(number: string) {
    await this.page.goto(`${baseUrl()}/orders/${encodeURIComponent(number)}`);
    await expect(this.page.getByRole('heading', { level: 1 })).toContainText(number);
  }

  /** The order page's Returns section. */
  orderReturns() {
    return this.page.getByRole('region', { name: /^(Returns|退货)/ });
  }

  /** The queue's row of a return (by its number). */
  row(number: string) {
    return this.page.getByRole('row', { name: new RegExp(number) });
  }

  async filterStatus(option: string) {
    await this.page
      .getByRole('region', { name: /Return filters|退货筛选/ })
      .getByLabel(/Status|状态/)
      .selectOption({ label: option });
  }

  dialog() {
    return this.page.getByRole('dialog');
  }

  /** The return page's title: number and status. */
  title() {
    return this.page.getByRole('heading', { level: 1 });
  }

  async returnNumber() {
    return (await this.title().locator('.mono').innerText()).trim();
  }

  inspection() {
    return this.page.getByRole('form', { name: /Inspection|验货/ });
  }

  /** One inspection input, e.g. ("Damaged", sku). */
  inspectionInput(what: string, sku: string) {
    return this.inspection().getByLabel(`${what} of ${sku}`, { exact: true });
  }

  outcome() {
    return this.page.getByRole('region', { name: /^(Outcome|处理结果)/ });
  }

  history() {
    return this.page.getByRole('list', { name: /Return history|退货处理记录/ });
  }
}
