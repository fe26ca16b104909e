import type { Locator, Page } from '@playwright/test';
import { expect, test } from '../fixtures';
import {
  createPickListFor,
  ensureBin,
  ensureCarrierFor,
  gql,
  loginToken,
  pickInFull,
  placeOrder,
  reservedWarehouses,
  stockLevelsIn,
} from '../api';
import { WarehousePages } from '../pages/fulfilment';
import { expectAccessible, nav, screenshot, signIn } from '../pages/session';

test.use({ locale: 'en-US' });

/** An order for a product with plenty available in SH-01 (its bin set), allocated; with its warehouse. */
async function allocatedOrder(admin: string, quantity: number, skip = 0) {
  const levels = (await stockLevelsIn(admin)).filter((l) => l.available >= quantity + 10);
  const level = levels[skip % levels.length]!;
  const order = await placeOrder(admin, { sku: level.sku, quantity });
  expect(order.status).toBe('ALLOCATED');
  const [warehouse] = await reservedWarehouses(admin, order.id);
  const bin = await ensureBin(admin, level.sku, warehouse!, 'B-07-2');
  await ensureCarrierFor(admin, 'EAST');
  return { ...order, warehouse: warehouse!, bin };
}

/** A print view opened in a tab of its own, with the Content-Security-Policy watched there too. */
async function openPrintTab(page: Page, link: Locator) {
  const [tab] = await Promise.all([page.context().waitForEvent('page'), link.click()]);
  const violations: string[] = [];
  tab.on('console', (m) => {
    if (/Content[- ]Security[- ]Policy/i.test(m.text())) violations.push(m.text());
  });
  await tab.waitForLoadState();
  return { tab, violations };
}

