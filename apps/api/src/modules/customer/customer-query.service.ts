import { DataSource } from 'typeorm';
import { escapeLike, filterText, paginate } from '../../common/connection';
import { Customer } from './customer.entity';
import { CustomerFilter } from './customer.inputs';

export class CustomerQueryService {
  constructor(private readonly ds: DataSource) {}

  list(filter: CustomerFilter, page: { first?: number; after?: string }) {
    const qb = this.ds.getRepository(Customer).createQueryBuilder('c');
    if (filter.region) qb.andWhere('c.region = :region', { region: filter.region });
    if (filter.isNew !== undefined && filter.isNew !== null) qb.andWhere('c.is_new = :isNew', { isNew: filter.isNew });
    const search = filterText(filter.search, 'search', 64);
    if (search) qb.andWhere(`(c.name || ' ' || c.phone) ILIKE :q`, { q: `%${escapeLike(search)}%` });
    return paginate(
      qb,
      {
        columns: ['c.createdAt', 'c.id'],
        kinds: ['timestamp', 'uuid'],
        direction: 'DESC',
        values: (c) => [c.createdAt, c.id],
      },
      page,
    );
  }
}
