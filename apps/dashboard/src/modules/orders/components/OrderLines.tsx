import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../app/format';
import type { OrderDetailFragment } from '../../../gql/graphql';

export function OrderLines({ order }: { order: OrderDetailFragment }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <section className="card" aria-labelledby="order-lines-title">
      <h2 id="order-lines-title" className="card-title">
        {t('orders.lines.title')}
      </h2>
      <table className="data-table compact">
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">{t('orders.lines.sku')}</th>
            <th scope="col">{t('orders.lines.product')}</th>
            <th scope="col" className="num">
              {t('orders.lines.unitPrice')}
            </th>
            <th scope="col" className="num">
              {t('orders.lines.quantity')}
            </th>
            <th scope="col" className="num">
              {t('orders.lines.lineTotal')}
            </th>
          </tr>
        </thead>
        <tbody>
          {order.lines.map((l) => (
            <tr key={l.id}>
              <td className="muted">{l.lineNo}</td>
              <td>
                <code>{l.sku}</code>
              </td>
              <td>
                {l.productName} <span className="muted small">{l.spec}</span>
              </td>
              <td className="num">{f.money(l.unitPrice.fen)}</td>
              <td className="num">{f.number(l.quantity)}</td>
              <td className="num">{f.money(l.lineTotal.fen)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={5}>
              {t('orders.lines.subtotal')}
            </th>
            <td className="num">{f.money(order.subtotal.fen)}</td>
          </tr>
          <tr>
            <th scope="row" colSpan={5}>
              {t('orders.lines.deliveryFee')}
            </th>
            <td className="num">{f.money(order.deliveryFee.fen)}</td>
          </tr>
          <tr className="total-row">
            <th scope="row" colSpan={5}>
              {t('orders.lines.total')}
            </th>
            <td className="num">{f.money(order.total.fen)}</td>
          </tr>
        </tfoot>
      </table>
    </section>
  );
}
