/** Stock level status, from what is available against the product's thresholds in that warehouse. */
export const STOCK_STATUSES = ['OUT_OF_STOCK', 'LOW', 'NORMAL', 'OVERSTOCK'] as const;
export type StockStatus = (typeof STOCK_STATUSES)[number];

export function stockStatus(available: number, lowThreshold: number, highThreshold: number): StockStatus {
  if (available <= 0) return 'OUT_OF_STOCK';
  if (available <= lowThreshold) return 'LOW';
  if (available >= highThreshold) return 'OVERSTOCK';
  return 'NORMAL';
}

/** The status a change moved into, when it crossed a threshold; null when the status did not change. */
export function crossedThreshold(
  before: number,
  after: number,
  lowThreshold: number,
  highThreshold: number,
): StockStatus | null {
  const from = stockStatus(before, lowThreshold, highThreshold);
  const to = stockStatus(after, lowThreshold, highThreshold);
  return from === to ? null : to;
}

export const MOVEMENT_REASONS = [
  'RECEIPT',
  'RESERVATION',
  'RELEASE',
  'SHIPMENT',
  'COUNT_ADJUSTMENT',
  'RETURN',
  'DAMAGE',
  'CORRECTION',
] as const;
export type MovementReason = (typeof MOVEMENT_REASONS)[number];

/** Reasons a person may give for an adjustment; reservations, releases and shipments come from orders. */
export const MANUAL_MOVEMENT_REASONS: readonly MovementReason[] = [
  'RECEIPT',
  'COUNT_ADJUSTMENT',
  'DAMAGE',
  'RETURN',
  'CORRECTION',
];
