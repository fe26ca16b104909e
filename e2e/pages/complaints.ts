import { expect, Page } from '@playwright/test';
import { nav } from './session';

/** The complaint pages as an agent uses them: the queue, the Open complaint dialog and a complaint's page. */
export class ComplaintPages {
  constructor(private readonly page: Page) {}

  async openQueue() {
    await nav(this.page)
      .getByRole('link', { name: /^(Complaints|客户投诉)$/ })
      .first() // the sidebar's (a complaint page's breadcrumb names the queue too)
      .click();
    await expect(this.page.getByRole('heading', { level: 1 })).toHaveText(/Complaints|客户投诉/);
  }

  /** The queue's row of a complaint (by its number). */
  row(number: string) {
    return this.page.getByRole('row', { name: number });
  }

  /** Chooses a value in one of the queue's filters, by its label. */
  async filter(label: string | RegExp, option: string) {
    await this.page
      .getByRole('region', { name: /Complaint filters|投诉筛选/ })
      .getByLabel(label)
      .selectOption({ label: option });
  }

  dialog() {
    return this.page.getByRole('dialog');
  }

  /** Fills the Open complaint dialog about an order and submits it; lands on the new complaint's page. */
  async openAbout(orderNumber: string, category: string, description: string, onFilled?: () => Promise<void>) {
    await this.page.getByRole('button', { name: /^(Open complaint|登记投诉)$/ }).click();
    const d = this.dialog();
    await d.getByLabel(/Order number|订单号/).fill(orderNumber);
    await d.getByLabel(/Category|类别/).selectOption({ label: category });
    await d.getByLabel(/What the customer says|客户反映的问题/).fill(description);
    await onFilled?.();
    await d.getByRole('button', { name: /^(Open complaint|登记投诉)$/ }).click();
    await expect(d).toBeHidden();
    await expect(this.page.getByRole('heading', { level: 1 })).toContainText('CP-');
    return (await this.page.getByRole('heading', { level: 1 }).locator('.mono').innerText()).trim();
  }

  /** The complaint page's title: number, status and priority. */
  title() {
    return this.page.getByRole('heading', { level: 1 });
  }

  /** The complaint page's SLA clock. */
  clock() {
    return this.page.getByRole('region', { name: /SLA clock|时效计时/ });
  }

  async act(name: string | RegExp) {
    await this.page.getByRole('button', { name, exact: typeof name === 'string' }).click();
  }

  history() {
    return this.page.getByRole('list', { name: /Complaint history|投诉处理记录/ });
  }
}
