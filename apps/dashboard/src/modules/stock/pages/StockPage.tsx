import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { StockLevelFilter } from '../../../gql/graphql';
import { PageHeader } from '../../../ui/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '../../../ui/States';
import { ProductPicker } from '../../catalog/components/ProductPicker';
import { useWarehouses } from '../../catalog/hooks/useWarehouses';
import { StockAlertsPanel } from '../components/StockAlertsPanel';
import { StockTable } from '../components/StockTable';
import { useStockLevels } from '../hooks/useStockLevels';

export function StockPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const { warehouses } = useWarehouses();
  const warehouse = params.get('warehouse') ?? '';
  const sku = params.get('sku') ?? '';
  const skuName = params.get('skuName') ?? '';
  const low = params.get('low') === '1';
  const set = (patch: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next, { replace: true });
  };

  const filter = useMemo<StockLevelFilter>(() => {
    const f: StockLevelFilter = {};
    if (warehouse) f.warehouseCode = warehouse;
    if (sku) f.sku = sku;
    if (low) f.belowThreshold = true;
    return f;
  }, [warehouse, sku, low]);

  const { rows, loaded, error, hasNextPage, loadingMore, loadMore, refresh } = useStockLevels(filter);
  const active = Boolean(warehouse || sku || low);

  return (
    <div className="page page-fill">
      <PageHeader
        title={t('stock.title')}
        subtitle={t('stock.subtitle')}
        actions={
          <button type="button" className="btn" onClick={refresh}>
            {t('common.refresh')}
          </button>
        }
      />
      <section className="filters" aria-label={t('stock.filters.title')}>
        <div className="field">
          <label htmlFor="stock-warehouse" className="field-label">
            {t('stock.filters.warehouse')}
          </label>
          <select id="stock-warehouse" value={warehouse} onChange={(e) => set({ warehouse: e.target.value })}>
            <option value="">{t('common.all')}</option>
            {warehouses.map((w) => (
              <option key={w.code} value={w.code}>
                {w.code} · {w.name}
              </option>
            ))}
          </select>
        </div>
        {sku ? (
          <div className="field">
            <span className="field-label">{t('stock.filters.product')}</span>
            <span className="chip">
              <code>{sku}</code> {skuName}
              <button
                type="button"
                className="chip-remove"
                aria-label={t('stock.filters.removeProduct')}
                onClick={() => set({ sku: '', skuName: '' })}
              >
                ×
              </button>
            </span>
          </div>
        ) : (
          <div className="field field-customer">
            <ProductPicker label={t('stock.filters.product')} onSelect={(p) => set({ sku: p.sku, skuName: p.name })} />
          </div>
        )}
        <label className="check field-toggle">
          <input type="checkbox" checked={low} onChange={(e) => set({ low: e.target.checked ? '1' : '' })} />
          {t('stock.filters.belowThreshold')}
        </label>
        {active && (
          <button
            type="button"
            className="btn btn-ghost filters-reset"
            onClick={() => setParams(new URLSearchParams(), { replace: true })}
          >
            {t('orders.filters.reset')}
          </button>
        )}
      </section>
      <div className="split">
        <div className="split-main">
          {error && !rows.length ? (
            <ErrorState error={error} onRetry={refresh} />
          ) : !loaded ? (
            <LoadingState rows={8} />
          ) : rows.length === 0 ? (
            <EmptyState title={active ? t('stock.emptyFiltered') : t('stock.empty')} />
          ) : (
            <StockTable rows={rows} hasNextPage={hasNextPage} loadingMore={loadingMore} onLoadMore={loadMore} />
          )}
        </div>
        <aside className="split-side">
          <StockAlertsPanel />
        </aside>
      </div>
    </div>
  );
}
