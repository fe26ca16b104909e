import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useFormat } from '../../../app/format';
import type { PurchaseOrderRowFragment, PurchaseOrdersQuery } from '../../../gql/graphql';
import { VirtualTable, type Column } from '../../../ui/VirtualTable';
import { daysBetween, today } from '../purchasingDates';
import { PurchaseOrderStatusBadge } from './PurchasingBadges';

export type PurchaseOrderListRow = PurchaseOrdersQuery['purchaseOrders']['edges'][number]['node'];

interface Props {
  rows: readonly (PurchaseOrderRowFragment & Partial<Pick<PurchaseOrderListRow, 'contacts'>>)[];
  /** The overdue list: days late and the last expedite note instead of the creation time. */
  overdueView?: boolean;
  /** Where a row leads (the purchase order page by default). */
  linkTo?: (po: PurchaseOrderRowFragment) => string;
  stale?: boolean;
  hasNextPage: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
}

export const purchaseOrderPath = (po: { id: string }) => `/purchasing/orders/${encodeURIComponent(po.id)}`;

/** Purchase orders with supplier, warehouse, status and when the goods are expected. */
export function PurchaseOrderTable({ rows, overdueView, linkTo = purchaseOrderPath, stale, ...paging }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const navigate = useNavigate();
  const now = today();
  type Row = Props['rows'][number];
  const columns: Column<Row>[] = [
    {
      header: 'purchasing.orders.columns.number',
      width: '13%',
      cell: (po) => (
        <Link to={linkTo(po)} className="mono">
          {po.number}
        </Link>
      ),
    },
    {
      header: 'purchasing.orders.columns.supplier',
      width: overdueView ? '18%' : '24%',
      className: 'truncate',
      title: (po) => po.supplier.name,
      cell: (po) => (
        <>
          <code>{po.supplier.code}</code> {po.supplier.name}
        </>
      ),
    },
    {
      header: 'purchasing.orders.columns.warehouse',
      width: '11%',
      cell: (po) => (
        <>
          <code>{po.warehouse.code}</code> <span className="muted small">{po.warehouse.city}</span>
        </>
      ),
    },
    {
      header: 'purchasing.orders.columns.status',
      width: overdueView ? '16%' : '20%',
      cell: (po) => <PurchaseOrderStatusBadge status={po.status} overdue={po.overdue} />,
    },
    {
      header: 'purchasing.orders.columns.expected',
      width: '11%',
      className: (po) => (po.overdue ? 'text-danger strong' : undefined),
      cell: (po) =>
        po.expectedDate ? (
          <>
            {po.expectedDate}
            {overdueView && po.overdue && (
              <div className="small">
                {t('purchasing.overdue.daysLate', { count: daysBetween(po.expectedDate, now) })}
              </div>
            )}
          </>
        ) : (
          <span className="muted">—</span>
        ),
    },
    overdueView
      ? {
          header: 'purchasing.overdue.lastNote',
          width: '31%',
          className: 'wrap',
          cell: (po) => {
            const last = po.contacts?.[0];
            if (!last) return <span className="muted">{t('purchasing.overdue.notExpedited')}</span>;
            return (
              <>
                <span className="small">{last.note}</span>
                <div className="muted small">
                  {f.shortDateTime(last.createdAt)} · {last.actor}
                  {last.newExpectedDate && ` · ${t('purchasing.overdue.newDate', { date: last.newExpectedDate })}`}
                </div>
              </>
            );
          },
        }
      : {
          header: 'purchasing.orders.columns.total',
          width: '11%',
          numeric: true,
          cell: (po) => f.money(po.total.fen),
        },
    ...(overdueView
      ? []
      : [
          {
            header: 'purchasing.orders.columns.created',
            width: '10%',
            className: 'muted small',
            title: (po: Row) => f.dateTime(po.createdAt),
            cell: (po: Row) => f.shortDateTime(po.createdAt),
          } satisfies Column<Row>,
        ]),
  ];
  return (
    <VirtualTable
      rows={rows}
      columns={columns}
      rowKey={(po) => po.id}
      stale={stale}
      tableClassName="fixed"
      rowClassName={(po) => (po.overdue ? 'row-danger' : undefined)}
      onRowClick={(po) => navigate(linkTo(po))}
      {...paging}
      endText={t('purchasing.orders.endOfList', { count: rows.length })}
    />
  );
}
