import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { ReturnStatus } from '../../../gql/graphql';
import { PageHeader } from '../../../ui/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '../../../ui/States';
import { returnPath } from '../components/paths';
import { RETURN_STATUSES } from '../components/ReturnBadges';
import { ReturnTable } from '../components/ReturnTable';
import { useReturns } from '../hooks/useReturns';
import '../returns.css';

type View = 'TODO' | 'ALL' | ReturnStatus;

/** The work to do: requests to decide (customer service) and approved returns to inspect (warehouse). */
const TODO: ReturnStatus[] = ['REQUESTED', 'APPROVED'];

const statusesOf = (v: View): readonly ReturnStatus[] | null => (v === 'TODO' ? TODO : v === 'ALL' ? null : [v]);

/** The returns queue: by default what waits for a decision or an inspection, oldest request first. */
export function ReturnsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [view, setView] = useState<View>('TODO');
  const list = useReturns(statusesOf(view));

  return (
    <div className="page page-fill">
      <PageHeader
        title={t('returns.title')}
        subtitle={t('returns.subtitle')}
        actions={
          <button type="button" className="btn" onClick={list.refresh}>
            {t('common.refresh')}
          </button>
        }
      />
      <section className="filters" aria-label={t('returns.filters')}>
        <div className="field">
          <label htmlFor="return-status" className="field-label">
            {t('returns.columns.status')}
          </label>
          <select id="return-status" value={view} onChange={(e) => setView(e.target.value as View)}>
            <option value="TODO">{t('returns.view.TODO')}</option>
            {RETURN_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`returnStatus.${s}`)}
              </option>
            ))}
            <option value="ALL">{t('common.all')}</option>
          </select>
        </div>
        {view !== 'TODO' && (
          <button type="button" className="btn btn-ghost filters-reset" onClick={() => setView('TODO')}>
            {t('orders.filters.reset')}
          </button>
        )}
      </section>
      {list.error && !list.rows.length ? (
        <ErrorState error={list.error} onRetry={list.refresh} />
      ) : !list.loaded ? (
        <LoadingState rows={8} />
      ) : list.rows.length === 0 ? (
        <EmptyState title={view === 'TODO' ? t('returns.emptyTodo') : t('returns.emptyFiltered')}>
          {view === 'TODO' && t('returns.emptyTodoHint')}
        </EmptyState>
      ) : (
        <ReturnTable
          rows={list.rows}
          stale={list.stale}
          hasNextPage={list.hasNextPage}
          loadingMore={list.loadingMore}
          onLoadMore={list.loadMore}
          onOpen={(r) => void navigate(returnPath(r.id))}
        />
      )}
    </div>
  );
}
