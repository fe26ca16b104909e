import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useFormat } from '../../../app/format';
import type { StockLevelRowFragment } from '../../../gql/graphql';
import { StockStatusBadge } from '../../../ui/Badge';
import { VirtualTable, type Column } from '../../../ui/VirtualTable';

const ROW_HEIGHT = 45;

interface Props {
  rows: StockLevelRowFragment[];
  hasNextPage: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
}

/** Stock per product and warehouse; levels at or below their low threshold stand out. */
export function StockTable({ rows, hasNextPage, loadingMore, onLoadMore }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const navigate = useNavigate();

  const columns: Column<StockLevelRowFragment>[] = [
    {
      header: 'stock.columns.sku',
      width: '11%',
      cell: (s) => (
        <Link to={`/stock/${s.id}`} className="mono">
          {s.sku}
        </Link>
      ),
    },
    {
      header: 'stock.columns.product',
      width: '20%',
      className: 'truncate',
      cell: (s) => (
        <>
          {s.product.name} <span className="muted small">{s.product.spec}</span>
        </>
      ),
    },
    {
      header: 'stock.columns.warehouse',
      width: '13%',
      className: 'truncate',
      cell: (s) => (
        <>
          <code>{s.warehouseCode}</code> <span className="muted small">{s.warehouse.city}</span>
        </>
      ),
    },
    {
      header: 'stock.columns.bin',
      width: '7%',
      className: 'mono small',
      cell: (s) => s.binLocation ?? <span className="muted">—</span>,
    },
    { header: 'stock.columns.onHand', width: '8%', numeric: true, cell: (s) => f.number(s.onHand) },
    { header: 'stock.columns.reserved', width: '10%', numeric: true, cell: (s) => f.number(s.reserved) },
    {
      header: 'stock.columns.available',
      width: '10%',
      numeric: true,
      className: 'strong',
      cell: (s) => f.number(s.available),
    },
    {
      header: 'stock.columns.thresholds',
      width: '10%',
      numeric: true,
      className: 'muted',
      cell: (s) => (
        <>
          {f.number(s.lowThreshold)} / {f.number(s.highThreshold)}
        </>
      ),
    },
    { header: 'stock.columns.status', width: '11%', cell: (s) => <StockStatusBadge status={s.status} /> },
  ];

  return (
    <VirtualTable
      rows={rows}
      columns={columns}
      rowKey={(s) => s.id}
      rowHeight={ROW_HEIGHT}
      tableClassName="stock-table"
      rowClassName={(s) =>
        s.status === 'OUT_OF_STOCK' ? 'row-danger' : s.status === 'LOW' ? 'row-warning' : undefined
      }
      onRowClick={(s) => navigate(`/stock/${s.id}`)}
      hasNextPage={hasNextPage}
      loadingMore={loadingMore}
      onLoadMore={onLoadMore}
      endText={t('stock.endOfList', { count: rows.length })}
    />
  );
}
