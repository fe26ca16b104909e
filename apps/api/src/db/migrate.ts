import 'reflect-metadata';
import { loadConfig } from '../config';
import { logger } from '../common/logger';
import { createDataSource, NO_TIMEOUTS, whilePreparing } from './data-source';
import { startEmbeddedPostgres } from './embedded';

/** `npm run db:migrate`: applies pending migrations to DATABASE_URL (or the embedded database). */
async function main() {
  const config = loadConfig();
  const embedded = config.databaseUrl ? null : await startEmbeddedPostgres(config.dataDir);
  const ds = createDataSource(config.databaseUrl ?? embedded!.url, 3, NO_TIMEOUTS);
  await ds.initialize();
  const applied = await whilePreparing(ds, () => ds.runMigrations({ transaction: 'each' }));
  logger.info(
    { applied: applied.map((m) => m.name) },
    applied.length ? 'migrations applied' : 'database is up to date',
  );
  await ds.destroy();
  await embedded?.stop();
}

main().catch((e) => {
  logger.error(e);
  process.exit(1);
});
