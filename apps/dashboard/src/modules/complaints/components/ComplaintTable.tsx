import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../../app/format';
import type { ComplaintRowFragment, SlaState } from '../../../gql/graphql';
import { useNow } from '../../../ui/useNow';
import { VirtualTable, type Column } from '../../../ui/VirtualTable';
import { liveSla } from './clock';
import { ComplaintPriorityBadge, ComplaintStatusBadge } from './ComplaintBadges';
import { Countdown } from './Countdown';
import { complaintPath } from './paths';

const ROW_HEIGHT = 45;

/** The row's colour by the clock: at risk amber, breached red, paused grey, on track neutral. */
export const SLA_ROW_CLASS: Record<SlaState, string | undefined> = {
  ON_TRACK: undefined,
  AT_RISK: 'row-warning',
  BREACHED: 'row-danger',
  PAUSED: 'row-paused',
  MET: undefined,
};

interface Props {
  rows: ComplaintRowFragment[];
  stale?: boolean;
  hasNextPage: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
  onOpen: (c: ComplaintRowFragment) => void;
}

/** The queue by deadline, each row with its clock ticking every second in the browser. */
export function ComplaintTable({ rows, stale, hasNextPage, loadingMore, onLoadMore, onOpen }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const now = useNow(1000);
  const live = (c: ComplaintRowFragment) => liveSla(c.sla, c.priority, now);
  const columns: Column<ComplaintRowFragment>[] = [
    {
      header: 'complaints.columns.number',
      width: '8%',
      title: (c) => t('complaints.openedAt', { at: f.dateTime(c.openedAt) }),
      cell: (c) => (
        <Link to={complaintPath(c.id)} className="mono small">
          {c.number}
        </Link>
      ),
    },
    {
      header: 'complaints.columns.customer',
      width: '7%',
      className: 'truncate',
      title: (c) => c.customer?.name,
      cell: (c) => c.customer?.name ?? <span className="muted">—</span>,
    },
    {
      header: 'complaints.columns.order',
      width: '12%',
      cell: (c) =>
        c.order ? (
          <Link to={`/orders/${encodeURIComponent(c.order.number)}`} className="mono small link-quiet">
            {c.order.number}
          </Link>
        ) : (
          <span className="muted">—</span>
        ),
    },
    {
      header: 'complaints.columns.category',
      width: '9%',
      className: 'truncate',
      title: (c) => t(`complaintCategory.${c.category}`),
      cell: (c) => t(`complaintCategory.${c.category}`),
    },
    {
      header: 'complaints.columns.department',
      width: '9%',
      className: 'truncate',
      title: (c) => t(`department.${c.department}`),
      cell: (c) => t(`department.${c.department}`),
    },
    {
      header: 'complaints.columns.priority',
      width: '8.5%',
      cell: (c) => <ComplaintPriorityBadge priority={c.priority} />,
    },
    {
      header: 'complaints.columns.status',
      width: '13%',
      cell: (c) => <ComplaintStatusBadge status={c.status} />,
    },
    {
      header: 'complaints.columns.owner',
      width: '9.5%',
      className: 'truncate',
      title: (c) => c.owner?.name,
      cell: (c) => c.owner?.name ?? <span className="muted">{t('complaints.unowned')}</span>,
    },
    {
      header: 'complaints.columns.countdown',
      headerHint: 'complaints.columns.countdownHint',
      width: '24%',
      title: (c) => t('complaints.dueAt', { at: f.dateTime(c.sla.dueAt) }),
      cell: (c) => <Countdown live={live(c)} />,
    },
  ];
  return (
    <VirtualTable
      rows={rows}
      columns={columns}
      rowKey={(c) => c.id}
      rowHeight={ROW_HEIGHT}
      stale={stale}
      tableClassName="complaint-table"
      rowClassName={(c) => SLA_ROW_CLASS[live(c).state]}
      onRowClick={onOpen}
      hasNextPage={hasNextPage}
      loadingMore={loadingMore}
      onLoadMore={onLoadMore}
      endText={t('complaints.endOfList', { count: rows.length })}
    />
  );
}
