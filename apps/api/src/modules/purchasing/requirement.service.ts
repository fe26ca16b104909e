import { DataSource } from 'typeorm';
import {
  computeRequirement,
  dailySalesRate,
  rankSuppliers,
  RankedCandidate,
  RequirementFigures,
  Region,
  SupplierCandidate,
  SupplierStanding,
} from '@fulfilment/domain';
import { Actor, actorLabel } from '../../common/actor';
import { arrayLiteral } from '../../common/array-literal';
import { audit } from '../../common/audit';
import { logger } from '../../common/logger';
import { MutationResult, Mutations, Tx } from '../../common/mutation';
import { fail } from '../../common/user-error';
import { localId } from '../../common/global-id';
import { validateInput } from '../../common/validation';
import { DismissPurchaseRequirementInput, GeneratePurchaseRequirementsInput } from './purchasing.inputs';
import { CandidateOffer, PurchaseRequirement, RunSupplier } from './purchase-requirement.entity';
import { SupplierStatus } from './purchasing.enums';
import { ON_ORDER_SQL } from './status-sql';

/** Days of sales the daily rate is measured over. */
export const SALES_WINDOW_DAYS = 28;
/** Lead time assumed for a product no supplier offers (the requirement then has no suggested supplier). */
export const DEFAULT_LEAD_TIME_DAYS = 7;

/** Requirements a run returns in its answer; the rest are listed by purchaseRequirements. */
export const RETURNED_REQUIREMENTS = 100;

export interface GenerationResult {
  /** The first RETURNED_REQUIREMENTS created, by number. */
  requirements: PurchaseRequirement[];
  created: number;
  /** Stock levels whose figures were computed. */
  considered: number;
}

interface LevelFacts {
  product_id: string;
  warehouse_id: string;
  sku: string;
  warehouse_code: string;
  region: Region;
  on_hand: number;
  reserved: number;
  low_threshold: number;
  high_threshold: number;
  backordered: number;
  sold: number;
  on_order: number;
  open_requirements: number;
}

/** An active offer with its supplier, as the run reads it. */
export interface OfferRow {
  product_id: string;
  supplier_id: string;
  code: string;
  status: SupplierStatus;
  standing: SupplierStanding;
  score: string | null;
  regions: Region[];
  unit_price_fen: number;
  lead_time_days: number;
  min_order_qty: number;
  pack_multiple: number;
}

/**
 * Purchase requirements, computed for every stock level in a few set-based statements: the figures of
 * all levels that may need goods (one query) and, beside it, every active offer (one query), the rules in
 * memory (packages/domain: computeRequirement, rankSuppliers), one insert. Runs are serialised by an
 * advisory lock, so a requirement left open is counted by the next run and never orders twice.
 */
export class RequirementService {
  constructor(
    private readonly ds: DataSource,
    private readonly mutations: Mutations,
  ) {}

  async generate(
    input: GeneratePurchaseRequirementsInput,
    actor: Actor,
  ): Promise<MutationResult<{ result: GenerationResult }>> {
    const invalid = await validateInput(input);
    return this.mutations.run(
      actor,
      { action: 'GENERATE_PURCHASE_REQUIREMENTS', targetType: 'PurchaseRequirement', invalid },
      async (tx) => ({ result: await this.generateIn(tx, input.warehouseCode ?? null) }),
    );
  }

  /** Sets an OPEN requirement aside with a reason; the next run no longer counts it. */
  async dismiss(
    input: DismissPurchaseRequirementInput,
    actor: Actor,
  ): Promise<MutationResult<{ requirement: PurchaseRequirement }>> {
    const invalid = await validateInput(input);
    return this.mutations.run(
      actor,
      { action: 'DISMISS_PURCHASE_REQUIREMENT', targetType: 'PurchaseRequirement', invalid },
      async (tx) => {
        const id = localId(input.requirementId, 'PurchaseRequirement');
        const [row] = id
          ? await tx.m.query(`SELECT id, sku, status FROM purchase_requirement WHERE id = $1 FOR UPDATE`, [id])
          : [];
        if (!row) fail('NOT_FOUND', 'No requirement with this id', ['input', 'requirementId']);
        if (row.status !== 'OPEN')
          fail('REQUIREMENT_NOT_OPEN', `The requirement for ${row.sku} is ${row.status}`, ['input', 'requirementId']);
        await tx.m.query(
          `UPDATE purchase_requirement SET status = 'DISMISSED', dismissed_reason = $2, updated_at = now() WHERE id = $1`,
          [row.id, input.reason.trim()],
        );
        await audit(tx.m, actor, {
          action: 'DISMISS_PURCHASE_REQUIREMENT',
          targetType: 'PurchaseRequirement',
          targetId: row.id,
          outcome: 'SUCCESS',
          details: { sku: row.sku },
        });
        return { requirement: await tx.m.getRepository(PurchaseRequirement).findOneByOrFail({ id: row.id }) };
      },
    );
  }

