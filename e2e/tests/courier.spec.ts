import { expect, test } from '../fixtures';
import { baseUrl, gql, loginToken } from '../api';
import { CourierPages, TrackingPages } from '../pages/courier';
import { expectAccessible, screenshot, signIn } from '../pages/session';

test.use({ locale: 'en-US', viewport: { width: 390, height: 844 } });

const SHANGHAI = { latitude: 31.2816, longitude: 121.5221 };

type Payload = { userErrors: { code: string; message: string }[] };
function ok<T extends Payload>(payload: T, what: string): T {
  if (payload.userErrors.length) throw new Error(`${what}: ${JSON.stringify(payload.userErrors)}`);
  return payload;
}

interface Arranged {
  order: string;
  delivery: { id: string; number: string; trackingToken: string };
  run: { id: string; number: string };
  courierId: string;
}

/**
 * An own-fleet delivery in Shanghai on a planned run of the demo courier: the first stop of one of its
 * planned runs; when it has none, a packed Shanghai shipment leaves with OWN-FLEET (else a delivery
 * waiting there is taken), its zone is planned, and the run goes to the demo courier when planning
 * chose another.
 */
async function deliveryForDemoCourier(admin: string): Promise<Arranged> {
  const courierToken = await loginToken('courier@demo.local');
  const me = (await gql(`{ myCourier { id } }`, {}, courierToken)).myCourier as { id: string } | null;
  if (!me) throw new Error('courier@demo.local is not linked to a courier');

  const fields = `id number zone trackingToken order { number } run { id number status courier { id } }`;
  // A run planning already gave the demo courier: the demo traffic plans Shanghai's deliveries all along,
  // many onto this courier, whose van may be too full to be handed one more (COURIER_NOT_ELIGIBLE).
  const own = await gql(
    `query($courierId: ID!) { deliveryRuns(first: 20, filter: { courierId: $courierId, status: [PLANNED] }) {
       edges { node { stops { ${fields} } } } } }`,
    { courierId: me.id },
    admin,
  );
  const planned = own.deliveryRuns.edges.map((e: any) => e.node.stops[0]).find(Boolean);
  if (planned)
    return {
      order: planned.order.number,
      delivery: { id: planned.id, number: planned.number, trackingToken: planned.trackingToken },
      run: { id: planned.run.id, number: planned.run.number },
      courierId: me.id,
    };
  const packed = await gql(
    `{ shipments(first: 100, filter: { status: [PACKED] }) { edges { node { id order { id delivery { city } } } } } }`,
    {},
    admin,
  );
  const shipment = packed.shipments.edges.map((e: any) => e.node).find((s: any) => s.order.delivery.city === '上海');
  let delivery: any;
  if (shipment) {
    ok(
      (
        await gql(
          `mutation($input: ShipOrderInput!) { shipOrder(input: $input) { userErrors { code message } } }`,
          { input: { shipmentId: shipment.id, carrierCode: 'OWN-FLEET' } },
          admin,
        )
      ).shipOrder,
      'shipOrder',
    );
    const o = await gql(
      `query($id: ID!) { node(id: $id) { ... on Order { deliveries { ${fields} } } } }`,
      { id: shipment.order.id },
      admin,
    );
    delivery = o.node.deliveries[0];
  } else {
    const waiting = await gql(
      `{ deliveries(first: 100, filter: { status: [UNASSIGNED, ASSIGNED] }) { edges { node { city ${fields} } } } }`,
      {},
      admin,
    );
    delivery = waiting.deliveries.edges
      .map((e: any) => e.node)
      .find((d: any) => d.city === '上海' && (!d.run || d.run.status === 'PLANNED'));
  }
  if (!delivery) throw new Error('no Shanghai shipment or delivery to give the demo courier');

  let run = delivery.run;
  if (!run) {
    const plan = ok(
      (
        await gql(
          `mutation($input: PlanDeliveriesInput!) { planDeliveries(input: $input) {
             runs { id number status courier { id } stops { id } } unplanned { delivery { id } reason } userErrors { code message } } }`,
          { input: { zone: delivery.zone } },
          admin,
        )
      ).planDeliveries,
      'planDeliveries',
    );
    run = plan.runs.find((r: any) => r.stops.some((s: any) => s.id === delivery.id));
    if (!run) throw new Error(`${delivery.number} not planned: ${JSON.stringify(plan.unplanned)}`);
  }
  if (run.courier?.id !== me.id) {
    ok(
      (
        await gql(
          `mutation($input: AssignDeliveryRunInput!) { assignDeliveryRun(input: $input) { userErrors { code message } } }`,
          {
            input: {
              runId: run.id,
              courierId: me.id,
              replacingCourierId: run.courier?.id ?? null,
              reason: 'e2e: the demo courier drives it',
            },
          },
          admin,
        )
      ).assignDeliveryRun,
      'assignDeliveryRun',
    );
  }
  return {
    order: delivery.order.number,
    delivery: { id: delivery.id, number: delivery.number, trackingToken: delivery.trackingToken },
    run: { id: run.id, number: run.number },
    courierId: me.id,
  };
}

