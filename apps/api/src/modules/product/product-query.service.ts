import { DataSource } from 'typeorm';
import { paginate, searchPattern } from '../../common/connection';
import { Product } from './product.entity';
import { ProductFilter } from './product.inputs';

export class ProductQueryService {
  constructor(private readonly ds: DataSource) {}

  list(filter: ProductFilter, page: { first?: number; after?: string }) {
    const qb = this.ds.getRepository(Product).createQueryBuilder('p');
    if (filter.category) qb.andWhere('p.category = :category', { category: filter.category });
    const search = searchPattern(filter.search);
    if (search) qb.andWhere(`(p.sku || ' ' || p.name) ILIKE :q`, { q: search });
    return paginate(qb, { columns: ['p.sku'], kinds: ['text'], direction: 'ASC', values: (p) => [p.sku] }, page);
  }
}
