import { ArrayMaxSize, ArrayNotEmpty, IsNotEmpty, IsOptional, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import type { NotificationChannel, NotificationEvent } from '@fulfilment/domain';
import { code } from '../../common/validation';
import {
  LanguageEnum,
  type NotificationLanguage,
  NotificationChannelEnum,
  NotificationEventEnum,
  type NotificationStatus,
  NotificationStatusEnum,
  type WebhookDeliveryStatus,
  WebhookDeliveryStatusEnum,
  type WebhookEndpointStatus,
  WebhookEndpointStatusEnum,
} from './notification.enums';

@InputType({ description: 'A template’s new text for one event and language.' })
export class UpdateNotificationTemplateInput {
  @Field(() => NotificationEventEnum, { description: 'The event.' })
  event: NotificationEvent;

  @Field(() => LanguageEnum, { description: 'The language.' })
  language: NotificationLanguage;

  @Field({ description: 'Subject of the e-mail and title in the app, at most 200 characters.' })
  @MaxLength(200, code('TOO_LONG', 'subject must be at most 200 characters'))
  subject: string;

  @Field({ description: 'The message with {{placeholders}} of the event, at most 2,000 characters.' })
  @MaxLength(2000, code('TOO_LONG', 'body must be at most 2000 characters'))
  body: string;
}

@InputType({ description: 'Puts a template back to the platform’s default text.' })
export class ResetNotificationTemplateInput {
  @Field(() => NotificationEventEnum, { description: 'The event.' })
  event: NotificationEvent;

  @Field(() => LanguageEnum, { description: 'The language.' })
  language: NotificationLanguage;
}

@InputType({ description: 'How a customer wants to be told.' })
export class UpdateCustomerPreferencesInput {
  @Field(() => ID, { description: 'Global id of the customer.' })
  customerId: string;

  @Field(() => NotificationChannelEnum, { description: 'SMS, e-mail or in-app.' })
  preferredChannel: NotificationChannel;

  @Field(() => LanguageEnum, { description: 'The language messages are written in.' })
  language: NotificationLanguage;
}

@InputType({ description: 'Conditions notifications must meet; all given ones apply.' })
export class NotificationFilter {
  @Field(() => ID, { nullable: true, description: 'Global id of an order: its notifications.' })
  orderId?: string;

  @Field(() => ID, { nullable: true, description: 'Global id of a customer: theirs.' })
  customerId?: string;

  @Field(() => NotificationChannelEnum, { nullable: true, description: 'Sent by this channel.' })
  channel?: NotificationChannel;

  @Field(() => NotificationStatusEnum, { nullable: true, description: 'In this status.' })
  status?: NotificationStatus;
}

@InputType({ description: 'A webhook endpoint to register.' })
export class CreateWebhookEndpointInput {
  @Field({ description: 'An absolute https (or http) URL of a public host, at most 2,000 characters.' })
  @IsNotEmpty(code('INVALID_URL', 'url must not be empty'))
  @MaxLength(2000, code('INVALID_URL', 'url must be at most 2000 characters'))
  url: string;

  @Field({ nullable: true, description: 'What it is for, at most 200 characters.' })
  @IsOptional()
  @MaxLength(200, code('TOO_LONG', 'description must be at most 200 characters'))
  description?: string;

  @Field(() => [String], { description: 'Event types it receives (see webhookEventTypes), at least one.' })
  @ArrayNotEmpty(code('UNKNOWN_EVENT_TYPE', 'name at least one event type'))
  @ArrayMaxSize(20, code('UNKNOWN_EVENT_TYPE', 'at most 20 event types'))
  eventTypes: string[];
}

@InputType({ description: 'Changes to an endpoint; fields left out keep their value.' })
export class UpdateWebhookEndpointInput {
  @Field(() => ID, { description: 'Global id of the endpoint.' })
  endpointId: string;

  @Field({ nullable: true, description: 'A new URL (checked like a new endpoint’s).' })
  @IsOptional()
  @MaxLength(2000, code('INVALID_URL', 'url must be at most 2000 characters'))
  url?: string;

  @Field({ nullable: true, description: 'A new description.' })
  @IsOptional()
  @MaxLength(200, code('TOO_LONG', 'description must be at most 200 characters'))
  description?: string;

  @Field(() => [String], { nullable: true, description: 'New event types, at least one.' })
  @IsOptional()
  @ArrayMaxSize(20, code('UNKNOWN_EVENT_TYPE', 'at most 20 event types'))
  eventTypes?: string[];

  @Field(() => WebhookEndpointStatusEnum, {
    nullable: true,
    description: 'ACTIVE or PAUSED (a paused endpoint’s events wait); ACTIVE also re-enables a disabled one.',
  })
  status?: WebhookEndpointStatus;
}

@InputType({ description: 'Names one webhook endpoint.' })
export class WebhookEndpointIdInput {
  @Field(() => ID, { description: 'Global id of the endpoint.' })
  endpointId: string;
}

@InputType({ description: 'Names one webhook delivery.' })
export class RedeliverWebhookInput {
  @Field(() => ID, { description: 'Global id of the delivery.' })
  deliveryId: string;
}

@InputType({ description: 'Names one notification.' })
export class ResendNotificationInput {
  @Field(() => ID, { description: 'Global id of a failed notification.' })
  notificationId: string;
}

@InputType({ description: 'Conditions webhook deliveries must meet; all given ones apply.' })
export class WebhookDeliveryFilter {
  @Field(() => ID, { nullable: true, description: 'Global id of an endpoint: its deliveries.' })
  endpointId?: string;

  @Field(() => WebhookDeliveryStatusEnum, { nullable: true, description: 'In this status.' })
  status?: WebhookDeliveryStatus;

  @Field({ nullable: true, description: 'Of this event type, e.g. order.status_changed.' })
  @IsOptional()
  @MaxLength(64, code('TOO_LONG', 'eventType must be at most 64 characters'))
  eventType?: string;
}
