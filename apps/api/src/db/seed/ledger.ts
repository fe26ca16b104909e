import type { MovementReason, StockCandidate } from '@fulfilment/domain';
import { MovementSeed, StockLevelSeed } from './model';

export interface StockChange {
  reason: MovementReason;
  onHandDelta: number;
  reservedDelta: number;
  actor: string;
  reference?: string | null;
  note?: string | null;
}

/**
 * Stock levels and their movement ledger in memory. Every change goes through `change`, which keeps
 * the running on-hand/reserved values on each movement exactly as the stock service writes them.
 */
export class StockLedger {
  readonly movements: MovementSeed[] = [];
  private readonly byId: Map<string, StockLevelSeed>;
  private readonly byProduct = new Map<string, StockLevelSeed[]>();
  /** Called whenever a change leaves fewer units available than before. */
  onAvailableDropped: (level: StockLevelSeed, at: number) => void = () => undefined;

  constructor(readonly levels: readonly StockLevelSeed[]) {
    this.byId = new Map(levels.map((l) => [l.id, l]));
    for (const level of levels) {
      const list = this.byProduct.get(level.product.id) ?? [];
      list.push(level);
      this.byProduct.set(level.product.id, list);
    }
  }

  level(id: string): StockLevelSeed {
    const level = this.byId.get(id);
    if (!level) throw new Error(`unknown stock level ${id}`);
    return level;
  }

  levelsOf(productId: string): readonly StockLevelSeed[] {
    return this.byProduct.get(productId) ?? [];
  }

  candidates(productIds: readonly string[]): StockCandidate[] {
    return [...new Set(productIds)].flatMap((id) =>
      this.levelsOf(id).map((l) => ({
        stockLevelId: l.id,
        productId: l.product.id,
        warehouseId: l.warehouse.id,
        warehouseCode: l.warehouse.code,
        warehouseRegion: l.warehouse.region,
        available: available(l),
      })),
    );
  }

  change(level: StockLevelSeed, at: number, c: StockChange): MovementSeed {
    const before = available(level);
    level.onHand += c.onHandDelta;
    level.reserved += c.reservedDelta;
    if (level.reserved < 0 || level.reserved > level.onHand) {
      throw new Error(
        `${level.product.sku}@${level.warehouse.code}: ${c.reason} leaves reserved ${level.reserved} of ${level.onHand}`,
      );
    }
    if (at < level.updatedAt)
      throw new Error(`${level.product.sku}@${level.warehouse.code}: movement before the previous one`);
    level.updatedAt = at;
    const movement: MovementSeed = {
      level,
      reason: c.reason,
      onHandDelta: c.onHandDelta,
      reservedDelta: c.reservedDelta,
      onHandAfter: level.onHand,
      reservedAfter: level.reserved,
      reference: c.reference ?? null,
      note: c.note ?? null,
      actor: c.actor,
      at,
    };
    this.movements.push(movement);
    if (available(level) < before) this.onAvailableDropped(level, at);
    return movement;
  }
}

export function available(level: StockLevelSeed): number {
  return level.onHand - level.reserved;
}
