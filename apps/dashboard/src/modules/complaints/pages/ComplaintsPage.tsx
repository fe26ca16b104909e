import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import type { ComplaintCategory, ComplaintFilter, ComplaintStatus, Department, SlaState } from '../../../gql/graphql';
import { PageHeader } from '../../../ui/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '../../../ui/States';
import { useCan, useUser } from '../../auth/hooks/useSession';
import { ComplaintTable } from '../components/ComplaintTable';
import { CATEGORIES, OpenComplaintDialog } from '../components/OpenComplaintDialog';
import { complaintPath } from '../components/paths';
import { useComplaints } from '../hooks/useComplaints';
import '../complaints.css';

const SLA_STATES: SlaState[] = ['ON_TRACK', 'AT_RISK', 'BREACHED', 'PAUSED'];
const OPEN_STATUSES: ComplaintStatus[] = ['OPEN', 'ACKNOWLEDGED', 'INVESTIGATING', 'WAITING_ON_CUSTOMER', 'REOPENED'];
const DEPARTMENTS: Department[] = ['CUSTOMER_SERVICE', 'WAREHOUSE', 'DELIVERY', 'PURCHASING_QUALITY'];

/** The open complaints by deadline, most pressing first, each with its clock ticking. */
export function ComplaintsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const can = useCan();
  const me = useUser();
  const [params] = useSearchParams();
  // The overview's at-risk tile links here with ?sla=AT_RISK.
  const [slaState, setSlaState] = useState<SlaState | ''>(() => {
    const asked = params.get('sla') as SlaState | null;
    return asked && SLA_STATES.includes(asked) ? asked : '';
  });
  const [status, setStatus] = useState<ComplaintStatus | ''>('');
  const [department, setDepartment] = useState<Department | ''>('');
  const [category, setCategory] = useState<ComplaintCategory | ''>('');
  const [mine, setMine] = useState(false);
  const [opening, setOpening] = useState(false);
  const filter = useMemo<ComplaintFilter>(() => {
    const f: ComplaintFilter = { openOnly: true };
    if (slaState) f.slaState = slaState;
    if (status) f.status = status;
    if (department) f.department = department;
    if (category) f.category = category;
    if (mine) f.ownerId = me.id;
    return f;
  }, [slaState, status, department, category, mine, me.id]);
  const list = useComplaints(filter);
  const active = Boolean(slaState || status || department || category || mine);

  const select = <T extends string>(
    id: string,
    label: string,
    value: T | '',
    set: (v: T | '') => void,
    options: readonly T[],
    text: (v: T) => string,
  ) => (
    <div className="field">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <select id={id} value={value} onChange={(e) => set(e.target.value as T | '')}>
        <option value="">{t('common.all')}</option>
        {options.map((o) => (
          <option key={o} value={o}>
            {text(o)}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <div className="page page-fill">
      <PageHeader
        title={t('complaints.title')}
        subtitle={t('complaints.subtitle')}
        actions={
          <>
            <button type="button" className="btn" onClick={list.refresh}>
              {t('common.refresh')}
            </button>
            {can('COMPLAINT_OPEN') && (
              <button type="button" className="btn btn-primary" onClick={() => setOpening(true)}>
                {t('complaints.open.button')}
              </button>
            )}
          </>
        }
      />
      <section className="filters" aria-label={t('complaints.filters')}>
        {select('complaint-sla', t('complaints.columns.sla'), slaState, setSlaState, SLA_STATES, (s) =>
          t(`slaState.${s}`),
        )}
        {select('complaint-status', t('complaints.columns.status'), status, setStatus, OPEN_STATUSES, (s) =>
          t(`complaintStatus.${s}`),
        )}
        {select(
          'complaint-department',
          t('complaints.columns.department'),
          department,
          setDepartment,
          DEPARTMENTS,
          (d) => t(`department.${d}`),
        )}
        {select('complaint-category', t('complaints.columns.category'), category, setCategory, CATEGORIES, (c) =>
          t(`complaintCategory.${c}`),
        )}
        <label className="check filters-check">
          <input type="checkbox" checked={mine} onChange={(e) => setMine(e.target.checked)} />
          {t('complaints.mine')}
        </label>
        {active && (
          <button
            type="button"
            className="btn btn-ghost filters-reset"
            onClick={() => {
              setSlaState('');
              setStatus('');
              setDepartment('');
              setCategory('');
              setMine(false);
            }}
          >
            {t('orders.filters.reset')}
          </button>
        )}
      </section>
      {list.error && !list.rows.length ? (
        <ErrorState error={list.error} onRetry={list.refresh} />
      ) : !list.loaded ? (
        <LoadingState rows={8} />
      ) : list.rows.length === 0 ? (
        <EmptyState title={active ? t('complaints.emptyFiltered') : t('complaints.empty')} />
      ) : (
        <ComplaintTable
          rows={list.rows}
          stale={list.stale}
          hasNextPage={list.hasNextPage}
          loadingMore={list.loadingMore}
          onLoadMore={list.loadMore}
          onOpen={(c) => void navigate(complaintPath(c.id))}
        />
      )}
      <OpenComplaintDialog open={opening} onClose={() => setOpening(false)} />
    </div>
  );
}
