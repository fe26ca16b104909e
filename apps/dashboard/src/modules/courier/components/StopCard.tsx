import { addressWithCity } from '@fulfilment/domain';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../app/format';
import type { CourierStopFragment } from '../../../gql/graphql';
import { DeliveryStatusBadge } from './CourierBadges';
import { navigationLinks } from './navigationLinks';

interface StopCardProps {
  stop: CourierStopFragment;
  /** The run is under way: open stops can be delivered or reported. */
  working: boolean;
  onDelivered: () => void;
  onException: () => void;
}

/** One delivery of the run: where, to whom, when, the way there, and what to do or how it ended. */
export function StopCard({ stop, working, onDelivered, onException }: StopCardProps) {
  const { t } = useTranslation();
  const f = useFormat();
  const done = stop.status === 'DELIVERED' || stop.status === 'EXCEPTION' || stop.status === 'RETURNED';
  const open = working && stop.status === 'OUT_FOR_DELIVERY';
  const where = addressWithCity(stop.address.city, stop.address.address);
  const nav = navigationLinks(stop.position, where);
  const classes = ['stop-card', done ? 'stop-done' : '', stop.lateRisk && !done ? 'stop-late' : '']
    .filter(Boolean)
    .join(' ');

  return (
    <li className={classes} aria-label={t('courier.stop.label', { seq: stop.stopSeq ?? '—', number: stop.number })}>
      <div className="stop-head">
        <span className="stop-seq" aria-hidden="true">
          {stop.stopSeq ?? '—'}
        </span>
        <span className="mono small muted">{stop.number}</span>
        <span className="stop-units muted small">{t('courier.stop.units', { count: stop.units })}</span>
        <DeliveryStatusBadge status={stop.status} />
      </div>
      <p className="stop-address">{where}</p>
      <p className="stop-contact">
        {stop.address.contactName} ·{' '}
        <a href={`tel:${stop.address.phone.replace(/[^\d+]/g, '')}`} className="stop-phone">
          {stop.address.phone}
        </a>
      </p>
      <p className="stop-times small">
        <span>
          {t('courier.stop.window')} {f.time(stop.windowStart)}–{f.time(stop.windowEnd)}
        </span>
        {!done && stop.eta && (
          <span className={stop.lateRisk ? 'stop-eta text-danger strong' : 'stop-eta'}>
            {t('courier.stop.eta')} {f.time(stop.eta)}
            {stop.lateRisk && ` · ${t('courier.stop.lateRisk')}`}
          </span>
        )}
      </p>
      {done ? (
        <StopOutcome stop={stop} />
      ) : (
        <div className="stop-links">
          <a className="btn btn-small" href={nav.amap} target="_blank" rel="noopener noreferrer">
            {t('courier.stop.navigate')}
          </a>
          <a className="btn btn-small btn-ghost" href={nav.geo}>
            {t('courier.stop.mapApp')}
          </a>
        </div>
      )}
      {open && (
        <div className="stop-actions">
          <button type="button" className="btn btn-primary" onClick={onDelivered}>
            {t('courier.stop.delivered')}
          </button>
          <button type="button" className="btn btn-danger-outline" onClick={onException}>
            {t('courier.stop.exception')}
          </button>
        </div>
      )}
    </li>
  );
}

function StopOutcome({ stop }: { stop: CourierStopFragment }) {
  const { t } = useTranslation();
  const f = useFormat();
  if (stop.status === 'DELIVERED') {
    const kind = stop.proof ? t(`proofKind.${stop.proof.kind}`) : '';
    return (
      <p className="stop-outcome text-success small">
        {t('courier.stop.deliveredAt', { time: stop.deliveredAt ? f.time(stop.deliveredAt) : '—' })}
        {kind && ` · ${kind}`}
        {stop.proof?.recipientName && ` · ${stop.proof.recipientName}`}
      </p>
    );
  }
  if (stop.exception) {
    return (
      <p className="stop-outcome text-danger small">
        {t(`deliveryExceptionReason.${stop.exception.reason}`)} · {stop.exception.note}
      </p>
    );
  }
  return null;
}
