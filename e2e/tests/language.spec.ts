import { expect, test } from '../fixtures';
import { gql, loginToken } from '../api';
import { nav, screenshot, signIn } from '../pages/session';

/** A user of its own, so the language it keeps does not leak into other tests. */
async function newDispatcher(): Promise<string> {
  const email = `lang-${Date.now()}@demo.local`;
  const r = await gql(
    `mutation($input: CreateUserInput!) { createUser(input: $input) { userErrors { code } } }`,
    {
      input: { email, name: '调度 孙悦', role: 'DISPATCHER', password: 'demo-password' },
    },
    await loginToken('admin@demo.local'),
  );
  if (r.createUser.userErrors.length) throw new Error(JSON.stringify(r.createUser.userErrors));
  return email;
}

test.describe('in a Chinese browser', () => {
  test.use({ locale: 'zh-CN' });

  test('shows Chinese first, switches to English and back, and remembers the choice for the user', async ({
    page,
    browser,
  }) => {
    test.setTimeout(180_000);
    const email = await newDispatcher();
    await signIn(page, email, 'demo-password');
    await expect(nav(page).getByRole('link', { name: '订单' })).toBeVisible();
    for (const [label, name] of [
      ['概览', 'overview'],
      ['订单', 'orders'],
      ['库存', 'stock'],
    ] as const) {
      await nav(page).getByRole('link', { name: label }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
      await screenshot(page, `page-${name}-zh`);
    }
    const saved = page.waitForResponse(
      (r) => r.url().endsWith('/graphql') && (r.request().postData() ?? '').includes('updateMyPreferences'),
    );
    await page.getByRole('button', { name: 'English' }).click();
    await expect(nav(page).getByRole('link', { name: 'Orders' })).toBeVisible();
    await saved;

    // The choice belongs to the user: a new browser (Chinese by default) opens in English after sign-in.
    const other = await browser.newContext({ locale: 'zh-CN' });
    const page2 = await other.newPage();
    await signIn(page2, email, 'demo-password');
    await expect(nav(page2).getByRole('link', { name: 'Orders' })).toBeVisible();
    await page2.getByRole('button', { name: '简体中文' }).click();
    await expect(nav(page2).getByRole('link', { name: '订单' })).toBeVisible();
    await other.close();
  });
});