test('an allocated order is picked, checked, packed and shipped from the warehouse pages', async ({ page }) => {
  test.setTimeout(150_000);
  const admin = await loginToken('admin@demo.local');
  const order = await allocatedOrder(admin, 3);
  const ui = new WarehousePages(page);

  await signIn(page, 'warehouse@demo.local');
  await expect(nav(page).getByRole('link', { name: 'Warehouse' })).toBeVisible();

  // The order page offers a pick list for the order, in the warehouse holding its units.
  await ui.openOrder(order.number);
  await expect(ui.title()).toContainText('Allocated');
  await expect(ui.orderShipments()).toContainText('Allocated: waiting for a pick list.');
  await ui.createPickListForOrder();
  await expect(ui.title()).toContainText('Open');
  const listUrl = page.url();
  await expect(ui.stop(order.sku)).toContainText(order.bin);

  // Picking: the scanner has the focus once started; each scan counts one unit on the stop.
  await page.getByRole('button', { name: 'Start picking' }).click();
  await expect(ui.title()).toContainText('Picking');
  await expect(ui.scanner()).toBeFocused();
  await ui.scan('NOPE-0000');
  await expect(page.getByText('NOPE-0000 is not on this pick list')).toBeVisible();
  await ui.scan(order.sku, 3);
  await expect(page.getByText(`${order.sku}: 3 of 3 counted`)).toBeVisible();
  await expect(page.getByLabel(`Picked of ${order.sku}`)).toHaveValue('3');
  await expect(ui.stop(order.sku)).toHaveClass(/row-scanned/);
  await ui.scan(order.sku);
  await expect(page.getByText(`All 3 units of ${order.sku} are already counted`)).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, 'warehouse-picking');
  await ui.record(order.sku);
  await expect(page.getByText(`Stop 1 recorded: 3 of 3 ${order.sku}`)).toBeVisible();
  await expect(ui.stop(order.sku)).toContainText('Picked in full');

  // The printable list: barcodes of the list, each SKU and each order, nothing refused by the CSP.
  const print = await openPrintTab(page, page.getByRole('link', { name: 'Print', exact: true }));
  await expect(print.tab.getByRole('heading', { level: 1 })).toContainText(/Pick list PL-\d+/);
  await expect(print.tab.getByRole('img', { name: /^Barcode PL-\d+$/ })).toBeVisible();
  await expect(print.tab.getByRole('img', { name: `Barcode ${order.sku}` })).toBeVisible();
  await expect(print.tab.getByRole('img', { name: `Barcode ${order.number}` })).toBeVisible();
  await expect(print.tab.getByRole('navigation')).toHaveCount(0);
  await screenshot(print.tab, 'warehouse-pick-list-print');
  await print.tab.emulateMedia({ media: 'print' });
  await expect(print.tab.getByRole('toolbar')).toBeHidden();
  expect(print.violations).toEqual([]);
  await print.tab.close();

  // Completing reports every order.
  await ui.completeList();
  const report = ui.report();
  await expect(report.getByRole('row').filter({ hasText: order.number })).toContainText('Picked in full');
  await expect(ui.title()).toContainText('Completed');
  await screenshot(page, 'warehouse-pick-report');

  // The check: the counted units match what was picked.
  await report.getByRole('link', { name: 'Check & pack' }).click();
  await expect(ui.title()).toContainText('Picked, to check');
  await expect(page.getByLabel('SKU', { exact: true })).toBeFocused();
  await ui.count(order.sku, 3);
  await expect(page.getByLabel(`Counted of ${order.sku}`)).toHaveValue('3');
  await ui.check();
  await expect(ui.title()).toContainText('Checked, to pack');

  // Packing: the proposed packages come pre-filled; the packer enters what the scale says.
  await expect(page.getByRole('heading', { name: 'Pack', exact: true })).toBeVisible();
  await expect(page.getByLabel('Packaging of package 1')).not.toHaveValue('');
  const packages = await ui.weighPackages();
  await screenshot(page, 'warehouse-pack');
  await ui.pack();
  await expect(ui.title()).toContainText('Packed');
  const barcodes = page
    .getByRole('region', { name: 'Packages' })
    .getByRole('img', { name: /^Barcode [A-Z]{2}\d{9}[A-Z]{2}$/ });
  await expect(barcodes).toHaveCount(packages);
  const tracking = ((await barcodes.first().getAttribute('alt')) ?? '').replace('Barcode ', '');
  await expectAccessible(page);
  await screenshot(page, 'warehouse-packed');

  // Labels to print, one per package.
  const labels = await openPrintTab(page, page.getByRole('link', { name: 'Print labels' }));
  await expect(labels.tab.getByRole('article')).toHaveCount(packages);
  await expect(labels.tab.getByRole('img', { name: `Barcode ${tracking}` })).toBeVisible();
  await expect(labels.tab.getByRole('img', { name: `Barcode ${order.number}` }).first()).toBeVisible();
  await screenshot(labels.tab, 'warehouse-labels');
  expect(labels.violations).toEqual([]);
  await labels.tab.close();

  // Shipping with the carrier the platform ranks best.
  const best = await ui.shipWithBestCarrier();
  await expect(page.getByText(/shipped with .+, tracking [A-Z]{2}\d{9}[A-Z]{2}$/)).toBeVisible();
  await expect(ui.title()).toContainText('Shipped');
  const carrier = (
    await gql(
      `query($id: ID!) { node(id: $id) { ... on Order { shipments { carrier { name } } } } }`,
      { id: order.id },
      admin,
    )
  ).node.shipments[0].carrier.name as string;
  expect(carrier).toBe(best);

  // The order follows its part: shipped, with the carrier and the tracking number.
  await ui.openOrder(order.number);
  await expect(ui.title()).toContainText('Shipped');
  await expect(ui.orderShipments()).toContainText(carrier);
  await expect(ui.orderShipments()).toContainText(tracking);
  await expect(ui.orderShipments()).toContainText('Shipped');
  await screenshot(page, 'warehouse-order-shipped');

  // The list page keeps what happened.
  await page.goto(listUrl);
  await expect(ui.title()).toContainText('Completed');
  await expect(page.getByRole('region', { name: 'History' })).toContainText('Pick recorded');
});

