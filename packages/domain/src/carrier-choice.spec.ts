import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { type CarrierCandidate, carrierPriceFen, rankCarriers, shippingMethod } from './carrier-choice';

const carrier = (code: string, over: Partial<CarrierCandidate> = {}): CarrierCandidate => ({
  carrierId: `id-${code}`,
  code,
  kind: 'PARTNER',
  active: true,
  regions: ['EAST', 'NORTH'],
  methods: ['EXPRESS', 'FREIGHT'],
  reliability: 90,
  priceFen: 12_00,
  transitDays: 2,
  ...over,
});

const summary = (c: CarrierCandidate[], method: 'EXPRESS' | 'FREIGHT' = 'EXPRESS') =>
  rankCarriers(c, 'EAST', method).map((r) => [r.code, r.rank, r.excludedBecause] as const);

describe('shipping method', () => {
  it('sends bulk by freight, even when urgent, and the rest express', () => {
    assert.equal(shippingMethod(0, false), 'EXPRESS');
    assert.equal(shippingMethod(29_999, false), 'EXPRESS');
    assert.equal(shippingMethod(29_999, true), 'EXPRESS');
    assert.equal(shippingMethod(30_000, false), 'FREIGHT');
    assert.equal(shippingMethod(30_000, true), 'FREIGHT');
  });

  it('refuses a weight that is negative or not a number', () => {
    for (const w of [-1, Number.NaN, Infinity]) assert.throws(() => shippingMethod(w, false), RangeError);
  });
});

describe('carrier price', () => {
  it('charges each started kg, at least one', () => {
    // Base 10.00 + 2.00 a kg.
    assert.equal(carrierPriceFen(10_00, 2_00, 0), 12_00);
    assert.equal(carrierPriceFen(10_00, 2_00, 1_000), 12_00);
    assert.equal(carrierPriceFen(10_00, 2_00, 1_001), 14_00);
    assert.equal(carrierPriceFen(10_00, 2_00, 2_500), 16_00); // 3 kg
    assert.equal(carrierPriceFen(0, 0, 50_000), 0);
  });

  it('refuses prices that are not whole fen ≥ 0 and weights below 0', () => {
    assert.throws(() => carrierPriceFen(-1, 100, 1), RangeError);
    assert.throws(() => carrierPriceFen(1.5, 100, 1), RangeError);
    assert.throws(() => carrierPriceFen(100, -1, 1), RangeError);
    assert.throws(() => carrierPriceFen(100, 100, -1), RangeError);
    assert.throws(() => carrierPriceFen(100, 100, Number.NaN), RangeError);
  });
});

describe('carrier ranking', () => {
  it('trades price and speed off against reliability, by hand', () => {
    const r = rankCarriers(
      [
        carrier('X', { reliability: 95, priceFen: 15_00, transitDays: 3 }),
        carrier('Y', { reliability: 80, priceFen: 10_00, transitDays: 2 }),
        carrier('Z', { reliability: null, priceFen: 12_00, transitDays: 1 }),
      ],
      'EAST',
      'EXPRESS',
    );
    // Cheapest 10.00, fastest 1 day.
    // Y: 80×.4 + 100×.35 + (1/2 = 50)×.25 = 32 + 35 + 12.5 = 79.5
    // Z: (60 unrated)×.4 + (1000/1200 = 83.33)×.35 + 100×.25 = 24 + 29.17 + 25 = 78.17
    // X: 95×.4 + (1000/1500 = 66.67)×.35 + (1/3 = 33.33)×.25 = 38 + 23.33 + 8.33 = 69.67
    assert.deepEqual(
      r.map((x) => [x.code, x.rank, x.points]),
      [
        ['Y', 1, { reliability: 80, price: 100, speed: 50, total: 79.5 }],
        ['Z', 2, { reliability: 60, price: 83.33, speed: 100, total: 78.17 }],
        ['X', 3, { reliability: 95, price: 66.67, speed: 33.33, total: 69.67 }],
      ],
    );
    // The candidate's own fields come through unchanged.
    const { eligible, excludedBecause, rank, points, ...own } = r[1];
    assert.deepEqual([eligible, excludedBecause, rank, points.total], [true, null, 2, 78.17]);
    assert.deepEqual(own, carrier('Z', { reliability: null, priceFen: 12_00, transitDays: 1 }));
  });

  it('gives the first reason that applies for an excluded carrier', () => {
    assert.deepEqual(
      summary(
        [
          carrier('D', { active: false, regions: ['SOUTH'], methods: ['EXPRESS'] }),
          carrier('C', { regions: ['SOUTH'], methods: ['EXPRESS'] }),
          carrier('B', { methods: ['EXPRESS'] }),
          carrier('A', { priceFen: 99_00 }),
        ],
        'FREIGHT',
      ),
      [
        ['A', 1, null],
        ['B', null, 'The carrier does not offer FREIGHT'],
        ['C', null, "The carrier does not serve the destination's region"],
        ['D', null, 'The carrier is inactive'],
      ],
    );
    assert.deepEqual(summary([carrier('B', { methods: ['FREIGHT'] })], 'EXPRESS'), [
      ['B', null, 'The carrier does not offer EXPRESS'],
    ]);
  });

  it('shows an excluded carrier its points against the eligible ones, capped at 100', () => {
    const r = rankCarriers(
      [carrier('OWN', { kind: 'OWN_FLEET', active: false, priceFen: 6_00, transitDays: 1 }), carrier('P')],
      'EAST',
      'EXPRESS',
    );
    assert.deepEqual(
      r.map((x) => [x.code, x.eligible, x.points.price, x.points.speed]),
      [
        ['P', true, 100, 100],
        ['OWN', false, 100, 100], // 12.00 / 6.00 = 200 and 2 / 1 = 200, capped
      ],
    );
  });

  it('breaks ties by code', () => {
    assert.deepEqual(summary([carrier('M'), carrier('K'), carrier('Q', { active: false })]), [
      ['K', 1, null],
      ['M', 2, null],
      ['Q', null, 'The carrier is inactive'],
    ]);
  });

  it('counts zero prices and transit days as 1, and ranks nobody when nobody is eligible', () => {
    const r = rankCarriers(
      [
        carrier('B', { active: false, priceFen: 2_00, transitDays: 0 }),
        carrier('A', { regions: [], priceFen: 0, transitDays: 4 }),
      ],
      'EAST',
      'EXPRESS',
    );
    assert.deepEqual(
      r.map((x) => [x.code, x.rank, x.points.price, x.points.speed]),
      [
        ['A', null, 100, 25], // 1 / 4 days
        ['B', null, 0.5, 100], // 1 fen / 2.00
      ],
    );
    assert.deepEqual(rankCarriers([], 'EAST', 'EXPRESS'), []);
  });
});
