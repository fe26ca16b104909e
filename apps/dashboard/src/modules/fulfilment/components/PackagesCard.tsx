import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../app/format';
import type { ShipmentDetailFragment } from '../../../gql/graphql';
import { Barcode } from './Barcode';
import { labelsPath } from './ShipmentTable';

/** The packages of a packed shipment with their tracking numbers as barcodes, and their printable labels. */
export function PackagesCard({ shipment }: { shipment: ShipmentDetailFragment }) {
  const { t } = useTranslation();
  const f = useFormat();
  const grams = shipment.packages.reduce((n, p) => n + p.weightG, 0);
  return (
    <section className="card stack floor-card" aria-labelledby="packages-title">
      <div className="card-title card-title-actions">
        <h2 id="packages-title">{t('fulfilment.packages.title')}</h2>
        <a href={labelsPath(shipment)} target="_blank" rel="noopener" className="btn btn-small">
          {t('fulfilment.labels.print')}
        </a>
      </div>
      <p className="muted small">
        {t('fulfilment.packages.count', { count: shipment.packages.length })} · {f.number(grams)} g
        {shipment.packedBy && ` · ${t('fulfilment.packages.packedBy', { name: shipment.packedBy })}`}
      </p>
      <ul className="package-list">
        {shipment.packages.map((p) => (
          <li key={p.seq} className="package-item">
            <div className="package-facts">
              <strong>{t('fulfilment.packages.package', { n: p.seq, count: shipment.packages.length })}</strong>
              <span>{t(`packageMaterial.${p.material}`)}</span>
              <span className="muted small">{f.number(p.weightG)} g</span>
            </div>
            <div className="package-tracking">
              <span className="muted small">{t('fulfilment.shipments.columns.tracking')}</span>
              <Barcode text={p.trackingNumber} height={12} />
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
