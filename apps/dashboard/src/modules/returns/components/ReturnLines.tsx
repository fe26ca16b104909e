import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../../app/format';
import type { ReturnDetailFragment } from '../../../gql/graphql';
import { purchaseOrderPath } from '../../purchasing/components/PurchaseOrderTable';

/**
 * What comes back, line by line, at the price paid; after the inspection, what the warehouse found and,
 * for quality returns, the goods receipt and supplier the units are traced to.
 */
export function ReturnLines({ returnRequest: r }: { returnRequest: ReturnDetailFragment }) {
  const { t } = useTranslation();
  const f = useFormat();
  const inspected = r.lines.some((l) => l.received !== null && l.received !== undefined);
  const traced = r.lines.some((l) => l.tracedReceipt || l.tracedSupplier);
  const total = r.lines.reduce((s, l) => s + l.unitPrice.fen * l.quantity, 0);
  const count = (n: number | null | undefined) => (n === null || n === undefined ? '—' : f.number(n));
  return (
    <section className="card" aria-labelledby="return-lines-title">
      <h2 id="return-lines-title" className="card-title">
        {t('returns.lines.title')}
      </h2>
      <div className="table-scroll">
        <table className="data-table compact">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t('returns.lines.sku')}</th>
              <th scope="col" className="num">
                {t('returns.lines.quantity')}
              </th>
              <th scope="col" className="num">
                {t('returns.lines.unitPrice')}
              </th>
              <th scope="col" className="num">
                {t('returns.lines.value')}
              </th>
              {inspected && (
                <>
                  <th scope="col" className="num">
                    {t('returns.lines.received')}
                  </th>
                  <th scope="col" className="num">
                    {t('returns.lines.restocked')}
                  </th>
                  <th scope="col" className="num">
                    {t('returns.lines.damaged')}
                  </th>
                  <th scope="col" className="num">
                    {t('returns.lines.toSupplier')}
                  </th>
                </>
              )}
            </tr>
          </thead>
          <tbody>
            {r.lines.map((l) => (
              <tr key={l.lineNo}>
                <td className="muted">{l.lineNo}</td>
                <td>
                  <code>{l.sku}</code>
                  {l.inspectionNote && <div className="muted small">{l.inspectionNote}</div>}
                </td>
                <td className="num">{f.number(l.quantity)}</td>
                <td className="num">{f.money(l.unitPrice.fen)}</td>
                <td className="num">{f.money(l.unitPrice.fen * l.quantity)}</td>
                {inspected && (
                  <>
                    <td className="num">{count(l.received)}</td>
                    <td className="num">{count(l.restocked)}</td>
                    <td className={l.damaged ? 'num text-danger' : 'num'}>{count(l.damaged)}</td>
                    <td className="num">{count(l.toSupplier)}</td>
                  </>
                )}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr className="total-row">
              <th scope="row" colSpan={4}>
                {t('returns.lines.total')}
              </th>
              <td className="num">{f.money(total)}</td>
              {inspected && <td colSpan={4} />}
            </tr>
          </tfoot>
        </table>
      </div>
      {!traced && inspected && r.reason === 'QUALITY' && <p className="muted small">{t('returns.trace.none')}</p>}
      {traced && (
        <div className="return-trace" role="group" aria-labelledby="return-trace-title">
          <h3 id="return-trace-title" className="return-trace-title">
            {t('returns.trace.title')}
          </h3>
          <p className="muted small">{t('returns.trace.hint')}</p>
          <ul className="return-trace-list">
            {r.lines
              .filter((l) => l.tracedReceipt || l.tracedSupplier)
              .map((l) => (
                <li key={l.lineNo}>
                  <code>{l.sku}</code>
                  <span className="muted">{t('returns.trace.receipt')}</span>
                  {l.tracedReceipt ? (
                    <span>
                      <Link to={purchaseOrderPath(l.tracedReceipt.purchaseOrder)} className="mono">
                        {l.tracedReceipt.number}
                      </Link>{' '}
                      <span className="muted small">
                        ({l.tracedReceipt.purchaseOrder.number} · {f.dateTime(l.tracedReceipt.receivedAt)})
                      </span>
                    </span>
                  ) : (
                    <span className="muted">—</span>
                  )}
                  <span className="muted">{t('returns.trace.supplier')}</span>
                  {l.tracedSupplier ? (
                    <Link to={`/suppliers/${encodeURIComponent(l.tracedSupplier.id)}`}>{l.tracedSupplier.name}</Link>
                  ) : (
                    <span className="muted">—</span>
                  )}
                </li>
              ))}
          </ul>
        </div>
      )}
    </section>
  );
}
