/**
 * Travel times and distances between the nodes of a route-planning problem: node 0 is the depot, the
 * stops are nodes 1..n. The planner reads every pair once into flat arrays, so an implementation may
 * compute on demand.
 */
export interface TravelTimes {
  /** Time from node i to node j, in the unit of the stops' windows (seconds for the delivery module). */
  time(i: number, j: number): number;
  /** Distance from node i to node j (what the planner minimises). */
  distance(i: number, j: number): number;
}

/**
 * Travel times from a square distance matrix (flat, row by row, or nested rows): time = distance / speed
 * (speed 1 by default, so time equals distance as in the Solomon instances).
 */
export function matrixTravelTimes(distance: Float64Array | number[][], speed = 1): TravelTimes {
  if (!(speed > 0)) throw new Error(`speed must be positive, got ${speed}`);
  let flat: Float64Array;
  let n: number;
  if (distance instanceof Float64Array) {
    n = Math.round(Math.sqrt(distance.length));
    if (n * n !== distance.length) throw new Error(`a flat matrix needs n × n entries, got ${distance.length}`);
    flat = distance;
  } else {
    n = distance.length;
    flat = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      const row = distance[i];
      if (row.length !== n) throw new Error(`row ${i} has ${row.length} entries, expected ${n}`);
      for (let j = 0; j < n; j++) flat[i * n + j] = row[j];
    }
  }
  return {
    time: (i, j) => flat[i * n + j] / speed,
    distance: (i, j) => flat[i * n + j],
  };
}

const EARTH_RADIUS_M = 6_371_000;

/** Great-circle distance in metres between two points given in degrees (haversine, mean Earth radius). */
export function haversineMetres(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Travel estimates without a road network: distance in metres = haversine × roadFactor (1.3 by default,
 * the usual detour of city streets over the straight line), time in seconds at speedKmh (25 km/h by
 * default, a van in town including stops at lights). Points are node 0 (depot) first, then the stops.
 */
export function straightLineTravelTimes(
  points: readonly { lat: number; lng: number }[],
  opts: { roadFactor?: number; speedKmh?: number } = {},
): TravelTimes {
  const roadFactor = opts.roadFactor ?? 1.3;
  const metresPerSecond = (opts.speedKmh ?? 25) / 3.6;
  if (!(metresPerSecond > 0)) throw new Error(`speedKmh must be positive, got ${opts.speedKmh}`);
  const distance = (i: number, j: number) => haversineMetres(points[i], points[j]) * roadFactor;
  return { distance, time: (i, j) => distance(i, j) / metresPerSecond };
}
