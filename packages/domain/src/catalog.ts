/** A warehouse, or a delivery station that also holds stock. */
export const WAREHOUSE_KINDS = ['WAREHOUSE', 'STATION'] as const;
export type WarehouseKind = (typeof WAREHOUSE_KINDS)[number];

/** Handling a product needs when it is packed and carried. */
export const PACKAGING_NEEDS = [
  'FRAGILE',
  'MOISTURE_SENSITIVE',
  'PERISHABLE',
  'COLD_CHAIN',
  'HEAVY',
  'LIQUID',
] as const;
export type PackagingNeed = (typeof PACKAGING_NEEDS)[number];
