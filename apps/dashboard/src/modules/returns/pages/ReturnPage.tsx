import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useFormat } from '../../../app/format';
import type { ReturnDetailFragment } from '../../../gql/graphql';
import { OrderStatusBadge } from '../../../ui/Badge';
import { PageHeader } from '../../../ui/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '../../../ui/States';
import { useCan } from '../../auth/hooks/useSession';
import { ComplaintStatusBadge } from '../../complaints/components/ComplaintBadges';
import { complaintPath } from '../../complaints/components/paths';
import { InspectionForm } from '../components/InspectionForm';
import { ReturnActions } from '../components/ReturnActions';
import { OrderReturnStateBadge, resolutionText, ReturnStatusBadge } from '../components/ReturnBadges';
import { ReturnHistory } from '../components/ReturnHistory';
import { ReturnLines } from '../components/ReturnLines';
import { useReturn } from '../hooks/useReturn';
import '../returns.css';

/** What the customer gets, as chosen: the refund (method, gateway), the store credit or the replacement order. */
function OutcomeCard({ returnRequest: r }: { returnRequest: ReturnDetailFragment }) {
  const { t } = useTranslation();
  const f = useFormat();
  const { refund, storeCredit, replacementOrder } = r;
  const settled = refund || storeCredit || replacementOrder;
  const closed = r.status === 'REJECTED' || r.status === 'CANCELLED';
  return (
    <section className="card stack-sm" aria-labelledby="return-outcome-title">
      <h2 id="return-outcome-title" className="card-title">
        {t('returns.outcome.title')}
        <span className="muted small"> · {resolutionText(t, r.resolution)}</span>
      </h2>
      {refund && (
        <>
          <p className="outcome-amount">{f.money(refund.amount.fen)}</p>
          <dl className="return-facts">
            <dt>{t('returns.outcome.method')}</dt>
            <dd>
              {t(`paymentMethod.${refund.method}` as 'paymentMethod.WECHAT_PAY', { defaultValue: refund.method })}
            </dd>
            <dt>{t('returns.outcome.gateway')}</dt>
            <dd>{refund.gateway}</dd>
            <dt>{t('returns.outcome.reference')}</dt>
            <dd className="mono small">{refund.gatewayReference ?? '—'}</dd>
            <dt>{t('returns.outcome.refundedAt')}</dt>
            <dd>{f.dateTime(refund.createdAt)}</dd>
          </dl>
        </>
      )}
      {storeCredit && (
        <>
          <p className="outcome-amount">{f.money(storeCredit.amount.fen)}</p>
          <dl className="return-facts">
            <dt>{t('returns.outcome.creditBalance')}</dt>
            <dd>{r.customer ? f.money(r.customer.storeCreditBalance.fen) : '—'}</dd>
            <dt>{t('returns.outcome.creditedBy')}</dt>
            <dd>{storeCredit.actor}</dd>
            <dt>{t('returns.outcome.creditedAt')}</dt>
            <dd>{f.dateTime(storeCredit.createdAt)}</dd>
          </dl>
        </>
      )}
      {replacementOrder && (
        <dl className="return-facts">
          <dt>{t('returns.outcome.replacement')}</dt>
          <dd>
            <span className="inline-badges">
              <Link to={`/orders/${encodeURIComponent(replacementOrder.number)}`} className="mono">
                {replacementOrder.number}
              </Link>
              <OrderStatusBadge status={replacementOrder.status} />
            </span>
          </dd>
          <dt>{t('returns.outcome.replacementValue')}</dt>
          <dd>{f.money(replacementOrder.total.fen)}</dd>
        </dl>
      )}
      {!settled && (
        <p className="muted">
          {closed
            ? t('returns.outcome.none')
            : r.status === 'RESOLVED'
              ? t('returns.outcome.nothingReceived')
              : t(`returns.outcome.pending.${r.resolution}`)}
        </p>
      )}
    </section>
  );
}

/** One line at the top once resolved: what the customer got. */
function OutcomeBanner({ returnRequest: r }: { returnRequest: ReturnDetailFragment }) {
  const { t } = useTranslation();
  const f = useFormat();
  const text = r.refund
    ? t('returns.detail.refunded', {
        amount: f.money(r.refund.amount.fen),
        method: t(`paymentMethod.${r.refund.method}` as 'paymentMethod.WECHAT_PAY', { defaultValue: r.refund.method }),
      })
    : r.storeCredit
      ? t('returns.detail.credited', { amount: f.money(r.storeCredit.amount.fen) })
      : r.replacementOrder
        ? t('returns.detail.exchanged', { order: r.replacementOrder.number })
        : t('returns.outcome.nothingReceived');
  return (
    <div className="banner return-outcome" role="status">
      {text}
    </div>
  );
}

