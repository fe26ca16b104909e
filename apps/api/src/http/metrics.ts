import cluster from 'node:cluster';
import { timingSafeEqual } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import { Express, Request, Response } from 'express';
import { Kind } from 'graphql';
import type { Pool, PoolClient } from 'pg';
import { AggregatorRegistry, Gauge, PrometheusContentType } from 'prom-client';
import { DataSource } from 'typeorm';
import { clientAddress, parseAddress, TrustProxy } from '../common/client-address';
import { JOBS_SCHEMA } from '../common/jobs';
import { logger } from '../common/logger';
import type { Context } from '../app/context';
import { poolWait, registry, requestDuration } from '../common/metrics';
import { jsonError } from './errors';

/** Collectors that read the database say the same in every process: the primary keeps one value. */
const once = { aggregator: 'max' as const };

export interface MetricSources {
  ds: DataSource;
  liveConnections: () => number;
  liveSubscriptions: () => Map<string, number>;
}

/** Wires the collectors of one API process (its pool, live server and the shared backlogs). */
export function collectFrom(sources: MetricSources) {
  const pool = (sources.ds.driver as unknown as { master: Pool }).master;
  timePoolWaits(pool);
  for (const name of ['db_pool_connections', 'live_connections', 'live_subscriptions', 'job_queue_depth'])
    registry.removeSingleMetric(name);
  for (const name of ['job_queue_oldest_seconds', 'outbox_backlog', 'outbox_backlog_oldest_seconds'])
    registry.removeSingleMetric(name);

  new Gauge({
    name: 'db_pool_connections',
    help: "Connections of the API's pool: total open, idle, and requests waiting for one.",
    labelNames: ['state'],
    registers: [registry],
    collect() {
      this.set({ state: 'total' }, pool.totalCount);
      this.set({ state: 'idle' }, pool.idleCount);
      this.set({ state: 'waiting' }, pool.waitingCount);
    },
  });
  new Gauge({
    name: 'live_connections',
    help: 'Open graphql-ws connections.',
    registers: [registry],
    collect() {
      this.set(sources.liveConnections());
    },
  });
  new Gauge({
    name: 'live_subscriptions',
    help: 'Live subscriptions by topic (internal listeners included).',
    labelNames: ['topic'],
    registers: [registry],
    collect() {
      this.reset();
      for (const [topic, n] of sources.liveSubscriptions()) this.set({ topic }, n);
    },
  });

  // One statement per scrape for both job gauges, one for both backlog gauges.
  let jobs: Promise<{ name: string; depth: number; oldest: number }[]> | null = null;
  const readJobs = () =>
    (jobs ??= sources.ds
      .query(
        `SELECT name, count(*)::int AS depth, coalesce(extract(epoch FROM now() - min(created_on)), 0)::float8 AS oldest
           FROM ${JOBS_SCHEMA}.job WHERE state IN ('created', 'retry') AND start_after <= now() GROUP BY name`,
      )
      .finally(() => setTimeout(() => (jobs = null), 1000).unref()));
  new Gauge({
    name: 'job_queue_depth',
    help: 'Jobs due and waiting for a worker, by queue.',
    labelNames: ['queue'],
    registers: [registry],
    ...once,
    async collect() {
      this.reset();
      for (const q of await readJobs().catch(skip)) this.set({ queue: q.name }, q.depth);
    },
  });
  new Gauge({
    name: 'job_queue_oldest_seconds',
    help: 'Age of the oldest job due and waiting, by queue.',
    labelNames: ['queue'],
    registers: [registry],
    ...once,
    async collect() {
      this.reset();
      for (const q of await readJobs().catch(skip)) this.set({ queue: q.name }, q.oldest);
    },
  });

  let backlog: Promise<{ kind: string; depth: number; oldest: number }[]> | null = null;
  const readBacklog = () =>
    (backlog ??= sources.ds
      .query(
        `SELECT 'notification' AS kind, count(*)::int AS depth,
                coalesce(extract(epoch FROM now() - min(next_attempt_at)), 0)::float8 AS oldest
           FROM notification WHERE status IN ('PENDING', 'RETRYING') AND next_attempt_at <= now()
         UNION ALL
         SELECT 'webhook', count(*)::int, coalesce(extract(epoch FROM now() - min(next_attempt_at)), 0)::float8
           FROM webhook_delivery WHERE status IN ('PENDING', 'RETRYING') AND next_attempt_at <= now()`,
      )
      .finally(() => setTimeout(() => (backlog = null), 1000).unref()));
  new Gauge({
    name: 'outbox_backlog',
    help: 'Customer notifications and webhook deliveries due and not yet sent.',
    labelNames: ['kind'],
    registers: [registry],
    ...once,
    async collect() {
      this.reset();
      for (const b of await readBacklog().catch(skip)) this.set({ kind: b.kind }, b.depth);
    },
  });
  new Gauge({
    name: 'outbox_backlog_oldest_seconds',
    help: 'How long the oldest notification or webhook delivery due has waited.',
    labelNames: ['kind'],
    registers: [registry],
    ...once,
    async collect() {
      this.reset();
      for (const b of await readBacklog().catch(skip)) this.set({ kind: b.kind }, b.oldest);
    },
  });
}

