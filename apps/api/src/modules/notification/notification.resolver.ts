import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { maskContactsInText, maskName, NotificationEvent } from '@fulfilment/domain';
import { Context } from '../../app/context';
import { localId, toGlobalId } from '../../common/global-id';
import { PageArgs } from '../../common/page-args';
import { masks, personalData } from '../access/pii';
import { Requires } from '../access/requires';
import { Customer } from '../customer/customer.entity';
import { Order } from '../order/order.entity';
import { Notification, NotificationTemplate } from './notification.entity';
import {
  LanguageEnum,
  LANGUAGE_OF,
  NotificationChannelEnum,
  NotificationEventEnum,
  type NotificationLanguage,
} from './notification.enums';
import type { CustomerNotificationMessage } from './notification.events';
import {
  NotificationFilter,
  ResendNotificationInput,
  ResetNotificationTemplateInput,
  UpdateCustomerPreferencesInput,
  UpdateNotificationTemplateInput,
} from './notification.inputs';
import {
  CustomerPreferencesPayload,
  NotificationConnection,
  NotificationEventInfo,
  NotificationPayload,
  NotificationPreview,
  NotificationTemplatePayload,
} from './notification.types';

@Resolver(() => Notification)
export class NotificationResolver {
  @Requires('NOTIFICATION_READ')
  @Query(() => NotificationConnection, {
    description: 'Notifications sent (or to be sent) to customers, newest first.',
  })
  notifications(
    @Args() page: PageArgs,
    @Arg('filter', () => NotificationFilter, { nullable: true, description: 'Conditions to meet.' })
    filter: NotificationFilter | undefined,
    @Ctx() ctx: Context,
  ) {
    return ctx.reads.notificationQueries.notifications(filter ?? {}, page);
  }

  @Requires('NOTIFICATION_READ')
  @Query(() => [NotificationTemplate], {
    description: 'Every event’s template in every language (zh-CN first): a manager’s text, or the default.',
  })
  notificationTemplates(@Ctx() ctx: Context) {
    return ctx.services.notifications.templates();
  }

  @Requires('NOTIFICATION_READ')
  @Query(() => [NotificationEventInfo], {
    description: 'The events customers are told about, with their placeholders.',
  })
  notificationEvents(@Ctx() ctx: Context) {
    return ctx.services.notifications.placeholders();
  }

  @Requires('NOTIFICATION_READ')
  @Query(() => NotificationPreview, {
    description:
      'A template’s text rendered with example facts, and its problems (what updateNotificationTemplate would refuse).',
  })
  notificationPreview(
    @Arg('event', () => NotificationEventEnum, { description: 'The event.' }) event: NotificationEvent,
    @Arg('subject', { description: 'The subject to try.' }) subject: string,
    @Arg('body', { description: 'The body to try.' }) body: string,
    @Arg('language', () => LanguageEnum, {
      defaultValue: 'ZH_CN',
      description: 'The language of the example facts (names, dates, reasons).',
    })
    language: NotificationLanguage,
    @Ctx() ctx: Context,
  ) {
    return Object.assign(new NotificationPreview(), ctx.services.notifications.preview(event, subject, body, language));
  }

  @Requires('TEMPLATE_MANAGE')
  @Mutation(() => NotificationTemplatePayload, {
    description:
      'Changes the text customers get for an event in a language; refused with UNKNOWN_PLACEHOLDER when it uses a placeholder the event does not have.',
  })
  async updateNotificationTemplate(
    @Arg('input', { description: 'The new text.' }) input: UpdateNotificationTemplateInput,
    @Ctx() ctx: Context,
  ) {
    return Object.assign(
      new NotificationTemplatePayload(),
      await ctx.services.notifications.updateTemplate(input, ctx.actor),
    );
  }

  @Requires('TEMPLATE_MANAGE')
  @Mutation(() => NotificationTemplatePayload, { description: 'Puts a template back to the platform’s default text.' })
  async resetNotificationTemplate(
    @Arg('input', { description: 'The template.' }) input: ResetNotificationTemplateInput,
    @Ctx() ctx: Context,
  ) {
    return Object.assign(
      new NotificationTemplatePayload(),
      await ctx.services.notifications.resetTemplate(input, ctx.actor),
    );
  }