test('a short count asks for its reason, and a wrong check blocks packing until a check matches', async ({ page }) => {
  test.setTimeout(120_000);
  const admin = await loginToken('admin@demo.local');
  const order = await allocatedOrder(admin, 3, 1);
  const list = await createPickListFor(admin, order.id, order.warehouse);
  const ui = new WarehousePages(page);

  await signIn(page, 'warehouse@demo.local');
  await ui.openWarehouse();
  await expect(page.getByRole('link', { name: list.number })).toBeVisible();
  await screenshot(page, 'warehouse-pick-lists');
  await page.getByRole('link', { name: list.number }).click();
  await page.getByRole('button', { name: 'Start picking' }).click();
  await expect(ui.scanner()).toBeFocused();

  // Two of three found: recording asks why, and will not go without a reason.
  await ui.scan(order.sku, 2);
  await ui.record(order.sku);
  const dialog = ui.dialog();
  await expect(dialog.getByRole('heading', { name: `Short pick of ${order.sku}` })).toBeVisible();
  await dialog.getByRole('button', { name: 'Record short pick' }).click();
  await expect(dialog.getByText('Fewer units than required: say why (not found or damaged).')).toBeVisible();
  await dialog.getByRole('radio', { name: /Not found/ }).check();
  await screenshot(page, 'warehouse-short-pick');
  await dialog.getByRole('button', { name: 'Record short pick' }).click();
  await expect(ui.stop(order.sku)).toContainText('1 short · Not found');

  // The third unit turns up: recorded again in full before completing.
  await ui.scan(order.sku);
  await expect(page.getByLabel(`Picked of ${order.sku}`)).toHaveValue('3');
  await ui.record(order.sku);
  await expect(ui.stop(order.sku)).toContainText('Picked in full');
  await ui.completeList();
  await expect(ui.report()).toContainText('Picked in full');

  // The checker scans the order number from the list to open its part; a wrong quantity at the check is
  // recorded against the picker, and packing waits.
  await ui.openWarehouse('Check & pack');
  await page.getByLabel('Scan an order number to open its part').fill(order.number);
  await page.getByLabel('Scan an order number to open its part').press('Enter');
  await expect(ui.title()).toContainText(list.shipments[0]!.number);
  await ui.count(order.sku, 2);
  await ui.check();
  const failed = page.getByRole('alert').filter({ hasText: 'Check failed: 1 error(s) recorded' });
  await expect(failed).toContainText(`${order.sku}: 2 counted, 3 picked`);
  await expect(failed).toContainText('picked by');
  await expect(ui.title()).toContainText('Picked, to check');
  await expect(page.getByRole('button', { name: 'Pack', exact: true })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Check errors' })).toContainText('Open');
  await screenshot(page, 'warehouse-check-failed');
  const blocked = await gql(
    `mutation($input: PackOrderInput!) { packOrder(input: $input) { userErrors { code } } }`,
    { input: { shipmentId: list.shipments[0]!.id, packages: [{ material: 'CARTON', weightG: 500 }] } },
    admin,
  );
  expect(blocked.packOrder.userErrors[0].code).toBe('ILLEGAL_TRANSITION');

  // Recounted: the check matches, the error is corrected and packing opens.
  await page.getByLabel(`Counted of ${order.sku}`).fill('3');
  await ui.check();
  await expect(ui.title()).toContainText('Checked, to pack');
  await expect(page.getByRole('region', { name: 'Check errors' })).toContainText('Corrected');
  await expect(page.getByRole('button', { name: 'Pack', exact: true })).toBeVisible();
  await expectAccessible(page);
});

test.describe('in a Chinese browser', () => {
  test.use({ locale: 'zh-CN' });

  test('the warehouse pages speak Chinese', async ({ page }) => {
    test.setTimeout(120_000);
    const admin = await loginToken('admin@demo.local');
    const order = await allocatedOrder(admin, 2, 2);
    const list = await createPickListFor(admin, order.id, order.warehouse);
    const ui = new WarehousePages(page);

    await signIn(page, 'manager@demo.local');
    await ui.openWarehouse();
    await expect(page.getByRole('tab', { name: '复核打包' })).toBeVisible();
    await expect(page.getByRole('link', { name: list.number })).toBeVisible();
    await screenshot(page, 'page-warehouse-zh');
    await page.getByRole('link', { name: list.number }).click();
    await page.getByRole('button', { name: '开始拣货' }).click();
    await expect(page.getByLabel('扫描或输入 SKU')).toBeFocused();
    await page.keyboard.type(order.sku);
    await page.keyboard.press('Enter');
    await expect(page.getByText(`${order.sku}：已计 1 / 2`)).toBeVisible();
    await screenshot(page, 'page-pick-list-zh');

    // Picked in full through the API: the check and packing pages in Chinese.
    await gql(
      `mutation($input: CancelPickListInput!) { cancelPickList(input: $input) { userErrors { code } } }`,
      { input: { pickListId: list.id, reason: 'e2e: 换一张单' } },
      admin,
    );
    const again = await createPickListFor(admin, order.id, order.warehouse);
    await pickInFull(admin, again);
    await ui.openShipment(again.shipments[0]!.id);
    await expect(ui.title()).toContainText('已拣货，待复核');
    await page.getByLabel('SKU', { exact: true }).fill(order.sku);
    await page.getByLabel('数量', { exact: true }).fill('2');
    await page.getByLabel('SKU', { exact: true }).press('Enter');
    await page.getByRole('button', { name: '提交复核' }).click();
    await expect(ui.title()).toContainText('已复核，待打包');
    await expect(page.getByRole('heading', { name: '打包', exact: true })).toBeVisible();
    await screenshot(page, 'page-pack-zh');
    await ui.openWarehouse();
    await page.getByRole('tab', { name: '复核打包' }).click();
    await expect(page.getByRole('link', { name: again.shipments[0]!.number })).toBeVisible();
    await screenshot(page, 'page-check-queue-zh');
  });
});
