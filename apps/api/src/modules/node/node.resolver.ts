import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { Permission } from '@fulfilment/domain';
import { Context } from '../../app/context';
import { fromGlobalId, NodeType } from '../../common/global-id';
import { assertPermitted, Requires } from '../access/requires';
import { OrderEvent } from '../order/order-event.entity';
import { StockMovement } from '../stock/stock-movement.entity';
import { Node } from './node.interface';

/** node(id:) needs the permission that the list of that type needs. */
const READ_PERMISSION: Record<NodeType, Permission> = {
  Order: 'ORDER_READ',
  OrderEvent: 'ORDER_READ',
  Customer: 'CUSTOMER_READ',
  StockLevel: 'STOCK_READ',
  StockMovement: 'STOCK_READ',
  Product: 'CATALOG_READ',
  Warehouse: 'CATALOG_READ',
  User: 'USER_MANAGE',
  ApiKey: 'APIKEY_MANAGE',
};

@Resolver()
export class NodeResolver {
  @Requires(null)
  @Query(() => Node, {
    nullable: true,
    description: 'Any object by its global id; needs the read permission of its type (e.g. ORDER_READ for an Order).',
  })
  async node(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Node | null> {
    const parsed = fromGlobalId(id);
    if (!parsed) return null;
    assertPermitted(ctx, READ_PERMISSION[parsed.type], 'Query.node', `to read a ${parsed.type}`);
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
