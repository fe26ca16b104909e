import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../../app/format';
import { useLiveFeed } from '../../../app/live/useLiveEvents';
import { StockStatusBadge } from '../../../ui/Badge';
import { useNow } from '../../../ui/useNow';
import { stockStream } from '../live/stockStream';

/** Threshold crossings as they happen (since the dashboard was opened). */
export function StockAlertsPanel({ limit = 30, title }: { limit?: number; title?: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const now = useNow(30_000);
  const stockAlerts = useLiveFeed(stockStream);
  return (
    <section className="card alerts-panel" aria-labelledby="stock-alerts-title">
      <h2 id="stock-alerts-title" className="card-title">
        {title ?? t('stock.alerts.title')}
        <span className="live-pill" aria-hidden="true">
          {t('live.badge')}
        </span>
      </h2>
      {stockAlerts.length === 0 ? (
        <p className="muted small">{t('stock.alerts.none')}</p>
      ) : (
        <ul className="alert-list" aria-live="polite">
          {stockAlerts.slice(0, limit).map((a) => (
            <li key={a.key} className={`alert-item alert-${a.status.toLowerCase()}`}>
              <div className="alert-head">
                <StockStatusBadge status={a.status} />
                <Link to={`/stock/${a.stockLevel.id}`}>
                  <code>{a.sku}</code> @ <code>{a.warehouseCode}</code>
                </Link>
              </div>
              <div className="small">
                {a.stockLevel.product.name} · {t('stock.alerts.available', { count: a.available, low: a.lowThreshold })}
              </div>
              <div className="muted small">
                {f.relative(a.createdAt, now)}
                {a.reference && ` · ${a.reference}`}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
