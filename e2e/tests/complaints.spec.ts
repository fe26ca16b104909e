import { expect, test } from '../fixtures';
import { createStaffUser, loginToken, openComplaint, placeOrder } from '../api';
import { ComplaintPages } from '../pages/complaints';
import { screenshot, signIn } from '../pages/session';

test.use({ locale: 'en-US' });

test('an agent opens a complaint about an order, acknowledges it, waits on the customer (paused) and resolves it', async ({
  page,
}) => {
  const order = await placeOrder(await loginToken('admin@demo.local'));
  const ui = new ComplaintPages(page);
  await signIn(page, 'service@demo.local');
  await ui.openQueue();

  // Opened from the queue by the order number the customer quotes: routed to the warehouse, on the response clock.
  const number = await ui.openAbout(order.number, 'Damaged', 'The box arrived crushed; two jars broken.', () =>
    screenshot(page, 'complaint-open-dialog-en'),
  );
  await expect(ui.title()).toContainText('Open');
  await expect(page.getByText('Damaged · Warehouse · by Phone')).toBeVisible();
  await expect(ui.clock()).toContainText('First response due in');
  await expect(ui.clock()).toContainText(/\d:\d\d:\d\d left/);
  await expect(ui.clock()).toContainText('standard-2h-24h');
  // The evidence: the order's own story on the same page.
  await expect(page.getByRole('heading', { name: "Evidence: the order's story" })).toBeVisible();
  await expect(page.getByRole('link', { name: order.number }).first()).toBeVisible();

  await ui.act('Acknowledge');
  await expect(ui.title()).toContainText('Acknowledged');
  await expect(ui.clock()).toContainText('Resolution due in');
  await expect(ui.history()).toContainText('First response sent to the customer');
  await screenshot(page, 'complaint-page-en');

  // Waiting on the customer stops the clock: the countdown is frozen and says so.
  await ui.act('Waiting on customer');
  await expect(ui.title()).toContainText('Waiting on customer');
  await expect(ui.clock()).toContainText('paused (');
  await expect(ui.clock().locator('[data-sla-state="PAUSED"]')).toBeVisible();

  // The queue shows it grey, paused, with its order.
  await ui.openQueue();
  const row = ui.row(number);
  await expect(row).toContainText(order.number);
  await expect(row).toContainText('Paused');
  await expect(row).toHaveClass(/row-paused/);
  await screenshot(page, 'complaints-queue-en');
  await row.getByRole('link', { name: number }).click();

  // Resolving without a root cause: the server names what is missing, next to the field.
  await ui.act('Resolve');
  const d = ui.dialog();
  await d.getByLabel('Outcome').selectOption({ label: 'Exchange' });
  await d.getByLabel('Note for the customer').fill('We are sending two new jars today.');
  await d.getByRole('button', { name: 'Resolve' }).click();
  await expect(d.getByRole('alert')).toContainText(
    'A resolution needs a root cause, an outcome and a note for the customer.',
  );
  await expect(d.getByLabel('Root cause')).toHaveAttribute('aria-invalid', 'true');
  await d.getByLabel('Root cause').selectOption({ label: 'Packing damage' });
  await d.getByRole('button', { name: 'Resolve' }).click();
  await expect(d).toBeHidden();
  await expect(ui.title()).toContainText('Resolved');
  await expect(page.getByRole('region', { name: 'Resolution' })).toContainText('Packing damage');
  await expect(ui.clock()).toContainText(/Met|done/);

  // The order page lists it with its status and a link.
  await page.getByRole('link', { name: order.number }).first().click();
  const section = page.getByRole('region', { name: 'Complaints' });
  await expect(section.getByRole('link', { name: number })).toBeVisible();
  await expect(section).toContainText('Resolved');
  await section.scrollIntoViewIfNeeded();
  await screenshot(page, 'order-complaints-en');
});

test('a countdown crossing into the last quarter turns the row at risk in the browser', async ({ page }) => {
  const admin = await loginToken('admin@demo.local');
  const order = await placeOrder(admin);
  const complaint = await openComplaint(admin, {
    orderId: order.id,
    category: 'COURIER_SERVICE',
    description: 'The courier left the parcel at the gate without calling.',
  });
  // There is no API to age a complaint: the browser's clock moves instead (the server's stays).
  await page.clock.install();
  const ui = new ComplaintPages(page);
  await signIn(page, 'service@demo.local');
  await ui.openQueue();
  await ui.filter('Category', 'Courier service');
  const row = ui.row(complaint.number);
  await expect(row).toContainText('On track');
  await expect(row).toContainText(/1:5\d:\d\d left/);
  await expect(row).not.toHaveClass(/row-warning/);

  // 100 of the 120 minutes to the first response pass: less than a quarter is left.
  await page.clock.fastForward('01:40:00');
  await expect(row).toContainText('At risk');
  await expect(row).toContainText(/0:(19|20):\d\d left/);
  await expect(row).toHaveClass(/row-warning/);
});

test.describe('in Chinese', () => {
  test.use({ locale: 'zh-CN' });

  test('the queue and a complaint page read in Chinese', async ({ page }) => {
    const admin = await loginToken('admin@demo.local');
    const order = await placeOrder(admin);
    const complaint = await openComplaint(admin, {
      orderId: order.id,
      category: 'LATE',
      priority: 'HIGH',
      description: '承诺今天中午送达，到现在还没收到。',
    });
    const email = await createStaffUser('CUSTOMER_SERVICE', '客服 林晓', 'complaints');
    const ui = new ComplaintPages(page);
    await signIn(page, email, 'demo-password');
    await ui.openQueue();
    const row = ui.row(complaint.number);
    await expect(row).toContainText('配送延迟');
    await expect(row).toContainText('配送部');
    await expect(row).toContainText('正常');
    await expect(row).toContainText(/剩余 1:5\d:\d\d/);
    await screenshot(page, 'complaints-queue-zh');
    await row.getByRole('link', { name: complaint.number }).click();
    await expect(ui.title()).toContainText('待响应');
    await ui.act('由我处理');
    await expect(page.getByText('客服 林晓').first()).toBeVisible();
    await ui.act('响应');
    await expect(ui.title()).toContainText('已响应');
    await expect(ui.clock()).toContainText('解决剩余');
    await expect(page.getByRole('heading', { name: '证据：订单全过程' })).toBeVisible();
    await screenshot(page, 'complaint-page-zh');
  });
});
