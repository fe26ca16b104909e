import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../app/format';
import type { DeliveryRunQuery } from '../../../gql/graphql';
import { VirtualTable, type Column } from '../../../ui/VirtualTable';
import { useCan } from '../../auth/hooks/useSession';
import { DeliveryStatusBadge, LateRiskBadge } from './DeliveryBadges';
import { MoveStopDialog } from './MoveStopDialog';
import { windowText } from './windowText';

type Run = NonNullable<DeliveryRunQuery['deliveryRun']>;
type Stop = Run['stops'][number];

const MOVABLE_RUNS = new Set(['PLANNED', 'IN_PROGRESS']);

/** The run's stops in visit order: where, when promised, when expected, and whether a dispatcher fixed it. */
export function StopsTable({ run, onChanged }: { run: Run; onChanged: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const can = useCan();
  const [moving, setMoving] = useState<Stop | null>(null);
  const movable = can('DISPATCH') && MOVABLE_RUNS.has(run.status);
  const stopCount = Math.max(1, ...run.stops.map((s) => s.stopSeq ?? 0));

  const columns: Column<Stop>[] = [
    {
      header: 'delivery.stops.columns.stop',
      width: '6%',
      numeric: true,
      cell: (s) => <strong>{s.stopSeq ?? '—'}</strong>,
    },
    {
      header: 'delivery.stops.columns.number',
      width: '14%',
      cell: (s) => <span className="mono small">{s.number}</span>,
    },
    {
      header: 'delivery.stops.columns.address',
      width: '24%',
      className: 'truncate',
      title: (s) => `${s.address.contactName} ${s.address.address}`,
      cell: (s) => (
        <>
          {s.address.address}
          <div className="muted small">{s.address.contactName}</div>
        </>
      ),
    },
    { header: 'delivery.stops.columns.window', width: '15%', className: 'small', cell: (s) => windowText(f, s) },
    {
      header: 'delivery.stops.columns.eta',
      width: '13%',
      cell: (s) => (
        <span className="badges">
          {s.deliveredAt ? f.time(s.deliveredAt) : s.eta ? f.time(s.eta) : '—'}
          {s.lateRisk && s.status !== 'DELIVERED' && <LateRiskBadge />}
        </span>
      ),
    },
    { header: 'delivery.stops.columns.status', width: '14%', cell: (s) => <DeliveryStatusBadge status={s.status} /> },
    {
      header: 'delivery.stops.columns.locked',
      width: '5%',
      cell: (s) =>
        s.locked ? (
          <span
            className="lock-icon"
            role="img"
            aria-label={t('delivery.stops.lockedLabel')}
            title={t('delivery.stops.lockedLabel')}
          >
            🔒
          </span>
        ) : null,
    },
  ];
  if (movable)
    columns.push({
      header: 'common.actions',
      width: '9%',
      cell: (s) =>
        s.status === 'ASSIGNED' ? (
          <button type="button" className="btn btn-small" onClick={() => setMoving(s)}>
            {t('delivery.stops.move')}
          </button>
        ) : null,
    });

  return (
    <>
      <VirtualTable
        rows={run.stops}
        columns={columns}
        rowKey={(s) => s.id}
        tableClassName="stops-table"
        rowClassName={(s) => (s.lateRisk && s.status !== 'DELIVERED' ? 'row-danger' : undefined)}
        hasNextPage={false}
        loadingMore={false}
        onLoadMore={() => undefined}
        endText={t('delivery.stops.end', { count: run.stops.length })}
      />
      {moving && (
        <MoveStopDialog
          run={run}
          stop={moving}
          stopCount={stopCount}
          onClose={() => setMoving(null)}
          onDone={onChanged}
        />
      )}
    </>
  );
}
