import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PickListFilter, PickListStatus } from '../../../gql/graphql';
import { EmptyState, ErrorState, LoadingState } from '../../../ui/States';
import { useCan } from '../../auth/hooks/useSession';
import { useWarehouses } from '../../catalog/hooks/useWarehouses';
import { usePickLists } from '../hooks/usePickLists';
import { CreatePickListDialog } from './CreatePickListDialog';
import { PickListTable } from './PickListTable';

export const PICK_LIST_STATUSES: PickListStatus[] = ['OPEN', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED'];
/** What the floor works on: lists not yet done. */
const LIVE: PickListStatus[] = ['OPEN', 'IN_PROGRESS'];

/** Pick lists by status and warehouse, and making a new one. */
export function PickListsPanel() {
  const { t } = useTranslation();
  const can = useCan();
  const { warehouses } = useWarehouses();
  const [status, setStatus] = useState<PickListStatus | 'LIVE' | ''>('LIVE');
  const [warehouse, setWarehouse] = useState('');
  const [creating, setCreating] = useState(false);
  const filter = useMemo<PickListFilter>(() => {
    const f: PickListFilter = {};
    if (status === 'LIVE') f.status = LIVE;
    else if (status) f.status = [status];
    if (warehouse) f.warehouseCode = warehouse;
    return f;
  }, [status, warehouse]);
  const list = usePickLists(filter);
  const filtered = status !== '' || warehouse !== '';

  return (
    <div className="panel-fill stack">
      <section className="filters" aria-label={t('fulfilment.lists.filters')}>
        <div className="field">
          <label htmlFor="pl-status" className="field-label">
            {t('fulfilment.lists.columns.status')}
          </label>
          <select
            id="pl-status"
            className="select-wide"
            value={status}
            onChange={(e) => setStatus(e.target.value as typeof status)}
          >
            <option value="LIVE">{t('fulfilment.lists.live')}</option>
            {PICK_LIST_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`pickListStatus.${s}`)}
              </option>
            ))}
            <option value="">{t('common.all')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="pl-warehouse" className="field-label">
            {t('fulfilment.lists.columns.warehouse')}
          </label>
          <select id="pl-warehouse" value={warehouse} onChange={(e) => setWarehouse(e.target.value)}>
            <option value="">{t('common.all')}</option>
            {warehouses.map((w) => (
              <option key={w.code} value={w.code}>
                {w.code} · {w.name}
              </option>
            ))}
          </select>
        </div>
        {can('WAREHOUSE_WORK') && (
          <div className="filters-reset">
            <button type="button" className="btn btn-primary" onClick={() => setCreating(true)}>
              {t('fulfilment.create.open')}
            </button>
          </div>
        )}
      </section>
      {list.error && !list.rows.length ? (
        <ErrorState error={list.error} onRetry={list.refresh} />
      ) : !list.loaded ? (
        <LoadingState rows={6} />
      ) : list.rows.length === 0 ? (
        <EmptyState title={filtered ? t('fulfilment.lists.emptyFiltered') : t('fulfilment.lists.empty')}>
          {can('WAREHOUSE_WORK') ? t('fulfilment.lists.emptyHint') : undefined}
        </EmptyState>
      ) : (
        <PickListTable
          rows={list.rows}
          stale={list.stale}
          hasNextPage={list.hasNextPage}
          loadingMore={list.loadingMore}
          onLoadMore={list.loadMore}
        />
      )}
      {creating && <CreatePickListDialog defaultWarehouse={warehouse} onClose={() => setCreating(false)} />}
    </div>
  );
}
