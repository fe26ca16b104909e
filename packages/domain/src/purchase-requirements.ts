/** The figures a purchase requirement is computed from, for one product in one warehouse. */
export interface RequirementInput {
  /** Units customers are waiting for (open backorder quantity). */
  backordered: number;
  onHand: number;
  reserved: number;
  lowThreshold: number;
  highThreshold: number;
  /** Recent units sold per day (see `dailySalesRate`); the only input that may be fractional. */
  dailySales: number;
  leadTimeDays: number;
  /** Outstanding quantity on purchase orders in an open status (`OPEN_PURCHASE_ORDER_STATUSES`). */
  onOrder: number;
  /** Quantity of requirements already raised and not yet ordered or dismissed. */
  openRequirements: number;
  minOrderQty: number;
  packMultiple: number;
}

/** The inputs plus what was derived from them: stored on the requirement so a user can see why it exists. */
export interface RequirementFigures extends RequirementInput {
  available: number;
  demandDuringLead: number;
  projected: number;
  shortfall: number;
  quantity: number;
  trigger: 'BACKORDER' | 'BELOW_LOW' | 'NONE';
}

const WHOLE_INPUTS = [
  'backordered',
  'onHand',
  'reserved',
  'lowThreshold',
  'highThreshold',
  'leadTimeDays',
  'onOrder',
  'openRequirements',
  'minOrderQty',
  'packMultiple',
] as const satisfies readonly (keyof RequirementInput)[];

/**
 * A shortfall rounded to what can be ordered: the larger of it and the minimum order quantity, rounded
 * up to a whole number of packs (so an MOQ that is not a pack multiple still yields full packs);
 * 0 for no shortfall. A pack multiple of 0 means units are sold singly.
 */
export function orderQuantity(shortfall: number, minOrderQty: number, packMultiple: number): number {
  if (shortfall <= 0) return 0;
  const pack = Math.max(1, packMultiple);
  return Math.ceil(Math.max(shortfall, minOrderQty) / pack) * pack;
}

/**
 * What to order for one product in one warehouse, as a min/max rule over the projected stock at the end
 * of the supplier's lead time:
 * - available = onHand − reserved; demandDuringLead = ⌈dailySales × leadTimeDays⌉;
 * - projected = available − demandDuringLead + onOrder + openRequirements − backordered, so stock already
 *   on order or already requested is never ordered twice;
 * - a need exists when something is backordered or projected < low; it refills to the high threshold:
 *   shortfall = max(0, target − projected) with target = max(high, low) (a high set at or below low is
 *   a misconfiguration, read as "refill to low" rather than as "order nothing");
 * - quantity = `orderQuantity(shortfall, minOrderQty, packMultiple)`;
 * - trigger names why a quantity is ordered: BACKORDER when customers wait, BELOW_LOW otherwise, and NONE
 *   when nothing needs ordering (including backorders already covered by stock on order).
 * Throws RangeError for negative, non-finite or (except dailySales) fractional inputs.
 */
export function computeRequirement(i: RequirementInput): RequirementFigures {
  for (const k of WHOLE_INPUTS) {
    if (!Number.isInteger(i[k]) || i[k] < 0) throw new RangeError(`${k} must be a whole number ≥ 0, got ${i[k]}`);
  }
  if (!Number.isFinite(i.dailySales) || i.dailySales < 0)
    throw new RangeError(`dailySales must be a number ≥ 0, got ${i.dailySales}`);

  const available = i.onHand - i.reserved;
  // The epsilon keeps float noise (0.1 × 30 = 3.0000000000000004) from ordering one more unit.
  const demandDuringLead = Math.max(0, Math.ceil(i.dailySales * i.leadTimeDays - 1e-9));
  const projected = available - demandDuringLead + i.onOrder + i.openRequirements - i.backordered;
  const need = i.backordered > 0 || projected < i.lowThreshold;
  const target = Math.max(i.highThreshold, i.lowThreshold);
  const shortfall = need ? Math.max(0, target - projected) : 0;
  const quantity = orderQuantity(shortfall, i.minOrderQty, i.packMultiple);
  const trigger = quantity === 0 ? 'NONE' : i.backordered > 0 ? 'BACKORDER' : 'BELOW_LOW';
  // Spelled out rather than `{ ...i, … }`: V8 builds a 17-property spread ~100× slower, and a run computes
  // one per stock level (bench 9).
  return {
    backordered: i.backordered,
    onHand: i.onHand,
    reserved: i.reserved,
    lowThreshold: i.lowThreshold,
    highThreshold: i.highThreshold,
    dailySales: i.dailySales,
    leadTimeDays: i.leadTimeDays,
    onOrder: i.onOrder,
    openRequirements: i.openRequirements,
    minOrderQty: i.minOrderQty,
    packMultiple: i.packMultiple,
    available,
    demandDuringLead,
    projected,
    shortfall,
    quantity,
    trigger,
  };
}

/** Units sold per day over a window of `days` days; 0 for an empty window. */
export function dailySalesRate(unitsSold: number, days: number): number {
  return days > 0 ? unitsSold / days : 0;
}
