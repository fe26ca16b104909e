import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '@fulfilment/api/embedded';
import { freePort, REPO_ROOT, sleep, withClient } from '../lib/platform';
import { log, report } from '../lib/report';

const B = '8 start-up';

/** Runs `command` in `cwd` until the platform it starts answers a GraphQL query; returns the seconds taken. */
async function timeToFirstAnswer(command: string, cwd: string, dataDir: string): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn('bash', ['-c', command], {
    cwd,
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, NODE_ENV: '', LOG_LEVEL: 'warn' },
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-3000)));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${command} exited with ${child.exitCode}: ${stderr}`);
      const answered = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: `mutation { login(input: { email: "manager@demo.local", password: "demo" }) { token } }`,
        }),
      })
        .then(
          async (r) =>
            r.ok && Boolean(((await r.json()) as { data?: { login?: { token?: string } } }).data?.login?.token),
        )
        .catch(() => false);
      if (answered) return (performance.now() - started) / 1000;
      if (performance.now() - started > 15 * 60_000) throw new Error(`${command}: no answer after 15 minutes`);
      await sleep(50);
    }
  } finally {
    if (child.exitCode === null) {
      const gone = new Promise((r) => child.once('exit', r));
      process.kill(-child.pid!, 'SIGINT');
      await Promise.race([
        gone,
        sleep(20_000).then(() => child.exitCode === null && process.kill(-child.pid!, 'SIGKILL')),
      ]);
    }
  }
}

/** The floor for a start on existing data: the embedded PostgreSQL alone starting and answering. */
async function databaseAlone(dataDir: string): Promise<number> {
  const started = performance.now();
  const pg = await startEmbeddedPostgres(dataDir);
  await withClient(pg.url, (c) => c.query('SELECT 1'));
  const seconds = (performance.now() - started) / 1000;
  await pg.stop();
  return seconds;
}

export async function startup() {
  const dataDir = path.join(REPO_ROOT, '.data/bench-startup');
  await fs.rm(dataDir, { recursive: true, force: true });
  const first = await timeToFirstAnswer('npm start', REPO_ROOT, dataDir);
  log(B, `first start (creates the cluster, migrates, seeds the demo data): ${first.toFixed(1)} s`);
  const again = await timeToFirstAnswer('npm start', REPO_ROOT, dataDir);
  const apiOnly = await timeToFirstAnswer('node apps/api/dist/src/main.js', REPO_ROOT, dataDir);
  const floor = await databaseAlone(dataDir);
  report({
    benchmark: B,
    name: '`npm start` on existing data → first answer',
    value: again,
    unit: 's',
    baseline: floor,
    note: 'baseline: embedded PostgreSQL alone; npm start includes the incremental build',
  });
  report({
    benchmark: B,
    name: 'API process alone on existing data → first answer',
    value: apiOnly,
    unit: 's',
    baseline: floor,
  });

  if (process.env.BENCH_FRESH === '0') return log(B, 'fresh install skipped (BENCH_FRESH=0)');
  const clone = await fs.mkdtemp(path.join(os.tmpdir(), 'fulfilment-fresh-'));
  // Under root the embedded PostgreSQL runs as user postgres, which must reach the binaries in node_modules.
  await fs.chmod(clone, 0o755);
  await run(`git clone -q "${REPO_ROOT}" "${clone}"`);
  const fresh = await timeToFirstAnswer(
    'npm install --no-audit --no-fund --loglevel=error >/dev/null && npm start',
    clone,
    path.join(clone, '.data'),
  );
  report({
    benchmark: B,
    name: 'fresh clone: `npm install && npm start` → first answer',
    value: fresh,
    unit: 's',
    note: 'npm cache warm, as on a machine that installed once',
  });
  await fs.rm(clone, { recursive: true, force: true });
}

function run(command: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const c = spawn('bash', ['-c', command], { stdio: 'inherit' });
    c.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} exited with ${code}`))));
  });
}
