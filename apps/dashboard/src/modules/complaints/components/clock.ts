import type { ComplaintPriority, ComplaintSlaFieldsFragment, SlaState } from '../../../gql/graphql';

const HOUR = 3_600_000;

/** The policies by priority (as the schema documents them), for a policy name that does not say its hours. */
const WINDOWS: Record<ComplaintPriority, { response: number; resolution: number }> = {
  URGENT: { response: 1 * HOUR, resolution: 8 * HOUR },
  HIGH: { response: 2 * HOUR, resolution: 12 * HOUR },
  NORMAL: { response: 2 * HOUR, resolution: 24 * HOUR },
  LOW: { response: 4 * HOUR, resolution: 24 * HOUR },
};

/** At risk once less than this share of the current window is left (the server's rule). */
const AT_RISK_SHARE = 0.25;

/** The current window's length: the policy's name says it (e.g. standard-2h-24h), else its priority's. */
export function windowMs(sla: Pick<ComplaintSlaFieldsFragment, 'policy' | 'kind'>, priority: ComplaintPriority) {
  const m = /(\d+(?:\.\d+)?)h-(\d+(?:\.\d+)?)h/.exec(sla.policy);
  const hours = m ? { response: Number(m[1]) * HOUR, resolution: Number(m[2]) * HOUR } : WINDOWS[priority];
  return sla.kind === 'RESPONSE' ? hours.response : hours.resolution;
}

export interface LiveSla {
  state: SlaState;
  /** Until the deadline, ms (negative once overdue); frozen while paused; null once resolved. */
  leftMs: number | null;
}

/**
 * The clock as it stands now, computed in the browser from the deadline: a running clock turns at risk
 * in the last quarter and breached after the deadline without waiting for the server's sweep (which
 * records the same within a minute). A paused clock is frozen; a met one stays met.
 */
export function liveSla(sla: ComplaintSlaFieldsFragment, priority: ComplaintPriority, now: number): LiveSla {
  if (sla.state === 'MET' || sla.secondsLeft == null) return { state: sla.state, leftMs: null };
  if (sla.state === 'PAUSED') return { state: 'PAUSED', leftMs: sla.secondsLeft * 1000 };
  const leftMs = new Date(sla.dueAt).getTime() - now;
  const state: SlaState =
    leftMs < 0 ? 'BREACHED' : leftMs < windowMs(sla, priority) * AT_RISK_SHARE ? 'AT_RISK' : 'ON_TRACK';
  return { state, leftMs };
}

/** 1:05:09, or 2d 03:04:05 beyond a day (`dayUnit` in the reader's language): hours, minutes and seconds of a span. */
export function clockText(ms: number, dayUnit = 'd'): string {
  const total = Math.floor(Math.abs(ms) / 1000);
  const days = Math.floor(total / 86_400);
  const h = Math.floor((total % 86_400) / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${days > 0 ? `${days}${dayUnit} ` : ''}${days > 0 ? pad(h) : h}:${pad(m)}:${pad(s)}`;
}
