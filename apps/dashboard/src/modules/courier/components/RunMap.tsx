import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CourierRunFragment, DeliveryStatus } from '../../../gql/graphql';
import { MapView } from '../../../ui/map/MapView';
import { MapCircleMarker, MapNumberedMarker, MapPolyline } from '../../../ui/map/MapLayers';
import type { LatLng } from '../../../ui/map/useLeafletMap';

const STOP_COLOR: Partial<Record<DeliveryStatus, string>> = {
  DELIVERED: '#067647',
  EXCEPTION: '#b42318',
  RETURNED: '#5a6577',
};

/** The runs under way on a small map: each one's stops numbered in visit order, its route, and where I am. */
export function RunMap({ runs, me }: { runs: CourierRunFragment[]; me: LatLng | null }) {
  const { t } = useTranslation();
  const routes = useMemo(
    () =>
      runs.map((run) => ({
        id: run.id,
        path: [
          ...(run.depot ? [[run.depot.lat, run.depot.lng] as LatLng] : []),
          ...run.stops.map((s) => [s.position.lat, s.position.lng] as LatLng),
        ],
      })),
    [runs],
  );
  const stops = runs.flatMap((r) => r.stops);
  const fitTo = useMemo(() => [...routes.flatMap((r) => r.path), ...(me ? [me] : [])], [routes, me]);
  const center = fitTo[0] ?? ([31.23, 121.47] as LatLng);
  return (
    <div className="courier-map" role="img" aria-label={t('courier.run.map')}>
      <MapView center={center} zoom={12} fitTo={fitTo}>
        {routes.map((r) => (
          <MapPolyline key={r.id} positions={r.path} color="#3b6ea8" weight={2} opacity={0.6} dashed />
        ))}
        {stops.map((s) => (
          <MapNumberedMarker
            key={s.id}
            position={[s.position.lat, s.position.lng]}
            label={s.stopSeq ?? '·'}
            color={STOP_COLOR[s.status]}
            tooltip={`${s.stopSeq ?? ''} ${s.address.address}`}
          />
        ))}
        {me && <MapCircleMarker position={me} color="#1d4ed8" radius={8} tooltip={t('courier.run.me')} testId="me" />}
      </MapView>
    </div>
  );
}
