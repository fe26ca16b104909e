import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../app/format';
import type { ComplaintRowFragment } from '../../../gql/graphql';
import { useNow } from '../../../ui/useNow';
import { liveSla } from './clock';
import { Countdown } from './Countdown';

/** The complaint's clock in full: the live countdown, which deadline and when, the policy, pauses and breaches. */
export function SlaClock({ complaint }: { complaint: ComplaintRowFragment }) {
  const { t } = useTranslation();
  const f = useFormat();
  const now = useNow(1000);
  const sla = complaint.sla;
  const live = liveSla(sla, complaint.priority, now);
  const breaches = [
    sla.responseBreached && t('complaints.sla.responseBreached'),
    sla.resolutionBreached && t('complaints.sla.resolutionBreached'),
  ].filter(Boolean);
  return (
    <section
      className={`facts complaint-clock complaint-clock-${live.state.toLowerCase()}`}
      aria-label={t('complaints.sla.title')}
    >
      <div className="complaint-clock-main">
        <span className="muted small">
          {t(`complaints.sla.kind.${sla.kind === 'RESPONSE' ? 'RESPONSE' : 'RESOLUTION'}`)}
        </span>
        <strong>
          <Countdown live={live} />
        </strong>
      </div>
      <div>
        <span className="muted small">{t('complaints.sla.responseDue')}</span>
        <strong className={sla.responseBreached ? 'text-danger' : undefined}>
          {f.dateTime(sla.responseDueAt)}
          {complaint.respondedAt && (
            <span className="muted small">
              {' '}
              · {t('complaints.sla.respondedAt', { at: f.time(complaint.respondedAt) })}
            </span>
          )}
        </strong>
      </div>
      <div>
        <span className="muted small">{t('complaints.sla.resolutionDue')}</span>
        <strong className={sla.resolutionBreached ? 'text-danger' : undefined}>
          {f.dateTime(sla.resolutionDueAt)}
        </strong>
      </div>
      <div>
        <span className="muted small">{t('complaints.sla.policy')}</span>
        <strong className="mono">{sla.policy}</strong>
      </div>
      <div>
        <span className="muted small">{t('complaints.sla.paused')}</span>
        <strong>{sla.pausedSeconds > 0 ? f.minutes(sla.pausedSeconds / 60) : '—'}</strong>
      </div>
      <div>
        <span className="muted small">{t('complaints.sla.breaches')}</span>
        <strong className={breaches.length ? 'text-danger' : undefined}>
          {breaches.length ? breaches.join(' · ') : t('complaints.sla.noBreach')}
          {complaint.escalatedAt && (
            <span className="small">
              {' '}
              · {t('complaints.sla.escalatedAt', { at: f.shortDateTime(complaint.escalatedAt) })}
            </span>
          )}
        </strong>
      </div>
    </section>
  );
}
