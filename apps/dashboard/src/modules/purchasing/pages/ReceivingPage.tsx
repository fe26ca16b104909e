import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { PurchaseOrderFilter } from '../../../gql/graphql';
import { PageHeader } from '../../../ui/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '../../../ui/States';
import { useDebounced } from '../../../ui/useDebounced';
import { useWarehouses } from '../../catalog/hooks/useWarehouses';
import { PurchaseOrderTable } from '../components/PurchaseOrderTable';
import { PurchaseOrderStatusBadge } from '../components/PurchasingBadges';
import { ReceiptCard } from '../components/ReceiptCard';
import { ReceiptForm, type BookedReceipt } from '../components/ReceiptForm';
import { usePurchaseOrder } from '../hooks/usePurchaseOrder';
import { usePurchaseOrders } from '../hooks/usePurchaseOrders';
import '../purchasing.css';

const RECEIVABLE = ['CONFIRMED', 'PARTIALLY_RECEIVED'] as const;
const receivingPath = (po: { id: string }) => `/receiving?po=${encodeURIComponent(po.id)}`;

/** Warehouse staff pick a confirmed purchase order, book what arrived, and see which backorders it released. */
export function ReceivingPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const poId = params.get('po');
  const [booked, setBooked] = useState<BookedReceipt | null>(null);
  return (
    <div className="page page-fill">
      {poId && (
        <nav aria-label={t('common.breadcrumb')} className="breadcrumb">
          <Link to="/receiving" onClick={() => setBooked(null)}>
            {t('nav.receiving')}
          </Link>{' '}
          <span aria-hidden="true">/</span> <span aria-current="page">{t('receiving.bookTitle')}</span>
        </nav>
      )}
      {poId ? (
        <ReceiveOrder
          id={poId}
          booked={booked}
          onBooked={setBooked}
          onPickAnother={() => {
            setBooked(null);
            setParams({});
          }}
        />
      ) : (
        <PickOrder />
      )}
    </div>
  );
}

function PickOrder() {
  const { t } = useTranslation();
  const { warehouses } = useWarehouses();
  const [warehouse, setWarehouse] = useState('');
  const [search, setSearch] = useState('');
  const debounced = useDebounced(search.trim(), 300);
  const filter = useMemo<PurchaseOrderFilter>(() => {
    const f: PurchaseOrderFilter = { status: [...RECEIVABLE] };
    if (warehouse) f.warehouseCode = warehouse;
    if (debounced.length >= 3) f.search = debounced;
    return f;
  }, [warehouse, debounced]);
  const list = usePurchaseOrders(filter);
  return (
    <>
      <PageHeader title={t('receiving.title')} subtitle={t('receiving.subtitle')} />
      <section className="filters" aria-label={t('receiving.pick')}>
        <div className="field field-search">
          <label htmlFor="receiving-search" className="field-label">
            {t('purchasing.orders.search')}
          </label>
          <input
            id="receiving-search"
            type="search"
            value={search}
            placeholder={t('purchasing.orders.searchPlaceholder')}
            onChange={(e) => setSearch(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="receiving-warehouse" className="field-label">
            {t('purchasing.orders.columns.warehouse')}
          </label>
          <select id="receiving-warehouse" value={warehouse} onChange={(e) => setWarehouse(e.target.value)}>
            <option value="">{t('common.all')}</option>
            {warehouses.map((w) => (
              <option key={w.code} value={w.code}>
                {w.code} · {w.name}
              </option>
            ))}
          </select>
        </div>
      </section>
      {list.error && !list.rows.length ? (
        <ErrorState error={list.error} onRetry={list.refresh} />
      ) : !list.loaded ? (
        <LoadingState rows={6} />
      ) : list.rows.length === 0 ? (
        <EmptyState title={t('receiving.empty')}>{t('receiving.emptyHint')}</EmptyState>
      ) : (
        <PurchaseOrderTable
          rows={list.rows}
          linkTo={receivingPath}
          stale={list.stale}
          hasNextPage={list.hasNextPage}
          loadingMore={list.loadingMore}
          onLoadMore={list.loadMore}
        />
      )}
    </>
  );
}

function ReceiveOrder({
  id,
  booked,
  onBooked,
  onPickAnother,
}: {
  id: string;
  booked: BookedReceipt | null;
  onBooked: (r: BookedReceipt) => void;
  onPickAnother: () => void;
}) {
  const { t } = useTranslation();
  const { order: po, loaded, error, refresh } = usePurchaseOrder(id);
  if (error && !po) return <ErrorState error={error} onRetry={refresh} />;
  if (!loaded) return <LoadingState rows={6} />;
  if (!po) {
    return (
      <EmptyState title={t('purchasing.po.notFound')}>
        <button type="button" className="btn" onClick={onPickAnother}>
          {t('receiving.pickAnother')}
        </button>
      </EmptyState>
    );
  }
  const receivable = (RECEIVABLE as readonly string[]).includes(po.status);
  return (
    <div className="stack">
      <PageHeader
        title={
          <span className="title-with-badge">
            <span>{t('receiving.bookFor', { number: po.number })}</span>
            <PurchaseOrderStatusBadge status={po.status} overdue={po.overdue} />
          </span>
        }
        subtitle={
          <>
            <code>{po.supplier.code}</code> {po.supplier.name} → <code>{po.warehouse.code}</code> {po.warehouse.name}
          </>
        }
        actions={
          <>
            <Link to={`/purchasing/orders/${encodeURIComponent(po.id)}`} className="btn btn-ghost">
              {t('receiving.openOrder')}
            </Link>
            <button type="button" className="btn" onClick={onPickAnother}>
              {t('receiving.pickAnother')}
            </button>
          </>
        }
      />
      {booked && <ReceiptCard receipt={booked} />}
      {receivable ? (
        <ReceiptForm po={po} onBooked={onBooked} />
      ) : (
        !booked && (
          <EmptyState title={t('userErrors.NOT_RECEIVABLE')}>
            {t('receiving.notReceivableHint', { status: t(`purchaseOrderStatus.${po.status}`) })}
          </EmptyState>
        )
      )}
    </div>
  );
}
