import { Ctx, Query, Resolver } from 'type-graphql';
import { Context } from '../../app/context';
import { Requires } from '../access/requires';
import { OperationsOverview } from './overview.types';

/** The cost of operationsOverview for the cost limit (common/limits.ts), whatever it selects. */
export const OVERVIEW_COST = 2000;

@Resolver()
export class OverviewResolver {
  @Requires('ORDER_READ')
  @Query(() => OperationsOverview, {
    description: "Today's orders and amount, orders by status, exceptions, stock alerts and KPIs.",
    // Seven aggregates over whole tables or 7-30 days of history, priced like a large page of orders:
    // a request may ask for it at most 12 times (the 13th alias is QUERY_TOO_COMPLEX), and those
    // share one run (OverviewService).
    complexity: OVERVIEW_COST,
  })
  operationsOverview(@Ctx() ctx: Context) {
    return ctx.reads.overview.overview();
  }
}
