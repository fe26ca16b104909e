/** The customer-facing moments a customer is told about, by their preferred channel. */
export const NOTIFICATION_EVENTS = [
  'ORDER_RECEIVED',
  'ORDER_CONFIRMED',
  'ORDER_HELD',
  'ORDER_CANCELLED',
  'ORDER_SHIPPED',
  'OUT_FOR_DELIVERY',
  'DELIVERED',
  'DELIVERY_EXCEPTION',
  'DELIVERY_RESCHEDULED',
  'COMPLAINT_ACKNOWLEDGED',
  'COMPLAINT_RESOLVED',
  'RETURN_APPROVED',
  'RETURN_REJECTED',
  'REFUND_MADE',
  'STORE_CREDIT_GRANTED',
  'EXCHANGE_PLACED',
  'SURVEY_REQUEST',
] as const;
export type NotificationEvent = (typeof NOTIFICATION_EVENTS)[number];

export const NOTIFICATION_CHANNELS = ['SMS', 'EMAIL', 'IN_APP'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

export const NOTIFICATION_LOCALES = ['zh-CN', 'en'] as const;
export type NotificationLocale = (typeof NOTIFICATION_LOCALES)[number];

/** A template: the subject (e-mail, in-app title) and the body with {{placeholders}}. */
export interface MessageTemplate {
  subject: string;
  body: string;
}

/** Placeholders every event's facts carry, and those of some events. */
const COMMON = ['customerName', 'orderNumber'] as const;
export const PLACEHOLDERS: Readonly<Record<NotificationEvent, readonly string[]>> = {
  ORDER_RECEIVED: [...COMMON, 'total'],
  ORDER_CONFIRMED: [...COMMON, 'promisedBy'],
  ORDER_HELD: [...COMMON, 'reason'],
  ORDER_CANCELLED: [...COMMON, 'reason'],
  ORDER_SHIPPED: [...COMMON, 'carrier', 'trackingNumber'],
  OUT_FOR_DELIVERY: [...COMMON, 'eta', 'trackingUrl'],
  DELIVERED: [...COMMON, 'deliveredAt', 'trackingUrl'],
  DELIVERY_EXCEPTION: [...COMMON, 'reason', 'trackingUrl'],
  DELIVERY_RESCHEDULED: [...COMMON, 'window', 'trackingUrl'],
  COMPLAINT_ACKNOWLEDGED: [...COMMON, 'complaintNumber', 'resolveBy'],
  COMPLAINT_RESOLVED: [...COMMON, 'complaintNumber', 'outcome'],
  RETURN_APPROVED: [...COMMON, 'returnNumber'],
  RETURN_REJECTED: [...COMMON, 'returnNumber', 'reason'],
  REFUND_MADE: [...COMMON, 'amount'],
  STORE_CREDIT_GRANTED: [...COMMON, 'amount', 'returnNumber'],
  EXCHANGE_PLACED: [...COMMON, 'returnNumber', 'replacementNumber'],
  SURVEY_REQUEST: [...COMMON, 'surveyUrl'],
};

const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9]*)\s*\}\}/g;

/** The placeholders a text uses, in order of first use. */
export function placeholdersIn(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]))];
}

/**
 * What is wrong with a template a manager wrote for an event, in words (empty: nothing): an empty
 * subject or body, or a placeholder the event's facts do not have.
 */
export function templateProblems(event: NotificationEvent, t: MessageTemplate): string[] {
  const problems: string[] = [];
  if (!t.subject.trim()) problems.push('The subject is empty');
  if (!t.body.trim()) problems.push('The body is empty');
  const known = new Set(PLACEHOLDERS[event]);
  for (const p of placeholdersIn(`${t.subject} ${t.body}`))
    if (!known.has(p))
      problems.push(`{{${p}}} is not a fact of ${event}; use ${PLACEHOLDERS[event].map((x) => `{{${x}}}`).join(', ')}`);
  return problems;
}

/**
 * The message for a customer: every {{placeholder}} replaced by its fact (a fact the caller did not
 * give stays visible as the placeholder, so a gap shows instead of silently reading wrong).
 */
export function renderTemplate(t: MessageTemplate, facts: Readonly<Record<string, string>>): MessageTemplate {
  const fill = (text: string) =>
    text.replace(PLACEHOLDER, (whole, name: string) => (Object.hasOwn(facts, name) ? facts[name] : whole));
  return { subject: fill(t.subject), body: fill(t.body) };
}

