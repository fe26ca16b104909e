import { expect, test } from '../fixtures';
import { createStaffUser, gql, loginToken } from '../api';
import { deliveredOrder, ReturnPages } from '../pages/returns';
import { screenshot, signIn } from '../pages/session';

test.use({ locale: 'en-US' });

test('customer service requests a return of a delivered order and approves it; the warehouse inspects it (one restocked, one damaged) and the refund is made', async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  const admin = await loginToken('admin@demo.local');
  const order = await deliveredOrder(admin, 2);

  // Customer service, on the delivered order's page: no returns yet, a return asked for on the customer's behalf.
  const ui = new ReturnPages(page);
  await signIn(page, 'service@demo.local');
  await ui.openOrder(order.number);
  const section = ui.orderReturns();
  await expect(section).toContainText('No returns yet.');
  await section.getByRole('button', { name: 'Request return' }).click();
  const d = ui.dialog();
  await expect(d.getByRole('heading', { name: `Request a return of ${order.number}` })).toBeVisible();
  // Nothing chosen: the dialog says what is missing and sends nothing.
  await d.getByRole('button', { name: 'Request return' }).click();
  await expect(d.getByText('Choose at least one unit to return.')).toBeVisible();
  await expect(d.getByText('Choose why the goods come back.')).toBeVisible();
  await d.getByLabel(`Units to return of ${order.sku}`).fill('3');
  await expect(d.getByText('At most 2 (delivered less earlier returns).')).toBeVisible();
  await d.getByLabel(`Units to return of ${order.sku}`).fill('2');
  await d.getByLabel('Reason').selectOption({ label: 'Quality problem' });
  await expect(d.getByLabel('Resolution')).toHaveValue('REFUND');
  await d.getByLabel('What the customer says').fill('两瓶都有异味，不敢再用。');
  await screenshot(page, 'return-request-dialog-en');
  await d.getByRole('button', { name: 'Request return' }).click();
  await expect(d).toBeHidden();

  // The new return's page: requested, the customer's words, the lines at the price paid.
  await expect(ui.title()).toContainText('RT-');
  await expect(ui.title()).toContainText('Requested');
  const number = await ui.returnNumber();
  await expect(page.getByText('Quality problem · Refund · requested')).toBeVisible();
  await expect(page.getByText('两瓶都有异味，不敢再用。')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Items coming back' })).toContainText(order.sku);
  await page.getByRole('button', { name: 'Approve', exact: true }).click();
  await expect(ui.title()).toContainText('Approved');
  // Customer service does not inspect: the page says what it waits for.
  await expect(
    page.getByText('Approved: waiting for the goods to arrive at the warehouse for inspection.'),
  ).toBeVisible();
  await expect(ui.inspection()).toHaveCount(0);
  const returnUrl = page.url();

  // The warehouse inspects what arrived.
  const floor = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
  const wh = await floor.newPage();
  const w = new ReturnPages(wh);
  await signIn(wh, 'warehouse@demo.local');
  await w.openQueue();
  await expect(w.row(number)).toContainText('Approved');
  await expect(w.row(number)).toContainText(order.number);
  await w.row(number).getByRole('link', { name: number }).click();
  await expect(w.inspection()).toBeVisible();
  await expect(w.inspectionInput('Received', order.sku)).toHaveValue('2');

  // Two restocked and one damaged out of two received does not add up: said at once, on the line, and again on booking.
  await w.inspectionInput('Damaged', order.sku).fill('1');
  await expect(w.inspectionInput('Restock', order.sku)).toHaveValue('1'); // restock follows until typed over
  await w.inspectionInput('Restock', order.sku).fill('2');
  const inspection = w.inspection();
  await expect(inspection.getByText('Restock + damaged + to supplier must equal received.')).toBeVisible();
  await expect(inspection).toContainText('2 + 1 + 0 ≠ 2');
  await inspection.getByRole('button', { name: 'Book inspection' }).click();
  await expect(inspection.getByRole('alert')).toContainText('The inspection does not add up');
  await expect(w.inspectionInput('Restock', order.sku)).toHaveAttribute('aria-invalid', 'true');
  await screenshot(wh, 'return-inspection-invalid-en');

  // One back on the shelf, one damaged: it adds up, and booking it refunds at once.
  await w.inspectionInput('Restock', order.sku).fill('1');
  await expect(inspection).toContainText('1 + 1 + 0 = 2');
  await expect(inspection.getByText('Restock + damaged + to supplier must equal received.')).toHaveCount(0);
  await w.inspectionInput('Note', order.sku).fill('一瓶瓶盖破裂');
  await inspection.getByRole('button', { name: 'Book inspection' }).click();
  await expect(w.title()).toContainText('Resolved');
  await expect(w.inspection()).toHaveCount(0);
  await expect(wh.getByRole('status').filter({ hasText: /Resolved: ¥[\d,.]+ refunded to WeChat Pay\./ })).toBeVisible();
  const outcome = w.outcome();
  await expect(outcome).toContainText('WeChat Pay');
  await expect(outcome).toContainText('Gateway reference');
  const lines = wh.getByRole('region', { name: 'Items coming back' });
  await expect(lines.getByRole('row', { name: new RegExp(order.sku) })).toContainText('一瓶瓶盖破裂');
  await expect(w.history()).toContainText('line 1: 2 received, 1 restocked, 1 damaged, 0 to supplier');
  await expect(w.history()).toContainText(/Refunded ¥/);

  const refund = await gql(
    `query($id: ID!) { returnRequest(id: $id) { status refund { amount { fen } method gateway gatewayReference }
       lines { received restocked damaged toSupplier } order { status returnState } } }`,
    { id: decodeURIComponent(returnUrl.split('/returns/')[1]!) },
    admin,
  );
  expect(refund.returnRequest.status).toBe('RESOLVED');
  expect(refund.returnRequest.refund.method).toBe('WECHAT_PAY');
  expect(refund.returnRequest.lines[0]).toEqual({ received: 2, restocked: 1, damaged: 1, toSupplier: 0 });
  expect(refund.returnRequest.order).toEqual({ status: 'RETURNED', returnState: 'FULL' });
  await screenshot(wh, 'return-page-en');
  await floor.close();

  // The queue (resolved ones) and the order page show it too.
  await ui.openQueue();
  await screenshot(page, 'returns-queue-en');
  await ui.filterStatus('Resolved');
  await expect(ui.row(number)).toContainText('Resolved');
  await expect(ui.row(number)).toContainText(`${order.sku} × 2`);
  await ui.openOrder(order.number);
  await expect(ui.title()).toContainText('Fully returned');
  await expect(section.getByRole('link', { name: number })).toBeVisible();
  await expect(section).toContainText('Resolved');
  await expect(section.getByRole('button', { name: 'Request return' })).toHaveCount(0);
  await section.scrollIntoViewIfNeeded();
  await screenshot(page, 'order-returns-en');
});

