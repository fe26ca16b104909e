import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type {
  ComplaintCategory,
  ComplaintChannel,
  ComplaintDetailFragment,
  ComplaintOutcome,
  Department,
  RootCause,
} from '../../../gql/graphql';
import { TimelineEvent } from '../../../ui/TimelineEvent';
import { ComplaintStatusBadge } from './ComplaintBadges';

/** The sentences the server writes for steps it takes itself (agents' own notes are shown as written). */
const SYSTEM_REASONS = {
  'First response sent to the customer': 'complaints.history.reasons.firstResponse',
  'The first response is late': 'complaints.history.reasons.responseLate',
  'The resolution is late': 'complaints.history.reasons.resolutionLate',
  'Escalated to managers: at risk': 'complaints.history.reasons.escalatedAtRisk',
  'Escalated to managers: breached': 'complaints.history.reasons.escalatedBreached',
} as const;

/**
 * A history reason in the reader's words: the server records an opening's routing ("PHONE: DAMAGED →
 * WAREHOUSE"), an assignment ("name (DELIVERY)"), a resolution ("PACKING_DAMAGE → EXCHANGE: note") and
 * its own steps in English; the codes are translated, free text is kept.
 */
function reasonText(t: TFunction, type: string, toStatus: string, reason: string): string {
  const system = SYSTEM_REASONS[reason as keyof typeof SYSTEM_REASONS];
  if (system) return t(system);
  const opened = /^([A-Z_]+): ([A-Z_]+) → ([A-Z_]+)$/.exec(reason);
  if (type === 'OPENED' && opened)
    return t('complaints.history.routed', {
      channel: t(`complaintChannel.${opened[1] as ComplaintChannel}`, { defaultValue: opened[1] }),
      category: t(`complaintCategory.${opened[2] as ComplaintCategory}`, { defaultValue: opened[2] }),
      department: t(`department.${opened[3] as Department}`, { defaultValue: opened[3] }),
    });
  const assigned = /^(.+) \(([A-Z_]+)\)$/.exec(reason);
  if (type === 'ASSIGNED' && assigned)
    return `${assigned[1]} · ${t(`department.${assigned[2] as Department}`, { defaultValue: assigned[2] })}`;
  const resolved = /^([A-Z_]+) → ([A-Z_]+): ([\s\S]*)$/.exec(reason);
  if (toStatus === 'RESOLVED' && resolved)
    return `${t(`rootCause.${resolved[1] as RootCause}`, { defaultValue: resolved[1] })} → ${t(
      `complaintOutcome.${resolved[2] as ComplaintOutcome}`,
      { defaultValue: resolved[2] },
    )}: ${resolved[3]}`;
  return reason;
}

/** The complaint's history, newest first: what happened, the status step, why, who and when. */
export function ComplaintHistory({ complaint }: { complaint: ComplaintDetailFragment }) {
  const { t } = useTranslation();
  const events = [...complaint.events].sort((a, b) => b.sequence - a.sequence);
  return (
    <section className="card" aria-labelledby="complaint-history-title">
      <h2 id="complaint-history-title" className="card-title">
        {t('complaints.history.title')}
      </h2>
      <ol className="timeline" aria-label={t('complaints.history.title')}>
        {events.map((e) => (
          <TimelineEvent
            key={e.sequence}
            className={`complaint-event-${e.type.toLowerCase().replace(/_/g, '-')}`}
            label={t(`complaintEventType.${e.type}`)}
            title={t(`complaintEventType.${e.type}`)}
            fromStatus={e.fromStatus}
            toStatus={e.toStatus}
            badge={(s) => <ComplaintStatusBadge status={s} />}
            reason={e.reason && reasonText(t, e.type, e.toStatus, e.reason)}
            createdAt={e.createdAt}
            actor={e.actor}
            sequence={e.sequence}
          />
        ))}
      </ol>
    </section>
  );
}
