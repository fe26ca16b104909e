import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../app/format';
import type { OrderDetailFragment } from '../../../gql/graphql';
import { Badge, type Tone } from '../../../ui/Badge';

const TONE: Record<OrderDetailFragment['allocations'][number]['status'], Tone> = {
  RESERVED: 'info',
  SHIPPED: 'success',
  RELEASED: 'neutral',
  WRITTEN_OFF: 'warning',
};

/** Stock reserved for (or shipped from) each warehouse, grouped by warehouse. */
export function OrderAllocations({ order }: { order: OrderDetailFragment }) {
  const { t } = useTranslation();
  const f = useFormat();
  const byWarehouse = new Map<string, OrderDetailFragment['allocations']>();
  for (const a of order.allocations)
    byWarehouse.set(a.warehouse.code, [...(byWarehouse.get(a.warehouse.code) ?? []), a]);
  return (
    <section className="card" aria-labelledby="order-alloc-title">
      <h2 id="order-alloc-title" className="card-title">
        {t('orders.allocations.title')}
      </h2>
      {order.allocations.length === 0 ? (
        <p className="muted">
          {order.status === 'BACKORDERED' ? t('orders.allocations.backordered') : t('orders.allocations.none')}
        </p>
      ) : (
        <div className="stack-sm">
          {[...byWarehouse.entries()].map(([code, allocations]) => (
            <div key={code} className="alloc-group">
              <div className="alloc-head">
                <strong>
                  <code>{code}</code> {allocations[0].warehouse.name}
                </strong>
                <span className="muted small">
                  {allocations[0].warehouse.city} · {t(`warehouseKind.${allocations[0].warehouse.kind}`)}
                </span>
              </div>
              <table className="data-table compact">
                <thead>
                  <tr>
                    <th scope="col">{t('orders.allocations.line')}</th>
                    <th scope="col">{t('orders.lines.sku')}</th>
                    <th scope="col" className="num">
                      {t('orders.lines.quantity')}
                    </th>
                    <th scope="col">{t('orders.allocations.status')}</th>
                    <th scope="col">{t('orders.allocations.since')}</th>
                  </tr>
                </thead>
                <tbody>
                  {allocations.map((a) => (
                    <tr key={a.id} className={a.status === 'RELEASED' ? 'row-muted' : undefined}>
                      <td className="muted">{a.lineNo}</td>
                      <td>
                        <code>{a.sku}</code>
                      </td>
                      <td className="num">{f.number(a.quantity)}</td>
                      <td>
                        <Badge tone={TONE[a.status]}>{t(`allocationStatus.${a.status}`)}</Badge>
                      </td>
                      <td>{f.dateTime(a.createdAt)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ))}
        </div>
      )}
    </section>
  );
}
