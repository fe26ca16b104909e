import type { DataSource } from 'typeorm';
import {
  DEFAULT_TEMPLATES,
  NOTIFICATION_EVENTS,
  NOTIFICATION_LOCALES,
  NotificationEvent,
  PLACEHOLDERS,
  renderTemplate,
  templateProblems,
} from '@fulfilment/domain';
import { Actor, actorLabel } from '../../common/actor';
import { audit } from '../../common/audit';
import { localId } from '../../common/global-id';
import { MutationResult, Mutations } from '../../common/mutation';
import { fail } from '../../common/user-error';
import { validateInput } from '../../common/validation';
import { Customer } from '../customer/customer.entity';
import { Notification, NotificationTemplate } from './notification.entity';
import { LOCALE_OF, NotificationLanguage } from './notification.enums';
import { OUTBOX_WAKE_SQL } from './notification.events';
import {
  ResendNotificationInput,
  ResetNotificationTemplateInput,
  UpdateCustomerPreferencesInput,
  UpdateNotificationTemplateInput,
} from './notification.inputs';

/** Facts shown in template previews, in each language. */
const EXAMPLE_FACTS_EN: Readonly<Record<string, string>> = {
  customerName: 'Fang Wang',
  orderNumber: 'SO-20261207-000123',
  total: '¥268.00',
  promisedBy: '8 Dec 18:00',
  reason: 'we have not received your online payment yet',
  carrier: 'SF Express',
  trackingNumber: 'EA123456785CN',
  eta: '8 Dec 15:40',
  deliveredAt: '8 Dec 15:32',
  window: '8 Dec 14:00–16:00',
  trackingUrl: 'https://example.com/track/3f9c2a',
  complaintNumber: 'CP-000042',
  resolveBy: '9 Dec 10:00',
  outcome: 'a new delivery',
  returnNumber: 'RT-000017',
  amount: '¥39.90',
  surveyUrl: 'https://example.com/track/3f9c2a',
};
const EXAMPLE_FACTS_ZH: Readonly<Record<string, string>> = {
  customerName: '王芳',
  orderNumber: 'SO-20261207-000123',
  total: '¥268.00',
  promisedBy: '12月8日 18:00',
  reason: '尚未收到您的在线付款',
  carrier: '顺丰速运',
  trackingNumber: 'EA123456785CN',
  eta: '12月8日 15:40',
  deliveredAt: '12月8日 15:32',
  window: '12月8日 14:00–16:00',
  trackingUrl: 'https://example.com/track/3f9c2a',
  complaintNumber: 'CP-000042',
  resolveBy: '12月9日 10:00',
  outcome: '已为您重新配送',
  returnNumber: 'RT-000017',
  amount: '¥39.90',
  surveyUrl: 'https://example.com/track/3f9c2a',
};

/** Templates, customers' preferences, and notifications sent again by hand. */
export class NotificationService {
  constructor(
    private readonly ds: DataSource,
    private readonly mutations: Mutations,
  ) {}

  /** Every event's template in every language: the manager's text where there is one, else the default. */
  async templates(): Promise<NotificationTemplate[]> {
    const stored = await this.ds.getRepository(NotificationTemplate).find();
    const byKey = new Map(stored.map((t) => [`${t.event}:${t.locale}`, t]));
    return NOTIFICATION_EVENTS.flatMap((event) =>
      NOTIFICATION_LOCALES.map(
        (locale) =>
          byKey.get(`${event}:${locale}`) ??
          Object.assign(new NotificationTemplate(), {
            event,
            locale,
            ...DEFAULT_TEMPLATES[event][locale],
            updatedBy: null,
            updatedAt: null,
          }),
      ),
    );
  }

  preview(event: NotificationEvent, subject: string, body: string, language: NotificationLanguage = 'ZH_CN') {
    const template = { subject: subject.slice(0, 2000), body: body.slice(0, 4000) };
    const facts = language === 'EN' ? EXAMPLE_FACTS_EN : EXAMPLE_FACTS_ZH;
    return { ...renderTemplate(template, facts), problems: templateProblems(event, template) };
  }

  placeholders() {
    return NOTIFICATION_EVENTS.map((event) => ({ event, placeholders: [...PLACEHOLDERS[event]] }));
  }

