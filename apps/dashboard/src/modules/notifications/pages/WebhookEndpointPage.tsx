import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useFormat } from '../../../app/format';
import type { WebhookDeliveryFilter, WebhookDeliveryStatus } from '../../../gql/graphql';
import { PageHeader } from '../../../ui/PageHeader';
import { EmptyState, ErrorState, LoadingState, Spinner } from '../../../ui/States';
import { DeliveryLog } from '../components/DeliveryLog';
import { EndpointActions } from '../components/EndpointActions';
import { useEventTypeText } from '../components/EventTypeLabel';
import { EndpointStatusBadge } from '../components/NotificationBadges';
import { usePolling } from '../hooks/usePolling';
import { useWebhookDeliveries } from '../hooks/useWebhookDeliveries';
import { useWebhookEndpoint } from '../hooks/useWebhookEndpoints';
import '../notifications.css';

const STATUSES: WebhookDeliveryStatus[] = ['PENDING', 'DELIVERED', 'RETRYING', 'FAILED'];

/** One endpoint: what it receives and its delivery log, read again every few seconds while in view. */
export function WebhookEndpointPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const { endpoint: e, eventTypes, loaded, error, refresh } = useWebhookEndpoint(id);
  const typeText = useEventTypeText();
  const [status, setStatus] = useState<WebhookDeliveryStatus | ''>('');
  const filter = useMemo<WebhookDeliveryFilter>(
    () => (status ? { endpointId: id, status } : { endpointId: id }),
    [id, status],
  );
  const log = useWebhookDeliveries(filter);
  // The endpoint's own state changes without anyone here (a 410 disables it): read it now and then.
  usePolling(refresh, 15_000, loaded);

  if (error && !e) return <ErrorState error={error} onRetry={refresh} />;
  if (!loaded) return <LoadingState rows={6} />;
  if (!e) {
    return (
      <EmptyState title={t('webhooks.detail.notFound')}>
        <Link to="/webhooks" className="btn">
          {t('webhooks.detail.back')}
        </Link>
      </EmptyState>
    );
  }

  return (
    <div className="page">
      <nav aria-label={t('common.breadcrumb')} className="breadcrumb">
        <Link to="/webhooks">{t('nav.webhooks')}</Link> <span aria-hidden="true">/</span>{' '}
        <span aria-current="page">{e.description || e.url}</span>
      </nav>
      <PageHeader
        title={
          <span className="title-with-badge">
            <span className="mono endpoint-title">{e.url}</span>
            <EndpointStatusBadge status={e.status} />
          </span>
        }
        subtitle={e.description || undefined}
        actions={<EndpointActions endpoint={e} eventTypes={eventTypes} onDeleted={() => void navigate('/webhooks')} />}
      >
        {e.disabledReason && (
          <div className="hold-box" role="note">
            <EndpointStatusBadge status={e.status} />
            <span>{e.disabledReason}</span>
          </div>
        )}
      </PageHeader>
      <section className="facts endpoint-facts" aria-label={t('webhooks.detail.facts')}>
        <div>
          <span className="muted small">{t('webhooks.columns.created')}</span>
          <strong>{f.dateTime(e.createdAt)}</strong>
        </div>
        <div>
          <span className="muted small">{t('webhooks.detail.updated')}</span>
          <strong>{f.dateTime(e.updatedAt)}</strong>
        </div>
        <div>
          <span className="muted small">{t('webhooks.detail.previousSecret')}</span>
          <strong>
            {e.previousSecretUntil && new Date(e.previousSecretUntil).getTime() > Date.now()
              ? t('webhooks.detail.previousSecretUntil', { at: f.dateTime(e.previousSecretUntil) })
              : t('webhooks.detail.noPreviousSecret')}
          </strong>
        </div>
        <div className="endpoint-facts-types">
          <span className="muted small">{t('webhooks.columns.eventTypes')}</span>
          <ul className="event-type-tags">
            {e.eventTypes.map((name) => {
              const type = eventTypes.find((x) => x.name === name);
              return (
                <li key={name} title={type ? typeText(type) : undefined}>
                  <code>{name}</code>
                </li>
              );
            })}
          </ul>
        </div>
      </section>
      <section className="card stack-sm" aria-labelledby="deliveries-title">
        <div className="card-title card-title-actions">
          <h2 id="deliveries-title">{t('webhooks.deliveries.title')}</h2>
          <div className="toolbar-actions">
            <span className="muted small" aria-live="polite">
              {log.refreshing ? <Spinner small /> : t('webhooks.deliveries.polling')}
            </span>
            <div className="field field-inline">
              <label htmlFor="delivery-status" className="field-label">
                {t('webhooks.deliveries.status')}
              </label>
              <select
                id="delivery-status"
                value={status}
                onChange={(ev) => setStatus(ev.target.value as WebhookDeliveryStatus | '')}
              >
                <option value="">{t('common.all')}</option>
                {STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {t(`webhookDeliveryStatus.${s}`)}
                  </option>
                ))}
              </select>
            </div>
            <button type="button" className="btn btn-small" onClick={log.refresh}>
              {t('common.refresh')}
            </button>
          </div>
        </div>
        {log.error && !log.rows.length ? (
          <ErrorState error={log.error} onRetry={log.refresh} compact />
        ) : !log.loaded ? (
          <LoadingState rows={4} />
        ) : log.rows.length === 0 ? (
          <EmptyState title={status ? t('webhooks.deliveries.emptyFiltered') : t('webhooks.deliveries.empty')}>
            {!status && t('webhooks.deliveries.emptyHint')}
          </EmptyState>
        ) : (
          <DeliveryLog
            rows={log.rows}
            stale={log.stale}
            hasNextPage={log.hasNextPage}
            loadingMore={log.loadingMore}
            onLoadMore={log.loadMore}
          />
        )}
      </section>
    </div>
  );
}
