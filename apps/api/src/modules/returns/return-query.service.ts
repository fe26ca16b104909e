import type { DataSource } from 'typeorm';
import { paginate, filterId } from '../../common/connection';
import { ReturnRequest } from './return.entity';
import { ReturnFilter } from './return.inputs';

/** The returns queue, oldest request first (the warehouse and agents work it in order). */
export class ReturnQueryService {
  constructor(private readonly ds: DataSource) {}

  returnRequests(filter: ReturnFilter, page: { first?: number; after?: string }) {
    const qb = this.ds.getRepository(ReturnRequest).createQueryBuilder('r');
    if (filter.status) qb.andWhere('r.status = :status', { status: filter.status });
    if (filter.orderId)
      qb.andWhere('r.order_id = :orderId', { orderId: filterId(filter.orderId, 'Order', 'orderId', 'an order') });
    return paginate(
      qb,
      {
        columns: ['r.requested_at', 'r.id'],
        kinds: ['timestamp', 'uuid'],
        direction: 'ASC',
        values: (r) => [r.requestedAt, r.id],
      },
      page,
    );
  }
}
