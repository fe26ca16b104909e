/**
 * How a webhook delivery goes on after an attempt, per the Standard Webhooks spec (v1.0.0): 2xx is
 * delivered; 410 Gone disables the endpoint; other 4xx are the receiver's refusal and are not retried
 * (retrying the same body cannot succeed); 3xx is not followed; 5xx, 429, timeouts and network errors
 * are retried with exponential back-off and jitter, honouring Retry-After.
 */
export type AttemptResult =
  | { status: number; retryAfterSeconds?: number | null }
  | 'TIMEOUT'
  | 'NETWORK_ERROR'
  /** The endpoint's address is private or loopback and not allowed: retrying cannot help. */
  | 'REFUSED';

export type AttemptVerdict = 'DELIVERED' | 'RETRY' | 'FAILED' | 'DISABLE_ENDPOINT';

/** Delays before attempts 2, 3, … (seconds): the spec's table, from 5 s to 10 h, about 28 h in all. */
export const WEBHOOK_RETRY_DELAYS_S = [5, 5 * 60, 30 * 60, 2 * 3600, 5 * 3600, 10 * 3600, 10 * 3600] as const;

/** Jitter applied to each delay: ± this share, so retries of many deliveries do not arrive together. */
export const WEBHOOK_JITTER = 0.2;

/** The longest Retry-After honoured (a receiver cannot park a delivery for longer). */
export const MAX_RETRY_AFTER_S = 24 * 3600;

export function verdictOf(result: AttemptResult): AttemptVerdict {
  if (result === 'REFUSED') return 'FAILED';
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
  const jittered = backoffDelayMs(WEBHOOK_RETRY_DELAYS_S, attempt, random);
  if (jittered === null) return null;
  const asked = typeof result === 'object' ? result.retryAfterSeconds : null;
  return asked != null && asked > 0 ? Math.max(jittered, Math.min(asked, MAX_RETRY_AFTER_S) * 1000) : jittered;
}

/**
 * The delay after failed attempt `attempt` (1-based) on a schedule of delays in seconds, with ±20 %
 * jitter, in ms; null when the schedule is used up. `random` is in [0, 1).
 */
export function backoffDelayMs(delaysS: readonly number[], attempt: number, random: number): number | null {
  if (attempt < 1 || attempt > delaysS.length) return null;
  return Math.round(delaysS[attempt - 1] * (1 - WEBHOOK_JITTER + 2 * WEBHOOK_JITTER * random) * 1000);
}

/** Delays before a customer notification's attempts 2, 3, … (seconds); then it has FAILED. */
export const NOTIFICATION_RETRY_DELAYS_S = [30, 5 * 60, 30 * 60, 2 * 3600] as const;

/** What integrators subscribe to: each type's payload `data` is the message of the named live topic. */
export const WEBHOOK_EVENT_TYPES = {
  'order.status_changed':
    'An order event: placed, changed status, edited, or news of its delivery (data: an OrderEvent message).',
  'shipment.status_changed': 'A shipment moved: picked, checked, packed, shipped (data: a ShipmentEvent message).',
  'delivery.status_changed':
    'A last-mile delivery moved: planned, assigned, out, delivered, exception (data: a DeliveryEvent message).',
  'purchase_order.status_changed':
    'A purchase order moved: approved, sent, received, closed (data: a PurchaseOrderEvent message).',
  'stock.alert': 'A stock level crossed its threshold: low, out of stock, back in stock (data: a StockAlert message).',
  'complaint.status_changed':
    'A complaint moved: opened, answered, resolved, reopened, or its clock turned at risk or breached (data: a ComplaintEvent message).',
} as const;
export type WebhookEventType = keyof typeof WEBHOOK_EVENT_TYPES;

export function isWebhookEventType(value: string): value is WebhookEventType {
  return Object.hasOwn(WEBHOOK_EVENT_TYPES, value);
}
