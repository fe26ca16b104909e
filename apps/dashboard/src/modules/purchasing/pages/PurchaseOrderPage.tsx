import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useFormat } from '../../../app/format';
import { Badge } from '../../../ui/Badge';
import { PageHeader } from '../../../ui/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '../../../ui/States';
import { useCan } from '../../auth/hooks/useSession';
import { PurchaseOrderActions } from '../components/PurchaseOrderActions';
import { PurchaseOrderHistory } from '../components/PurchaseOrderHistory';
import { PurchaseOrderLines } from '../components/PurchaseOrderLines';
import { PurchaseOrderStatusBadge, StandingBadge } from '../components/PurchasingBadges';
import { ReceiptCard } from '../components/ReceiptCard';
import { usePurchaseOrder } from '../hooks/usePurchaseOrder';
import '../purchasing.css';

const OPEN = ['DRAFT', 'SENT', 'CONFIRMED', 'PARTIALLY_RECEIVED'];

export function PurchaseOrderPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const can = useCan();
  const { id = '' } = useParams();
  const { order: po, events, loaded, error, refresh } = usePurchaseOrder(id);

  if (error && !po) return <ErrorState error={error} onRetry={refresh} />;
  if (!loaded) return <LoadingState rows={6} />;
  if (!po) {
    return (
      <EmptyState title={t('purchasing.po.notFound')}>
        <Link to="/purchasing?tab=orders" className="btn">
          {t('purchasing.po.back')}
        </Link>
      </EmptyState>
    );
  }
  const receivable = po.status === 'CONFIRMED' || po.status === 'PARTIALLY_RECEIVED';
  const dateOr = (iso: string | null | undefined) => (iso ? f.dateTime(iso) : '—');

  return (
    <div className="page">
      <nav aria-label={t('common.breadcrumb')} className="breadcrumb">
        <Link to="/purchasing?tab=orders">{t('nav.purchasing')}</Link> <span aria-hidden="true">/</span>{' '}
        <span aria-current="page">{po.number}</span>
      </nav>
      <PageHeader
        title={
          <span className="title-with-badge">
            <span className="mono">{po.number}</span>
            <PurchaseOrderStatusBadge status={po.status} overdue={po.overdue} />
          </span>
        }
        subtitle={
          <>
            <Link to={`/suppliers/${encodeURIComponent(po.supplier.id)}`}>
              <code>{po.supplier.code}</code> {po.supplier.name}
            </Link>{' '}
            <StandingBadge standing={po.supplier.standing} /> → <code>{po.warehouse.code}</code> {po.warehouse.name}
          </>
        }
        actions={
          <>
            {receivable && can('GOODS_RECEIVE') && (
              <Link to={`/receiving?po=${encodeURIComponent(po.id)}`} className="btn">
                {t('receiving.receiveThis')}
              </Link>
            )}
            <PurchaseOrderActions po={po} />
          </>
        }
      >
        {(po.statusReason || po.overrideReason) && (
          <div className="hold-box" role="note">
            {po.overrideReason && <Badge tone="danger">{t('purchasing.po.override')}</Badge>}
            <span>{po.statusReason ?? po.overrideReason}</span>
          </div>
        )}
      </PageHeader>
      <section className="facts" aria-label={t('purchasing.po.facts')}>
        <div>
          <span className="muted small">{t('purchasing.orders.columns.expected')}</span>
          <strong className={po.overdue ? 'text-danger' : undefined}>{po.expectedDate ?? '—'}</strong>
        </div>
        <div>
          <span className="muted small">{t('purchasing.orders.columns.total')}</span>
          <strong>{f.money(po.total.fen)}</strong>
        </div>
        <div>
          <span className="muted small">{t('purchasing.orders.columns.created')}</span>
          <strong>{dateOr(po.createdAt)}</strong>
          <span className="muted small">{po.createdBy}</span>
        </div>
        <div>
          <span className="muted small">{t('purchasing.po.sentAt')}</span>
          <strong>{dateOr(po.sentAt)}</strong>
        </div>
        <div>
          <span className="muted small">{t('purchasing.po.confirmedAt')}</span>
          <strong>{dateOr(po.confirmedAt)}</strong>
        </div>
        <div>
          <span className="muted small">{t('purchasing.po.lastExpedited')}</span>
          <strong>{dateOr(po.lastExpeditedAt)}</strong>
        </div>
      </section>
      {po.note && (
        <p className="note-box">
          <span className="muted small">{t('purchasing.po.note')}: </span>
          {po.note}
        </p>
      )}
      <PurchaseOrderLines lines={po.lines} open={OPEN.includes(po.status)} />
      <div className="detail-grid">
        <section className="card" aria-labelledby="po-receipts-title">
          <h2 id="po-receipts-title" className="card-title">
            {t('purchasing.po.receipts')}
          </h2>
          {po.receipts.length === 0 ? (
            <p className="muted">{t('purchasing.po.noReceipts')}</p>
          ) : (
            <div className="stack">
              {po.receipts.map((r) => (
                <ReceiptCard key={r.id} receipt={r} nested />
              ))}
            </div>
          )}
        </section>
        <PurchaseOrderHistory contacts={po.contacts} events={events} />
      </div>
    </div>
  );
}