  async updateTemplate(
    input: UpdateNotificationTemplateInput,
    actor: Actor,
  ): Promise<MutationResult<{ template: NotificationTemplate }>> {
    const invalid = await validateInput(input);
    return this.mutations.run(
      actor,
      { action: 'UPDATE_NOTIFICATION_TEMPLATE', targetType: 'NotificationTemplate', invalid },
      async (tx) => {
        const t = { subject: input.subject.trim(), body: input.body.trim() };
        const problems = templateProblems(input.event, t);
        if (!t.subject || !t.body)
          fail('EMPTY_TEMPLATE', problems.join('; '), ['input', t.subject ? 'body' : 'subject']);
        if (problems.length) fail('UNKNOWN_PLACEHOLDER', problems.join('; '), ['input', 'body']);
        const locale = LOCALE_OF[input.language];
        await tx.m.query(
          `INSERT INTO notification_template (event, locale, subject, body, updated_by) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (event, locale) DO UPDATE SET subject = $3, body = $4, updated_by = $5, updated_at = now()`,
          [input.event, locale, t.subject, t.body, actorLabel(tx.actor)],
        );
        await audit(tx.m, tx.actor, {
          action: 'UPDATE_NOTIFICATION_TEMPLATE',
          targetType: 'NotificationTemplate',
          targetId: null,
          outcome: 'SUCCESS',
          details: { event: input.event, locale, subject: t.subject },
        });
        return {
          template: await tx.m.getRepository(NotificationTemplate).findOneByOrFail({ event: input.event, locale }),
        };
      },
    );
  }

  async resetTemplate(
    input: ResetNotificationTemplateInput,
    actor: Actor,
  ): Promise<MutationResult<{ template: NotificationTemplate }>> {
    return this.mutations.run(
      actor,
      { action: 'RESET_NOTIFICATION_TEMPLATE', targetType: 'NotificationTemplate' },
      async (tx) => {
        const locale = LOCALE_OF[input.language];
        await tx.m.query(`DELETE FROM notification_template WHERE event = $1 AND locale = $2`, [input.event, locale]);
        await audit(tx.m, tx.actor, {
          action: 'RESET_NOTIFICATION_TEMPLATE',
          targetType: 'NotificationTemplate',
          targetId: null,
          outcome: 'SUCCESS',
          details: { event: input.event, locale },
        });
        return {
          template: Object.assign(new NotificationTemplate(), {
            event: input.event,
            locale,
            ...DEFAULT_TEMPLATES[input.event][locale],
            updatedBy: null,
            updatedAt: null,
          }),
        };
      },
    );
  }

  async updatePreferences(
    input: UpdateCustomerPreferencesInput,
    actor: Actor,
  ): Promise<MutationResult<{ customer: Customer }>> {
    return this.mutations.run(actor, { action: 'UPDATE_CUSTOMER_PREFERENCES', targetType: 'Customer' }, async (tx) => {
      const id = localId(input.customerId, 'Customer');
      const [row] = id
        ? await tx.m.query(`UPDATE customer SET preferred_channel = $2, locale = $3 WHERE id = $1 RETURNING id`, [
            id,
            input.preferredChannel,
            LOCALE_OF[input.language as NotificationLanguage],
          ])
        : [];
      if (!row) fail('NOT_FOUND', 'No customer with this id', ['input', 'customerId']);
      await audit(tx.m, tx.actor, {
        action: 'UPDATE_CUSTOMER_PREFERENCES',
        targetType: 'Customer',
        targetId: id,
        outcome: 'SUCCESS',
        details: { preferredChannel: input.preferredChannel, language: input.language },
      });
      return { customer: await tx.m.getRepository(Customer).findOneByOrFail({ id: id! }) };
    });
  }

  /** A failed notification goes out again (same record, attempts go on). */
  async resend(input: ResendNotificationInput, actor: Actor): Promise<MutationResult<{ notification: Notification }>> {
    return this.mutations.run(actor, { action: 'RESEND_NOTIFICATION', targetType: 'Notification' }, async (tx) => {
      const id = localId(input.notificationId, 'Notification');
      const [row] = id ? await tx.m.query(`SELECT status FROM notification WHERE id = $1 FOR UPDATE`, [id]) : [];
      if (!row) fail('NOT_FOUND', 'No notification with this id', ['input', 'notificationId']);
      if (row.status !== 'FAILED')
        fail('NOT_REDELIVERABLE', `Only a failed notification is sent again; this one is ${row.status}`, [
          'input',
          'notificationId',
        ]);
      await tx.m.query(
        `UPDATE notification SET status = 'PENDING', next_attempt_at = now(), claimed_until = NULL WHERE id = $1`,
        [id],
      );
      await tx.m.query(OUTBOX_WAKE_SQL);
      await audit(tx.m, tx.actor, {
        action: 'RESEND_NOTIFICATION',
        targetType: 'Notification',
        targetId: id,
        outcome: 'SUCCESS',
        details: {},
      });
      return { notification: await tx.m.getRepository(Notification).findOneByOrFail({ id: id! }) };
    });
  }
}
