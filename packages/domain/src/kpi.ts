/** Operations KPIs and their targets (domain brief, section 6). */
export const KPI_TARGETS = {
  onTimeDeliveryRate: 0.95,
  orderErrorRate: 0.01,
  customerSatisfaction: 0.9,
} as const;

/** A share in [0, 1], or null when there is nothing to measure yet. */
export function rate(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

export function meetsTarget(kpi: keyof typeof KPI_TARGETS, value: number | null): boolean | null {
  if (value === null) return null;
  return kpi === 'orderErrorRate' ? value < KPI_TARGETS[kpi] : value >= KPI_TARGETS[kpi];
}
