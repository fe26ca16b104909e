import { expect, test } from '../fixtures';
import { createPurchaseOrder, createSupplierWithOffers, emptyStock, gql, loginToken, stockLevelsIn } from '../api';
import { PurchasingPages } from '../pages/purchasing';
import { expectAccessible, nav, screenshot, signIn } from '../pages/session';

test.use({ locale: 'en-US' });

test('a purchase order is sent and confirmed by purchasing, then received with one rejected unit by the warehouse', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const admin = await loginToken('admin@demo.local');
  const [level] = await stockLevelsIn(admin);
  const supplier = await createSupplierWithOffers(admin, [level!.sku], 4);
  const po = await createPurchaseOrder(admin, supplier.id, [{ sku: level!.sku, quantity: 5 }]);
  const ui = new PurchasingPages(page);

  await signIn(page, 'purchasing@demo.local');
  await expect(nav(page).getByRole('link', { name: 'Receiving' })).toHaveCount(0);
  await ui.openPurchaseOrder(po.id);
  await expect(ui.title()).toContainText('Draft');
  await page.getByRole('button', { name: 'Send to supplier' }).click();
  await ui.dialog().getByRole('button', { name: 'Send to supplier' }).click();
  await expect(page.getByText(`Purchase order ${po.number} sent`)).toBeVisible();
  await expect(ui.title()).toContainText('Sent');

  await page.getByRole('button', { name: 'Record confirmation' }).click();
  // The promised date defaults to today plus the offer's lead time (4 days).
  await expect(ui.dialog().getByLabel(`Promised date for ${level!.sku}`)).not.toHaveValue('');
  await screenshot(page, 'purchasing-po-confirm-dialog');
  await ui.dialog().getByRole('button', { name: 'Record confirmation' }).click();
  await expect(page.getByText(`Purchase order ${po.number} confirmed`)).toBeVisible();
  await expect(ui.title()).toContainText('Confirmed');
  await expect(page.getByRole('heading', { name: 'History' })).toBeVisible();
  await screenshot(page, 'purchasing-po-confirmed');

  // The warehouse books the goods: 5 arrived, 1 damaged.
  const warehouse = await browser.newContext({ locale: 'en-US' });
  const wpage = await warehouse.newPage();
  const wui = new PurchasingPages(wpage);
  await signIn(wpage, 'warehouse@demo.local');
  await wui.openReceiving();
  await screenshot(wpage, 'receiving-pick');
  await wui.pickForReceiving(po.number);

  // The form checks received = accepted + rejected before anything is sent.
  await wui.enterReceiptLine(level!.sku, { received: 5, accepted: 5, rejected: 1 });
  await wpage.getByRole('button', { name: 'Book receipt' }).click();
  await expect(wpage.getByText('Received must equal accepted plus rejected.')).toBeVisible();
  await wui.enterReceiptLine(level!.sku, { received: 5, accepted: 4, rejected: 1, reason: 'Damaged' });
  await wpage.getByRole('button', { name: 'Book receipt' }).dblclick();
  const toast = wpage.getByText(/^Receipt GR-\d+ booked$/);
  await expect(toast).toBeVisible();
  const receiptNumber = ((await toast.textContent()) ?? '').split(' ')[1]!;
  const receipt = wpage.getByRole('article', { name: receiptNumber });
  await expect(receipt.getByRole('cell', { name: 'Damaged' })).toBeVisible();
  await expect(receipt.getByText(/Backorders released \(\d+\)/)).toBeVisible();
  await expect(wpage.getByRole('heading', { level: 1 })).toContainText('Partially received');
  await expectAccessible(wpage);
  await screenshot(wpage, 'receiving-booked');

  // The double click booked once.
  const after = await gql(
    `query($id: ID!) { purchaseOrder(id: $id) { status receipts { number } lines { receivedQty acceptedQty rejectedQty } } }`,
    { id: po.id },
    admin,
  );
  expect(after.purchaseOrder.status).toBe('PARTIALLY_RECEIVED');
  expect(after.purchaseOrder.receipts).toHaveLength(1);
  expect(after.purchaseOrder.lines[0]).toEqual({ receivedQty: 5, acceptedQty: 4, rejectedQty: 1 });
  await warehouse.close();

  // Purchasing sees it live on the order page, and the rejection on the supplier's page.
  await expect(ui.title()).toContainText('Partially received');
  await expect(page.getByRole('article', { name: receiptNumber })).toBeVisible();
  await ui.openSupplier(supplier.code);
  await expect(page.getByRole('heading', { name: 'Rejections' })).toBeVisible();
  await expect(page.getByRole('link', { name: po.number }).first()).toBeVisible();
  await expect(page.getByText('Damaged')).toBeVisible();
  await screenshot(page, 'supplier-page');

  // The supplier cannot deliver the rest: purchasing short-closes the order.
  await ui.openPurchaseOrder(po.id);
  await page.getByRole('group', { name: 'Actions' }).getByRole('button', { name: 'Close', exact: true }).click();
  await ui.dialog().getByRole('textbox').fill('Supplier cannot deliver the rest');
  await ui.dialog().getByRole('button', { name: 'Close the order' }).click();
  await expect(ui.title()).toContainText('Closed');
});

