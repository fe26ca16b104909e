import { DISTRICTS_BY_CITY } from './districts';
/** A position in WGS-84 degrees, as GPS reports it. */
export interface LatLng {
  lat: number;
  lng: number;
}

/** What a geocoder is given: the delivery address as orders and customers store it. */
export interface AddressToLocate {
  city: string;
  address: string;
}

/**
 * Turns an address into a position. Production plugs in a real service (AMap, Tencent or Baidu
 * geocoding, converting their GCJ-02/BD-09 results to WGS-84); the demo uses `demoGeocoder`.
 * Returns null when the address cannot be placed.
 */
export interface Geocoder {
  locate(address: AddressToLocate): Promise<LatLng | null>;
  /**
   * Where a zone lies, for maps: a served city, or one of its districts, as a centre and a radius (a
   * production geocoder may return its district's bounding circle). Null when it cannot be placed.
   */
  area(city: string, district: string | null): { centre: LatLng; radiusKm: number } | null;
}

/** Centre (WGS-84) and built-up radius in km of each city the platform serves. */
// Without a prototype, like DISTRICTS_BY_CITY: a city named "constructor" is not served.
export const CITY_CENTRES: Readonly<Record<string, { centre: LatLng; radiusKm: number }>> = Object.assign(
  Object.create(null),
  {
    上海: { centre: { lat: 31.2304, lng: 121.4737 }, radiusKm: 15 },
    杭州: { centre: { lat: 30.2741, lng: 120.1551 }, radiusKm: 10 },
    南京: { centre: { lat: 32.0603, lng: 118.7969 }, radiusKm: 9 },
    苏州: { centre: { lat: 31.299, lng: 120.5853 }, radiusKm: 8 },
    北京: { centre: { lat: 39.9042, lng: 116.4074 }, radiusKm: 15 },
    天津: { centre: { lat: 39.3434, lng: 117.3616 }, radiusKm: 10 },
    广州: { centre: { lat: 23.1291, lng: 113.2644 }, radiusKm: 12 },
    深圳: { centre: { lat: 22.5431, lng: 114.0579 }, radiusKm: 12 },
    武汉: { centre: { lat: 30.5928, lng: 114.3055 }, radiusKm: 10 },
    长沙: { centre: { lat: 28.2282, lng: 112.9388 }, radiusKm: 8 },
    成都: { centre: { lat: 30.5728, lng: 104.0668 }, radiusKm: 10 },
    重庆: { centre: { lat: 29.563, lng: 106.5516 }, radiusKm: 10 },
    沈阳: { centre: { lat: 41.8057, lng: 123.4315 }, radiusKm: 8 },
    大连: { centre: { lat: 38.914, lng: 121.6147 }, radiusKm: 7 },
    西安: { centre: { lat: 34.3416, lng: 108.9398 }, radiusKm: 9 },
    兰州: { centre: { lat: 36.0611, lng: 103.8343 }, radiusKm: 6 },
  },
);

/** FNV-1a over the text's UTF-16 units: a stable 32-bit hash, the same on every machine. */
function hash32(text: string, salt: number): number {
  let h = (0x811c9dc5 ^ salt) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** A point `km` away from `centre` in direction `angle` (radians from north), flat-earth (city scale). */
function offset(centre: LatLng, km: number, angle: number): LatLng {
  const lat = centre.lat + (km * Math.cos(angle)) / 111.32;
  const lng = centre.lng + (km * Math.sin(angle)) / (111.32 * Math.cos((centre.lat * Math.PI) / 180));
  return { lat: Math.round(lat * 1e6) / 1e6, lng: Math.round(lng * 1e6) / 1e6 };
}

/** A uniformly spread point of a disc, chosen by the hash of `key`. */
function inDisc(centre: LatLng, radiusKm: number, key: string): LatLng {
  const angle = (hash32(key, 1) / 0x1_0000_0000) * 2 * Math.PI;
  return offset(centre, Math.sqrt(hash32(key, 2) / 0x1_0000_0000) * radiusKm, angle);
}

/** Share of the city's radius a district covers in the demo's geography. */
const DISTRICT_SHARE = 0.3;

/**
 * Where the demo puts an area: a served city is its built-up disc; a district (上海浦东新区) a smaller
 * disc inside it at a stable place chosen by its name, so a district's addresses lie together and a
 * zone or a blocked area can be drawn on the map. Null for anything else.
 */
export function demoArea(city: string, district: string | null): { centre: LatLng; radiusKm: number } | null {
  const c = CITY_CENTRES[city];
  if (!c) return null;
  if (!district) return c;
  const radiusKm = c.radiusKm * DISTRICT_SHARE;
  return { centre: inDisc(c.centre, c.radiusKm - radiusKm, `${city}|${district}`), radiusKm };
}

/**
 * The demo's geocoder: a plausible, stable position for an address in a served city: in its
 * district's disc when the address starts with a known district (see demoArea), else anywhere in the
 * city's built-up disc, chosen by a hash of the address (uniform over the disc). The same address
 * always lands on the same spot; an unknown city is not placed.
 */
export function demoPosition(a: AddressToLocate): LatLng | null {
  let rest = a.address.trim();
  for (const prefix of [`${a.city}市`, a.city]) if (rest.startsWith(prefix)) rest = rest.slice(prefix.length);
  const district = DISTRICTS_BY_CITY[a.city]?.find((d) => rest.startsWith(d)) ?? null;
  const area = demoArea(a.city, district);
  return area ? inDisc(area.centre, area.radiusKm, `${a.city}|${a.address.trim()}`) : null;
}

export const demoGeocoder: Geocoder = { locate: async (a) => demoPosition(a), area: demoArea };

/**
 * A position as shown to a caller without CUSTOMER_PII_READ (or a customer's tracking page): rounded
 * to 0.01° (about 1 km), enough to see the area, not the door.
 */
export function maskPosition(p: LatLng): LatLng {
  return { lat: Math.round(p.lat * 100) / 100, lng: Math.round(p.lng * 100) / 100 };
}
