import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useFormat } from '../../../app/format';
import type { StockLevelRowFragment } from '../../../gql/graphql';
import { StockStatusBadge } from '../../../ui/Badge';
import { Spinner } from '../../../ui/States';
import { useVirtualRows } from '../../../ui/useVirtualRows';

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
  const v = useVirtualRows({ count: rows.length, rowHeight: ROW_HEIGHT, onNearEnd: hasNextPage ? onLoadMore : undefined });
  return (
    <div className="table-scroll" ref={v.scrollRef} onScroll={v.onScroll}>
      <table className="data-table stock-table">
        <colgroup>
          <col style={{ width: '11%' }} />
          <col style={{ width: '22%' }} />
          <col style={{ width: '13%' }} />
          <col style={{ width: '8%' }} />
          <col style={{ width: '10%' }} />
          <col style={{ width: '10%' }} />
          <col style={{ width: '10%' }} />
          <col style={{ width: '16%' }} />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">{t('stock.columns.sku')}</th>
            <th scope="col">{t('stock.columns.product')}</th>
            <th scope="col">{t('stock.columns.warehouse')}</th>
            <th scope="col" className="num">
              {t('stock.columns.onHand')}
            </th>
            <th scope="col" className="num">
              {t('stock.columns.reserved')}
            </th>
            <th scope="col" className="num">
              {t('stock.columns.available')}
            </th>
            <th scope="col" className="num">
              {t('stock.columns.thresholds')}
            </th>
            <th scope="col">{t('stock.columns.status')}</th>
          </tr>
        </thead>
        <tbody>
          {v.padTop > 0 && (
            <tr aria-hidden="true" className="spacer">
              <td colSpan={8} style={{ height: v.padTop }} />
            </tr>
          )}
          {rows.slice(v.start, v.end).map((s) => (
            <tr
              key={s.id}
              className={s.status === 'OUT_OF_STOCK' ? 'row-danger' : s.status === 'LOW' ? 'row-warning' : undefined}
              onClick={(e) => {
                if ((e.target as HTMLElement).closest('a')) return;
                navigate(`/stock/${s.id}`);
              }}
            >
              <td>
                <Link to={`/stock/${s.id}`} className="mono">
                  {s.sku}
                </Link>
              </td>
              <td className="truncate">
                {s.product.name} <span className="muted small">{s.product.spec}</span>
              </td>
              <td className="truncate">
                <code>{s.warehouseCode}</code> <span className="muted small">{s.warehouse.city}</span>
              </td>
              <td className="num">{f.number(s.onHand)}</td>
              <td className="num">{f.number(s.reserved)}</td>
              <td className="num strong">{f.number(s.available)}</td>
              <td className="num muted">
                {f.number(s.lowThreshold)} / {f.number(s.highThreshold)}
              </td>
              <td>
                <StockStatusBadge status={s.status} />
              </td>
            </tr>
          ))}
          {v.padBottom > 0 && (
            <tr aria-hidden="true" className="spacer">
              <td colSpan={8} style={{ height: v.padBottom }} />
            </tr>
          )}
        </tbody>
      </table>
      <div className="table-foot" role="status">
        {loadingMore ? (
          <>
            <Spinner small /> {t('common.loadingMore')}
          </>
        ) : hasNextPage ? (
          <button type="button" className="btn btn-small" onClick={onLoadMore}>
            {t('common.loadMore')}
          </button>
        ) : (
          t('stock.endOfList', { count: rows.length })
        )}
      </div>
    </div>
  );
}