test('purchasing runs the requirements, reads why one exists, and turns it into a purchase order', async ({ page }) => {
  test.setTimeout(120_000);
  const admin = await loginToken('admin@demo.local');
  const levels = await stockLevelsIn(admin);
  const level = levels.find((l) => l.lowThreshold > 0) ?? levels[1]!;
  const supplier = await createSupplierWithOffers(admin, [level.sku], 2);
  await emptyStock(admin, level.sku, level.reserved);
  const ui = new PurchasingPages(page);

  await signIn(page, 'purchasing@demo.local');
  await ui.openPurchasing();
  await page.getByRole('button', { name: 'Run now' }).click();
  await expect(page.getByText(/^Requirements run: \d+ created/)).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: level.sku }).filter({ hasText: 'SH-01' }).first();
  await expect(row).toBeVisible();
  await screenshot(page, 'purchasing-requirements');

  await row.getByRole('button').first().click();
  const dialog = ui.dialog();
  await expect(dialog.getByText('Why it exists: the figures at the time')).toBeVisible();
  await expect(dialog.getByRole('link', { name: supplier.code })).toBeVisible();
  await screenshot(page, 'purchasing-requirement-detail');
  await dialog.getByRole('button', { name: 'Close', exact: true }).first().click();

  await row.getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Create purchase orders (1)' }).click();
  const created = page.getByText(/^Purchase orders created: PO-\d+/);
  await expect(created).toBeVisible();
  const number = ((await created.textContent()) ?? '').replace('Purchase orders created: ', '').split(',')[0]!.trim();

  await page.getByRole('tab', { name: 'Purchase orders' }).click();
  await page.getByLabel('Number').fill(number);
  await expect(page.getByRole('link', { name: number })).toBeVisible();
  await screenshot(page, 'purchasing-orders');
  await page.getByRole('tab', { name: 'Overdue' }).click();
  await expect(page.getByRole('tabpanel')).toBeVisible();
  await screenshot(page, 'purchasing-overdue');
  await page.getByRole('tab', { name: 'Purchase orders' }).click();
  await page.getByLabel('Number').fill(number);
  await page.getByRole('link', { name: number }).click();
  await expect(ui.title()).toContainText('Draft');
  await expectAccessible(page);
});

test.describe('in a Chinese browser', () => {
  test.use({ locale: 'zh-CN' });

  test('the purchasing pages speak Chinese', async ({ page }) => {
    await signIn(page, 'manager@demo.local');
    const ui = new PurchasingPages(page);
    for (const [label, name] of [
      ['供应商', 'suppliers'],
      ['采购', 'purchasing'],
      ['收货', 'receiving'],
    ] as const) {
      await nav(page).getByRole('link', { name: label, exact: true }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(label);
      await expect(page.getByRole('status').filter({ hasText: '加载中' })).toHaveCount(0);
      await screenshot(page, `page-${name}-zh`);
    }
    // A supplier with a scorecard history when the demo data has one, else the first on the list.
    await ui.openSuppliers();
    const rated = page.getByRole('link', { name: /^SUP-/ });
    await ((await rated.count()) ? rated.first() : page.getByRole('table').getByRole('link').first()).click();
    await expect(page.getByRole('heading', { name: '评分趋势' })).toBeVisible();
    await screenshot(page, 'page-supplier-zh');
    await ui.openPurchasing();
    await expect(page.getByRole('tab', { name: '采购需求' })).toBeVisible();
    await expect(page.getByRole('tab', { name: '逾期' })).toBeVisible();
  });
});
