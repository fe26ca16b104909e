import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../app/format';
import { useMutationOutcome } from '../../../app/useMutationOutcome';
import type { CourierRowFragment } from '../../../gql/graphql';
import { EmptyState, InlineMessage } from '../../../ui/States';
import { useCan } from '../../auth/hooks/useSession';
import { updateCourierMutation } from '../graphql/couriers';
import { CourierStateBadge } from './DeliveryBadges';

/** The city's couriers: state, vehicle, on-time record; a dispatcher clocks them on or off. */
export function CouriersPanel({ couriers }: { couriers: readonly CourierRowFragment[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  const can = useCan();
  const outcome = useMutationOutcome();
  const [busyId, setBusyId] = useState<string | null>(null);
  if (!couriers.length) return <EmptyState title={t('delivery.couriers.empty')} />;

  const toggle = async (c: CourierRowFragment) => {
    const state = c.state === 'OFF_DUTY' ? 'AVAILABLE' : 'OFF_DUTY';
    setBusyId(c.id);
    await outcome.run({
      mutation: updateCourierMutation,
      variables: { input: { courierId: c.id, state } },
      success: () =>
        t(state === 'OFF_DUTY' ? 'delivery.couriers.offDone' : 'delivery.couriers.onDone', { name: c.name }),
    });
    setBusyId(null);
  };

  return (
    <div className="stack-sm">
      {outcome.failure?.map((m, i) => (
        <InlineMessage key={i} tone="error" title={m.title} detail={m.detail} />
      ))}
      <ul className="dispatch-list" aria-label={t('delivery.couriers.title')}>
        {couriers.map((c) => (
          <li key={c.id} className="dispatch-item">
            <div className="dispatch-item-head">
              <span className="mono strong">{c.code}</span>
              <span>{c.name}</span>
              <CourierStateBadge state={c.state} />
              {can('COURIER_MANAGE') && c.state !== 'ON_ROUTE' && (
                <button
                  type="button"
                  className="btn btn-small dispatch-item-side"
                  disabled={busyId !== null}
                  onClick={() => void toggle(c)}
                >
                  {c.state === 'OFF_DUTY' ? t('delivery.couriers.clockOn') : t('delivery.couriers.clockOff')}
                </button>
              )}
            </div>
            <div className="dispatch-item-meta small">
              <span>
                {c.vehicle
                  ? `${t(`vehicleKind.${c.vehicle.kind}`)} ${c.vehicle.code}`
                  : t('delivery.couriers.noVehicle')}
              </span>
              <span>
                {t('delivery.couriers.onTime')}{' '}
                {c.onTimeRate === null || c.onTimeRate === undefined ? '—' : f.percent(c.onTimeRate / 100)}
              </span>
              <span>
                {t('delivery.couriers.shift')} {c.shiftStart}–{c.shiftEnd}
              </span>
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
