import { CITY_CENTRES } from '@fulfilment/domain';
import type { LatLng } from '../../../ui/map/useLeafletMap';

/** The cities the dispatch board covers, in the order of its selector. */
export const DISPATCH_CITIES = ['上海', '北京', '广州', '深圳', '杭州', '南京', '苏州', '天津'] as const;

/** A zone (上海浦东新区, or 上海) belongs to the city it starts with. */
export const inCity = (zone: string, city: string) => zone.startsWith(city);

export function cityCentre(city: string): LatLng {
  const c = CITY_CENTRES[city]?.centre ?? CITY_CENTRES['上海'].centre;
  return [c.lat, c.lng];
}
