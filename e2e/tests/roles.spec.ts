import { expect, Page, test } from '../fixtures';
import { CourierPages } from '../pages/courier';
import { expectAccessible, nav, screenshot, signIn } from '../pages/session';

test.use({ locale: 'en-US' });

const ROLES = [
  { email: 'manager@demo.local', sees: ['Overview', 'Orders', 'Review queue', 'Stock'], hidden: [] },
  { email: 'service@demo.local', sees: ['Overview', 'Orders', 'Review queue', 'Stock'], hidden: [] },
  { email: 'warehouse@demo.local', sees: ['Overview', 'Orders', 'Stock'], hidden: ['Review queue'] },
  { email: 'dispatcher@demo.local', sees: ['Overview', 'Orders', 'Stock'], hidden: ['Review queue'] },
  { email: 'purchasing@demo.local', sees: ['Overview', 'Orders', 'Stock'], hidden: ['Review queue'] },
  { email: 'admin@demo.local', sees: ['Overview', 'Orders', 'Review queue', 'Stock'], hidden: [] },
];

for (const role of ROLES) {
  test(`${role.email} sees only what the role may use`, async ({ page }) => {
    await signIn(page, role.email);
    for (const name of role.sees) await expect(nav(page).getByRole('link', { name })).toBeVisible();
    for (const name of role.hidden) await expect(nav(page).getByRole('link', { name })).toHaveCount(0);
    await screenshot(page, `home-${role.email.split('@')[0]}`);
  });
}

test('courier@demo.local lands on the phone page and sees no office navigation', async ({ page }) => {
  await new CourierPages(page).signIn('courier@demo.local');
  await expect(page.getByRole('navigation')).toHaveCount(0);
  await page.goto(`${process.env.E2E_BASE_URL}/`);
  await expect(page).toHaveURL(/\/courier$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/My deliveries|我的配送/);
  await screenshot(page, 'home-courier');
});

test('warehouse staff see customers masked and no order actions; a direct link to the review queue is refused', async ({
  page,
}) => {
  await signIn(page, 'warehouse@demo.local');
  await nav(page).getByRole('link', { name: 'Orders' }).click();
  const firstOrder = page.getByRole('link', { name: /^SO\d{8}-\d{6}$/ }).first();
  await expect(firstOrder).toBeVisible();
  await firstOrder.click();
  await expect(page.getByText('Masked', { exact: true }).first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Cancel order' })).toHaveCount(0);
  await screenshot(page, 'order-page-warehouse');
  await page.goto(page.url().replace(/\/orders\/.*$/, '/review'));
  await expect(page.getByText(/do not have permission/i).first()).toBeVisible();
});

// One test per page: axe takes up to ~20 s on a page with a 100-row table on this hardware.
const PAGES: { name: string; open: (page: Page) => Promise<void> }[] = [
  { name: 'overview', open: (page) => nav(page).getByRole('link', { name: 'Overview' }).click() },
  { name: 'orders', open: (page) => nav(page).getByRole('link', { name: 'Orders' }).click() },
  { name: 'review', open: (page) => nav(page).getByRole('link', { name: 'Review queue' }).click() },
  { name: 'stock', open: (page) => nav(page).getByRole('link', { name: 'Stock' }).click() },
  {
    name: 'order',
    open: async (page) => {
      await nav(page).getByRole('link', { name: 'Orders' }).click();
      await page
        .getByRole('link', { name: /^SO\d{8}-\d{6}$/ })
        .first()
        .click();
      await expect(page.getByRole('heading', { name: 'History' })).toBeVisible();
    },
  },
  {
    name: 'stock-level',
    open: async (page) => {
      await nav(page).getByRole('link', { name: 'Stock' }).click();
      await page
        .getByRole('link', { name: /^[A-Z]{3}-\d{4}$/ })
        .first()
        .click();
      await expect(page.getByRole('heading', { name: 'Adjust or count' })).toBeVisible();
    },
  },
];

for (const target of PAGES) {
  test(`the ${target.name} page has no critical accessibility violations`, async ({ page }) => {
    test.setTimeout(120_000);
    await signIn(page, 'manager@demo.local');
    await target.open(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
    await expectAccessible(page);
    await screenshot(page, `page-${target.name}-en`);
  });
}

test('the login page is accessible', async ({ page }) => {
  await page.goto(`${process.env.E2E_BASE_URL}/login`);
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, 'page-login-en');
});
