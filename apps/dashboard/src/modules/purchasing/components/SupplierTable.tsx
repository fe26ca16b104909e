import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useFormat } from '../../../app/format';
import type { SupplierRowFragment } from '../../../gql/graphql';
import { VirtualTable, type Column } from '../../../ui/VirtualTable';
import { StandingBadge, SupplierStatusBadge } from './PurchasingBadges';

const ROW_HEIGHT = 45;

interface Props {
  rows: SupplierRowFragment[];
  stale?: boolean;
  hasNextPage: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
}

/** The qualified list: who may be ordered from and how well they deliver. */
export function SupplierTable({ rows, stale, hasNextPage, loadingMore, onLoadMore }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const navigate = useNavigate();
  const columns: Column<SupplierRowFragment>[] = [
    {
      header: 'suppliers.columns.code',
      width: '14%',
      cell: (s) => (
        <Link to={`/suppliers/${encodeURIComponent(s.id)}`} className="mono">
          {s.code}
        </Link>
      ),
    },
    {
      header: 'suppliers.columns.name',
      width: '28%',
      className: 'truncate',
      title: (s) => s.name,
      cell: (s) => s.name,
    },
    {
      header: 'suppliers.columns.status',
      width: '14%',
      title: (s) => s.statusReason ?? undefined,
      cell: (s) => <SupplierStatusBadge status={s.status} />,
    },
    { header: 'suppliers.columns.standing', width: '14%', cell: (s) => <StandingBadge standing={s.standing} /> },
    {
      header: 'suppliers.columns.score',
      headerHint: 'suppliers.columns.scoreHint',
      width: '9%',
      numeric: true,
      className: 'strong',
      cell: (s) => (s.score === null || s.score === undefined ? <span className="muted">—</span> : f.number(s.score)),
    },
    {
      header: 'suppliers.columns.regions',
      width: '21%',
      className: 'truncate',
      cell: (s) => s.regions.map((r) => t(`region.${r}`)).join(' · '),
    },
  ];
  return (
    <VirtualTable
      rows={rows}
      columns={columns}
      rowKey={(s) => s.id}
      rowHeight={ROW_HEIGHT}
      stale={stale}
      rowClassName={(s) => (s.standing === 'BLOCKED' || s.status === 'SUSPENDED' ? 'row-danger' : undefined)}
      onRowClick={(s) => navigate(`/suppliers/${encodeURIComponent(s.id)}`)}
      hasNextPage={hasNextPage}
      loadingMore={loadingMore}
      onLoadMore={onLoadMore}
      endText={t('suppliers.endOfList', { count: rows.length })}
    />
  );
}
