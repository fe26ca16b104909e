import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../../app/format';
import { useCatchUpState, useLiveFeed } from '../../../app/live/useLiveEvents';
import { OrderStatusBadge } from '../../../ui/Badge';
import { orderStream } from '../../orders/live/orderStream';

/** Order events as they happen (newest on top); events replayed after a reconnect are marked. */
export function LiveFeed() {
  const { t } = useTranslation();
  const f = useFormat();
  const orderEvents = useLiveFeed(orderStream);
  const { catchingUp } = useCatchUpState();
  return (
    <section className="card feed-card" aria-labelledby="feed-title">
      <h2 id="feed-title" className="card-title">
        {t('overview.feed.title')}
        <span className="live-pill" aria-hidden="true">
          {t('live.badge')}
        </span>
        {catchingUp && <span className="muted small">{t('live.catchingUp')}</span>}
      </h2>
      {orderEvents.length === 0 ? (
        <p className="muted small feed-empty">{t('overview.feed.empty')}</p>
      ) : (
        <ol className="feed" aria-live="polite" aria-relevant="additions">
          {orderEvents.slice(0, 60).map((e) => (
            <li key={e.id} className={e.replayed ? 'feed-item feed-replayed' : 'feed-item'}>
              <time className="feed-time mono" dateTime={e.createdAt}>
                {f.time(e.createdAt, true)}
              </time>
              <div className="feed-body">
                <div className="feed-line">
                  <Link to={`/orders/${e.order.number}`} className="mono">
                    {e.order.number}
                  </Link>
                  <span>{t(`eventType.${e.type}`)}</span>
                  {e.fromStatus && e.fromStatus !== e.toStatus ? (
                    <span className="transition">
                      <OrderStatusBadge status={e.fromStatus} />
                      <span aria-label={t('common.to')}>→</span>
                      <OrderStatusBadge status={e.toStatus} />
                    </span>
                  ) : (
                    <OrderStatusBadge status={e.toStatus} />
                  )}
                  {e.type === 'PLACED' && <span className="feed-amount">{f.money(e.order.total.fen)}</span>}
                </div>
                {(e.reason || e.replayed) && (
                  <div className="muted small">
                    {e.reason}
                    {e.replayed && <span className="replayed-tag">{t('overview.feed.replayed')}</span>}
                  </div>
                )}
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
