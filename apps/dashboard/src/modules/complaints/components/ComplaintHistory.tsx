import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../app/format';
import type { TFunction } from 'i18next';
import type { ComplaintCategory, ComplaintChannel, ComplaintDetailFragment, Department } from '../../../gql/graphql';
import { ComplaintStatusBadge } from './ComplaintBadges';

/** The server writes an opening's routing as "PHONE: DAMAGED → WAREHOUSE": shown in the reader's words. */
function reasonText(t: TFunction, type: string, reason: string): string {
  const m = /^([A-Z_]+): ([A-Z_]+) → ([A-Z_]+)$/.exec(reason);
  if (type !== 'OPENED' || !m) return reason;
  return t('complaints.history.routed', {
    channel: t(`complaintChannel.${m[1] as ComplaintChannel}`, { defaultValue: m[1] }),
    category: t(`complaintCategory.${m[2] as ComplaintCategory}`, { defaultValue: m[2] }),
    department: t(`department.${m[3] as Department}`, { defaultValue: m[3] }),
  });
}

/** The complaint's history, newest first: what happened, the status step, why, who and when. */
export function ComplaintHistory({ complaint }: { complaint: ComplaintDetailFragment }) {
  const { t } = useTranslation();
  const f = useFormat();
  const events = [...complaint.events].sort((a, b) => b.sequence - a.sequence);
  return (
    <section className="card" aria-labelledby="complaint-history-title">
      <h2 id="complaint-history-title" className="card-title">
        {t('complaints.history.title')}
      </h2>
      <ol className="timeline" aria-label={t('complaints.history.title')}>
        {events.map((e) => (
          <li
            key={e.sequence}
            className={`timeline-item complaint-event-${e.type.toLowerCase().replace(/_/g, '-')}`}
            aria-label={t(`complaintEventType.${e.type}`)}
          >
            <span className="timeline-marker" aria-hidden="true" />
            <div className="timeline-body">
              <div className="timeline-head">
                <strong>{t(`complaintEventType.${e.type}`)}</strong>
                {e.fromStatus && e.fromStatus !== e.toStatus ? (
                  <span className="transition">
                    <ComplaintStatusBadge status={e.fromStatus} />
                    <span aria-label={t('common.to')}>→</span>
                    <ComplaintStatusBadge status={e.toStatus} />
                  </span>
                ) : (
                  <ComplaintStatusBadge status={e.toStatus} />
                )}
              </div>
              {e.reason && <div className="timeline-reason">{reasonText(t, e.type, e.reason)}</div>}
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
