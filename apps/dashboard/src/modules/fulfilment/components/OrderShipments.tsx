import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useFormat } from '../../../app/format';
import { useMutationOutcome } from '../../../app/useMutationOutcome';
import type { OrderShipmentsQuery } from '../../../gql/graphql';
import { InlineMessage, Spinner } from '../../../ui/States';
import { useCan } from '../../auth/hooks/useSession';
import { createPickListMutation } from '../graphql/pickLists';
import { useOrderShipments } from '../hooks/useOrderShipments';
import { OutcomeBadge, ShipmentStatusBadge } from './FulfilmentBadges';
import { pickListPath } from './PickListTable';
import { labelsPath, shipmentPath } from './ShipmentTable';
import '../fulfilment.css';

type OrderParts = NonNullable<OrderShipmentsQuery['orderByNumber']>;

/** Shipments that still hold their units: every one not cancelled or shipped. */
const LIVE = new Set(['PICKING', 'PICKED', 'CHECKED', 'PACKED']);

/**
 * Warehouses holding reserved units of the order that no live shipment covers yet (what a new pick
 * list for this order would take); the server decides again.
 */
export function unlistedWarehouses(order: OrderParts): string[] {
  const reserved = new Map<string, number>();
  for (const a of order.allocations)
    if (a.status === 'RESERVED') reserved.set(a.warehouse.code, (reserved.get(a.warehouse.code) ?? 0) + a.quantity);
  const listed = new Map<string, number>();
  for (const s of order.shipments)
    if (LIVE.has(s.status))
      listed.set(s.warehouseCode, (listed.get(s.warehouseCode) ?? 0) + s.lines.reduce((n, l) => n + l.required, 0));
  return [...reserved.entries()].filter(([code, units]) => units > (listed.get(code) ?? 0)).map(([code]) => code);
}

/**
 * The order's parts on the warehouse floor, one per warehouse (and pick list): stage, carrier, tracking
 * numbers and packages, and why a part left its list. A warehouse worker can put an allocated order on
 * a pick list of its own from here (one per warehouse holding its units).
 */
export function OrderShipments({ number }: { number: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const can = useCan();
  const navigate = useNavigate();
  const readable = can('FULFILMENT_READ');
  const { order, loaded } = useOrderShipments(number, !readable);
  const outcome = useMutationOutcome();
  const [busy, setBusy] = useState(false);
  if (!readable) return null;

  const pickable =
    order && can('WAREHOUSE_WORK') && (order.status === 'ALLOCATED' || order.status === 'PICKING')
      ? unlistedWarehouses(order)
      : [];

  const createLists = async () => {
    if (!order || busy) return;
    setBusy(true);
    const made: { id: string; number: string }[] = [];
    try {
      for (const code of pickable) {
        let list: { id: string; number: string } | null = null;
        const ok = await outcome.run({
          mutation: createPickListMutation,
          variables: { input: { warehouseCode: code, orderIds: [order.id] } },
          success: (p) => {
            list = p.pickList ?? null;
            return t('fulfilment.orderParts.created', { number: p.pickList?.number ?? '', warehouse: code });
          },
        });
        if (!ok || !list) break;
        made.push(list);
      }
    } finally {
      setBusy(false);
    }
    if (made[0]) navigate(pickListPath(made[0]));
  };

  return (
    <section className="card stack floor-card" aria-labelledby="order-shipments-title">
      <div className="card-title card-title-actions">
        <h2 id="order-shipments-title">{t('fulfilment.orderParts.title')}</h2>
        {pickable.length > 0 && (
          <button
            type="button"
            className="btn btn-small btn-primary"
            disabled={busy}
            onClick={() => void createLists()}
          >
            {busy && <Spinner small />}
            {t('fulfilment.orderParts.createList', { count: pickable.length, warehouses: pickable.join(', ') })}
          </button>
        )}
      </div>
      {outcome.failure?.map((m, i) => (
        <InlineMessage key={i} tone="error" title={m.title} detail={m.detail} />
      ))}
      {!loaded ? (
        <p className="muted">{t('common.loading')}</p>
      ) : !order || order.shipments.length === 0 ? (
        <p className="muted">
          {pickable.length ? t('fulfilment.orderParts.noneYet') : t('fulfilment.orderParts.none')}
        </p>
      ) : (
        <ul className="part-list">
          {order.shipments.map((s) => (
            <li key={s.id} className="part" aria-label={s.number}>
              <div className="part-head">
                <Link to={shipmentPath(s)} className="mono strong">
                  {s.number}
                </Link>
                <ShipmentStatusBadge status={s.status} />
                {s.outcome && <OutcomeBadge outcome={s.outcome} />}
                <span className="muted small">
                  <code>{s.warehouseCode}</code> ·{' '}
                  <Link to={pickListPath(s.pickList)} className="mono">
                    {s.pickList.number}
                  </Link>
                </span>
              </div>
              <dl className="part-facts">
                <div>
                  <dt>{t('fulfilment.shipments.columns.carrier')}</dt>
                  <dd>
                    {s.carrier ? `${s.carrier.name}${s.method ? ` · ${t(`shippingMethod.${s.method}`)}` : ''}` : '—'}
                  </dd>
                </div>
                <div>
                  <dt>{t('fulfilment.shipments.columns.tracking')}</dt>
                  <dd className="mono">
                    {s.packages.length ? s.packages.map((p) => p.trackingNumber).join(', ') : '—'}
                  </dd>
                </div>
                <div>
                  <dt>{t('fulfilment.shipments.columns.packages')}</dt>
                  <dd>
                    {s.packages.length
                      ? `${t('fulfilment.packages.count', { count: s.packages.length })} · ${f.number(
                          s.packages.reduce((n, p) => n + p.weightG, 0) / 1000,
                        )} kg`
                      : '—'}
                  </dd>
                </div>
                <div>
                  <dt>{s.shippedAt ? t('fulfilment.steps.SHIPPED') : t('fulfilment.orderParts.since')}</dt>
                  <dd>{f.dateTime(s.shippedAt ?? s.updatedAt)}</dd>
                </div>
              </dl>
              {s.packages.length > 0 && (
                <a href={labelsPath(s)} target="_blank" rel="noopener" className="small">
                  {t('fulfilment.labels.print')}
                </a>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
