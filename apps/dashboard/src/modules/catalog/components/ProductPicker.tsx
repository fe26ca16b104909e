import { useQuery } from '@apollo/client/react';
import { SEARCH_LENGTH, searchable } from '@fulfilment/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../app/format';
import type { ProductSearchQuery } from '../../../gql/graphql';
import { useDebounced } from '../../../ui/useDebounced';
import { SearchPicker } from '../../../ui/SearchPicker';
import { productSearchQuery } from '../graphql/catalog';

export type PickedProduct = ProductSearchQuery['products']['edges'][number]['node'];

/** Finds a product by part of its SKU or name. */
export function ProductPicker({
  onSelect,
  label,
  hideLabel,
}: {
  onSelect: (p: PickedProduct) => void;
  label?: string;
  hideLabel?: boolean;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const [text, setText] = useState('');
  const search = useDebounced(text.trim(), 250);
  const { data, loading } = useQuery(productSearchQuery, {
    variables: { search },
    skip: !searchable(search),
    fetchPolicy: 'cache-first',
  });
  const items = searchable(search) ? (data?.products.edges.map((e) => e.node) ?? []) : [];
  return (
    <SearchPicker
      label={label ?? t('catalog.product')}
      hideLabel={hideLabel}
      placeholder={t('catalog.productPlaceholder')}
      text={text}
      onTextChange={setText}
      items={items}
      loading={loading}
      minChars={SEARCH_LENGTH.min}
      itemKey={(p) => p.id}
      renderItem={(p) => (
        <span className="picker-item">
          <strong>
            <code>{p.sku}</code> {p.name}
          </strong>
          <span className="muted small">
            {p.spec} · {f.money(p.unitPrice.fen)}
            {!p.active && ` · ${t('catalog.inactive')}`}
          </span>
        </span>
      )}
      onSelect={(p) => {
        onSelect(p);
        setText('');
      }}
    />
  );
}
