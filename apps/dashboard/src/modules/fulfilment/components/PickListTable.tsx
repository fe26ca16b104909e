import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useFormat } from '../../../app/format';
import type { PickListRowFragment } from '../../../gql/graphql';
import { VirtualTable, type Column } from '../../../ui/VirtualTable';
import { PickListStatusBadge } from './FulfilmentBadges';

export const pickListPath = (l: { id: string }) => `/warehouse/pick-lists/${encodeURIComponent(l.id)}`;

interface Props {
  rows: readonly PickListRowFragment[];
  stale?: boolean;
  hasNextPage: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
}

/** Pick lists with warehouse, status, how many orders, stops and units, and who created and picks them. */
export function PickListTable({ rows, stale, ...paging }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const navigate = useNavigate();
  const columns: Column<PickListRowFragment>[] = [
    {
      header: 'fulfilment.lists.columns.number',
      width: '13%',
      cell: (l) => (
        <Link to={pickListPath(l)} className="mono">
          {l.number}
        </Link>
      ),
    },
    {
      header: 'fulfilment.lists.columns.warehouse',
      width: '16%',
      className: 'truncate',
      title: (l) => l.warehouse.name,
      cell: (l) => (
        <>
          <code>{l.warehouseCode}</code> <span className="muted small">{l.deliveryCity ?? l.warehouse.city}</span>
        </>
      ),
    },
    {
      header: 'fulfilment.lists.columns.status',
      width: '13%',
      cell: (l) => <PickListStatusBadge status={l.status} />,
    },
    {
      header: 'fulfilment.lists.columns.orders',
      width: '9%',
      numeric: true,
      cell: (l) => f.number(l.shipments.length),
    },
    {
      header: 'fulfilment.lists.columns.lines',
      width: '14%',
      numeric: true,
      cell: (l) => {
        const units = l.lines.reduce((n, x) => n + x.required, 0);
        const recorded = l.lines.filter((x) => x.picked !== null).length;
        return (
          <>
            {t('fulfilment.lists.stops', { count: l.lines.length })}
            <div className="muted small">
              {l.status === 'IN_PROGRESS'
                ? t('fulfilment.lists.recorded', { done: recorded, count: l.lines.length })
                : t('fulfilment.lists.units', { count: units })}
            </div>
          </>
        );
      },
    },
    {
      header: 'fulfilment.lists.columns.created',
      width: '17%',
      className: 'small',
      title: (l) => f.dateTime(l.createdAt),
      cell: (l) => (
        <>
          {f.shortDateTime(l.createdAt)}
          <div className="muted small truncate">{l.createdBy}</div>
        </>
      ),
    },
    {
      header: 'fulfilment.lists.columns.picker',
      width: '18%',
      className: 'small truncate',
      cell: (l) =>
        l.picker ? (
          <>
            {l.picker}
            {l.startedAt && <div className="muted small">{f.shortDateTime(l.startedAt)}</div>}
          </>
        ) : (
          <span className="muted">—</span>
        ),
    },
  ];
  return (
    <VirtualTable
      rows={rows}
      columns={columns}
      rowKey={(l) => l.id}
      stale={stale}
      tableClassName="fixed"
      onRowClick={(l) => navigate(pickListPath(l))}
      {...paging}
      endText={t('fulfilment.lists.endOfList', { count: rows.length })}
    />
  );
}