/** A scrape while the database is away reports what it can. */
function skip(e: Error): [] {
  logger.debug({ err: e.message }, 'metrics: database figures skipped');
  return [];
}

const timed = new WeakSet<Pool>();

/** Times every connect on the pool (TypeORM asks with a callback). */
function timePoolWaits(pool: Pool) {
  if (timed.has(pool)) return;
  timed.add(pool);
  type Done = (err: Error | undefined, client: PoolClient | undefined, release: () => void) => void;
  const connect = pool.connect.bind(pool) as (done?: Done) => Promise<PoolClient> | void;
  (pool as unknown as { connect: (done?: Done) => unknown }).connect = (done?: Done) => {
    const end = poolWait.startTimer();
    if (done)
      return connect((err, client, release) => {
        end();
        done(err, client, release);
      });
    return (connect() as Promise<PoolClient>).finally(end);
  };
}

const LOCAL_RANGES = new Set(['loopback', 'private', 'uniqueLocal', 'linkLocal']);

/** Loopback and private addresses may read the metrics; anyone else needs METRICS_TOKEN. */
function mayRead(req: Request, trustProxy: TrustProxy, token: string | undefined): boolean {
  const auth = req.headers.authorization ?? '';
  if (token && auth.startsWith('Bearer ')) {
    const given = Buffer.from(auth.slice(7));
    const wanted = Buffer.from(token);
    if (given.length === wanted.length && timingSafeEqual(given, wanted)) return true;
  }
  const address = clientAddress(req, trustProxy);
  const parsed = address ? parseAddress(address) : null;
  return !!parsed && LOCAL_RANGES.has(parsed.range());
}

/** With WORKERS > 1 a worker asks the primary, which collects every worker's registry (main.ts). */
export interface MetricsRequest {
  type: 'metrics?';
  id: number;
}
export interface MetricsReply {
  type: 'metrics!';
  id: number;
  text?: string;
  error?: string;
}

let asked = 0;
const waiting = new Map<number, (reply: MetricsReply) => void>();
if (cluster.isWorker) {
  // Constructing one makes prom-client answer the primary's requests for this worker's figures.
  new AggregatorRegistry();
  AggregatorRegistry.setRegistries([registry]);
  process.on('message', (m: MetricsReply) => {
    if (m?.type === 'metrics!') waiting.get(m.id)?.(m);
  });
}

function wholeStart(): Promise<string> {
  if (!cluster.isWorker) return registry.metrics();
  const id = ++asked;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => (waiting.delete(id), reject(new Error('no answer from the primary'))), 10_000);
    waiting.set(id, (reply) => {
      clearTimeout(timer);
      waiting.delete(id);
      if (reply.text !== undefined) resolve(reply.text);
      else reject(new Error(reply.error ?? 'no metrics'));
    });
    process.send!({ type: 'metrics?', id } satisfies MetricsRequest);
  });
}

/** The primary's side of a worker's MetricsRequest. */
export function answerMetricsRequests(
  worker: { send(m: MetricsReply): void },
  aggregator: AggregatorRegistry<PrometheusContentType>,
) {
  return (m: MetricsRequest) => {
    if (m?.type !== 'metrics?') return;
    aggregator.clusterMetrics().then(
      (text: string) => worker.send({ type: 'metrics!', id: m.id, text }),
      (e: Error) => worker.send({ type: 'metrics!', id: m.id, error: e.message }),
    );
  };
}

/** Times every GraphQL request over HTTP by operation and outcome. */
export function metricsPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      const end = requestDuration.startTimer();
      let operation = 'invalid';
      return {
        async didResolveOperation({ operation: op }) {
          if (!op) return;
          const first = op.selectionSet.selections.find((s) => s.kind === Kind.FIELD);
          operation = `${op.operation} ${first && first.kind === Kind.FIELD ? first.name.value : '?'}`;
        },
        async willSendResponse({ errors }) {
          end({ operation, outcome: errors?.length ? 'error' : 'ok' });
        },
      };
    },
  };
}

export function serveMetrics(app: Express, trustProxy: TrustProxy, token: string | undefined) {
  app.get('/metrics', async (req: Request, res: Response) => {
    if (!mayRead(req, trustProxy, token))
      return jsonError(res, 403, 'FORBIDDEN', 'Metrics are served to private addresses, or with METRICS_TOKEN.');
    try {
      const text = await wholeStart();
      res.setHeader('Content-Type', registry.contentType);
      res.send(text);
    } catch (e) {
      logger.warn({ err: (e as Error).message }, 'metrics could not be collected');
      jsonError(res, 503, 'METRICS_UNAVAILABLE', 'Metrics could not be collected; try again.');
    }
  });
}
