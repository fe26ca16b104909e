import 'reflect-metadata';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { DirectiveLocation, GraphQLDirective, GraphQLSchema, GraphQLString, lexicographicSortSchema, specifiedDirectives } from 'graphql';
import { buildSchema } from 'type-graphql';
import './common/enums';
import { ERROR_CODES, RESOLVERS } from './app/modules';
import { LivePubSub } from './live/pubsub';
import { composeErrorCodes } from './common/user-error';

/** Declared on every operation: the permission a caller needs (none given: any signed-in caller). */
export const requiresDirective = new GraphQLDirective({
  name: 'requires',
  description: 'The permission a caller needs for this field; without an argument, any signed-in caller may use it.',
  locations: [DirectiveLocation.FIELD_DEFINITION],
  args: { permission: { type: GraphQLString } },
});

export function createSchema(pubSub: LivePubSub): Promise<GraphQLSchema> {
  composeErrorCodes(ERROR_CODES);
  // Inputs are validated by the services (into userErrors), not by type-graphql (into thrown errors).
  return buildSchema({ resolvers: RESOLVERS, pubSub, validate: false, directives: [...specifiedDirectives, requiresDirective] });
}

/** The SDL committed as schema.graphql: sorted, so it changes only when the API does. */
export function printSortedSchema(schema: GraphQLSchema): string {
  return printSchemaWithDirectives(lexicographicSortSchema(schema)) + '\n';
}
