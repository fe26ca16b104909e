import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShipmentFilter } from '../../../gql/graphql';
import { EmptyState, ErrorState, LoadingState } from '../../../ui/States';
import { useWarehouses } from '../../catalog/hooks/useWarehouses';
import { today } from '../../purchasing/purchasingDates';
import { useShipments } from '../hooks/useShipments';
import { OpenByOrderNumber } from './OpenByOrderNumber';
import { ShipmentTable, type ShipmentView } from './ShipmentTable';

const STATUSES: Record<ShipmentView, ShipmentFilter['status']> = {
  check: ['PICKED', 'CHECKED'],
  ready: ['PACKED'],
  shipped: ['SHIPPED'],
};

/** Shipments of one stage of the floor, by warehouse: to check and pack, ready to ship, or shipped today. */
export function ShipmentsPanel({ view }: { view: ShipmentView }) {
  const { t } = useTranslation();
  const { warehouses } = useWarehouses();
  const [warehouse, setWarehouse] = useState('');
  const [day, setDay] = useState(today());
  const [stage, setStage] = useState<'' | 'PICKED' | 'CHECKED'>('');
  const filter = useMemo<ShipmentFilter>(() => {
    const f: ShipmentFilter = { status: view === 'check' && stage ? [stage] : STATUSES[view] };
    if (warehouse) f.warehouseCode = warehouse;
    if (view === 'shipped' && day) f.shippedOn = day;
    return f;
  }, [view, warehouse, day, stage]);
  const list = useShipments(filter);
  const fieldId = `shipments-${view}`;

  return (
    <div className="panel-fill stack">
      <section className="filters" aria-label={t('fulfilment.shipments.filters')}>
        <div className="field">
          <label htmlFor={`${fieldId}-warehouse`} className="field-label">
            {t('fulfilment.shipments.columns.warehouse')}
          </label>
          <select id={`${fieldId}-warehouse`} value={warehouse} onChange={(e) => setWarehouse(e.target.value)}>
            <option value="">{t('common.all')}</option>
            {warehouses.map((w) => (
              <option key={w.code} value={w.code}>
                {w.code} · {w.name}
              </option>
            ))}
          </select>
        </div>
        {view === 'check' && (
          <div className="field">
            <label htmlFor={`${fieldId}-stage`} className="field-label">
              {t('fulfilment.shipments.columns.status')}
            </label>
            <select
              id={`${fieldId}-stage`}
              className="select-wide"
              value={stage}
              onChange={(e) => setStage(e.target.value as typeof stage)}
            >
              <option value="">{t('common.all')}</option>
              <option value="PICKED">{t('shipmentStatus.PICKED')}</option>
              <option value="CHECKED">{t('shipmentStatus.CHECKED')}</option>
            </select>
          </div>
        )}
        {view === 'shipped' && (
          <div className="field">
            <label htmlFor={`${fieldId}-day`} className="field-label">
              {t('fulfilment.shipments.shippedOn')}
            </label>
            <input
              id={`${fieldId}-day`}
              type="date"
              value={day}
              max={today()}
              onChange={(e) => setDay(e.target.value)}
            />
          </div>
        )}
        {view !== 'shipped' && <OpenByOrderNumber />}
      </section>
      {list.error && !list.rows.length ? (
        <ErrorState error={list.error} onRetry={list.refresh} />
      ) : !list.loaded ? (
        <LoadingState rows={6} />
      ) : list.rows.length === 0 ? (
        <EmptyState title={t(`fulfilment.shipments.empty.${view}`)}>
          {t(`fulfilment.shipments.emptyHint.${view}`)}
        </EmptyState>
      ) : (
        <ShipmentTable
          view={view}
          rows={list.rows}
          stale={list.stale}
          hasNextPage={list.hasNextPage}
          loadingMore={list.loadingMore}
          onLoadMore={list.loadMore}
        />
      )}
    </div>
  );
}
