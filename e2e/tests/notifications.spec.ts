import { expect, test } from '../fixtures';
import { baseUrl, gql, loginToken, placeOrder } from '../api';
import { NotificationPages } from '../pages/notifications';
import { nav, screenshot, signIn } from '../pages/session';

test.use({ locale: 'en-US' });

/** A staff account of its own, so switching its language does not leak into other specs. */
async function newUser(role: 'MANAGER' | 'ADMIN'): Promise<string> {
  const email = `notif-${role.toLowerCase()}-${Date.now()}@demo.local`;
  const r = await gql(
    `mutation($input: CreateUserInput!) { createUser(input: $input) { userErrors { code message } } }`,
    { input: { email, name: role === 'ADMIN' ? '管理员 周敏' : '经理 陈静', role, password: 'demo-password' } },
    await loginToken('admin@demo.local'),
  );
  if (r.createUser.userErrors.length) throw new Error(JSON.stringify(r.createUser.userErrors));
  return email;
}

test('templates: an unknown placeholder shows in the preview and is refused; a valid text saves with both previews; reset restores the default', async ({
  page,
}) => {
  const ui = new NotificationPages(page);
  await signIn(page, 'manager@demo.local');
  await ui.openTemplates();
  await ui.chooseEvent('Satisfaction survey');
  const en = ui.editor('English');
  const zh = ui.editor('Chinese');
  const body = en.getByRole('textbox', { name: 'Body' });
  const original = await body.inputValue();
  await expect(zh.getByRole('textbox', { name: 'Body' })).not.toHaveValue('');

  // A placeholder the event does not have: the preview lists the problem, and Save answers UNKNOWN_PLACEHOLDER.
  await body.fill('Dear {{customerName}}, tell us {{nope}}');
  await expect(en.getByRole('list', { name: 'Problems' })).toContainText('{{nope}} is not a fact of this event');
  await en.getByRole('button', { name: 'Save' }).click();
  await expect(en.getByRole('alert')).toContainText('The template uses a placeholder this event does not have.');

  // A valid text: a chip inserts its placeholder at the cursor; it saves, and both languages preview.
  await body.fill('Dear {{customerName}}, how was order {{orderNumber}}? ');
  await en.getByRole('button', { name: '{{surveyUrl}}' }).click();
  await expect(body).toHaveValue('Dear {{customerName}}, how was order {{orderNumber}}? {{surveyUrl}}');
  await expect(en.getByText('No problems: this text can be saved.')).toBeVisible();
  await expect(en.locator('.message-body')).toHaveText(/^Dear Fang Wang, how was order SO-\S+\? https?:\/\/\S+$/);
  await en.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Template saved: Satisfaction survey (English)')).toBeVisible();
  await expect(en.getByText('Customised', { exact: true })).toBeVisible();
  await expect(en.getByText(/Changed by .+ on /)).toBeVisible();
  await expect(zh.locator('.message-body')).toContainText('王芳');
  await expect(en.locator('.message-body')).toContainText('Dear Fang Wang, how was order');
  await screenshot(page, 'notifications-templates-en');

  // Reset to default, confirmed: the platform's text is back.
  await en.getByRole('button', { name: 'Reset to default' }).click();
  await ui.dialog().getByRole('button', { name: 'Reset to default' }).click();
  await expect(page.getByText('Default text restored: Satisfaction survey (English)')).toBeVisible();
  await expect(ui.editor('English').getByRole('textbox', { name: 'Body' })).toHaveValue(original);
  await expect(ui.editor('English').getByText('Default text', { exact: true })).toBeVisible();
});

