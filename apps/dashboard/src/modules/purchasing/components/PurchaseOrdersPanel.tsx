import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PurchaseOrderFilter, PurchaseOrderStatus } from '../../../gql/graphql';
import { EmptyState, ErrorState, LoadingState } from '../../../ui/States';
import { useDebounced } from '../../../ui/useDebounced';
import { useWarehouses } from '../../catalog/hooks/useWarehouses';
import { usePurchaseOrders } from '../hooks/usePurchaseOrders';
import { PurchaseOrderTable } from './PurchaseOrderTable';

export const PURCHASE_ORDER_STATUSES: PurchaseOrderStatus[] = [
  'DRAFT',
  'SENT',
  'CONFIRMED',
  'PARTIALLY_RECEIVED',
  'RECEIVED',
  'CLOSED',
  'CANCELLED',
];

/** All purchase orders, filtered by status, warehouse, number and overdue; or only the overdue ones. */
export function PurchaseOrdersPanel({ overdueOnly }: { overdueOnly?: boolean }) {
  const { t } = useTranslation();
  const { warehouses } = useWarehouses();
  const [status, setStatus] = useState<PurchaseOrderStatus | ''>('');
  const [warehouse, setWarehouse] = useState('');
  const [overdue, setOverdue] = useState(false);
  const [search, setSearch] = useState('');
  const debounced = useDebounced(search.trim(), 300);
  const filter = useMemo<PurchaseOrderFilter>(() => {
    const f: PurchaseOrderFilter = {};
    if (overdueOnly || overdue) f.overdue = true;
    if (status && !overdueOnly) f.status = [status];
    if (warehouse) f.warehouseCode = warehouse;
    if (debounced.length >= 3) f.search = debounced;
    return f;
  }, [overdueOnly, overdue, status, warehouse, debounced]);
  const list = usePurchaseOrders(filter);
  const active = Boolean(status || warehouse || overdue || debounced);
  const id = overdueOnly ? 'overdue' : 'po';

  return (
    <div className="panel-fill stack">
      <section className="filters" aria-label={t('purchasing.orders.filters')}>
        <div className="field field-search">
          <label htmlFor={`${id}-search`} className="field-label">
            {t('purchasing.orders.search')}
          </label>
          <input
            id={`${id}-search`}
            type="search"
            value={search}
            placeholder={t('purchasing.orders.searchPlaceholder')}
            onChange={(e) => setSearch(e.target.value)}
          />
        </div>
        {!overdueOnly && (
          <div className="field">
            <label htmlFor={`${id}-status`} className="field-label">
              {t('purchasing.orders.columns.status')}
            </label>
            <select
              id={`${id}-status`}
              value={status}
              onChange={(e) => setStatus(e.target.value as PurchaseOrderStatus | '')}
            >
              <option value="">{t('common.all')}</option>
              {PURCHASE_ORDER_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`purchaseOrderStatus.${s}`)}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="field">
          <label htmlFor={`${id}-warehouse`} className="field-label">
            {t('purchasing.orders.columns.warehouse')}
          </label>
          <select id={`${id}-warehouse`} value={warehouse} onChange={(e) => setWarehouse(e.target.value)}>
            <option value="">{t('common.all')}</option>
            {warehouses.map((w) => (
              <option key={w.code} value={w.code}>
                {w.code} · {w.name}
              </option>
            ))}
          </select>
        </div>
        {!overdueOnly && (
          <label className="check field-toggle">
            <input type="checkbox" checked={overdue} onChange={(e) => setOverdue(e.target.checked)} />
            {t('purchasing.orders.overdueOnly')}
          </label>
        )}
      </section>
      {list.error && !list.rows.length ? (
        <ErrorState error={list.error} onRetry={list.refresh} />
      ) : !list.loaded ? (
        <LoadingState rows={6} />
      ) : list.rows.length === 0 ? (
        <EmptyState
          title={
            overdueOnly
              ? t('purchasing.overdue.empty')
              : active
                ? t('purchasing.orders.emptyFiltered')
                : t('purchasing.orders.empty')
          }
        >
          {overdueOnly ? t('purchasing.overdue.emptyHint') : undefined}
        </EmptyState>
      ) : (
        <PurchaseOrderTable
          rows={list.rows}
          overdueView={overdueOnly}
          stale={list.stale}
          hasNextPage={list.hasNextPage}
          loadingMore={list.loadingMore}
          onLoadMore={list.loadMore}
        />
      )}
    </div>
  );
}
