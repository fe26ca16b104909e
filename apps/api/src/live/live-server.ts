import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { DocumentNode, ExecutionArgs, GraphQLError, GraphQLSchema, specifiedRules, ValidationRule } from 'graphql';
import { CloseCode } from 'graphql-ws';
import { DataSource, DataSourceOptions } from 'typeorm';
import { WebSocket, WebSocketServer } from 'ws';
import { Context, createContext } from '../app/context';
import { createLoaders } from '../app/loaders';
import type { Services } from '../app/services';
import { Actor } from '../common/actor';
import { audit } from '../common/audit';
import { maskError } from '../common/errors';
import { QueryLimits } from '../common/limits';
import { logger } from '../common/logger';
import { PersonalDataAuditQueue } from '../modules/access/pii';
import { concerns, withdrawnPrincipals } from '../modules/access/credential-check';
import { assertOperationPermitted, auditAccessDenied } from '../modules/access/requires';
import { DocumentCache, liveSubscribe, personalDataShownBy, shareKey } from './execution';
import type { LivePubSub } from './pubsub';
import { serveGraphqlWs, sharedPayload, TRY_AGAIN_LATER } from './socket';

/** Connections for live reads; a few suffice, each event costing one read per kind of row. */
const LIVE_POOL_SIZE = 4;
/**
 * Every connection is pinged this often, and dropped when it did not answer the previous ping.
 * 30 s (graphql-ws uses 12 s) keeps connections alive through proxies that close idle ones after
 * 60 s, with 40 % of the pings (10,000 idle dashboards: 330 a second instead of 830).
 */
const KEEPALIVE_MS = 30_000;

interface LiveOptions {
  httpServer: http.Server;
  schema: GraphQLSchema;
  services: Services;
  pubSub: LivePubSub;
  maxPayload: number;
  validationRules: ValidationRule[];
  /** The token cap and cost limit, shared with HTTP. */
  limits: QueryLimits;
  /** How often the credentials of all connections are read again (one statement); 0: never. */
  credentialRecheckMs: number;
}

interface Extra {
  [key: string | symbol]: unknown;
  socket: WebSocket;
  request: http.IncomingMessage;
  actor?: Actor;
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

  // Revocations the API commits (ACCESS_REVOKED) and changes the database's triggers report, plain
  // SQL included (CREDENTIAL_CHANGED), from any process: connections using that credential close.
  for (const topic of ['ACCESS_REVOKED', 'CREDENTIAL_CHANGED'] as const) {
    void (async () => {
      for await (const revoked of opts.pubSub.subscribe(topic)) {
        for (const extra of [...connections]) {
          const p = extra.actor?.principal;
          if (p && concerns(revoked, p)) close(extra, CloseCode.Forbidden, 'Access revoked');
        }
      }
    })();
  }

  // The backstop for a change no notification reported (made with triggers off, or lost between the
  // database and this process without the relay noticing): every connection's credential is read
  // again periodically, all of this process's in one statement.
  let rechecking = false;
  const recheck = async () => {
    if (rechecking || connections.size === 0) return;
    rechecking = true;
    try {
      const open = [...connections].filter((extra) => extra.actor?.principal);
      const withdrawn = new Set(
        await withdrawnPrincipals(
          services.ds,
          open.map((extra) => extra.actor!.principal!),
        ),
      );
      for (const extra of open)
        if (withdrawn.has(extra.actor!.principal!)) close(extra, CloseCode.Forbidden, 'Access revoked');
    } catch (e) {
      logger.warn({ err: (e as Error).message }, 'live credentials could not be re-checked; trying again later');
    } finally {
      rechecking = false;
    }
  };
  const recheckTimer =
    opts.credentialRecheckMs > 0 ? setInterval(() => void recheck(), opts.credentialRecheckMs) : null;
  recheckTimer?.unref();

  // The relay was cut off from the database for a while: events committed meanwhile reached no
  // subscriber here. Every connection is closed (try again later) so its client reconnects and
  // re-reads what it missed (orderEvents), as after a restart; reconnecting also re-checks credentials
  // whose revocation may have been missed too.
  void (async () => {
    for await (const _gap of opts.pubSub.subscribe('LIVE_GAP')) {
      for (const extra of [...connections])
        close(extra, TRY_AGAIN_LATER, 'Live events were interrupted: reconnect and re-read missed events');
    }
  })();

