import { useTranslation } from 'react-i18next';
import type { OrderDetailFragment } from '../../../gql/graphql';
import { OrderStatusBadge } from '../../../ui/Badge';
import { TimelineEvent } from '../../../ui/TimelineEvent';

/** The order's history, newest first. */
export function OrderTimeline({ order }: { order: OrderDetailFragment }) {
  const { t } = useTranslation();
  const events = [...order.events].sort((a, b) => b.sequence - a.sequence);
  return (
    <section className="card" aria-labelledby="order-timeline-title">
      <h2 id="order-timeline-title" className="card-title">
        {t('orders.timeline.title')}
      </h2>
      <ol className="timeline">
        {events.map((e) => (
          <TimelineEvent
            key={e.id}
            className={`timeline-${e.type.toLowerCase()}`}
            title={t(`eventType.${e.type}`)}
            fromStatus={e.fromStatus}
            toStatus={e.toStatus}
            badge={(s) => <OrderStatusBadge status={s} />}
            reason={e.reason}
            createdAt={e.createdAt}
            actor={e.actor}
            sequence={e.sequence}
          />
        ))}
      </ol>
    </section>
  );
}
