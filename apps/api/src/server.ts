import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express, { NextFunction, Request, Response } from 'express';
import { GraphQLFormattedError } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { DataSource } from 'typeorm';
import { WebSocketServer } from 'ws';
import { Context, createContext } from './common/context';
import { createLivePubSub, LiveEventRelay } from './common/live-events';
import { logger } from './common/logger';
import { createSchema } from './schema';
import { createServices } from './services';
import { landingPage } from './landing-page';

export interface ServerOptions {
  ds: DataSource;
  databaseUrl: string;
  production: boolean;
  maxBodyBytes: number;
}

export interface RunningServer {
  httpServer: http.Server;
  listen(port: number): Promise<number>;
  stop(): Promise<void>;
}

const requestStore = new AsyncLocalStorage<{ requestId: string }>();

/** Client errors pass through; anything unexpected becomes a generic message with the request id. */
const CLIENT_ERROR_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND', 'OPERATION_RESOLUTION_FAILURE']);

export function maskError(formatted: GraphQLFormattedError, error: unknown, requestId: string | undefined): GraphQLFormattedError {
  const code = formatted.extensions?.code as string | undefined;
  if (code && CLIENT_ERROR_CODES.has(code)) {
    const { stacktrace: _s, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  logger.error({ err: (error as { originalError?: unknown }).originalError ?? error, requestId, path: formatted.path }, 'unexpected error');
  return {
    message: `Internal server error. Quote request id ${requestId ?? 'unknown'} when reporting it.`,
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR', requestId },
  };
}

export async function createServer(opts: ServerOptions): Promise<RunningServer> {
  const services = createServices(opts.ds);
  const pubSub = createLivePubSub();
  const relay = new LiveEventRelay(opts.databaseUrl, pubSub);
  const schema = await createSchema(pubSub);

  const app = express();
  app.disable('x-powered-by');
  const httpServer = http.createServer(app);

  const wsServer = new WebSocketServer({ server: httpServer, path: '/graphql', maxPayload: opts.maxBodyBytes });
  const wsCleanup = useServer(
    {
      schema,
      context: (): Context => createContext(services, { live: true }),
      // Subscription results get the same masking as HTTP responses.
      onNext: (_ctx, id, _payload, _args, result) =>
        result.errors ? { ...result, errors: result.errors.map((e) => maskError(e.toJSON(), e, `ws:${id}`)) } : undefined,
    },
    wsServer,
  );

  const apollo = new ApolloServer<Context>({
    schema,
    includeStacktraceInErrorResponses: false,
    introspection: !opts.production,
    allowBatchedHttpRequests: false,
    // main.ts owns shutdown: it stops the API, then the database, in that order.
    stopOnTerminationSignals: false,
    formatError: (formatted, error) => maskError(formatted, error, requestStore.getStore()?.requestId),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      { async serverWillStart() { return { async drainServer() { await wsCleanup.dispose(); } }; } },
    ],
  });
  await apollo.start();

  app.use((req: Request, res: Response, next: NextFunction) => {
    const requestId = randomUUID();
    res.setHeader('X-Request-Id', requestId);
    requestStore.run({ requestId }, next);
  });
  app.get('/', (_req, res) => {
    res.type('html').send(landingPage());
  });
  app.get('/health', async (_req, res) => {
    try {
      await opts.ds.query('SELECT 1');
      res.json({ status: 'ok' });
    } catch {
      res.status(503).json({ status: 'unavailable', reason: 'database unreachable' });
    }
  });
  app.use(
    '/graphql',
    express.json({ limit: opts.maxBodyBytes }),
    expressMiddleware(apollo, {
      context: async ({ req }) => createContext(services, { requestId: requestStore.getStore()?.requestId, actor: actorFrom(req) }),
    }),
  );
  app.use((_req: Request, res: Response) => {
    res.status(404).json({ errors: [{ message: 'Not found. The GraphQL endpoint is /graphql.', extensions: { code: 'NOT_FOUND' } }] });
  });
  // Body-parser and other middleware failures: a clear JSON error with the right status, never a stack.
  app.use((err: { status?: number; type?: string; message?: string }, _req: Request, res: Response, _next: NextFunction) => {
    const status = err.status && err.status >= 400 && err.status < 500 ? err.status : 500;
    const message =
      err.type === 'entity.too.large'
        ? `Request body is larger than ${opts.maxBodyBytes} bytes`
        : err.type === 'entity.parse.failed'
          ? 'Request body is not valid JSON'
          : status < 500
            ? 'Bad request'
            : `Internal server error. Quote request id ${requestStore.getStore()?.requestId} when reporting it.`;
    if (status === 500) logger.error({ err, requestId: requestStore.getStore()?.requestId }, 'unexpected error');
    res.status(status).json({ errors: [{ message, extensions: { code: status === 413 ? 'PAYLOAD_TOO_LARGE' : status < 500 ? 'BAD_REQUEST' : 'INTERNAL_SERVER_ERROR' } }] });
  });

  await relay.start();

  return {
    httpServer,
    listen: (port) =>
      new Promise((resolve, reject) => {
        httpServer.once('error', (e: NodeJS.ErrnoException) =>
          reject(e.code === 'EADDRINUSE' ? new Error(`port ${port} is already in use; set PORT to another port`) : e),
        );
        httpServer.listen(port, () => resolve((httpServer.address() as { port: number }).port));
      }),
    async stop() {
      await apollo.stop();
      await relay.stop();
    },
  };
}

/** Until access control exists, integrators may name themselves; the name goes on events and movements. */
function actorFrom(req: Request): string {
  const name = req.header('x-actor');
  return name && /^[\w.@-]{1,64}$/.test(name) ? name : 'api';
}