/** The templates a fresh platform starts with; managers edit them (zh-CN first). */
export const DEFAULT_TEMPLATES: Readonly<Record<NotificationEvent, Record<NotificationLocale, MessageTemplate>>> = {
  ORDER_RECEIVED: {
    'zh-CN': {
      subject: '订单已收到',
      body: '{{customerName}}您好,您的订单{{orderNumber}}(金额{{total}})已收到,我们正在处理。',
    },
    en: {
      subject: 'Order received',
      body: 'Hello {{customerName}}, we received your order {{orderNumber}} ({{total}}) and are processing it.',
    },
  },
  ORDER_CONFIRMED: {
    'zh-CN': { subject: '订单已确认', body: '您的订单{{orderNumber}}已确认,预计{{promisedBy}}前送达。' },
    en: { subject: 'Order confirmed', body: 'Your order {{orderNumber}} is confirmed and due by {{promisedBy}}.' },
  },
  ORDER_HELD: {
    'zh-CN': { subject: '订单需要确认', body: '您的订单{{orderNumber}}暂缓处理:{{reason}}。客服将尽快与您联系。' },
    en: {
      subject: 'Your order needs a check',
      body: 'Your order {{orderNumber}} is on hold: {{reason}}. Customer service will contact you shortly.',
    },
  },
  ORDER_CANCELLED: {
    'zh-CN': {
      subject: '订单已取消',
      body: '您的订单{{orderNumber}}已取消:{{reason}}。如已付款,款项将退回原支付方式。',
    },
    en: {
      subject: 'Order cancelled',
      body: 'Your order {{orderNumber}} was cancelled: {{reason}}. Any payment goes back to your original payment method.',
    },
  },
  ORDER_SHIPPED: {
    'zh-CN': { subject: '订单已发货', body: '您的订单{{orderNumber}}已由{{carrier}}发出,运单号{{trackingNumber}}。' },
    en: {
      subject: 'Order shipped',
      body: 'Your order {{orderNumber}} left with {{carrier}}, tracking number {{trackingNumber}}.',
    },
  },
  OUT_FOR_DELIVERY: {
    'zh-CN': {
      subject: '快递员正在派送',
      body: '您的订单{{orderNumber}}正在派送中,预计{{eta}}送达。实时查看:{{trackingUrl}}',
    },
    en: {
      subject: 'Out for delivery',
      body: 'Your order {{orderNumber}} is on its way, expected at {{eta}}. Follow it: {{trackingUrl}}',
    },
  },
  DELIVERED: {
    'zh-CN': {
      subject: '订单已送达',
      body: '您的订单{{orderNumber}}已于{{deliveredAt}}送达。欢迎评价本次配送:{{trackingUrl}}',
    },
    en: {
      subject: 'Delivered',
      body: 'Your order {{orderNumber}} was delivered at {{deliveredAt}}. Rate the delivery: {{trackingUrl}}',
    },
  },
  DELIVERY_EXCEPTION: {
    'zh-CN': {
      subject: '配送遇到问题',
      body: '您的订单{{orderNumber}}本次未能送达:{{reason}}。我们将重新安排配送:{{trackingUrl}}',
    },
    en: {
      subject: 'Delivery problem',
      body: 'Your order {{orderNumber}} could not be delivered: {{reason}}. We will arrange it again: {{trackingUrl}}',
    },
  },
  DELIVERY_RESCHEDULED: {
    'zh-CN': { subject: '配送时间已调整', body: '您的订单{{orderNumber}}将于{{window}}送达:{{trackingUrl}}' },
    en: {
      subject: 'New delivery time',
      body: 'Your order {{orderNumber}} will now come {{window}}: {{trackingUrl}}',
    },
  },
  COMPLAINT_ACKNOWLEDGED: {
    'zh-CN': {
      subject: '投诉已受理',
      body: '您的投诉{{complaintNumber}}(订单{{orderNumber}})已受理,我们将在{{resolveBy}}前处理完毕。',
    },
    en: {
      subject: 'Complaint received',
      body: 'Your complaint {{complaintNumber}} (order {{orderNumber}}) is being handled; we will resolve it by {{resolveBy}}.',
    },
  },
  COMPLAINT_RESOLVED: {
    'zh-CN': { subject: '投诉已处理', body: '您的投诉{{complaintNumber}}已处理:{{outcome}}。' },
    en: { subject: 'Complaint resolved', body: 'Your complaint {{complaintNumber}} is resolved: {{outcome}}.' },
  },
  RETURN_APPROVED: {
    'zh-CN': { subject: '退货已批准', body: '订单{{orderNumber}}的退货申请{{returnNumber}}已批准。' },
    en: { subject: 'Return approved', body: 'Your return {{returnNumber}} for order {{orderNumber}} is approved.' },
  },
  RETURN_REJECTED: {
    'zh-CN': {
      subject: '退货申请未通过',
      body: '订单{{orderNumber}}的退货申请{{returnNumber}}未通过:{{reason}}。如有疑问请联系客服。',
    },
    en: {
      subject: 'Return not accepted',
      body: 'Your return {{returnNumber}} for order {{orderNumber}} was not accepted: {{reason}}. Contact us with any question.',
    },
  },
  REFUND_MADE: {
    'zh-CN': { subject: '退款已完成', body: '订单{{orderNumber}}的退款{{amount}}已退回原支付方式。' },
    en: {
      subject: 'Refund made',
      body: 'We refunded {{amount}} for order {{orderNumber}} to your original payment method.',
    },
  },
  STORE_CREDIT_GRANTED: {
    'zh-CN': {
      subject: '已发放购物金',
      body: '退货{{returnNumber}}(订单{{orderNumber}})已处理,{{amount}}购物金已存入您的账户,下单时可用。',
    },
    en: {
      subject: 'Store credit added',
      body: 'Your return {{returnNumber}} (order {{orderNumber}}) is done: {{amount}} of store credit is in your account for your next order.',
    },
  },
  EXCHANGE_PLACED: {
    'zh-CN': {
      subject: '换货已安排',
      body: '退货{{returnNumber}}(订单{{orderNumber}})已收到,换货订单{{replacementNumber}}已优先安排发货。',
    },
    en: {
      subject: 'Exchange on its way',
      body: 'We received your return {{returnNumber}} (order {{orderNumber}}); the replacement order {{replacementNumber}} ships with priority.',
    },
  },
  SURVEY_REQUEST: {
    'zh-CN': {
      subject: '请评价我们的服务',
      body: '{{customerName}}您好,请花一分钟评价订单{{orderNumber}}的服务:{{surveyUrl}}',
    },
    en: {
      subject: 'How did we do?',
      body: 'Hello {{customerName}}, please take a minute to rate order {{orderNumber}}: {{surveyUrl}}',
    },
  },
};

