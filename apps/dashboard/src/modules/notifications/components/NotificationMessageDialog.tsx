import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../../app/format';
import type { NotificationRowFragment } from '../../../gql/graphql';
import { Dialog } from '../../../ui/Dialog';
import { NotificationStatusBadge } from './NotificationBadges';
import { NotificationMessage } from './NotificationMessage';

/** One notification: to whom, how and when, and the subject and body exactly as sent. */
export function NotificationMessageDialog({
  notification: n,
  onClose,
  onResend,
  resending,
}: {
  notification: NotificationRowFragment;
  onClose: () => void;
  onResend?: () => void;
  resending?: boolean;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const failed = n.status === 'FAILED';
  return (
    <Dialog
      open
      wide
      title={t('notifications.message.title', { event: t(`notificationEvent.${n.event}`) })}
      onClose={onClose}
      closeLabel={t('common.close')}
      onSubmit={failed && onResend ? onResend : undefined}
      submitLabel={t('notifications.resend')}
      busy={resending}
    >
      <div className="stack">
        <dl className="notification-facts">
          <div>
            <dt>{t('notifications.columns.status')}</dt>
            <dd>
              <NotificationStatusBadge status={n.status} />
            </dd>
          </div>
          <div>
            <dt>{t('notifications.columns.customer')}</dt>
            <dd>{n.customer?.name ?? '—'}</dd>
          </div>
          <div>
            <dt>{t('notifications.columns.order')}</dt>
            <dd>
              {n.order ? (
                <Link to={`/orders/${encodeURIComponent(n.order.number)}`} className="mono" onClick={onClose}>
                  {n.order.number}
                </Link>
              ) : (
                '—'
              )}
            </dd>
          </div>
          <div>
            <dt>{t('notifications.columns.channel')}</dt>
            <dd>
              {t(`notificationChannel.${n.channel}`)} · {t(`customerLanguage.${n.language}`)}
            </dd>
          </div>
          <div>
            <dt>{t('notifications.message.recipient')}</dt>
            <dd className="mono break">
              {n.channel === 'IN_APP' ? t('notifications.message.inApp') : (n.recipient ?? '—')}
            </dd>
          </div>
          <div>
            <dt>{t('notifications.message.written')}</dt>
            <dd>{f.dateTime(n.createdAt)}</dd>
          </div>
          <div>
            <dt>{t('notifications.message.sentAt')}</dt>
            <dd>{n.sentAt ? f.dateTime(n.sentAt) : '—'}</dd>
          </div>
          <div>
            <dt>{t('notifications.columns.provider')}</dt>
            <dd className="mono">{n.provider ?? '—'}</dd>
          </div>
          <div>
            <dt>{t('notifications.columns.attempts')}</dt>
            <dd>
              {f.number(n.attempts)}
              {n.nextAttemptAt && (
                <span className="muted small">
                  {' '}
                  · {t('notifications.nextAttempt', { at: f.dateTime(n.nextAttemptAt) })}
                </span>
              )}
            </dd>
          </div>
        </dl>
        {n.lastError && (
          <p className={n.status === 'SENT' ? 'note-box small' : 'note-box text-danger small'}>
            <strong>{t('notifications.columns.lastError')}:</strong> {n.lastError}
          </p>
        )}
        <NotificationMessage subject={n.subject} body={n.body} channel={n.channel} />
      </div>
    </Dialog>
  );
}
