import { expect, Page } from '@playwright/test';
import { baseUrl } from '../api';
import { nav } from './session';

/** The purchasing pages as a person uses them: suppliers, purchasing (requirements, orders), receiving. */
export class PurchasingPages {
  constructor(private readonly page: Page) {}

  async openSuppliers() {
    await nav(this.page)
      .getByRole('link', { name: /^(Suppliers|供应商)$/ })
      .click();
    await expect(this.page.getByRole('heading', { level: 1 })).toHaveText(/Suppliers|供应商/);
  }

  async openSupplier(code: string) {
    await this.openSuppliers();
    await this.page.getByLabel(/^(Search|搜索)$/).fill(code);
    await this.page.getByRole('link', { name: code, exact: true }).click();
    await expect(this.page.getByRole('navigation', { name: /Breadcrumb/ })).toContainText(code);
  }

  async openPurchasing(tab?: 'Requirements' | 'Purchase orders' | 'Overdue') {
    await nav(this.page)
      .getByRole('link', { name: /^(Purchasing|采购)$/ })
      .click();
    await expect(this.page.getByRole('heading', { level: 1 })).toHaveText(/Purchasing|采购/);
    if (tab) await this.page.getByRole('tab', { name: tab }).click();
  }

  async openPurchaseOrder(id: string) {
    await this.page.goto(`${baseUrl()}/purchasing/orders/${encodeURIComponent(id)}`);
    await expect(this.page.getByRole('heading', { level: 1 })).toBeVisible();
  }

  /** The status shown next to the purchase order number in the page title. */
  title() {
    return this.page.getByRole('heading', { level: 1 });
  }

  dialog() {
    return this.page.getByRole('dialog');
  }

  async openReceiving() {
    await nav(this.page)
      .getByRole('link', { name: /^(Receiving|收货)$/ })
      .click();
    await expect(this.page.getByRole('heading', { level: 1 })).toHaveText(/Receiving|收货/);
  }

  /** Finds a purchase order by number on the receiving page and opens its receipt form. */
  async pickForReceiving(number: string) {
    await this.page.getByLabel('Number').fill(number);
    await this.page.getByRole('link', { name: number, exact: true }).click();
    await expect(this.page.getByRole('heading', { level: 1 })).toContainText(`Receive ${number}`);
  }

  /** Enters one line of a receipt by the SKU's labelled inputs. */
  async enterReceiptLine(sku: string, line: { received: number; accepted: number; rejected: number; reason?: string }) {
    await this.page.getByLabel(`Received of ${sku}`).fill(String(line.received));
    await this.page.getByLabel(`Rejected of ${sku}`).fill(String(line.rejected));
    await this.page.getByLabel(`Accepted of ${sku}`).fill(String(line.accepted));
    if (line.reason) await this.page.getByLabel(`Rejection reason for ${sku}`).selectOption({ label: line.reason });
  }
}
