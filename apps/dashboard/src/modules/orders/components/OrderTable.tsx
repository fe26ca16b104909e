import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useFormat } from '../../../app/format';
import type { OrderRowFragment, OrderStatus } from '../../../gql/graphql';
import { Badge, OrderStatusBadge } from '../../../ui/Badge';
import { Spinner } from '../../../ui/States';
import { useVirtualRows } from '../../../ui/useVirtualRows';

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
  const v = useVirtualRows({ count: rows.length, rowHeight: ROW_HEIGHT, onNearEnd: hasNextPage ? onLoadMore : undefined });
  const now = Date.now();

  return (
    <div className={stale ? 'table-scroll is-stale' : 'table-scroll'} ref={v.scrollRef} onScroll={v.onScroll} tabIndex={-1}>
      <table className="data-table orders-table" aria-rowcount={rows.length + 1}>
        <colgroup>
          <col style={{ width: '14%' }} />
          <col style={{ width: '11%' }} />
          <col style={{ width: '10%' }} />
          <col style={{ width: '9%' }} />
          <col style={{ width: '10%' }} />
          <col style={{ width: '14%' }} />
          <col style={{ width: '10%' }} />
          <col style={{ width: '12%' }} />
          <col style={{ width: '10%' }} />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">{t('orders.columns.number')}</th>
            <th scope="col">{t('orders.columns.createdAt')}</th>
            <th scope="col">{t('orders.columns.customer')}</th>
            <th scope="col">{t('orders.columns.region')}</th>
            <th scope="col">{t('orders.columns.channel')}</th>
            <th scope="col">{t('orders.columns.status')}</th>
            <th scope="col" className="num">
              {t('orders.columns.total')}
            </th>
            <th scope="col">{t('orders.columns.promisedBy')}</th>
            <th scope="col">{t('orders.columns.priority')}</th>
          </tr>
        </thead>
        <tbody>
          {v.padTop > 0 && (
            <tr aria-hidden="true" className="spacer">
              <td colSpan={9} style={{ height: v.padTop }} />
            </tr>
          )}
          {rows.slice(v.start, v.end).map((o, i) => {
            const late = o.promisedBy < new Date(now).toISOString() && !['DELIVERED', 'CANCELLED'].includes(o.status);
            const classes = [changed.has(o.id) ? 'row-flash' : '', statusFilter.length && !statusFilter.includes(o.status) ? 'row-outside' : ''].join(' ').trim();
            return (
              <tr
                key={o.id}
                aria-rowindex={v.start + i + 2}
                className={classes || undefined}
                onClick={(e) => {
                  if ((e.target as HTMLElement).closest('a')) return;
                  navigate(`/orders/${o.number}`);
                }}
              >
                <td>
                  <Link to={`/orders/${o.number}`} className="mono">
                    {o.number}
                  </Link>
                </td>
                <td title={f.dateTime(o.createdAt)}>{f.shortDateTime(o.createdAt)}</td>
                <td className="truncate">{o.customer.name}</td>
                <td>{t(`region.${o.delivery.region}`)}</td>
                <td>{t(`channel.${o.channel}`)}</td>
                <td>
                  <OrderStatusBadge status={o.status} />
                </td>
                <td className="num">{f.money(o.total.fen)}</td>
                <td className={late ? 'text-danger' : undefined} title={f.dateTime(o.promisedBy)}>
                  {f.shortDateTime(o.promisedBy)}
                  {late && <span className="sr-only"> ({t('orders.late')})</span>}
                </td>
                <td>{o.priority !== 'NORMAL' ? <Badge tone={o.priority === 'URGENT' ? 'danger' : 'warning'}>{t(`priority.${o.priority}`)}</Badge> : <span className="muted">{t('priority.NORMAL')}</span>}</td>
              </tr>
            );
          })}
          {v.padBottom > 0 && (
            <tr aria-hidden="true" className="spacer">
              <td colSpan={9} style={{ height: v.padBottom }} />
            </tr>
          )}
        </tbody>
      </table>
      <div className="table-foot" role="status" aria-live="polite">
        {loadingMore ? (
          <>
            <Spinner small /> {t('common.loadingMore')}
          </>
        ) : hasNextPage ? (
          <button type="button" className="btn btn-small" onClick={onLoadMore}>
            {t('common.loadMore')}
          </button>
        ) : (
          t('orders.endOfList', { count: rows.length })
        )}
      </div>
    </div>
  );
}
