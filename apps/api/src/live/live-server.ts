import { randomUUID } from 'node:crypto';
import http from 'node:http';
import {
  DocumentNode,
  ExecutionArgs,
  GraphQLError,
  getOperationAST,
  GraphQLSchema,
  OperationTypeNode,
  specifiedRules,
  ValidationRule,
} from 'graphql';
import { CloseCode } from 'graphql-ws';
import { DataSource, DataSourceOptions } from 'typeorm';
import { WebSocket, WebSocketServer } from 'ws';
import { Context, createContext } from '../app/context';
import { createLoaders } from '../app/loaders';
import type { Services } from '../app/services';
import { Actor } from '../common/actor';
import { audit } from '../common/audit';
import { maskError } from '../common/errors';
import { addressKey, clientAddress } from '../common/client-address';
import {
  assertDeclaredVariables,
  assertVariablesWithinSize,
  assertWellFormedText,
  LIMITS,
  QueryLimits,
  rateLimited,
  RateLimits,
} from '../common/limits';
import { logger } from '../common/logger';
import type { Config } from '../config';
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
/** Close code "policy violation": for a caller over its cap of open connections (clients retry it later). */
const POLICY_VIOLATION = 1008;

function countDown(counts: Map<string, number>, key: string): void {
  const n = (counts.get(key) ?? 0) - 1;
  if (n > 0) counts.set(key, n);
  else counts.delete(key);
}

interface LiveOptions {
  httpServer: http.Server;
  schema: GraphQLSchema;
  services: Services;
  pubSub: LivePubSub;
  maxPayload: number;
  validationRules: ValidationRule[];
  /** The token cap and cost limit, shared with HTTP. */
  limits: QueryLimits;
  /** The rate limits per caller and per address, shared with HTTP. */
  rateLimits: RateLimits;
  /** TRUST_PROXY and the caps on open connections per caller and per address. */
  config: Pick<Config, 'trustProxy' | 'liveConnectionsPerCaller' | 'liveConnectionsPerAddress'>;
  /** How often the credentials of all connections are read again (one statement); 0: never. */
  credentialRecheckMs: number;
}

interface Extra {
  [key: string | symbol]: unknown;
  socket: WebSocket;
  request: http.IncomingMessage;
  actor?: Actor;
  /** The principal whose open connections this one counts toward (see onConnect). */
  countedFor?: string;
}

/**
 * graphql-ws on /graphql. A connection must present a valid token or API key in
 * connectionParams.authorization; it is closed when that credential expires or is revoked anywhere.
 */
