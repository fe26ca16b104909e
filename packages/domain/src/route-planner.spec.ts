import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { type PlanInput, type PlannerStop, type PlannerVehicle, planRoutes } from './route-planner';
import { haversineMetres, matrixTravelTimes, straightLineTravelTimes } from './travel-time';

/** Euclidean travel between points on a plane; point 0 is the depot. */
const plane = (points: [number, number][]) =>
  matrixTravelTimes(points.map(([x1, y1]) => points.map(([x2, y2]) => Math.hypot(x1 - x2, y1 - y2))));

const stop = (id: string, over: Partial<PlannerStop> = {}): PlannerStop => ({
  id,
  demand: 1,
  ready: 0,
  due: 1_000,
  service: 0,
  ...over,
});

const vehicle = (id: string, over: Partial<PlannerVehicle> = {}): PlannerVehicle => ({
  id,
  capacity: 10,
  start: 0,
  end: 1_000,
  ...over,
});

const visits = (input: PlanInput) =>
  planRoutes({ maxIterations: 2_000, ...input }).routes.map((r) => [r.vehicle, r.stops.map((s) => s.id)] as const);

describe('route planner', () => {
  it('puts a stop that fits no vehicle in unassigned and never overloads a vehicle', () => {
    const plan = planRoutes({
      stops: [stop('a', { demand: 6 }), stop('b', { demand: 6 }), stop('big', { demand: 15 })],
      vehicles: [vehicle('V1'), vehicle('V2')],
      travel: plane([
        [0, 0],
        [1, 0],
        [2, 0],
        [3, 0],
      ]),
      maxIterations: 2_000,
    });
    assert.deepEqual(plan.unassigned, ['big']);
    assert.equal(plan.feasible, false);
    assert.equal(plan.routes.length, 2);
    assert.deepEqual(plan.routes.map((r) => r.load).sort(), [6, 6]);
  });

  it('leaves out a stop whose window cannot be reached and waits at a stop reached early', () => {
    const plan = planRoutes({
      stops: [stop('early', { ready: 30, due: 40, service: 5 }), stop('far', { due: 50 })],
      vehicles: [vehicle('V1')],
      travel: plane([
        [0, 0],
        [10, 0],
        [100, 0],
      ]),
      maxIterations: 2_000,
    });
    assert.deepEqual(plan.unassigned, ['far']);
    assert.deepEqual(plan.routes[0].stops, [{ id: 'early', arrival: 10, start: 30, departure: 35 }]);
    assert.equal(plan.distance, 20);
  });

  it('keeps locked stops on their vehicle, first and in position order', () => {
    const points: [number, number][] = [
      [0, 0],
      [10, 0],
      [11, 0],
      [-10, 0],
    ];
    const stops = [
      stop('near-1', { locked: { vehicle: 1, position: 1 } }),
      stop('near-2', { locked: { vehicle: 1, position: 0 } }),
      stop('west'),
    ];
    const routes = visits({ stops, vehicles: [vehicle('V1'), vehicle('V2')], travel: plane(points) });
    const v2 = routes.find(([v]) => v === 'V2');
    assert.deepEqual(v2?.[1].slice(0, 2), ['near-2', 'near-1']);
    assert.ok(routes.flatMap(([, s]) => s).includes('west'));
  });

  it('gives the same plan for the same seed', () => {
    let x = 7;
    const next = () => (x = (x * 48271) % 2147483647) / 2147483647;
    const points: [number, number][] = [[50, 50]];
    const stops: PlannerStop[] = [];
    for (let i = 0; i < 15; i++) {
      points.push([Math.round(next() * 100), Math.round(next() * 100)]);
      const ready = Math.round(next() * 300);
      stops.push(stop(`s${i}`, { demand: 1 + Math.round(next() * 4), ready, due: ready + 150, service: 10 }));
    }
    const input: PlanInput = {
      stops,
      vehicles: [vehicle('V1'), vehicle('V2'), vehicle('V3'), vehicle('V4')],
      travel: plane(points),
      seed: 42,
      maxIterations: 3_000,
      timeLimitMs: 10_000,
    };
    const first = planRoutes(input);
    assert.deepEqual(planRoutes(input), first);
    for (const r of first.routes) {
      assert.ok(r.load <= 10);
      for (const s of r.stops) {
        const original = stops.find((o) => o.id === s.id)!;
        assert.ok(s.start >= original.ready && s.start <= original.due, `${s.id} within its window`);
      }
    }
  });

  it('finds the obvious optimum of a tiny instance: one route per cluster', () => {
    const points: [number, number][] = [
      [0, 0],
      [10, 0],
      [-10, 0],
      [11, 0],
      [-11, 0],
    ];
    const plan = planRoutes({
      stops: ['e1', 'w1', 'e2', 'w2'].map((id) => stop(id, { service: 1 })),
      vehicles: [vehicle('V1', { capacity: 2 }), vehicle('V2', { capacity: 2 }), vehicle('V3', { capacity: 2 })],
      travel: plane(points),
      maxIterations: 2_000,
    });
    assert.equal(plan.feasible, true);
    assert.equal(plan.distance, 44);
    assert.deepEqual(plan.routes.map((r) => r.stops.map((s) => s.id).sort()).sort(), [
      ['e1', 'e2'],
      ['w1', 'w2'],
    ]);
  });

  it('estimates straight-line travel: a degree of latitude, road factor and speed', () => {
    const points = [
      { lat: 0, lng: 0 },
      { lat: 1, lng: 0 },
    ];
    assert.ok(Math.abs(haversineMetres(points[0], points[1]) - 111_195) < 1);
    const travel = straightLineTravelTimes(points);
    assert.ok(Math.abs(travel.distance(0, 1) - 111_195 * 1.3) < 2);
    assert.ok(Math.abs(travel.time(0, 1) - (111_195 * 1.3) / (25 / 3.6)) < 1);
    assert.ok(Math.abs(straightLineTravelTimes(points, { roadFactor: 1, speedKmh: 36 }).time(0, 1) - 11_119.5) < 0.1);
  });
});
