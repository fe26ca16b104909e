import { Args, Ctx, ObjectType, Query, Resolver } from 'type-graphql';
import { Connection, paginate } from '../../common/connection';
import { Context } from '../../common/context';
import { Requires } from '../access/requires';
import { PageArgs } from '../../common/page-args';
import { Warehouse } from './warehouse.entity';

@ObjectType()
export class WarehouseConnection extends Connection(Warehouse) {}

@Resolver(() => Warehouse)
export class WarehouseResolver {
  @Requires('CATALOG_READ')
  @Query(() => WarehouseConnection, { description: 'Warehouses and delivery stations, by code.' })
  warehouses(@Args() page: PageArgs, @Ctx() ctx: Context) {
    const qb = ctx.services.ds.getRepository(Warehouse).createQueryBuilder('w');
    return paginate(qb, { columns: ['w.code'], kinds: ['text'], direction: 'ASC', values: (w) => [w.code] }, page);
  }
}
