import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { ApolloServer, ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express, { NextFunction, Request, Response } from 'express';
import { DocumentNode, GraphQLError, GraphQLFormattedError, GraphQLSchema } from 'graphql';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { DataSource } from 'typeorm';
import { Config } from './config';
import { Context, createContext } from './common/context';
import { assertWellFormedText, assertWithinCost, armorRules, LIMITS, tooManyTokens } from './common/limits';
import { createLivePubSub, LiveEventRelay } from './common/live-events';
import { logger } from './common/logger';
import { InvalidCredential } from './modules/access/auth.service';
import { auditPersonalDataShown } from './modules/access/pii';
import { Actor } from './common/actor';
import { BENCHMARK_PRINCIPAL } from './modules/access/principal';
import { audit } from './common/audit';
import { createSchema } from './schema';
import { fastResolvers } from './common/fast-resolvers';
import { createServices, Services } from './app/services';
import { landingPage } from './landing-page';
import { REPO_ROOT } from './config';
import fs from 'node:fs';
import path from 'node:path';
import { createLiveServer } from './live-server';

export interface ServerOptions {
  ds: DataSource;
  databaseUrl: string;
  config: Config;
}

export interface RunningServer {
  httpServer: http.Server;
  services: Services;
  listen(port: number): Promise<number>;
  stop(): Promise<void>;
}

/**
 * Which request an error belongs to, for formatError (which Apollo calls without the context): noted
 * in didEncounterErrors, which Apollo calls with the same error objects just before formatting them.
 * (No AsyncLocalStorage: on Node 20 it turns on promise hooks, a cost on every promise of every request.)
 */
const requestOfError = new WeakMap<object, { requestId: string; signedIn: boolean }>();

/** Client errors pass through; anything unexpected becomes a generic message with the request id. */
const CLIENT_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'QUERY_TOO_COMPLEX',
]);

/**
 * Request errors graphql-js and Apollo raise without a code (Apollo then reports INTERNAL_SERVER_ERROR):
 * a persisted query whose hash does not match (HTTP 400) and "Too many errors processing variables".
 * They are the client's mistakes, not internal failures.
 */
function uncodedClientError(error: unknown): string | undefined {
  if (!(error instanceof GraphQLError) || error.extensions?.code !== undefined) return undefined;
  const status = (error.extensions?.http as { status?: number } | undefined)?.status;
  if (status && status >= 400 && status < 500) return 'BAD_REQUEST';
  if (error.message.startsWith('Too many errors processing variables')) return 'BAD_USER_INPUT';
  return undefined;
}

export function maskError(formatted: GraphQLFormattedError, error: unknown, requestId: string | undefined, signedIn = true): GraphQLFormattedError {
  const code = uncodedClientError(error) ?? (formatted.extensions?.code as string | undefined);
  if (code && CLIENT_ERROR_CODES.has(code)) {
    const { stacktrace: _s, ...rest } = formatted.extensions ?? {};
    const extensions = { ...rest, code };
    // Field suggestions would let an anonymous caller map the schema.
    const message = signedIn ? formatted.message : formatted.message.replace(/ Did you mean .+\?$/, '');
    return { ...formatted, message, extensions };
  }
  logger.error({ err: (error as { originalError?: unknown }).originalError ?? error, requestId, path: formatted.path }, 'unexpected error');
  return {
    message: `Internal server error. Quote request id ${requestId ?? 'unknown'} when reporting it.`,
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR', requestId },
  };
}

function jsonError(res: Response, status: number, code: string, message: string) {
  res.status(status).json({ errors: [{ message, extensions: { code, requestId: res.locals.requestId as string | undefined } }] });
}

/**
 * The built dashboard (apps/dashboard/dist) at `/`, with its client-side routes; until it is built,
 * a short page that links to the GraphQL endpoint.
 */
function serveDashboard(app: express.Express) {
  const dist = path.join(REPO_ROOT, 'apps/dashboard/dist');
  const index = path.join(dist, 'index.html');
  if (!fs.existsSync(index)) {
    app.get('/', (_req, res) => void res.type('html').send(landingPage()));
    return;
  }
  app.use('/assets', express.static(path.join(dist, 'assets'), { immutable: true, maxAge: '365d', fallthrough: false }));
  app.use(express.static(dist, { index: false }));
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || req.path.startsWith('/graphql') || req.path === '/health' || !req.accepts('html')) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}

