import { Args, Ctx, Query, Resolver } from 'type-graphql';
import { Context } from '../../app/context';
import { PageArgs } from '../../common/page-args';
import { Requires } from '../access/requires';
import { Warehouse } from './warehouse.entity';
import { WarehouseConnection } from './warehouse.types';

@Resolver(() => Warehouse)
export class WarehouseResolver {
  @Requires('CATALOG_READ')
  @Query(() => WarehouseConnection, { description: 'Warehouses and delivery stations, by code.' })
  warehouses(@Args() page: PageArgs, @Ctx() ctx: Context) {
    return ctx.services.warehouseQueries.list(page);
  }
}
