import { DataSource } from 'typeorm';
import type { Context } from '../../app/context';
import { paginate, searchPattern } from '../../common/connection';
import { PersonalDataSearch, searchablePersonalData } from '../access/pii';
import { Customer } from './customer.entity';
import { CustomerFilter } from './customer.inputs';

/** What a customer search matches: name and phone (each expression has a trigram index). */
const CUSTOMER_SEARCH: PersonalDataSearch = {
  plain: `c.name || ' ' || c.phone`,
  masked: `mask_name(c.name) || ' ' || mask_phone(c.phone)`,
};

export class CustomerQueryService {
  constructor(private readonly ds: DataSource) {}

  list(filter: CustomerFilter, page: { first?: number; after?: string }, ctx: Pick<Context, 'actor'>) {
    const qb = this.ds.getRepository(Customer).createQueryBuilder('c');
    if (filter.region) qb.andWhere('c.region = :region', { region: filter.region });
    if (filter.isNew !== undefined && filter.isNew !== null) qb.andWhere('c.is_new = :isNew', { isNew: filter.isNew });
    const search = searchPattern(filter.search);
    if (search) qb.andWhere(`(${searchablePersonalData(ctx, CUSTOMER_SEARCH)}) ILIKE :q`, { q: search });
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
