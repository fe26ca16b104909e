import type { ComplaintPriority } from './complaint-states';

/**
 * The complaint clock. Deadlines are wall-clock (Asia/Shanghai has no daylight saving, so 24 hours is
 * always 24 hours): a first response within `responseMinutes` and a resolution within
 * `resolutionMinutes` of opening, not counting time waiting on the customer. A reopened complaint
 * gets a fresh resolution window from the moment it was reopened. Pure: every function takes `now`.
 */
export interface SlaPolicy {
  name: string;
  responseMinutes: number;
  resolutionMinutes: number;
  /** A deadline is at risk once less than this share of its window is left. */
  atRiskShare: number;
}

/** The platform's policies by priority; the one used is stored with each complaint. */
export const SLA_POLICIES: Readonly<Record<ComplaintPriority, SlaPolicy>> = {
  URGENT: { name: 'urgent-1h-8h', responseMinutes: 60, resolutionMinutes: 8 * 60, atRiskShare: 0.25 },
  HIGH: { name: 'high-2h-12h', responseMinutes: 120, resolutionMinutes: 12 * 60, atRiskShare: 0.25 },
  NORMAL: { name: 'standard-2h-24h', responseMinutes: 120, resolutionMinutes: 24 * 60, atRiskShare: 0.25 },
  LOW: { name: 'low-4h-24h', responseMinutes: 240, resolutionMinutes: 24 * 60, atRiskShare: 0.25 },
};

export const SLA_STATES = ['ON_TRACK', 'AT_RISK', 'BREACHED', 'PAUSED', 'MET'] as const;
export type SlaState = (typeof SLA_STATES)[number];

/** What the clock knows of a complaint. Instants in ms since the epoch. */
export interface SlaClock {
  /** Opened, or reopened: the start of the current resolution window. */
  startedAt: number;
  /** When the complaint was first opened (the response deadline counts from here). */
  openedAt: number;
  /** Waiting on the customer in the current window, finished pauses, in ms. */
  pausedMs: number;
  /** Waiting on the customer since then; null when not paused. */
  pausedSince: number | null;
  respondedAt: number | null;
  resolvedAt: number | null;
}

export interface SlaReading {
  /** The state of the deadline that matters now (a missed first response stays recorded in responseBreached). */
  state: SlaState;
  /** The deadline that matters now: the response's until answered, then the resolution's. */
  kind: 'RESPONSE' | 'RESOLUTION';
  /** When it falls due (while paused: as if the pause ended now). */
  dueAt: number;
  /** Until then, ms (negative once breached); frozen while paused; null once met. */
  leftMs: number | null;
  responseDueAt: number;
  resolutionDueAt: number;
  responseBreached: boolean;
  resolutionBreached: boolean;
}

const MIN = 60_000;

/** Pauses up to `now`, in ms. */
function pausedUntil(c: SlaClock, now: number): number {
  return c.pausedMs + (c.pausedSince !== null ? Math.max(0, now - c.pausedSince) : 0);
}

export function readSla(policy: SlaPolicy, c: SlaClock, now: number): SlaReading {
  const paused = pausedUntil(c, now);
  // Pauses before the first response push its deadline too (they are in the first window).
  const responseDueAt = c.openedAt + policy.responseMinutes * MIN + (c.startedAt === c.openedAt ? paused : c.pausedMs);
  const resolutionDueAt = c.startedAt + policy.resolutionMinutes * MIN + paused;
  const responseAt = c.respondedAt ?? now;
  const responseBreached = responseAt > responseDueAt;
  const resolutionBreached = (c.resolvedAt ?? now) > resolutionDueAt;
  const kind = c.respondedAt === null ? 'RESPONSE' : 'RESOLUTION';
  const dueAt = kind === 'RESPONSE' ? responseDueAt : resolutionDueAt;
  const window = (kind === 'RESPONSE' ? policy.responseMinutes : policy.resolutionMinutes) * MIN;
  if (c.resolvedAt !== null)
    return {
      state: resolutionBreached || responseBreached ? 'BREACHED' : 'MET',
      kind: 'RESOLUTION',
      dueAt: resolutionDueAt,
      leftMs: null,
      responseDueAt,
      resolutionDueAt,
      responseBreached,
      resolutionBreached,
    };
  const leftMs = dueAt - now;
  const state: SlaState =
    c.pausedSince !== null
      ? 'PAUSED'
      : leftMs < 0
        ? 'BREACHED'
        : leftMs < window * policy.atRiskShare
          ? 'AT_RISK'
          : 'ON_TRACK';
  return { state, kind, dueAt, leftMs, responseDueAt, resolutionDueAt, responseBreached, resolutionBreached };
}

/** The clock after a pause starts (waiting on the customer). */
export function pauseClock(c: SlaClock, now: number): SlaClock {
  return c.pausedSince !== null ? c : { ...c, pausedSince: now };
}

/** The clock after a pause ends. */
export function resumeClock(c: SlaClock, now: number): SlaClock {
  return c.pausedSince === null
    ? c
    : { ...c, pausedMs: c.pausedMs + Math.max(0, now - c.pausedSince), pausedSince: null };
}

/** A reopened complaint: a new resolution window from now; the first response stays answered. */
export function restartClock(c: SlaClock, now: number): SlaClock {
  return { ...c, startedAt: now, pausedMs: 0, pausedSince: null, resolvedAt: null };
}

/** A new complaint's clock. */
export function startClock(now: number): SlaClock {
  return { startedAt: now, openedAt: now, pausedMs: 0, pausedSince: null, respondedAt: null, resolvedAt: null };
}

/**
 * When the sweep must look at the complaint next: when it turns at risk or breaches, whichever comes
 * first after `now`; null when nothing can change without a person (paused, resolved).
 */
export function nextSlaCheckAt(policy: SlaPolicy, c: SlaClock, now: number): number | null {
  const r = readSla(policy, c, now);
  if (r.state === 'PAUSED' || r.state === 'MET' || r.leftMs === null) return null;
  const window = (r.kind === 'RESPONSE' ? policy.responseMinutes : policy.resolutionMinutes) * MIN;
  const atRiskAt = r.dueAt - window * policy.atRiskShare;
  const candidates = [atRiskAt, r.dueAt, ...(r.kind === 'RESPONSE' ? [r.resolutionDueAt] : [])].filter((t) => t > now);
  return candidates.length ? Math.min(...candidates) : null;
}
