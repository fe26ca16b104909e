import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../app/format';
import { useMutationOutcome } from '../../../app/useMutationOutcome';
import type { PurchaseRequirementStatus, RequirementRowFragment } from '../../../gql/graphql';
import { Badge } from '../../../ui/Badge';
import { EmptyState, ErrorState, InlineMessage, LoadingState, Spinner } from '../../../ui/States';
import { useDebounced } from '../../../ui/useDebounced';
import { VirtualTable, type Column } from '../../../ui/VirtualTable';
import { useCan } from '../../auth/hooks/useSession';
import { createPurchaseOrdersMutation, generateRequirementsMutation } from '../graphql/requirements';
import { useRequirements } from '../hooks/useRequirements';
import { StandingBadge } from './PurchasingBadges';
import { RequirementDialog } from './RequirementDialog';

const STATUSES: PurchaseRequirementStatus[] = ['OPEN', 'ORDERED', 'DISMISSED'];

/** Requirements to review: why each exists, whom to buy from, and turning the chosen ones into orders. */
export function RequirementsPanel() {
  const { t } = useTranslation();
  const f = useFormat();
  const can = useCan();
  const manage = can('PURCHASE_ORDER_MANAGE');
  const [status, setStatus] = useState<PurchaseRequirementStatus | ''>('OPEN');
  const [sku, setSku] = useState('');
  const skuShown = useDebounced(sku.trim().toUpperCase(), 300);
  const filter = useMemo(
    () => ({ ...(status ? { status: [status] } : {}), ...(skuShown ? { sku: skuShown } : {}) }),
    [status, skuShown],
  );
  const list = useRequirements(filter);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [open, setOpen] = useState<RequirementRowFragment | null>(null);
  const generate = useMutationOutcome();
  const create = useMutationOutcome();
  const selectable = (r: RequirementRowFragment) => manage && r.status === 'OPEN';
  const chosen = list.rows.filter((r) => selected.has(r.id) && selectable(r));
  const allSelectable = list.rows.filter(selectable);
  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const runNow = async () => {
    const ok = await generate.run({
      mutation: generateRequirementsMutation,
      variables: { input: {} },
      success: (p) =>
        t('purchasing.requirements.generated', { count: p.requirements?.length ?? 0, considered: p.considered ?? 0 }),
    });
    if (ok) await list.refresh();
  };
  const createOrders = async () => {
    const ok = await create.run({
      mutation: createPurchaseOrdersMutation,
      variables: { input: { requirementIds: chosen.map((r) => r.id) } },
      success: (p) =>
        t('purchasing.requirements.ordersCreated', {
          count: p.purchaseOrders?.length ?? 0,
          numbers: (p.purchaseOrders ?? []).map((po) => po.number).join(', '),
        }),
    });
    if (ok) {
      setSelected(new Set());
      await list.refresh();
    }
  };

  const columns: Column<RequirementRowFragment>[] = [
    ...(manage
      ? [
          {
            header: 'purchasing.requirements.columns.select',
            width: '5%',
            cell: (r: RequirementRowFragment) =>
              selectable(r) ? (
                <input
                  type="checkbox"
                  aria-label={t('purchasing.requirements.selectOne', { number: r.number })}
                  checked={selected.has(r.id)}
                  onChange={() => toggle(r.id)}
                  onClick={(e) => e.stopPropagation()}
                />
              ) : null,
          } satisfies Column<RequirementRowFragment>,
        ]
      : []),
    {
      header: 'purchasing.requirements.columns.number',
      width: '10%',
      cell: (r) => (
        <button type="button" className="link-button mono" onClick={() => setOpen(r)}>
          {r.number}
        </button>
      ),
    },
    {
      header: 'purchasing.requirements.columns.product',
      width: manage ? '24%' : '29%',
      className: 'truncate',
      title: (r) => r.product.name,
      cell: (r) => (
        <>
          <code>{r.sku}</code> {r.product.name}
        </>
      ),
    },
    { header: 'purchasing.requirements.columns.warehouse', width: '9%', cell: (r) => <code>{r.warehouseCode}</code> },
    {
      header: 'purchasing.requirements.columns.quantity',
      width: '8%',
      numeric: true,
      className: 'strong',
      cell: (r) => f.number(r.quantity),
    },
    {
      header: 'purchasing.requirements.columns.trigger',
      width: '12%',
      cell: (r) => (
        <Badge
          tone={r.trigger === 'BACKORDER' ? 'danger' : 'warning'}
          title={t(`requirementTrigger.hint.${r.trigger}`)}
        >
          {t(`requirementTrigger.${r.trigger}`)}
        </Badge>
      ),
    },
    {
      header: 'purchasing.requirements.columns.supplier',
      width: '20%',
      className: 'truncate',
      cell: (r) =>
        r.suggestedSupplier ? (
          <span className="badges">
            <code>{r.suggestedSupplier.code}</code>
            <StandingBadge standing={r.suggestedSupplier.standing} />
          </span>
        ) : (
          <span className="text-warning">{t('purchasing.requirements.noSupplier')}</span>
        ),
    },
    {
      header: 'purchasing.requirements.columns.status',
      width: '12%',
      cell: (r) =>
        r.purchaseOrder ? (
          <span className="mono small">{r.purchaseOrder.number}</span>
        ) : (
          <span className="muted small">{t(`requirementStatus.${r.status}`)}</span>
        ),
    },
  ];

  return (
    <div className="panel-fill stack">
      <div className="toolbar">
        <div className="field">
          <label htmlFor="req-status" className="field-label">
            {t('purchasing.requirements.status')}
          </label>
          <select
            id="req-status"
            value={status}
            onChange={(e) => {
              setSelected(new Set());
              setStatus(e.target.value as PurchaseRequirementStatus | '');
            }}
          >
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`requirementStatus.${s}`)}
              </option>
            ))}
            <option value="">{t('common.all')}</option>
          </select>
        </div>
        <div className="field field-search">
          <label htmlFor="req-sku" className="field-label">
            {t('purchasing.requirements.sku')}
          </label>
          <input
            id="req-sku"
            type="search"
            value={sku}
            placeholder={t('purchasing.requirements.skuPlaceholder')}
            onChange={(e) => {
              setSelected(new Set());
              setSku(e.target.value);
            }}
          />
        </div>
        {manage && (
          <div className="toolbar-actions">
            {allSelectable.length > 0 && (
              <label className="check">
                <input
                  type="checkbox"
                  checked={chosen.length > 0 && chosen.length === allSelectable.length}
                  onChange={(e) => setSelected(new Set(e.target.checked ? allSelectable.map((r) => r.id) : []))}
                />
                {t('purchasing.requirements.selectAll')}
              </label>
            )}
            <button type="button" className="btn" onClick={() => void runNow()} disabled={generate.busy}>
              {generate.busy && <Spinner small />}
              {t('purchasing.requirements.runNow')}
            </button>
            <button
              type="button"
              className="btn btn-primary"
              disabled={chosen.length === 0 || create.busy}
              onClick={() => void createOrders()}
            >
              {create.busy && <Spinner small />}
              {t('purchasing.requirements.createOrders', { count: chosen.length })}
            </button>
          </div>
        )}
      </div>
      {[...(generate.failure ?? []), ...(create.failure ?? [])].map((m, i) => (
        <InlineMessage key={i} tone="error" title={m.title} detail={m.detail} />
      ))}
      {list.error && !list.rows.length ? (
        <ErrorState error={list.error} onRetry={() => void list.refresh()} />
      ) : !list.loaded ? (
        <LoadingState rows={6} />
      ) : list.rows.length === 0 ? (
        <EmptyState title={t('purchasing.requirements.empty')}>
          {manage ? t('purchasing.requirements.emptyHint') : undefined}
        </EmptyState>
      ) : (
        <VirtualTable
          rows={list.rows}
          columns={columns}
          rowKey={(r) => r.id}
          stale={list.stale}
          tableClassName="fixed"
          rowClassName={(r) => (selected.has(r.id) ? 'row-selected' : undefined)}
          onRowClick={setOpen}
          hasNextPage={list.hasNextPage}
          loadingMore={list.loadingMore}
          onLoadMore={list.loadMore}
          endText={t('purchasing.requirements.endOfList', { count: list.rows.length })}
        />
      )}
      <RequirementDialog
        requirement={open}
        onClose={() => setOpen(null)}
        onDismissed={(r) => {
          setSelected((s) => {
            const next = new Set(s);
            next.delete(r.id);
            return next;
          });
          void list.refresh();
        }}
      />
    </div>
  );
}
