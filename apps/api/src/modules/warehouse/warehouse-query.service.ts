import { DataSource } from 'typeorm';
import { paginate } from '../../common/connection';
import { Warehouse } from './warehouse.entity';

export class WarehouseQueryService {
  constructor(private readonly ds: DataSource) {}

  list(page: { first?: number; after?: string }) {
    const qb = this.ds.getRepository(Warehouse).createQueryBuilder('w');
    return paginate(qb, { columns: ['w.code'], kinds: ['text'], direction: 'ASC', values: (w) => [w.code] }, page);
  }
}
