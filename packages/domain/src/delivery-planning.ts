import { maskAddress } from './masking';
import { haversineMetres } from './travel-time';
import { DISTRICTS_BY_CITY } from './districts';
import { CITY_CENTRES, type LatLng } from './geocoder';

/**
 * The area a delivery belongs to, as dispatch batches, blocks and zones it: the city and its district
 * (上海浦东新区), or the city alone when the address names no known district. The same text a masked
 * address shows, so a zone never reveals more than the masked address does.
 */
export function deliveryZone(address: string, city: string): string {
  return maskAddress(address, city);
}

/**
 * The city of a zone as couriers and blocks name it: a served city (上海) or a known district of one
 * (上海浦东新区); null for anything else.
 */
export function cityOfZone(zone: string): string | null {
  if (CITY_CENTRES[zone]) return zone;
  for (const [city, districts] of Object.entries(DISTRICTS_BY_CITY))
    if (zone.startsWith(city) && districts.includes(zone.slice(city.length))) return city;
  return null;
}

/** Whether a courier delivering in `courierZones` serves `zone`: the zone itself, or its whole city. */
export function servesZone(courierZones: readonly string[], zone: string, city: string): boolean {
  return courierZones.includes(zone) || courierZones.includes(city);
}

/** Minutes spent at a door: parking, handing over, the signature. */
export const SERVICE_MINUTES = 5;
/** The delivery day's hours in Asia/Shanghai: couriers deliver 09:00–21:00. */
export const DELIVERY_DAY = { startHour: 9, endHour: 21 } as const;
/** Urgent orders are promised within this many hours of leaving the warehouse. */
export const URGENT_WINDOW_HOURS = 3;
/** An ETA within this many minutes of the window's end flags the delivery as at risk of being late. */
export const LATE_RISK_MARGIN_MINUTES = 15;

const HOUR = 3_600_000;
const SHANGHAI_OFFSET = 8 * HOUR;

/** Epoch ms of `hour`:00 Asia/Shanghai on the Shanghai calendar day of `at`. */
function shanghaiHour(at: number, hour: number): number {
  const day = Math.floor((at + SHANGHAI_OFFSET) / (24 * HOUR));
  return day * 24 * HOUR - SHANGHAI_OFFSET + hour * HOUR;
}

/**
 * The window a delivery is promised in: from when it can first be at the door (it left the warehouse,
 * or the delivery day starts) to the order's promise, kept inside the delivery day; urgent orders get
 * URGENT_WINDOW_HOURS. A promise already past (or outside today's hours) gives the rest of the day, or
 * the next day when today's hours are over.
 */
export function deliveryWindow(shippedAt: number, promisedBy: number, urgent: boolean): { start: number; end: number } {
  let dayStart = shanghaiHour(shippedAt, DELIVERY_DAY.startHour);
  let dayEnd = shanghaiHour(shippedAt, DELIVERY_DAY.endHour);
  if (shippedAt >= dayEnd - HOUR) {
    dayStart += 24 * HOUR;
    dayEnd += 24 * HOUR;
  }
  const start = Math.max(shippedAt, dayStart);
  const promised = urgent ? Math.min(promisedBy, start + URGENT_WINDOW_HOURS * HOUR) : promisedBy;
  const end =
    promised > start + HOUR && promised <= dayEnd ? promised : urgent ? start + URGENT_WINDOW_HOURS * HOUR : dayEnd;
  return { start, end: Math.min(end, dayEnd) };
}

/** A delivery as the planner merges them into stops. */
export interface DeliveryToPlan {
  id: string;
  /** The address text: deliveries to the same address become one stop. */
  addressKey: string;
  position: LatLng;
  units: number;
  windowStart: number;
  windowEnd: number;
  /** 0 urgent, 1 key account, 2 high, 3 normal: the order dispatch serves them in. */
  rank: number;
}

/** One door: the deliveries to one address, with the tightest window among them. */
export interface PlannedStop {
  key: string;
  deliveryIds: string[];
  position: LatLng;
  units: number;
  windowStart: number;
  windowEnd: number;
  rank: number;
}

/**
 * Deliveries to the same address become one stop (one parking, one signature per delivery); the stop
 * keeps the tightest window (latest start, earliest end; when they do not overlap, the earliest
 * delivery's window) and its most urgent rank. Stops come out most urgent first, then by window end.
 */
export function mergeStops(deliveries: readonly DeliveryToPlan[]): PlannedStop[] {
  const byKey = new Map<string, PlannedStop>();
  for (const d of deliveries) {
    const s = byKey.get(d.addressKey);
    if (!s) {
      byKey.set(d.addressKey, {
        key: d.addressKey,
        deliveryIds: [d.id],
        position: d.position,
        units: d.units,
        windowStart: d.windowStart,
        windowEnd: d.windowEnd,
        rank: d.rank,
      });
      continue;
    }
    s.deliveryIds.push(d.id);
    s.units += d.units;
    s.rank = Math.min(s.rank, d.rank);
    const start = Math.max(s.windowStart, d.windowStart);
    const end = Math.min(s.windowEnd, d.windowEnd);
    if (start < end) {
      s.windowStart = start;
      s.windowEnd = end;
    } else if (d.windowEnd < s.windowEnd) {
      s.windowStart = d.windowStart;
      s.windowEnd = d.windowEnd;
    }
  }
  return [...byKey.values()].sort((a, b) => a.rank - b.rank || a.windowEnd - b.windowEnd || (a.key < b.key ? -1 : 1));
}

/** A stop still ahead of a courier, in visit order. */
export interface StopAhead {
  id: string;
  position: LatLng;
  windowStart: number;
  windowEnd: number;
}

export interface StopEta {
  id: string;
  eta: number;
  /** The ETA falls within LATE_RISK_MARGIN_MINUTES of the window's end, or after it. */
  lateRisk: boolean;
}

/**
 * ETAs of the stops ahead from where the courier is now: straight line × roadFactor at speedKmh between
 * consecutive stops, waiting for a window to open, SERVICE_MINUTES at each door. Late risk is flagged
 * before the window closes, so the dispatcher can act while there is time.
 */
export function etasFrom(
  now: number,
  from: LatLng,
  stops: readonly StopAhead[],
  opts: { roadFactor?: number; speedKmh?: number } = {},
): StopEta[] {
  const metresPerMs = (opts.speedKmh ?? 25) / 3_600;
  const roadFactor = opts.roadFactor ?? 1.3;
  const out: StopEta[] = [];
  let t = now;
  let at = from;
  for (const s of stops) {
    t += (haversineMetres(at, s.position) * roadFactor) / metresPerMs;
    const eta = Math.round(Math.max(t, s.windowStart));
    out.push({ id: s.id, eta, lateRisk: eta > s.windowEnd - LATE_RISK_MARGIN_MINUTES * 60_000 });
    t = eta + SERVICE_MINUTES * 60_000;
    at = s.position;
  }
  return out;
}

/** The rank dispatch serves an order in: urgent first, then key accounts, then high, then the rest. */
export function dispatchRank(priority: string, keyAccount: boolean): number {
  if (priority === 'URGENT') return 0;
  if (keyAccount) return 1;
  return priority === 'HIGH' ? 2 : 3;
}

/** Whether an address lies in one of the blocked zones (its district's, or its whole city's). */
export function areaBlocked(blockedZones: readonly string[], a: { address: string; city: string }): boolean {
  return servesZone(blockedZones, deliveryZone(a.address, a.city), a.city);
}
