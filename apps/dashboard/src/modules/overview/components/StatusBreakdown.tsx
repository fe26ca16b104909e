import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../../app/format';
import { ORDER_STATUS_TONE } from '../../../ui/Badge';
import type { Overview } from '../hooks/useOverview';

/** Orders by status as labelled bars; each opens the orders table filtered to that status. */
export function StatusBreakdown({ rows }: { rows: Overview['ordersByStatus'] }) {
  const { t } = useTranslation();
  const f = useFormat();
  const max = Math.max(1, ...rows.map((r) => r.count));
  return (
    <section className="card" aria-labelledby="by-status-title">
      <h2 id="by-status-title" className="card-title">
        {t('overview.byStatus')}
      </h2>
      <ul className="bars">
        {rows.map((r) => (
          <li key={r.status}>
            <Link to={`/orders?status=${r.status}`} className="bar-row">
              <span className="bar-label">{t(`orderStatus.${r.status}`)}</span>
              <span className="bar-track" aria-hidden="true">
                <span
                  className={`bar-fill tone-${ORDER_STATUS_TONE[r.status]}`}
                  style={{ width: `${(r.count / max) * 100}%` }}
                />
              </span>
              <span className="bar-value">{f.number(r.count)}</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
