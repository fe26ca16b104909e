import { Arg, Args, Ctx, Field, InputType, ObjectType, Query, Resolver } from 'type-graphql';
import { badInput, Connection, paginate } from '../../common/connection';
import { Context } from '../../common/context';
import { PageArgs } from '../../common/page-args';
import { Requires } from '../access/requires';
import { AuditEntry } from './audit-entry.entity';

@ObjectType()
export class AuditEntryConnection extends Connection(AuditEntry) {}

@InputType()
export class AuditFilter {
  @Field({ nullable: true, description: 'User e-mail or key:<name>.' })
  actor?: string;

  @Field({ nullable: true })
  action?: string;

  @Field({ nullable: true, description: 'Id of the target, e.g. an order id or a staff e-mail.' })
  targetId?: string;

  @Field({ nullable: true })
  from?: Date;

  @Field({ nullable: true })
  to?: Date;
}

@Resolver()
export class AuditResolver {
  @Requires('AUDIT_READ')
  @Query(() => AuditEntryConnection, { description: 'The audit log, newest first.' })
  auditLog(@Args() page: PageArgs, @Arg('filter', () => AuditFilter, { nullable: true }) filter: AuditFilter | undefined, @Ctx() ctx: Context) {
    const qb = ctx.services.ds.getRepository(AuditEntry).createQueryBuilder('a');
    for (const [key, value] of Object.entries({ actor: filter?.actor, action: filter?.action, targetId: filter?.targetId })) {
      if (value === undefined || value === null) continue;
      if (value.length > 200) badInput(`filter.${key} must be at most 200 characters`, 'filter');
      const column = key === 'actor' ? 'a.actor_name' : key === 'action' ? 'a.action' : 'a.target_id';
      qb.andWhere(`${column} = :${key}`, { [key]: value });
    }
    if (filter?.from) qb.andWhere('a.at >= :from', { from: filter.from });
    if (filter?.to) qb.andWhere('a.at < :to', { to: filter.to });
    return paginate(qb, { columns: ['a.id'], kinds: ['bigint'], direction: 'DESC', values: (a) => [a.id] }, page);
  }
}
