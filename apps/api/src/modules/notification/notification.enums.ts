import { registerEnumType } from 'type-graphql';
import { NOTIFICATION_CHANNELS, NOTIFICATION_EVENTS } from '@fulfilment/domain';
import { enumOf } from '../../common/enums';

export const NOTIFICATION_STATUSES = ['PENDING', 'RETRYING', 'SENT', 'FAILED'] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];
export const WEBHOOK_ENDPOINT_STATUSES = ['ACTIVE', 'PAUSED', 'DISABLED'] as const;
export type WebhookEndpointStatus = (typeof WEBHOOK_ENDPOINT_STATUSES)[number];
export const WEBHOOK_DELIVERY_STATUSES = ['PENDING', 'RETRYING', 'DELIVERED', 'FAILED'] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];
export const NOTIFICATION_LANGUAGES = ['ZH_CN', 'EN'] as const;
export type NotificationLanguage = (typeof NOTIFICATION_LANGUAGES)[number];

export const NotificationEventEnum = enumOf(NOTIFICATION_EVENTS);
export const NotificationChannelEnum = enumOf(NOTIFICATION_CHANNELS);
export const NotificationStatusEnum = enumOf(NOTIFICATION_STATUSES);
export const WebhookEndpointStatusEnum = enumOf(WEBHOOK_ENDPOINT_STATUSES);
export const WebhookDeliveryStatusEnum = enumOf(WEBHOOK_DELIVERY_STATUSES);
export const LanguageEnum = enumOf(NOTIFICATION_LANGUAGES);

/** GraphQL enum value ↔ the locale stored and used by templates. */
export const LOCALE_OF = { ZH_CN: 'zh-CN', EN: 'en' } as const;
export const LANGUAGE_OF = { 'zh-CN': 'ZH_CN', en: 'EN' } as const;

registerEnumType(NotificationEventEnum, {
  name: 'NotificationEvent',
  description: 'A moment the customer is told about.',
  valuesConfig: {
    ORDER_RECEIVED: { description: 'The order was placed.' },
    ORDER_CONFIRMED: { description: 'The order passed review.' },
    ORDER_HELD: { description: 'The order is held for something the customer can help with (payment, address).' },
    ORDER_CANCELLED: { description: 'The order was cancelled.' },
    ORDER_SHIPPED: { description: 'The order (or a part of it) left the warehouse.' },
    OUT_FOR_DELIVERY: { description: 'A courier is on the way.' },
    DELIVERED: { description: 'Delivered; carries the link to rate the delivery (the delivery survey).' },
    DELIVERY_EXCEPTION: { description: 'A delivery could not be made; it will be arranged again.' },
    DELIVERY_RESCHEDULED: { description: 'A delivery got a new time window.' },
    COMPLAINT_ACKNOWLEDGED: { description: 'A complaint was acknowledged (after-sales).' },
    COMPLAINT_RESOLVED: { description: 'A complaint was resolved (after-sales).' },
    RETURN_APPROVED: { description: 'A return was approved (after-sales).' },
    RETURN_REJECTED: { description: 'A return was not accepted, with the reason (after-sales).' },
    REFUND_MADE: { description: 'A refund was made (after-sales).' },
    STORE_CREDIT_GRANTED: { description: 'A return was settled as store credit (after-sales).' },
    EXCHANGE_PLACED: { description: 'A replacement order was placed for a return (after-sales exchange).' },
    SURVEY_REQUEST: { description: 'A satisfaction survey is asked for (after-sales).' },
  },
});
registerEnumType(NotificationChannelEnum, {
  name: 'NotificationChannel',
  description: 'How a customer is told.',
  valuesConfig: {
    SMS: { description: 'A text message to the customer’s mobile number.' },
    EMAIL: { description: 'An e-mail (SMTP); customers without an address get an SMS instead.' },
    IN_APP: { description: 'A message in the customer’s app (the customerNotifications subscription).' },
  },
});
registerEnumType(NotificationStatusEnum, {
  name: 'NotificationStatus',
  description: 'Where a notification is.',
  valuesConfig: {
    PENDING: { description: 'Written with its cause; not sent yet.' },
    RETRYING: { description: 'An attempt failed (lastError); it is tried again at nextAttemptAt.' },
    SENT: { description: 'Handed to the channel (SMTP server, SMS provider, the app).' },
    FAILED: { description: 'Every attempt failed, or it cannot be sent (lastError says why).' },
  },
});
registerEnumType(WebhookEndpointStatusEnum, {
  name: 'WebhookEndpointStatus',
  description: 'Whether an endpoint receives events.',
  valuesConfig: {
    ACTIVE: { description: 'Receives its events.' },
    PAUSED: { description: 'Its events are kept and sent when it is ACTIVE again.' },
    DISABLED: { description: 'Receives nothing: it answered 410 Gone (disabledReason), until set ACTIVE.' },
  },
});
registerEnumType(WebhookDeliveryStatusEnum, {
  name: 'WebhookDeliveryStatus',
  description: 'Where one event’s delivery to one endpoint is.',
  valuesConfig: {
    PENDING: { description: 'Not attempted yet (or held while its endpoint is paused).' },
    RETRYING: {
      description: 'The last attempt got a 5xx, 429, timeout or network error; tried again at nextAttemptAt.',
    },
    DELIVERED: { description: 'The endpoint answered 2xx.' },
    FAILED: { description: 'Answered 4xx (not retried), or the retries ran out; redeliverWebhook sends it again.' },
  },
});
registerEnumType(LanguageEnum, {
  name: 'Language',
  description: 'A language customers are told in.',
  valuesConfig: {
    ZH_CN: { description: 'Simplified Chinese (zh-CN).' },
    EN: { description: 'English (en).' },
  },
});
