import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useFormat } from '../../../app/format';
import { PageHeader } from '../../../ui/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '../../../ui/States';
import { useCan } from '../../auth/hooks/useSession';
import { CheckErrorsCard } from '../components/CheckErrorsCard';
import { CheckForm } from '../components/CheckForm';
import { FloorHistory } from '../components/FloorHistory';
import { ShipmentStatusBadge } from '../components/FulfilmentBadges';
import { PackagesCard } from '../components/PackagesCard';
import { PackForm } from '../components/PackForm';
import { ShipDialog } from '../components/ShipDialog';
import { ShipmentSteps } from '../components/ShipmentSteps';
import { useShipment } from '../hooks/useShipment';
import '../fulfilment.css';

/** One order part on the floor: its check (复核), packing and hand-over to the carrier. */
export function ShipmentPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const can = useCan();
  const { id = '' } = useParams();
  const { shipment: s, loaded, error, refresh } = useShipment(id);
  const [shipping, setShipping] = useState(false);

  if (error && !s) return <ErrorState error={error} onRetry={refresh} />;
  if (!loaded) return <LoadingState rows={6} />;
  if (!s) {
    return (
      <EmptyState title={t('fulfilment.shipment.notFound')}>
        <Link to="/warehouse?tab=check" className="btn">
          {t('fulfilment.shipment.back')}
        </Link>
      </EmptyState>
    );
  }
  const work = can('WAREHOUSE_WORK');
  const stage = (at: string | null | undefined, by: string | null | undefined) =>
    at ? (
      <>
        <strong>{f.dateTime(at)}</strong>
        {by && <span className="muted small">{by}</span>}
      </>
    ) : (
      <strong>—</strong>
    );

  return (
    <div className="page">
      <nav aria-label={t('common.breadcrumb')} className="breadcrumb">
        <Link to="/warehouse?tab=check">{t('nav.warehouse')}</Link> <span aria-hidden="true">/</span>{' '}
        <Link to={`/warehouse/pick-lists/${encodeURIComponent(s.pickList.id)}`}>{s.pickList.number}</Link>{' '}
        <span aria-hidden="true">/</span> <span aria-current="page">{s.number}</span>
      </nav>
      <PageHeader
        title={
          <span className="title-with-badge">
            <span className="mono">{s.number}</span>
            <ShipmentStatusBadge status={s.status} outcome={s.outcome} />
          </span>
        }
        subtitle={
          <>
            {t('fulfilment.shipment.partOf')}{' '}
            <Link to={`/orders/${encodeURIComponent(s.order.number)}`} className="mono">
              {s.order.number}
            </Link>{' '}
            · <code>{s.warehouseCode}</code> {s.warehouse.name} → {s.order.delivery.city} (
            {t(`region.${s.order.delivery.region}`)})
            {s.order.priority !== 'NORMAL' && (
              <span className="text-danger"> · {t(`priority.${s.order.priority}`)}</span>
            )}
          </>
        }
        actions={
          s.status === 'PACKED' && can('SHIP_ORDERS') ? (
            <button type="button" className="btn btn-primary" onClick={() => setShipping(true)}>
              {t('fulfilment.ship.action')}
            </button>
          ) : undefined
        }
      />
      <ShipmentSteps status={s.status} />
      <section className="facts" aria-label={t('fulfilment.shipment.facts')}>
        <div>
          <span className="muted small">{t('fulfilment.steps.PICKED')}</span>
          {stage(s.pickedAt, s.pickedBy)}
        </div>
        <div>
          <span className="muted small">{t('fulfilment.steps.CHECKED')}</span>
          {stage(s.checkedAt, s.checkedBy)}
        </div>
        <div>
          <span className="muted small">{t('fulfilment.steps.PACKED')}</span>
          {stage(s.packedAt, s.packedBy)}
        </div>
        <div>
          <span className="muted small">{t('fulfilment.steps.SHIPPED')}</span>
          {stage(s.shippedAt, s.shippedBy)}
        </div>
        <div>
          <span className="muted small">{t('fulfilment.shipments.columns.carrier')}</span>
          <strong>{s.carrier ? `${s.carrier.name} · ${s.method ? t(`shippingMethod.${s.method}`) : ''}` : '—'}</strong>
          {s.carrier && <span className="muted small">{t(`carrierKind.${s.carrier.kind}`)}</span>}
        </div>
        <div>
          <span className="muted small">{t('fulfilment.shipments.columns.tracking')}</span>
          <strong className="mono">{s.trackingNumber ?? '—'}</strong>
        </div>
      </section>
      {s.status === 'PICKING' && <p className="note-box">{t('fulfilment.shipment.stillPicking')}</p>}
      {s.status === 'PICKED' && !work && <p className="note-box">{t('fulfilment.shipment.waitsForCheck')}</p>}
      {s.status === 'CHECKED' && !work && <p className="note-box">{t('fulfilment.shipment.waitsForPacking')}</p>}
      {s.status === 'PICKED' && work && <CheckForm shipment={s} />}
      {s.status === 'CHECKED' && work && <PackForm shipment={s} />}
      {s.packages.length > 0 && <PackagesCard shipment={s} />}
      <section className="card" aria-labelledby="shipment-lines-title">
        <h2 id="shipment-lines-title" className="card-title">
          {t('fulfilment.shipment.lines')}
        </h2>
        <div className="table-scroll">
          <table className="data-table compact">
            <thead>
              <tr>
                <th scope="col">{t('fulfilment.shipment.lineNo')}</th>
                <th scope="col">{t('fulfilment.lines.sku')}</th>
                <th scope="col">{t('fulfilment.lines.product')}</th>
                <th scope="col" className="num">
                  {t('fulfilment.lines.required')}
                </th>
                <th scope="col" className="num">
                  {t('fulfilment.lines.picked')}
                </th>
                <th scope="col" className="num">
                  {t('fulfilment.shipment.checked')}
                </th>
                <th scope="col" className="num">
                  {t('fulfilment.shipment.unitWeight')}
                </th>
              </tr>
            </thead>
            <tbody>
              {s.lines.map((l) => (
                <tr key={`${l.lineNo}-${l.sku}`}>
                  <td className="muted">{l.lineNo}</td>
                  <td>
                    <code>{l.sku}</code>
                  </td>
                  <td>
                    {l.product.name} <span className="muted small">{l.product.spec}</span>
                  </td>
                  <td className="num">{l.required}</td>
                  <td className={l.picked !== null && l.picked < l.required ? 'num text-danger strong' : 'num strong'}>
                    {l.picked ?? '—'}
                  </td>
                  <td className="num">{l.checked ?? '—'}</td>
                  <td className="num muted small">{f.number(l.product.unitWeightG)} g</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <div className="detail-grid">
        <CheckErrorsCard errors={s.checkErrors} />
        <FloorHistory kind="shipment" events={s.events} />
      </div>
      {shipping && <ShipDialog shipment={s} onClose={() => setShipping(false)} />}
    </div>
  );
}
