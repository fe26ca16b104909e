import 'reflect-metadata';
import cluster, { Worker } from 'node:cluster';
import { Config, loadConfig } from './config';
import { logger } from './common/logger';
import { createServices } from './app/services';
import { createDataSource, NO_TIMEOUTS, whilePreparing } from './db/data-source';
import { EmbeddedDatabase, startEmbeddedPostgres } from './db/embedded';
import { seedComplaints } from './db/seed/complaints';
import { seedReturns } from './db/seed/returns';
import { seedSurveys } from './db/seed/surveys';
import { DEFAULT_SEED, seedDemoDataIfEmpty } from './db/seed/seed';
import { createServer } from './http/server';
import { answerMetricsRequests } from './http/metrics';
import { AggregatorRegistry, PrometheusContentType } from 'prom-client';
import { resetFeedAfterRestore } from './modules/order/order-query.service';
import { runTraffic } from './demo/traffic';

/** A worker tells the primary it listens (the port is the primary's to report when PORT=0). */
interface ListeningMessage {
  type: 'listening';
  port: number;
}

/** How long a stopping process gives its workers (or itself) before it ends them. */
const STOP_TIMEOUT_MS = 20_000;

async function main() {
  const config = loadConfig();
  // A worker of a WORKERS > 1 start: the primary has prepared the database and passed its URL.
  if (cluster.isWorker) return serve(config, process.env.DATABASE_URL!, null);

  const embedded = config.databaseUrl ? null : await startEmbeddedPostgres(config.dataDir);
  const databaseUrl = config.databaseUrl ?? embedded!.url;
  if (embedded) logger.info({ url: embedded.url }, 'embedded PostgreSQL is running');
  await prepareDatabase(config, databaseUrl);
  if (config.workers > 1) return supervise(config, databaseUrl, embedded);
  return serve(config, databaseUrl, embedded);
}

/**
 * Migrations, the demo seed and the staff accounts, once per start (by the primary when there are
 * workers). They may run statements longer than a request may: on connections of their own without the
 * statement timeout, closed before the API's pool (with it) opens.
 */
async function prepareDatabase(config: Config, databaseUrl: string) {
  const setup = createDataSource(databaseUrl, 3, NO_TIMEOUTS);
  await setup.initialize();
  try {
    await whilePreparing(setup, async () => {
      const applied = await setup.runMigrations({ transaction: 'each' });
      if (applied.length) logger.info({ migrations: applied.map((m) => m.name) }, 'migrations applied');
      const restored = await resetFeedAfterRestore(setup);
      if (restored)
        logger.warn({ events: restored }, 'order events from another cluster (a restore): feed positions reset');
      // The demo's webhook endpoints point at this process's demo receiver (unknown with PORT=0).
      const freshDemo =
        config.seed === 'demo' &&
        (await seedDemoDataIfEmpty(setup, {
          webhookBase: config.port ? `http://127.0.0.1:${config.port}` : undefined,
        }));
      await createServices(setup, config).auth.ensureUsers({
        demo: config.seed === 'demo',
        // Demo accounts' password is public: a production start that does not seed them disables them.
        disableDemo: config.production && config.seed === 'none',
        adminEmail: config.adminEmail,
        adminPassword: config.adminPassword,
      });
      // After-sales goes through its modules as the demo's agent and warehouse staff, who exist from here on.
      if (freshDemo) {
        const complaints = await seedComplaints(setup, DEFAULT_SEED);
        const returns = await seedReturns(setup, DEFAULT_SEED);
        const surveys = await seedSurveys(setup, DEFAULT_SEED);
        logger.info({ complaints, returns, surveys }, 'demo after-sales seeded');
      }
    });
  } finally {
    await setup.destroy();
  }
}

function announce(port: number, processes: number) {
  logger.info(
    { port, processes },
    `GraphQL API ready at http://localhost:${port}/graphql (subscriptions: ws://localhost:${port}/graphql)`,
  );
  logger.info(`Open http://localhost:${port}/ in your browser`);
}

function startDemoTraffic(port: number): AbortController {
  const demo = new AbortController();
  if (process.argv.includes('--demo')) {
    void runTraffic({
      url: `http://127.0.0.1:${port}/graphql`,
      rate: Number(process.env.DEMO_RATE ?? 30),
      signal: demo.signal,
    }).catch((e: Error) => logger.error({ err: e.message }, 'demo traffic stopped'));
  }
  return demo;
}

/** One API process: the whole platform with one worker, one of several otherwise (behind the primary's port). */
async function serve(config: Config, databaseUrl: string, embedded: EmbeddedDatabase | null) {
  const ds = createDataSource(databaseUrl, config.dbPoolSize, config);
  await ds.initialize();
  const server = await createServer({ ds, databaseUrl, config });
  const port = await server.listen(config.port);
  await server.ready;
  const demo = cluster.isWorker ? null : startDemoTraffic(port);
  if (cluster.isWorker) process.send!({ type: 'listening', port } satisfies ListeningMessage);
  else announce(port, 1);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    setTimeout(() => process.exit(1), STOP_TIMEOUT_MS).unref();
    demo?.abort();
    await server.stop().catch((e) => logger.warn({ err: e }, 'error stopping the API'));
    await ds.destroy().catch(() => undefined);
    await embedded?.stop().catch(() => undefined);
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

/**
 * WORKERS > 1: this process forks the API processes, which share its port (node:cluster hands out the
 * connections), replaces one that dies, and on SIGINT/SIGTERM stops them before the embedded database.
 * Everything they share lives in PostgreSQL (rate limits, credentials, jobs, live events).
 */
function supervise(config: Config, databaseUrl: string, embedded: EmbeddedDatabase | null) {
  let stopping = false;
  let announced = false;
  let demo: AbortController | null = null;
  const listening = new Set<number>();
  const aggregator = new AggregatorRegistry<PrometheusContentType>();
  const fork = () => {
    const worker = cluster.fork({ DATABASE_URL: databaseUrl });
    worker.on('message', answerMetricsRequests(worker, aggregator));
    worker.on('message', (m: ListeningMessage) => {
      if (m?.type !== 'listening') return;
      listening.add(worker.id);
      if (!announced && listening.size === config.workers) {
        announced = true;
        announce(m.port, config.workers);
        demo = startDemoTraffic(m.port);
      }
    });
    return worker;
  };
  cluster.on('exit', (worker: Worker, code, signal) => {
    listening.delete(worker.id);
    if (stopping) return;
    logger.error({ worker: worker.process.pid, code, signal }, 'API process ended; starting another');
    setTimeout(() => !stopping && fork(), 1000).unref();
  });
  for (let i = 0; i < config.workers; i++) fork();

  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal, workers: Object.keys(cluster.workers ?? {}).length }, 'shutting down');
    demo?.abort();
    const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w);
    await Promise.all(
      workers.map(
        (w) =>
          new Promise<void>((resolve) => {
            if (w.isDead()) return resolve();
            const timer = setTimeout(() => w.process.kill('SIGKILL'), STOP_TIMEOUT_MS);
            w.once('exit', () => (clearTimeout(timer), resolve()));
            w.process.kill('SIGTERM');
          }),
      ),
    );
    await embedded?.stop().catch(() => undefined);
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((e: Error) => {
  logger.fatal({ err: e }, e.message);
  process.exit(1);
});
