import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../../app/format';
import { Badge } from '../../../ui/Badge';
import { PageHeader } from '../../../ui/PageHeader';
import { EmptyState, ErrorState, LoadingState, Spinner } from '../../../ui/States';
import { useNow } from '../../../ui/useNow';
import { OrderActions } from '../../orders/components/OrderActions';
import { useReviewQueue } from '../hooks/useReviewQueue';

type Tab = 'PENDING_REVIEW' | 'ON_HOLD' | 'ALL';

export function ReviewQueuePage() {
  const { t } = useTranslation();
  const f = useFormat();
  const now = useNow(30_000);
  const { orders, error, loading, truncated, reload } = useReviewQueue();
  const [tab, setTab] = useState<Tab>('PENDING_REVIEW');

  const counts = {
    PENDING_REVIEW: orders?.filter((o) => o.status === 'PENDING_REVIEW').length ?? 0,
    ON_HOLD: orders?.filter((o) => o.status === 'ON_HOLD').length ?? 0,
    ALL: orders?.length ?? 0,
  };
  const shown = orders?.filter((o) => tab === 'ALL' || o.status === tab) ?? [];

  return (
    <div className="page page-fill">
      <PageHeader
        title={t('review.title')}
        subtitle={t('review.subtitle')}
        actions={
          <button type="button" className="btn" onClick={() => void reload()} disabled={loading}>
            {loading && orders && <Spinner small />}
            {t('common.refresh')}
          </button>
        }
      />
      <div className="tabs" role="tablist" aria-label={t('review.tabs')}>
        {(['PENDING_REVIEW', 'ON_HOLD', 'ALL'] as const).map((k) => (
          <button
            key={k}
            type="button"
            role="tab"
            id={`tab-${k}`}
            aria-selected={tab === k}
            aria-controls="review-panel"
            className={tab === k ? 'tab active' : 'tab'}
            onClick={() => setTab(k)}
          >
            {k === 'ALL' ? t('common.all') : t(`orderStatus.${k}`)}
            <span className="tab-count">{f.number(counts[k])}</span>
          </button>
        ))}
      </div>
      <div id="review-panel" role="tabpanel" aria-labelledby={`tab-${tab}`} className="panel-fill">
        {error && !orders ? (
          <ErrorState error={error} onRetry={() => void reload()} />
        ) : !orders ? (
          <LoadingState rows={6} />
        ) : shown.length === 0 ? (
          <EmptyState title={t('review.empty')}>{t('review.emptyHint')}</EmptyState>
        ) : (
          <div className="table-scroll">
            <table className="data-table review-table">
              <colgroup>
                <col style={{ width: '11%' }} />
                <col style={{ width: '15%' }} />
                <col style={{ width: '17%' }} />
                <col style={{ width: '21%' }} />
                <col style={{ width: '14%' }} />
                <col style={{ width: '22%' }} />
              </colgroup>
              <thead>
                <tr>
                  <th scope="col">{t('review.columns.waiting')}</th>
                  <th scope="col">{t('orders.columns.number')}</th>
                  <th scope="col">{t('orders.columns.customer')}</th>
                  <th scope="col">{t('review.columns.reasons')}</th>
                  <th scope="col" className="num">
                    {t('review.columns.amount')}
                  </th>
                  <th scope="col">{t('common.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((o) => {
                  const waitedMin = (now - new Date(o.createdAt).getTime()) / 60_000;
                  return (
                    <tr key={o.id}>
                      <td>
                        <strong
                          className={waitedMin > 240 ? 'text-danger' : waitedMin > 60 ? 'text-warning' : undefined}
                        >
                          {f.minutes(waitedMin)}
                        </strong>
                        <div className="muted small">{f.shortDateTime(o.createdAt)}</div>
                      </td>
                      <td>
                        <Link to={`/orders/${o.number}`} className="mono">
                          {o.number}
                        </Link>
                        <div className="small">
                          {o.status === 'ON_HOLD' ? (
                            <Badge tone="danger">{t('orderStatus.ON_HOLD')}</Badge>
                          ) : (
                            <span className="muted">{t(`channel.${o.channel}`)}</span>
                          )}
                        </div>
                      </td>
                      <td>
                        {o.customer.name}
                        <div className="badges">
                          {o.customer.isNew && <Badge tone="info">{t('orders.customer.new')}</Badge>}
                          {o.customer.creditStatus !== 'GOOD' && (
                            <Badge tone={o.customer.creditStatus === 'BLOCKED' ? 'danger' : 'warning'}>
                              {t(`creditStatus.${o.customer.creditStatus}`)}
                            </Badge>
                          )}
                        </div>
                      </td>
                      <td className="reasons" title={o.statusReason ?? undefined}>
                        <div className="badges">
                          {o.holdReasons.map((r) => (
                            <Badge key={r} tone="warning">
                              {t(`holdReason.${r}`)}
                            </Badge>
                          ))}
                        </div>
                        {/* A manual hold carries the agent's own words; automatic review's reasons are the badges. */}
                        {o.status === 'ON_HOLD' && o.statusReason && (
                          <div className="small muted">{o.statusReason}</div>
                        )}
                      </td>
                      <td className="num">
                        <strong>{f.money(o.total.fen)}</strong>
                        <div className="small muted">{t(`paymentMethod.${o.paymentMethod}`)}</div>
                        <div className={o.paymentStatus === 'PENDING' ? 'small text-warning' : 'small muted'}>
                          {t(`paymentStatus.${o.paymentStatus}`)}
                        </div>
                      </td>
                      <td>
                        <OrderActions order={o} compact />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
            {truncated && <div className="table-foot">{t('review.truncated', { count: orders.length })}</div>}
          </div>
        )}
      </div>
    </div>
  );
}
