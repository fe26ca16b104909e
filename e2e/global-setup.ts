import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');

/** Starts the built platform on a fresh embedded database with demo data; returns its teardown. */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const dataDir = path.join(ROOT, '.data/e2e');
  fs.rmSync(dataDir, { recursive: true, force: true });
  const child: ChildProcess = spawn(process.execPath, [path.join(ROOT, 'apps/api/dist/src/main.js')], {
    // No scheduled jobs: a pick wave at :00 or :30 would take the orders a test is about to list itself.
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: '0',
      SEED: 'demo',
      LOG_JSON: '1',
      RATE_LIMIT_PER_MINUTE: '100000',
      JOBS: 'off',
      OUTBOX: 'on',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  fs.mkdirSync(path.join(ROOT, 'test-results'), { recursive: true });
  const log = fs.createWriteStream(path.join(ROOT, 'test-results/e2e-platform.log'), { flags: 'w' });
  child.stderr!.pipe(log);
  const port = await new Promise<number>((resolve, reject) => {
    let buffer = '';
    const timer = setTimeout(() => reject(new Error(`platform did not start in 120 s:\n${buffer}`)), 120_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      log.write(chunk);
      buffer += chunk.toString();
      const m = /"port":(\d+)/.exec(buffer);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    child.on('exit', (code) => reject(new Error(`platform exited with ${code}:\n${buffer}`)));
  });
  process.env.E2E_BASE_URL = `http://127.0.0.1:${port}`;

  return async () => {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGINT');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
    log.end();
  };
}
