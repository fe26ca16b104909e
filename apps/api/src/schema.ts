import 'reflect-metadata';
import { GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import './common/enums';
import { PubSub } from './common/live-events';
import { CustomerResolver } from './modules/customer/customer.resolver';
import { NodeResolver } from './modules/node/node.resolver';
import { OrderAllocationResolver, OrderEventResolver, OrderLineResolver, OrderResolver } from './modules/order/order.resolver';
import { ProductResolver } from './modules/product/product.resolver';
import { StockAlertResolver, StockResolver } from './modules/stock/stock.resolver';
import { WarehouseResolver } from './modules/warehouse/warehouse.resolver';

export const RESOLVERS = [
  NodeResolver,
  OrderResolver,
  OrderLineResolver,
  OrderAllocationResolver,
  OrderEventResolver,
  StockResolver,
  StockAlertResolver,
  ProductResolver,
  CustomerResolver,
  WarehouseResolver,
] as const;

export function createSchema(pubSub: PubSub): Promise<GraphQLSchema> {
  // Inputs are validated by the services (into userErrors), not by type-graphql (into thrown errors).
  return buildSchema({ resolvers: RESOLVERS, pubSub, validate: false });
}

/** The SDL committed as schema.graphql: sorted, so it changes only when the API does. */
export function printSortedSchema(schema: GraphQLSchema): string {
  return printSchema(lexicographicSortSchema(schema)) + '\n';
}
