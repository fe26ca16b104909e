import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useFormat } from '../../../app/format';
import { PageHeader } from '../../../ui/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '../../../ui/States';
import { FloorHistory } from '../components/FloorHistory';
import { PickListStatusBadge, ShipmentStatusBadge } from '../components/FulfilmentBadges';
import { PickingBoard } from '../components/PickingBoard';
import { PickListActions, type PickListReport } from '../components/PickListActions';
import { PickListReportCard } from '../components/PickListReportCard';
import { shipmentPath } from '../components/ShipmentTable';
import { usePickList } from '../hooks/usePickList';
import '../fulfilment.css';

export function PickListPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const { id = '' } = useParams();
  const { list, loaded, error, refresh } = usePickList(id);
  const [report, setReport] = useState<PickListReport | null>(null);

  if (error && !list) return <ErrorState error={error} onRetry={refresh} />;
  if (!loaded) return <LoadingState rows={6} />;
  if (!list) {
    return (
      <EmptyState title={t('fulfilment.pick.notFound')}>
        <Link to="/warehouse" className="btn">
          {t('fulfilment.pick.back')}
        </Link>
      </EmptyState>
    );
  }
  const dateOr = (iso: string | null | undefined) => (iso ? f.dateTime(iso) : '—');
  const units = list.lines.reduce((n, l) => n + l.required, 0);
  const picked = list.lines.reduce((n, l) => n + (l.picked ?? 0), 0);
  const recorded = list.lines.filter((l) => l.picked !== null).length;

  return (
    <div className="page">
      <nav aria-label={t('common.breadcrumb')} className="breadcrumb">
        <Link to="/warehouse">{t('nav.warehouse')}</Link> <span aria-hidden="true">/</span>{' '}
        <span aria-current="page">{list.number}</span>
      </nav>
      <PageHeader
        title={
          <span className="title-with-badge">
            <span className="mono">{list.number}</span>
            <PickListStatusBadge status={list.status} />
          </span>
        }
        subtitle={
          <>
            <code>{list.warehouseCode}</code> {list.warehouse.name}
            {list.deliveryCity && <> · {t('fulfilment.pick.onlyCity', { city: list.deliveryCity })}</>}
          </>
        }
        actions={<PickListActions list={list} onStarted={refresh} onClosed={setReport} />}
      />
      {report && <PickListReportCard report={report} onDismiss={() => setReport(null)} />}
      <section className="facts" aria-label={t('fulfilment.pick.facts')}>
        <div>
          <span className="muted small">{t('fulfilment.lists.columns.orders')}</span>
          <strong>{f.number(list.shipments.length)}</strong>
        </div>
        <div>
          <span className="muted small">{t('fulfilment.lists.columns.lines')}</span>
          <strong>
            {t('fulfilment.lists.stops', { count: list.lines.length })} ·{' '}
            {t('fulfilment.lists.units', { count: units })}
          </strong>
        </div>
        <div>
          <span className="muted small">{t('fulfilment.pick.pickedSoFar')}</span>
          <strong className={recorded === list.lines.length && picked < units ? 'text-danger' : undefined}>
            {t('fulfilment.pick.pickedUnits', { picked, count: units })}
          </strong>
          <span className="muted small">
            {t('fulfilment.lists.recorded', { done: recorded, count: list.lines.length })}
          </span>
        </div>
        <div>
          <span className="muted small">{t('fulfilment.lists.columns.created')}</span>
          <strong>{dateOr(list.createdAt)}</strong>
          <span className="muted small">{list.createdBy}</span>
        </div>
        <div>
          <span className="muted small">{t('fulfilment.lists.columns.picker')}</span>
          <strong>{list.picker ?? '—'}</strong>
          {list.startedAt && <span className="muted small">{f.dateTime(list.startedAt)}</span>}
        </div>
        <div>
          <span className="muted small">
            {list.status === 'CANCELLED' ? t('fulfilment.pick.cancelledAt') : t('fulfilment.pick.completedAt')}
          </span>
          <strong>{dateOr(list.completedAt)}</strong>
        </div>
      </section>
      {list.status === 'OPEN' && <p className="note-box">{t('fulfilment.pick.startHint')}</p>}
      <PickingBoard list={list} />
      <div className="detail-grid">
        <section className="card" aria-labelledby="pick-orders-title">
          <h2 id="pick-orders-title" className="card-title">
            {t('fulfilment.pick.orders')}
          </h2>
          <div className="table-scroll">
            <table className="data-table compact">
              <thead>
                <tr>
                  <th scope="col">{t('fulfilment.shipments.columns.number')}</th>
                  <th scope="col">{t('fulfilment.shipments.columns.order')}</th>
                  <th scope="col">{t('fulfilment.shipments.columns.destination')}</th>
                  <th scope="col">{t('fulfilment.shipments.columns.status')}</th>
                </tr>
              </thead>
              <tbody>
                {list.shipments.map((s) => (
                  <tr key={s.id}>
                    <td>
                      <Link to={shipmentPath(s)} className="mono">
                        {s.number}
                      </Link>
                    </td>
                    <td>
                      <Link to={`/orders/${encodeURIComponent(s.order.number)}`} className="mono small">
                        {s.order.number}
                      </Link>
                      {s.order.priority !== 'NORMAL' && (
                        <span className="text-danger small"> {t(`priority.${s.order.priority}`)}</span>
                      )}
                    </td>
                    <td>
                      {s.order.delivery.city}{' '}
                      <span className="muted small">{t(`region.${s.order.delivery.region}`)}</span>
                    </td>
                    <td>
                      <ShipmentStatusBadge status={s.status} outcome={s.outcome} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
        <FloorHistory kind="pickList" events={list.events} />
      </div>
    </div>
  );
}
