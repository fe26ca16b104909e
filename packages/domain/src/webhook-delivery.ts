/**
 * How a webhook delivery goes on after an attempt, per the Standard Webhooks spec (v1.0.0): 2xx is
 * delivered; 410 Gone disables the endpoint; other 4xx are the receiver's refusal and are not retried
 * (retrying the same body cannot succeed); 3xx is not followed; 5xx, 429, timeouts and network errors
 * are retried with exponential back-off and jitter, honouring Retry-After.
 */
export type AttemptResult = { status: number; retryAfterSeconds?: number | null } | 'TIMEOUT' | 'NETWORK_ERROR';

export type AttemptVerdict = 'DELIVERED' | 'RETRY' | 'FAILED' | 'DISABLE_ENDPOINT';

/** Delays before attempts 2, 3, … (seconds): the spec's table, from 5 s to 10 h, about 28 h in all. */
export const WEBHOOK_RETRY_DELAYS_S = [5, 5 * 60, 30 * 60, 2 * 3600, 5 * 3600, 10 * 3600, 10 * 3600] as const;

/** Jitter applied to each delay: ± this share, so retries of many deliveries do not arrive together. */
export const WEBHOOK_JITTER = 0.2;

/** The longest Retry-After honoured (a receiver cannot park a delivery for longer). */
export const MAX_RETRY_AFTER_S = 24 * 3600;

export function verdictOf(result: AttemptResult): AttemptVerdict {
  if (result === 'TIMEOUT' || result === 'NETWORK_ERROR') return 'RETRY';
  const { status } = result;
  if (status >= 200 && status < 300) return 'DELIVERED';
  if (status === 410) return 'DISABLE_ENDPOINT';
  if (status === 429 || status >= 500) return 'RETRY';
  return 'FAILED';
}

/**
 * The delay before the next attempt after `attempt` (1-based) failed with a retryable result, in ms,
 * or null when the schedule is used up (the delivery FAILED). `random` is in [0, 1).
 */
export function nextAttemptDelayMs(attempt: number, result: AttemptResult, random: number): number | null {
  if (attempt < 1 || attempt > WEBHOOK_RETRY_DELAYS_S.length) return null;
  const base = WEBHOOK_RETRY_DELAYS_S[attempt - 1];
  const jittered = base * (1 - WEBHOOK_JITTER + 2 * WEBHOOK_JITTER * random);
  const asked = typeof result === 'object' ? result.retryAfterSeconds : null;
  const seconds = asked != null && asked > 0 ? Math.max(jittered, Math.min(asked, MAX_RETRY_AFTER_S)) : jittered;
  return Math.round(seconds * 1000);
}
