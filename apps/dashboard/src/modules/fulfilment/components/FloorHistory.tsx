import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../app/format';
import type { PickListStatus, ShipmentStatus } from '../../../gql/graphql';
import { PickListStatusBadge, ShipmentStatusBadge } from './FulfilmentBadges';

interface FloorEvent {
  sequence: number;
  type: string;
  fromStatus?: string | null;
  toStatus: string;
  reason?: string | null;
  actor: string;
  createdAt: string;
}

/** A pick list's or shipment's history, newest first: who did what, when. */
export function FloorHistory({ kind, events }: { kind: 'pickList' | 'shipment'; events: readonly FloorEvent[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  const badge = (s: string) =>
    kind === 'pickList' ? (
      <PickListStatusBadge status={s as PickListStatus} />
    ) : (
      <ShipmentStatusBadge status={s as ShipmentStatus} />
    );
  const sorted = [...events].sort((a, b) => b.sequence - a.sequence);
  return (
    <section className="card" aria-labelledby={`${kind}-history-title`}>
      <h2 id={`${kind}-history-title`} className="card-title">
        {t('fulfilment.history.title')}
      </h2>
      <ol className="timeline">
        {sorted.map((e) => (
          <li key={e.sequence} className={`timeline-item timeline-${e.type.toLowerCase()}`}>
            <span className="timeline-marker" aria-hidden="true" />
            <div className="timeline-body">
              <div className="timeline-head">
                <strong>{t(`fulfilment.history.${kind}.${e.type}` as 'fulfilment.history.pickList.CREATED')}</strong>
                {e.fromStatus && e.fromStatus !== e.toStatus ? (
                  <span className="transition">
                    {badge(e.fromStatus)}
                    <span aria-label={t('common.to')}>→</span>
                    {badge(e.toStatus)}
                  </span>
                ) : (
                  badge(e.toStatus)
                )}
              </div>
              {e.reason && (
                <div className="timeline-reason" lang="en">
                  {e.reason}
                </div>
              )}
              <div className="muted small">
                <time dateTime={e.createdAt}>{f.dateTime(e.createdAt)}</time> · {e.actor} · #{e.sequence}
              </div>
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
