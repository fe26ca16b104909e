import { expect, test } from '../fixtures';
import { screenshot, signIn } from '../pages/session';

test.use({ locale: 'zh-CN' });

test('a manager sees after-sales on the overview and satisfaction month by month against the 90 % target', async ({
  page,
}) => {
  await signIn(page, 'manager@demo.local');
  const afterSales = page.getByRole('region', { name: '售后' });
  await expect(afterSales).toBeVisible();
  await expect(afterSales.getByText('临近或已超时的投诉')).toBeVisible();
  await expect(afterSales.getByText('订单差错率')).toBeVisible();
  // The demo's year of answers gives the last 30 days a share, against its target.
  const satisfaction = afterSales.getByRole('link', { name: /客户满意度/ });
  await expect(satisfaction).toContainText(/\d+(\.\d)?%/);
  await expect(satisfaction).toContainText('目标 90%');
  await screenshot(page, 'overview-after-sales-zh');
  await satisfaction.click();

  await expect(page.getByRole('heading', { level: 1, name: '客户满意度' })).toBeVisible();
  const months = page.getByRole('region', { name: '按月' }).locator('tbody tr');
  await expect(months).toHaveCount(12);
  // Near the target, not always above it: some months are marked below.
  await expect(page.getByRole('region', { name: '按月' })).toContainText('低于目标');
  await expect(page.getByRole('region', { name: /最近 50 份调查/ }).locator('tbody tr')).toHaveCount(50);
  await screenshot(page, 'surveys-zh');
});
