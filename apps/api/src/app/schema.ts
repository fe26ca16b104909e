import 'reflect-metadata';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { GraphQLSchema, lexicographicSortSchema, specifiedDirectives } from 'graphql';
import { buildSchema } from 'type-graphql';
import '../common/enums';
import { composeErrorCodes } from '../common/user-error';
import { LivePubSub } from '../live/pubsub';
import { requiresDirective } from '../modules/access/requires';
import { ERROR_CODES, RESOLVERS } from './modules';

/** The root types' descriptions (type-graphql has no decorator for them). */
const ROOT_DESCRIPTIONS = {
  Query:
    'Reads. A field declares with @requires the permission it needs (without one: any signed-in caller); lists are Relay connections.',
  Mutation:
    'Writes: verbs with one input, answering a payload whose userErrors say why nothing changed. A field declares with @requires the permission it needs (login is open to everyone).',
  Subscription: 'Live events over graphql-ws, sent after the change is committed.',
};

export async function createSchema(pubSub: LivePubSub): Promise<GraphQLSchema> {
  composeErrorCodes(ERROR_CODES);
  // Inputs are validated by the services (into userErrors), not by type-graphql (into thrown errors).
  const schema = await buildSchema({
    resolvers: RESOLVERS,
    pubSub,
    validate: false,
    directives: [...specifiedDirectives, requiresDirective],
  });
  for (const root of [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]) {
    if (root) root.description = ROOT_DESCRIPTIONS[root.name as keyof typeof ROOT_DESCRIPTIONS];
  }
  return schema;
}

/** The SDL committed as schema.graphql: sorted, so it changes only when the API does. */
export function printSortedSchema(schema: GraphQLSchema): string {
  return printSchemaWithDirectives(lexicographicSortSchema(schema)) + '\n';
}