  async generateIn(tx: Tx, warehouseCode: string | null): Promise<GenerationResult> {
    const { m } = tx;
    // The sales figure groups ~100,000 (product, warehouse) pairs: enough memory to do it in one pass, and
    // no parallel workers, each of which would rebuild that aggregate while the offers are read beside it.
    await m.query(
      `SELECT pg_advisory_xact_lock(hashtextextended('purchase requirements', 0)),
              set_config('work_mem', '64MB', true), set_config('max_parallel_workers_per_gather', '0', true)`,
      [],
    );
    if (warehouseCode) {
      const [w] = await m.query(`SELECT 1 FROM warehouse WHERE code = $1`, [warehouseCode]);
      if (!w) fail('UNKNOWN_WAREHOUSE', `Unknown warehouse ${warehouseCode}`, ['input', 'warehouseCode']);
    }
    const started = performance.now();
    // Offers are reference data: read on a connection of their own while the figures are computed.
    const allOffers: Promise<OfferRow[]> = this.ds.query(OFFERS_SQL);
    allOffers.catch(() => undefined);
    const levels: LevelFacts[] = await m.query(FACTS_SQL, [warehouseCode, SALES_WINDOW_DAYS, DEFAULT_LEAD_TIME_DAYS]);
    const factsMs = performance.now() - started;
    const offers = await allOffers;
    const offersMs = performance.now() - started;
    const offersOf = new Map<string, OfferRow[]>();
    for (const o of offers) {
      const list = offersOf.get(o.product_id);
      if (list) list.push(o);
      else offersOf.set(o.product_id, [o]);
    }

    const rows: {
      level: LevelFacts;
      figures: RequirementFigures;
      best: RankedCandidate | undefined;
      offers: OfferRow[];
    }[] = [];
    for (const l of levels) {
      const offered = offersOf.get(l.product_id) ?? [];
      const ranked = rankSuppliers(offered.map((o) => candidateOf(o, l.region)));
      const best: RankedCandidate | undefined = ranked[0]?.eligible ? ranked[0] : undefined;
      const figures = computeRequirement({
        backordered: l.backordered,
        onHand: l.on_hand,
        reserved: l.reserved,
        lowThreshold: l.low_threshold,
        highThreshold: l.high_threshold,
        dailySales: dailySalesRate(l.sold, SALES_WINDOW_DAYS),
        leadTimeDays: best?.leadTimeDays ?? DEFAULT_LEAD_TIME_DAYS,
        onOrder: l.on_order,
        openRequirements: l.open_requirements,
        minOrderQty: best?.minOrderQty ?? 1,
        packMultiple: best?.packMultiple ?? 1,
      });
      if (figures.quantity > 0 && figures.trigger !== 'NONE') rows.push({ level: l, figures, best, offers: offered });
    }
    const decidedMs = performance.now() - started;
    let requirements: PurchaseRequirement[] = [];
    if (rows.length) {
      const generatedBy = actorLabel(tx.actor) === 'system' ? 'schedule' : actorLabel(tx.actor);
      // The suppliers as this run saw them: each requirement's ranking is recomputed from them and its offers.
      const seen = new Map<string, RunSupplier>();
      for (const o of rows.flatMap((r) => r.offers))
        seen.set(o.supplier_id, {
          id: o.supplier_id,
          code: o.code,
          status: o.status,
          standing: o.standing,
          score: o.score === null ? null : Number(o.score),
          regions: o.regions,
        });
      const [run] = await m.query(
        `INSERT INTO purchase_requirement_run (warehouse_code, suppliers, generated_by) VALUES ($1, $2, $3) RETURNING id`,
        [warehouseCode, JSON.stringify([...seen.values()]), generatedBy],
      );
      // Figures as typed columns and offers as small arrays: a stress run writes ~14,000 rows, and a jsonb
      // document per row (figures and ranked candidates, ~1 KB each) cost seconds to parse and store.
      const col = <T>(f: (r: (typeof rows)[number]) => T) => rows.map(f);
      const ids = (f: (r: (typeof rows)[number]) => string | null) => arrayLiteral(rows.map(f));
      const numbers = (f: (r: (typeof rows)[number]) => number) => arrayLiteral(rows.map(f));
      const inserted: { id: string }[] = await m.query(
        `INSERT INTO purchase_requirement (number, product_id, warehouse_id, sku, warehouse_code, quantity, status, trigger,
                  backordered, on_hand, reserved, low_threshold, high_threshold, daily_sales, lead_time_days, demand_during_lead,
                  on_order, open_requirements, projected, shortfall, min_order_qty, pack_multiple, suggested_supplier_id,
                  candidate_offers, run_id, generated_by)
         SELECT 'PR-' || lpad(nextval('purchase_requirement_number_seq')::text, 6, '0'), d.product_id, d.warehouse_id, d.sku,
                d.warehouse_code, d.quantity, 'OPEN', d.trigger, d.backordered, d.on_hand, d.reserved, d.low, d.high, d.daily,
                d.lead, d.demand, d.on_order, d.open, d.projected, d.shortfall, d.moq, d.pack, d.supplier_id,
                ($22::jsonb) -> (d.n::int - 1), $23, $24
           FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::int[], $6::text[], $7::int[], $8::int[], $9::int[],
                       $10::int[], $11::int[], $12::float8[], $13::int[], $14::int[], $15::int[], $16::int[], $17::int[],
                       $18::int[], $19::int[], $20::int[], $21::uuid[])
                WITH ORDINALITY AS d(product_id, warehouse_id, sku, warehouse_code, quantity, trigger, backordered, on_hand,
                                     reserved, low, high, daily, lead, demand, on_order, open, projected, shortfall, moq, pack,
                                     supplier_id, n)
         RETURNING id`,
        [
          ids((r) => r.level.product_id),
          ids((r) => r.level.warehouse_id),
          col((r) => r.level.sku),
          col((r) => r.level.warehouse_code),
          numbers((r) => r.figures.quantity),
          col((r) => r.figures.trigger),
          numbers((r) => r.figures.backordered),
          numbers((r) => r.figures.onHand),
          numbers((r) => r.figures.reserved),
          numbers((r) => r.figures.lowThreshold),
          numbers((r) => r.figures.highThreshold),
          numbers((r) => r.figures.dailySales),
          numbers((r) => r.figures.leadTimeDays),
          numbers((r) => r.figures.demandDuringLead),
          numbers((r) => r.figures.onOrder),
          numbers((r) => r.figures.openRequirements),
          numbers((r) => r.figures.projected),
          numbers((r) => r.figures.shortfall),
          numbers((r) => r.figures.minOrderQty),
          numbers((r) => r.figures.packMultiple),
          ids((r) => r.best?.supplierId ?? null),
          JSON.stringify(
            col((r): CandidateOffer[] =>
              r.offers.map((o) => [
                o.supplier_id,
                o.unit_price_fen,
                o.lead_time_days,
                o.min_order_qty,
                o.pack_multiple,
              ]),
            ),
          ),
          run.id,
          generatedBy,
        ],
      );
      requirements = await m
        .getRepository(PurchaseRequirement)
        .createQueryBuilder('r')
        .where('r.id = ANY(:ids)', { ids: inserted.slice(0, RETURNED_REQUIREMENTS).map((r) => r.id) })
        .orderBy('r.number')
        .getMany();
    }
    logger.info(
      {
        warehouseCode,
        considered: levels.length,
        created: rows.length,
        factsMs: Math.round(factsMs),
        offersMs: Math.round(offersMs),
        decidedMs: Math.round(decidedMs),
        writtenMs: Math.round(performance.now() - started),
      },
      'purchase requirements computed',
    );
    await audit(m, tx.actor, {
      action: 'GENERATE_PURCHASE_REQUIREMENTS',
      targetType: 'PurchaseRequirement',
      outcome: 'SUCCESS',
      details: { warehouseCode, considered: levels.length, created: rows.length },
    });
    return { requirements, created: rows.length, considered: levels.length };
  }
}