// A 2×2 PNG, as a phone camera's photo would arrive in the file input.
const PHOTO = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP8z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==',
  'base64',
);

/** The stops of the demo courier's run under way that are still out for delivery. */
async function openStops(courierToken: string) {
  const d = await gql(`{ myCourier { openRuns { status stops { id number status } } } }`, {}, courierToken);
  return (d.myCourier.openRuns as { status: string; stops: { id: string; number: string; status: string }[] }[])
    .filter((r) => r.status === 'IN_PROGRESS')
    .flatMap((r) => r.stops)
    .filter((s) => s.status === 'OUT_FOR_DELIVERY');
}

/** The courier delivers what is left of the run it is driving: it drives one run at a time. */
async function finishRunUnderWay(courierToken: string) {
  for (const stop of await openStops(courierToken)) {
    const d = await gql(
      `mutation($input: ConfirmDeliveryInput!) { confirmDelivery(input: $input) { userErrors { code message } } }`,
      {
        input: {
          deliveryId: stop.id,
          kind: 'CONTACTLESS',
          image: `data:image/png;base64,${PHOTO.toString('base64')}`,
          note: 'e2e: left at the door',
        },
      },
      courierToken,
    );
    ok(d.confirmDelivery, 'confirmDelivery');
  }
}

/** A stop out for delivery on the demo courier's run under way; when none is left, a new one planned for it and started. */
async function stopOutForDelivery(admin: string, courierToken: string) {
  const [open] = await openStops(courierToken);
  if (open) return open;
  const arranged = await deliveryForDemoCourier(admin);
  const started = await gql(
    `mutation($input: StartDeliveryRunInput!) { startDeliveryRun(input: $input) { userErrors { code message } } }`,
    { input: { runId: arranged.run.id } },
    courierToken,
  );
  ok(started.startDeliveryRun, 'startDeliveryRun');
  return arranged.delivery;
}

async function courierPosition(admin: string, courierId: string) {
  const d = await gql(
    `query($id: ID!) { node(id: $id) { ... on Courier { positionAt position { lat lng } } } }`,
    { id: courierId },
    admin,
  );
  return d.node as { positionAt: string | null; position: { lat: number; lng: number } | null };
}

