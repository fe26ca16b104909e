import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { Context } from '../../common/context';
import { fromGlobalId } from '../../common/global-id';
import { OrderEvent } from '../order/order-event.entity';
import { StockMovement } from '../stock/stock-movement.entity';
import { Node } from './node.interface';

@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: 'Any object by its global id.' })
  async node(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Node | null> {
    const parsed = fromGlobalId(id);
    if (!parsed) return null;
    const { loaders, services } = ctx;
    switch (parsed.type) {
      case 'Order':
        return loaders.order.load(parsed.id);
      case 'Product':
        return loaders.product.load(parsed.id);
      case 'Warehouse':
        return loaders.warehouse.load(parsed.id);
      case 'Customer':
        return loaders.customer.load(parsed.id);
      case 'StockLevel':
        return loaders.stockLevel.load(parsed.id);
      case 'OrderEvent':
        return services.ds.getRepository(OrderEvent).findOneBy({ id: parsed.id });
      case 'StockMovement':
        return services.ds.getRepository(StockMovement).findOneBy({ id: parsed.id });
      default:
        return null;
    }
  }
}
