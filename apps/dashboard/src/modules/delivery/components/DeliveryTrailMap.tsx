import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { MapNumberedMarker, MapPolyline } from '../../../ui/map/MapLayers';
import { MapView } from '../../../ui/map/MapView';
import type { LatLng } from '../../../ui/map/useLeafletMap';
import { TRAIL_COLOR } from './deliveryColors';

interface Props {
  destination: { lat: number; lng: number };
  trail: readonly { lat: number; lng: number }[];
}

/** Where the courier drove with this delivery, and where it goes. */
export function DeliveryTrailMap({ destination, trail }: Props) {
  const { t } = useTranslation();
  const target: LatLng = [destination.lat, destination.lng];
  const path = useMemo(() => trail.map((p) => [p.lat, p.lng] as LatLng), [trail]);
  const fit = useMemo(() => [...path, target], [path, target[0], target[1]]); // eslint-disable-line react-hooks/exhaustive-deps
  return (
    <MapView center={target} zoom={13} fitTo={fit} className="delivery-part-map">
      {path.length > 1 && <MapPolyline positions={path} color={TRAIL_COLOR} weight={4} />}
      <MapNumberedMarker position={target} label="⌂" color="#d0312d" tooltip={t('delivery.order.destination')} />
    </MapView>
  );
}
