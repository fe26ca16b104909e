import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useFormat } from '../../../app/format';
import { useMutationOutcome } from '../../../app/useMutationOutcome';
import { PageHeader } from '../../../ui/PageHeader';
import { EmptyState, ErrorState, InlineMessage, LoadingState, Spinner } from '../../../ui/States';
import { useCan } from '../../auth/hooks/useSession';
import { AssignCourierDialog } from '../components/AssignCourierDialog';
import { LateRiskBadge, RunStatusBadge } from '../components/DeliveryBadges';
import { dispatchPath } from '../components/paths';
import { RunHistory } from '../components/RunHistory';
import { RunMap } from '../components/RunMap';
import { StopsTable } from '../components/StopsTable';
import { startDeliveryRunMutation } from '../graphql/runs';
import { useDeliveryRun } from '../hooks/useDeliveryRun';
import '../delivery.css';

/** One run: its route live on the map, its stops in order, and the dispatcher's overrides. */
export function DeliveryRunPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const can = useCan();
  const { id = '' } = useParams();
  const { run, loaded, error, refresh } = useDeliveryRun(id);
  const start = useMutationOutcome();
  const [assigning, setAssigning] = useState(false);
  const reload = () => void refresh().catch(() => undefined);

  if (error && !run) return <ErrorState error={error} onRetry={reload} />;
  if (!loaded) return <LoadingState rows={6} />;
  if (!run) {
    return (
      <EmptyState title={t('delivery.run.notFound')}>
        <Link to="/dispatch" className="btn">
          {t('delivery.run.back')}
        </Link>
      </EmptyState>
    );
  }

  const city = run.stops[0]?.city ?? run.zone;
  const late = run.stops.filter((s) => s.lateRisk && s.status !== 'DELIVERED').length;
  const done = run.stops.filter((s) => s.status === 'DELIVERED' || s.status === 'RETURNED').length;
  const startRun = async () => {
    if (
      await start.run({
        mutation: startDeliveryRunMutation,
        variables: { input: { runId: run.id } },
        success: () => t('delivery.run.started', { run: run.number }),
      })
    )
      reload();
  };

  return (
    <div className="page">
      <nav aria-label={t('common.breadcrumb')} className="breadcrumb">
        <Link to={dispatchPath(city)}>{t('delivery.title')}</Link> <span aria-hidden="true">/</span>{' '}
        <span aria-current="page">{run.number}</span>
      </nav>
      <PageHeader
        title={
          <span className="title-with-badge">
            <span className="mono">{run.number}</span>
            <RunStatusBadge status={run.status} />
            {late > 0 && <LateRiskBadge count={late} />}
          </span>
        }
        subtitle={run.zone}
        actions={
          <>
            {can('DISPATCH') && run.status === 'PLANNED' && (
              <button type="button" className="btn" onClick={() => setAssigning(true)}>
                {t('delivery.assign.open')}
              </button>
            )}
            {can('COURIER_WORK') && run.status === 'PLANNED' && run.courier && (
              <button type="button" className="btn btn-primary" disabled={start.busy} onClick={() => void startRun()}>
                {start.busy && <Spinner small />}
                {t('delivery.run.start')}
              </button>
            )}
          </>
        }
      />
      {start.failure?.map((m, i) => (
        <InlineMessage key={i} tone="error" title={m.title} detail={m.detail} />
      ))}
      <section className="facts" aria-label={t('delivery.run.facts')}>
        <div>
          <span className="muted small">{t('delivery.run.courier')}</span>
          <strong data-testid="run-courier">
            {run.courier ? `${run.courier.code} ${run.courier.name}` : t('delivery.runs.noCourier')}
          </strong>
        </div>
        <div>
          <span className="muted small">{t('delivery.run.planned')}</span>
          <strong>
            {f.shortDateTime(run.plannedStart)}–{f.time(run.plannedEnd)}
          </strong>
        </div>
        <div>
          <span className="muted small">{t('delivery.run.distance')}</span>
          <strong>{f.number(Math.round(run.distanceM / 100) / 10)} km</strong>
        </div>
        <div>
          <span className="muted small">{t('delivery.run.load')}</span>
          <strong>
            {t('delivery.units', { count: run.units })} · {f.number(run.weightG / 1000)} kg
          </strong>
        </div>
        <div>
          <span className="muted small">{t('delivery.run.progress')}</span>
          <strong>{t('delivery.runs.progress', { done, total: run.stops.length })}</strong>
        </div>
        <div>
          <span className="muted small">{t('delivery.run.startedAt')}</span>
          <strong>{run.startedAt ? f.shortDateTime(run.startedAt) : '—'}</strong>
        </div>
      </section>
      {run.overrideReason && (
        <p className="override-note" data-testid="override-reason">
          <span className="muted small">{t('delivery.run.override', { by: run.assignedBy ?? '' })}: </span>
          {run.overrideReason}
        </p>
      )}
      <div className="run-body">
        <div className="card run-map-card">
          <RunMap run={run} />
          <ul className="map-legend small" aria-hidden="true">
            <li>
              <i className="dot dot-open" /> {t('delivery.run.legendStop')}
            </li>
            <li>
              <i className="dot dot-done" /> {t('deliveryStatus.DELIVERED')}
            </li>
            <li>
              <i className="dot dot-late" /> {t('delivery.lateRisk.one')}
            </li>
            <li>
              <i className="dot dot-available" /> {t('delivery.run.legendTrail')}
            </li>
          </ul>
        </div>
        <RunHistory events={run.events} />
      </div>
      <section className="card" aria-labelledby="run-stops-title">
        <div className="card-title">
          <h2 id="run-stops-title">{t('delivery.stops.title')}</h2>
        </div>
        <StopsTable run={run} onChanged={reload} />
      </section>
      {assigning && <AssignCourierDialog run={run} onClose={() => setAssigning(false)} onChanged={reload} />}
    </div>
  );
}