/** One return: what comes back and why, its decision, the warehouse's inspection, the refund and history. */
export function ReturnPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const can = useCan();
  const { id = '' } = useParams();
  const { returnRequest: r, error, loading, refresh } = useReturn(id);

  if (error && !r) return <ErrorState error={error} onRetry={refresh} />;
  if (loading && !r) return <LoadingState rows={6} />;
  if (!r) {
    return (
      <EmptyState title={t('returns.detail.notFound')}>
        <Link to="/returns" className="btn">
          {t('returns.detail.back')}
        </Link>
      </EmptyState>
    );
  }

  const inspecting = r.status === 'APPROVED' && can('RETURN_INSPECT');
  const waiting =
    r.status === 'REQUESTED' && !can('RETURN_HANDLE')
      ? t('returns.detail.waitingDecision')
      : r.status === 'APPROVED' && !inspecting
        ? t('returns.detail.waitingGoods')
        : null;
  return (
    <div className="page">
      <nav aria-label={t('common.breadcrumb')} className="breadcrumb">
        <Link to="/returns">{t('nav.returns')}</Link> <span aria-hidden="true">/</span>{' '}
        <span aria-current="page">{r.number}</span>
      </nav>
      <PageHeader
        title={
          <span className="title-with-badge">
            <span className="mono">{r.number}</span>
            <ReturnStatusBadge status={r.status} />
          </span>
        }
        subtitle={t('returns.detail.subtitle', {
          reason: t(`returnReason.${r.reason}`),
          resolution: resolutionText(t, r.resolution),
          at: f.dateTime(r.requestedAt),
        })}
        actions={<ReturnActions returnRequest={r} />}
      />
      {r.status === 'RESOLVED' && <OutcomeBanner returnRequest={r} />}
      {waiting && <p className="note-box">{waiting}</p>}
      {inspecting && <InspectionForm returnRequest={r} />}
      <ReturnLines returnRequest={r} />
      <div className="detail-grid">
        <div className="stack">
          <section className="card stack-sm" aria-labelledby="return-request-title">
            <h2 id="return-request-title" className="card-title">
              {t('returns.detail.request')}
            </h2>
            <dl className="return-facts">
              <dt>{t('returns.columns.order')}</dt>
              <dd>
                {r.order ? (
                  <span className="inline-badges">
                    <Link to={`/orders/${encodeURIComponent(r.order.number)}`} className="mono">
                      {r.order.number}
                    </Link>
                    <OrderStatusBadge status={r.order.status} />
                    <OrderReturnStateBadge state={r.order.returnState} />
                  </span>
                ) : (
                  '—'
                )}
              </dd>
              <dt>{t('returns.columns.customer')}</dt>
              <dd>{r.customer?.name ?? '—'}</dd>
              <dt>{t('returns.columns.resolution')}</dt>
              <dd>{resolutionText(t, r.resolution)}</dd>
              <dt>{t('returns.detail.complaint')}</dt>
              <dd>
                {r.complaint ? (
                  <span className="inline-badges">
                    <Link to={complaintPath(r.complaint.id)} className="mono">
                      {r.complaint.number}
                    </Link>
                    <ComplaintStatusBadge status={r.complaint.status} />
                  </span>
                ) : (
                  <span className="muted">{t('returns.detail.noComplaint')}</span>
                )}
              </dd>
              <dt>{t('returns.columns.reason')}</dt>
              <dd>{t(`returnReason.${r.reason}`)}</dd>
              <dt>{t('returns.detail.note')}</dt>
              <dd className="return-said">{r.note ?? <span className="muted">{t('returns.detail.noNote')}</span>}</dd>
              <dt>{t('returns.columns.requestedAt')}</dt>
              <dd>{f.dateTime(r.requestedAt)}</dd>
              {r.decidedAt && (
                <>
                  <dt>{r.status === 'REJECTED' ? t('returns.detail.rejectedAt') : t('returns.detail.approvedAt')}</dt>
                  <dd>{f.dateTime(r.decidedAt)}</dd>
                </>
              )}
              {r.decisionReason && (
                <>
                  <dt>{t('returns.detail.decisionReason')}</dt>
                  <dd>{r.decisionReason}</dd>
                </>
              )}
              {r.receivedAt && (
                <>
                  <dt>{t('returns.detail.receivedAt')}</dt>
                  <dd>{f.dateTime(r.receivedAt)}</dd>
                </>
              )}
              {r.resolvedAt && (
                <>
                  <dt>{t('returns.detail.resolvedAt')}</dt>
                  <dd>{f.dateTime(r.resolvedAt)}</dd>
                </>
              )}
            </dl>
          </section>
        </div>
        <div className="stack">
          <OutcomeCard returnRequest={r} />
          <ReturnHistory returnRequest={r} />
        </div>
      </div>
    </div>
  );
}
