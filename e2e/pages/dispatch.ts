import { expect, Page } from '@playwright/test';
import { baseUrl } from '../api';

/** The dispatch pages as a dispatcher uses them: the city board with its live map, and a run's page. */
export class DispatchPages {
  constructor(private readonly page: Page) {}

  title() {
    return this.page.getByRole('heading', { level: 1 });
  }

  dialog() {
    return this.page.getByRole('dialog');
  }

  async openDispatch(city: string) {
    await this.page.goto(`${baseUrl()}/dispatch?city=${encodeURIComponent(city)}`);
    await expect(this.title()).toHaveText(/Dispatch|配送调度/);
    await expect(this.page.getByRole('button', { name: city, pressed: true })).toBeVisible();
  }

  courierMarker(code: string) {
    return this.page.locator(`[data-testid="courier-${code}"]`);
  }

  /** Where the map draws the courier now. */
  async markerPosition(code: string) {
    const marker = this.courierMarker(code);
    await expect(marker).toHaveAttribute('data-lat', /\d/);
    return {
      lat: Number(await marker.getAttribute('data-lat')),
      lng: Number(await marker.getAttribute('data-lng')),
    };
  }

  async openRun(id: string, number: string) {
    await this.page.goto(`${baseUrl()}/dispatch/runs/${encodeURIComponent(id)}`);
    await expect(this.title()).toContainText(number);
  }

  runCourier() {
    return this.page.getByTestId('run-courier');
  }

  history() {
    return this.page.getByRole('region', { name: /^(History|线路记录)$/ });
  }

  /** Opens the assign dialog, picks the courier by "code name", gives the reason and assigns. */
  async assignCourier(courier: string, reason: string) {
    await this.page.getByRole('button', { name: /^(Assign courier|分配骑手)$/ }).click();
    const dialog = this.dialog();
    await expect(dialog).toBeVisible();
    await dialog.getByRole('radio', { name: courier, exact: true }).check();
    await dialog.getByLabel(/^(Reason|原因)$/).fill(reason);
    await dialog.getByRole('button', { name: /^(Assign|分配)$/ }).click();
    await expect(dialog).toBeHidden();
  }
}
