import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useFormat } from '../../../app/format';
import { Badge, OrderStatusBadge } from '../../../ui/Badge';
import { PageHeader } from '../../../ui/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '../../../ui/States';
import { OrderComplaints } from '../../complaints/components/OrderComplaints';
import { OrderDeliveries } from '../../delivery/components/OrderDeliveries';
import { OrderShipments } from '../../fulfilment/components/OrderShipments';
import { OrderNotifications } from '../../notifications/components/OrderNotifications';
import { OrderReturns, OrderReturnState } from '../../returns/components/OrderReturns';
import { OrderActions } from '../components/OrderActions';
import { OrderAllocations } from '../components/OrderAllocations';
import { OrderCustomer } from '../components/OrderCustomer';
import { OrderLines } from '../components/OrderLines';
import { OrderTimeline } from '../components/OrderTimeline';
import { useOrder } from '../hooks/useOrder';

export function OrderPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const { number = '' } = useParams();
  const { order, error, loading, liveNote, dismissLiveNote, refresh } = useOrder(number);

  if (error && !order) return <ErrorState error={error} onRetry={refresh} />;
  if (loading && !order) return <LoadingState rows={6} />;
  if (!order) {
    return (
      <EmptyState title={t('orders.detail.notFound', { number })}>
        <Link to="/orders" className="btn">
          {t('orders.detail.back')}
        </Link>
      </EmptyState>
    );
  }

  const late =
    new Date(order.promisedBy).getTime() < Date.now() && !['DELIVERED', 'RETURNED', 'CANCELLED'].includes(order.status);
  return (
    <div className="page">
      <nav aria-label={t('common.breadcrumb')} className="breadcrumb">
        <Link to="/orders">{t('nav.orders')}</Link> <span aria-hidden="true">/</span>{' '}
        <span aria-current="page">{order.number}</span>
      </nav>
      <PageHeader
        title={
          <span className="title-with-badge">
            <span className="mono">{order.number}</span>
            <OrderStatusBadge status={order.status} />
            {order.priority !== 'NORMAL' && (
              <Badge tone={order.priority === 'URGENT' ? 'danger' : 'warning'}>{t(`priority.${order.priority}`)}</Badge>
            )}
            <OrderReturnState number={order.number} />
          </span>
        }
        actions={<OrderActions order={order} />}
      >
        {(order.holdReasons.length > 0 || order.statusReason) && (
          <div className="hold-box" role="note">
            {order.holdReasons.map((r) => (
              <Badge key={r} tone="warning">
                {t(`holdReason.${r}`)}
              </Badge>
            ))}
            {order.statusReason && <span>{order.statusReason}</span>}
          </div>
        )}
      </PageHeader>
      {liveNote && (
        <div className="banner banner-live" role="status">
          {liveNote}
          <button type="button" className="icon-btn" aria-label={t('common.close')} onClick={dismissLiveNote}>
            ×
          </button>
        </div>
      )}
      <section className="facts" aria-label={t('orders.detail.facts')}>
        <div>
          <span className="muted small">{t('orders.columns.createdAt')}</span>
          <strong>{f.dateTime(order.createdAt)}</strong>
        </div>
        <div>
          <span className="muted small">{t('orders.columns.promisedBy')}</span>
          <strong className={late ? 'text-danger' : undefined}>
            {f.dateTime(order.promisedBy)} {late && <span className="small">({t('orders.late')})</span>}
          </strong>
        </div>
        <div>
          <span className="muted small">{t('orders.columns.channel')}</span>
          <strong>{t(`channel.${order.channel}`)}</strong>
        </div>
        <div>
          <span className="muted small">{t('orders.detail.payment')}</span>
          <strong>
            {t(`paymentMethod.${order.paymentMethod}`)} · {t(`paymentStatus.${order.paymentStatus}`)}
          </strong>
        </div>
        <div>
          <span className="muted small">{t('orders.columns.total')}</span>
          <strong>{f.money(order.total.fen)}</strong>
        </div>
        <div>
          <span className="muted small">{t('orders.detail.backorder')}</span>
          <strong>{order.allowBackorder ? t('common.yes') : t('common.no')}</strong>
        </div>
      </section>
      {order.note && (
        <p className="note-box">
          <span className="muted small">{t('orders.detail.note')}: </span>
          {order.note}
        </p>
      )}
      <div className="detail-grid">
        <div className="stack">
          <OrderLines order={order} />
          <OrderAllocations order={order} />
          <OrderShipments number={order.number} />
          <OrderDeliveries number={order.number} />
          <OrderNotifications number={order.number} />
        </div>
        <div className="stack">
          <OrderCustomer order={order} />
          <OrderComplaints number={order.number} />
          <OrderReturns number={order.number} />
          <OrderTimeline order={order} />
        </div>
      </div>
    </div>
  );
}
