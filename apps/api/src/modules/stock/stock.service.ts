import { DataSource, EntityManager } from 'typeorm';
import { MANUAL_MOVEMENT_REASONS } from '@fulfilment/domain';
import { Actor } from '../../common/actor';
import { audit } from '../../common/audit';
import { filterText, paginate } from '../../common/connection';
import { MutationResult, Mutations, Tx } from '../../common/mutation';
import { fail, userError } from '../../common/user-error';
import { validateInput } from '../../common/validation';
import { StockLevel } from './stock-level.entity';
import { StockMovement } from './stock-movement.entity';
import { AdjustStockInput, SetBinLocationInput, StockLevelFilter } from './stock.inputs';
import { StockRepository } from './stock.repository';

export type AdjustResult = MutationResult<{ stockLevel: StockLevel; movement: StockMovement | null }>;

/** Stock levels and their ledger: manual adjustments and the lists. Reservations: reservation.service.ts. */
export class StockService {
  constructor(
    private readonly ds: DataSource,
    private readonly mutations: Mutations,
    private readonly repo: StockRepository,
  ) {}

  async adjustStock(input: AdjustStockInput, actor: Actor): Promise<AdjustResult> {
    const invalid = await validateInput(input);
    if ((input.delta == null) === (input.countedQuantity == null)) {
      invalid.push(userError('INVALID_INPUT', 'Give exactly one of delta or countedQuantity', ['input']));
    }
    if (input.delta === 0) invalid.push(userError('INVALID_QUANTITY', 'delta must not be zero', ['input', 'delta']));
    if (!MANUAL_MOVEMENT_REASONS.includes(input.reason)) {
      invalid.push(
        userError('INVALID_INPUT', `reason must be one of ${MANUAL_MOVEMENT_REASONS.join(', ')}`, ['input', 'reason']),
      );
    }
    return this.mutations.run(actor, { action: 'ADJUST_STOCK', targetType: 'StockLevel', invalid }, async (tx) => {
      const { m } = tx;
      const found: { id: string }[] = await m.query(
        `SELECT sl.id FROM stock_level sl WHERE sl.sku = $1 AND sl.warehouse_code = $2`,
        [input.sku, input.warehouseCode],
      );
      if (found.length === 0) await this.explainMissingLevel(m, input);
      const level = (await this.repo.lockLevels(m, [found[0].id])).get(found[0].id)!;
      const delta = input.delta ?? input.countedQuantity! - level.onHand;
      if (delta === 0) {
        await audit(m, actor, {
          action: 'ADJUST_STOCK',
          targetType: 'StockLevel',
          targetId: level.id,
          outcome: 'SUCCESS',
          details: { delta: 0, counted: input.countedQuantity },
        });
        return { stockLevel: level, movement: null };
      }
      if (level.onHand + delta < 0)
        fail('INVALID_QUANTITY', `Only ${level.onHand} on hand; cannot remove ${-delta}`, ['input', 'delta']);
      if (level.onHand + delta < level.reserved) {
        fail(
          'BELOW_RESERVED',
          `${level.reserved} units are reserved for orders; on hand cannot drop to ${level.onHand + delta}. Cancel or re-allocate those orders first.`,
          ['input', input.delta == null ? 'countedQuantity' : 'delta'],
        );
      }
      const reason = input.countedQuantity != null && input.reason === 'RECEIPT' ? 'COUNT_ADJUSTMENT' : input.reason;
      const [movement] = await this.repo.apply(
        m,
        [{ level, reason, onHandDelta: delta, reservedDelta: 0, reference: null, note: input.note ?? null }],
        actor,
      );
      if (delta > 0) await tx.emit('STOCK_ADDED', { productIds: [level.productId] });
      const stockLevel = await m.getRepository(StockLevel).findOneByOrFail({ id: level.id });
      await audit(m, actor, {
        action: 'ADJUST_STOCK',
        targetType: 'StockLevel',
        targetId: level.id,
        outcome: 'SUCCESS',
        details: { delta, reason, movementId: movement.id },
      });
      return { stockLevel, movement };
    });
  }

