import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useFormat } from '../../../app/format';
import { Badge } from '../../../ui/Badge';
import { PageHeader } from '../../../ui/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '../../../ui/States';
import { useCan } from '../../auth/hooks/useSession';
import { PurchaseOrderTable } from '../components/PurchaseOrderTable';
import { StandingBadge, SupplierStatusBadge } from '../components/PurchasingBadges';
import { ScorecardChart } from '../components/ScorecardChart';
import { ScorecardCriteria } from '../components/ScorecardCriteria';
import { SupplierFormDialog } from '../components/SupplierFormDialog';
import { SupplierOfferDialog } from '../components/SupplierOfferDialog';
import { useSupplier } from '../hooks/useSupplier';
import '../purchasing.css';

export function SupplierPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const { id = '' } = useParams();
  const { supplier: s, loaded, error, refresh } = useSupplier(id);
  const manage = useCan()('SUPPLIER_MANAGE');
  const [editing, setEditing] = useState(false);
  /** The offer dialog: 'new' to pick a product, else the id of the offer to change. */
  const [offerDialog, setOfferDialog] = useState<string | null>(null);

  if (error && !s) return <ErrorState error={error} onRetry={refresh} />;
  if (!loaded) return <LoadingState rows={6} />;
  if (!s) {
    return (
      <EmptyState title={t('suppliers.detail.notFound')}>
        <Link to="/suppliers" className="btn">
          {t('suppliers.detail.back')}
        </Link>
      </EmptyState>
    );
  }
  const latest = s.scorecards[0];
  const orders = s.purchaseOrders.edges.map((e) => e.node);
  const rejections = s.rejections.edges.map((e) => e.node);

  return (
    <div className="page">
      <nav aria-label={t('common.breadcrumb')} className="breadcrumb">
        <Link to="/suppliers">{t('nav.suppliers')}</Link> <span aria-hidden="true">/</span>{' '}
        <span aria-current="page">{s.code}</span>
      </nav>
      <PageHeader
        title={
          <span className="title-with-badge">
            <span>{s.name}</span>
            <SupplierStatusBadge status={s.status} />
            <StandingBadge standing={s.standing} />
          </span>
        }
        subtitle={
          <>
            <code>{s.code}</code> · {s.regions.map((r) => t(`region.${r}`)).join(' · ')}
          </>
        }
        actions={
          manage && (
            <button type="button" className="btn" onClick={() => setEditing(true)}>
              {t('suppliers.detail.edit')}
            </button>
          )
        }
      >
        {s.statusReason && (
          <div className="hold-box" role="note">
            <Badge tone={s.status === 'SUSPENDED' ? 'danger' : 'warning'}>{t(`supplierStatus.${s.status}`)}</Badge>
            <span>{s.statusReason}</span>
          </div>
        )}
      </PageHeader>
      <section className="facts" aria-label={t('suppliers.detail.facts')}>
        <div>
          <span className="muted small">{t('suppliers.columns.score')}</span>
          <strong>{s.score === null || s.score === undefined ? t('scorecard.noData') : f.number(s.score)}</strong>
        </div>
        <div>
          <span className="muted small">{t('suppliers.detail.contact')}</span>
          <strong>{s.contactName}</strong>
        </div>
        <div>
          <span className="muted small">{t('suppliers.detail.phone')}</span>
          <strong>{s.phone}</strong>
        </div>
        <div>
          <span className="muted small">{t('suppliers.detail.email')}</span>
          <strong className="break">{s.email ?? '—'}</strong>
        </div>
        <div>
          <span className="muted small">{t('suppliers.detail.address')}</span>
          <strong className="break">{s.address}</strong>
        </div>
        <div>
          <span className="muted small">{t('suppliers.detail.since')}</span>
          <strong>{f.date(s.createdAt)}</strong>
        </div>
      </section>
      {latest ? (
        <div className="detail-grid">
          <section className="card" aria-labelledby="scorecard-title">
            <h2 id="scorecard-title" className="card-title">
              {t('scorecard.chartTitle')}
            </h2>
            <ScorecardChart periods={s.scorecards} />
          </section>
          <section className="card" aria-labelledby="criteria-title">
            <h2 id="criteria-title" className="card-title">
              {t('scorecard.latest')}
            </h2>
            <ScorecardCriteria period={latest} />
          </section>
        </div>
      ) : (
        <section className="card" aria-labelledby="scorecard-title">
          <h2 id="scorecard-title" className="card-title">
            {t('scorecard.chartTitle')}
          </h2>
          <p className="muted">{t('scorecard.none')}</p>
        </section>
      )}
      <section className="card" aria-labelledby="offers-title">
        <div className="card-title card-title-actions">
          <h2 id="offers-title">{t('suppliers.offers.title')}</h2>
          {manage && (
            <button type="button" className="btn btn-small" onClick={() => setOfferDialog('new')}>
              {t('suppliers.offers.set')}
            </button>
          )}
        </div>
        {s.offers.length === 0 ? (
          <p className="muted">{t('suppliers.offers.none')}</p>
        ) : (
          <div className="table-scroll table-scroll-bounded">
            <table className="data-table compact">
              <thead>
                <tr>
                  <th scope="col">{t('purchasing.po.product')}</th>
                  <th scope="col" className="num">
                    {t('suppliers.offers.price')}
                  </th>
                  <th scope="col" className="num">
                    {t('suppliers.offers.leadTime')}
                  </th>
                  <th scope="col" className="num">
                    {t('suppliers.offers.moq')}
                  </th>
                  <th scope="col" className="num">
                    {t('suppliers.offers.pack')}
                  </th>
                  <th scope="col">{t('suppliers.offers.state')}</th>
                  <th scope="col">{t('suppliers.offers.updated')}</th>
                  {manage && (
                    <th scope="col">
                      <span className="sr-only">{t('suppliers.offers.actions')}</span>
                    </th>
                  )}
                </tr>
              </thead>
              <tbody>
                {s.offers.map((o) => (
                  <tr key={o.id} className={o.active ? undefined : 'row-muted'}>
                    <td>
                      <code>{o.product.sku}</code> {o.product.name}{' '}
                      <span className="muted small">{o.product.spec}</span>
                    </td>
                    <td className="num">{f.money(o.unitPrice.fen)}</td>
                    <td className="num">{t('purchasing.requirements.days', { count: o.leadTimeDays })}</td>
                    <td className="num">{f.number(o.minOrderQty)}</td>
                    <td className="num">{f.number(o.packMultiple)}</td>
                    <td>
                      <Badge tone={o.active ? 'success' : 'neutral'}>
                        {o.active ? t('suppliers.offers.active') : t('suppliers.offers.withdrawn')}
                      </Badge>
                    </td>
                    <td className="muted small">{f.date(o.updatedAt)}</td>
                    {manage && (
                      <td>
                        <button
                          type="button"
                          className="btn btn-small btn-ghost"
                          aria-label={t('suppliers.offers.editOne', { sku: o.product.sku })}
                          onClick={() => setOfferDialog(o.id)}
                        >
                          {t('suppliers.offers.edit')}
                        </button>
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section className="card" aria-labelledby="supplier-pos-title">
        <h2 id="supplier-pos-title" className="card-title">
          {t('suppliers.detail.orders')}
        </h2>
        {orders.length === 0 ? (
          <p className="muted">{t('purchasing.orders.empty')}</p>
        ) : (
          <PurchaseOrderTable rows={orders} hasNextPage={false} loadingMore={false} onLoadMore={() => undefined} />
        )}
      </section>
      <section className="card" aria-labelledby="rejections-title">
        <h2 id="rejections-title" className="card-title">
          {t('suppliers.rejections.title')}
        </h2>
        {rejections.length === 0 ? (
          <p className="muted">{t('suppliers.rejections.none')}</p>
        ) : (
          <table className="data-table compact">
            <thead>
              <tr>
                <th scope="col">{t('suppliers.rejections.receipt')}</th>
                <th scope="col">{t('purchasing.orders.columns.number')}</th>
                <th scope="col">{t('purchasing.po.product')}</th>
                <th scope="col" className="num">
                  {t('purchasing.po.rejected')}
                </th>
                <th scope="col">{t('receiving.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {rejections.flatMap((r) =>
                r.lines
                  .filter((l) => l.rejected > 0)
                  .map((l) => (
                    <tr key={`${r.id}-${l.product.id}`}>
                      <td>
                        <span className="mono">{r.number}</span>
                        <div className="muted small">{f.shortDateTime(r.receivedAt)}</div>
                      </td>
                      <td>
                        <Link to={`/purchasing/orders/${encodeURIComponent(r.purchaseOrder.id)}`} className="mono">
                          {r.purchaseOrder.number}
                        </Link>
                      </td>
                      <td>
                        <code>{l.product.sku}</code> {l.product.name}
                      </td>
                      <td className="num text-danger">
                        {f.number(l.rejected)} / {f.number(l.received)}
                      </td>
                      <td>{l.rejectionReason ? t(`rejectionReason.${l.rejectionReason}`) : '—'}</td>
                    </tr>
                  )),
              )}
            </tbody>
          </table>
        )}
      </section>
      {editing && <SupplierFormDialog supplier={s} onClose={() => setEditing(false)} />}
      {offerDialog && (
        <SupplierOfferDialog
          supplierId={s.id}
          offers={s.offers}
          offer={s.offers.find((o) => o.id === offerDialog) ?? null}
          onClose={() => setOfferDialog(null)}
        />
      )}
    </div>
  );
}
