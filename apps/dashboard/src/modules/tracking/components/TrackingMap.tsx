import { useTranslation } from 'react-i18next';
import { MapView } from '../../../ui/map/MapView';
import { MapCircle, MapCircleMarker } from '../../../ui/map/MapLayers';

/** Where the courier is, to about a kilometre: a circle, not a point. */
export function TrackingMap({ near }: { near: { lat: number; lng: number } }) {
  const { t } = useTranslation();
  const at: [number, number] = [near.lat, near.lng];
  return (
    <div className="tracking-map" role="img" aria-label={t('tracking.mapLabel')}>
      <MapView center={at} zoom={13}>
        <MapCircle center={at} radiusM={1000} color="#1d4ed8" />
        <MapCircleMarker
          position={at}
          color="#1d4ed8"
          radius={6}
          tooltip={t('tracking.courierHere')}
          testId="courier-near"
        />
      </MapView>
    </div>
  );
}
