import { ChildProcess, fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { Client } from 'pg';
import type { Arrivals, ConnectionSpec, WorkerCommand, WorkerStatus } from './live-worker';
import { cpuMsOf } from './cpu';
import { Api, gql } from './platform';

/** The clock every bench process shares: wall-clock origin plus the monotonic clock, in ms. */
export const clock = () => performance.timeOrigin + performance.now();

/**
 * The commit reference: an independent LISTEN connection. PostgreSQL delivers a NOTIFY when its
 * transaction commits, so the arrival here is (within a loopback round trip) the commit time.
 */
export class CommitClock {
  /** Event key (order event id, or sku|warehouse|createdAt for stock alerts) → arrival. */
  readonly at = new Map<string, number>();
  readonly orderEvents: { id: string; orderId: string; sequence: number; at: number }[] = [];
  private constructor(private readonly client: Client) {}

  static async listen(url: string): Promise<CommitClock> {
    const client = new Client({ connectionString: url, application_name: 'bench-commit-clock' });
    await client.connect();
    const c = new CommitClock(client);
    client.on('notification', (n) => {
      const at = clock();
      const m = JSON.parse(n.payload ?? '{}');
      if (n.channel === 'order_event') {
        c.at.set(m.id, at);
        c.orderEvents.push({ id: m.id, orderId: m.orderId, sequence: m.sequence, at });
      } else if (n.channel === 'stock_alert') {
        c.at.set(`${m.sku}|${m.warehouseCode}|${m.createdAt}`, at);
      }
    });
    await client.query('LISTEN order_event; LISTEN stock_alert;');
    return c;
  }

  stop() {
    return this.client.end();
  }
}

/** Creates a staff member with `role` through the API and signs in; returns an Authorization value. */
export async function staffAuth(api: Api, admin: string, role: string): Promise<string> {
  const email = `bench-${role.toLowerCase()}-${randomBytes(3).toString('hex')}@bench.local`;
  const password = `bench-${randomBytes(8).toString('hex')}`;
  const created = await gql(
    api.url,
    admin,
    `mutation($i: CreateUserInput!) { createUser(input: $i) { userErrors { code message } } }`,
    {
      i: { email, name: `Bench ${role}`, password, role },
    },
  );
  if (created.errors || created.data?.createUser?.userErrors?.length)
    throw new Error(`createUser failed: ${JSON.stringify(created)}`);
  const r = await gql(
    api.url,
    null,
    `mutation($e: String!, $p: String!) { login(input: { email: $e, password: $p }) { token userErrors { code message } } }`,
    { e: email, p: password },
  );
  if (!r.data?.login?.token) throw new Error(`login failed: ${JSON.stringify(r)}`);
  return `Bearer ${r.data.login.token}`;
}

type Reply = { reply: string; [k: string]: any };

class Worker {
  private waiting: ((r: Reply) => void)[] = [];
  constructor(readonly child: ChildProcess) {
    child.on('message', (r: Reply) => this.waiting.shift()?.(r));
  }
  ask(c: WorkerCommand): Promise<Reply> {
    return new Promise((resolve, reject) => {
      this.waiting.push((r) => (r.reply === 'failed' ? reject(new Error(r.message)) : resolve(r)));
      this.child.send(c);
    });
  }
}

/**
 * Subscribers in `workers` child processes. Connection i goes to wsUrls[i % wsUrls.length]; its
 * subscription k (1-based) is subscriber i × 100 + k in the arrivals.
 */
export class SubscriberPool {
  private constructor(private readonly workers: Worker[]) {}

  static start(workers: number): SubscriberPool {
    const script = path.join(__dirname, 'live-worker.js');
    return new SubscriberPool(
      Array.from(
        { length: workers },
        () => new Worker(fork(script, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], execArgv: [] })),
      ),
    );
  }

  /** Opens the connections spread over the workers, `perSecond` in all; resolves when every one was acknowledged (or failed). */
  async open(
    wsUrls: string[],
    conns: ConnectionSpec[],
    perSecond: number,
  ): Promise<{ opened: number; failed: number; retries: number; openErrors: string[]; seconds: number }> {
    const started = clock();
    const n = this.workers.length;
    const share = Math.ceil(conns.length / n);
    const replies = await Promise.all(
      this.workers.map((w, k) =>
        w.ask({
          cmd: 'open',
          wsUrls,
          conns: conns.slice(k * share, (k + 1) * share),
          firstIndex: k * share,
          perSecond: perSecond / n,
        }),
      ),
    );
    const sum = (k: string) => replies.reduce((s, r) => s + r[k], 0);
    return {
      opened: sum('opened'),
      failed: sum('failed'),
      retries: sum('retries'),
      openErrors: replies.flatMap((r) => r.openErrors),
      seconds: (clock() - started) / 1000,
    };
  }

  /** Every arrival since the last collect, from all workers. */
  async collect(): Promise<Arrivals> {
    const all: Arrivals = { sub: [], key: [], seq: [], order: [], at: [] };
    for (const r of await Promise.all(this.workers.map((w) => w.ask({ cmd: 'collect' })))) {
      const a = r.arrivals as Arrivals;
      for (let i = 0; i < a.sub.length; i++) {
        all.sub.push(a.sub[i]);
        all.key.push(a.key[i]);
        all.seq.push(a.seq[i]);
        all.order.push(a.order[i]);
        all.at.push(a.at[i]);
      }
    }
    return all;
  }

  async status(): Promise<WorkerStatus> {
    const all: WorkerStatus = { open: 0, closed: 0, closeCodes: {}, errors: 0, errorSamples: [] };
    for (const r of await Promise.all(this.workers.map((w) => w.ask({ cmd: 'status' })))) {
      const s = r.status as WorkerStatus;
      all.open += s.open;
      all.closed += s.closed;
      all.errors += s.errors;
      for (const [k, v] of Object.entries(s.closeCodes)) all.closeCodes[k] = (all.closeCodes[k] ?? 0) + v;
      all.errorSamples.push(...s.errorSamples);
    }
    return all;
  }

  async stop(): Promise<void> {
    await Promise.all(
      this.workers.map(async (w) => {
        if (w.child.exitCode !== null) return;
        const gone = new Promise((r) => w.child.once('exit', r));
        await w.ask({ cmd: 'close' }).catch(() => undefined);
        await Promise.race([gone, new Promise((r) => setTimeout(r, 5000))]);
        if (w.child.exitCode === null) w.child.kill('SIGKILL');
      }),
    );
  }
}

