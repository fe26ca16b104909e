import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { OrderStatusBadge } from '../../../ui/Badge';
import { OutcomeBadge, ShipmentStatusBadge } from './FulfilmentBadges';
import type { PickListReport } from './PickListActions';
import { shipmentPath } from './ShipmentTable';

/** What became of every order of a list just completed or cancelled: none drops out silently. */
export function PickListReportCard({ report, onDismiss }: { report: PickListReport; onDismiss: () => void }) {
  const { t } = useTranslation();
  const full = report.orders.filter((o) => o.outcome === null).length;
  return (
    <section className="card stack floor-card report-card" aria-labelledby="pick-report-title" role="region">
      <div className="card-title card-title-actions">
        <h2 id="pick-report-title">
          {report.kind === 'completed' ? t('fulfilment.report.completedTitle') : t('fulfilment.report.cancelledTitle')}
        </h2>
        <button type="button" className="icon-btn" aria-label={t('common.close')} onClick={onDismiss}>
          ×
        </button>
      </div>
      <p className="muted small">
        {report.kind === 'completed'
          ? t('fulfilment.report.summary', { count: report.orders.length, full, short: report.orders.length - full })
          : t('fulfilment.report.cancelledSummary', { count: report.orders.length })}
      </p>
      <div className="table-scroll">
        <table className="data-table compact">
          <thead>
            <tr>
              <th scope="col">{t('fulfilment.shipments.columns.order')}</th>
              <th scope="col">{t('fulfilment.shipments.columns.number')}</th>
              <th scope="col">{t('fulfilment.report.outcome')}</th>
              <th scope="col">{t('fulfilment.report.detail')}</th>
              <th scope="col">{t('fulfilment.report.next')}</th>
            </tr>
          </thead>
          <tbody>
            {report.orders.map((o) => (
              <tr
                key={o.shipment.id}
                className={o.outcome && o.outcome.startsWith('SHORT') ? 'row-warning' : undefined}
              >
                <td>
                  <Link to={`/orders/${encodeURIComponent(o.order.number)}`} className="mono">
                    {o.order.number}
                  </Link>
                  <div>
                    <OrderStatusBadge status={o.order.status} />
                  </div>
                </td>
                <td>
                  <Link to={shipmentPath(o.shipment)} className="mono">
                    {o.shipment.number}
                  </Link>
                  <div>
                    <ShipmentStatusBadge status={o.shipment.status} />
                  </div>
                </td>
                <td>
                  <OutcomeBadge outcome={o.outcome} />
                </td>
                <td className="wrap small">
                  {o.outcome ? t(`shipmentOutcome.hint.${o.outcome}`) : t('fulfilment.report.fullDetail')}
                  {o.outcome && o.detail && (
                    <div className="muted" lang="en">
                      {o.detail}
                    </div>
                  )}
                </td>
                <td>
                  {o.shipment.status === 'PICKED' ? (
                    <Link to={shipmentPath(o.shipment)} className="btn btn-small btn-primary">
                      {t('fulfilment.report.checkNow')}
                    </Link>
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
