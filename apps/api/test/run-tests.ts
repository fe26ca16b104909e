import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { REPO_ROOT } from '../src/config';
import { startEmbeddedPostgres } from '../src/db/embedded';

/**
 * `npm run test:unit` / `npm run test:int`: runs the compiled specs with node's test runner. Integration
 * specs get one embedded PostgreSQL for the run (TEST_DATABASE_URL points at its admin database) and
 * create a fresh database per file; with TEST_DATABASE_URL already set, that server is used instead.
 */
function findSpecs(dir: string, suffix: RegExp): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : findSpecs(full, suffix);
    return suffix.test(e.name) ? [full] : [];
  });
}

function runNodeTest(files: string[], env: NodeJS.ProcessEnv, extraArgs: string[] = []): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--test', '--test-reporter=spec', ...extraArgs, ...files], {
      stdio: 'inherit',
      env,
    });
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

async function dropOldTestDatabases(adminUrl: string) {
  const c = new Client({ connectionString: adminUrl });
  await c.connect();
  const { rows } = await c.query(`SELECT datname FROM pg_database WHERE datname LIKE 'test\\_%'`);
  for (const r of rows) await c.query(`DROP DATABASE IF EXISTS "${r.datname}" WITH (FORCE)`);
  await c.end();
}

async function main() {
  const mode = process.argv[2];
  const only = process.argv[3];
  const dists = [path.join(REPO_ROOT, 'packages/domain/dist'), path.join(REPO_ROOT, 'apps/api/dist')];
  if (mode === 'unit') {
    const files = dists.flatMap((d) => findSpecs(d, /(?<!(int|rel)-)spec\.js$/));
    process.exit(await runNodeTest(files, process.env));
  }
  if (mode !== 'int' && mode !== 'reliability') throw new Error('usage: run-tests unit|int|reliability [file-filter]');
  let files = findSpecs(
    path.join(REPO_ROOT, 'apps/api/dist/test'),
    mode === 'int' ? /\.int-spec\.js$/ : /\.rel-spec\.js$/,
  );
  if (only) files = files.filter((f) => f.includes(only));
  // node --test without files would run everything it finds under test/ directories instead.
  if (files.length === 0) throw new Error(`no ${mode} spec matches "${only ?? ''}"`);

  let adminUrl = process.env.TEST_DATABASE_URL;
  const embedded = adminUrl
    ? null
    : await startEmbeddedPostgres(
        path.join(REPO_ROOT, process.env.TEST_DATA_DIR ?? `.data/${mode === 'int' ? 'test' : 'reliability'}`),
        'postgres',
      );
  adminUrl ??= embedded!.url;
  await dropOldTestDatabases(adminUrl);
  // Reliability specs load the machine on purpose: one file at a time, so they do not disturb each other.
  const extra = mode === 'reliability' ? ['--test-concurrency=1'] : [];
  const code = await runNodeTest(
    files,
    { ...process.env, TEST_DATABASE_URL: adminUrl, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn', LOG_JSON: '1' },
    extra,
  );
  await embedded?.stop();
  process.exit(code);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
