import { addressWithCity } from '@fulfilment/domain';
import { useTranslation } from 'react-i18next';
import type { OrderDetailFragment } from '../../../gql/graphql';
import { Badge } from '../../../ui/Badge';
import { useCan } from '../../auth/hooks/useSession';

/** Customer and delivery address; the server masks personal data for roles that may not read it. */
export function OrderCustomer({ order }: { order: OrderDetailFragment }) {
  const { t } = useTranslation();
  const can = useCan();
  const masked = !can('CUSTOMER_PII_READ');
  const c = order.customer;
  const d = order.delivery;
  return (
    <section className="card" aria-labelledby="order-customer-title">
      <h2 id="order-customer-title" className="card-title">
        {t('orders.customer.title')}
        {masked && (
          <Badge tone="neutral" title={t('orders.customer.maskedHint')}>
            {t('orders.customer.masked')}
          </Badge>
        )}
      </h2>
      <dl className="details">
        <dt>{t('orders.customer.name')}</dt>
        <dd>
          {c.name} {c.isNew && <Badge tone="info">{t('orders.customer.new')}</Badge>}{' '}
          {c.creditStatus !== 'GOOD' && (
            <Badge tone={c.creditStatus === 'BLOCKED' ? 'danger' : 'warning'}>
              {t(`creditStatus.${c.creditStatus}`)}
            </Badge>
          )}
        </dd>
        <dt>{t('orders.customer.phone')}</dt>
        <dd className="mono">{c.phone}</dd>
        {c.email && (
          <>
            <dt>{t('orders.customer.email')}</dt>
            <dd>{c.email}</dd>
          </>
        )}
      </dl>
      <h3 className="card-subtitle">{t('orders.delivery.title')}</h3>
      <dl className="details">
        <dt>{t('orders.delivery.contactName')}</dt>
        <dd>{d.contactName}</dd>
        <dt>{t('orders.delivery.phone')}</dt>
        <dd className="mono">{d.phone}</dd>
        <dt>{t('orders.delivery.address')}</dt>
        <dd>
          {t(`region.${d.region}`)} · {addressWithCity(d.city, d.address)}
        </dd>
      </dl>
    </section>
  );
}