/** Samples a process's RSS every `everyMs` until stopped; returns the peak in MiB. */
export function rssPeak(api: Api, everyMs = 100): { stop(): Promise<number> } {
  let peak = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      peak = Math.max(peak, await api.rssMiB().catch(() => 0));
      await new Promise((r) => setTimeout(r, everyMs));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return peak;
    },
  };
}

/** Places `n` paid orders for established customers (so they end up ALLOCATED); returns their global ids. */
export async function placeOrders(
  api: Api,
  auth: string,
  skus: string[],
  customerIds: string[],
  n: number,
  concurrency = 8,
): Promise<{ id: string; number: string }[]> {
  const out: { id: string; number: string }[] = [];
  let next = 0;
  const worker = async () => {
    while (next < n) {
      const i = next++;
      const r = await gql(
        api.url,
        auth,
        `mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { order { id number status } userErrors { code message } } }`,
        {
          i: {
            channel: 'WEB',
            customerId: Buffer.from(`Customer:${customerIds[i % customerIds.length]}`).toString('base64url'),
            lines: [{ sku: skus[i % skus.length], quantity: 1 }],
            paymentMethod: 'WECHAT_PAY',
            paid: true,
          },
        },
      );
      const o = r.data?.placeOrder?.order;
      if (!o || o.status !== 'ALLOCATED')
        throw new Error(`placeOrder did not allocate: ${JSON.stringify(r).slice(0, 400)}`);
      out[i] = { id: o.id, number: o.number };
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return out;
}

/** CPU seconds (user + system) a process has used so far, from /proc. */
/** CPU seconds a process has used so far (0 once it is gone). */
export function cpuSeconds(pid: number): number {
  return (cpuMsOf(pid) ?? 0) / 1000;
}

/** Node flags for the API when BENCH_PROF names a directory: a CPU profile per API process. */
export function profileArgs(): string[] {
  const dir = process.env.BENCH_PROF;
  return dir ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(dir)}`] : [];
}
