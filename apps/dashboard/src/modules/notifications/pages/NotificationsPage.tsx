import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type {
  NotificationChannel,
  NotificationFilter,
  NotificationRowFragment,
  NotificationStatus,
} from '../../../gql/graphql';
import { PageHeader } from '../../../ui/PageHeader';
import { EmptyState, ErrorState, InlineMessage, LoadingState } from '../../../ui/States';
import { NotificationMessageDialog } from '../components/NotificationMessageDialog';
import { NotificationTable } from '../components/NotificationTable';
import { useNotifications } from '../hooks/useNotifications';
import { useResend } from '../hooks/useResend';
import '../notifications.css';

const CHANNELS: NotificationChannel[] = ['SMS', 'EMAIL', 'IN_APP'];
const STATUSES: NotificationStatus[] = ['PENDING', 'SENT', 'RETRYING', 'FAILED'];

export function NotificationsPage() {
  const { t } = useTranslation();
  const [channel, setChannel] = useState<NotificationChannel | ''>('');
  const [status, setStatus] = useState<NotificationStatus | ''>('');
  const [openId, setOpenId] = useState<string | null>(null);
  const filter = useMemo<NotificationFilter>(() => {
    const f: NotificationFilter = {};
    if (channel) f.channel = channel;
    if (status) f.status = status;
    return f;
  }, [channel, status]);
  const list = useNotifications(filter);
  const resends = useResend();
  const active = Boolean(channel || status);
  const open = openId ? list.rows.find((n) => n.id === openId) : undefined;
  const resend = (n: NotificationRowFragment) => void resends.resend(n.id);

  return (
    <div className="page page-fill">
      <PageHeader
        title={t('notifications.title')}
        subtitle={t('notifications.subtitle')}
        actions={
          <>
            <Link to="/notifications/templates" className="btn">
              {t('templates.title')}
            </Link>
            <button type="button" className="btn" onClick={list.refresh}>
              {t('common.refresh')}
            </button>
          </>
        }
      />
      <section className="filters" aria-label={t('notifications.filters')}>
        <div className="field">
          <label htmlFor="notification-channel" className="field-label">
            {t('notifications.columns.channel')}
          </label>
          <select
            id="notification-channel"
            value={channel}
            onChange={(e) => setChannel(e.target.value as NotificationChannel | '')}
          >
            <option value="">{t('common.all')}</option>
            {CHANNELS.map((c) => (
              <option key={c} value={c}>
                {t(`notificationChannel.${c}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="notification-status" className="field-label">
            {t('notifications.columns.status')}
          </label>
          <select
            id="notification-status"
            value={status}
            onChange={(e) => setStatus(e.target.value as NotificationStatus | '')}
          >
            <option value="">{t('common.all')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`notificationStatus.${s}`)}
              </option>
            ))}
          </select>
        </div>
        {active && (
          <button
            type="button"
            className="btn btn-ghost filters-reset"
            onClick={() => {
              setChannel('');
              setStatus('');
            }}
          >
            {t('orders.filters.reset')}
          </button>
        )}
      </section>
      {resends.failure?.map((m, i) => (
        <InlineMessage key={i} tone="error" title={m.title} detail={m.detail} />
      ))}
      {list.error && !list.rows.length ? (
        <ErrorState error={list.error} onRetry={list.refresh} />
      ) : !list.loaded ? (
        <LoadingState rows={8} />
      ) : list.rows.length === 0 ? (
        <EmptyState title={active ? t('notifications.emptyFiltered') : t('notifications.empty')} />
      ) : (
        <NotificationTable
          rows={list.rows}
          stale={list.stale}
          hasNextPage={list.hasNextPage}
          loadingMore={list.loadingMore}
          onLoadMore={list.loadMore}
          onOpen={(n) => setOpenId(n.id)}
          onResend={resend}
          resendingId={resends.busyId}
        />
      )}
      {open && (
        <NotificationMessageDialog
          notification={open}
          onClose={() => setOpenId(null)}
          onResend={() => resend(open)}
          resending={resends.busyId === open.id}
        />
      )}
    </div>
  );
}
