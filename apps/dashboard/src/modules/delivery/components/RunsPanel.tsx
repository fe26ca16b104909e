import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../../app/format';
import type { RunRowFragment } from '../../../gql/graphql';
import { EmptyState } from '../../../ui/States';
import { LateRiskBadge, RunStatusBadge } from './DeliveryBadges';
import { runPath } from './paths';

const DONE = new Set(['DELIVERED', 'RETURNED']);

/** Today's runs of the city, open ones first: progress, courier and deliveries at risk of being late. */
export function RunsPanel({ runs }: { runs: readonly RunRowFragment[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  if (!runs.length) return <EmptyState title={t('delivery.runs.empty')} />;
  return (
    <ul className="dispatch-list" aria-label={t('delivery.runs.title')}>
      {runs.map((r) => {
        const done = r.stops.filter((s) => DONE.has(s.status)).length;
        const late = r.stops.filter((s) => s.lateRisk && !DONE.has(s.status)).length;
        const next = r.status === 'IN_PROGRESS' ? r.stops.find((s) => !DONE.has(s.status) && s.eta) : undefined;
        return (
          <li key={r.id} className={late ? 'dispatch-item is-late' : 'dispatch-item'}>
            <div className="dispatch-item-head">
              <Link to={runPath(r)} className="mono strong">
                {r.number}
              </Link>
              <RunStatusBadge status={r.status} />
              {late > 0 && <LateRiskBadge count={late} />}
              <span className="dispatch-item-side small muted">
                {f.time(r.plannedStart)}–{f.time(r.plannedEnd)}
              </span>
            </div>
            <div className="dispatch-item-meta small">
              <span>{r.zone}</span>
              <span>{r.courier ? `${r.courier.code} ${r.courier.name}` : t('delivery.runs.noCourier')}</span>
              <span>{t('delivery.runs.progress', { done, total: r.stops.length })}</span>
              {next?.eta && (
                <span className={next.lateRisk ? 'text-danger' : undefined}>
                  {t('delivery.runs.next', { number: next.number, time: f.time(next.eta) })}
                </span>
              )}
            </div>
            <progress className="dispatch-progress" max={r.stops.length || 1} value={done} />
          </li>
        );
      })}
    </ul>
  );
}
