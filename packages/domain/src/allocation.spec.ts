import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { allocate, StockCandidate } from './allocation';

const level = (id: string, productId: string, code: string, region: string, available: number): StockCandidate => ({
  stockLevelId: id,
  productId,
  warehouseId: `w-${code}`,
  warehouseCode: code,
  warehouseRegion: region,
  available,
});

describe('allocate', () => {
  const sh = level('s1', 'water', 'SH01', 'EAST', 10);
  const bj = level('s2', 'water', 'BJ01', 'NORTH', 50);
  const gz = level('s3', 'water', 'GZ01', 'SOUTH', 5);

  it('prefers the customer region even when another warehouse has more', () => {
    const r = allocate([{ lineNo: 1, productId: 'water', quantity: 4 }], [bj, sh, gz], 'EAST');
    assert.deepEqual(r.shortages, []);
    assert.deepEqual(
      r.allocations.map((a) => [a.warehouseId, a.quantity]),
      [['w-SH01', 4]],
    );
  });

  it('goes to other regions when the region has none, preferring one that can fill the line', () => {
    const r = allocate([{ lineNo: 1, productId: 'water', quantity: 8 }], [gz, bj], 'EAST');
    assert.deepEqual(
      r.allocations.map((a) => [a.warehouseId, a.quantity]),
      [['w-BJ01', 8]],
    );
  });

  it('splits a line across warehouses, region first', () => {
    const r = allocate([{ lineNo: 1, productId: 'water', quantity: 58 }], [gz, bj, sh], 'EAST');
    assert.deepEqual(
      r.allocations.map((a) => [a.warehouseId, a.quantity]),
      [
        ['w-SH01', 10],
        ['w-BJ01', 48],
      ],
    );
  });

  it('reports the short line with what is available and allocates nothing for it', () => {
    const r = allocate([{ lineNo: 1, productId: 'water', quantity: 66 }], [gz, bj, sh], 'EAST');
    assert.deepEqual(r.allocations, []);
    assert.deepEqual(r.shortages, [{ lineNo: 1, productId: 'water', requested: 66, available: 65 }]);
  });

  it('counts earlier lines of the same product against what is left', () => {
    const r = allocate(
      [
        { lineNo: 1, productId: 'water', quantity: 10 },
        { lineNo: 2, productId: 'water', quantity: 1 },
      ],
      [sh],
      'EAST',
    );
    assert.equal(r.allocations.length, 1);
    assert.deepEqual(r.shortages, [{ lineNo: 2, productId: 'water', requested: 1, available: 0 }]);
  });

  it('never allocates from negative or zero availability', () => {
    const r = allocate(
      [{ lineNo: 1, productId: 'water', quantity: 1 }],
      [level('s9', 'water', 'X', 'EAST', -3)],
      'EAST',
    );
    assert.deepEqual(r.allocations, []);
    assert.equal(r.shortages[0].available, 0);
  });
});
