import { expect, test } from '../fixtures';
import { loginToken, placeOrder } from '../api';
import { nav, screenshot, signIn } from '../pages/session';

test.use({ locale: 'en-US' });

test('an order placed through the API appears in the orders table and the live feed without reload', async ({
  page,
}) => {
  await signIn(page, 'manager@demo.local');
  await nav(page).getByRole('link', { name: 'Orders' }).click();
  await expect(page.getByRole('link', { name: /^SO\d{8}-\d{6}$/ }).first()).toBeVisible();
  await expect(page.getByText('Live', { exact: true }).first()).toBeVisible();
  const loads: string[] = [];
  page.on('framenavigated', (f) => f === page.mainFrame() && loads.push(f.url()));

  const order = await placeOrder(await loginToken('admin@demo.local'));
  await expect(page.getByRole('link', { name: order.number })).toBeVisible();
  await screenshot(page, 'live-orders-new-row');

  await nav(page).getByRole('link', { name: 'Overview' }).click();
  const second = await placeOrder(await loginToken('admin@demo.local'));
  await expect(page.getByText(second.number).first()).toBeVisible();
  await screenshot(page, 'live-overview-feed');
  expect(loads.filter((u) => u.includes('/login'))).toEqual([]);
});