export function createLiveServer(opts: LiveOptions) {
  const { services, schema, rateLimits, config } = opts;
  const addressOf = (request: http.IncomingMessage) => clientAddress(request, config.trustProxy);
  /** Open sockets per client address (addressKey), and open connections per signed-in caller. */
  const openPerAddress = new Map<string, number>();
  const openPerCaller = new Map<string, number>();
  const wsServer = new WebSocketServer({
    server: opts.httpServer,
    path: '/graphql',
    maxPayload: opts.maxPayload,
    // Upgrades are refused (HTTP 429) from an address that used up its budget of anonymous requests
    // and failed sign-ins, or that has as many sockets open as it may.
    verifyClient: ({ req }, done) => {
      const ip = addressOf(req);
      rateLimits.addressBlocked(ip).then(
        (seconds) => {
          if (seconds !== null)
            return done(false, 429, `Too many requests from this address; retry in ${seconds} s`, {
              'Retry-After': String(seconds),
            });
          if ((openPerAddress.get(addressKey(ip)) ?? 0) >= config.liveConnectionsPerAddress)
            return done(
              false,
              429,
              `Too many open connections from this address (limit ${config.liveConnectionsPerAddress})`,
            );
          done(true);
        },
        () => done(false, 500),
      );
    },
  });
  wsServer.on('connection', (socket, request) => {
    const key = addressKey(addressOf(request));
    openPerAddress.set(key, (openPerAddress.get(key) ?? 0) + 1);
    socket.once('close', () => countDown(openPerAddress, key));
  });
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
      // connection_init: a connection without a valid credential counts against its address (as an
      // anonymous HTTP request does), and once the address is over its budget it is closed without
      // writing an audit row; a signed-in one counts against its caller's budget and open connections.
      onConnect: async (ctx) => {
        const actor: Actor = {
          principal: null,
          requestId: `ws:${randomUUID()}`,
          clientIp: addressOf(ctx.extra.request),
        };
        try {
          actor.principal = await services.auth.authenticate(ctx.connectionParams?.authorization as string | undefined);
        } catch {
          actor.principal = null;
        }
        const refuse = (code: number, reason: string) => {
          ctx.extra.socket.close(code, reason);
          return false;
        };
        if (!actor.principal) {
          const seconds = await rateLimits.address(actor.clientIp);
          if (seconds !== null) return refuse(TRY_AGAIN_LATER, `Too many requests; retry in ${seconds} s`);
          await audit(services.ds, actor, {
            action: 'AUTHENTICATION',
            targetType: 'Subscription',
            outcome: 'DENIED',
          }).catch(() => undefined);
          return false;
        }
        const seconds = await rateLimits.caller(actor.principal.id);
        if (seconds !== null) return refuse(TRY_AGAIN_LATER, `Too many requests; retry in ${seconds} s`);
        const open = openPerCaller.get(actor.principal.id) ?? 0;
        if (open >= config.liveConnectionsPerCaller)
          return refuse(
            POLICY_VIOLATION,
            `Too many open connections for this caller (limit ${config.liveConnectionsPerCaller})`,
          );
        openPerCaller.set(actor.principal.id, open + 1);
        ctx.extra.countedFor = actor.principal.id;
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
        if (ctx.extra.countedFor) countDown(openPerCaller, ctx.extra.countedFor);
        ctx.extra.countedFor = undefined;
        // A socket that never said who it is (no connection_init) counts as an anonymous request.
        if (!ctx.connectionInitReceived) void rateLimits.address(addressOf(ctx.extra.request));
      },
      // Every subscribe message counts against the caller's rate limit, as an HTTP request does, and
      // passes the same checks: token cap, size of the variables, well-formed text, declared
      // variables, cost. Queries and mutations are refused: they are served over HTTP, where they
      // pass the HTTP-only checks too (sign-in throttle by address, audit of API-key use per request).
      onSubscribe: async (ctx, _id, payload) => {
        const actor = ctx.extra.actor!;
        // Counted before anything is awaited: the subscriptions open or being opened, this one included.
        if (Object.keys(ctx.subscriptions).length > LIMITS.maxSubscriptionsPerConnection)
          return [
            new GraphQLError(
              `Too many subscriptions on this connection (limit ${LIMITS.maxSubscriptionsPerConnection}); complete some first`,
              { extensions: { code: 'TOO_MANY_SUBSCRIPTIONS', limit: LIMITS.maxSubscriptionsPerConnection } },
            ),
          ];
        const seconds = await rateLimits.caller(actor.principal!.id);
        if (seconds !== null) return [rateLimited(seconds)];
        let document: DocumentNode;
        let errors: readonly GraphQLError[];
        try {
          opts.limits.screen(payload.query, true);
          if (payload.query.length > LIMITS.maxSubscriptionQueryLength)
            throw new GraphQLError(
              `A subscription's query may have at most ${LIMITS.maxSubscriptionQueryLength} characters`,
              { extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } },
            );
          assertVariablesWithinSize(payload.variables);
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
        const operation = getOperationAST(document, payload.operationName);
        if (!operation)
          return [
            new GraphQLError('Unable to identify the operation: name it with operationName', {
              extensions: { code: 'OPERATION_RESOLUTION_FAILURE' },
            }),
          ];
        if (operation.operation !== OperationTypeNode.SUBSCRIPTION)
          return [
            new GraphQLError(
              `Only subscriptions are served over WebSocket; send ${operation.operation === OperationTypeNode.MUTATION ? 'mutations' : 'queries'} with HTTP POST to /graphql`,
              { extensions: { code: 'BAD_REQUEST' } },
            ),
          ];
        try {
          assertDeclaredVariables(operation, payload.variables);
          assertWellFormedText(document, payload.variables);
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
    connections: () => connections.size,
    dispose: async () => {
      if (recheckTimer) clearInterval(recheckTimer);
      await cleanup.dispose();
      await personalDataAudit.flush();
      await liveReady;
      if (liveDs.isInitialized) await liveDs.destroy();
    },
  };
}
