import nodemailer, { Transporter } from 'nodemailer';
import { logger } from '../../common/logger';

/** What a channel answers for a message it took. */
export interface SentBy {
  /** Who carried it: smtp, log, sms-recorder, in-app … */
  provider: string;
  /** The provider's id of the message, where it gives one. */
  messageId: string | null;
}

/** E-mail to a customer. */
export interface EmailChannel {
  send(to: string, subject: string, text: string): Promise<SentBy>;
  close(): void;
}

/** A text message to a customer's mobile number. Production adapters (Aliyun, Tencent Cloud SMS) implement this. */
export interface SmsChannel {
  send(to: string, text: string): Promise<SentBy>;
}

/** E-mail through an SMTP server (SMTP_URL), with nodemailer's pooled connections. */
export class SmtpEmail implements EmailChannel {
  private readonly transport: Transporter;

  constructor(
    url: string,
    private readonly from: string,
  ) {
    this.transport = nodemailer.createTransport(url.includes('?') ? `${url}&pool=true` : `${url}?pool=true`);
  }

  async send(to: string, subject: string, text: string): Promise<SentBy> {
    const info = await this.transport.sendMail({ from: this.from, to, subject, text });
    return { provider: 'smtp', messageId: info.messageId ?? null };
  }

  close(): void {
    this.transport.close();
  }
}

/** Without SMTP_URL: e-mails are written to the log (and the notification), not sent. */
export class LoggedEmail implements EmailChannel {
  async send(to: string, subject: string): Promise<SentBy> {
    logger.info({ to: to.replace(/^(.).*@/, '$1***@'), subject }, 'e-mail not sent: SMTP_URL is not set');
    return { provider: 'log', messageId: null };
  }

  close(): void {}
}

/** The default SMS channel: records the message (the notification keeps its text); real providers plug in. */
export class RecordingSms implements SmsChannel {
  /** The latest messages, newest last (at most 200), for the demo and tests. */
  readonly sent: { to: string; text: string; at: Date }[] = [];

  async send(to: string, text: string): Promise<SentBy> {
    this.sent.push({ to, text, at: new Date() });
    if (this.sent.length > 200) this.sent.shift();
    return { provider: 'sms-recorder', messageId: null };
  }
}
