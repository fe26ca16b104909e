import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../../app/format';
import type { ReturnRowFragment } from '../../../gql/graphql';
import { VirtualTable, type Column } from '../../../ui/VirtualTable';
import { linesSummary, resolutionText, ReturnStatusBadge } from './ReturnBadges';
import { returnPath } from './paths';

const ROW_HEIGHT = 45;

interface Props {
  rows: ReturnRowFragment[];
  stale?: boolean;
  hasNextPage: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
  onOpen: (r: ReturnRowFragment) => void;
}

/** The returns queue, oldest request first (the order it is worked in): what comes back, from whom, why, and where it stands. */
export function ReturnTable({ rows, stale, hasNextPage, loadingMore, onLoadMore, onOpen }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const columns: Column<ReturnRowFragment>[] = [
    {
      header: 'returns.columns.number',
      width: '8%',
      cell: (r) => (
        <Link to={returnPath(r.id)} className="mono small">
          {r.number}
        </Link>
      ),
    },
    {
      header: 'returns.columns.order',
      width: '13%',
      cell: (r) =>
        r.order ? (
          <Link to={`/orders/${encodeURIComponent(r.order.number)}`} className="mono small link-quiet">
            {r.order.number}
          </Link>
        ) : (
          <span className="muted">—</span>
        ),
    },
    {
      header: 'returns.columns.customer',
      width: '8%',
      className: 'truncate',
      title: (r) => r.customer?.name,
      cell: (r) => r.customer?.name ?? <span className="muted">—</span>,
    },
    {
      header: 'returns.columns.reason',
      width: '14%',
      className: 'truncate',
      title: (r) => t(`returnReason.${r.reason}`),
      cell: (r) => t(`returnReason.${r.reason}`),
    },
    {
      header: 'returns.columns.resolution',
      width: '9%',
      className: 'truncate',
      cell: (r) => resolutionText(t, r.resolution),
    },
    {
      header: 'returns.columns.lines',
      width: '16%',
      className: 'truncate',
      title: (r) => linesSummary(r.lines),
      cell: (r) => <span className="mono small">{linesSummary(r.lines)}</span>,
    },
    {
      header: 'returns.columns.outcome',
      width: '8%',
      numeric: true,
      cell: (r) =>
        r.refund ? (
          f.money(r.refund.amount.fen)
        ) : r.storeCredit ? (
          <span title={t('returnResolution.STORE_CREDIT')}>{f.money(r.storeCredit.amount.fen)}</span>
        ) : (
          <span className="muted">—</span>
        ),
    },
    {
      header: 'returns.columns.requestedAt',
      width: '11%',
      title: (r) => f.dateTime(r.requestedAt),
      cell: (r) => <span className="small">{f.shortDateTime(r.requestedAt)}</span>,
    },
    {
      header: 'returns.columns.status',
      width: '13%',
      cell: (r) => <ReturnStatusBadge status={r.status} />,
    },
  ];
  return (
    <VirtualTable
      rows={rows}
      columns={columns}
      rowKey={(r) => r.id}
      rowHeight={ROW_HEIGHT}
      stale={stale}
      tableClassName="return-table"
      onRowClick={onOpen}
      hasNextPage={hasNextPage}
      loadingMore={loadingMore}
      onLoadMore={onLoadMore}
      endText={t('returns.endOfList', { count: rows.length })}
    />
  );
}
