import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../app/format';
import type { StockMovementRowFragment } from '../../../gql/graphql';
import { Spinner } from '../../../ui/States';

function Delta({ n }: { n: number }) {
  const f = useFormat();
  if (n === 0) return <span className="muted">0</span>;
  return <span className={n > 0 ? 'text-success' : 'text-danger'}>{`${n > 0 ? '+' : '−'}${f.number(Math.abs(n))}`}</span>;
}

/** The ledger of one stock level, newest first: every change with its reason, so on-hand can be explained. */
export function MovementHistory({ movements, hasNextPage, loadingMore, onLoadMore }: { movements: StockMovementRowFragment[]; hasNextPage: boolean; loadingMore: boolean; onLoadMore: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <section className="card" aria-labelledby="movements-title">
      <h2 id="movements-title" className="card-title">
        {t('stock.movements.title')}
      </h2>
      {movements.length === 0 ? (
        <p className="muted">{t('stock.movements.none')}</p>
      ) : (
        <div className="table-scroll table-scroll-bounded">
          <table className="data-table compact fixed">
            <colgroup>
              <col style={{ width: '18%' }} />
              <col style={{ width: '13%' }} />
              <col style={{ width: '12%' }} />
              <col style={{ width: '12%' }} />
              <col style={{ width: '12%' }} />
              <col style={{ width: '33%' }} />
            </colgroup>
            <thead>
              <tr>
                <th scope="col">{t('stock.movements.when')}</th>
                <th scope="col">{t('stock.movements.reason')}</th>
                <th scope="col" className="num">
                  {t('stock.movements.onHandDelta')}
                </th>
                <th scope="col" className="num">
                  {t('stock.movements.reservedDelta')}
                </th>
                <th scope="col" className="num" title={t('stock.movements.afterHint')}>
                  {t('stock.movements.after')}
                </th>
                <th scope="col">{t('stock.movements.reference')}</th>
              </tr>
            </thead>
            <tbody>
              {movements.map((m) => (
                <tr key={m.id}>
                  <td title={f.dateTime(m.createdAt)}>{f.shortDateTime(m.createdAt)}</td>
                  <td>{t(`movementReason.${m.reason}`)}</td>
                  <td className="num">
                    <Delta n={m.onHandDelta} />
                  </td>
                  <td className="num">
                    <Delta n={m.reservedDelta} />
                  </td>
                  <td className="num">
                    {f.number(m.onHandAfter)} / {f.number(m.reservedAfter)}
                  </td>
                  <td className="wrap">
                    {m.reference && <code>{m.reference}</code>} {m.note && <span className="small">{m.note}</span>}
                    <div className="muted small">
                      {t('stock.movements.actor')}: {m.actor}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="table-foot">
            {loadingMore ? (
              <>
                <Spinner small /> {t('common.loadingMore')}
              </>
            ) : hasNextPage ? (
              <button type="button" className="btn btn-small" onClick={onLoadMore}>
                {t('common.loadMore')}
              </button>
            ) : (
              t('stock.movements.end')
            )}
          </div>
        </div>
      )}
    </section>
  );
}
