import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { OrderStatusBadge } from '../../../ui/Badge';
import { ErrorState } from '../../../ui/States';
import { useCan } from '../../auth/hooks/useSession';
import { OrderDeliveries } from '../../delivery/components/OrderDeliveries';
import { OrderShipments } from '../../fulfilment/components/OrderShipments';
import { OrderNotifications } from '../../notifications/components/OrderNotifications';
import { OrderAllocations } from '../../orders/components/OrderAllocations';
import { OrderLines } from '../../orders/components/OrderLines';
import { OrderTimeline } from '../../orders/components/OrderTimeline';
import { useOrder } from '../../orders/hooks/useOrder';

/**
 * The order's whole story next to the complaint, with the order page's own parts: lines, allocations,
 * pick/check records and shipments with tracking, deliveries with their trail and proof, what the customer
 * was told, and the order's history with who and when.
 */
export function ComplaintEvidence({ number }: { number: string }) {
  const { t } = useTranslation();
  const readable = useCan()('ORDER_READ');
  const { order, error, loading, refresh } = useOrder(readable ? number : '');
  if (!readable) return null;
  return (
    <section className="complaint-evidence stack" aria-labelledby="complaint-evidence-title">
      <div className="section-head">
        <h2 id="complaint-evidence-title">{t('complaints.evidence.title')}</h2>
        {order && (
          <span className="title-with-badge">
            <Link to={`/orders/${encodeURIComponent(order.number)}`} className="mono">
              {order.number}
            </Link>
            <OrderStatusBadge status={order.status} />
          </span>
        )}
      </div>
      {error && !order ? (
        <ErrorState error={error} onRetry={refresh} compact />
      ) : loading && !order ? (
        <p className="muted">{t('common.loading')}</p>
      ) : order ? (
        <div className="detail-grid">
          <div className="stack">
            <OrderLines order={order} />
            <OrderAllocations order={order} />
            <OrderShipments number={order.number} />
            <OrderDeliveries number={order.number} />
            <OrderNotifications number={order.number} />
          </div>
          <div className="stack">
            <OrderTimeline order={order} />
          </div>
        </div>
      ) : (
        <p className="muted">{t('orders.detail.notFound', { number })}</p>
      )}
    </section>
  );
}
