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
}

/** Centre (WGS-84) and built-up radius in km of each city the platform serves. */
export const CITY_CENTRES: Readonly<Record<string, { centre: LatLng; radiusKm: number }>> = {
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
};

/** FNV-1a over the text's UTF-16 units: a stable 32-bit hash, the same on every machine. */
function hash32(text: string, salt: number): number {
  let h = (0x811c9dc5 ^ salt) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/**
 * The demo's geocoder: a plausible, stable position for an address in a served city: a point in the
 * city's built-up disc chosen by a hash of the address (uniform over the disc, so suburbs are as
 * likely as the centre per km²). The same address always lands on the same spot; an unknown city is
 * not placed.
 */
export function demoPosition(a: AddressToLocate): LatLng | null {
  const city = CITY_CENTRES[a.city];
  if (!city) return null;
  const key = `${a.city}|${a.address.trim()}`;
  const angle = (hash32(key, 1) / 0x1_0000_0000) * 2 * Math.PI;
  const km = Math.sqrt(hash32(key, 2) / 0x1_0000_0000) * city.radiusKm;
  const lat = city.centre.lat + (km * Math.cos(angle)) / 111.32;
  const lng = city.centre.lng + (km * Math.sin(angle)) / (111.32 * Math.cos((city.centre.lat * Math.PI) / 180));
  return { lat: Math.round(lat * 1e6) / 1e6, lng: Math.round(lng * 1e6) / 1e6 };
}

export const demoGeocoder: Geocoder = { locate: async (a) => demoPosition(a) };

/**
 * A position as shown to a caller without CUSTOMER_PII_READ (or a customer's tracking page): rounded
 * to 0.01° (about 1 km), enough to see the area, not the door.
 */
export function maskPosition(p: LatLng): LatLng {
  return { lat: Math.round(p.lat * 100) / 100, lng: Math.round(p.lng * 100) / 100 };
}
