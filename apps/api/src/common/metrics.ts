import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/**
 * The process's Prometheus metrics (prom-client). One registry per process; with WORKERS > 1 the
 * primary sums its workers' registries (gauges read from the database are taken once, not summed) and
 * any worker answers /metrics with the whole start's figures.
 */
export const registry = new Registry();
collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 20 });

export const requestDuration = new Histogram({
  name: 'graphql_request_duration_seconds',
  help: 'GraphQL requests over HTTP by operation ("query orders": its type and first root field) and outcome (ok, error).',
  labelNames: ['operation', 'outcome'],
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [registry],
});

export const errorsByCode = new Counter({
  name: 'api_errors_total',
  help: 'Errors answered, by code (GraphQL errors over HTTP and graphql-ws, and refusals before GraphQL runs: RATE_LIMITED, DATABASE_UNAVAILABLE…).',
  labelNames: ['code'],
  registers: [registry],
});

export const poolWait = new Histogram({
  name: 'db_pool_wait_seconds',
  help: "Time a request waited for a connection of the API's pool.",
  buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5],
  registers: [registry],
});
