import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useFormat } from '../../../app/format';
import type { BlockedAreasQuery, CourierRowFragment, DeliveryRowFragment, RunRowFragment } from '../../../gql/graphql';
import { MapCircle, MapCircleMarker, MapNumberedMarker, MapPolyline } from '../../../ui/map/MapLayers';
import { MapView } from '../../../ui/map/MapView';
import type { LatLng } from '../../../ui/map/useLeafletMap';
import { cityCentre } from './cities';
import { COURIER_COLOR, ROUTE_COLOR, STOP_COLOR, UNASSIGNED_COLOR, ZONE_COLOR } from './deliveryColors';
import { runPath } from './paths';
import { useDeliveryZones } from '../hooks/useDeliveryZones';

interface Props {
  city: string;
  couriers: readonly CourierRowFragment[];
  runs: readonly RunRowFragment[];
  unassigned: readonly DeliveryRowFragment[];
  areas: BlockedAreasQuery['blockedAreas'];
}

const DONE = new Set(['DELIVERED', 'RETURNED']);

/** The city's couriers (live), the routes of runs under way, deliveries waiting for a run, and blocked areas. */
export function DispatchMap({ city, couriers, runs, unassigned, areas }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const navigate = useNavigate();
  const running = runs.filter((r) => r.status === 'IN_PROGRESS');
  const zones = useDeliveryZones(city);
  return (
    <MapView center={cityCentre(city)} zoom={11} className="dispatch-map">
      {zones.map((z) => (
        <MapCircle
          key={z.zone}
          center={[z.centre.lat, z.centre.lng]}
          radiusM={z.radiusM}
          tooltip={z.district ?? z.zone}
          color={ZONE_COLOR}
          fillOpacity={0.04}
        />
      ))}
      {areas.map(
        (a) =>
          a.centre && (
            <MapCircle
              key={a.id}
              center={[a.centre.lat, a.centre.lng]}
              radiusM={a.radiusM ?? 2_000}
              tooltip={`${a.zone}: ${a.reason}`}
            />
          ),
      )}
      {running.map((r) => (
        <RunRoute key={r.id} run={r} onOpen={() => navigate(runPath(r))} />
      ))}
      {unassigned.map((d) => (
        <MapCircleMarker
          key={d.id}
          position={[d.position.lat, d.position.lng]}
          color={UNASSIGNED_COLOR}
          radius={4}
          tooltip={`${d.number} · ${d.zone} · ${f.time(d.windowStart)}–${f.time(d.windowEnd)}`}
        />
      ))}
      {couriers.map(
        (c) =>
          c.position && (
            <MapCircleMarker
              key={c.id}
              position={[c.position.lat, c.position.lng]}
              color={COURIER_COLOR[c.state]}
              radius={8}
              testId={`courier-${c.code}`}
              tooltip={`${c.code} ${c.name} · ${t(`courierState.${c.state}`)}`}
            />
          ),
      )}
    </MapView>
  );
}

function RunRoute({ run, onOpen }: { run: RunRowFragment; onOpen: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const path = useMemo(() => {
    const points: LatLng[] = run.stops.map((s) => [s.position.lat, s.position.lng]);
    return run.depot ? [[run.depot.lat, run.depot.lng] as LatLng, ...points] : points;
  }, [run]);
  return (
    <>
      <MapPolyline positions={path} color={ROUTE_COLOR} weight={3} opacity={0.6} />
      {run.stops.map((s) => (
        <MapNumberedMarker
          key={s.id}
          position={[s.position.lat, s.position.lng]}
          label={s.stopSeq ?? '·'}
          color={DONE.has(s.status) ? STOP_COLOR.done : s.lateRisk ? STOP_COLOR.late : STOP_COLOR.open}
          tooltip={`${run.number} · ${s.number}${s.eta ? ` · ${t('delivery.eta')} ${f.time(s.eta)}` : ''}`}
          onClick={onOpen}
        />
      ))}
    </>
  );
}
