import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { type CourierCandidate, rankCouriers, type RunNeeds } from './courier-choice';

const H = 3_600_000;
const needs: RunNeeds = { zone: '浦东新区', units: 20, kg: 200, start: 9 * H, end: 12 * H };

const courier = (code: string, over: Partial<CourierCandidate> = {}): CourierCandidate => ({
  courierId: `id-${code}`,
  code,
  state: 'AVAILABLE',
  zones: ['浦东新区'],
  shiftStart: 8 * H,
  shiftEnd: 18 * H,
  capacityUnits: 100,
  capacityKg: 1000,
  loadUnits: 0,
  loadKg: 0,
  kmToFirstStop: 2,
  onTimeRate: 90,
  ...over,
});

const summary = (c: CourierCandidate[]) =>
  rankCouriers(c, needs).map((r) => [r.code, r.rank, r.excludedBecause] as const);

describe('courier choice', () => {
  it('filters on duty, zone, shift and room left, giving the first reason that applies', () => {
    assert.deepEqual(
      summary([
        courier('A', { state: 'OFF_DUTY' }),
        courier('B', { zones: ['徐汇区'] }),
        courier('C', { shiftEnd: 11 * H }),
        courier('D', { loadUnits: 90 }),
        courier('E', { loadKg: 900 }),
        courier('F'),
      ]),
      [
        ['F', 1, null],
        ['A', null, 'The courier is off duty'],
        ['B', null, 'The courier does not deliver in 浦东新区'],
        ['C', null, 'The run does not fit in the courier’s shift'],
        ['D', null, 'The vehicle has room for 10 more units, the run needs 20'],
        ['E', null, 'The vehicle can take 100 kg more, the run weighs 200 kg'],
      ],
    );
  });

  it('scores distance 50 %, free room 20 % and on-time record 30 %, and explains it', () => {
    // Near: 1 km → distance 100; room (100 − 0 − 20) / 100 → 80; on time 80 → total 50 + 16 + 24 = 90.
    // Far: 4 km → distance 1/4 × 100 = 25; room 80; unrated → 60; total 12.5 + 16 + 18 = 46.5.
    const [near, far] = rankCouriers(
      [courier('FAR', { kmToFirstStop: 4, onTimeRate: null }), courier('NEAR', { kmToFirstStop: 1, onTimeRate: 80 })],
      needs,
    );
    assert.equal(near.code, 'NEAR');
    assert.deepEqual(near.points, { distance: 100, load: 80, onTime: 80, total: 90 });
    assert.deepEqual(far.points, { distance: 25, load: 80, onTime: 60, total: 46.5 });
    assert.equal(far.rank, 2);
  });

  it('prefers the emptier van when distance and record are equal, and breaks exact ties by code', () => {
    const ranked = rankCouriers([courier('B', { loadUnits: 40 }), courier('C'), courier('A')], needs);
    assert.deepEqual(
      ranked.map((r) => r.code),
      ['A', 'C', 'B'],
    );
  });
});
