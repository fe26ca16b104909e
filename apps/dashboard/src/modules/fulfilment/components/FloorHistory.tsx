import { useTranslation } from 'react-i18next';
import type { PickListStatus, ShipmentStatus } from '../../../gql/graphql';
import { TimelineEvent } from '../../../ui/TimelineEvent';
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
          <TimelineEvent
            key={e.sequence}
            className={`timeline-${e.type.toLowerCase()}`}
            title={t(`fulfilment.history.${kind}.${e.type}` as 'fulfilment.history.pickList.CREATED')}
            fromStatus={e.fromStatus}
            toStatus={e.toStatus}
            badge={badge}
            reason={e.reason}
            reasonLang="en"
            createdAt={e.createdAt}
            actor={e.actor}
            sequence={e.sequence}
          />
        ))}
      </ol>
    </section>
  );
}