test('webhooks: an endpoint is added (secret once), gets a signed delivery answered 204, redelivers, pauses, rotates and is deleted', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const ui = new NotificationPages(page);
  const url = `${baseUrl()}/demo/webhooks/storefront`;
  await signIn(page, 'admin@demo.local');
  await ui.openWebhooks();

  await page.getByRole('button', { name: 'Add endpoint' }).click();
  const form = ui.dialog();
  await form.getByRole('textbox', { name: 'URL' }).fill(url);
  await form.getByRole('textbox', { name: 'Description' }).fill('E2E storefront');
  await form.getByRole('checkbox', { name: /^order\.status_changed/ }).check();
  await screenshot(page, 'webhooks-add-en');
  await form.getByRole('button', { name: 'Add endpoint' }).click();

  // The secret, once.
  await expect(ui.dialog()).toContainText('This secret is shown only now.');
  await expect(ui.dialog().getByTestId('webhook-secret')).toHaveText(/^whsec_\S+$/);
  await screenshot(page, 'webhooks-secret-en');
  await ui.dialog().getByRole('button', { name: 'I have stored it' }).click();
  await expect(ui.dialog()).toHaveCount(0);
  const row = ui.endpointRow(url).filter({ hasText: 'E2E storefront' });
  await expect(row).toContainText('Active');
  await screenshot(page, 'webhooks-en');

  // An order event reaches the demo receiver, which checks the signature and answers 204.
  const order = await placeOrder(await loginToken('admin@demo.local'));
  await row.getByRole('link', { name: url }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(url);
  const delivered = ui.deliveryRows().filter({ hasText: 'Delivered' }).first();
  await ui.untilDeliveries(() => expect(delivered).toBeVisible({ timeout: 1_000 }));
  await expect(delivered).toContainText('order.status_changed');
  await expect(delivered).toContainText('204');
  await delivered.getByRole('button', { name: /Attempts and payload of/ }).click();
  const attempts = page.getByRole('region', { name: 'Attempts' }).first();
  await expect(attempts.getByRole('cell', { name: '204', exact: true })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Payload' }).first()).toContainText(order.number);
  await screenshot(page, 'webhook-endpoint-en');

  // Redeliver: the same webhook-id is sent again and answered 204 once more.
  const webhookId = (await delivered.locator('td.mono').innerText()).trim();
  await delivered.getByRole('button', { name: 'Redeliver' }).click();
  await expect(page.getByText(`Delivery ${webhookId} will be sent again`)).toBeVisible();
  const same = ui.deliveryRows().filter({ hasText: webhookId });
  await ui.untilDeliveries(async () => {
    await expect(same).toContainText('Delivered', { timeout: 1_000 });
    await expect(same.locator('td.num').first()).toHaveText('2', { timeout: 1_000 });
  });

  // Pause and resume.
  const header = page.locator('.page-header');
  await header.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByText('Endpoint paused')).toBeVisible();
  await expect(header.getByRole('heading', { level: 1 })).toContainText('Paused');
  await header.getByRole('button', { name: 'Resume' }).click();
  await expect(header.getByRole('heading', { level: 1 })).toContainText('Active');

  // Rotate: confirmed, the new secret shown once; the old one keeps working for 24 hours.
  await header.getByRole('button', { name: 'Rotate secret' }).click();
  await expect(ui.dialog()).toContainText('24 hours');
  await ui.dialog().getByRole('button', { name: 'Rotate secret' }).click();
  await expect(ui.dialog()).toContainText('The new signing secret');
  await expect(ui.dialog().getByTestId('webhook-secret')).toHaveText(/^whsec_\S+$/);
  await expect(ui.dialog()).toContainText('The old secret keeps working for 24 hours');
  await ui.dialog().getByRole('button', { name: 'I have stored it' }).click();
  await expect(page.getByText(/^Valid until /)).toBeVisible();

  // Delete, confirmed: back on the list without it.
  await header.getByRole('button', { name: 'Delete' }).click();
  await ui.dialog().getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByText('Endpoint deleted.')).toBeVisible();
  await expect(page).toHaveURL(/\/webhooks$/);
  await expect(ui.endpointRow(url).filter({ hasText: 'E2E storefront' })).toHaveCount(0);
});

