import { expect, Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import fs from 'node:fs';
import path from 'node:path';
import { baseUrl } from '../api';

export const PASSWORD = 'demo';

/** Signs in through the login page, as a person would. */
export async function signIn(page: Page, email: string, password = PASSWORD) {
  await page.goto(`${baseUrl()}/login`);
  await page.getByLabel(/E-mail|邮箱|电子邮件/).fill(email);
  await page.getByLabel(/Password|密码/).fill(password);
  await page.getByRole('button', { name: /Sign in|登录/ }).click();
  await expect(page.getByRole('navigation')).toBeVisible();
}

export function nav(page: Page) {
  return page.getByRole('navigation');
}

const SHOTS = path.resolve(__dirname, '../../test-results/screenshots');

/** Saves a screenshot of what a person sees (1280×800) as a test artifact (test-results/screenshots/<name>.png). */
export async function screenshot(page: Page, name: string) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}

/** No critical accessibility violations on the page as it is now. */
export async function expectAccessible(page: Page) {
  const result = await new AxeBuilder({ page }).analyze();
  const critical = result.violations.filter((v) => v.impact === 'critical');
  expect(critical.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}
