import { Arg, Args, Ctx, Query, Resolver } from 'type-graphql';
import { Context } from '../../app/context';
import { PageArgs } from '../../common/page-args';
import { Requires } from '../access/requires';
import { AuditFilter } from './audit.inputs';
import { AuditEntryConnection } from './audit.types';

@Resolver()
export class AuditResolver {
  @Requires('AUDIT_READ')
  @Query(() => AuditEntryConnection, { description: 'The audit log, newest first.' })
  auditLog(
    @Args() page: PageArgs,
    @Arg('filter', () => AuditFilter, {
      nullable: true,
      description: 'Conditions the entries must meet; none: every entry.',
    })
    filter: AuditFilter | undefined,
    @Ctx() ctx: Context,
  ) {
    return ctx.reads.auditQueries.list(filter ?? {}, page);
  }
}
