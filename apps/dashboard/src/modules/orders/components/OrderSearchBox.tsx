import { useQuery } from '@apollo/client/react';
import { SEARCH_LENGTH, searchable } from '@fulfilment/domain';
import { useTranslation } from 'react-i18next';
import { SearchPicker } from '../../../ui/SearchPicker';
import { useDebounced } from '../../../ui/useDebounced';
import { useCan } from '../../auth/hooks/useSession';
import { customerSearchQuery } from '../../catalog/graphql/catalog';

interface Props {
  text: string;
  onTextChange: (text: string) => void;
  onPickCustomer: (customer: { id: string; name: string }) => void;
}

/**
 * One box for "by number or customer": text that looks like an order number filters the table as you
 * type; any text also offers matching customers (name or phone), and picking one filters by customer.
 */
export function OrderSearchBox({ text, onTextChange, onPickCustomer }: Props) {
  const { t } = useTranslation();
  const can = useCan();
  const mayFindCustomers = can('CUSTOMER_READ');
  const search = useDebounced(text.trim(), 250);
  const { data, loading } = useQuery(customerSearchQuery, {
    variables: { search },
    skip: !mayFindCustomers || !searchable(search),
    fetchPolicy: 'cache-first',
  });
  const items = mayFindCustomers && searchable(search) ? (data?.customers.edges.map((e) => e.node) ?? []) : [];
  return (
    <div className="field field-search">
      <SearchPicker
        id="order-search"
        label={mayFindCustomers ? t('orders.filters.search') : t('orders.filters.numberOnly')}
        placeholder={mayFindCustomers ? t('orders.filters.searchPlaceholder') : '000123'}
        text={text}
        onTextChange={onTextChange}
        items={items}
        loading={loading}
        minChars={SEARCH_LENGTH.min}
        emptyText={null}
        listLabel={t('orders.filters.customerSuggestions')}
        itemKey={(c) => c.id}
        renderItem={(c) => (
          <span className="picker-item">
            <strong>{c.name}</strong>
            <span className="muted small">
              {c.phone} · {c.city}
            </span>
          </span>
        )}
        onSelect={(c) => {
          onPickCustomer({ id: c.id, name: c.name });
          onTextChange('');
        }}
      />
    </div>
  );
}
