import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../app/format';
import type { StockMovementRowFragment } from '../../../gql/graphql';
import { VirtualTable, type Column } from '../../../ui/VirtualTable';

function Delta({ n }: { n: number }) {
  const f = useFormat();
  if (n === 0) return <span className="muted">0</span>;
  return (
    <span className={n > 0 ? 'text-success' : 'text-danger'}>{`${n > 0 ? '+' : '−'}${f.number(Math.abs(n))}`}</span>
  );
}

/** The ledger of one stock level, newest first: every change with its reason, so on-hand can be explained. */
export function MovementHistory({
  movements,
  hasNextPage,
  loadingMore,
  onLoadMore,
}: {
  movements: StockMovementRowFragment[];
  hasNextPage: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();

  const columns: Column<StockMovementRowFragment>[] = [
    {
      header: 'stock.movements.when',
      width: '18%',
      title: (m) => f.dateTime(m.createdAt),
      cell: (m) => f.shortDateTime(m.createdAt),
    },
    { header: 'stock.movements.reason', width: '13%', cell: (m) => t(`movementReason.${m.reason}`) },
    { header: 'stock.movements.onHandDelta', width: '12%', numeric: true, cell: (m) => <Delta n={m.onHandDelta} /> },
    {
      header: 'stock.movements.reservedDelta',
      width: '12%',
      numeric: true,
      cell: (m) => <Delta n={m.reservedDelta} />,
    },
    {
      header: 'stock.movements.after',
      headerHint: 'stock.movements.afterHint',
      width: '12%',
      numeric: true,
      cell: (m) => (
        <>
          {f.number(m.onHandAfter)} / {f.number(m.reservedAfter)}
        </>
      ),
    },
    {
      header: 'stock.movements.reference',
      width: '33%',
      className: 'wrap',
      cell: (m) => (
        <>
          {m.reference && <code>{m.reference}</code>} {m.note && <span className="small">{m.note}</span>}
          <div className="muted small">
            {t('stock.movements.actor')}: {m.actor}
          </div>
        </>
      ),
    },
  ];

  return (
    <section className="card" aria-labelledby="movements-title">
      <h2 id="movements-title" className="card-title">
        {t('stock.movements.title')}
      </h2>
      {movements.length === 0 ? (
        <p className="muted">{t('stock.movements.none')}</p>
      ) : (
        // Not windowed: a row grows with its note, and one page is a few dozen rows.
        <VirtualTable
          rows={movements}
          columns={columns}
          rowKey={(m) => m.id}
          tableClassName="compact fixed"
          scrollClassName="table-scroll-bounded"
          hasNextPage={hasNextPage}
          loadingMore={loadingMore}
          onLoadMore={onLoadMore}
          endText={t('stock.movements.end')}
        />
      )}
    </section>
  );
}