test('notifications: the list shows what customers were told, a row opens the message, and the order page lists its notifications', async ({
  page,
}) => {
  const ui = new NotificationPages(page);
  const order = await placeOrder(await loginToken('admin@demo.local'));
  await signIn(page, 'manager@demo.local');
  await ui.openNotifications();
  // Placing writes "Order received" (and, once it passes review, "Order confirmed") for its customer.
  const row = page
    .getByRole('row')
    .filter({ has: page.getByRole('link', { name: order.number }) })
    .filter({ hasText: 'Order received' });
  await expect(async () => {
    await page.getByRole('button', { name: 'Refresh' }).click();
    await expect(row.first()).toContainText('Sent', { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await screenshot(page, 'notifications-en');

  await row
    .first()
    .getByRole('button', { name: /Show the message/ })
    .click();
  await expect(ui.dialog()).toContainText(order.number);
  await expect(ui.dialog().locator('.message-body')).not.toBeEmpty();
  await screenshot(page, 'notifications-message-en');
  await ui.dialog().getByRole('button', { name: 'Close' }).last().click();

  await row.first().getByRole('link', { name: order.number }).click();
  const section = page.getByRole('region', { name: 'Notifications' });
  await expect(section.getByRole('listitem', { name: 'Order received' })).toContainText('Sent');
  await expect(section.getByRole('listitem', { name: 'Order received' })).toContainText(order.number);
  await section.scrollIntoViewIfNeeded();
  await screenshot(page, 'order-notifications-en');
});

test.describe('in Chinese', () => {
  test.use({ locale: 'zh-CN' });

  test('the notification pages are complete in Chinese', async ({ page }) => {
    const ui = new NotificationPages(page);
    await signIn(page, await newUser('ADMIN'), 'demo-password');
    await ui.openNotifications();
    await expect(page.getByRole('columnheader', { name: '最近错误' })).toBeVisible();
    await screenshot(page, 'notifications-zh');
    await ui.openTemplates();
    await expect(ui.editor('中文').getByText(/没有问题/)).toBeVisible();
    await screenshot(page, 'notifications-templates-zh');
    // An endpoint with a delivery, arranged through the API, for the log in Chinese.
    const admin = await loginToken('admin@demo.local');
    const url = `${baseUrl()}/demo/webhooks/storefront`;
    const created = await gql(
      `mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { endpoint { id } userErrors { code message } } }`,
      { input: { url, description: '商城订单同步（E2E）', eventTypes: ['order.status_changed'] } },
      admin,
    );
    if (!created.createWebhookEndpoint.endpoint)
      throw new Error(JSON.stringify(created.createWebhookEndpoint.userErrors));
    await placeOrder(admin);
    await ui.openWebhooks();
    await expect(ui.endpointRow(url).filter({ hasText: '商城订单同步（E2E）' })).toContainText('启用');
    await screenshot(page, 'webhooks-zh');
    await ui.endpointRow(url).filter({ hasText: '商城订单同步（E2E）' }).getByRole('link', { name: url }).click();
    const delivered = ui.deliveryRows().filter({ hasText: '已送达' }).first();
    await ui.untilDeliveries(() => expect(delivered).toBeVisible({ timeout: 1_000 }));
    await delivered.getByRole('button', { name: /的尝试与内容/ }).click();
    await expect(page.getByRole('region', { name: '尝试记录' }).first()).toContainText('204');
    await screenshot(page, 'webhook-endpoint-zh');
    await page.locator('.page-header').getByRole('button', { name: '删除' }).click();
    await ui.dialog().getByRole('button', { name: '删除' }).click();
    await expect(page).toHaveURL(/\/webhooks$/);

    await page.getByRole('button', { name: '添加端点' }).click();
    await expect(ui.dialog().getByRole('checkbox', { name: /stock\.alert/ })).toBeVisible();
    await screenshot(page, 'webhooks-add-zh');
    await ui.dialog().getByRole('button', { name: '取消' }).click();
    await expect(nav(page).getByRole('link', { name: 'Webhook' })).toBeVisible();
  });
});
