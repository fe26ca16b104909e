import { EntityManager } from 'typeorm';
import { CITY_CENTRES, type CourierCandidate, haversineMetres, type LatLng, servesZone } from '@fulfilment/domain';

/** A courier's fields planning compares, with what its open runs already carry. */
interface CourierRow {
  id: string;
  code: string;
  state: CourierCandidate['state'];
  zones: string[];
  shift_start: string;
  shift_end: string;
  capacity_units: number | null;
  capacity_kg: number | null;
  lat: number | null;
  lng: number | null;
  delivered: number;
  delivered_on_time: number;
  load_units: number;
  load_g: number;
}

/** Where a zone's runs start: the delivery station of its city (line haul to it is outside the last mile). */
export function depotOf(city: string): LatLng | null {
  return CITY_CENTRES[city]?.centre ?? null;
}

/** Epoch ms of a local HH:MM (Asia/Shanghai) on the Shanghai day of `at`. */
export function shanghaiTime(at: number, hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  const day = Math.floor((at + 8 * 3_600_000) / 86_400_000);
  return day * 86_400_000 - 8 * 3_600_000 + (h * 60 + m) * 60_000;
}

/**
 * The couriers of a city, locked (id order) so two assignments cannot both fill one vehicle, with the
 * units and weight their planned and running runs carry. Couriers of other cities never take its runs.
 */
export async function lockCouriersOfCity(m: EntityManager, city: string): Promise<CourierRow[]> {
  await m.query(`SELECT id FROM courier WHERE city = $1 ORDER BY id FOR UPDATE`, [city]);
  return m.query(
    `SELECT c.id, c.code, c.state, c.zones, c.shift_start::text, c.shift_end::text, v.capacity_units, v.capacity_kg,
            c.lat, c.lng, c.delivered, c.delivered_on_time,
            coalesce(sum(r.units), 0)::int AS load_units, coalesce(sum(r.weight_g), 0)::bigint::float8 AS load_g
       FROM courier c
       LEFT JOIN vehicle v ON v.id = c.vehicle_id
       LEFT JOIN delivery_run r ON r.courier_id = c.id AND r.status IN ('PLANNED', 'IN_PROGRESS')
      WHERE c.city = $1
      GROUP BY c.id, v.id ORDER BY c.code`,
    [city],
  );
}

/** The couriers as rankCouriers sees them for a run of `zone` leaving at `at` whose first stop is `firstStop`. */
export function candidatesFor(
  rows: readonly CourierRow[],
  zone: string,
  city: string,
  firstStop: LatLng,
  at: number,
): CourierCandidate[] {
  const depot = depotOf(city) ?? firstStop;
  return rows.map((c) => {
    const from = c.lat !== null && c.lng !== null ? { lat: c.lat, lng: c.lng } : depot;
    return {
      courierId: c.id,
      code: c.code,
      state: c.state,
      // A courier of the whole city serves each of its districts.
      zones: servesZone(c.zones, zone, city) ? [zone] : c.zones,
      shiftStart: shanghaiTime(at, c.shift_start.slice(0, 5)),
      shiftEnd: shanghaiTime(at, c.shift_end.slice(0, 5)),
      capacityUnits: c.capacity_units ?? 0,
      capacityKg: c.capacity_kg ?? 0,
      loadUnits: c.load_units,
      loadKg: Math.round(c.load_g / 1000),
      kmToFirstStop: Math.round(haversineMetres(from, firstStop) / 10) / 100,
      onTimeRate: c.delivered > 0 ? Math.round((c.delivered_on_time * 1000) / c.delivered) / 10 : null,
    };
  });
}