  @Requires('CUSTOMER_EDIT')
  @Mutation(() => CustomerPreferencesPayload, {
    description: 'How a customer wants to be told: channel and language (notifications written from now on).',
  })
  async updateCustomerPreferences(
    @Arg('input', { description: 'The preferences.' }) input: UpdateCustomerPreferencesInput,
    @Ctx() ctx: Context,
  ) {
    return Object.assign(
      new CustomerPreferencesPayload(),
      await ctx.services.notifications.updatePreferences(input, ctx.actor),
    );
  }

  @Requires('NOTIFICATION_READ')
  @Mutation(() => NotificationPayload, { description: 'Sends a FAILED notification again.' })
  async resendNotification(
    @Arg('input', { description: 'The notification.' }) input: ResendNotificationInput,
    @Ctx() ctx: Context,
  ) {
    return Object.assign(new NotificationPayload(), await ctx.services.notifications.resend(input, ctx.actor));
  }

  @Requires('NOTIFICATION_READ')
  @Subscription(() => Notification, {
    topics: 'CUSTOMER_NOTIFICATION_OF',
    topicId: ({ args }) => localId(args.customerId, 'Customer') ?? 'not-a-customer',
    description: 'In-app notifications of one customer as they are sent (the customer’s app).',
  })
  async customerNotifications(
    @Root() m: CustomerNotificationMessage,
    @Arg('customerId', () => ID, { description: 'Global id of the customer.' }) _customerId: string,
    @Ctx() ctx: Context,
  ): Promise<Notification> {
    return (await ctx.services.ds.getRepository(Notification).findOneBy({ id: m.id }))!;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      'Where it went: e-mail address, mobile number, or the customer (in-app). Masked without CUSTOMER_PII_READ.',
  })
  recipient(@Root() n: Notification, @Ctx() ctx: Context) {
    if (n.channel === 'IN_APP') return n.recipient ? toGlobalId('Customer', n.recipient) : null;
    return personalData(
      ctx,
      `Customer:${n.customerId}`,
      n.recipient,
      n.channel === 'EMAIL' ? masks.email : masks.phone,
    );
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      'The message as sent; null before. The customer’s name and contacts are masked without CUSTOMER_PII_READ.',
  })
  async body(@Root() n: Notification, @Ctx() ctx: Context) {
    if (n.body === null) return null;
    const customer = await ctx.loaders.customer.load(n.customerId);
    return personalData(ctx, `Customer:${n.customerId}`, n.body, (b) =>
      maskContactsInText(customer ? b.split(customer.name).join(maskName(customer.name)) : b),
    );
  }

  @FieldResolver(() => Order, { nullable: true, description: 'The order it is about; null when none.' })
  order(@Root() n: Notification, @Ctx() ctx: Context) {
    return n.orderId ? ctx.loaders.order.load(n.orderId) : null;
  }

  @FieldResolver(() => Customer, { nullable: true, description: 'The customer told.' })
  customer(@Root() n: Notification, @Ctx() ctx: Context) {
    return ctx.loaders.customer.load(n.customerId);
  }
}

@Resolver(() => NotificationTemplate)
export class NotificationTemplateResolver {
  @FieldResolver(() => [String], {
    description: 'Placeholders its text may use, e.g. orderNumber (written {{orderNumber}}).',
  })
  placeholders(@Root() t: NotificationTemplate, @Ctx() ctx: Context) {
    return ctx.services.notifications.placeholders().find((p) => p.event === t.event)!.placeholders;
  }
}

@Resolver(() => Order)
export class OrderNotificationsResolver {
  @Requires('NOTIFICATION_READ')
  @FieldResolver(() => [Notification], { description: 'What the customer was told about it, oldest first.' })
  notifications(@Root() o: Order, @Ctx() ctx: Context) {
    return ctx.loaders.notificationsOfOrder.load(o.id);
  }
}

@Resolver(() => Customer)
export class CustomerPreferencesResolver {
  @FieldResolver(() => NotificationChannelEnum, { description: 'How the customer wants to be told.' })
  preferredChannel(@Root() c: Customer) {
    return c.preferredChannel;
  }

  @FieldResolver(() => LanguageEnum, { description: 'The language the customer is told in.' })
  language(@Root() c: Customer) {
    return LANGUAGE_OF[c.locale];
  }
}
