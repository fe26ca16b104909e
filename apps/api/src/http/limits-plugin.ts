import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { Context } from '../app/context';
import { audit } from '../common/audit';
import { assertDeclaredVariables, assertWellFormedText, QueryLimits } from '../common/limits';
import { auditPersonalDataShown } from '../modules/access/pii';
import { assertOperationPermitted, auditAccessDenied } from '../modules/access/requires';

/**
 * What Apollo checks of every HTTP operation once it is parsed, and records after it answered: a text
 * that fails validation is remembered (QueryLimits.screen refuses it next time before parsing);
 * subscriptions are refused (they are served over graphql-ws), every variable must be declared by the
 * operation, text must be well formed, the cost must be within the limit (with guards on), every field
 * must be allowed to the caller; personal data shown unmasked, API-key use and refused fields (one row
 * per field and request) are audited.
 */
export function limitsPlugin(limits: QueryLimits, guards: boolean): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async validationDidStart({ source }) {
          return async (errors) => {
            if (guards && errors?.length) limits.rememberRefusal(source, errors[0].message);
          };
        },
        async didResolveOperation({ document, request, operation, source, contextValue, schema }) {
          if (operation?.operation === 'subscription') {
            throw new GraphQLError('Subscriptions are served over WebSocket (graphql-ws) on /graphql, not over HTTP', {
              extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
            });
          }
          assertDeclaredVariables(operation, request.variables);
          assertWellFormedText(document, request.variables);
          if (guards) limits.assertWithinCost(source, document, request.variables, request.operationName);
          try {
            assertOperationPermitted(contextValue, schema, document, request.operationName);
          } catch (e) {
            // Refused before it ran, answered like a refusal while running: 200 with the error.
            if (!(e instanceof GraphQLError)) throw e;
            throw new GraphQLError(e.message, { extensions: { ...e.extensions, http: { status: 200 } } });
          }
        },
        async willSendResponse({ contextValue, operation }) {
          await auditPersonalDataShown(contextValue);
          await auditAccessDenied(contextValue);
          const p = contextValue.actor.principal;
          if (p?.kind === 'API_KEY' && operation && operation.operation !== 'mutation') {
            await audit(contextValue.services.ds, contextValue.actor, {
              action: 'API_KEY_USED',
              targetType: 'Operation',
              targetId: operation.name?.value ?? operation.operation,
              outcome: 'SUCCESS',
            });
          }
        },
      };
    },
  };
}
