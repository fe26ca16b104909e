import { EntityManager } from 'typeorm';
import { demoPosition, DISTRICTS_BY_CITY } from '@fulfilment/domain';
import { hashPassword } from '../../modules/access/auth.service';
import { Random } from './random';

/** The cities the own fleet delivers in (the regions the OWN-FLEET carrier serves), couriers per city. */
const FLEET: readonly [city: string, couriers: number][] = [
  ['上海', 8],
  ['北京', 7],
  ['广州', 5],
  ['深圳', 5],
  ['杭州', 4],
  ['南京', 4],
  ['苏州', 4],
  ['天津', 3],
];

/** [kind, units, kg, share]: most couriers ride vans and tricycles; a few drive bottled-water trucks. */
const VEHICLES: readonly [string, number, number][] = [
  ['VAN', 120, 800],
  ['TRICYCLE', 60, 300],
  ['E_BIKE', 30, 80],
  ['VAN', 150, 1000],
  ['WATER_TRUCK', 200, 4000],
  ['TRUCK', 300, 3000],
];

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭'];
const GIVEN = ['伟', '强', '磊', '军', '勇', '杰', '涛', '明', '超', '斌', '鹏', '辉', '浩', '亮', '刚', '峰'];
const PLATE_PREFIX: Record<string, string> = {
  上海: '沪A',
  北京: '京B',
  广州: '粤A',
  深圳: '粤B',
  杭州: '浙A',
  南京: '苏A',
  苏州: '苏E',
  天津: '津C',
};

/** The demo courier account (role COURIER, password "demo"): it drives the first Shanghai courier's runs. */
export const DEMO_COURIER_EMAIL = 'courier@demo.local';

/**
 * The own fleet: 40 couriers across the eight cities, each with a vehicle, a shift and zones (a few
 * districts of its city; one courier per city covers the whole city), most on duty at the station of
 * their city, a few off duty. The first Shanghai courier is the demo courier account's. Also places
 * every customer (the demo geocoder), so addresses carry coordinates.
 */
export async function insertFleet(m: EntityManager, seed: number): Promise<number> {
  const rng = new Random(seed ^ 0x5eed_c0de);
  const customers: { id: string; city: string; address: string }[] = await m.query(
    `SELECT id, city, address FROM customer`,
  );
  const placed = customers.map((c) => ({ id: c.id, p: demoPosition(c) }));
  await m.query(
    `UPDATE customer c SET lat = d.lat, lng = d.lng FROM unnest($1::uuid[], $2::float8[], $3::float8[]) AS d(id, lat, lng)
      WHERE c.id = d.id`,
    [placed.map((x) => x.id), placed.map((x) => x.p?.lat ?? null), placed.map((x) => x.p?.lng ?? null)],
  );

  const warehouses: { id: string; city: string; region: string; kind: string }[] = await m.query(
    `SELECT id, city, region, kind FROM warehouse ORDER BY kind DESC, code`,
  );
  const [user] = await m.query(
    `INSERT INTO staff_user (email, name, role, password_hash) VALUES ($1, '快递员 孙浩', 'COURIER', $2)
     ON CONFLICT DO NOTHING RETURNING id`,
    [DEMO_COURIER_EMAIL, await hashPassword('demo')],
  );
  const courierUser: string | null = user?.id ?? null;
  const rows: unknown[][] = [];
  let n = 0;
  for (const [city, count] of FLEET) {
    const station = warehouses.find((w) => w.city === city) ?? warehouses.find((w) => w.region === regionOf(city));
    if (!station) continue;
    const districts = DISTRICTS_BY_CITY[city] ?? [];
    for (let i = 0; i < count; i++) {
      n++;
      const [kind, units, kg] = city === '上海' && i === 3 ? VEHICLES[4] : VEHICLES[(n + i) % 4];
      const code = `${PLATE_PREFIX[city]}·D${String(1000 + n)}`;
      // The first courier of a city covers the whole city; the others share its districts.
      const zones = i === 0 ? [city] : districts.filter((_, d) => d % (count - 1) === i - 1).map((d) => `${city}${d}`);
      const late = rng.chance(0.25);
      rows.push([
        `${city}-C${String(i + 1).padStart(2, '0')}`,
        city === '上海' && i === 0
          ? '孙浩'
          : `${rng.pick(SURNAMES)}${rng.pick(GIVEN)}${rng.chance(0.5) ? rng.pick(GIVEN) : ''}`,
        `13${String(rng.int(100_000_000, 999_999_999))}`,
        city === '上海' && i === 0 ? courierUser : null,
        station.id,
        code,
        kind,
        units,
        kg,
        zones.length ? zones : [city],
        late ? '12:00' : '08:00',
        late ? '22:00' : '20:00',
        rng.chance(0.1) ? 'OFF_DUTY' : 'AVAILABLE',
        // A record of earlier days: 40–400 deliveries, 85–99 % on time.
        rng.int(40, 400),
        0.85 + rng.next() * 0.14,
      ]);
    }
  }
  const col = (i: number) => rows.map((r) => r[i]);
  await m.query(
    `WITH v AS (
       INSERT INTO vehicle (code, kind, capacity_units, capacity_kg)
       SELECT * FROM unnest($6::text[], $7::text[], $8::int[], $9::int[]) RETURNING id, code)
     INSERT INTO courier (code, name, phone, user_id, warehouse_id, vehicle_id, city, zones, shift_start, shift_end, state,
                          delivered, delivered_on_time)
     SELECT d.code, d.name, d.phone, d.user_id, d.warehouse_id, v.id, split_part(d.code, '-', 1), string_to_array(d.zones, ','),
            d.shift_start::time,
            d.shift_end::time, d.state, d.delivered, round(d.delivered * d.on_time)::int
       FROM unnest($1::text[], $2::text[], $3::text[], $4::uuid[], $5::uuid[], $6::text[], $10::text[], $11::text[],
                   $12::text[], $13::text[], $14::int[], $15::float8[])
            AS d(code, name, phone, user_id, warehouse_id, plate, zones, shift_start, shift_end, state, delivered, on_time)
       JOIN v ON v.code = d.plate`,
    [
      col(0),
      col(1),
      col(2),
      col(3),
      col(4),
      col(5),
      col(6),
      col(7),
      col(8),
      rows.map((r) => (r[9] as string[]).join(',')),
      col(10),
      col(11),
      col(12),
      col(13),
      col(14),
    ],
  );
  return rows.length;
}

function regionOf(city: string): string {
  return ['北京', '天津'].includes(city) ? 'NORTH' : ['广州', '深圳'].includes(city) ? 'SOUTH' : 'EAST';
}
