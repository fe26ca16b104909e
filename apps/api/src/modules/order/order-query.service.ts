import { DataSource } from 'typeorm';
import { badInput, escapeLike, paginate } from '../../common/connection';
import { localId } from '../../common/global-id';
import { Warehouse } from '../warehouse/warehouse.entity';
import { Order } from './order.entity';
import { OrderEvent } from './order-event.entity';
import { OrderFilter } from './order.types';

/** Reads of orders: one indexed keyset query per page. */
export class OrderQueryService {
  constructor(private readonly ds: DataSource) {}

  async list(filter: OrderFilter, page: { first?: number; after?: string }) {
    const qb = this.ds.getRepository(Order).createQueryBuilder('o');
    if (filter.status?.length) qb.andWhere('o.status IN (:...status)', { status: filter.status });
    if (filter.channel?.length) qb.andWhere('o.channel IN (:...channel)', { channel: filter.channel });
    if (filter.region?.length) qb.andWhere('o.delivery_region IN (:...region)', { region: filter.region });
    if (filter.customerId !== undefined && filter.customerId !== null) {
      const id = localId(filter.customerId, 'Customer') ?? badInput('filter.customerId is not a customer id', 'filter');
      qb.andWhere('o.customer_id = :customerId', { customerId: id });
    }
    if (filter.warehouseCode) {
      const w = await this.ds.getRepository(Warehouse).findOneBy({ code: filter.warehouseCode });
      if (!w) badInput(`No warehouse with code ${filter.warehouseCode}`, 'filter');
      qb.andWhere('EXISTS (SELECT 1 FROM order_allocation a WHERE a.order_id = o.id AND a.warehouse_id = :wid)', { wid: w.id });
    }
    if (filter.createdAfter) qb.andWhere('o.created_at >= :after', { after: filter.createdAfter });
    if (filter.createdBefore) qb.andWhere('o.created_at < :before', { before: filter.createdBefore });
    if (filter.search) {
      if (filter.search.length > 64) badInput('filter.search must be at most 64 characters', 'filter');
      qb.andWhere('o.number ILIKE :search', { search: `%${escapeLike(filter.search)}%` });
    }
    return paginate(qb, { columns: ['o.createdAt', 'o.id'], kinds: ['timestamp', 'uuid'], direction: 'DESC', values: (o) => [o.createdAt, o.id] }, page);
  }

  byNumber(number: string) {
    if (number.length > 64) return null;
    return this.ds.getRepository(Order).findOneBy({ number: number.trim().toUpperCase() });
  }

  events(page: { first?: number; after?: string }) {
    const qb = this.ds.getRepository(OrderEvent).createQueryBuilder('e');
    return paginate(qb, { columns: ['e.id'], kinds: ['bigint'], direction: 'ASC', values: (e) => [e.id] }, page);
  }
}
