/**
 * Allocation: which warehouse ships how much of each line. Warehouses in the delivery region come
 * first; within a group a warehouse that can fill the whole line beats one that cannot (fewer
 * splits), then the one with more available, then the code (so the result is deterministic).
 */
export interface StockCandidate {
  stockLevelId: string;
  productId: string;
  warehouseId: string;
  warehouseCode: string;
  warehouseRegion: string;
  available: number;
}

export interface LineRequest {
  lineNo: number;
  productId: string;
  quantity: number;
}

export interface Allocation {
  lineNo: number;
  productId: string;
  stockLevelId: string;
  warehouseId: string;
  quantity: number;
}

export interface Shortage {
  lineNo: number;
  productId: string;
  requested: number;
  available: number;
}

export interface AllocationResult {
  allocations: Allocation[];
  shortages: Shortage[];
}

export function allocate(
  lines: readonly LineRequest[],
  candidates: readonly StockCandidate[],
  region: string,
): AllocationResult {
  const remaining = new Map(candidates.map((c) => [c.stockLevelId, Math.max(0, c.available)]));
  const allocations: Allocation[] = [];
  const shortages: Shortage[] = [];

  for (const line of lines) {
    const options = candidates.filter((c) => c.productId === line.productId);
    const free = (c: StockCandidate) => remaining.get(c.stockLevelId) ?? 0;
    const totalFree = options.reduce((sum, c) => sum + free(c), 0);
    if (totalFree < line.quantity) {
      shortages.push({
        lineNo: line.lineNo,
        productId: line.productId,
        requested: line.quantity,
        available: totalFree,
      });
      continue;
    }
    const ranked = [...options].sort(
      (a, b) =>
        Number(b.warehouseRegion === region) - Number(a.warehouseRegion === region) ||
        Number(free(b) >= line.quantity) - Number(free(a) >= line.quantity) ||
        free(b) - free(a) ||
        a.warehouseCode.localeCompare(b.warehouseCode),
    );
    let needed = line.quantity;
    for (const c of ranked) {
      if (needed === 0) break;
      const take = Math.min(needed, free(c));
      if (take === 0) continue;
      remaining.set(c.stockLevelId, free(c) - take);
      allocations.push({
        lineNo: line.lineNo,
        productId: line.productId,
        stockLevelId: c.stockLevelId,
        warehouseId: c.warehouseId,
        quantity: take,
      });
      needed -= take;
    }
  }
  return { allocations, shortages };
}

/** Stock held for an order line at one warehouse: reserved, then shipped, or released. */
export const ALLOCATION_STATUSES = ['RESERVED', 'SHIPPED', 'RELEASED', 'WRITTEN_OFF'] as const;
export type AllocationStatus = (typeof ALLOCATION_STATUSES)[number];
