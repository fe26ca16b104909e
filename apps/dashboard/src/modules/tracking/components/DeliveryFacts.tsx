import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../app/format';
import type { TrackedDeliveryQuery } from '../../../gql/graphql';

type Tracking = NonNullable<TrackedDeliveryQuery['deliveryTracking']>;

/** Where it goes (district only), the promised window, and while on its way the ETA and the stops before it. */
export function DeliveryFacts({ tracking: d }: { tracking: Tracking }) {
  const { t } = useTranslation();
  const f = useFormat();
  const out = d.status === 'OUT_FOR_DELIVERY';
  return (
    <dl className="tracking-facts">
      <dt>{t('tracking.zone')}</dt>
      <dd>{d.zone}</dd>
      <dt>{t('tracking.window')}</dt>
      <dd>
        {f.date(d.windowStart)} {f.time(d.windowStart)}–{f.time(d.windowEnd)}
      </dd>
      {out && d.eta && (
        <>
          <dt>{t('tracking.eta')}</dt>
          <dd className="strong">{f.time(d.eta)}</dd>
        </>
      )}
      {out && d.stopsBefore != null && (
        <>
          <dt>{t('tracking.stopsBeforeLabel')}</dt>
          <dd data-testid="stops-before">
            {d.stopsBefore === 0 ? t('tracking.nextStop') : t('tracking.stopsBefore', { count: d.stopsBefore })}
          </dd>
        </>
      )}
      {d.deliveredAt && (
        <>
          <dt>{t('tracking.deliveredAt')}</dt>
          <dd>{f.dateTime(d.deliveredAt)}</dd>
        </>
      )}
    </dl>
  );
}
