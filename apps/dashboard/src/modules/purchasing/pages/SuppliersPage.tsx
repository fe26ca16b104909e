import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { SupplierFilter, SupplierStanding, SupplierStatus } from '../../../gql/graphql';
import { PageHeader } from '../../../ui/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '../../../ui/States';
import { useDebounced } from '../../../ui/useDebounced';
import { useCan } from '../../auth/hooks/useSession';
import { SupplierFormDialog } from '../components/SupplierFormDialog';
import { SupplierTable } from '../components/SupplierTable';
import { useSuppliers } from '../hooks/useSuppliers';
import '../purchasing.css';

const STANDINGS: SupplierStanding[] = ['EXCELLENT', 'GOOD', 'WATCH', 'BLOCKED', 'UNRATED'];
const STATUSES: SupplierStatus[] = ['QUALIFIED', 'PROBATION', 'SUSPENDED'];

export function SuppliersPage() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const [standing, setStanding] = useState<SupplierStanding | ''>('');
  const [status, setStatus] = useState<SupplierStatus | ''>('');
  const [search, setSearch] = useState('');
  const debounced = useDebounced(search.trim(), 300);
  const filter = useMemo<SupplierFilter>(() => {
    const f: SupplierFilter = {};
    if (standing) f.standing = [standing];
    if (status) f.status = [status];
    if (debounced.length >= 3) f.search = debounced;
    return f;
  }, [standing, status, debounced]);
  const list = useSuppliers(filter);
  const active = Boolean(standing || status || debounced);
  const reset = () => {
    setStanding('');
    setStatus('');
    setSearch('');
  };

  return (
    <div className="page page-fill">
      <PageHeader
        title={t('suppliers.title')}
        subtitle={t('suppliers.subtitle')}
        actions={
          <>
            <button type="button" className="btn" onClick={list.refresh}>
              {t('common.refresh')}
            </button>
            {can('SUPPLIER_MANAGE') && (
              <button type="button" className="btn btn-primary" onClick={() => setCreating(true)}>
                {t('suppliers.new')}
              </button>
            )}
          </>
        }
      />
      <section className="filters" aria-label={t('suppliers.filters')}>
        <div className="field field-search">
          <label htmlFor="supplier-search" className="field-label">
            {t('suppliers.search')}
          </label>
          <input
            id="supplier-search"
            type="search"
            value={search}
            placeholder={t('suppliers.searchPlaceholder')}
            onChange={(e) => setSearch(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="supplier-standing" className="field-label">
            {t('suppliers.columns.standing')}
          </label>
          <select
            id="supplier-standing"
            value={standing}
            onChange={(e) => setStanding(e.target.value as SupplierStanding | '')}
          >
            <option value="">{t('common.all')}</option>
            {STANDINGS.map((s) => (
              <option key={s} value={s}>
                {t(`supplierStanding.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="supplier-status" className="field-label">
            {t('suppliers.columns.status')}
          </label>
          <select
            id="supplier-status"
            value={status}
            onChange={(e) => setStatus(e.target.value as SupplierStatus | '')}
          >
            <option value="">{t('common.all')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`supplierStatus.${s}`)}
              </option>
            ))}
          </select>
        </div>
        {active && (
          <button type="button" className="btn btn-ghost filters-reset" onClick={reset}>
            {t('orders.filters.reset')}
          </button>
        )}
      </section>
      {list.error && !list.rows.length ? (
        <ErrorState error={list.error} onRetry={list.refresh} />
      ) : !list.loaded ? (
        <LoadingState rows={8} />
      ) : list.rows.length === 0 ? (
        <EmptyState title={active ? t('suppliers.emptyFiltered') : t('suppliers.empty')} />
      ) : (
        <SupplierTable
          rows={list.rows}
          stale={list.stale}
          hasNextPage={list.hasNextPage}
          loadingMore={list.loadingMore}
          onLoadMore={list.loadMore}
        />
      )}
      {creating && (
        <SupplierFormDialog
          onClose={() => setCreating(false)}
          onSaved={(s) => void navigate(`/suppliers/${encodeURIComponent(s.id)}`)}
        />
      )}
    </div>
  );
}