  /** Sets (or clears) the bin a stock level sits in; receipts, counts and pick lists keep and use it. */
  async setBinLocation(input: SetBinLocationInput, actor: Actor): Promise<MutationResult<{ stockLevel: StockLevel }>> {
    const invalid = await validateInput(input);
    return this.mutations.run(actor, { action: 'SET_BIN_LOCATION', targetType: 'StockLevel', invalid }, async (tx) => {
      const { m } = tx;
      const [row]: { id: string }[] = await m.query(
        `WITH u AS (UPDATE stock_level SET bin_location = $3 WHERE sku = $1 AND warehouse_code = $2 RETURNING id)
         SELECT id FROM u`,
        [input.sku, input.warehouseCode, input.binLocation ?? null],
      );
      if (!row) await this.explainMissingLevel(m, input);
      await audit(m, actor, {
        action: 'SET_BIN_LOCATION',
        targetType: 'StockLevel',
        targetId: row.id,
        outcome: 'SUCCESS',
        details: { sku: input.sku, warehouseCode: input.warehouseCode, binLocation: input.binLocation ?? null },
      });
      return { stockLevel: await m.getRepository(StockLevel).findOneByOrFail({ id: row.id }) };
    });
  }

  /**
   * Goods received into a warehouse (purchasing's goods receipts; returns restocked): RECEIPT (or RETURN) movements
   * referencing `reference`, in the caller's transaction, then waiting backorders of those products are
   * allocated first (the order module's handler of STOCK_ADDED). Returns the orders released, in order.
   * Every product must have a stock level in the warehouse.
   */
  async receive(
    tx: Tx,
    warehouseId: string,
    lines: readonly { productId: string; quantity: number }[],
    reference: string,
    note: string | null,
    reason: 'RECEIPT' | 'RETURN' = 'RECEIPT',
  ): Promise<{ movements: StockMovement[]; released: string[] }> {
    const wanted = lines.filter((l) => l.quantity > 0);
    if (wanted.length === 0) return { movements: [], released: [] };
    const rows: { id: string; product_id: string }[] = await tx.m.query(
      `SELECT id, product_id FROM stock_level WHERE warehouse_id = $1 AND product_id = ANY($2::uuid[])`,
      [warehouseId, [...new Set(wanted.map((l) => l.productId))]],
    );
    const levelOf = new Map(rows.map((r) => [r.product_id, r.id]));
    const locked = await this.repo.lockLevels(
      tx.m,
      rows.map((r) => r.id),
    );
    const movements = await this.repo.apply(
      tx.m,
      wanted.map((l) => {
        const level = locked.get(levelOf.get(l.productId) ?? '');
        if (!level) throw new Error(`no stock level of product ${l.productId} in warehouse ${warehouseId}`);
        return { level, reason, onHandDelta: l.quantity, reservedDelta: 0, reference, note };
      }),
      tx.actor,
    );
    const released: string[] = [];
    await tx.emit('STOCK_ADDED', { productIds: [...levelOf.keys()], released });
    return { movements, released };
  }

  private async explainMissingLevel(m: EntityManager, input: { sku: string; warehouseCode: string }): Promise<never> {
    const [p]: unknown[] = await m.query(`SELECT 1 FROM product WHERE sku = $1`, [input.sku]);
    if (!p) fail('UNKNOWN_SKU', `Unknown SKU ${input.sku}`, ['input', 'sku']);
    const [w]: unknown[] = await m.query(`SELECT 1 FROM warehouse WHERE code = $1`, [input.warehouseCode]);
    if (!w) fail('UNKNOWN_WAREHOUSE', `Unknown warehouse ${input.warehouseCode}`, ['input', 'warehouseCode']);
    return fail('NOT_FOUND', `${input.warehouseCode} does not stock ${input.sku}`, ['input', 'sku']);
  }

  listLevels(filter: StockLevelFilter, page: { first?: number; after?: string }) {
    const qb = this.ds.getRepository(StockLevel).createQueryBuilder('sl');
    const sku = filterText(filter.sku, 'sku', 64);
    if (sku) qb.andWhere('sl.sku = :sku', { sku });
    const warehouseCode = filterText(filter.warehouseCode, 'warehouseCode', 32);
    if (warehouseCode) qb.andWhere('sl.warehouse_code = :wc', { wc: warehouseCode });
    if (filter.belowThreshold) qb.andWhere('sl.below_threshold');
    return paginate(
      qb,
      {
        columns: ['sl.sku', 'sl.warehouseCode'],
        kinds: ['text', 'text'],
        direction: 'ASC',
        values: (l) => [l.sku, l.warehouseCode],
      },
      page,
    );
  }

  listMovements(stockLevelId: string, page: { first?: number; after?: string }) {
    const qb = this.ds
      .getRepository(StockMovement)
      .createQueryBuilder('mv')
      .where('mv.stock_level_id = :id', { id: stockLevelId });
    return paginate(qb, { columns: ['mv.id'], kinds: ['bigint'], direction: 'DESC', values: (mv) => [mv.id] }, page);
  }
}
