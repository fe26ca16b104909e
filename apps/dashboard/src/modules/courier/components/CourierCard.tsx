import { useTranslation } from 'react-i18next';
import type { MyCourierQuery } from '../../../gql/graphql';
import { CourierStateBadge } from './CourierBadges';

type Courier = NonNullable<MyCourierQuery['myCourier']>;

/** Who is driving what: name and code, state, vehicle, zones and shift. */
export function CourierCard({ courier }: { courier: Courier }) {
  const { t } = useTranslation();
  const v = courier.vehicle;
  return (
    <section className="courier-card card" aria-label={t('courier.me')}>
      <div className="courier-card-head">
        <div>
          <strong className="courier-name">{courier.name}</strong>
          <span className="muted small mono">{courier.code}</span>
        </div>
        <CourierStateBadge state={courier.state} />
      </div>
      <dl className="courier-facts">
        <dt>{t('courier.vehicle')}</dt>
        <dd>
          {v
            ? t('courier.vehicleLine', {
                kind: t(`vehicleKind.${v.kind}`),
                code: v.code,
                units: v.capacityUnits,
              })
            : '—'}
        </dd>
        <dt>{t('courier.zones')}</dt>
        <dd>{courier.zones.join('、')}</dd>
        <dt>{t('courier.shift')}</dt>
        <dd>
          {courier.shiftStart.slice(0, 5)}–{courier.shiftEnd.slice(0, 5)}
        </dd>
      </dl>
    </section>
  );
}
