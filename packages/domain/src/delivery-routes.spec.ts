import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { PlannedStop } from './delivery-planning';
import { planZone, sequenceRun } from './delivery-routes';

const H = 3_600_000;
const T0 = Date.UTC(2026, 11, 7, 1); // 09:00 Shanghai
const depot = { lat: 31.23, lng: 121.47 };

/** Stops on a ring around the depot, ~2–4 km out. */
function stops(n: number, over: (i: number) => Partial<PlannedStop> = () => ({})): PlannedStop[] {
  return Array.from({ length: n }, (_, i) => ({
    key: `s${i}`,
    deliveryIds: [`d${i}`],
    position: {
      lat: depot.lat + 0.02 * Math.cos((i * 2 * Math.PI) / n) * (1 + (i % 3) * 0.3),
      lng: depot.lng + 0.02 * Math.sin((i * 2 * Math.PI) / n) * (1 + (i % 3) * 0.3),
    },
    units: 4,
    windowStart: T0,
    windowEnd: T0 + 12 * H,
    rank: 3,
    ...over(i),
  }));
}

const base = { depot, capacityUnits: 40, start: T0, end: T0 + 13 * H, budgetMs: 2_000 };

describe('planning a zone into runs', () => {
  it('fills runs up to the capacity and plans every stop', () => {
    const r = planZone({ ...base, stops: stops(25) });
    assert.equal(r.unplanned.length, 0);
    assert.equal(r.runs.length, 3, '100 units at 40 per run');
    for (const run of r.runs) assert.ok(run.units <= 40);
    assert.equal(r.runs.flatMap((x) => x.stops).length, 25);
  });

  it('reaches every stop within its window, ETAs rising along the run', () => {
    const tight = stops(12, (i) => (i % 2 ? { windowStart: T0 + 3 * H, windowEnd: T0 + 5 * H } : {}));
    const r = planZone({ ...base, stops: tight });
    assert.equal(r.unplanned.length, 0);
    for (const run of r.runs)
      run.stops.forEach((s, i) => {
        assert.ok(s.eta >= s.stop.windowStart && s.eta <= s.stop.windowEnd, `${s.stop.key} at ${s.eta}`);
        if (i > 0) assert.ok(s.eta > run.stops[i - 1].eta);
      });
  });

  it('leaves out a stop whose window has passed', () => {
    const r = planZone({
      ...base,
      stops: stops(5, (i) => (i === 2 ? { windowStart: T0 - 3 * H, windowEnd: T0 - H } : {})),
    });
    assert.deepEqual(
      r.unplanned.map((s) => s.key),
      ['s2'],
    );
  });

  it('plans the same runs for the same stops', () => {
    const a = planZone({ ...base, stops: stops(30) });
    const b = planZone({ ...base, stops: stops(30) });
    assert.deepEqual(
      a.runs.map((r) => r.stops.map((s) => s.stop.key)),
      b.runs.map((r) => r.stops.map((s) => s.stop.key)),
    );
  });
});

describe('sequencing one run', () => {
  it('keeps locked stops first in their order', () => {
    const s = stops(8);
    const r = sequenceRun(
      { ...base, stops: s },
      new Map([
        ['s5', 0],
        ['s1', 1],
      ]),
    );
    assert.deepEqual(
      r.runs[0].stops.slice(0, 2).map((x) => x.stop.key),
      ['s5', 's1'],
    );
    assert.equal(r.runs[0].stops.length, 8);
  });

  it('gives back stops beyond the capacity', () => {
    const r = sequenceRun({ ...base, capacityUnits: 10, stops: stops(4) }, new Map());
    assert.equal(r.runs[0].units, 8);
    assert.equal(r.unplanned.length, 2);
  });
});
