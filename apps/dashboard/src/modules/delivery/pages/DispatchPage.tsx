import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../../ui/PageHeader';
import { ErrorState } from '../../../ui/States';
import { BlockedAreasPanel } from '../components/BlockedAreasPanel';
import { DISPATCH_CITIES } from '../components/cities';
import { CouriersPanel } from '../components/CouriersPanel';
import { DispatchMap } from '../components/DispatchMap';
import { ExceptionsPanel } from '../components/ExceptionsPanel';
import { RunsPanel } from '../components/RunsPanel';
import { UnassignedPanel } from '../components/UnassignedPanel';
import { useBlockedAreas } from '../hooks/useBlockedAreas';
import { useCityCouriers } from '../hooks/useCityCouriers';
import { useCityDeliveries } from '../hooks/useCityDeliveries';
import { useCourierMoves } from '../hooks/useCourierMoves';
import { useDispatchRuns } from '../hooks/useDispatchRuns';
import '../delivery.css';

const TABS = ['runs', 'unassigned', 'exceptions', 'couriers', 'areas'] as const;
type Tab = (typeof TABS)[number];

/** The dispatcher's board for one city: the live map beside runs, waiting deliveries, exceptions, couriers and blocked areas. */
export function DispatchPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const raw = params.get('city') ?? '';
  const city = (DISPATCH_CITIES as readonly string[]).includes(raw) ? raw : DISPATCH_CITIES[0];
  const [tab, setTab] = useState<Tab>('runs');

  const runs = useDispatchRuns(city);
  const unassigned = useCityDeliveries('UNASSIGNED', city);
  const exceptions = useCityDeliveries('EXCEPTION', city);
  const couriers = useCityCouriers(city);
  const areas = useBlockedAreas(city);
  useCourierMoves();

  const error = runs.error ?? unassigned.error ?? exceptions.error ?? couriers.error ?? areas.error;
  const lateRisk = runs.runs.reduce(
    (n, r) => n + r.stops.filter((s) => s.lateRisk && s.status !== 'DELIVERED').length,
    0,
  );
  const counts: Record<Tab, number> = {
    runs: runs.runs.length,
    unassigned: unassigned.rows.length,
    exceptions: exceptions.rows.length,
    couriers: couriers.couriers.length,
    areas: areas.areas.length,
  };
  const afterChange = () => {
    runs.refresh();
    unassigned.refresh();
    exceptions.refresh();
    couriers.refresh();
    void areas.refresh();
  };

  return (
    <div className="page page-fill dispatch-page">
      <PageHeader
        title={t('delivery.title')}
        subtitle={t('delivery.subtitle')}
        actions={
          <div className="segmented" role="group" aria-label={t('delivery.city')}>
            {DISPATCH_CITIES.map((c) => (
              <button
                key={c}
                type="button"
                className={c === city ? 'active' : undefined}
                aria-pressed={c === city}
                onClick={() => setParams({ city: c }, { replace: true })}
              >
                {c}
              </button>
            ))}
          </div>
        }
      />
      <div className="dispatch-kpis" aria-label={t('delivery.kpis')}>
        <span>
          <strong>{runs.runs.filter((r) => r.status === 'IN_PROGRESS').length}</strong> {t('delivery.kpi.running')}
        </span>
        <span>
          <strong>{counts.unassigned}</strong> {t('delivery.kpi.unassigned')}
        </span>
        <span className={lateRisk ? 'text-danger' : undefined}>
          <strong>{lateRisk}</strong> {t('delivery.kpi.lateRisk')}
        </span>
        <span className={counts.exceptions ? 'text-danger' : undefined}>
          <strong>{counts.exceptions}</strong> {t('delivery.kpi.exceptions')}
        </span>
        <span>
          <strong>{couriers.couriers.filter((c) => c.state !== 'OFF_DUTY').length}</strong> {t('delivery.kpi.onDuty')}
        </span>
      </div>
      {error && <ErrorState error={error} onRetry={afterChange} compact />}
      <div className="dispatch-body">
        <div className="card dispatch-map-card">
          <DispatchMap
            city={city}
            couriers={couriers.couriers}
            runs={runs.runs}
            unassigned={unassigned.rows}
            areas={areas.areas}
          />
          <ul className="map-legend small" aria-hidden="true">
            <li>
              <i className="dot dot-available" /> {t('courierState.AVAILABLE')}
            </li>
            <li>
              <i className="dot dot-route" /> {t('courierState.ON_ROUTE')}
            </li>
            <li>
              <i className="dot dot-off" /> {t('courierState.OFF_DUTY')}
            </li>
            <li>
              <i className="dot dot-unassigned" /> {t('deliveryStatus.UNASSIGNED')}
            </li>
            <li>
              <i className="dot dot-late" /> {t('delivery.lateRisk.one')}
            </li>
          </ul>
        </div>
        <aside className="card dispatch-side">
          <div className="tabs dispatch-tabs" role="tablist" aria-label={t('delivery.panels')}>
            {TABS.map((k) => (
              <button
                key={k}
                type="button"
                role="tab"
                id={`dispatch-tab-${k}`}
                aria-selected={tab === k}
                aria-controls="dispatch-panel"
                className={tab === k ? 'tab active' : 'tab'}
                onClick={() => setTab(k)}
              >
                {t(`delivery.tab.${k}`)}
                <span className="tab-count">{counts[k]}</span>
              </button>
            ))}
          </div>
          <div id="dispatch-panel" role="tabpanel" aria-labelledby={`dispatch-tab-${tab}`} className="dispatch-panel">
            {tab === 'runs' && <RunsPanel runs={runs.runs} />}
            {tab === 'unassigned' && <UnassignedPanel rows={unassigned.rows} onPlanned={afterChange} />}
            {tab === 'exceptions' && <ExceptionsPanel rows={exceptions.rows} onReplanned={afterChange} />}
            {tab === 'couriers' && <CouriersPanel couriers={couriers.couriers} />}
            {tab === 'areas' && (
              <BlockedAreasPanel key={city} city={city} areas={areas.areas} onChanged={afterChange} />
            )}
          </div>
        </aside>
      </div>
    </div>
  );
}