/**
 * Which order event the customer is told about, and as what (null: not told). Holds tell the customer
 * only when they can help (payment, address); credit and size checks are the company's own business.
 */
export function customerNoticeOfOrderStep(to: string, holdReasons: readonly string[]): NotificationEvent | null {
  switch (to) {
    case 'CONFIRMED':
      return 'ORDER_CONFIRMED';
    case 'ON_HOLD':
      return holdReasons.some((r) => Object.hasOwn(CUSTOMER_HOLD_TEXT.en, r)) ? 'ORDER_HELD' : null;
    case 'CANCELLED':
      return 'ORDER_CANCELLED';
    case 'SHIPPED':
      return 'ORDER_SHIPPED';
    case 'OUT_FOR_DELIVERY':
      return 'OUT_FOR_DELIVERY';
    case 'DELIVERED':
      return 'DELIVERED';
    default:
      return null;
  }
}

/** Hold reasons a customer is told about, in their words. */
export const CUSTOMER_HOLD_TEXT: Readonly<Record<NotificationLocale, Readonly<Record<string, string>>>> = {
  'zh-CN': {
    PAYMENT_PENDING: '尚未收到您的在线付款',
    UNDELIVERABLE_REGION: '您的收货地址暂不在配送范围内',
    DELIVERY_AREA_BLOCKED: '您的收货地址所在区域暂时无法配送',
  },
  en: {
    PAYMENT_PENDING: 'we have not received your online payment yet',
    UNDELIVERABLE_REGION: 'we do not deliver to your address yet',
    DELIVERY_AREA_BLOCKED: 'deliveries to your area are paused for now',
  },
};
