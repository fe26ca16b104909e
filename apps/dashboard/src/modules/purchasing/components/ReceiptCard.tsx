import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../../app/format';
import type { GoodsReceiptDetailFragment, OrderStatus } from '../../../gql/graphql';
import { OrderStatusBadge } from '../../../ui/Badge';

interface Props {
  receipt: GoodsReceiptDetailFragment & {
    releasedOrders?: readonly { id: string; number: string; status: OrderStatus }[];
  };
  /** Heading level 2 on its own, 3 inside a list of receipts. */
  nested?: boolean;
}

/** One receipt: what arrived per line, what was rejected and why, and the backorders it released. */
export function ReceiptCard({ receipt, nested }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const Heading = nested ? 'h3' : 'h2';
  return (
    <article className={nested ? 'receipt' : 'card receipt'} aria-label={receipt.number}>
      <Heading className="card-title receipt-head">
        <span className="mono">{receipt.number}</span>
        <span className="muted small">
          {f.dateTime(receipt.receivedAt)} · {receipt.actor}
        </span>
      </Heading>
      <table className="data-table compact">
        <thead>
          <tr>
            <th scope="col">{t('purchasing.po.product')}</th>
            <th scope="col" className="num">
              {t('purchasing.po.received')}
            </th>
            <th scope="col" className="num">
              {t('purchasing.po.accepted')}
            </th>
            <th scope="col" className="num">
              {t('purchasing.po.rejected')}
            </th>
            <th scope="col">{t('receiving.reason')}</th>
          </tr>
        </thead>
        <tbody>
          {receipt.lines.map((l) => (
            <tr key={l.product.id}>
              <td>
                <code>{l.product.sku}</code> {l.product.name}
              </td>
              <td className="num">{f.number(l.received)}</td>
              <td className="num text-success">{f.number(l.accepted)}</td>
              <td className={l.rejected ? 'num text-danger' : 'num muted'}>{f.number(l.rejected)}</td>
              <td>
                {l.rejectionReason ? t(`rejectionReason.${l.rejectionReason}`) : <span className="muted">—</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {receipt.note && <p className="small">{receipt.note}</p>}
      {receipt.releasedOrders && (
        <div className="stack-sm">
          <h3 className="card-subtitle">{t('receiving.released', { count: receipt.releasedOrders.length })}</h3>
          {receipt.releasedOrders.length === 0 ? (
            <p className="muted small">{t('receiving.releasedNone')}</p>
          ) : (
            <ol className="released-list">
              {receipt.releasedOrders.map((o) => (
                <li key={o.id}>
                  <Link to={`/orders/${o.number}`} className="mono">
                    {o.number}
                  </Link>{' '}
                  <OrderStatusBadge status={o.status} />
                </li>
              ))}
            </ol>
          )}
        </div>
      )}
    </article>
  );
}
