import { EntityManager, In } from 'typeorm';
import { allocate, Allocation, Region } from '@fulfilment/domain';
import type { Tx } from '../../common/mutation';
import { UserFailure, userError } from '../../common/user-error';
import { WriteBatch } from '../../common/write-batch';
import { OrderAllocation } from '../order/order-allocation.entity';
import type { Product } from '../product/product.entity';
import { LockedLevel, StockChange, StockRepository } from './stock.repository';

/** A line to reserve stock for. */
export interface LineDraft {
  lineNo: number;
  product: Product;
  quantity: number;
}

/** Whose stock is reserved: an order, by its id and number (the ledger's reference). */
export interface Reserver {
  id: string;
  number: string;
  region: Region;
  allowBackorder: boolean;
}

/**
 * Stock reserved for orders: reservations (region first, split across warehouses), their release and
 * their shipment, each recorded in order_allocation and the movement ledger.
 */
export class ReservationService {
  constructor(private readonly repo: StockRepository) {}

  /**
   * Locks every stock level of these products, in id order: a change that releases some levels and
   * reserves others takes all its locks in one go, like placing an order does.
   */
  lockProducts(m: EntityManager, productIds: string[]): Promise<LockedLevel[]> {
    return this.repo.lockLevelsOfProducts(m, productIds);
  }

  /**
   * Reserves every line, or nothing. Short stock returns false when the order allows backorders and
   * otherwise fails the whole transaction with OUT_OF_STOCK naming the short lines. The writes join
   * `batch` (levels, ledger, allocations), which the caller runs.
   */
  async reserve(
    tx: Tx,
    order: Reserver,
    drafts: LineDraft[],
    batch: WriteBatch,
    locked?: LockedLevel[],
  ): Promise<boolean> {
    const levels =
      locked ??
      (await this.repo.lockLevelsOfProducts(
        tx.m,
        drafts.map((d) => d.product.id),
      ));
    const result = allocate(
      drafts.map((d) => ({ lineNo: d.lineNo, productId: d.product.id, quantity: d.quantity })),
      levels,
      order.region,
    );
    if (result.shortages.length) {
      if (order.allowBackorder) return false;
      throw new UserFailure(
        result.shortages.map((s) => {
          const d = drafts.find((x) => x.lineNo === s.lineNo)!;
          return userError(
            'OUT_OF_STOCK',
            `Only ${s.available} of ${d.product.sku} available, ${s.requested} ordered`,
            ['input', 'lines', s.lineNo - 1, 'quantity'],
          );
        }),
      );
    }
    const byLevel = new Map(levels.map((l) => [l.stockLevelId, l.level]));
    this.repo.stage(
      batch,
      result.allocations.map((a) => ({
        level: byLevel.get(a.stockLevelId)!,
        reason: 'RESERVATION',
        onHandDelta: 0,
        reservedDelta: a.quantity,
        reference: order.number,
      })),
      tx.actor,
    );
    batch.add(
      'allocations',
      `INSERT INTO order_allocation (order_id, line_no, product_id, sku, warehouse_id, stock_level_id, quantity, status)
       SELECT $1, d.*, 'RESERVED' FROM unnest($2::int[], $3::uuid[], $4::text[], $5::uuid[], $6::uuid[], $7::int[]) AS d`,
      [
        order.id,
        result.allocations.map((a) => a.lineNo),
        result.allocations.map((a) => a.productId),
        result.allocations.map((a) => drafts.find((d) => d.lineNo === a.lineNo)!.product.sku),
        result.allocations.map((a) => a.warehouseId),
        result.allocations.map((a) => a.stockLevelId),
        result.allocations.map((a) => a.quantity),
      ],
    );
    return true;
  }

  /**
   * Reserves for several orders in turn, all or nothing per order, against levels the caller locked
   * (`levels`, every level of every product involved): each order sees what the earlier ones took, and
   * the writes of all of them join `batch` as one set of parts. Orders that are short are left out
   * (they must allow backorders). Returns the ids of the orders reserved for, in order.
   */
  reserveMany(
    tx: Tx,
    orders: readonly { order: Reserver; drafts: LineDraft[] }[],
    levels: readonly LockedLevel[],
    batch: WriteBatch,
  ): string[] {
    const taken = new Map<string, number>();
    const byLevel = new Map(levels.map((l) => [l.stockLevelId, l.level]));
    const changes: StockChange[] = [];
    const rows: { orderId: string; a: Allocation; sku: string }[] = [];
    const reserved: string[] = [];
    for (const { order, drafts } of orders) {
      const current = levels.map((l) => ({ ...l, available: l.available - (taken.get(l.stockLevelId) ?? 0) }));
      const result = allocate(
        drafts.map((d) => ({ lineNo: d.lineNo, productId: d.product.id, quantity: d.quantity })),
        current,
        order.region,
      );
      if (result.shortages.length) continue;
      for (const a of result.allocations) {
        taken.set(a.stockLevelId, (taken.get(a.stockLevelId) ?? 0) + a.quantity);
        changes.push({
          level: byLevel.get(a.stockLevelId)!,
          reason: 'RESERVATION',
          onHandDelta: 0,
          reservedDelta: a.quantity,
          reference: order.number,
        });
        rows.push({ orderId: order.id, a, sku: drafts.find((d) => d.lineNo === a.lineNo)!.product.sku });
      }
      reserved.push(order.id);
    }
    if (reserved.length === 0) return [];
    this.repo.stage(batch, changes, tx.actor);
    batch.add(
      'allocations',
      `INSERT INTO order_allocation (order_id, line_no, product_id, sku, warehouse_id, stock_level_id, quantity, status)
       SELECT d.*, 'RESERVED' FROM unnest($1::uuid[], $2::int[], $3::uuid[], $4::text[], $5::uuid[], $6::uuid[], $7::int[]) AS d`,
      [
        rows.map((r) => r.orderId),
        rows.map((r) => r.a.lineNo),
        rows.map((r) => r.a.productId),
        rows.map((r) => r.sku),
        rows.map((r) => r.a.warehouseId),
        rows.map((r) => r.a.stockLevelId),
        rows.map((r) => r.a.quantity),
      ],
    );
    return reserved;
  }

