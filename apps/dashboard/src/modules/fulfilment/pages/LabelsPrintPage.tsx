import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useFormat } from '../../../app/format';
import { EmptyState, ErrorState, LoadingState } from '../../../ui/States';
import { Barcode } from '../components/Barcode';
import { PrintToolbar } from '../components/PrintToolbar';
import { shipmentPath } from '../components/ShipmentTable';
import { useShipment } from '../hooks/useShipment';
import '../fulfilment.css';

/**
 * One label per package of a shipment, a page each: the tracking number as a large barcode, the order
 * number, where it goes, where it leaves from and, once shipped, the carrier.
 */
export function LabelsPrintPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const { id = '' } = useParams();
  const { shipment: s, loaded, error, refresh } = useShipment(id);

  if (error && !s) return <ErrorState error={error} onRetry={refresh} />;
  if (!loaded) return <LoadingState rows={4} />;
  if (!s) {
    return (
      <EmptyState title={t('fulfilment.shipment.notFound')}>
        <Link to="/warehouse?tab=shipping" className="btn">
          {t('fulfilment.shipment.back')}
        </Link>
      </EmptyState>
    );
  }
  return (
    <div className="print-page">
      <PrintToolbar
        ready={s.packages.length > 0}
        back={
          <Link to={shipmentPath(s)} className="btn btn-ghost">
            ← {t('fulfilment.print.backToShipment', { number: s.number })}
          </Link>
        }
      >
        {s.packages.length ? t('fulfilment.labels.hint', { count: s.packages.length }) : null}
      </PrintToolbar>
      {s.packages.length === 0 ? (
        <EmptyState title={t('fulfilment.labels.none')}>{t('fulfilment.labels.noneHint')}</EmptyState>
      ) : (
        <div className="labels">
          {s.packages.map((p) => (
            <article
              key={p.seq}
              className="label"
              aria-label={t('fulfilment.labels.labelOf', { n: p.seq, count: s.packages.length, number: s.number })}
            >
              <header className="label-head">
                <strong className="label-carrier">
                  {s.carrier ? s.carrier.name : t('fulfilment.labels.noCarrier')}
                </strong>
                <span className="label-seq">
                  {t('fulfilment.packages.package', { n: p.seq, count: s.packages.length })}
                </span>
              </header>
              <Barcode text={p.trackingNumber} height={18} className="barcode-large" />
              <div className="label-to">
                <span className="small">{t('fulfilment.labels.to')}</span>
                <strong>{s.order.delivery.city}</strong>
                <span>{t(`region.${s.order.delivery.region}`)}</span>
              </div>
              <div className="label-grid">
                <div>
                  <span className="small">{t('fulfilment.shipments.columns.order')}</span>
                  <Barcode text={s.order.number} height={7} />
                </div>
                <div>
                  <span className="small">{t('fulfilment.labels.from')}</span>
                  <strong>
                    {s.warehouseCode} {s.warehouse.name}
                  </strong>
                  <span className="small">
                    {s.number} · {t(`packageMaterial.${p.material}`)} · {f.number(p.weightG / 1000)} kg
                  </span>
                  {s.method && <span className="small">{t(`shippingMethod.${s.method}`)}</span>}
                </div>
              </div>
            </article>
          ))}
        </div>
      )}
    </div>
  );
}
