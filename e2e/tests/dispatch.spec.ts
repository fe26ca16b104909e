import { expect, test } from '../fixtures';
import { gql, loginToken } from '../api';
import { DispatchPages } from '../pages/dispatch';
import { screenshot, signIn } from '../pages/session';

test.use({ locale: 'en-US' });

const CITIES = ['上海', '北京', '广州', '深圳', '杭州', '南京', '苏州', '天津'];

interface Courier {
  id: string;
  code: string;
  name: string;
  state: string;
  zones: string[];
  position: { lat: number; lng: number } | null;
}

async function reportPosition(admin: string, courierId: string, lat: number, lng: number, recordedAt = new Date()) {
  const d = await gql(
    `mutation($input: ReportCourierPositionsInput!) { reportCourierPositions(input: $input) { userErrors { code message } } }`,
    { input: { courierId, positions: [{ lat, lng, recordedAt: recordedAt.toISOString(), accuracyM: 10 }] } },
    admin,
  );
  expect(d.reportCourierPositions.userErrors).toEqual([]);
}

/** A courier delivering in one of the dispatch board's cities, with a position (reported here if it has none). */
async function courierOnTheMap(admin: string) {
  const couriers = (
    await gql<{ couriers: { edges: { node: Courier }[] } }>(
      `{ couriers(first: 100) { edges { node { id code name state zones position { lat lng } } } } }`,
      {},
      admin,
    )
  ).couriers.edges.map((e) => e.node);
  const cityOf = (c: Courier) => CITIES.find((city) => c.zones.some((z) => z.startsWith(city)));
  const inCities = couriers.filter((c) => cityOf(c));
  const courier = inCities.find((c) => c.position && c.state !== 'OFF_DUTY') ?? inCities[0];
  if (!courier) throw new Error('no courier delivers in the dispatch cities');
  let position = courier.position;
  if (!position) {
    position = { lat: 31.2304, lng: 121.4737 };
    await reportPosition(admin, courier.id, position.lat, position.lng, new Date(Date.now() - 60_000));
  }
  return { ...courier, city: cityOf(courier)!, position };
}

test('a courier moves on the dispatch map when positions are reported through the API', async ({ page }) => {
  const admin = await loginToken('admin@demo.local');
  const courier = await courierOnTheMap(admin);
  const ui = new DispatchPages(page);

  await signIn(page, 'dispatcher@demo.local');
  await ui.openDispatch(courier.city);
  const before = await ui.markerPosition(courier.code);
  expect(before.lat).toBeCloseTo(courier.position.lat, 5);
  expect(before.lng).toBeCloseTo(courier.position.lng, 5);
  await page.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));

  // About 1 km north-east, reported now as the courier's phone would.
  const to = { lat: before.lat + 0.007, lng: before.lng + 0.006 };
  await reportPosition(admin, courier.id, to.lat, to.lng);

  await expect.poll(async () => (await ui.markerPosition(courier.code)).lat).toBeCloseTo(to.lat, 5);
  expect((await ui.markerPosition(courier.code)).lng).toBeCloseTo(to.lng, 5);
  expect(await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);
  await screenshot(page, 'dispatch-board');
});

interface PlannedRun {
  id: string;
  number: string;
  courier: { id: string } | null;
  courierChoice: { eligible: boolean; courier: { id: string; code: string; name: string } }[];
}

/** A planned run with a courier and another eligible one planning ranked for it. */
async function plannedRunWithAlternative(admin: string) {
  const find = async () => {
    const d = await gql(
      `{ deliveryRuns(first: 100, filter: { status: [PLANNED] }) { edges { node {
          id number courier { id } courierChoice { eligible courier { id code name } } } } } }`,
      {},
      admin,
    );
    for (const { node } of d.deliveryRuns.edges as { node: PlannedRun }[]) {
      const other = node.courierChoice.find((o) => o.eligible && o.courier.id !== node.courier?.id);
      if (node.courier && other) return { run: node, other: other.courier };
    }
    return null;
  };
  const found = await find();
  if (found) return found;
  const waiting = await gql(
    `{ deliveries(first: 20, filter: { status: [UNASSIGNED] }) { edges { node { zone } } } }`,
    {},
    admin,
  );
  for (const { node } of waiting.deliveries.edges)
    await gql(
      `mutation($zone: String) { planDeliveries(input: { zone: $zone }) { userErrors { code } } }`,
      node,
      admin,
    );
  const planned = await find();
  if (!planned) throw new Error('no planned run with a second eligible courier, and none could be planned');
  return planned;
}

test('a dispatcher reassigns a planned run through the dialog; the run shows the new courier and the reason', async ({
  page,
}) => {
  const admin = await loginToken('admin@demo.local');
  const { run, other } = await plannedRunWithAlternative(admin);
  const ui = new DispatchPages(page);
  const reason = `E2E 客户要求熟悉的骑手 ${Date.now().toString(36)}`;

  await signIn(page, 'dispatcher@demo.local');
  await ui.openRun(run.id, run.number);
  await expect(ui.runCourier()).not.toContainText(other.code);
  await ui.assignCourier(`${other.code} ${other.name}`, reason);

  await expect(ui.runCourier()).toContainText(`${other.code} ${other.name}`);
  await expect(ui.history().getByRole('listitem').first()).toContainText(reason);
  await screenshot(page, 'dispatch-run-override');
});
