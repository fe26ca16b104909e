import type { DataSource } from 'typeorm';
import { paginate, filterId } from '../../common/connection';
import { Complaint } from './complaint.entity';
import { ComplaintFilter } from './complaint.inputs';

/** The complaints queue: by deadline, most pressing first (each filter has its index ending in due_at, id). */
export class ComplaintQueryService {
  constructor(private readonly ds: DataSource) {}

  complaints(filter: ComplaintFilter, page: { first?: number; after?: string }) {
    const qb = this.ds.getRepository(Complaint).createQueryBuilder('c');
    if (filter.status) qb.andWhere('c.status = :status', { status: filter.status });
    if (filter.openOnly) qb.andWhere(`c.status NOT IN ('RESOLVED', 'CLOSED')`);
    if (filter.slaState) qb.andWhere('c.sla_state = :slaState', { slaState: filter.slaState });
    if (filter.ownerId)
      qb.andWhere('c.owner_id = :ownerId', { ownerId: filterId(filter.ownerId, 'User', 'ownerId', 'a user') });
    if (filter.department) qb.andWhere('c.department = :department', { department: filter.department });
    if (filter.category) qb.andWhere('c.category = :category', { category: filter.category });
    if (filter.customerId)
      qb.andWhere('c.customer_id = :customerId', {
        customerId: filterId(filter.customerId, 'Customer', 'customerId', 'a customer'),
      });
    if (filter.orderId)
      qb.andWhere('c.order_id = :orderId', { orderId: filterId(filter.orderId, 'Order', 'orderId', 'an order') });
    return paginate(
      qb,
      { columns: ['c.due_at', 'c.id'], kinds: ['timestamp', 'uuid'], direction: 'ASC', values: (c) => [c.dueAt, c.id] },
      page,
    );
  }
}