export async function createServer(opts: ServerOptions): Promise<RunningServer> {
  const { config } = opts;
  const services = createServices(opts.ds, config);
  const pubSub = createLivePubSub();
  const relay = new LiveEventRelay(opts.databaseUrl, pubSub);
  const schema = await createSchema(pubSub);
  fastResolvers(schema);
  const guards = config.guards;
  if (!guards) {
    logger.warn(
      'GUARDS=off: AUTHENTICATION, RATE LIMITS, THE TOKEN CAP, GRAPHQL-ARMOR AND THE COST LIMIT ARE OFF; every HTTP request acts as an all-permissions ' +
        'benchmark principal. For benchmarks only: listening on 127.0.0.1 only. Never run a deployment like this.',
    );
  }
  const validationRules = guards ? armorRules() : [];

  const app = express();
  app.disable('x-powered-by');
  // No ETag on API answers: hashing every response body costs more than it ever saves (static files keep theirs).
  app.set('etag', false);
  const httpServer = http.createServer(app);
  const live = createLiveServer({ httpServer, schema, services, pubSub, maxPayload: config.maxBodyBytes, validationRules });

  // Apollo keeps one parsed document per query text, so a document and variables that were within
  // the cost limit once are within it again: clients repeat the same few queries.
  const withinCost = new WeakMap<DocumentNode, Set<string>>();
  const assertWithinCostOnce = (s: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> | undefined, operationName: string | undefined) => {
    const key = `${operationName ?? ''}\n${JSON.stringify(variables ?? {})}`;
    let known = withinCost.get(document);
    if (known?.has(key)) return;
    assertWithinCost(s, document, variables, operationName);
    if (!known) withinCost.set(document, (known = new Set()));
    if (known.size >= 100) known.clear();
    known.add(key);
  };
  const limits: ApolloServerPlugin<Context> = {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request, operation, schema: s }) {
          if (operation?.operation === 'subscription') {
            throw new GraphQLError('Subscriptions are served over WebSocket (graphql-ws) on /graphql, not over HTTP', { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } });
          }
          assertWellFormedText(document, request.variables);
          if (guards) assertWithinCostOnce(s, document, request.variables, request.operationName ?? undefined);
        },
        async didEncounterErrors({ errors, contextValue }) {
          const request = { requestId: contextValue.requestId, signedIn: !!contextValue.actor?.principal };
          for (const e of errors) requestOfError.set(e, request);
        },
        async willSendResponse({ contextValue, operation }) {
          await auditPersonalDataShown(contextValue);
          const p = contextValue.actor.principal;
          if (p?.kind === 'API_KEY' && operation && operation.operation !== 'mutation') {
            await audit(services.ds, contextValue.actor, { action: 'API_KEY_USED', targetType: 'Operation', targetId: operation.name?.value ?? operation.operation, outcome: 'SUCCESS' });
          }
        },
      };
    },
  };

  const apollo = new ApolloServer<Context>({
    schema,
    includeStacktraceInErrorResponses: false,
    introspection: config.introspection,
    allowBatchedHttpRequests: false,
    // main.ts owns shutdown: it stops the API, then the database, in that order.
    stopOnTerminationSignals: false,
    validationRules,
    formatError: (formatted, error) => {
      const request = typeof error === 'object' && error !== null ? requestOfError.get(error) : undefined;
      return maskError(formatted, error, request?.requestId, request?.signedIn ?? false);
    },
    plugins: [
      limits,
      // No cache hints are used; the plugin would wrap every field's resolver to collect them.
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      { async serverWillStart() { return { drainServer: () => live.dispose() }; } } satisfies ApolloServerPlugin<Context>,
    ],
  });
  await apollo.start();

  /** Query texts already lexed within the token cap (clients repeat the same few queries). */
  const withinTokens = new Set<string>();
  const perCaller = new RateLimiterMemory({ points: config.rateLimitPerMinute, duration: 60 });
  const perAnonymousAddress = new RateLimiterMemory({ points: config.anonymousRateLimitPerMinute, duration: 60 });

  app.use((req: Request, res: Response, next: NextFunction) => {
    const requestId = randomUUID();
    res.setHeader('X-Request-Id', requestId);
    res.locals.requestId = requestId;
    next();
  });
  serveDashboard(app);
  app.get('/health', async (_req, res) => {
    try {
      await opts.ds.query('SELECT 1');
      res.json({ status: 'ok' });
    } catch {
      res.status(503).json({ status: 'unavailable', reason: 'database unreachable' });
    }
  });
  app.use('/graphql', express.json({ limit: config.maxBodyBytes }), async (req: Request, res: Response, next: NextFunction) => {
    const actor: Actor = { principal: null, requestId: res.locals.requestId as string, clientIp: req.socket.remoteAddress ?? null };
    if (!guards) {
      actor.principal = BENCHMARK_PRINCIPAL;
      res.locals.actor = actor;
      return next();
    }
    const limited = async (limiter: RateLimiterMemory, key: string): Promise<boolean> => {
      try {
        await limiter.consume(key);
        return false;
      } catch (e) {
        if (!(e instanceof RateLimiterRes)) throw e;
        const seconds = Math.max(1, Math.ceil(e.msBeforeNext / 1000));
        res.setHeader('Retry-After', String(seconds));
        jsonError(res, 429, 'RATE_LIMITED', `Too many requests; retry in ${seconds} s`);
        return true;
      }
    };
    try {
      actor.principal = await services.auth.authenticate(req.header('authorization'));
    } catch (e) {
      if (!(e instanceof InvalidCredential)) return next(e);
      // Guessing tokens or keys counts against the address like any anonymous request.
      if (await limited(perAnonymousAddress, actor.clientIp ?? 'unknown')) return;
      await audit(services.ds, actor, { action: 'AUTHENTICATION', outcome: 'DENIED', details: { reason: e.message } }).catch(() => undefined);
      return jsonError(res, 401, 'UNAUTHENTICATED', e.message);
    }
    if (await limited(actor.principal ? perCaller : perAnonymousAddress, actor.principal?.id ?? actor.clientIp ?? 'unknown')) return;
    const query = req.method === 'GET' ? req.query.query : req.body?.query;
    if (typeof query === 'string' && !withinTokens.has(query) && tooManyTokens(query)) {
      return jsonError(res, 400, 'GRAPHQL_VALIDATION_FAILED', `Query has more than ${LIMITS.maxTokens} tokens`);
    }
    if (typeof query === 'string' && !withinTokens.has(query)) {
      if (withinTokens.size >= 1000) withinTokens.clear();
      withinTokens.add(query);
    }
    res.locals.actor = actor;
    next();
  });
  app.use(
    '/graphql',
    expressMiddleware(apollo, {
      context: async ({ res }) => createContext(services, res.locals.actor as Actor),
    }),
  );
  app.use((_req: Request, res: Response) => {
    jsonError(res, 404, 'NOT_FOUND', 'Not found. The GraphQL endpoint is /graphql.');
  });
  // Body-parser and other middleware failures: a clear JSON error with the right status, never a stack.
  app.use((err: { status?: number; type?: string; message?: string }, _req: Request, res: Response, _next: NextFunction) => {
    const status = err.status && err.status >= 400 && err.status < 500 ? err.status : 500;
    if (status === 500) logger.error({ err, requestId: res.locals.requestId }, 'unexpected error');
    if (err.type === 'entity.too.large') return jsonError(res, 413, 'PAYLOAD_TOO_LARGE', `Request body is larger than ${config.maxBodyBytes} bytes`);
    if (err.type === 'entity.parse.failed') return jsonError(res, 400, 'BAD_REQUEST', 'Request body is not valid JSON');
    if (status < 500) return jsonError(res, status, 'BAD_REQUEST', 'Bad request');
    return jsonError(res, 500, 'INTERNAL_SERVER_ERROR', `Internal server error. Quote request id ${res.locals.requestId} when reporting it.`);
  });

  await relay.start();
  // Sessions and keys are remembered between requests; revocations reach the cache by NOTIFY from
  // every process, and from this one as soon as they commit (app/services.ts).
  await services.auth.credentials.start(opts.databaseUrl);

  return {
    httpServer,
    services,
    listen: (port) =>
      new Promise((resolve, reject) => {
        httpServer.once('error', (e: NodeJS.ErrnoException) =>
          reject(e.code === 'EADDRINUSE' ? new Error(`port ${port} is already in use; set PORT to another port`) : e),
        );
        // Without guards nothing but this machine may reach the API.
        httpServer.listen(port, guards ? undefined : '127.0.0.1', () => resolve((httpServer.address() as { port: number }).port));
      }),
    async stop() {
      await apollo.stop();
      await relay.stop();
      await services.auth.credentials.stop();
    },
  };
}
