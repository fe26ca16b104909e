import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { defaultWorkers, loadConfig } from './config';

describe('API processes per machine (WORKERS)', () => {
  it('leaves a core to PostgreSQL when it runs on this machine, and uses every core when it runs elsewhere', () => {
    assert.equal(defaultWorkers(undefined, 2), 1, 'embedded PostgreSQL');
    assert.equal(defaultWorkers(undefined, 1), 1);
    assert.equal(defaultWorkers('postgres://app@localhost:5432/fulfilment', 8), 7);
    assert.equal(defaultWorkers('postgres://app@127.0.0.1/fulfilment', 8), 7);
    assert.equal(defaultWorkers('postgres://app@[::1]/fulfilment', 8), 7);
    assert.equal(defaultWorkers('postgres://app@/fulfilment?host=/var/run/postgresql', 8), 7);
    assert.equal(defaultWorkers('postgres://postgres:postgres@%2Ftmp:37215/fulfilment', 8), 7, 'as embedded prints it');
    assert.equal(defaultWorkers('postgres://app@db.internal:5432/fulfilment', 8), 8);
  });

  it('runs one process outside production and what WORKERS says when it is set', () => {
    assert.equal(loadConfig({}).workers, 1);
    assert.equal(loadConfig({ NODE_ENV: 'production', WORKERS: '3' }).workers, 3);
    assert.equal(
      loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://app@db.internal/fulfilment' }).workers,
      loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://app@db.internal/fulfilment', WORKERS: '' })
        .workers,
    );
  });
});
