import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Telling people: customers' preferred channel and language, message templates per event and
 * language, the customer notification outbox, and webhooks for integrators (endpoints, events,
 * deliveries per endpoint and their attempts). Outbox rows are written in the transaction of the
 * change that causes them and worked by the outbox dispatcher (due rows claimed with SKIP LOCKED).
 */
export class Notifications1764700000000 implements MigrationInterface {
  name = 'Notifications1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE customer
        ADD COLUMN preferred_channel text NOT NULL DEFAULT 'SMS' CHECK (preferred_channel IN ('SMS', 'EMAIL', 'IN_APP')),
        ADD COLUMN locale text NOT NULL DEFAULT 'zh-CN' CHECK (locale IN ('zh-CN', 'en'))`);

    await q.query(`
      CREATE TABLE notification_template (
        event text NOT NULL,
        locale text NOT NULL CHECK (locale IN ('zh-CN', 'en')),
        subject text NOT NULL CHECK (length(subject) BETWEEN 1 AND 200),
        body text NOT NULL CHECK (length(body) BETWEEN 1 AND 2000),
        updated_by text NOT NULL,
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (event, locale)
      )`);

    await q.query(`
      CREATE TABLE notification (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        source_key text NOT NULL UNIQUE,
        event text NOT NULL,
        channel text NOT NULL CHECK (channel IN ('SMS', 'EMAIL', 'IN_APP')),
        locale text NOT NULL CHECK (locale IN ('zh-CN', 'en')),
        customer_id uuid NOT NULL REFERENCES customer (id),
        order_id uuid REFERENCES orders (id),
        facts jsonb NOT NULL DEFAULT '{}',
        status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'RETRYING', 'SENT', 'FAILED')),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz(3) NOT NULL DEFAULT now(),
        claimed_until timestamptz(3),
        recipient text,
        subject text,
        body text,
        provider text,
        provider_message_id text,
        last_error text,
        sent_at timestamptz(3),
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX notification_due ON notification (next_attempt_at) WHERE status IN ('PENDING', 'RETRYING')`,
    );
    await q.query(`CREATE INDEX notification_by_created ON notification (created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX notification_by_order ON notification (order_id, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX notification_by_customer ON notification (customer_id, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX notification_by_channel ON notification (channel, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX notification_by_status ON notification (status, created_at DESC, id DESC)`);

    await q.query(`
      CREATE TABLE webhook_endpoint (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        url text NOT NULL CHECK (length(url) <= 2000),
        description text NOT NULL DEFAULT '',
        event_types text[] NOT NULL CHECK (cardinality(event_types) > 0),
        status text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'PAUSED', 'DISABLED')),
        secret text NOT NULL,
        previous_secret text,
        previous_secret_until timestamptz(3),
        disabled_reason text,
        created_by text NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE webhook_event (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        type text NOT NULL,
        payload jsonb NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX webhook_event_by_created ON webhook_event (created_at)`);

    await q.query(`
      CREATE TABLE webhook_delivery (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        event_id uuid NOT NULL REFERENCES webhook_event (id) ON DELETE CASCADE,
        endpoint_id uuid NOT NULL REFERENCES webhook_endpoint (id) ON DELETE CASCADE,
        event_type text NOT NULL,
        status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'RETRYING', 'DELIVERED', 'FAILED')),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz(3) NOT NULL DEFAULT now(),
        claimed_until timestamptz(3),
        last_status_code integer,
        last_error text,
        delivered_at timestamptz(3),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        UNIQUE (endpoint_id, event_id)
      )`);
    await q.query(
      `CREATE INDEX webhook_delivery_due ON webhook_delivery (next_attempt_at) WHERE status IN ('PENDING', 'RETRYING')`,
    );
    await q.query(
      `CREATE INDEX webhook_delivery_by_endpoint ON webhook_delivery (endpoint_id, created_at DESC, id DESC)`,
    );
    await q.query(`CREATE INDEX webhook_delivery_by_status ON webhook_delivery (status, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX webhook_delivery_by_type ON webhook_delivery (event_type, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX webhook_delivery_by_event ON webhook_delivery (event_id)`);
    await q.query(`CREATE INDEX webhook_delivery_by_created ON webhook_delivery (created_at DESC, id DESC)`);

    await q.query(`
      CREATE TABLE webhook_attempt (
        id bigserial PRIMARY KEY,
        delivery_id uuid NOT NULL REFERENCES webhook_delivery (id) ON DELETE CASCADE,
        attempt integer NOT NULL,
        started_at timestamptz(3) NOT NULL,
        duration_ms integer NOT NULL,
        status_code integer,
        error text,
        response_excerpt text
      )`);
    await q.query(`CREATE INDEX webhook_attempt_by_delivery ON webhook_attempt (delivery_id, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `DROP TABLE webhook_attempt, webhook_delivery, webhook_event, webhook_endpoint, notification, notification_template`,
    );
    await q.query(`ALTER TABLE customer DROP COLUMN preferred_channel, DROP COLUMN locale`);
  }
}
