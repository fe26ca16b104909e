import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { WEBHOOK_EVENT_TYPES } from '@fulfilment/domain';
import { Context } from '../../app/context';

import { PageArgs } from '../../common/page-args';
import { Requires } from '../access/requires';
import {
  CreateWebhookEndpointInput,
  RedeliverWebhookInput,
  UpdateWebhookEndpointInput,
  WebhookDeliveryFilter,
  WebhookEndpointIdInput,
} from './notification.inputs';
import {
  DeleteWebhookEndpointPayload,
  WebhookDeliveryConnection,
  WebhookDeliveryPayload,
  WebhookEndpointPayload,
  WebhookEventTypeInfo,
} from './notification.types';
import { WebhookAttempt, WebhookDelivery, WebhookEndpoint } from './webhook.entity';

@Resolver(() => WebhookEndpoint)
export class WebhookEndpointResolver {
  @Requires('WEBHOOK_MANAGE')
  @Query(() => [WebhookEndpoint], { description: 'Registered webhook endpoints, oldest first.' })
  webhookEndpoints(@Ctx() ctx: Context) {
    return ctx.services.notificationQueries.webhookEndpoints();
  }

  @Requires(null)
  @Query(() => [WebhookEventTypeInfo], { description: 'The event types endpoints can receive.' })
  webhookEventTypes() {
    return Object.entries(WEBHOOK_EVENT_TYPES).map(([name, description]) => ({ name, description }));
  }

  @Requires('WEBHOOK_MANAGE')
  @Query(() => WebhookDeliveryConnection, { description: 'Webhook deliveries with their attempts, newest first.' })
  webhookDeliveries(
    @Args() page: PageArgs,
    @Arg('filter', () => WebhookDeliveryFilter, { nullable: true, description: 'Conditions to meet.' })
    filter: WebhookDeliveryFilter | undefined,
    @Ctx() ctx: Context,
  ) {
    return ctx.reads.notificationQueries.webhookDeliveries(filter ?? {}, page);
  }

  @Requires('WEBHOOK_MANAGE')
  @Mutation(() => WebhookEndpointPayload, {
    description:
      'Registers an endpoint; the payload carries its signing secret once. Refused: INVALID_URL, PRIVATE_ADDRESS (private, loopback, link-local hosts), UNKNOWN_EVENT_TYPE.',
  })
  async createWebhookEndpoint(
    @Arg('input', { description: 'The endpoint.' }) input: CreateWebhookEndpointInput,
    @Ctx() ctx: Context,
  ) {
    return Object.assign(new WebhookEndpointPayload(), {
      secret: null,
      ...(await ctx.services.webhooks.create(input, ctx.actor)),
    });
  }

  @Requires('WEBHOOK_MANAGE')
  @Mutation(() => WebhookEndpointPayload, {
    description:
      'Changes an endpoint: URL, description, event types, ACTIVE or PAUSED (fields left out keep their value).',
  })
  async updateWebhookEndpoint(
    @Arg('input', { description: 'The changes.' }) input: UpdateWebhookEndpointInput,
    @Ctx() ctx: Context,
  ) {
    return Object.assign(new WebhookEndpointPayload(), {
      secret: null,
      ...(await ctx.services.webhooks.update(input, ctx.actor)),
    });
  }

  @Requires('WEBHOOK_MANAGE')
  @Mutation(() => WebhookEndpointPayload, {
    description:
      'Gives an endpoint a new secret (in the payload, once); requests are signed with the old one too for 24 hours, so receivers can switch without losing events.',
  })
  async rotateWebhookSecret(
    @Arg('input', { description: 'The endpoint.' }) input: WebhookEndpointIdInput,
    @Ctx() ctx: Context,
  ) {
    return Object.assign(new WebhookEndpointPayload(), {
      secret: null,
      ...(await ctx.services.webhooks.rotateSecret(input, ctx.actor)),
    });
  }

  @Requires('WEBHOOK_MANAGE')
  @Mutation(() => DeleteWebhookEndpointPayload, { description: 'Deletes an endpoint with its deliveries.' })
  async deleteWebhookEndpoint(
    @Arg('input', { description: 'The endpoint.' }) input: WebhookEndpointIdInput,
    @Ctx() ctx: Context,
  ) {
    return Object.assign(new DeleteWebhookEndpointPayload(), {
      deletedId: null,
      ...(await ctx.services.webhooks.delete(input, ctx.actor)),
    });
  }

  @Requires('WEBHOOK_MANAGE')
  @Mutation(() => WebhookDeliveryPayload, {
    description: 'Sends a delivered or failed delivery again, with the same webhook-id (receivers deduplicate on it).',
  })
  async redeliverWebhook(
    @Arg('input', { description: 'The delivery.' }) input: RedeliverWebhookInput,
    @Ctx() ctx: Context,
  ) {
    return Object.assign(new WebhookDeliveryPayload(), await ctx.services.webhooks.redeliver(input, ctx.actor));
  }
}

@Resolver(() => WebhookDelivery)
export class WebhookDeliveryResolver {
  @FieldResolver(() => WebhookEndpoint, { nullable: true, description: 'The endpoint it goes to.' })
  endpoint(@Root() d: WebhookDelivery, @Ctx() ctx: Context) {
    return ctx.loaders.webhookEndpoint.load(d.endpointId);
  }

  @FieldResolver(() => [WebhookAttempt], { description: 'Every attempt, first to last.' })
  attemptLog(@Root() d: WebhookDelivery, @Ctx() ctx: Context) {
    return ctx.loaders.webhookAttempts.load(d.id);
  }

  @FieldResolver(() => String, { description: 'The JSON body sent: { type, timestamp, data }.' })
  async payload(@Root() d: WebhookDelivery, @Ctx() ctx: Context) {
    return (await ctx.loaders.webhookPayload.load(d.eventId)) ?? '{}';
  }
}
