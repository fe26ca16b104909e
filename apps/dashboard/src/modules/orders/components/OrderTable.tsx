import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useFormat } from '../../../app/format';
import type { OrderRowFragment, OrderStatus } from '../../../gql/graphql';
import { Badge, OrderStatusBadge } from '../../../ui/Badge';
import { VirtualTable, type Column } from '../../../ui/VirtualTable';

const ROW_HEIGHT = 41;

interface Props {
  rows: OrderRowFragment[];
  hasNextPage: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
  changed: Map<string, number>;
  /** Rows whose status no longer matches the status filter are dimmed. */
  statusFilter: OrderStatus[];
  stale?: boolean;
}

/**
 * Every order, newest first: only the rows in view are in the DOM, and the next keyset page is read
 * when the view nears the end, so it stays fast however many orders there are.
 */
export function OrderTable({ rows, hasNextPage, loadingMore, onLoadMore, changed, statusFilter, stale }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const navigate = useNavigate();
  const now = new Date(Date.now()).toISOString();
  const late = (o: OrderRowFragment) =>
    o.promisedBy < now && !['DELIVERED', 'RETURNED', 'CANCELLED'].includes(o.status);

  const columns: Column<OrderRowFragment>[] = [
    {
      header: 'orders.columns.number',
      width: '14%',
      cell: (o) => (
        <Link to={`/orders/${o.number}`} className="mono">
          {o.number}
        </Link>
      ),
    },
    {
      header: 'orders.columns.createdAt',
      width: '11%',
      title: (o) => f.dateTime(o.createdAt),
      cell: (o) => f.shortDateTime(o.createdAt),
    },
    { header: 'orders.columns.customer', width: '10%', className: 'truncate', cell: (o) => o.customer.name },
    { header: 'orders.columns.region', width: '9%', cell: (o) => t(`region.${o.delivery.region}`) },
    { header: 'orders.columns.channel', width: '10%', cell: (o) => t(`channel.${o.channel}`) },
    { header: 'orders.columns.status', width: '14%', cell: (o) => <OrderStatusBadge status={o.status} /> },
    { header: 'orders.columns.total', width: '10%', numeric: true, cell: (o) => f.money(o.total.fen) },
    {
      header: 'orders.columns.promisedBy',
      width: '12%',
      className: (o) => (late(o) ? 'text-danger' : undefined),
      title: (o) => f.dateTime(o.promisedBy),
      cell: (o) => (
        <>
          {f.shortDateTime(o.promisedBy)}
          {late(o) && <span className="sr-only"> ({t('orders.late')})</span>}
        </>
      ),
    },
    {
      header: 'orders.columns.priority',
      width: '10%',
      cell: (o) =>
        o.priority !== 'NORMAL' ? (
          <Badge tone={o.priority === 'URGENT' ? 'danger' : 'warning'}>{t(`priority.${o.priority}`)}</Badge>
        ) : (
          <span className="muted">{t('priority.NORMAL')}</span>
        ),
    },
  ];

  return (
    <VirtualTable
      rows={rows}
      columns={columns}
      rowKey={(o) => o.id}
      rowHeight={ROW_HEIGHT}
      tableClassName="orders-table"
      stale={stale}
      rowClassName={(o) =>
        [
          changed.has(o.id) ? 'row-flash' : '',
          statusFilter.length && !statusFilter.includes(o.status) ? 'row-outside' : '',
        ]
          .join(' ')
          .trim()
      }
      onRowClick={(o) => navigate(`/orders/${o.number}`)}
      hasNextPage={hasNextPage}
      loadingMore={loadingMore}
      onLoadMore={onLoadMore}
      endText={t('orders.endOfList', { count: rows.length })}
    />
  );
}
