import { Field, ObjectType } from 'type-graphql';
import type { NotificationEvent } from '@fulfilment/domain';
import { Connection } from '../../common/connection';
import { MutationPayload } from '../../common/user-error';
import { Customer } from '../customer/customer.entity';
import { Notification, NotificationTemplate } from './notification.entity';
import { NotificationEventEnum } from './notification.enums';
import { WebhookDelivery, WebhookEndpoint } from './webhook.entity';

@ObjectType({ description: 'Notifications, newest first.' })
export class NotificationConnection extends Connection(Notification) {}

@ObjectType({ description: 'Webhook deliveries, newest first.' })
export class WebhookDeliveryConnection extends Connection(WebhookDelivery) {}

@ObjectType({ description: 'The result of changing a template.' })
export class NotificationTemplatePayload extends MutationPayload {
  @Field(() => NotificationTemplate, { nullable: true, description: 'The template as it is now.' })
  template: NotificationTemplate | null;
}

@ObjectType({ description: 'The result of changing a customer’s preferences.' })
export class CustomerPreferencesPayload extends MutationPayload {
  @Field(() => Customer, { nullable: true, description: 'The customer.' })
  customer: Customer | null;
}

@ObjectType({ description: 'The result of re-sending a notification.' })
export class NotificationPayload extends MutationPayload {
  @Field(() => Notification, { nullable: true, description: 'The notification, pending again.' })
  notification: Notification | null;
}

@ObjectType({ description: 'The result of a change to a webhook endpoint.' })
export class WebhookEndpointPayload extends MutationPayload {
  @Field(() => WebhookEndpoint, { nullable: true, description: 'The endpoint.' })
  endpoint: WebhookEndpoint | null;

  @Field(() => String, {
    nullable: true,
    description:
      'The signing secret (whsec_…), shown only by createWebhookEndpoint and rotateWebhookSecret: store it now, it is never shown again.',
  })
  secret: string | null;
}

@ObjectType({ description: 'The result of deleting a webhook endpoint.' })
export class DeleteWebhookEndpointPayload extends MutationPayload {
  @Field(() => String, { nullable: true, description: 'Global id of the deleted endpoint.' })
  deletedId: string | null;
}

@ObjectType({ description: 'The result of sending a delivery again.' })
export class WebhookDeliveryPayload extends MutationPayload {
  @Field(() => WebhookDelivery, { nullable: true, description: 'The delivery, pending again.' })
  delivery: WebhookDelivery | null;
}

@ObjectType({ description: 'An event type integrators can subscribe endpoints to.' })
export class WebhookEventTypeInfo {
  @Field({ description: 'Its name, e.g. order.status_changed.' })
  name: string;

  @Field({ description: 'What it carries.' })
  description: string;
}

@ObjectType({ description: 'A template rendered with example facts, and what is wrong with it.' })
export class NotificationPreview {
  @Field({ description: 'The subject with example facts.' })
  subject: string;

  @Field({ description: 'The body with example facts.' })
  body: string;

  @Field(() => [String], { description: 'Problems (unknown placeholders, empty parts); empty when it can be saved.' })
  problems: string[];
}

@ObjectType({ description: 'The placeholders one event’s templates may use.' })
export class NotificationEventInfo {
  @Field(() => NotificationEventEnum, { description: 'The event.' })
  event: NotificationEvent;

  @Field(() => [String], { description: 'Its placeholders, e.g. orderNumber (written {{orderNumber}}).' })
  placeholders: string[];
}
