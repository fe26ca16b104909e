import 'reflect-metadata';
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { createDataSource } from '../db/data-source';
import { createLoaders } from './loaders';

describe('loaders of a request', () => {
  let ds: DataSource;

  before(async () => {
    // Entity metadata without a connection: loaders are made, never run, here.
    ds = createDataSource('postgres://nobody@127.0.0.1:1/none');
    await (ds as unknown as { buildMetadatas(): Promise<void> }).buildMetadatas();
  });

  it("makes a module's loaders when the request first uses one, and once", () => {
    const loaders = createLoaders(ds);
    const made = (loaders as unknown as { made: unknown[] }).made;
    assert.equal(made.filter(Boolean).length, 0, 'nothing made before use');
    const order = loaders.order;
    assert.ok(order instanceof DataLoader);
    assert.equal(loaders.order, order, 'the same loader on every use');
    assert.equal(loaders.orderLines, loaders.orderLines);
    assert.equal(made.filter(Boolean).length, 1, "the order module's loaders alone");
    assert.equal(loaders.product, loaders.product);
    assert.equal(made.filter(Boolean).length, 2, 'and the catalogue once used');
    assert.notEqual(createLoaders(ds).order, order, 'each request its own');
  });

  it('offers every loader of every module', () => {
    const loaders = createLoaders(ds);
    for (const name of ['product', 'warehouse', 'order', 'customer', 'shipment', 'pickList', 'returnRefund'])
      assert.ok((loaders as unknown as Record<string, unknown>)[name] instanceof DataLoader, name);
  });
});
