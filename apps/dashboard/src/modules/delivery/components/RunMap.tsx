import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../app/format';
import type { DeliveryRunQuery } from '../../../gql/graphql';
import { MapCircleMarker, MapNumberedMarker, MapPolyline } from '../../../ui/map/MapLayers';
import { MapView } from '../../../ui/map/MapView';
import type { LatLng } from '../../../ui/map/useLeafletMap';
import { cityCentre } from './cities';
import { COURIER_COLOR, ROUTE_COLOR, STOP_COLOR, TRAIL_COLOR } from './deliveryColors';

type Run = NonNullable<DeliveryRunQuery['deliveryRun']>;

const DONE = new Set(['DELIVERED', 'RETURNED']);

/** The run's route from the depot through its stops, the trail driven to stops already delivered, and its courier live. */
export function RunMap({ run }: { run: Run }) {
  const { t } = useTranslation();
  const f = useFormat();
  const route = useMemo(() => {
    const stops: LatLng[] = run.stops.map((s) => [s.position.lat, s.position.lng]);
    return run.depot ? [[run.depot.lat, run.depot.lng] as LatLng, ...stops] : stops;
  }, [run.depot, run.stops]);
  const trail = useMemo(
    () =>
      run.stops
        .filter((s) => DONE.has(s.status) || s.status === 'OUT_FOR_DELIVERY')
        .flatMap((s) => s.trail)
        .sort((a, b) => a.at.localeCompare(b.at))
        .map((p) => [p.lat, p.lng] as LatLng),
    [run.stops],
  );
  const fit = useMemo(() => [...route, ...trail], [route, trail]);
  const courier = run.courier;
  const city = run.stops[0]?.city ?? run.zone;
  return (
    <MapView center={cityCentre(city)} zoom={12} fitTo={fit} className="dispatch-map">
      <MapPolyline positions={route} color={ROUTE_COLOR} weight={3} opacity={0.5} dashed />
      {trail.length > 1 && <MapPolyline positions={trail} color={TRAIL_COLOR} weight={4} />}
      {run.depot && (
        <MapNumberedMarker
          position={[run.depot.lat, run.depot.lng]}
          label="D"
          color="#1b2330"
          tooltip={t('delivery.run.depot')}
          testId="run-depot"
        />
      )}
      {run.stops.map((s) => (
        <MapNumberedMarker
          key={s.id}
          position={[s.position.lat, s.position.lng]}
          label={s.stopSeq ?? '·'}
          color={DONE.has(s.status) ? STOP_COLOR.done : s.lateRisk ? STOP_COLOR.late : STOP_COLOR.open}
          tooltip={`${s.number} · ${s.address.address}${s.eta ? ` · ${t('delivery.eta')} ${f.time(s.eta)}` : ''}`}
          testId={`stop-${s.number}`}
        />
      ))}
      {courier?.position && (
        <MapCircleMarker
          position={[courier.position.lat, courier.position.lng]}
          color={COURIER_COLOR[courier.state]}
          radius={9}
          testId={`courier-${courier.code}`}
          tooltip={`${courier.code} ${courier.name}`}
        />
      )}
    </MapView>
  );
}
