import type { DataSource } from 'typeorm';
import {
  backoffDelayMs,
  CUSTOMER_HOLD_TEXT,
  DEFAULT_TEMPLATES,
  MessageTemplate,
  NOTIFICATION_RETRY_DELAYS_S,
  NotificationChannel,
  NotificationEvent,
  NotificationLocale,
  renderTemplate,
} from '@fulfilment/domain';
import { queryPreparedOnPool } from '../../common/prepared';
import { channelOf } from '../../live/topics';
import type { EmailChannel, SentBy, SmsChannel } from './channels';
import type { OutboxWork } from './outbox-dispatcher';

/** A claimed notification with everything needed to write and send it. */
interface Claimed {
  id: string;
  event: NotificationEvent;
  channel: NotificationChannel;
  locale: NotificationLocale;
  attempts: number;
  facts: Record<string, string>;
  customer_id: string;
  order_id: string | null;
  customer_name: string;
  phone: string;
  email: string | null;
  order_number: string | null;
  total_fen: number | null;
  promised_by: Date | null;
  carrier: string | null;
  tracking_number: string | null;
  tracking_token: string | null;
  eta: Date | null;
  delivered_at: Date | null;
  window_start: Date | null;
  window_end: Date | null;
}

const CLAIM = `
  WITH due AS (
    SELECT id FROM notification
     WHERE status IN ('PENDING', 'RETRYING') AND next_attempt_at <= now() AND (claimed_until IS NULL OR claimed_until < now())
     ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED),
  claimed AS (
    UPDATE notification n SET claimed_until = now() + make_interval(secs => $2), attempts = n.attempts + 1
      FROM due WHERE n.id = due.id RETURNING n.*)
  SELECT n.id, n.event, n.channel, n.locale, n.attempts, n.facts, n.customer_id, n.order_id,
         c.name AS customer_name, c.phone, c.email, o.number AS order_number, o.total_fen, o.promised_by,
         s.carrier, s.tracking_number, d.tracking_token, d.eta, d.delivered_at, d.window_start, d.window_end
    FROM claimed n
    JOIN customer c ON c.id = n.customer_id
    LEFT JOIN orders o ON o.id = n.order_id
    LEFT JOIN LATERAL (
      SELECT k.name AS carrier, s.tracking_number FROM shipment s LEFT JOIN carrier k ON k.id = s.carrier_id
       WHERE s.order_id = o.id AND s.shipped_at IS NOT NULL ORDER BY s.shipped_at DESC LIMIT 1) s ON true
    LEFT JOIN LATERAL (
      SELECT d.tracking_token, d.eta, d.delivered_at, d.window_start, d.window_end FROM delivery d
       WHERE d.order_id = o.id ORDER BY d.created_at DESC LIMIT 1) d ON true`;

const RECORD = `
  WITH saved AS (
    UPDATE notification SET status = $2, channel = $3, recipient = $4, subject = $5, body = $6, provider = $7,
           provider_message_id = $8, last_error = $9, sent_at = CASE WHEN $2 = 'SENT' THEN now() END,
           next_attempt_at = coalesce($10, next_attempt_at), claimed_until = NULL
     WHERE id = $1 RETURNING id, customer_id, order_id, event, subject, body, sent_at, channel, status)
  SELECT pg_notify($11, json_build_object('id', id, 'customerId', customer_id, 'orderId', order_id, 'event', event,
           'subject', subject, 'body', body,
           'sentAt', to_char(sent_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))::text)
    FROM saved WHERE channel = 'IN_APP' AND status = 'SENT'`;

/** Exception reasons as the customer reads them. */
const EXCEPTION_TEXT: Record<NotificationLocale, Record<string, string>> = {
  'zh-CN': {
    ACCIDENT: '配送途中发生意外',
    CONGESTION: '道路严重拥堵',
    BLOCKED_AREA: '所在区域暂时无法配送',
    BAD_WEATHER: '恶劣天气',
    DAMAGED_GOODS: '商品在途中受损',
    WRONG_ADDRESS: '地址无法找到',
    CUSTOMER_ABSENT: '收件人不在',
  },
  en: {
    ACCIDENT: 'an accident on the way',
    CONGESTION: 'heavy traffic',
    BLOCKED_AREA: 'deliveries to your area are paused',
    BAD_WEATHER: 'bad weather',
    DAMAGED_GOODS: 'the goods were damaged on the way',
    WRONG_ADDRESS: 'the address could not be found',
    CUSTOMER_ABSENT: 'nobody was there to receive it',
  },
};

/** Complaint outcomes as the customer reads them. */
const OUTCOME_TEXT: Record<NotificationLocale, Record<string, string>> = {
  'zh-CN': {
    REFUND: '为您退款',
    EXCHANGE: '为您换货',
    REDELIVERY: '为您重新配送',
    COMPENSATION: '给予补偿',
    EXPLANATION: '情况说明',
  },
  en: {
    REFUND: 'a refund',
    EXCHANGE: 'an exchange',
    REDELIVERY: 'a new delivery',
    COMPENSATION: 'compensation',
    EXPLANATION: 'an explanation',
  },
};

export interface NotificationSenderOptions {
  email: EmailChannel;
  sms: SmsChannel;
  publicUrl: string;
  /** Multiplies the retry delays (tests). */
  retryScale: number;
  leaseSeconds: number;
}

/** Customer notifications as outbox work: claim due ones, fill in their facts, render, send, record. */
export class NotificationSender implements OutboxWork<Claimed> {
  readonly name = 'notifications';
  private templates = new Map<string, MessageTemplate>();
  private templatesRead = 0;

