import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  backoffDelayMs,
  isWebhookEventType,
  MAX_RETRY_AFTER_S,
  nextAttemptDelayMs,
  NOTIFICATION_RETRY_DELAYS_S,
  verdictOf,
  WEBHOOK_RETRY_DELAYS_S,
} from './webhook-delivery';

describe('webhook attempt verdicts', () => {
  it('delivers on 2xx and disables the endpoint on 410', () => {
    assert.equal(verdictOf({ status: 200 }), 'DELIVERED');
    assert.equal(verdictOf({ status: 204 }), 'DELIVERED');
    assert.equal(verdictOf({ status: 410 }), 'DISABLE_ENDPOINT');
  });

  it('retries 5xx, 429, timeouts and network errors, not 4xx or redirects', () => {
    for (const r of [{ status: 500 }, { status: 503 }, { status: 429 }, 'TIMEOUT', 'NETWORK_ERROR'] as const)
      assert.equal(verdictOf(r), 'RETRY', JSON.stringify(r));
    for (const status of [400, 401, 403, 404, 422, 301, 302])
      assert.equal(verdictOf({ status }), 'FAILED', `${status}`);
  });
});

describe('webhook retry delays', () => {
  it('follows the schedule with ±20 % jitter', () => {
    assert.equal(nextAttemptDelayMs(1, { status: 500 }, 0.5), 5_000);
    assert.equal(nextAttemptDelayMs(1, { status: 500 }, 0), 4_000);
    assert.equal(nextAttemptDelayMs(1, { status: 500 }, 0.999999), 6_000);
    assert.equal(nextAttemptDelayMs(2, 'TIMEOUT', 0.5), 300_000);
  });

  it('gives up once the schedule is used', () => {
    assert.equal(nextAttemptDelayMs(WEBHOOK_RETRY_DELAYS_S.length + 1, { status: 500 }, 0.5), null);
    assert.equal(nextAttemptDelayMs(0, { status: 500 }, 0.5), null);
  });

  it('waits at least as long as Retry-After asks, up to a day', () => {
    assert.equal(nextAttemptDelayMs(1, { status: 429, retryAfterSeconds: 120 }, 0.5), 120_000);
    assert.equal(
      nextAttemptDelayMs(1, { status: 503, retryAfterSeconds: 1 }, 0.5),
      5_000,
      'never sooner than the schedule',
    );
    assert.equal(nextAttemptDelayMs(1, { status: 503, retryAfterSeconds: 10 * 86_400 }, 0.5), MAX_RETRY_AFTER_S * 1000);
  });
});

describe('webhook event types and refusals', () => {
  it('knows its event types and nothing an object inherits', () => {
    assert.ok(isWebhookEventType('order.status_changed'));
    for (const name of ['constructor', 'toString', '__proto__', 'order', ''])
      assert.equal(isWebhookEventType(name), false, name);
  });

  it('does not retry a refused (private) address', () => {
    assert.equal(verdictOf('REFUSED'), 'FAILED');
  });

  it('backs notifications off on their own schedule, then gives up', () => {
    assert.equal(backoffDelayMs(NOTIFICATION_RETRY_DELAYS_S, 1, 0.5), 30_000);
    assert.equal(backoffDelayMs(NOTIFICATION_RETRY_DELAYS_S, NOTIFICATION_RETRY_DELAYS_S.length + 1, 0.5), null);
  });
});
