import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { type SupplierCandidate, rankSuppliers } from './supplier-choice';

const candidate = (supplierCode: string, over: Partial<SupplierCandidate> = {}): SupplierCandidate => ({
  supplierId: `id-${supplierCode}`,
  supplierCode,
  status: 'QUALIFIED',
  standing: 'GOOD',
  score: 80,
  unitPriceFen: 10_00,
  leadTimeDays: 7,
  deliversToRegion: true,
  minOrderQty: 1,
  packMultiple: 1,
  ...over,
});

const summary = (c: SupplierCandidate[]) =>
  rankSuppliers(c).map((r) => [r.supplierCode, r.rank, r.excludedBecause] as const);

describe('supplier suggestion', () => {
  it('skips a suspended supplier and suggests the next one', () => {
    const best = candidate('A', { status: 'SUSPENDED', standing: 'EXCELLENT', score: 95, unitPriceFen: 9_00 });
    assert.deepEqual(summary([best, candidate('B')]), [
      ['B', 1, null],
      ['A', null, 'The supplier is suspended'],
    ]);
  });

  it('skips a supplier its scorecard blocks', () => {
    const cheap = candidate('C', { standing: 'BLOCKED', score: 42, unitPriceFen: 5_00 });
    assert.deepEqual(summary([cheap, candidate('B')]), [
      ['B', 1, null],
      ['C', null, 'The supplier is blocked by its scorecard (score 42)'],
    ]);
  });

  it("skips a supplier that does not deliver to the destination's region", () => {
    const r = rankSuppliers([candidate('D', { deliversToRegion: false, leadTimeDays: 1 }), candidate('B')]);
    assert.deepEqual(
      r.map((x) => [x.supplierCode, x.eligible, x.rank]),
      [
        ['B', true, 1],
        ['D', false, null],
      ],
    );
    assert.equal(r[1].excludedBecause, "The supplier does not deliver to the destination's region");
    // Its points are still shown, measured against the eligible ones and capped at 100.
    assert.equal(r[1].points.leadTime, 100);
  });

  it('trades price and lead time off against the score, by hand', () => {
    const r = rankSuppliers([
      candidate('X', { standing: 'EXCELLENT', score: 90, unitPriceFen: 12_00, leadTimeDays: 10 }),
      candidate('Y', { standing: 'GOOD', score: 75, unitPriceFen: 10_00, leadTimeDays: 4 }),
      candidate('Z', { status: 'PROBATION', standing: 'UNRATED', score: null, unitPriceFen: 9_00, leadTimeDays: 6 }),
    ]);
    // Cheapest 9.00, shortest 4 days.
    // Y: 75×.5 + (900/1000 = 90)×.3 + 100×.2 = 37.5 + 27 + 20 = 84.5
    // X: 90×.5 + (900/1200 = 75)×.3 + (4/10 = 40)×.2 = 45 + 22.5 + 8 = 75.5
    // Z: (60 unrated − 10 probation)×.5 + 100×.3 + (4/6 = 66.67)×.2 = 25 + 30 + 13.33 = 68.33
    assert.deepEqual(
      r.map((x) => [x.supplierCode, x.rank, x.points]),
      [
        ['Y', 1, { score: 75, price: 90, leadTime: 100, total: 84.5 }],
        ['X', 2, { score: 90, price: 75, leadTime: 40, total: 75.5 }],
        ['Z', 3, { score: 50, price: 100, leadTime: 66.67, total: 68.33 }],
      ],
    );
  });

  it('breaks ties by supplier code and lists the ineligible by code', () => {
    assert.deepEqual(summary([candidate('M'), candidate('K'), candidate('Q', { status: 'SUSPENDED' })]), [
      ['K', 1, null],
      ['M', 2, null],
      ['Q', null, 'The supplier is suspended'],
    ]);
  });

  it('ranks nobody when nobody is eligible', () => {
    const r = rankSuppliers([
      candidate('B', { deliversToRegion: false }),
      candidate('A', { status: 'SUSPENDED', unitPriceFen: 0 }),
    ]);
    assert.deepEqual(
      r.map((x) => [x.supplierCode, x.rank, x.points.price]),
      [
        ['A', null, 100],
        ['B', null, 0.1], // 1 fen (a zero price counts as 1) / 10.00
      ],
    );
    assert.deepEqual(rankSuppliers([]), []);
  });
});