  const rules = [...specifiedRules, ...opts.validationRules];
  const documents = new DocumentCache(schema, rules);
  // Live reads (each event's loaders, personal-data audit rows) have a small pool of their own, so
  // deliveries never queue behind requests' transactions when the main pool is busy.
  const main = services.ds.options as Extract<DataSourceOptions, { type: 'postgres' }>;
  // Kept open when idle (idleTimeoutMillis 0): an event after a quiet spell should not wait for a new connection.
  const liveDs = new DataSource({
    ...main,
    migrations: [],
    extra: { ...main.extra, max: LIVE_POOL_SIZE, idleTimeoutMillis: 0, application_name: 'fulfilment-live' },
  });
  const liveReady = liveDs
    .initialize()
    .catch((e) => logger.warn({ err: (e as Error).message }, 'live reads use the main pool'));
  const readDs = () => (liveDs.isInitialized ? liveDs : services.ds);
  const personalDataAudit = new PersonalDataAuditQueue(readDs);
  // Events bring their own loaders (see execution.ts); these, batching only and caching
  // nothing, serve anything resolved outside an event. One set for all connections.
  const loaders = createLoaders(services.ds, false);
  /** Share key of each subscription, by its context. */
  const keys = new WeakMap<object, string>();

  const cleanup = serveGraphqlWs<Record<string, unknown> | undefined, Extra>(
    {
      schema,
      onConnect: async (ctx) => {
        const actor: Actor = {
          principal: null,
          requestId: `ws:${randomUUID()}`,
          clientIp: ctx.extra.request.socket.remoteAddress ?? null,
        };
        try {
          actor.principal = await services.auth.authenticate(ctx.connectionParams?.authorization as string | undefined);
        } catch {
          actor.principal = null;
        }
        if (!actor.principal) {
          await audit(services.ds, actor, {
            action: 'AUTHENTICATION',
            targetType: 'Subscription',
            outcome: 'DENIED',
          }).catch(() => undefined);
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
        let errors: readonly GraphQLError[];
        try {
          opts.limits.assertWithinTokens(payload.query);
        } catch (e) {
          return [e as GraphQLError];
        }
        try {
          ({ document, errors } = documents.parseAndValidate(payload.query));
        } catch (e) {
          return [
            new GraphQLError(e instanceof GraphQLError ? e.message : 'Unreadable query', {
              extensions: { code: 'GRAPHQL_PARSE_FAILED' },
            }),
          ];
        }
        if (errors.length) return [...errors];
        try {
          opts.limits.assertWithinCost(payload.query, document, payload.variables, payload.operationName);
        } catch (e) {
          return [e as GraphQLError];
        }
        const contextValue = createContext(services, actor, loaders);
        // Every field the operation selects, at any depth, checked with the same function as HTTP.
        try {
          assertOperationPermitted(contextValue, schema, document, payload.operationName);
        } catch (e) {
          if (!(e instanceof GraphQLError)) throw e;
          await auditAccessDenied(contextValue);
          return [e];
        }
        if (actor.principal!.kind === 'API_KEY') {
          await audit(services.ds, actor, {
            action: 'API_KEY_USED',
            targetType: 'Operation',
            targetId: payload.operationName ?? 'subscription',
            outcome: 'SUCCESS',
          });
        }
        keys.set(contextValue, shareKey(payload.query, payload.operationName, payload.variables, contextValue));
        return {
          schema,
          document,
          variableValues: payload.variables ?? undefined,
          operationName: payload.operationName ?? undefined,
          contextValue,
        };
      },
      subscribe: (args: ExecutionArgs) => liveSubscribe(args, keys.get(args.contextValue as object)!, readDs),
      // Subscription results get the same masking and personal-data audit as HTTP responses: a
      // result showing personal data is sent once its audit row is written (rows of many results
      // share one INSERT). A result without errors is shared with the subscribers that asked the
      // same (execution.ts) and sent as it is.
      onNext: (_ctx, id, _payload, args, result) => {
        const context = args.contextValue as Context;
        for (const owner of personalDataShownBy(result)) context.piiShown.add(owner);
        const audited = personalDataAudit.add(context);
        // Refusals noted while it ran, if any (operations are checked before they run): one write.
        if (context.accessDenied.size) void auditAccessDenied(context);
        const payload = result.errors
          ? { ...result, errors: result.errors.map((e) => maskError(e.toJSON(), e, `ws:${id}`)) }
          : (sharedPayload(result) as never);
        return audited ? audited.then(() => payload) : payload;
      },
    },
    wsServer,
    KEEPALIVE_MS,
  );

  return {
    dispose: async () => {
      if (recheckTimer) clearInterval(recheckTimer);
      await cleanup.dispose();
      await personalDataAudit.flush();
      await liveReady;
      if (liveDs.isInitialized) await liveDs.destroy();
    },
  };
}
