import { DataSource } from 'typeorm';
import {
  badInput,
  decodeCursor,
  encodeCursor,
  paginate,
  paginateRows,
  searchPattern,
  filterId,
} from '../../common/connection';
import { rowShape } from '../../common/rows';
import { Warehouse } from '../warehouse/warehouse.entity';
import { Order } from './order.entity';
import { OrderEvent } from './order-event.entity';
import { OrderFilter, OrderOrder } from './order.types';

/**
 * Reads of orders: one indexed keyset statement per page, in hand-written SQL justified by
 * `npm run bench -- 3 5` (reads and deep pages; docs/benchmarks.md).
 */
export class OrderQueryService {
  constructor(private readonly ds: DataSource) {}

  /**
   * One statement per page, in SQL: every filter is an equality or range on an indexed column (each
   * has an index that leads with it and ends with the sort key), and the cursor is a row comparison
   * on (created_at, id), so a page deep in the list costs what the first one does.
   */
  async list(filter: OrderFilter, page: { first?: number; after?: string }, orderBy = OrderOrder.NEWEST_FIRST) {
    const where: string[] = [];
    const params: unknown[] = [];
    const p = (value: unknown, type: string) => `$${params.push(value)}::${type}`;
    if (filter.status?.length) where.push(`o.status = ANY(${p(filter.status, 'text[]')})`);
    if (filter.channel?.length) where.push(`o.channel = ANY(${p(filter.channel, 'text[]')})`);
    if (filter.region?.length) where.push(`o.delivery_region = ANY(${p(filter.region, 'text[]')})`);
    if (filter.customerId !== undefined && filter.customerId !== null) {
      const id = filterId(filter.customerId, 'Customer', 'customerId', 'a customer');
      where.push(`o.customer_id = ${p(id, 'uuid')}`);
    }
    if (filter.warehouseCode) {
      const w = await this.ds.getRepository(Warehouse).findOneBy({ code: filter.warehouseCode });
      if (!w) badInput(`No warehouse with code ${filter.warehouseCode}`, 'filter');
      where.push(
        `EXISTS (SELECT 1 FROM order_allocation a WHERE a.order_id = o.id AND a.warehouse_id = ${p(w.id, 'uuid')})`,
      );
    }
    if (filter.createdAfter) where.push(`o.created_at >= ${p(filter.createdAfter, 'timestamptz')}`);
    if (filter.createdBefore) where.push(`o.created_at < ${p(filter.createdBefore, 'timestamptz')}`);
    const search = searchPattern(filter.search);
    if (search) where.push(`o.number ILIKE ${p(search, 'text')}`);
    return paginateRows(
      this.ds,
      rowShape(this.ds, Order, 'o'),
      'o',
      { where, params },
      {
        columns: ['o.created_at', 'o.id'],
        kinds: ['timestamp', 'uuid'],
        // The (status, created_at DESC, id DESC) and (created_at DESC, id DESC) indexes serve both ways.
        direction: orderBy === OrderOrder.OLDEST_FIRST ? 'ASC' : 'DESC',
        values: (o) => [o.createdAt, o.id],
      },
      page,
    );
  }

  byNumber(number: string) {
    if (number.length > 64) return null;
    return this.ds.getRepository(Order).findOneBy({ number: number.trim().toUpperCase() });
  }

  /**
   * The feed in commit order: by (transaction, id), and only transactions older than the oldest one still
   * in flight (`pg_snapshot_xmin`), so an event committed after a cursor was handed out always sorts
   * after it. A transaction's events appear together once it and every older writer have ended.
   * Cursors name the event alone (its id): the feed looks up where it stands, so a cursor outlives
   * the transaction numbers of one cluster (see resetFeedAfterRestore).
   */
  async events(page: { first?: number; after?: string }) {
    const qb = this.ds
      .getRepository(OrderEvent)
      .createQueryBuilder('e')
      .where('e.tx < pg_snapshot_xmin(pg_current_snapshot())');
    const after = page.after ? await this.positionOf(page.after) : undefined;
    return paginate(
      qb,
      {
        columns: ['e.tx', 'e.id'],
        kinds: ['bigint', 'bigint'],
        direction: 'ASC',
        values: (e) => [e.tx, e.id],
        cursorValues: (e) => [e.id],
      },
      { ...page, after },
    );
  }

  /** The (transaction, id) cursor of the event an `orderEvents` cursor names. */
  private async positionOf(cursor: string): Promise<string> {
    const [id] = decodeCursor(cursor, ['bigint']);
    const [row] = await this.ds.query(`SELECT tx::text AS tx FROM order_event WHERE id = $1`, [id]);
    if (!row) badInput('`after` is not a cursor from this list', 'after');
    return encodeCursor([row.tx, id]);
  }
}

/**
 * Transaction numbers belong to one cluster: a logical restore (pg_dump into a new cluster) brings events
 * numbered by the old one, some beyond the new cluster's counter (which the feed would hide), some not
 * (which would sort among new events). When any is beyond it, every restored event goes back to 0: all
 * committed long ago, they page in id order before every new one, and cursors, which name events by id,
 * keep working. Run at every start, before the API writes; it finds nothing (one index probe) unless the
 * database was restored that way.
 */
export async function resetFeedAfterRestore(ds: DataSource): Promise<number> {
  const [, count] = await ds.query(
    `UPDATE order_event SET tx = '0'
      WHERE tx <> '0' AND EXISTS (SELECT 1 FROM order_event WHERE tx > pg_current_xact_id())`,
  );
  return count as number;
}
