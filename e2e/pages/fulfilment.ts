import { expect, Page } from '@playwright/test';
import { baseUrl } from '../api';
import { screenshot } from './session';

/** The warehouse pages as the floor uses them: order → pick list → check & pack → ship. */
export class WarehousePages {
  constructor(private readonly page: Page) {}

  title() {
    return this.page.getByRole('heading', { level: 1 });
  }

  dialog() {
    return this.page.getByRole('dialog');
  }

  async openWarehouse(tab?: 'Pick lists' | 'Check & pack' | 'Ready to ship' | 'Shipped') {
    await this.page
      .getByRole('navigation', { name: /^(Main navigation|主导航)$/ })
      .getByRole('link', { name: /^(Warehouse|仓库作业)$/ })
      .click();
    await expect(this.title()).toHaveText(/Warehouse|仓库作业/);
    if (tab) await this.page.getByRole('tab', { name: tab }).click();
  }

  async openOrder(number: string) {
    await this.page.goto(`${baseUrl()}/orders/${encodeURIComponent(number)}`);
    await expect(this.title()).toContainText(number);
  }

  /** The order page's section of its parts on the floor. */
  orderShipments() {
    return this.page.getByRole('region', { name: /^(Shipments|发货单)$/ });
  }

  /** On the order page: puts the order on a pick list of its own and follows to it. */
  async createPickListForOrder() {
    await this.page.getByRole('button', { name: /Create pick list for this order/ }).click();
    await expect(this.page).toHaveURL(/\/warehouse\/pick-lists\//);
    await expect(this.title()).toContainText(/PL-\d+/);
  }

  async openPickList(id: string) {
    await this.page.goto(`${baseUrl()}/warehouse/pick-lists/${encodeURIComponent(id)}`);
    await expect(this.title()).toContainText(/PL-\d+/);
  }

  scanner() {
    return this.page.getByLabel('Scan or type a SKU');
  }

  scanMessage() {
    return this.page
      .getByRole('status')
      .filter({ has: this.page.locator('.scan-message span') })
      .first();
  }

  /** Types a code into the focused scanner and presses Enter, as a barcode scanner does, `times` times. */
  async scan(code: string, times = 1) {
    for (let i = 0; i < times; i++) {
      await expect(this.scanner()).toBeFocused();
      await this.page.keyboard.type(code);
      await this.page.keyboard.press('Enter');
    }
  }

  /** The row of a stop on the pick list. */
  stop(sku: string) {
    return this.page.getByRole('row').filter({ has: this.page.getByText(sku, { exact: true }) });
  }

  async record(sku: string) {
    await this.page.getByRole('button', { name: `Record ${sku}` }).click();
  }

  async completeList() {
    await this.page.getByRole('group', { name: 'Actions' }).getByRole('button', { name: 'Complete' }).click();
    await this.dialog().getByRole('button', { name: 'Complete' }).click();
    await expect(this.report()).toBeVisible();
  }

  report() {
    return this.page.getByRole('region', { name: /what became of each order/ });
  }

  async openShipment(id: string) {
    await this.page.goto(`${baseUrl()}/warehouse/shipments/${encodeURIComponent(id)}`);
    await expect(this.title()).toContainText(/SH-\d+/);
  }

  /** Adds counted units at the check: the SKU scanned or typed, with a quantity. */
  async count(sku: string, quantity: number) {
    await this.page.getByLabel('SKU', { exact: true }).fill(sku);
    await this.page.getByLabel('Quantity', { exact: true }).fill(String(quantity));
    await this.page.getByLabel('SKU', { exact: true }).press('Enter');
  }

  async check() {
    await this.page.getByRole('button', { name: 'Check', exact: true }).click();
  }

  /** Enters each proposed package's weight from "the scale" (its expected weight, at least `min` grams). */
  async weighPackages(min = 500) {
    const inputs = this.page.getByLabel(/^Weight of package \d+ in grams$/);
    const n = await inputs.count();
    for (let i = 0; i < n; i++) {
      const input = inputs.nth(i);
      const expected = Number((await input.getAttribute('placeholder')) ?? '0');
      await input.fill(String(Math.max(expected, min)));
    }
    return n;
  }

  async pack() {
    await this.page.getByRole('button', { name: 'Pack', exact: true }).click();
  }

  /**
   * Ships the packed shipment on its page with the carrier chosen by the platform, after the dialog
   * showed the carriers ranked; returns the name of the carrier it said is best.
   */
  async shipWithBestCarrier(): Promise<string> {
    await this.page.getByRole('button', { name: 'Ship', exact: true }).click();
    await expect(this.dialog().getByLabel('Carrier', { exact: true })).toHaveValue('');
    await expect(this.dialog().getByRole('table', { name: 'Carriers ranked for this shipment' })).toBeVisible();
    const best = this.dialog().getByRole('option', { name: /^Best for this shipment: / });
    await expect(best).toHaveCount(1);
    const name = ((await best.textContent()) ?? '').replace('Best for this shipment: ', '').trim();
    await screenshot(this.page, 'warehouse-ship-dialog');
    await this.dialog().getByRole('button', { name: 'Hand over to the carrier' }).click();
    return name;
  }
}