test('a delivery signed on the courier page appears with its signature on the order page', async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  const admin = await loginToken('admin@demo.local');
  const a = await deliveryForDemoCourier(admin);
  await finishRunUnderWay(await loginToken('courier@demo.local'));
  const before = await courierPosition(admin, a.courierId);

  await page.context().grantPermissions(['geolocation'], { origin: baseUrl() });
  await page.context().setGeolocation(SHANGHAI);
  const courier = new CourierPages(page);
  await courier.signIn();

  // The phone's position reaches dispatch (at once on the first fix, then every 10 s).
  await expect(courier.gpsStatus()).toContainText('GPS on');
  await expect(courier.gpsStatus()).toContainText('last sent');
  await expect
    .poll(async () => (await courierPosition(admin, a.courierId)).positionAt, { timeout: 20_000 })
    .not.toBe(before.positionAt);
  const now = await courierPosition(admin, a.courierId);
  expect(now.position?.lat).toBeCloseTo(SHANGHAI.latitude, 3);
  expect(now.position?.lng).toBeCloseTo(SHANGHAI.longitude, 3);

  await expect(courier.run(a.run.number)).toContainText('Planned');
  await courier.startRun(a.run.number);
  await expect(courier.run(a.run.number)).toContainText('Under way');
  const stop = courier.stop(a.delivery.number);
  await expect(stop).toContainText('Out for delivery');
  await expect(stop.getByRole('link', { name: /^\d[\d-]+$/ })).toHaveAttribute('href', /^tel:/);
  await expect(stop.getByRole('link', { name: 'Navigate (Amap)' })).toHaveAttribute('href', /uri\.amap\.com\/marker/);
  await screenshot(page, 'courier-run-en');

  await courier.openDelivered(a.delivery.number);
  const confirm = courier.dialog().getByRole('button', { name: 'Confirm delivery' });
  await expect(confirm).toBeDisabled();
  await courier.drawSignature();
  await courier.dialog().getByLabel("Recipient's name").fill('王小明');
  await expect(confirm).toBeEnabled();
  await screenshot(page, 'courier-signature-en');
  await courier.confirmDelivery();
  await expect(stop).toContainText('Delivered at');
  await expect(stop).toContainText('Signature');
  await expect(stop.getByRole('button', { name: 'Delivered' })).toHaveCount(0);

  const proof = await gql(
    `query($id: ID!) { delivery(id: $id) { status proof { kind recipientName imageDataUrl lat lng } } }`,
    { id: a.delivery.id },
    admin,
  );
  expect(proof.delivery.status).toBe('DELIVERED');
  expect(proof.delivery.proof.kind).toBe('SIGNATURE');
  expect(proof.delivery.proof.recipientName).toBe('王小明');
  expect(proof.delivery.proof.imageDataUrl).toMatch(/^data:image\/png;base64,/);
  expect(proof.delivery.proof.lat).toBeCloseTo(SHANGHAI.latitude, 3);

  // The office sees the signature on the order page.
  const office = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
  const officePage = await office.newPage();
  await signIn(officePage, 'manager@demo.local');
  await officePage.goto(`${baseUrl()}/orders/${encodeURIComponent(a.order)}`);
  const image = officePage.getByTestId('proof-image');
  await expect(image).toBeVisible();
  await expect(image).toHaveAttribute('src', /^data:image\/png;base64,/);
  await screenshot(officePage, 'order-proof-en');
  await office.close();

  // The customer's link, without signing in: delivered, rated once.
  const visitor = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'en-US' });
  const first = new TrackingPages(await visitor.newPage());
  const second = new TrackingPages(await visitor.newPage());
  await first.open(a.delivery.trackingToken);
  await second.open(a.delivery.trackingToken);
  await expect(first.status()).toHaveText('Your delivery has been delivered.');
  await first.rate(4, '送得很快，谢谢');
  await expect(first.page.getByText('Thank you for your rating!')).toBeVisible();
  await screenshot(first.page, 'tracking-rated-en');
  // A second rating (the link opened twice) is told kindly that it was rated already.
  await second.rate(2, 'again');
  await expect(second.page.getByText('This delivery has already been rated.')).toBeVisible();
  await first.page.reload();
  await expect(first.page.getByText('You rated this delivery 4 of 5. Thank you!')).toBeVisible();
  await expect(first.page.getByRole('button', { name: 'Send rating' })).toHaveCount(0);
  await visitor.close();
});

