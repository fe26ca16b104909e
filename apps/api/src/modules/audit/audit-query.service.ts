import { DataSource } from 'typeorm';
import { filterText, paginate } from '../../common/connection';
import { AuditEntry } from './audit-entry.entity';
import { AuditFilter } from './audit.inputs';

const COLUMNS = { actor: 'a.actor_name', action: 'a.action', targetId: 'a.target_id' } as const;

export class AuditQueryService {
  constructor(private readonly ds: DataSource) {}

  list(filter: AuditFilter, page: { first?: number; after?: string }) {
    const qb = this.ds.getRepository(AuditEntry).createQueryBuilder('a');
    for (const key of Object.keys(COLUMNS) as (keyof typeof COLUMNS)[]) {
      const value = filterText(filter[key], key, 200);
      if (value !== undefined) qb.andWhere(`${COLUMNS[key]} = :${key}`, { [key]: value });
    }
    if (filter.from) qb.andWhere('a.at >= :from', { from: filter.from });
    if (filter.to) qb.andWhere('a.at < :to', { to: filter.to });
    return paginate(qb, { columns: ['a.id'], kinds: ['bigint'], direction: 'DESC', values: (a) => [a.id] }, page);
  }
}
