import { Ctx, Query, Resolver } from 'type-graphql';
import { Context } from '../../app/context';
import { Requires } from '../access/requires';
import { OperationsOverview } from './overview.types';

@Resolver()
export class OverviewResolver {
  @Requires('ORDER_READ')
  @Query(() => OperationsOverview, {
    description: "Today's orders and amount, orders by status, exceptions, stock alerts and KPIs.",
  })
  operationsOverview(@Ctx() ctx: Context) {
    return ctx.services.overview.overview();
  }
}
