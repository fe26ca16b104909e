import { expect, test as base } from '@playwright/test';

/**
 * The test every e2e spec uses: Playwright's, plus a check that the page met no Content-Security-Policy
 * violation (the API serves the dashboard with a strict policy, http/security-headers.ts). Chromium
 * reports each refused script, style, image or connection on the console.
 */
export const test = base.extend<{ contentSecurityPolicyViolations: string[] }>({
  contentSecurityPolicyViolations: [
    async ({ page }, use) => {
      const violations: string[] = [];
      page.on('console', (message) => {
        if (/Content[- ]Security[- ]Policy/i.test(message.text())) violations.push(message.text());
      });
      await use(violations);
      expect(violations, 'Content-Security-Policy violations in the browser console').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
export type { Page } from '@playwright/test';
