import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../app/format';
import { EmptyState, ErrorState, LoadingState } from '../../../ui/States';
import { PageHeader } from '../../../ui/PageHeader';
import { useDebounced } from '../../../ui/useDebounced';
import { OrderFilters } from '../components/OrderFilters';
import { OrderTable } from '../components/OrderTable';
import { toOrderFilter, useOrderFilters } from '../hooks/useOrderFilters';
import { useOrdersList } from '../hooks/useOrdersList';

export function OrdersPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const { values, update, reset, active } = useOrderFilters();
  const [search, setSearch] = useState(values.search);
  const debouncedSearch = useDebounced(search, 300);

  useEffect(() => {
    if (debouncedSearch !== values.search) update({ search: debouncedSearch });
  }, [debouncedSearch, values.search, update]);

  const filter = useMemo(() => toOrderFilter(values, values.search), [values]);
  const list = useOrdersList(filter);

  return (
    <div className="page page-fill">
      <PageHeader
        title={t('orders.title')}
        subtitle={
          list.rows.length
            ? list.total !== null
              ? t('orders.loadedOf', { count: list.rows.length, total: f.number(list.total) })
              : t('orders.loaded', { count: list.rows.length, more: list.hasNextPage ? '+' : '' })
            : t('orders.subtitle')
        }
        actions={
          <button type="button" className="btn" onClick={() => void list.refresh()} disabled={list.refetching}>
            {t('common.refresh')}
          </button>
        }
      />
      <OrderFilters
        values={values}
        search={search}
        onSearchChange={setSearch}
        onChange={update}
        onReset={() => {
          setSearch('');
          reset();
        }}
        active={active}
      />
      {list.outsideView > 0 && (
        <div className="banner" role="status">
          {t('orders.outsideView', { count: list.outsideView })}
          <button type="button" className="btn btn-small" onClick={() => void list.refresh()}>
            {t('common.refresh')}
          </button>
        </div>
      )}
      {list.error && !list.rows.length ? (
        <ErrorState error={list.error} onRetry={() => void list.refresh()} />
      ) : list.initialLoading ? (
        <LoadingState rows={8} />
      ) : list.rows.length === 0 ? (
        <EmptyState title={active ? t('orders.emptyFiltered') : t('orders.empty')}>
          {active && (
            <button
              type="button"
              className="btn"
              onClick={() => {
                setSearch('');
                reset();
              }}
            >
              {t('orders.filters.reset')}
            </button>
          )}
        </EmptyState>
      ) : (
        <>
          {list.error && <ErrorState compact error={list.error} onRetry={() => void list.refresh()} />}
          <OrderTable
            rows={list.rows}
            hasNextPage={list.hasNextPage}
            loadingMore={list.loadingMore}
            onLoadMore={list.loadMore}
            changed={list.changed}
            statusFilter={values.status}
            stale={list.stale}
          />
        </>
      )}
    </div>
  );
}
