import type { DataSource } from 'typeorm';
import { nextAttemptDelayMs, verdictOf } from '@fulfilment/domain';
import { logger } from '../../common/logger';
import { queryPreparedOnPool } from '../../common/prepared';
import type { OutboxWork } from './outbox-dispatcher';
import { webhookIdOf } from './webhook.entity';
import type { WebhookSender } from './webhook-sender';

interface Claimed {
  id: string;
  attempts: number;
  event_id: string;
  endpoint_id: string;
  payload: string;
  url: string;
  secret: string;
  previous_secret: string | null;
}

/** Due deliveries of active endpoints, oldest first; claimed for a lease so no other process sends them meanwhile. */
const CLAIM = `
  WITH due AS (
    SELECT d.id FROM webhook_delivery d JOIN webhook_endpoint w ON w.id = d.endpoint_id AND w.status = 'ACTIVE'
     WHERE d.status IN ('PENDING', 'RETRYING') AND d.next_attempt_at <= now() AND (d.claimed_until IS NULL OR d.claimed_until < now())
     ORDER BY d.next_attempt_at LIMIT $1 FOR UPDATE OF d SKIP LOCKED),
  claimed AS (
  UPDATE webhook_delivery d SET claimed_until = now() + make_interval(secs => $2), attempts = d.attempts + 1
    FROM due, webhook_event e, webhook_endpoint w
   WHERE d.id = due.id AND e.id = d.event_id AND w.id = d.endpoint_id
  RETURNING d.id, d.attempts, d.event_id, d.endpoint_id, e.payload::text AS payload, w.url, w.secret,
            CASE WHEN w.previous_secret_until > now() THEN w.previous_secret END AS previous_secret)
  SELECT * FROM claimed`;

/** The attempt, the delivery's new state, and a 410's endpoint disabled: one statement. */
const RECORD = `
  WITH attempt AS (
    INSERT INTO webhook_attempt (delivery_id, attempt, started_at, duration_ms, status_code, error, response_excerpt)
    VALUES ($1, $2, $3, $4, $5, $6, $7)),
  delivery AS (
    UPDATE webhook_delivery SET status = $8, next_attempt_at = coalesce($9, next_attempt_at), claimed_until = NULL,
           last_status_code = $5, last_error = $6, delivered_at = CASE WHEN $8 = 'DELIVERED' THEN now() ELSE delivered_at END
     WHERE id = $1)
  UPDATE webhook_endpoint SET status = 'DISABLED', updated_at = now(),
         disabled_reason = 'Answered 410 Gone at ' || to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS') || ' UTC'
   WHERE id = $10 AND $11`;

/** Webhook deliveries as outbox work: claim due ones, sign and post each, record the attempt. */
export class WebhookDispatch implements OutboxWork<Claimed> {
  readonly name = 'webhooks';

  constructor(
    private readonly ds: DataSource,
    private readonly sender: WebhookSender,
    private readonly retryScale: number,
    private readonly leaseSeconds: number,
  ) {}

  claim(limit: number): Promise<Claimed[]> {
    return queryPreparedOnPool<Claimed>(this.ds, CLAIM, [limit, this.leaseSeconds]);
  }

  async process(d: Claimed): Promise<Date | null> {
    const secrets = d.previous_secret ? [d.secret, d.previous_secret] : [d.secret];
    const o = await this.sender.post({ url: d.url, webhookId: webhookIdOf(d.event_id), payload: d.payload, secrets });
    const verdict = verdictOf(o.result);
    const delay = verdict === 'RETRY' ? nextAttemptDelayMs(d.attempts, o.result, Math.random()) : null;
    const next = delay === null ? null : new Date(Date.now() + delay * this.retryScale);
    const status = verdict === 'DELIVERED' ? 'DELIVERED' : verdict === 'RETRY' && next ? 'RETRYING' : 'FAILED';
    const error =
      o.error ??
      (verdict === 'DISABLE_ENDPOINT'
        ? 'The endpoint answered 410 Gone: it is disabled'
        : status === 'FAILED'
          ? verdict === 'RETRY'
            ? `HTTP ${o.statusCode}: the retries ran out`
            : `HTTP ${o.statusCode}: refused by the receiver (not retried)`
          : status === 'RETRYING'
            ? `HTTP ${o.statusCode}`
            : null);
    if (verdict === 'DISABLE_ENDPOINT')
      logger.warn({ endpointId: d.endpoint_id }, 'webhook endpoint answered 410: disabled');
    await queryPreparedOnPool(this.ds, RECORD, [
      d.id,
      d.attempts,
      o.startedAt,
      o.durationMs,
      o.statusCode,
      error,
      o.responseExcerpt,
      status,
      next,
      d.endpoint_id,
      verdict === 'DISABLE_ENDPOINT',
    ]);
    return next;
  }

  async nextDue(): Promise<Date | null> {
    const [row] = await this.ds.query(
      `SELECT min(greatest(d.next_attempt_at, coalesce(d.claimed_until, d.next_attempt_at))) AS at
         FROM webhook_delivery d JOIN webhook_endpoint w ON w.id = d.endpoint_id AND w.status = 'ACTIVE'
        WHERE d.status IN ('PENDING', 'RETRYING')`,
    );
    return row?.at ? new Date(row.at) : null;
  }
}
