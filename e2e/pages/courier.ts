import { expect, Page } from '@playwright/test';
import { baseUrl } from '../api';
import { PASSWORD } from './session';

/** The courier's phone page (/courier), as a courier uses it with a finger. */
export class CourierPages {
  constructor(private readonly page: Page) {}

  /** Signs in through the login page; a courier lands on its phone page, not the office overview. */
  async signIn(email = 'courier@demo.local') {
    await this.page.goto(`${baseUrl()}/login`);
    await this.page.getByLabel(/E-mail|邮箱|电子邮件/).fill(email);
    await this.page.getByLabel(/Password|密码/).fill(PASSWORD);
    await this.page.getByRole('button', { name: /Sign in|登录/ }).click();
    await expect(this.page).toHaveURL(/\/courier$/);
    await expect(this.page.getByRole('heading', { level: 1 })).toHaveText(/My deliveries|我的配送/);
  }

  run(number: string) {
    return this.page.getByRole('region', { name: new RegExp(number) });
  }

  stop(deliveryNumber: string) {
    return this.page.getByRole('listitem', { name: new RegExp(deliveryNumber) });
  }

  gpsStatus() {
    return this.page.getByTestId('gps-status');
  }

  dialog() {
    return this.page.getByRole('dialog');
  }

  async startRun(number: string) {
    await this.run(number)
      .getByRole('button', { name: /Start run|开始配送/ })
      .click();
    await expect(this.run(number).getByRole('button', { name: /Start run|开始配送/ })).toHaveCount(0);
  }

  async openDelivered(deliveryNumber: string) {
    await this.stop(deliveryNumber)
      .getByRole('button', { name: /^(Delivered|已送达)$/ })
      .click();
    await expect(this.dialog()).toBeVisible();
  }

  /** A signature drawn with the mouse: one wavy stroke across the field. */
  async drawSignature() {
    const box = await this.page.getByTestId('signature-canvas').boundingBox();
    if (!box) throw new Error('signature field not visible');
    const y = box.y + box.height / 2;
    await this.page.mouse.move(box.x + 20, y);
    await this.page.mouse.down();
    for (let i = 1; i <= 24; i++) {
      await this.page.mouse.move(box.x + 20 + i * ((box.width - 40) / 24), y - Math.sin(i / 2) * box.height * 0.3);
    }
    await this.page.mouse.up();
  }

  async confirmDelivery() {
    await this.dialog()
      .getByRole('button', { name: /Confirm delivery|确认送达/ })
      .click();
    await expect(this.dialog()).toBeHidden();
  }
}

/** The customer's public tracking link (/track/<token>). */
export class TrackingPages {
  constructor(readonly page: Page) {}

  async open(token: string) {
    await this.page.goto(`${baseUrl()}/track/${encodeURIComponent(token)}`);
    await expect(this.page.getByRole('heading', { level: 1 })).toHaveText(/Track your delivery|配送跟踪/);
  }

  status() {
    return this.page.getByTestId('tracking-status');
  }

  async rate(stars: number, comment: string) {
    const star = this.page.getByRole('radio', { name: new RegExp(`^(${stars} of 5 stars|${stars} 星)`) });
    await star.locator('xpath=..').click();
    await expect(star).toBeChecked();
    await this.page.getByLabel(/Comment|评价内容/).fill(comment);
    await this.page.getByRole('button', { name: /Send rating|提交评价/ }).click();
  }
}
