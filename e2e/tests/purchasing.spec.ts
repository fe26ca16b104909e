import { expect, test } from '../fixtures';
import {
  createPurchaseOrder,
  createSupplierWithOffers,
  emptyStock,
  gql,
  loginToken,
  openRequirementFor,
  levelToBuyFor,
  stockLevelsIn,
} from '../api';
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
  const level = await levelToBuyFor(admin);
  const supplier = await createSupplierWithOffers(admin, [level.sku], 2);
  await emptyStock(admin, level.sku, level.reserved);
  const ui = new PurchasingPages(page);

  await signIn(page, 'purchasing@demo.local');
  await ui.openPurchasing();
  await page.getByRole('button', { name: 'Run now' }).click();
  await expect(page.getByText(/^Requirements run: \d+ created/)).toBeVisible();
  // A run makes many at one moment: the product's own is found by its SKU.
  await page.getByLabel('SKU', { exact: true }).fill(level.sku.toLowerCase());
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

test('purchasing adds a supplier through the form, sets an offer, puts it on probation and dismisses a requirement', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const admin = await loginToken('admin@demo.local');
  const levels = await stockLevelsIn(admin);
  const offered = levels[2]!;
  const taken = await createSupplierWithOffers(admin, []);
  const code = `E2E-F-${Date.now().toString(36).toUpperCase()}`;
  const name = `苏州表单供应商 ${code}`;
  const ui = new PurchasingPages(page);
  const dialog = ui.dialog();

  await signIn(page, 'purchasing@demo.local');
  await ui.openSuppliers();
  await page.getByRole('button', { name: 'New supplier' }).click();
  await expect(dialog.getByRole('heading', { name: 'New supplier' })).toBeVisible();
  // The form checks what the server would before sending anything.
  await dialog.getByRole('button', { name: 'Create supplier' }).click();
  await expect(dialog.getByText('Choose at least one region.')).toBeVisible();
  await ui.fillSupplierForm({
    code: taken.code,
    name,
    contactName: '李经理',
    phone: '12345',
    email: 'purchasing@example.cn',
    address: '苏州市工业园区星湖街 328 号',
    regions: ['East', 'Central'],
    status: 'Suspended',
  });
  await dialog.getByRole('button', { name: 'Create supplier' }).click();
  await expect(dialog.getByText('A mainland mobile (13812345678) or landline (021-12345678) number.')).toBeVisible();
  await expect(dialog.getByText('A suspended supplier needs a reason.')).toBeVisible();
  await screenshot(page, 'supplier-form-checks');
  // The server's answer shows on the field it concerns: the code is taken.
  await ui.fillSupplierForm({ phone: '0512-66881234', status: 'Probation' });
  await dialog.getByRole('button', { name: 'Create supplier' }).click();
  await expect(dialog.getByText('That supplier code is already in use.')).toBeVisible();
  await expect(dialog.getByRole('textbox', { name: 'Code', exact: true })).toHaveAttribute('aria-invalid', 'true');
  await ui.fillSupplierForm({ code });
  await dialog.getByRole('button', { name: 'Create supplier' }).click();
  await expect(page.getByText(`Supplier ${code} created`)).toBeVisible();
  await expect(page.getByRole('navigation', { name: /Breadcrumb/ })).toContainText(code);
  await expect(ui.title()).toContainText(name);
  await expect(ui.title()).toContainText('Probation');

  // An offer for a product picked by SKU, then changed from its row.
  await page.getByRole('button', { name: 'Set offer' }).click();
  await ui.fillOfferForm({
    sku: offered.sku,
    unitPrice: '12.345',
    leadTimeDays: 400,
    minOrderQty: 10,
    packMultiple: 5,
  });
  await dialog.getByRole('button', { name: 'Save offer' }).click();
  await expect(dialog.getByText('An amount in yuan, more than zero, at most two decimals.')).toBeVisible();
  await expect(dialog.getByText('Whole days from 1 to 365.')).toBeVisible();
  await ui.fillOfferForm({ unitPrice: '12.80', leadTimeDays: 6 });
  await screenshot(page, 'supplier-offer-dialog');
  await dialog.getByRole('button', { name: 'Save offer' }).click();
  await expect(page.getByText(`Offer for ${offered.sku} saved`)).toBeVisible();
  const row = ui.offerRow(offered.sku);
  await expect(row).toContainText('12.80');
  await expect(row).toContainText('6 d');
  await expect(row).toContainText('Active');
  await row.getByRole('button', { name: `Edit offer for ${offered.sku}` }).click();
  await expect(dialog.getByLabel('Unit price (¥)')).toHaveValue('12.80');
  await expect(dialog.getByLabel('Minimum order')).toHaveValue('10');
  await ui.fillOfferForm({ unitPrice: '11.50', leadTimeDays: 8 });
  await screenshot(page, 'supplier-offer-edit-dialog');
  await dialog.getByRole('button', { name: 'Save offer' }).click();
  await expect(row).toContainText('11.50');
  await expect(row).toContainText('8 d');

  // Edited: suspending needs a reason; on probation with one, the page shows it.
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  await expect(dialog.getByLabel('Company name')).toHaveValue(name);
  await expect(dialog.getByRole('textbox', { name: 'Code', exact: true })).toHaveAttribute('readonly', '');
  await ui.fillSupplierForm({ status: 'Suspended', statusReason: '' });
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await expect(dialog.getByText('A suspended supplier needs a reason.')).toBeVisible();
  const reason = 'First three deliveries under watch';
  await ui.fillSupplierForm({ status: 'Probation', statusReason: reason, phone: '13912345678' });
  await screenshot(page, 'supplier-edit-dialog');
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText(`Supplier ${code} saved`)).toBeVisible();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('note')).toContainText(reason);
  await expect(ui.title()).toContainText('Probation');
  await expect(page.getByText('13912345678')).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, 'supplier-page-edited');

  // A requirement set aside with a reason leaves the open list.
  const level = levels.filter((l) => l.lowThreshold > 0).at(-1)!;
  await createSupplierWithOffers(admin, [level.sku], 2);
  await emptyStock(admin, level.sku, level.reserved);
  const requirement = await openRequirementFor(admin, level.sku);
  await ui.openPurchasing();
  const reqRow = page.getByRole('row').filter({ hasText: requirement.number });
  await reqRow.getByRole('button', { name: requirement.number }).click();
  await dialog.getByRole('button', { name: 'Dismiss', exact: true }).click();
  await dialog.getByRole('button', { name: 'Dismiss requirement' }).click();
  await expect(dialog.getByText('Give a reason.')).toBeVisible();
  await dialog.getByLabel('Why it is not ordered').fill('Product is being delisted next month');
  await screenshot(page, 'purchasing-requirement-dismiss');
  await dialog.getByRole('button', { name: 'Dismiss requirement' }).click();
  await expect(page.getByText(`Requirement ${requirement.number} dismissed`)).toBeVisible();
  await expect(dialog).toHaveCount(0);
  await expect(reqRow).toHaveCount(0);
  const after = await gql(
    `query($id: ID!) { node(id: $id) { ... on PurchaseRequirement { status dismissedReason } } }`,
    { id: requirement.id },
    admin,
  );
  expect(after.node).toEqual({ status: 'DISMISSED', dismissedReason: 'Product is being delisted next month' });
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
