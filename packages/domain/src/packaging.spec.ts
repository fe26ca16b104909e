import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { PackagingNeed } from './catalog';
import { MAX_PACKAGE_WEIGHT_G, type PackItem, type ProposedPackage, proposePackaging } from './packaging';

const item = (sku: string, quantity: number, unitWeightG: number, ...needs: PackagingNeed[]): PackItem => ({
  sku,
  quantity,
  unitWeightG,
  needs,
});

/** Each package as `MATERIAL weight: sku×qty, …`, to compare whole proposals at a glance. */
const brief = (ps: ProposedPackage[]) =>
  ps.map((p) => `${p.material} ${p.weightG}: ${p.items.map((i) => `${i.sku}×${i.quantity}`).join(', ')}`);

function totals(ps: ProposedPackage[]): Record<string, number> {
  const t: Record<string, number> = {};
  for (const p of ps) for (const i of p.items) t[i.sku] = (t[i.sku] ?? 0) + i.quantity;
  return t;
}

describe('packaging classes', () => {
  it('puts each item in the first class that applies, and lists the classes in a fixed order', () => {
    const ps = proposePackaging([
      item('plain', 1, 100),
      item('damp', 1, 100, 'MOISTURE_SENSITIVE'),
      item('oil', 1, 100, 'MOISTURE_SENSITIVE', 'LIQUID'),
      item('vase', 1, 100, 'LIQUID', 'FRAGILE'),
      item('water', 1, 100, 'FRAGILE', 'HEAVY'),
      item('fish', 1, 100, 'HEAVY', 'FRAGILE', 'PERISHABLE'),
      item('ice', 1, 100, 'COLD_CHAIN'),
    ]);
    assert.deepEqual(brief(ps), [
      'INSULATED_BOX 200: fish×1, ice×1',
      'STRAPPED_CASE 100: water×1',
      'PADDED_CARTON 100: vase×1',
      'SEALED_CARTON 100: oil×1',
      'SEALED_CARTON 100: damp×1',
      'CARTON 100: plain×1',
    ]);
    assert.match(ps[3].reason, /leak/);
    assert.notEqual(ps[3].reason, ps[4].reason, 'the packer sees which sealed carton is which');
  });

  it('never puts liquids and moisture-sensitive goods in the same package', () => {
    const ps = proposePackaging([
      item('tea', 2, 200, 'MOISTURE_SENSITIVE'),
      item('soy', 1, 500, 'LIQUID'),
      item('rice', 1, 1000, 'MOISTURE_SENSITIVE'),
    ]);
    assert.deepEqual(brief(ps), ['SEALED_CARTON 500: soy×1', 'SEALED_CARTON 1400: tea×2, rice×1']);
  });

  it('sends heavy goods one unit per strapped case, whatever they weigh', () => {
    const ps = proposePackaging([item('water', 3, 12_000, 'HEAVY'), item('bricks', 2, 500, 'HEAVY')]);
    assert.deepEqual(brief(ps), [
      'STRAPPED_CASE 12000: water×1',
      'STRAPPED_CASE 12000: water×1',
      'STRAPPED_CASE 12000: water×1',
      'STRAPPED_CASE 500: bricks×1',
      'STRAPPED_CASE 500: bricks×1',
    ]);
  });
});

describe('filling packages up to the weight limit', () => {
  it('splits a quantity across packages and continues the last one with the next item', () => {
    const ps = proposePackaging([item('A', 5, 6_000), item('B', 4, 2_500)]);
    // A: 20 000 / 6 000 → 3 a package (18 000), then 2 (12 000).
    // B: 8 000 left → 3 (7 500, total 19 500), then 1 in a new package.
    assert.deepEqual(brief(ps), ['CARTON 18000: A×3', 'CARTON 19500: A×2, B×3', 'CARTON 2500: B×1']);
  });

  it('fills a package to exactly the limit', () => {
    assert.deepEqual(brief(proposePackaging([item('A', 2, MAX_PACKAGE_WEIGHT_G / 2)])), ['CARTON 20000: A×2']);
    assert.deepEqual(brief(proposePackaging([item('A', 1, MAX_PACKAGE_WEIGHT_G)])), ['CARTON 20000: A×1']);
  });

  it('gives a unit heavier than the limit a package of its own, the open package staying open', () => {
    const ps = proposePackaging([item('A', 1, 5_000), item('X', 2, 25_000), item('C', 1, 5_000)]);
    assert.deepEqual(brief(ps), ['CARTON 10000: A×1, C×1', 'CARTON 25000: X×1', 'CARTON 25000: X×1']);
  });

  it('packs weightless units with the rest, and merges repeated lines of one sku', () => {
    const ps = proposePackaging([item('A', 1, 20_000), item('leaflet', 1_000, 0), item('A', 1, 1), item('A', 2, 1)]);
    assert.deepEqual(brief(ps), ['CARTON 20000: A×1, leaflet×1000', 'CARTON 3: A×3']);
  });

  it('proposes as many units of each sku as it was given', () => {
    const input = [
      item('a', 7, 3_333, 'FRAGILE'),
      item('b', 13, 1_999, 'FRAGILE'),
      item('c', 4, 21_000, 'FRAGILE'),
      item('a', 5, 3_333, 'FRAGILE'),
      item('d', 9, 4_000, 'LIQUID'),
    ];
    const ps = proposePackaging(input);
    assert.deepEqual(totals(ps), { a: 12, b: 13, c: 4, d: 9 });
    for (const p of ps)
      assert.ok(p.weightG <= MAX_PACKAGE_WEIGHT_G || (p.items.length === 1 && p.items[0].quantity === 1));
    assert.deepEqual(proposePackaging([]), []);
  });
});

describe('refusals', () => {
  it('refuses quantities that are not whole and ≥ 1, and weights that are not whole and ≥ 0', () => {
    for (const q of [0, -1, 1.5, Number.NaN]) assert.throws(() => proposePackaging([item('A', q, 1)]), RangeError);
    for (const w of [-1, 0.5, Number.NaN, Infinity])
      assert.throws(() => proposePackaging([item('A', 1, w)]), RangeError);
    assert.throws(() => proposePackaging([item('A', 0, 1)]), /A: quantity must be a whole number ≥ 1, got 0/);
  });
});
