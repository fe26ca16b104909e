import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { settle, startTestApi, subscribe, TestApi } from './helpers';

const TOKEN = 'metrics-token-for-the-scraper-0123456789';

/** The value of one series in Prometheus text, or undefined when it is not there. */
function valueOf(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(series + ' '));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('/metrics', () => {
  let api: TestApi;
  const base = () => api.url.replace(/\/graphql$/, '');
  const scrape = async (headers: Record<string, string> = {}) => {
    const r = await fetch(`${base()}/metrics`, { headers });
    return { status: r.status, type: r.headers.get('content-type') ?? '', text: await r.text() };
  };

  before(async () => {
    api = await startTestApi({ env: { TRUST_PROXY: '1', METRICS_TOKEN: TOKEN } });
  });
  after(() => api.stop());

  it('counts requests by operation and outcome, errors by code, and shows the pool, live connections, jobs and backlogs', async () => {
    const before = await scrape();
    assert.equal(before.status, 200);
    assert.match(before.type, /^text\/plain; version=0\.0\.4/);
    const okSeries = 'graphql_request_duration_seconds_count{operation="query me",outcome="ok"}';
    const errSeries = 'graphql_request_duration_seconds_count{operation="invalid",outcome="error"}';
    const validation = 'api_errors_total{code="GRAPHQL_VALIDATION_FAILED"}';
    const okBefore = valueOf(before.text, okSeries) ?? 0;

    for (let i = 0; i < 3; i++) await api.data(`{ me { email } }`);
    assert.equal((await api.gql(`{ nothingHere }`)).status, 400);
    const live = api.ws();
    const stream = subscribe(live, `subscription { stockAlert { sku } }`);
    await settle(300);

    const { text } = await scrape();
    assert.equal(valueOf(text, okSeries), okBefore + 3);
    assert.ok((valueOf(text, errSeries) ?? 0) >= 1, 'the invalid document is timed as an error');
    assert.ok((valueOf(text, validation) ?? 0) >= 1, 'errors are counted by code');
    assert.equal(valueOf(text, 'live_connections'), 1);
    assert.ok(
      (valueOf(text, 'live_subscriptions{topic="STOCK_ALERT"}') ?? 0) >= 1,
      text.match(/live_subscriptions.*/g)?.join(),
    );
    assert.ok((valueOf(text, 'db_pool_connections{state="total"}') ?? 0) >= 1);
    assert.ok((valueOf(text, 'db_pool_wait_seconds_count') ?? 0) > 0);
    assert.equal(valueOf(text, 'outbox_backlog{kind="webhook"}'), 0);
    assert.ok(valueOf(text, 'outbox_backlog{kind="notification"}') !== undefined);
    assert.ok(text.includes('# TYPE job_queue_depth gauge'), 'the job gauge is declared even with nothing waiting');
    assert.ok(text.includes('# TYPE job_queue_oldest_seconds gauge'));
    assert.ok((valueOf(text, 'process_resident_memory_bytes') ?? 0) > 10e6);
    assert.ok(valueOf(text, 'nodejs_eventloop_lag_p99_seconds') !== undefined);
    stream.dispose();
  });

  it('answers private addresses, and others only with METRICS_TOKEN', async () => {
    const outside = { 'x-forwarded-for': '203.0.113.9' };
    const refused = await scrape(outside);
    assert.equal(refused.status, 403);
    assert.equal(JSON.parse(refused.text).errors[0].extensions.code, 'FORBIDDEN');
    assert.equal((await scrape({ ...outside, authorization: 'Bearer wrong-token' })).status, 403);
    assert.equal((await scrape({ ...outside, authorization: `Bearer ${TOKEN}` })).status, 200);
    assert.equal((await scrape({ 'x-forwarded-for': '10.1.2.3' })).status, 200);
  });
});
