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

  /** Fills the supplier form's fields that are given (regions are ticked, the others replaced). */
  async fillSupplierForm(values: {
    code?: string;
    name?: string;
    contactName?: string;
    phone?: string;
    email?: string;
    address?: string;
    regions?: string[];
    status?: string;
    statusReason?: string;
  }) {
    const d = this.dialog();
    const text: [string, string | undefined][] = [
      ['Code', values.code],
      ['Company name', values.name],
      ['Contact person', values.contactName],
      ['Phone', values.phone],
      ['E-mail', values.email],
      ['Address', values.address],
    ];
    for (const [label, value] of text)
      if (value !== undefined) await d.getByRole('textbox', { name: label, exact: true }).fill(value);
    for (const region of values.regions ?? []) await d.getByRole('checkbox', { name: region, exact: true }).check();
    if (values.status)
      await d.getByRole('combobox', { name: 'Status', exact: true }).selectOption({ label: values.status });
    if (values.statusReason !== undefined)
      await d.getByRole('textbox', { name: 'Reason for the status' }).fill(values.statusReason);
  }

  /** Fills the offer form; picks the product by SKU when the dialog offers a picker. */
  async fillOfferForm(offer: {
    sku?: string;
    unitPrice: string;
    leadTimeDays: number;
    minOrderQty?: number;
    packMultiple?: number;
  }) {
    const d = this.dialog();
    if (offer.sku) {
      await d.getByRole('combobox', { name: 'Product' }).fill(offer.sku);
      await d
        .getByRole('option', { name: new RegExp(offer.sku) })
        .first()
        .click();
      await expect(d.getByText(offer.sku, { exact: true })).toBeVisible();
    }
    await d.getByLabel('Unit price (¥)').fill(offer.unitPrice);
    await d.getByLabel('Lead time (days)').fill(String(offer.leadTimeDays));
    if (offer.minOrderQty) await d.getByLabel('Minimum order').fill(String(offer.minOrderQty));
    if (offer.packMultiple) await d.getByLabel('Pack multiple').fill(String(offer.packMultiple));
  }

  /** The row of an offer on the supplier page. */
  offerRow(sku: string) {
    return this.page
      .getByRole('region', { name: 'Offers' })
      .getByRole('row')
      .filter({ has: this.page.getByText(sku, { exact: true }) });
  }
}
