import { DataSource } from 'typeorm';
import { escapeLike, filterText, paginate } from '../../common/connection';
import { Product } from './product.entity';
import { ProductFilter } from './product.inputs';

export class ProductQueryService {
  constructor(private readonly ds: DataSource) {}

  list(filter: ProductFilter, page: { first?: number; after?: string }) {
    const qb = this.ds.getRepository(Product).createQueryBuilder('p');
    if (filter.category) qb.andWhere('p.category = :category', { category: filter.category });
    const search = filterText(filter.search, 'search', 64);
    if (search) qb.andWhere(`(p.sku || ' ' || p.name) ILIKE :q`, { q: `%${escapeLike(search)}%` });
    return paginate(qb, { columns: ['p.sku'], kinds: ['text'], direction: 'ASC', values: (p) => [p.sku] }, page);
  }
}
