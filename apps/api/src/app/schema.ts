import 'reflect-metadata';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { GraphQLSchema, lexicographicSortSchema, specifiedDirectives } from 'graphql';
import { buildSchema } from 'type-graphql';
import '../common/enums';
import { composeErrorCodes } from '../common/user-error';
import { LivePubSub } from '../live/pubsub';
import { requiresDirective } from '../modules/access/requires';
import { ERROR_CODES, RESOLVERS } from './modules';

export function createSchema(pubSub: LivePubSub): Promise<GraphQLSchema> {
  composeErrorCodes(ERROR_CODES);
  // Inputs are validated by the services (into userErrors), not by type-graphql (into thrown errors).
  return buildSchema({
    resolvers: RESOLVERS,
    pubSub,
    validate: false,
    directives: [...specifiedDirectives, requiresDirective],
  });
}

/** The SDL committed as schema.graphql: sorted, so it changes only when the API does. */
export function printSortedSchema(schema: GraphQLSchema): string {
  return printSchemaWithDirectives(lexicographicSortSchema(schema)) + '\n';
}
