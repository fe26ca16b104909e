import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../app/format';

interface Props<S extends string> {
  /** What happened, in words. */
  title: ReactNode;
  fromStatus: S | null | undefined;
  toStatus: S;
  /** The status as a badge of its lifecycle. */
  badge: (status: S) => ReactNode;
  reason: ReactNode;
  /** The reason's language where it differs from the page's (reasons the server writes in English). */
  reasonLang?: string;
  createdAt: string;
  actor: string;
  sequence: number;
  className?: string;
  label?: string;
}

/** One event of a lifecycle's history (a `<li>` of an `<ol className="timeline">`): what, the status step, why, when, who. */
export function TimelineEvent<S extends string>(p: Props<S>) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <li className={p.className ? `timeline-item ${p.className}` : 'timeline-item'} aria-label={p.label}>
      <span className="timeline-marker" aria-hidden="true" />
      <div className="timeline-body">
        <div className="timeline-head">
          <strong>{p.title}</strong>
          {p.fromStatus && p.fromStatus !== p.toStatus ? (
            <span className="transition">
              {p.badge(p.fromStatus)}
              <span aria-label={t('common.to')}>→</span>
              {p.badge(p.toStatus)}
            </span>
          ) : (
            p.badge(p.toStatus)
          )}
        </div>
        {p.reason && (
          <div className="timeline-reason" lang={p.reasonLang}>
            {p.reason}
          </div>
        )}
        <div className="muted small">
          <time dateTime={p.createdAt}>{f.dateTime(p.createdAt)}</time> · {p.actor} · #{p.sequence}
        </div>
      </div>
    </li>
  );
}
