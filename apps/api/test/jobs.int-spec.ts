import 'reflect-metadata';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor } from '../src/common/actor';
import { Jobs, JobsStartOptions } from '../src/common/jobs';
import { fail } from '../src/common/user-error';
import { startTestApi, TestApi } from './helpers';

const actor: Actor = { principal: null, requestId: 'jobs-spec', clientIp: null };
/** Runners that poll often and stop at once, so the spec waits little. */
const FAST: JobsStartOptions = { pollingIntervalSeconds: 0.5, stopTimeoutMs: 1000 };
/** Long enough for a runner to poll a few more times: a duplicate would have run by then. */
const SETTLE_MS = 1500;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 8000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await sleep(100);
  }
}

describe('background jobs (pg-boss)', () => {
  let api: TestApi;
  before(async () => {
    api = await startTestApi({ env: { JOBS: 'on' } });
  });
  after(() => api.stop());

  const jobRows = (name: string) =>
    api.ds.query(`SELECT id, data, state, retry_count FROM pgboss.job WHERE name = $1 ORDER BY created_on`, [name]);

  it('is started by the API with JOBS=on: its cron clock ticks', async () => {
    await until('the API runner checked the crons', async () => {
      const [row] = await api.ds.query(`SELECT cron_on FROM pgboss.version`);
      return row.cron_on !== null;
    });
  });

  it('runs a job sent in a committed transaction once, and never one sent in a rolled-back transaction', async () => {
    const ran: number[] = [];
    const jobs = new Jobs();
    jobs.define<{ n: number }>({ name: 'test.tx', run: async ({ n }) => void ran.push(n) });

    // Both sent before the runner starts, as a process with JOBS=off would: the queue comes with the transaction.
    const rolledBack = await api.services.mutations.run<object>(actor, { action: 'TEST_JOB' }, async (tx) => {
      await jobs.send(tx, 'test.tx', { n: 1 });
      fail('NOT_FOUND', 'the business change failed');
    });
    assert.equal(rolledBack.userErrors[0]?.code, 'NOT_FOUND');
    const committed = await api.services.mutations.run(actor, { action: 'TEST_JOB' }, async (tx) => ({
      id: await jobs.send(tx, 'test.tx', { n: 2 }),
    }));
    assert.ok(committed.id);

    await jobs.start(api.databaseUrl, FAST);
    try {
      await until('the job ran', () => ran.length > 0);
      await sleep(SETTLE_MS);
      assert.deepEqual(ran, [2]);
      assert.deepEqual(await jobRows('test.tx'), [
        { id: committed.id, data: { n: 2 }, state: 'completed', retry_count: 0 },
      ]);
    } finally {
      await jobs.stop();
    }
  });

  it('runs each job once when two runners work the same database', async () => {
    const runs: { jobId: string; runner: string }[] = [];
    const runner = (name: string) => {
      const jobs = new Jobs();
      jobs.define({
        name: 'test.shared',
        run: async (_data, { jobId }) => {
          runs.push({ jobId, runner: name });
          await sleep(50);
        },
      });
      return jobs;
    };
    const [a, b] = [runner('a'), runner('b')];
    // Started at once, as processes of a deploy are: they also race to create the queue.
    const starts = await Promise.allSettled([a.start(api.databaseUrl, FAST), b.start(api.databaseUrl, FAST)]);
    try {
      for (const s of starts) if (s.status === 'rejected') throw s.reason;
      const sent: (string | null)[] = [];
      for (let i = 0; i < 12; i++) sent.push(await (i % 2 ? a : b).sendNow('test.shared', { i }));
      await until('every job ran', () => runs.length >= sent.length);
      await sleep(SETTLE_MS);
      assert.equal(runs.length, sent.length, JSON.stringify(runs));
      assert.deepEqual(new Set(runs.map((r) => r.jobId)), new Set(sent));
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
  });

  it('retries a failing job, then marks it failed', async () => {
    let attempts = 0;
    const jobs = new Jobs();
    jobs.define({
      name: 'test.failing',
      retryLimit: 1,
      retryDelay: 0,
      retryBackoff: false,
      run: async () => {
        attempts++;
        throw new Error('supplier portal unreachable');
      },
    });
    await jobs.start(api.databaseUrl, FAST);
    try {
      const id = await jobs.sendNow('test.failing', {});
      await until('the job failed for good', async () => (await jobRows('test.failing'))[0]?.state === 'failed');
      await sleep(SETTLE_MS);
      assert.equal(attempts, 2);
      const [row] = await api.ds.query(`SELECT retry_count, output FROM pgboss.job WHERE id = $1`, [id]);
      assert.equal(row.retry_count, 1);
      assert.equal(row.output.message, 'supplier portal unreachable');
    } finally {
      await jobs.stop();
    }
  });

  it('schedules crons in Asia/Shanghai and unschedules a cron no longer defined at the next start', async () => {
    const schedules = () => api.ds.query(`SELECT name, cron, timezone, data FROM pgboss.schedule ORDER BY name`);
    const first = new Jobs();
    first.define({ name: 'test.daily', cron: '0 6 * * *', cronData: { scope: 'all' }, run: async () => undefined });
    first.define({ name: 'test.hourly', cron: '0 * * * *', run: async () => undefined });
    await first.start(api.databaseUrl, FAST);
    await first.stop();
    assert.deepEqual(await schedules(), [
      { name: 'test.daily', cron: '0 6 * * *', timezone: 'Asia/Shanghai', data: { scope: 'all' } },
      { name: 'test.hourly', cron: '0 * * * *', timezone: 'Asia/Shanghai', data: {} },
    ]);

    // The next release keeps test.hourly as an on-demand job only.
    const next = new Jobs();
    next.define({ name: 'test.daily', cron: '0 6 * * *', cronData: { scope: 'all' }, run: async () => undefined });
    next.define({ name: 'test.hourly', run: async () => undefined });
    await next.start(api.databaseUrl, FAST);
    await next.stop();
    assert.deepEqual(
      (await schedules()).map((s: { name: string }) => s.name),
      ['test.daily'],
    );
  });
});
