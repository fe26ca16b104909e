import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useFormat } from '../../../app/format';
import { PageHeader } from '../../../ui/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '../../../ui/States';
import { useCan } from '../../auth/hooks/useSession';
import { ComplaintActions } from '../components/ComplaintActions';
import { ComplaintPriorityBadge, ComplaintStatusBadge } from '../components/ComplaintBadges';
import { ComplaintEvidence } from '../components/ComplaintEvidence';
import { QualityTrace } from '../components/QualityTrace';
import { ComplaintHistory } from '../components/ComplaintHistory';
import { SlaClock } from '../components/SlaClock';
import { useComplaint } from '../hooks/useComplaint';
import '../complaints.css';

/** One complaint: its clock, owner and steps, what the customer said and got, its history, and the order's evidence. */
export function ComplaintPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const can = useCan();
  const { id = '' } = useParams();
  const { complaint: c, error, loading, liveNote, dismissLiveNote, refresh } = useComplaint(id);

  if (error && !c) return <ErrorState error={error} onRetry={refresh} />;
  if (loading && !c) return <LoadingState rows={6} />;
  if (!c) {
    return (
      <EmptyState title={t('complaints.detail.notFound')}>
        <Link to="/complaints" className="btn">
          {t('complaints.detail.back')}
        </Link>
      </EmptyState>
    );
  }

  return (
    <div className="page">
      <nav aria-label={t('common.breadcrumb')} className="breadcrumb">
        <Link to="/complaints">{t('nav.complaints')}</Link> <span aria-hidden="true">/</span>{' '}
        <span aria-current="page">{c.number}</span>
      </nav>
      <PageHeader
        title={
          <span className="title-with-badge">
            <span className="mono">{c.number}</span>
            <ComplaintStatusBadge status={c.status} />
            <ComplaintPriorityBadge priority={c.priority} />
          </span>
        }
        subtitle={t('complaints.detail.subtitle', {
          category: t(`complaintCategory.${c.category}`),
          department: t(`department.${c.department}`),
          channel: t(`complaintChannel.${c.channel}`),
        })}
        actions={<ComplaintActions complaint={c} />}
      />
      {liveNote && (
        <div className="banner banner-live" role="status">
          {liveNote}
          <button type="button" className="icon-btn" aria-label={t('common.close')} onClick={dismissLiveNote}>
            ×
          </button>
        </div>
      )}
      <SlaClock complaint={c} />
      <div className="detail-grid">
        <div className="stack">
          <section className="card stack-sm" aria-labelledby="complaint-said-title">
            <h2 id="complaint-said-title" className="card-title">
              {t('complaints.detail.description')}
            </h2>
            <p className="complaint-description">{c.description}</p>
            <dl className="complaint-facts">
              <dt>{t('complaints.columns.customer')}</dt>
              <dd>{c.customer?.name ?? '—'}</dd>
              <dt>{t('complaints.columns.order')}</dt>
              <dd>
                {c.order ? (
                  <Link to={`/orders/${encodeURIComponent(c.order.number)}`} className="mono">
                    {c.order.number}
                  </Link>
                ) : (
                  '—'
                )}
              </dd>
              <dt>{t('complaints.columns.owner')}</dt>
              <dd>{c.owner?.name ?? <span className="muted">{t('complaints.unowned')}</span>}</dd>
              <dt>{t('complaints.detail.openedAt')}</dt>
              <dd>{f.dateTime(c.openedAt)}</dd>
              {c.resolvedAt && (
                <>
                  <dt>{t('complaints.detail.resolvedAt')}</dt>
                  <dd>{f.dateTime(c.resolvedAt)}</dd>
                </>
              )}
              {c.closedAt && (
                <>
                  <dt>{t('complaints.detail.closedAt')}</dt>
                  <dd>{f.dateTime(c.closedAt)}</dd>
                </>
              )}
            </dl>
          </section>
          {(c.rootCause || c.outcome || c.resolutionNote) && (
            <section className="card stack-sm" aria-labelledby="complaint-resolution-title">
              <h2 id="complaint-resolution-title" className="card-title">
                {t('complaints.detail.resolution')}
              </h2>
              <dl className="complaint-facts">
                <dt>{t('complaints.resolve.rootCause')}</dt>
                <dd>{c.rootCause ? t(`rootCause.${c.rootCause}`) : '—'}</dd>
                <dt>{t('complaints.resolve.outcome')}</dt>
                <dd>{c.outcome ? t(`complaintOutcome.${c.outcome}`) : '—'}</dd>
                <dt>{t('complaints.resolve.note')}</dt>
                <dd>{c.resolutionNote ?? '—'}</dd>
              </dl>
            </section>
          )}
          {c.category === 'QUALITY' && c.order && can('PURCHASING_READ') && <QualityTrace complaintId={c.id} />}
        </div>
        <div className="stack">
          <ComplaintHistory complaint={c} />
        </div>
      </div>
      {c.order ? (
        <ComplaintEvidence number={c.order.number} />
      ) : (
        <p className="muted">{t('complaints.evidence.noOrder')}</p>
      )}
    </div>
  );
}
