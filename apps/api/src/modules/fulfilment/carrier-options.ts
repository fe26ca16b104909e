import { EntityManager } from 'typeorm';
import {
  carrierPriceFen,
  rankCarriers,
  shippingMethod,
  type RankedCarrier,
  type Region,
  type ShippingMethod,
} from '@fulfilment/domain';
import { Carrier } from './carrier.entity';

/** The carriers for one shipment, ranked, with the method its weight and urgency call for. */
export interface CarrierRanking {
  method: ShippingMethod;
  grams: number;
  ranked: RankedCarrier[];
  carriers: Map<string, Carrier>;
}

/**
 * Ranks every carrier for a shipment of `grams` to `region`: the one way shipping chooses, and what the
 * Ship dialog shows (which carrier "best" picks, and why the others cannot take it).
 */
export async function rankCarriersFor(
  m: EntityManager,
  grams: number,
  urgent: boolean,
  region: Region,
): Promise<CarrierRanking> {
  const method = shippingMethod(grams, urgent);
  const carriers = await m.getRepository(Carrier).find({ order: { code: 'ASC' } });
  const ranked = rankCarriers(
    carriers.map((k) => ({
      carrierId: k.id,
      code: k.code,
      kind: k.kind,
      active: k.active,
      regions: k.regions,
      methods: k.methods,
      reliability: k.reliability,
      priceFen: carrierPriceFen(k.basePriceFen, k.perKgFen, grams),
      transitDays: k.transitDays,
    })),
    region,
    method,
  );
  return { method, grams, ranked, carriers: new Map(carriers.map((k) => [k.id, k])) };
}

/** A shipment's weight: its packages once packed, otherwise its picked units by product weight. */
export async function shipmentGrams(m: EntityManager, shipmentId: string): Promise<number> {
  const [{ grams }]: { grams: number }[] = await m.query(
    `SELECT coalesce(
              (SELECT sum(weight_g) FROM package WHERE shipment_id = $1),
              (SELECT sum(coalesce(l.picked, l.required)::bigint * p.unit_weight_g) FROM shipment_line l
                 JOIN product p ON p.id = l.product_id WHERE l.shipment_id = $1 AND NOT l.released),
              0)::int AS grams`,
    [shipmentId],
  );
  return grams;
}
