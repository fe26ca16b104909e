import { EntityManager } from 'typeorm';

/** [code, name, kind, regions, methods, S10 prefix, base yuan fen, per kg fen, transit days, on-time %] */
type CarrierRow = readonly [string, string, string, string[], string[], string, number, number, number, number | null];

const ALL = ['EAST', 'NORTH', 'SOUTH', 'CENTRAL', 'SOUTHWEST', 'NORTHWEST', 'NORTHEAST'];

/**
 * The demo's carriers: the own fleet in the regions with a warehouse of its own, and partners chosen
 * by evaluation (express for small or urgent parcels, freight for bulk).
 */
const CARRIERS: readonly CarrierRow[] = [
  ['OWN-FLEET', '自有车队', 'OWN_FLEET', ['EAST', 'NORTH', 'SOUTH'], ['EXPRESS', 'FREIGHT'], 'OF', 6_00, 50, 1, 96.5],
  ['SF-EXPRESS', '顺丰速运', 'PARTNER', ALL, ['EXPRESS'], 'SF', 12_00, 2_00, 1, 98.2],
  ['JD-EXPRESS', '京东物流', 'PARTNER', ALL, ['EXPRESS', 'FREIGHT'], 'JD', 10_00, 1_80, 2, 97.1],
  ['ZTO-EXPRESS', '中通快递', 'PARTNER', ALL, ['EXPRESS'], 'ZT', 6_00, 1_20, 3, 91.4],
  ['DB-FREIGHT', '德邦物流', 'PARTNER', ALL, ['FREIGHT'], 'DB', 25_00, 90, 3, 94.0],
];

export async function insertCarriers(m: EntityManager): Promise<number> {
  await m.query(
    `INSERT INTO carrier (code, name, kind, regions, methods, tracking_prefix, base_price_fen, per_kg_fen, transit_days, reliability)
     SELECT d.code, d.name, d.kind, string_to_array(d.regions, ','), string_to_array(d.methods, ','), d.prefix,
            d.base, d.per_kg, d.days, d.reliability
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[], $8::int[],
                   $9::int[], $10::numeric[])
            AS d(code, name, kind, regions, methods, prefix, base, per_kg, days, reliability)`,
    [
      CARRIERS.map((c) => c[0]),
      CARRIERS.map((c) => c[1]),
      CARRIERS.map((c) => c[2]),
      CARRIERS.map((c) => c[3].join(',')),
      CARRIERS.map((c) => c[4].join(',')),
      CARRIERS.map((c) => c[5]),
      CARRIERS.map((c) => c[6]),
      CARRIERS.map((c) => c[7]),
      CARRIERS.map((c) => c[8]),
      CARRIERS.map((c) => c[9]),
    ],
  );
  return CARRIERS.length;
}