test.describe('in Chinese', () => {
  test.use({ locale: 'zh-CN' });

  test('a manager sees the return queue and the inspection in Chinese, with the check in words', async ({ page }) => {
    test.setTimeout(180_000);
    const admin = await loginToken('admin@demo.local');
    const order = await deliveredOrder(admin, 2);
    const requested = await gql(
      `mutation($input: RequestReturnInput!) { requestReturn(input: $input) { returnRequest { id number } userErrors { code message } } }`,
      {
        input: {
          orderId: order.id,
          lines: [{ lineNo: 1, quantity: 2 }],
          reason: 'DAMAGED',
          resolution: 'STORE_CREDIT',
          note: '外箱压坏，瓶子裂了',
        },
      },
      admin,
    );
    const r = requested.requestReturn.returnRequest as { id: string; number: string };
    if (!r) throw new Error(JSON.stringify(requested.requestReturn.userErrors));
    const approved = await gql(
      `mutation($input: DecideReturnInput!) { approveReturn(input: $input) { userErrors { code message } } }`,
      { input: { returnId: r.id } },
      admin,
    );
    expect(approved.approveReturn.userErrors).toEqual([]);

    const email = await createStaffUser('MANAGER', '经理 周敏', 'e2e-returns');
    await signIn(page, email, 'demo-password');
    const ui = new ReturnPages(page);
    await ui.openQueue();
    await expect(ui.row(r.number)).toContainText('已批准');
    await expect(ui.row(r.number)).toContainText('到货破损');
    await screenshot(page, 'returns-queue-zh');
    await ui.row(r.number).getByRole('link', { name: r.number }).click();
    await expect(ui.title()).toContainText('已批准');
    await expect(page.getByText('到货破损 · 退至余额 · 申请于')).toBeVisible();
    const inspection = ui.inspection();
    await inspection.getByLabel(`${order.sku} 的破损`, { exact: true }).fill('3');
    await expect(inspection.getByText('重新上架 + 破损 + 退供应商必须等于实收。')).toBeVisible();
    await screenshot(page, 'return-page-zh');
    await inspection.getByLabel(`${order.sku} 的破损`, { exact: true }).fill('1');
    await inspection.getByRole('button', { name: '提交验货' }).click();
    await expect(ui.title()).toContainText('已完成');
    await expect(page.getByRole('status').filter({ hasText: '已完成：已向客户发放余额' })).toBeVisible();
    await expect(ui.outcome()).toContainText('客户余额');
    await screenshot(page, 'return-resolved-zh');
  });
});
