import { expect, test } from '../fixtures';
import { gql, loginToken, placeOrder } from '../api';
import { nav, screenshot, signIn } from '../pages/session';

test.use({ locale: 'en-US' });

test('customer service approves a held order from the review queue', async ({ page }) => {
  const admin = await loginToken('admin@demo.local');
  const held = await placeOrder(admin, { paid: false });
  expect(held.status).toBe('PENDING_REVIEW');

  await signIn(page, 'service@demo.local');
  await nav(page).getByRole('link', { name: 'Review queue' }).click();
  const row = page.getByRole('row').filter({ hasText: held.number });
  await expect(row).toBeVisible();
  await expect(row.getByText('Payment pending').first()).toBeVisible();
  await screenshot(page, 'review-queue');
  await row.getByRole('button', { name: 'Approve' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText(held.number);
  await dialog.getByRole('button', { name: 'Approve' }).click();
  await expect(page.getByText(`Order ${held.number} approved`)).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: held.number })).toHaveCount(0);

  const after = await gql(`query($n: String!) { orderByNumber(number: $n) { status } }`, { n: held.number }, admin);
  expect(after.orderByNumber.status).toBe('ALLOCATED');
});
