import 'reflect-metadata';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { DirectiveLocation, GraphQLDirective, GraphQLSchema, GraphQLString, lexicographicSortSchema, specifiedDirectives } from 'graphql';
import { buildSchema } from 'type-graphql';
import './common/enums';
import { composeErrorCodes } from './common/user-error';
import { ACCESS_ERROR_CODES } from './modules/access/access.errors';
import { ORDER_ERROR_CODES } from './modules/order/order.errors';
import { PRODUCT_ERROR_CODES } from './modules/product/product.errors';
import { STOCK_ERROR_CODES } from './modules/stock/stock.errors';
import { WAREHOUSE_ERROR_CODES } from './modules/warehouse/warehouse.errors';
import { PubSub } from './common/live-events';
import { CustomerResolver } from './modules/customer/customer.resolver';
import { NodeResolver } from './modules/node/node.resolver';
import { OrderAllocationResolver, OrderEventResolver, OrderLineResolver, OrderResolver } from './modules/order/order.resolver';
import { ProductResolver } from './modules/product/product.resolver';
import { StockAlertResolver, StockResolver } from './modules/stock/stock.resolver';
import { WarehouseResolver } from './modules/warehouse/warehouse.resolver';
import { AccessResolver } from './modules/access/access.resolver';
import { AuditResolver } from './modules/audit/audit.resolver';
import { OverviewResolver } from './modules/overview/overview.resolver';

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
  AccessResolver,
  AuditResolver,
  OverviewResolver,
] as const;

/** Declared on every operation: the permission a caller needs (none given: any signed-in caller). */
export const requiresDirective = new GraphQLDirective({
  name: 'requires',
  description: 'The permission a caller needs for this field; without an argument, any signed-in caller may use it.',
  locations: [DirectiveLocation.FIELD_DEFINITION],
  args: { permission: { type: GraphQLString } },
});

export function createSchema(pubSub: PubSub): Promise<GraphQLSchema> {
  composeErrorCodes([ORDER_ERROR_CODES, PRODUCT_ERROR_CODES, WAREHOUSE_ERROR_CODES, STOCK_ERROR_CODES, ACCESS_ERROR_CODES]);
  // Inputs are validated by the services (into userErrors), not by type-graphql (into thrown errors).
  return buildSchema({ resolvers: RESOLVERS, pubSub, validate: false, directives: [...specifiedDirectives, requiresDirective] });
}

/** The SDL committed as schema.graphql: sorted, so it changes only when the API does. */
export function printSortedSchema(schema: GraphQLSchema): string {
  return printSchemaWithDirectives(lexicographicSortSchema(schema)) + '\n';
}