  hasReservations(m: EntityManager, orderId: string): Promise<boolean> {
    return m.getRepository(OrderAllocation).existsBy({ orderId, status: 'RESERVED' });
  }

  /** Gives back every reservation the order holds. */
  release(tx: Tx, order: Reserver): Promise<void> {
    return this.settle(tx, order, 'RELEASED');
  }

  /** The order's reserved goods leave the warehouse: on hand and reserved both fall, allocations are SHIPPED. */
  ship(tx: Tx, order: Reserver): Promise<void> {
    return this.settle(tx, order, 'SHIPPED');
  }

  /** Like ship(), for some of the order's allocations: one warehouse's part leaving on its own. */
  shipAllocations(tx: Tx, order: Reserver, allocationIds: string[]): Promise<void> {
    return this.settle(tx, order, 'SHIPPED', allocationIds);
  }

  /**
   * Reserved units that turned out not to exist (not found in the bin, or damaged) leave the books:
   * on hand and reserved both fall by them, with a COUNT_ADJUSTMENT or DAMAGE movement referencing
   * `reference`, and the allocation keeps only the rest (the written-off units stay on record as a
   * WRITTEN_OFF allocation row).
   */
  async writeOff(
    tx: Tx,
    order: Reserver,
    items: { allocationId: string; quantity: number; reason: 'COUNT_ADJUSTMENT' | 'DAMAGE'; note: string }[],
    reference: string,
  ): Promise<void> {
    const lost = items.filter((i) => i.quantity > 0);
    if (lost.length === 0) return;
    const held = await tx.m
      .getRepository(OrderAllocation)
      .findBy({ id: In(lost.map((i) => i.allocationId)), orderId: order.id, status: 'RESERVED' });
    const byId = new Map(held.map((a) => [a.id, a]));
    const levels = await this.repo.lockLevels(
      tx.m,
      held.map((a) => a.stockLevelId),
    );
    const changes: StockChange[] = [];
    for (const i of lost) {
      const a = byId.get(i.allocationId);
      if (!a || i.quantity > a.quantity)
        throw new Error(`allocation ${i.allocationId} does not hold ${i.quantity} units`);
      changes.push({
        level: levels.get(a.stockLevelId)!,
        reason: i.reason,
        onHandDelta: -i.quantity,
        reservedDelta: -i.quantity,
        reference,
        note: i.note,
      });
    }
    await this.repo.apply(tx.m, changes, tx.actor);
    await tx.m.query(
      `WITH d AS (SELECT * FROM unnest($1::uuid[], $2::int[]) AS d(id, lost)),
            kept AS (UPDATE order_allocation a SET quantity = a.quantity - d.lost FROM d
                      WHERE a.id = d.id AND a.quantity > d.lost RETURNING a.id),
            gone AS (UPDATE order_allocation a SET status = 'WRITTEN_OFF' FROM d
                      WHERE a.id = d.id AND a.quantity = d.lost RETURNING a.id)
       INSERT INTO order_allocation (order_id, line_no, product_id, sku, warehouse_id, stock_level_id, quantity, status)
       SELECT a.order_id, a.line_no, a.product_id, a.sku, a.warehouse_id, a.stock_level_id, d.lost, 'WRITTEN_OFF'
         FROM d JOIN order_allocation a ON a.id = d.id WHERE d.id IN (SELECT id FROM kept)`,
      [lost.map((i) => i.allocationId), lost.map((i) => i.quantity)],
    );
  }

  /**
   * Reserves the given units for the order in warehouses other than `excluded` (a short pick's
   * missing units), all or nothing; false when they cannot all be found.
   */
  async reserveElsewhere(tx: Tx, order: Reserver, drafts: LineDraft[], excluded: string): Promise<boolean> {
    const levels = (
      await this.repo.lockLevelsOfProducts(
        tx.m,
        drafts.map((d) => d.product.id),
      )
    ).filter((l) => l.warehouseId !== excluded);
    const batch = new WriteBatch();
    const reserved = await this.reserve(tx, { ...order, allowBackorder: true }, drafts, batch, levels);
    if (reserved) await batch.run(tx.m, 'SELECT 1 AS done');
    return reserved;
  }

  private async settle(
    tx: Tx,
    order: Reserver,
    outcome: 'RELEASED' | 'SHIPPED',
    allocationIds?: string[],
  ): Promise<void> {
    const where = {
      orderId: order.id,
      status: 'RESERVED' as const,
      ...(allocationIds ? { id: In(allocationIds) } : {}),
    };
    const held = await tx.m.getRepository(OrderAllocation).findBy(where);
    if (held.length === 0) return;
    const levels = await this.repo.lockLevels(
      tx.m,
      held.map((a) => a.stockLevelId),
    );
    const shipped = outcome === 'SHIPPED';
    await this.repo.apply(
      tx.m,
      held.map((a) => ({
        level: levels.get(a.stockLevelId)!,
        reason: shipped ? 'SHIPMENT' : 'RELEASE',
        onHandDelta: shipped ? -a.quantity : 0,
        reservedDelta: -a.quantity,
        reference: order.number,
      })),
      tx.actor,
    );
    await tx.m.getRepository(OrderAllocation).update(
      held.map((a) => a.id),
      { status: outcome },
    );
  }
}
