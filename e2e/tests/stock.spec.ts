import { expect, Page, test } from '../fixtures';
import { baseUrl, gql, loginToken, placeOrder } from '../api';
import { screenshot, signIn } from '../pages/session';

test.use({ locale: 'en-US' });

async function level(token: string, sku: string) {
  const d = await gql(
    `query($sku: String!) { stockLevels(first: 1, filter: { sku: $sku, warehouseCode: "SH-01" }) { edges { node { id onHand reserved available } } } }`,
    { sku },
    token,
  );
  return d.stockLevels.edges[0].node as { id: string; onHand: number; reserved: number; available: number };
}

/** The figure shown under a label on the stock-level page ("On hand", "Available"). */
const figure = (page: Page, label: string) =>
  page.locator('.kpi', { has: page.getByText(label, { exact: true }) }).locator('.kpi-value');
const n = (x: number) => x.toLocaleString('en-US');

test('cancelling an order releases its stock, as the stock page shows', async ({ page }) => {
  const admin = await loginToken('admin@demo.local');
  const order = await placeOrder(admin, { quantity: 3 });
  const before = await level(admin, order.sku);

  await signIn(page, 'service@demo.local');
  await page.goto(`${baseUrl()}/stock/${encodeURIComponent(before.id)}`);
  await expect(figure(page, 'Available')).toHaveText(n(before.available));

  await page.goto(`${baseUrl()}/orders/${order.number}`);
  await page.getByRole('button', { name: 'Cancel order' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: 'Reason' }).fill('Customer asked to cancel');
  await dialog.getByRole('button', { name: 'Cancel the order' }).click();
  await expect(page.getByText(`Order ${order.number} cancelled`)).toBeVisible();

  await page.goto(`${baseUrl()}/stock/${encodeURIComponent(before.id)}`);
  await expect(figure(page, 'Available')).toHaveText(n(before.available + 3));
  await expect(page.getByRole('cell', { name: 'Release' }).first()).toBeVisible();
  await screenshot(page, 'stock-after-cancel');
});

test('warehouse staff book a count; the difference becomes a count adjustment', async ({ page }) => {
  const admin = await loginToken('admin@demo.local');
  const list = await gql(
    `{ stockLevels(first: 50, filter: { warehouseCode: "SH-01" }) { edges { node { sku onHand reserved } } } }`,
    {},
    admin,
  );
  const target = list.stockLevels.edges.map((e: any) => e.node).find((l: any) => l.onHand - l.reserved > 5);
  const before = await level(admin, target.sku);

  await signIn(page, 'warehouse@demo.local');
  await page.goto(`${baseUrl()}/stock/${encodeURIComponent(before.id)}`);
  await page.getByLabel('A count (what is on the shelf)').check();
  await page.getByLabel('Counted units').fill(String(before.onHand - 2));
  await page.getByLabel('Note').fill('周盘点');
  await page.getByRole('button', { name: 'Book count…' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Book it' }).click();
  await expect(page.getByText(`Stock of ${target.sku} in SH-01 updated`)).toBeVisible();
  await expect(figure(page, 'On hand')).toHaveText(n(before.onHand - 2));
  await expect(page.getByRole('cell', { name: 'Count adjustment' }).first()).toBeVisible();
  expect((await level(admin, target.sku)).onHand).toBe(before.onHand - 2);
  await screenshot(page, 'stock-count-booked');
});
