import type { CourierPositionInput } from '../../../gql/graphql';

const STORAGE_PREFIX = 'fulfilment.courier.unsentPositions.';
const MAX_AGE_MS = 24 * 3600_000;
const MAX_KEPT = 5_000;

/**
 * Fixes not yet accepted by the API, oldest first, kept in localStorage (per signed-in user) so a reload
 * or a dead zone loses none.
 */
export class PositionQueue {
  private readonly key: string;
  private points: CourierPositionInput[];

  constructor(userId: string) {
    this.key = STORAGE_PREFIX + userId;
    this.points = load(this.key);
  }

  get size() {
    return this.points.length;
  }

  add(point: CourierPositionInput) {
    if (this.points.some((p) => p.recordedAt === point.recordedAt)) return;
    this.points.push(point);
    this.prune();
  }

  /** The oldest `max` points, to send. */
  take(max: number): CourierPositionInput[] {
    this.prune();
    return this.points.slice(0, max);
  }

  remove(sent: readonly CourierPositionInput[]) {
    const gone = new Set(sent.map((p) => p.recordedAt));
    this.points = this.points.filter((p) => !gone.has(p.recordedAt));
    save(this.key, this.points);
  }

  /** The API takes fixes up to 24 hours old; older ones could never be sent. */
  private prune() {
    const oldest = Date.now() - MAX_AGE_MS + 60_000;
    this.points = this.points.filter((p) => new Date(p.recordedAt).getTime() > oldest).slice(-MAX_KEPT);
    save(this.key, this.points);
  }
}

function load(key: string): CourierPositionInput[] {
  try {
    const raw = localStorage.getItem(key);
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    return Array.isArray(parsed) ? (parsed as CourierPositionInput[]) : [];
  } catch {
    return [];
  }
}

function save(key: string, points: CourierPositionInput[]) {
  try {
    if (points.length) localStorage.setItem(key, JSON.stringify(points));
    else localStorage.removeItem(key);
  } catch {
    /* storage full or disabled: the points stay in memory */
  }
}
