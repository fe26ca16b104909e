import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { GraphQLError, GraphQLSchema, OperationTypeNode, parse, specifiedRules, validate, ValidationRule, Kind, DocumentNode } from 'graphql';
import { CloseCode } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocket, WebSocketServer } from 'ws';
import type { Permission } from '@fulfilment/domain';
import { Context, createContext } from './common/context';
import { assertWithinCost, LIMITS } from './common/limits';
import { PubSub } from './common/live-events';
import { logger } from './common/logger';
import { auditPersonalDataShown } from './modules/access/pii';
import { Actor } from './modules/access/principal';
import { audit } from './modules/audit/audit';
import { maskError } from './server';
import type { Services } from './services';

interface LiveOptions {
  httpServer: http.Server;
  schema: GraphQLSchema;
  services: Services;
  pubSub: PubSub;
  maxPayload: number;
  validationRules: ValidationRule[];
}

interface Extra {
  [key: string | symbol]: unknown;
  socket: WebSocket;
  request: http.IncomingMessage;
  actor?: Actor;
}

/** The permission a root field declares with @requires, or null for "any signed-in caller". */
function requiredPermission(schema: GraphQLSchema, fieldName: string): Permission | null {
  const field = schema.getSubscriptionType()?.getFields()[fieldName];
  const directive = field?.astNode?.directives?.find((d) => d.name.value === 'requires');
  const arg = directive?.arguments?.find((a) => a.name.value === 'permission');
  return arg && arg.value.kind === Kind.STRING ? (arg.value.value as Permission) : null;
}

/**
 * graphql-ws on /graphql. A connection must present a valid token or API key in
 * connectionParams.authorization; it is closed when that credential expires or is revoked anywhere.
 */
export function createLiveServer(opts: LiveOptions) {
  const { services, schema } = opts;
  const wsServer = new WebSocketServer({ server: opts.httpServer, path: '/graphql', maxPayload: opts.maxPayload });
  const connections = new Set<Extra>();

  const close = (extra: Extra, code: number, reason: string) => {
    connections.delete(extra);
    extra.socket.close(code, reason);
  };

  void (async () => {
    for await (const revoked of opts.pubSub.subscribe('ACCESS_REVOKED')) {
      for (const extra of connections) {
        const p = extra.actor?.principal;
        if (!p) continue;
        const hit = (revoked.sessionId && revoked.sessionId === p.sessionId) || (revoked.apiKeyId && revoked.apiKeyId === p.id) || (revoked.userId && p.kind === 'USER' && revoked.userId === p.id);
        if (hit) close(extra, CloseCode.Forbidden, 'Access revoked');
      }
    }
  })();

  const rules = [...specifiedRules, ...opts.validationRules];

  const cleanup = useServer<Record<string, unknown> | undefined, Extra>(
    {
      schema,
      onConnect: async (ctx) => {
        const actor: Actor = { principal: null, requestId: `ws:${randomUUID()}`, clientIp: ctx.extra.request.socket.remoteAddress ?? null };
        try {
          actor.principal = await services.auth.authenticate(ctx.connectionParams?.authorization as string | undefined);
        } catch {
          actor.principal = null;
        }
        if (!actor.principal) {
          await audit(services.ds, actor, { action: 'AUTHENTICATION', targetType: 'Subscription', outcome: 'DENIED' }).catch(() => undefined);
          return false;
        }
        ctx.extra.actor = actor;
        connections.add(ctx.extra);
        const expiresAt = actor.principal.expiresAt;
        if (expiresAt) {
          const ms = Math.min(expiresAt.getTime() - Date.now(), 2 ** 31 - 1);
          setTimeout(() => close(ctx.extra, CloseCode.Unauthorized, 'Credential expired'), Math.max(0, ms)).unref();
        }
        return true;
      },
      onClose: (ctx) => {
        connections.delete(ctx.extra);
      },
      onSubscribe: async (ctx, _id, payload) => {
        const actor = ctx.extra.actor!;
        let document: DocumentNode;
        try {
          document = parse(payload.query, { maxTokens: LIMITS.maxTokens });
        } catch (e) {
          const message = e instanceof GraphQLError && /tokens/.test(e.message) ? `Query has more than ${LIMITS.maxTokens} tokens` : e instanceof GraphQLError ? e.message : 'Unreadable query';
          return [new GraphQLError(message, { extensions: { code: /tokens/.test(message) ? 'GRAPHQL_VALIDATION_FAILED' : 'GRAPHQL_PARSE_FAILED' } })];
        }
        const errors = validate(schema, document, rules);
        if (errors.length) return errors;
        try {
          assertWithinCost(schema, document, payload.variables ?? {}, payload.operationName ?? undefined);
        } catch (e) {
          return [e as GraphQLError];
        }
        for (const def of document.definitions) {
          if (def.kind !== Kind.OPERATION_DEFINITION || def.operation !== OperationTypeNode.SUBSCRIPTION) continue;
          for (const sel of def.selectionSet.selections) {
            if (sel.kind !== Kind.FIELD) continue;
            const needed = requiredPermission(schema, sel.name.value);
            if (needed && !actor.principal!.permissions.has(needed)) {
              await audit(services.ds, actor, { action: 'ACCESS_DENIED', targetType: 'Operation', targetId: `Subscription.${sel.name.value}`, outcome: 'DENIED', details: { required: needed } });
              return [new GraphQLError(`You do not have the ${needed} permission needed for ${sel.name.value}`, { extensions: { code: 'FORBIDDEN', permission: needed } })];
            }
          }
        }
        if (actor.principal!.kind === 'API_KEY') {
          await audit(services.ds, actor, { action: 'API_KEY_USED', targetType: 'Operation', targetId: payload.operationName ?? 'subscription', outcome: 'SUCCESS' });
        }
        const contextValue: Context = createContext(services, actor, { live: true });
        return { schema, document, variableValues: payload.variables ?? undefined, operationName: payload.operationName ?? undefined, contextValue };
      },
      // Subscription results get the same masking and personal-data audit as HTTP responses.
      onNext: async (_ctx, id, _payload, args, result) => {
        await auditPersonalDataShown(args.contextValue as Context).catch((e) => logger.warn({ err: e }, 'audit failed'));
        if (!result.errors) return undefined;
        return { ...result, errors: result.errors.map((e) => maskError(e.toJSON(), e, `ws:${id}`)) };
      },
    },
    wsServer,
  );

  return { dispose: async () => void (await cleanup.dispose()) };
}
