import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorState, LoadingState } from '../../../ui/States';
import type { LatLng } from '../../../ui/map/useLeafletMap';
import { CourierCard } from '../components/CourierCard';
import { CourierTopBar } from '../components/CourierTopBar';
import { GpsStatus } from '../components/GpsStatus';
import { RunMap } from '../components/RunMap';
import { RunSection } from '../components/RunSection';
import type { CourierRunFragment } from '../../../gql/graphql';
import { useFinishedRuns } from '../hooks/useFinishedRuns';
import { useMyCourier } from '../hooks/useMyCourier';
import { usePositionReporter } from '../hooks/usePositionReporter';
import '../courier.css';

const NO_RUNS: CourierRunFragment[] = [];

/** The courier's phone page: today's runs, the stops to make, proof of delivery, and the phone's position for dispatch. */
export function CourierPage() {
  const { t } = useTranslation();
  const { courier, loaded, error, refresh } = useMyCourier();
  const finished = useFinishedRuns(courier?.openRuns ?? NO_RUNS);
  const running = useMemo(() => courier?.openRuns.filter((r) => r.status === 'IN_PROGRESS') ?? [], [courier]);
  const report = usePositionReporter(running.length === 1 ? running[0].id : null);
  const me: LatLng | null = report.fix
    ? [report.fix.lat, report.fix.lng]
    : courier?.position
      ? [courier.position.lat, courier.position.lng]
      : null;

  let body;
  if (error && !courier) body = <ErrorState error={error} onRetry={refresh} />;
  else if (!loaded) body = <LoadingState rows={4} />;
  else if (!courier) body = <EmptyState title={t('courier.notLinked')}>{t('courier.notLinkedHint')}</EmptyState>;
  else {
    const planned = courier.openRuns.filter((r) => r.status !== 'IN_PROGRESS');
    body = (
      <>
        <CourierCard courier={courier} />
        {courier.openRuns.length === 0 && finished.length === 0 && (
          <EmptyState title={t('courier.empty')}>{t('courier.emptyHint')}</EmptyState>
        )}
        {running.length > 0 && <RunMap runs={running} me={me} />}
        {[...running, ...planned, ...finished].map((run) => (
          <RunSection
            key={run.id}
            run={run}
            fix={report.fix}
            driving={running.find((r) => r.id !== run.id)?.number ?? null}
            onChanged={refresh}
          />
        ))}
      </>
    );
  }

  return (
    <div className="courier-screen">
      <CourierTopBar />
      <main id="main" className="courier-main" tabIndex={-1}>
        <GpsStatus report={report} />
        {body}
      </main>
    </div>
  );
}