/** An offer as the ranking sees it, for a destination in `region`. */
export function candidateOf(o: OfferRow, region: Region): SupplierCandidate {
  return {
    supplierId: o.supplier_id,
    supplierCode: o.code,
    status: o.status,
    standing: o.standing,
    score: o.score === null ? null : Number(o.score),
    unitPriceFen: o.unit_price_fen,
    leadTimeDays: o.lead_time_days,
    deliversToRegion: o.regions.includes(region),
    minOrderQty: o.min_order_qty,
    packMultiple: o.pack_multiple,
  };
}

/*
 * The figures of every stock level that may need goods. Backorders wait for a product in the
 * warehouse that serves their delivery region (the first WAREHOUSE there by code; a region without
 * one counts nowhere); sales are allocations of the last $2 days; on order is what open purchase
 * order lines still expect; open requirements are counted so they never order twice. The final
 * filter keeps levels with backorders or whose stock could fall below the low threshold within the
 * longest lead time of any offer (or $3 days): a superset of those the rules then decide on.
 */
const FACTS_SQL = `
WITH lv AS (
  SELECT sl.product_id, sl.warehouse_id, sl.sku, sl.warehouse_code, w.region, sl.on_hand, sl.reserved,
         sl.low_threshold, sl.high_threshold
    FROM stock_level sl JOIN warehouse w ON w.id = sl.warehouse_id
   WHERE $1::text IS NULL OR sl.warehouse_code = $1
),
region_warehouse AS (
  SELECT DISTINCT ON (region) region, id AS warehouse_id FROM warehouse WHERE kind = 'WAREHOUSE' ORDER BY region, code
),
backorders AS (
  SELECT l.product_id, rw.warehouse_id, sum(l.quantity)::int AS units
    FROM orders o JOIN order_line l ON l.order_id = o.id JOIN region_warehouse rw ON rw.region = o.delivery_region
   WHERE o.status = 'BACKORDERED'
   GROUP BY 1, 2
),
sales AS (
  SELECT a.product_id, a.warehouse_id, sum(a.quantity)::int AS units
    FROM order_allocation a
   WHERE a.created_at > now() - make_interval(days => $2)
   GROUP BY 1, 2
),
on_order AS (
  SELECT pl.product_id, p.warehouse_id, sum(greatest(pl.quantity - pl.accepted_qty, 0))::int AS units
    FROM purchase_order p JOIN purchase_order_line pl ON pl.purchase_order_id = p.id
   WHERE p.status IN (${ON_ORDER_SQL})
   GROUP BY 1, 2
),
open_requirements AS (
  SELECT product_id, warehouse_id, sum(quantity)::int AS units
    FROM purchase_requirement WHERE status = 'OPEN' GROUP BY 1, 2
),
lead AS (
  SELECT product_id, max(lead_time_days) AS days FROM supplier_offer WHERE active GROUP BY 1
)
SELECT lv.*, coalesce(b.units, 0) AS backordered, coalesce(s.units, 0) AS sold, coalesce(oo.units, 0) AS on_order,
       coalesce(r.units, 0) AS open_requirements
  FROM lv
  LEFT JOIN backorders b ON b.product_id = lv.product_id AND b.warehouse_id = lv.warehouse_id
  LEFT JOIN sales s ON s.product_id = lv.product_id AND s.warehouse_id = lv.warehouse_id
  LEFT JOIN on_order oo ON oo.product_id = lv.product_id AND oo.warehouse_id = lv.warehouse_id
  LEFT JOIN open_requirements r ON r.product_id = lv.product_id AND r.warehouse_id = lv.warehouse_id
  LEFT JOIN lead ON lead.product_id = lv.product_id
 WHERE coalesce(b.units, 0) > 0
    OR lv.on_hand - lv.reserved - ceil(coalesce(s.units, 0)::numeric / $2 * coalesce(lead.days, $3))
       + coalesce(oo.units, 0) + coalesce(r.units, 0) < lv.low_threshold
 ORDER BY lv.warehouse_code, lv.sku`;

const OFFERS_SQL = `
SELECT o.product_id, o.supplier_id, s.code, s.status, s.standing, s.score::text AS score, s.regions, o.unit_price_fen,
       o.lead_time_days, o.min_order_qty, o.pack_multiple
  FROM supplier_offer o JOIN supplier s ON s.id = o.supplier_id
 WHERE o.active
 ORDER BY o.product_id, s.code`;
