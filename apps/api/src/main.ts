import 'reflect-metadata';
import { loadConfig } from './config';
import { logger } from './common/logger';
import { createDataSource, NO_TIMEOUTS } from './db/data-source';
import { startEmbeddedPostgres } from './db/embedded';
import { seedComplaints } from './db/seed/complaints';
import { seedReturns } from './db/seed/returns';
import { seedSurveys } from './db/seed/surveys';
import { DEFAULT_SEED, seedDemoDataIfEmpty } from './db/seed/seed';
import { createServer } from './http/server';
import { runTraffic } from './demo/traffic';

async function main() {
  const config = loadConfig();
  const embedded = config.databaseUrl ? null : await startEmbeddedPostgres(config.dataDir);
  const databaseUrl = config.databaseUrl ?? embedded!.url;
  if (embedded) logger.info({ url: embedded.url }, 'embedded PostgreSQL is running');

  // Migrations and the demo seed may run statements longer than a request may: on connections of
  // their own without the statement timeout, closed before the API's pool (with it) opens.
  const setup = createDataSource(databaseUrl, 2, NO_TIMEOUTS);
  await setup.initialize();
  const applied = await setup.runMigrations({ transaction: 'each' });
  if (applied.length) logger.info({ migrations: applied.map((m) => m.name) }, 'migrations applied');
  // The demo's webhook endpoints point at this process's demo receiver (unknown with PORT=0).
  const freshDemo =
    config.seed === 'demo' &&
    (await seedDemoDataIfEmpty(setup, { webhookBase: config.port ? `http://127.0.0.1:${config.port}` : undefined }));
  await setup.destroy();
  const ds = createDataSource(databaseUrl, config.dbPoolSize, config);
  await ds.initialize();

  const server = await createServer({ ds, databaseUrl, config });
  await server.services.auth.ensureUsers({
    demo: config.seed === 'demo',
    // Demo accounts' password is public: a production start that does not seed them disables them.
    disableDemo: config.production && config.seed === 'none',
    adminEmail: config.adminEmail,
    adminPassword: config.adminPassword,
  });
  // After-sales goes through its modules as the demo's agent and warehouse staff, who exist from here on.
  if (freshDemo) {
    const complaints = await seedComplaints(ds, DEFAULT_SEED);
    const returns = await seedReturns(ds, DEFAULT_SEED);
    const surveys = await seedSurveys(ds, DEFAULT_SEED);
    logger.info({ complaints, returns, surveys }, 'demo after-sales seeded');
  }
  const port = await server.listen(config.port);
  logger.info(
    { port },
    `GraphQL API ready at http://localhost:${port}/graphql (subscriptions: ws://localhost:${port}/graphql)`,
  );
  logger.info(`Open http://localhost:${port}/ in your browser`);
  await server.ready;
  const demo = new AbortController();
  if (process.argv.includes('--demo')) {
    void runTraffic({
      url: `http://127.0.0.1:${port}/graphql`,
      rate: Number(process.env.DEMO_RATE ?? 30),
      signal: demo.signal,
    }).catch((e: Error) => logger.error({ err: e.message }, 'demo traffic stopped'));
  }

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    demo.abort();
    await server.stop().catch((e) => logger.warn({ err: e }, 'error stopping the API'));
    await ds.destroy().catch(() => undefined);
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
