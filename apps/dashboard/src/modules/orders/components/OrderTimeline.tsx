import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../app/format';
import type { OrderDetailFragment } from '../../../gql/graphql';
import { OrderStatusBadge } from '../../../ui/Badge';

/** The order's history, newest first. */
export function OrderTimeline({ order }: { order: OrderDetailFragment }) {
  const { t } = useTranslation();
  const f = useFormat();
  const events = [...order.events].sort((a, b) => b.sequence - a.sequence);
  return (
    <section className="card" aria-labelledby="order-timeline-title">
      <h2 id="order-timeline-title" className="card-title">
        {t('orders.timeline.title')}
      </h2>
      <ol className="timeline">
        {events.map((e) => (
          <li key={e.id} className={`timeline-item timeline-${e.type.toLowerCase()}`}>
            <span className="timeline-marker" aria-hidden="true" />
            <div className="timeline-body">
              <div className="timeline-head">
                <strong>{t(`eventType.${e.type}`)}</strong>
                {e.fromStatus && e.fromStatus !== e.toStatus ? (
                  <span className="transition">
                    <OrderStatusBadge status={e.fromStatus} />
                    <span aria-label={t('common.to')}>→</span>
                    <OrderStatusBadge status={e.toStatus} />
                  </span>
                ) : (
                  <OrderStatusBadge status={e.toStatus} />
                )}
              </div>
              {e.reason && <div className="timeline-reason">{e.reason}</div>}
              <div className="muted small">
                <time dateTime={e.createdAt}>{f.dateTime(e.createdAt)}</time> · {e.actor} · #{e.sequence}
              </div>
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