test('a stop is reported as an exception; another, left at the door, takes a photo and a note', async ({ page }) => {
  test.setTimeout(90_000);
  const admin = await loginToken('admin@demo.local');
  const courierToken = await loginToken('courier@demo.local');
  const courier = new CourierPages(page);

  const absent = await stopOutForDelivery(admin, courierToken);
  await courier.signIn();
  await courier.stop(absent.number).getByRole('button', { name: 'Exception' }).click();
  await courier.dialog().getByLabel('What went wrong?').selectOption({ label: 'Customer absent' });
  await courier.dialog().getByLabel('Note').fill('电话三次无人接听');
  await courier.dialog().getByRole('button', { name: 'Report exception' }).click();
  await expect(courier.dialog()).toBeHidden();
  const reported = await gql(
    `query($id: ID!) { delivery(id: $id) { status exception { reason note } } }`,
    { id: absent.id },
    admin,
  );
  expect(reported.delivery).toMatchObject({
    status: 'EXCEPTION',
    exception: { reason: 'CUSTOMER_ABSENT', note: '电话三次无人接听' },
  });

  const doorstep = await stopOutForDelivery(admin, courierToken);
  await page.reload();
  await courier.openDelivered(doorstep.number);
  await courier.dialog().getByRole('button', { name: 'Contactless (photo)' }).click();
  const confirm = courier.dialog().getByRole('button', { name: 'Confirm delivery' });
  await courier.dialog().getByLabel('Photo of where it was left').setInputFiles({
    name: 'door.png',
    mimeType: 'image/png',
    buffer: PHOTO,
  });
  await expect(courier.dialog().getByRole('img', { name: 'Photo taken' })).toBeVisible();
  await expect(confirm).toBeDisabled();
  await courier.dialog().getByLabel('Where was it left?').fill('放在门口快递柜 12 号');
  await screenshot(page, 'courier-contactless-en');
  await courier.confirmDelivery();
  const proof = await gql(
    `query($id: ID!) { delivery(id: $id) { status proof { kind note imageDataUrl } } }`,
    { id: doorstep.id },
    admin,
  );
  expect(proof.delivery.status).toBe('DELIVERED');
  expect(proof.delivery.proof).toMatchObject({ kind: 'CONTACTLESS', note: '放在门口快递柜 12 号' });
  expect(proof.delivery.proof.imageDataUrl).toMatch(/^data:image\/jpeg;base64,/);
});

test('positions recorded while the phone is offline reach dispatch once it is back online', async ({ page }) => {
  test.setTimeout(90_000);
  const admin = await loginToken('admin@demo.local');
  const courierId = (await gql(`{ myCourier { id } }`, {}, await loginToken('courier@demo.local'))).myCourier.id;
  const context = page.context();
  await context.grantPermissions(['geolocation'], { origin: baseUrl() });
  await context.setGeolocation(SHANGHAI);
  const courier = new CourierPages(page);
  await courier.signIn();
  await expect(courier.gpsStatus()).toContainText('last sent');

  await context.setOffline(true);
  const inTunnel = { latitude: 31.2001, longitude: 121.4402 };
  await context.setGeolocation(inTunnel);
  await expect(courier.gpsStatus()).toContainText(/Offline: \d+ position\(s\) kept/, { timeout: 20_000 });
  expect((await courierPosition(admin, courierId)).position?.lat).not.toBeCloseTo(inTunnel.latitude, 3);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('My deliveries');

  await context.setOffline(false);
  await expect
    .poll(async () => (await courierPosition(admin, courierId)).position?.lat, { timeout: 20_000 })
    .toBeCloseTo(inTunnel.latitude, 3);
  await expect(courier.gpsStatus()).not.toContainText('Offline');
});

test('the courier page works in Chinese at phone size, and without location access', async ({ page }) => {
  const courier = new CourierPages(page);
  await page.context().clearPermissions();
  await courier.signIn();
  await page.getByRole('button', { name: '简体中文' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('我的配送');
  await expect(courier.gpsStatus()).toContainText('GPS 已关闭');
  await expect(page.getByRole('navigation')).toHaveCount(0);
  await screenshot(page, 'courier-zh-CN');
  await expectAccessible(page);
  // The language is remembered for the account: back to English for the other tests.
  const saved = page.waitForResponse((r) => r.request().postData()?.includes('UpdateMyPreferences') ?? false);
  await page.getByRole('button', { name: 'English' }).click();
  await saved;
});

test('an unknown tracking link says so, without asking to sign in', async ({ page }) => {
  const tracking = new TrackingPages(page);
  await tracking.open('no-such-token');
  await expect(page.getByText('We could not find this delivery')).toBeVisible();
  await expect(page).toHaveURL(/\/track\/no-such-token$/);
  await expectAccessible(page);
});
