import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../app/format';
import { useMutationOutcome } from '../../../app/useMutationOutcome';
import type { CourierRunFragment, CourierStopFragment } from '../../../gql/graphql';
import { Spinner } from '../../../ui/States';
import { GeneralFailures } from '../../purchasing/components/FormField';
import { startDeliveryRunMutation } from '../graphql/courier';
import type { Fix } from '../hooks/usePositionReporter';
import { RunStatusBadge } from './CourierBadges';
import { DeliveredDialog } from './DeliveredDialog';
import { ExceptionDialog } from './ExceptionDialog';
import { StopCard } from './StopCard';

type Acting = { stop: CourierStopFragment; action: 'delivered' | 'exception' } | null;

interface RunSectionProps {
  run: CourierRunFragment;
  fix: Fix | null;
  /** The run being driven, when another one: a courier drives one run at a time. */
  driving: string | null;
  onChanged: () => void;
}

/** One run: start it when planned; its stops in visit order, and under way what to do at each. */
export function RunSection({ run, fix, driving, onChanged }: RunSectionProps) {
  const { t } = useTranslation();
  const f = useFormat();
  const start = useMutationOutcome();
  const [acting, setActing] = useState<Acting>(null);
  const working = run.status === 'IN_PROGRESS';
  const open = run.stops.filter((s) => s.status === 'OUT_FOR_DELIVERY' || s.status === 'ASSIGNED').length;
  const titleId = `run-${run.id}`;
  const done = () => {
    setActing(null);
    onChanged();
  };

  return (
    <section className="run-section" aria-labelledby={titleId}>
      <header className="run-head">
        <div>
          <h2 id={titleId}>
            <span className="mono">{run.number}</span> · {run.zone}
          </h2>
          <p className="muted small">
            {t('courier.run.planned', { start: f.time(run.plannedStart), end: f.time(run.plannedEnd) })} ·{' '}
            {t('courier.run.stops', { count: run.stops.length, open })}
          </p>
        </div>
        <RunStatusBadge status={run.status} />
      </header>
      {run.status === 'PLANNED' && (
        <div className="run-start">
          <button
            type="button"
            className="btn btn-primary btn-block btn-big"
            disabled={start.busy || Boolean(driving)}
            aria-describedby={driving ? `${titleId}-wait` : undefined}
            onClick={() =>
              void start
                .run({
                  mutation: startDeliveryRunMutation,
                  variables: { input: { runId: run.id } },
                  success: () => t('courier.run.started', { number: run.number }),
                })
                .then((ok) => ok && onChanged())
            }
          >
            {start.busy && <Spinner small />}
            {t('courier.run.start')}
          </button>
          {driving && (
            <p id={`${titleId}-wait`} className="muted small">
              {t('courier.run.finishFirst', { number: driving })}
            </p>
          )}
          <GeneralFailures failures={start.failure ?? []} />
        </div>
      )}
      <ol className="stop-list" aria-label={t('courier.run.stopList')}>
        {run.stops.map((s) => (
          <StopCard
            key={s.id}
            stop={s}
            working={working}
            onDelivered={() => setActing({ stop: s, action: 'delivered' })}
            onException={() => setActing({ stop: s, action: 'exception' })}
          />
        ))}
      </ol>
      {acting?.action === 'delivered' && (
        <DeliveredDialog stop={acting.stop} fix={fix} onClose={() => setActing(null)} onDone={done} />
      )}
      {acting?.action === 'exception' && (
        <ExceptionDialog stop={acting.stop} onClose={() => setActing(null)} onDone={done} />
      )}
    </section>
  );
}
