import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../app/format';
import type { PurchaseOrderLineRowFragment } from '../../../gql/graphql';
import { today } from '../purchasingDates';

/** Each line: ordered, promised vs expected, and what arrived (accepted and rejected) against what is still due. */
export function PurchaseOrderLines({ lines, open }: { lines: readonly PurchaseOrderLineRowFragment[]; open: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  const now = today();
  return (
    <section className="card" aria-labelledby="po-lines-title">
      <h2 id="po-lines-title" className="card-title">
        {t('purchasing.po.lines')}
      </h2>
      <div className="table-scroll">
        <table className="data-table compact">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t('purchasing.po.product')}</th>
              <th scope="col" className="num">
                {t('purchasing.po.ordered')}
              </th>
              <th scope="col" className="num">
                {t('purchasing.po.unitPrice')}
              </th>
              <th scope="col">{t('purchasing.po.promised')}</th>
              <th scope="col">{t('purchasing.po.expected')}</th>
              <th scope="col" className="num">
                {t('purchasing.po.received')}
              </th>
              <th scope="col" className="num">
                {t('purchasing.po.accepted')}
              </th>
              <th scope="col" className="num">
                {t('purchasing.po.rejected')}
              </th>
              <th scope="col" className="num">
                {t('purchasing.po.outstanding')}
              </th>
            </tr>
          </thead>
          <tbody>
            {lines.map((l) => {
              const late = open && l.outstandingQty > 0 && l.expectedDate !== null && l.expectedDate! < now;
              const moved = l.promisedDate && l.expectedDate && l.expectedDate !== l.promisedDate;
              return (
                <tr key={l.id}>
                  <td className="muted">{l.lineNo}</td>
                  <td>
                    <code>{l.sku}</code> {l.productName}
                  </td>
                  <td className="num">{f.number(l.quantity)}</td>
                  <td className="num">{f.money(l.unitPrice.fen)}</td>
                  <td>{l.promisedDate ?? <span className="muted">—</span>}</td>
                  <td className={late ? 'text-danger strong' : moved ? 'text-warning' : undefined}>
                    {l.expectedDate ?? <span className="muted">—</span>}
                    {late && <span className="small"> ({t('purchasing.orders.overdue')})</span>}
                  </td>
                  <td className="num">{f.number(l.receivedQty)}</td>
                  <td className="num text-success">{f.number(l.acceptedQty)}</td>
                  <td className={l.rejectedQty ? 'num text-danger' : 'num muted'}>{f.number(l.rejectedQty)}</td>
                  <td className="num strong">{f.number(l.outstandingQty)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
