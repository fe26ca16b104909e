import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../../app/format';
import type { NotificationRowFragment } from '../../../gql/graphql';
import { Spinner } from '../../../ui/States';
import { VirtualTable, type Column } from '../../../ui/VirtualTable';
import { NotificationStatusBadge } from './NotificationBadges';

const ROW_HEIGHT = 45;

interface Props {
  rows: NotificationRowFragment[];
  stale?: boolean;
  hasNextPage: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
  onOpen: (n: NotificationRowFragment) => void;
  onResend: (n: NotificationRowFragment) => void;
  resendingId: string | null;
}

/** What customers were told, newest first: a row opens the message as sent; a failed one can be sent again. */
export function NotificationTable({
  rows,
  stale,
  hasNextPage,
  loadingMore,
  onLoadMore,
  onOpen,
  onResend,
  resendingId,
}: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const columns: Column<NotificationRowFragment>[] = [
    {
      header: 'notifications.columns.time',
      width: '10%',
      title: (n) => f.dateTime(n.sentAt ?? n.createdAt),
      cell: (n) => <span className="small">{f.shortDateTime(n.sentAt ?? n.createdAt)}</span>,
    },
    {
      header: 'notifications.columns.customer',
      width: '8%',
      className: 'truncate',
      title: (n) => n.customer?.name,
      cell: (n) => n.customer?.name ?? <span className="muted">—</span>,
    },
    {
      header: 'notifications.columns.order',
      width: '14%',
      cell: (n) =>
        n.order ? (
          <Link to={`/orders/${encodeURIComponent(n.order.number)}`} className="mono small">
            {n.order.number}
          </Link>
        ) : (
          <span className="muted">—</span>
        ),
    },
    {
      header: 'notifications.columns.event',
      width: '14%',
      className: 'truncate',
      title: (n) => t(`notificationEvent.${n.event}`),
      cell: (n) => (
        <button
          type="button"
          className="link-button link-quiet"
          aria-label={t('notifications.openMessage', { event: t(`notificationEvent.${n.event}`) })}
          onClick={(e) => {
            e.stopPropagation();
            onOpen(n);
          }}
        >
          {t(`notificationEvent.${n.event}`)}
        </button>
      ),
    },
    { header: 'notifications.columns.channel', width: '7%', cell: (n) => t(`notificationChannel.${n.channel}`) },
    {
      header: 'notifications.columns.language',
      width: '7%',
      title: (n) => t(`customerLanguage.${n.language}`),
      cell: (n) => t(`customerLanguageShort.${n.language}`),
    },
    {
      header: 'notifications.columns.status',
      width: '9%',
      title: (n) => (n.nextAttemptAt ? t('notifications.nextAttempt', { at: f.dateTime(n.nextAttemptAt) }) : undefined),
      cell: (n) => <NotificationStatusBadge status={n.status} />,
    },
    {
      header: 'notifications.columns.attempts',
      width: '5%',
      numeric: true,
      cell: (n) => f.number(n.attempts),
    },
    {
      header: 'notifications.columns.provider',
      width: '10%',
      className: 'truncate',
      cell: (n) => (n.provider ? <span className="mono small">{n.provider}</span> : <span className="muted">—</span>),
    },
    {
      header: 'notifications.columns.lastError',
      width: '9%',
      className: 'truncate',
      title: (n) => n.lastError ?? undefined,
      cell: (n) =>
        n.lastError ? (
          // A sent message may carry a note here (e.g. sent by SMS for want of an e-mail address).
          <span className={n.status === 'SENT' ? 'small muted' : 'small text-danger'}>{n.lastError}</span>
        ) : (
          <span className="muted">—</span>
        ),
    },
    {
      header: 'common.actions',
      width: '7%',
      cell: (n) =>
        n.status === 'FAILED' && (
          <button
            type="button"
            className="btn btn-small"
            disabled={resendingId !== null}
            onClick={(e) => {
              e.stopPropagation();
              onResend(n);
            }}
          >
            {resendingId === n.id && <Spinner small />}
            {t('notifications.resend')}
          </button>
        ),
    },
  ];
  return (
    <VirtualTable
      rows={rows}
      columns={columns}
      rowKey={(n) => n.id}
      rowHeight={ROW_HEIGHT}
      stale={stale}
      rowClassName={(n) => (n.status === 'FAILED' ? 'row-danger' : undefined)}
      onRowClick={onOpen}
      hasNextPage={hasNextPage}
      loadingMore={loadingMore}
      onLoadMore={onLoadMore}
      endText={t('notifications.endOfList', { count: rows.length })}
    />
  );
}
