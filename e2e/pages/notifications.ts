import { expect, Page } from '@playwright/test';
import { nav } from './session';

/** The notification pages as a person uses them: notifications, message templates, webhooks and an endpoint's log. */
export class NotificationPages {
  constructor(private readonly page: Page) {}

  async openNotifications() {
    await nav(this.page)
      .getByRole('link', { name: /^(Notifications|客户通知)$/ })
      .click();
    await expect(this.page.getByRole('heading', { level: 1 })).toHaveText(/Notifications|客户通知/);
  }

  async openTemplates() {
    await nav(this.page)
      .getByRole('link', { name: /^(Templates|消息模板)$/ })
      .click();
    await expect(this.page.getByRole('heading', { level: 1 })).toHaveText(/Message templates|消息模板/);
  }

  async openWebhooks() {
    await nav(this.page)
      .getByRole('link', { name: /^(Webhooks|Webhook)$/ })
      .click();
    await expect(this.page.getByRole('heading', { level: 1 })).toHaveText(/Webhooks?/);
  }

  /** Picks an event in the template list. */
  async chooseEvent(name: string) {
    await this.page
      .getByRole('navigation', { name: /Events|事件/ })
      .getByRole('button', { name })
      .click();
    await expect(this.page.getByRole('heading', { level: 2, name })).toBeVisible();
  }

  /** One language's editor on the templates page (its heading names the language, e.g. English). */
  editor(language: string) {
    return this.page.getByRole('region', { name: language, exact: true });
  }

  dialog() {
    return this.page.getByRole('dialog');
  }

  /** The endpoints table's row of a URL. */
  endpointRow(url: string) {
    return this.page.getByRole('row', { name: url });
  }

  /** The delivery log's rows (main rows, not their opened details). */
  deliveryRows() {
    return this.page.locator('tr.delivery-row');
  }

  /** Clicks Refresh on the delivery log until `check` passes (the page also polls every 5 s). */
  async untilDeliveries(check: () => Promise<void>, timeout = 20_000) {
    await expect(async () => {
      await this.page
        .getByRole('region', { name: /Delivery log|投递记录/ })
        .getByRole('button', { name: /^(Refresh|刷新)$/ })
        .click();
      await check();
    }).toPass({ timeout, intervals: [500, 1000, 1000, 2000] });
  }
}
