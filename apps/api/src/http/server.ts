import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { ApolloServer, ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express, { NextFunction, Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { Context, createContext } from '../app/context';
import { LIVE_CHANNELS } from '../app/modules';
import { createServices, Services } from '../app/services';
import { demoWebhookReceiver } from '../demo/webhook-receiver';
import { Actor } from '../common/actor';
import {
  DATABASE_RETRY_AFTER_SECONDS,
  isDatabaseUnavailable,
  maskRequestError,
  noteRequestOfErrors,
} from '../common/errors';
import { fastResolvers } from '../common/fast-resolvers';
import { armorRules, QueryLimits, RateLimits } from '../common/limits';
import { logger } from '../common/logger';
import { Config } from '../config';
import { ReadRouting, readsHeavily } from '../db/read-routing';
import { createLiveServer } from '../live/live-server';
import { LivePubSub } from '../live/pubsub';
import { LiveEventRelay } from '../live/relay';
import { createSchema } from '../app/schema';
import { authenticate } from './authenticate';
import { serveDashboard } from './dashboard';
import { serveLocalHostOnly } from './local-host';
import { securityHeaders } from './security-headers';
import { middlewareFailure, notFound } from './errors';
import { limitsPlugin } from './limits-plugin';
import { serveHealth } from './health';
import { collectFrom, metricsPlugin, serveMetrics } from './metrics';

export interface ServerOptions {
  ds: DataSource;
  databaseUrl: string;
  config: Config;
}

export interface RunningServer {
  httpServer: http.Server;
  services: Services;
  /** Resolves once the background parts (the job runner) have started; rejects when they cannot. */
  ready: Promise<void>;
  listen(port: number): Promise<number>;
  stop(): Promise<void>;
}

/** The API of one process: GraphQL over HTTP (Apollo on express) and graphql-ws on /graphql, the dashboard at `/`. */
export async function createServer(opts: ServerOptions): Promise<RunningServer> {
  const { config } = opts;
  const services = createServices(opts.ds, config);
  // Heavy reads may go to a streaming replica (DATABASE_READ_URL), with services of their own on it.
  const routing = config.databaseReadUrl
    ? new ReadRouting(opts.ds, config.databaseReadUrl, config.dbPoolSize, config)
    : null;
  const replicaServices = routing ? createServices(routing.replica, config) : null;
  routing?.start();
  const pubSub = new LivePubSub();
  const relay = new LiveEventRelay(opts.databaseUrl, pubSub, LIVE_CHANNELS);
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
  const limits = new QueryLimits(schema, validationRules);
  // One budget per caller and per address for HTTP and graphql-ws together.
  const rateLimits = new RateLimits(opts.ds, config.rateLimitPerMinute, config.anonymousRateLimitPerMinute);

  let stopping = false;
  const app = express();
  app.disable('x-powered-by');
  // No ETag on API answers: hashing every response body costs more than it ever saves (static files keep theirs).
  app.set('etag', false);
  const httpServer = http.createServer(app);
  if (!guards) serveLocalHostOnly(httpServer);
  const live = createLiveServer({
    httpServer,
    schema,
    services,
    pubSub,
    maxPayload: config.maxBodyBytes,
    validationRules,
    limits,
    rateLimits,
    config,
    credentialRecheckMs: config.credentialRecheckSeconds * 1000,
  });

  const apollo = new ApolloServer<Context>({
    schema,
    includeStacktraceInErrorResponses: false,
    introspection: config.introspection,
    allowBatchedHttpRequests: false,
    // main.ts owns shutdown: it stops the API, then the database, in that order.
    stopOnTerminationSignals: false,
    validationRules,
    // formatError is called without the context: each error's request is noted when it is encountered.
    formatError: maskRequestError,
    plugins: [
      limitsPlugin(limits, guards),
      metricsPlugin(),
      {
        async requestDidStart() {
          if (!routing) return;
          return {
            async didResolveOperation({ operation, contextValue }) {
              if (!operation || !readsHeavily(operation)) return;
              if (await routing.replicaFor(contextValue.actor.principal?.id ?? null))
                contextValue.reads = replicaServices!;
            },
            // Before the answer leaves: the caller's next request may reach another process.
            async willSendResponse({ operation, contextValue }) {
              const principal = contextValue.actor.principal;
              if (operation?.operation === 'mutation' && principal) await routing.noteWrite(principal.id);
            },
          };
        },
      } satisfies ApolloServerPlugin<Context>,
      {
        async requestDidStart() {
          return {
            async didEncounterErrors({ errors, contextValue }) {
              noteRequestOfErrors(errors, {
                requestId: contextValue.requestId,
                signedIn: !!contextValue.actor?.principal,
              });
            },
            // A request that failed because the database is away is not a server bug: 503 and when to retry.
            async willSendResponse({ errors, response }) {
              if (!errors?.some(isDatabaseUnavailable)) return;
              response.http.status = 503;
              response.http.headers.set('retry-after', String(DATABASE_RETRY_AFTER_SECONDS));
            },
          };
        },
      } satisfies ApolloServerPlugin<Context>,
      // No cache hints are used; the plugin would wrap every field's resolver to collect them.
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      {
        async serverWillStart() {
          return { drainServer: () => live.dispose() };
        },
      } satisfies ApolloServerPlugin<Context>,
    ],
  });
  await apollo.start();

  app.use((_req: Request, res: Response, next: NextFunction) => {
    const requestId = randomUUID();
    res.setHeader('X-Request-Id', requestId);
    res.locals.requestId = requestId;
    next();
  });
  app.use(securityHeaders(config));
  collectFrom({ ds: opts.ds, liveConnections: live.connections, liveSubscriptions: () => pubSub.totals() });
  serveMetrics(app, config.trustProxy, config.metricsToken);
  serveDashboard(app);
  if (config.seed === 'demo' && !config.production) app.use(demoWebhookReceiver(opts.ds));
  const health = serveHealth(app, opts.databaseUrl, () => stopping);
  app.use('/graphql', express.json({ limit: config.maxBodyBytes }), authenticate(services, config, limits, rateLimits));
  app.use(
    '/graphql',
    expressMiddleware(apollo, {
      context: async ({ res }) => createContext(services, res.locals.actor as Actor),
    }),
  );
  app.use(notFound);
  app.use(middlewareFailure(config.maxBodyBytes));

  // Every module has defined its jobs by now. With JOBS=off the process still connects, so "run now"
  // (sendNow) works; only working the queues and the crons is left to the processes with JOBS=on.
  // Setting up the queues takes ~0.4 s: the API answers meanwhile (sendNow waits), `ready` says when it is done.
  const ready = services.jobs.start(opts.databaseUrl, {
    work: config.jobs,
    statementTimeoutMs: config.statementTimeoutMs,
  });
  ready.catch(() => undefined);
  // Sessions and keys are remembered between requests; revocations reach the cache by NOTIFY from
  // every process, and from this one as soon as they commit (app/services.ts).
  await Promise.all([relay.start(), services.auth.credentials.start(opts.databaseUrl)]);
  // Customer notifications and webhooks go out from every process with OUTBOX on (default: JOBS), woken on commit.
  if (config.outbox) services.outbox.start(pubSub.subscribe('OUTBOX_READY'), 1000);

  return {
    httpServer,
    services,
    ready,
    listen: (port) =>
      new Promise((resolve, reject) => {
        httpServer.once('error', (e: NodeJS.ErrnoException) =>
          reject(e.code === 'EADDRINUSE' ? new Error(`port ${port} is already in use; set PORT to another port`) : e),
        );
        // Without guards nothing but this machine may reach the API.
        httpServer.listen(port, guards ? undefined : '127.0.0.1', () =>
          resolve((httpServer.address() as { port: number }).port),
        );
      }),
    async stop() {
      stopping = true;
      await apollo.stop();
      // Running jobs finish (bounded) while the data source's pool is still open.
      await services.jobs.stop();
      await services.outbox.stop();
      services.closeMessaging();
      await relay.stop();
      await services.auth.credentials.stop();
      await rateLimits.stop();
      await health.close();
      replicaServices?.closeMessaging();
      await routing?.stop();
    },
  };
}
