import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../app/format';
import type { DeliveryRunQuery } from '../../../gql/graphql';

type RunEvent = NonNullable<DeliveryRunQuery['deliveryRun']>['events'][number];

/** What happened to the run, newest first: planned, assigned or overridden (with the reason), re-sequenced, started, completed. */
export function RunHistory({ events }: { events: readonly RunEvent[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  const newest = [...events].sort((a, b) => b.sequence - a.sequence);
  return (
    <section className="card" aria-labelledby="run-history-title">
      <div className="card-title">
        <h2 id="run-history-title">{t('delivery.run.history')}</h2>
      </div>
      {newest.length === 0 ? (
        <p className="muted">{t('delivery.run.noHistory')}</p>
      ) : (
        <ol className="timeline">
          {newest.map((e) => (
            <li key={e.sequence} className="timeline-item">
              <span className="timeline-marker" aria-hidden="true" />
              <div>
                <strong>{t(`delivery.runEvent.${e.type}`)}</strong>{' '}
                {e.type === 'STATUS_CHANGED' && <span>{t(`deliveryRunStatus.${e.toStatus}`)}</span>}
                <div className="muted small">
                  {f.dateTime(e.createdAt)} · {e.actor}
                </div>
                {e.reason && <div className="small">{e.reason}</div>}
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
