import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useFormat } from '../../../app/format';
import type { ShipmentRowFragment } from '../../../gql/graphql';
import { VirtualTable, type Column } from '../../../ui/VirtualTable';
import { useCan } from '../../auth/hooks/useSession';
import { ShipmentStatusBadge } from './FulfilmentBadges';
import { ShipDialog } from './ShipDialog';

export const shipmentPath = (s: { id: string }) => `/warehouse/shipments/${encodeURIComponent(s.id)}`;
export const labelsPath = (s: { id: string }) => `/print/shipments/${encodeURIComponent(s.id)}/labels`;

/** Which list the table shows: waiting for the check or packing, ready to ship, or shipped. */
export type ShipmentView = 'check' | 'ready' | 'shipped';

interface Props {
  view: ShipmentView;
  rows: readonly ShipmentRowFragment[];
  stale?: boolean;
  hasNextPage: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
}

/** Order parts on the floor: where they go, their stage, and what the view needs next. */
export function ShipmentTable({ view, rows, stale, ...paging }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const can = useCan();
  const navigate = useNavigate();
  const [shipping, setShipping] = useState<ShipmentRowFragment | null>(null);
  const kg = (s: ShipmentRowFragment) => f.number(s.packages.reduce((n, p) => n + p.weightG, 0) / 1000);

  const columns: Column<ShipmentRowFragment>[] = [
    {
      header: 'fulfilment.shipments.columns.number',
      width: '12%',
      cell: (s) => (
        <Link to={shipmentPath(s)} className="mono">
          {s.number}
        </Link>
      ),
    },
    {
      header: 'fulfilment.shipments.columns.order',
      width: '19%',
      className: 'truncate',
      cell: (s) => (
        <>
          <Link to={`/orders/${encodeURIComponent(s.order.number)}`} className="mono small">
            {s.order.number}
          </Link>
          {s.order.priority !== 'NORMAL' && (
            <span className={s.order.priority === 'URGENT' ? 'text-danger small' : 'text-warning small'}>
              {' '}
              {t(`priority.${s.order.priority}`)}
            </span>
          )}
        </>
      ),
    },
    {
      header: 'fulfilment.shipments.columns.warehouse',
      width: '9%',
      cell: (s) => <code>{s.warehouseCode}</code>,
    },
    {
      header: 'fulfilment.shipments.columns.destination',
      width: '13%',
      className: 'truncate',
      cell: (s) => (
        <>
          {s.order.delivery.city} <span className="muted small">{t(`region.${s.order.delivery.region}`)}</span>
        </>
      ),
    },
    {
      header: 'fulfilment.shipments.columns.status',
      width: '13%',
      cell: (s) => <ShipmentStatusBadge status={s.status} />,
    },
  ];
  if (view === 'check') {
    columns.push(
      {
        header: 'fulfilment.shipments.columns.pickList',
        width: '12%',
        cell: (s) => (
          <Link to={`/warehouse/pick-lists/${encodeURIComponent(s.pickList.id)}`} className="mono small">
            {s.pickList.number}
          </Link>
        ),
      },
      {
        header: 'fulfilment.shipments.columns.picked',
        width: '22%',
        className: 'small truncate',
        cell: (s) =>
          s.pickedAt ? (
            <>
              {f.shortDateTime(s.pickedAt)} <span className="muted">{s.pickedBy}</span>
            </>
          ) : (
            <span className="muted">—</span>
          ),
      },
    );
  } else if (view === 'ready') {
    columns.push(
      {
        header: 'fulfilment.shipments.columns.packages',
        width: '12%',
        numeric: true,
        cell: (s) => (
          <>
            {t('fulfilment.packages.count', { count: s.packages.length })}
            <div className="muted small">{kg(s)} kg</div>
          </>
        ),
      },
      {
        header: 'fulfilment.shipments.columns.packed',
        width: '9%',
        className: 'small',
        cell: (s) => (s.packedAt ? f.shortDateTime(s.packedAt) : '—'),
      },
      {
        header: 'common.actions',
        width: '13%',
        cell: (s) => (
          <span className="action-bar">
            {can('SHIP_ORDERS') && (
              <button
                type="button"
                className="btn btn-small btn-primary"
                aria-label={t('fulfilment.ship.shipOne', { number: s.number })}
                onClick={(e) => {
                  e.stopPropagation();
                  setShipping(s);
                }}
              >
                {t('fulfilment.ship.action')}
              </button>
            )}
            <a
              href={labelsPath(s)}
              target="_blank"
              rel="noopener"
              className="btn btn-small btn-ghost"
              aria-label={t('fulfilment.labels.printFor', { number: s.number })}
            >
              {t('fulfilment.labels.print')}
            </a>
          </span>
        ),
      },
    );
  } else {
    columns.push(
      {
        header: 'fulfilment.shipments.columns.carrier',
        width: '11%',
        className: 'truncate',
        cell: (s) => s.carrier?.name ?? <span className="muted">—</span>,
      },
      {
        header: 'fulfilment.shipments.columns.tracking',
        width: '14%',
        className: 'small truncate',
        cell: (s) => (
          <>
            <span className="mono">{s.trackingNumber ?? '—'}</span>
            {s.packages.length > 0 && (
              <div>
                <a
                  href={labelsPath(s)}
                  target="_blank"
                  rel="noopener"
                  aria-label={t('fulfilment.labels.printFor', { number: s.number })}
                >
                  {t('fulfilment.labels.print')}
                </a>
              </div>
            )}
          </>
        ),
      },
      {
        header: 'fulfilment.shipments.columns.shipped',
        width: '8%',
        className: 'small',
        title: (s) => (s.shippedBy ? `${s.shippedBy}` : undefined),
        cell: (s) => (s.shippedAt ? f.time(s.shippedAt) : '—'),
      },
    );
  }

  return (
    <>
      <VirtualTable
        rows={rows}
        columns={columns}
        rowKey={(s) => s.id}
        stale={stale}
        tableClassName="fixed"
        rowClassName={(s) => (s.order.priority === 'URGENT' ? 'row-warning' : undefined)}
        onRowClick={(s) => navigate(shipmentPath(s))}
        {...paging}
        endText={t('fulfilment.shipments.endOfList', { count: rows.length })}
      />
      {shipping && <ShipDialog shipment={shipping} onClose={() => setShipping(null)} />}
    </>
  );
}
