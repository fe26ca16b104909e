import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../app/format';
import type { NotificationEvent } from '../../../gql/graphql';
import { InlineMessage } from '../../../ui/States';
import { useCan } from '../../auth/hooks/useSession';
import { useOrderNotifications } from '../hooks/useOrderNotifications';
import { useResend } from '../hooks/useResend';
import { NotificationStatusBadge } from './NotificationBadges';
import { NotificationMessage } from './NotificationMessage';
import '../notifications.css';

/** The order's life in order: notifications written in one transaction share a time, so the event breaks the tie. */
const LIFECYCLE: NotificationEvent[] = [
  'ORDER_RECEIVED',
  'ORDER_CONFIRMED',
  'ORDER_HELD',
  'ORDER_CANCELLED',
  'ORDER_SHIPPED',
  'OUT_FOR_DELIVERY',
  'DELIVERY_EXCEPTION',
  'DELIVERY_RESCHEDULED',
  'DELIVERED',
  'COMPLAINT_ACKNOWLEDGED',
  'COMPLAINT_RESOLVED',
  'RETURN_APPROVED',
  'REFUND_MADE',
  'SURVEY_REQUEST',
];

/** What the order's customer was told, oldest first: event, channel, status, when, and the message as sent. */
export function OrderNotifications({ number }: { number: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const readable = useCan()('NOTIFICATION_READ');
  const { notifications: unsorted, loaded, refresh } = useOrderNotifications(number, !readable);
  const notifications = [...unsorted].sort(
    (a, b) => a.createdAt.localeCompare(b.createdAt) || LIFECYCLE.indexOf(a.event) - LIFECYCLE.indexOf(b.event),
  );
  const resends = useResend();
  const [expanded, setExpanded] = useState<Set<string>>(new Set());
  if (!readable) return null;
  const toggle = (id: string) =>
    setExpanded((old) => {
      const next = new Set(old);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <section className="card stack-sm" aria-labelledby="order-notifications-title">
      <div className="card-title card-title-actions">
        <h2 id="order-notifications-title">{t('notifications.order.title')}</h2>
        <button type="button" className="btn btn-small btn-ghost" onClick={refresh}>
          {t('common.refresh')}
        </button>
      </div>
      {resends.failure?.map((m, i) => (
        <InlineMessage key={i} tone="error" title={m.title} detail={m.detail} />
      ))}
      {!loaded ? (
        <p className="muted">{t('common.loading')}</p>
      ) : notifications.length === 0 ? (
        <p className="muted">{t('notifications.order.none')}</p>
      ) : (
        <ul className="notification-list">
          {notifications.map((n) => {
            const open = expanded.has(n.id);
            return (
              <li key={n.id} className="notification-item" aria-label={t(`notificationEvent.${n.event}`)}>
                <div className="notification-item-head">
                  <strong>{t(`notificationEvent.${n.event}`)}</strong>
                  <NotificationStatusBadge status={n.status} />
                  <span className="muted small">
                    {t(`notificationChannel.${n.channel}`)} · {t(`customerLanguage.${n.language}`)}
                  </span>
                  <span className="muted small notification-item-time">
                    {n.sentAt
                      ? t('notifications.order.sentAt', { at: f.shortDateTime(n.sentAt) })
                      : t('notifications.order.writtenAt', { at: f.shortDateTime(n.createdAt) })}
                  </span>
                </div>
                {n.subject != null && n.channel !== 'SMS' && (
                  <div className="notification-item-subject">{n.subject}</div>
                )}
                {n.body != null ? (
                  <p className={open ? 'notification-item-body' : 'notification-item-body clamp'}>{n.body}</p>
                ) : (
                  <NotificationMessage subject={null} body={null} channel={n.channel} />
                )}
                {n.lastError && (
                  <p className={n.status === 'SENT' ? 'small muted' : 'small text-danger'}>{n.lastError}</p>
                )}
                <div className="notification-item-actions">
                  {n.body != null && n.body.length > 80 && (
                    <button
                      type="button"
                      className="link-button small"
                      aria-expanded={open}
                      onClick={() => toggle(n.id)}
                    >
                      {open ? t('notifications.order.less') : t('notifications.order.more')}
                    </button>
                  )}
                  {n.status === 'FAILED' && (
                    <button
                      type="button"
                      className="btn btn-small"
                      disabled={resends.busyId !== null}
                      onClick={() => void resends.resend(n.id)}
                    >
                      {t('notifications.resend')}
                    </button>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