  constructor(
    private readonly ds: DataSource,
    private readonly opts: NotificationSenderOptions,
  ) {}

  async claim(limit: number): Promise<Claimed[]> {
    const rows = await queryPreparedOnPool<Claimed>(this.ds, CLAIM, [limit, this.opts.leaseSeconds]);
    if (rows.length && Date.now() - this.templatesRead > 2000) await this.readTemplates();
    return rows;
  }

  /** Templates managers changed (the rest are the defaults); read again at most every 2 s while sending. */
  private async readTemplates(): Promise<void> {
    const stored: { event: string; locale: string; subject: string; body: string }[] = await this.ds.query(
      `SELECT event, locale, subject, body FROM notification_template`,
    );
    this.templates = new Map(stored.map((t) => [`${t.event}:${t.locale}`, { subject: t.subject, body: t.body }]));
    this.templatesRead = Date.now();
  }

  async process(n: Claimed): Promise<Date | null> {
    const template = this.templates.get(`${n.event}:${n.locale}`) ?? DEFAULT_TEMPLATES[n.event][n.locale];
    const message = renderTemplate(template, this.factsOf(n));
    // A customer without an e-mail address is told by SMS.
    const channel: NotificationChannel = n.channel === 'EMAIL' && !n.email ? 'SMS' : n.channel;
    const recipient = channel === 'EMAIL' ? n.email! : channel === 'SMS' ? n.phone : n.customer_id;
    let sent: SentBy | null = null;
    let error: string | null = null;
    try {
      sent = await this.send(channel, recipient, message);
    } catch (e) {
      error = (e as Error).message?.slice(0, 500) || 'the channel failed';
    }
    const delay = error ? backoffDelayMs(NOTIFICATION_RETRY_DELAYS_S, n.attempts, Math.random()) : null;
    const next = delay === null ? null : new Date(Date.now() + delay * this.opts.retryScale);
    const status = sent ? 'SENT' : next ? 'RETRYING' : 'FAILED';
    await queryPreparedOnPool(this.ds, RECORD, [
      n.id,
      status,
      channel,
      recipient,
      message.subject,
      message.body,
      sent?.provider ?? null,
      sent?.messageId ?? null,
      error,
      next,
      channelOf('CUSTOMER_NOTIFICATION'),
    ]);
    return next;
  }

  private async send(channel: NotificationChannel, to: string, m: MessageTemplate): Promise<SentBy> {
    if (channel === 'EMAIL') return this.opts.email.send(to, m.subject, m.body);
    if (channel === 'SMS') return this.opts.sms.send(to, m.body);
    // In-app: the RECORD statement publishes it to the customer's app when it commits.
    return { provider: 'in-app', messageId: null };
  }

  async nextDue(): Promise<Date | null> {
    const [row] = await this.ds.query(
      `SELECT min(greatest(next_attempt_at, coalesce(claimed_until, next_attempt_at))) AS at FROM notification
        WHERE status IN ('PENDING', 'RETRYING')`,
    );
    return row?.at ? new Date(row.at) : null;
  }

  /** Every fact a template of the notification's event may use, in the customer's language. */
  factsOf(n: Claimed): Record<string, string> {
    const l = n.locale;
    const time = (d: Date | null) => (d ? formatTime(new Date(d), l) : '');
    const trackingUrl = n.tracking_token ? `${this.opts.publicUrl}/track/${n.tracking_token}` : '';
    const holdReasons = (n.facts.holdReasons ?? '').split(',').filter(Boolean);
    const reason =
      n.event === 'ORDER_HELD'
        ? holdReasons
            .map((r) => CUSTOMER_HOLD_TEXT[l][r])
            .filter(Boolean)
            .join(l === 'en' ? '; ' : ';')
        : n.facts.exceptionReason
          ? (EXCEPTION_TEXT[l][n.facts.exceptionReason] ?? n.facts.exceptionReason)
          : (n.facts.reason ?? '');
    return {
      ...n.facts,
      customerName: n.customer_name,
      orderNumber: n.order_number ?? '',
      total: n.total_fen === null ? '' : `¥${(Number(n.total_fen) / 100).toFixed(2)}`,
      promisedBy: time(n.promised_by),
      reason,
      carrier: n.carrier ?? '',
      trackingNumber: n.tracking_number ?? '',
      eta: time(n.eta ?? n.window_end),
      deliveredAt: time(n.delivered_at),
      window: n.window_start && n.window_end ? `${time(n.window_start)}–${formatClock(new Date(n.window_end))}` : '',
      trackingUrl,
      surveyUrl: n.facts.surveyToken ? `${this.opts.publicUrl}/survey/${n.facts.surveyToken}` : trackingUrl,
      resolveBy: n.facts.resolveBy ? time(new Date(n.facts.resolveBy)) : '',
      outcome: n.facts.outcome
        ? (OUTCOME_TEXT[l][n.facts.outcome] ?? n.facts.outcome) + (n.facts.reason ? ` (${n.facts.reason})` : '')
        : '',
    };
  }
}

const FORMATS: Record<NotificationLocale, Intl.DateTimeFormat> = {
  'zh-CN': new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai',
    month: 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }),
  en: new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Shanghai',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }),
};
const CLOCK = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Shanghai',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

/** A time in Shanghai as customers read it: 12月7日 14:30, 7 Dec 14:30. */
export function formatTime(d: Date, locale: NotificationLocale): string {
  return FORMATS[locale].format(d);
}

function formatClock(d: Date): string {
  return CLOCK.format(d);
}
