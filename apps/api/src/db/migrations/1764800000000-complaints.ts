import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Complaints on a 24-hour clock: each complaint with its category, department, owner, resolution and
 * the SLA policy it was opened under (a snapshot), the clock's state (pauses while waiting on the
 * customer, the current deadline, when the sweep looks next, whether it was escalated), and its event
 * stream. The queue is read by deadline: an index per filter ends in (due_at, id).
 */
export class Complaints1764800000000 implements MigrationInterface {
  name = 'Complaints1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SEQUENCE complaint_number_seq`);
    await q.query(`
      CREATE TABLE complaint (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        number text NOT NULL UNIQUE,
        customer_id uuid NOT NULL REFERENCES customer (id),
        order_id uuid REFERENCES orders (id),
        delivery_id uuid REFERENCES delivery (id),
        channel text NOT NULL CHECK (channel IN ('PHONE', 'CHAT', 'EMAIL', 'APP')),
        category text NOT NULL CHECK (category IN ('QUALITY', 'LATE', 'DAMAGED', 'WRONG_ITEM', 'MISSING_ITEM', 'COURIER_SERVICE', 'OTHER')),
        priority text NOT NULL CHECK (priority IN ('URGENT', 'HIGH', 'NORMAL', 'LOW')),
        department text NOT NULL CHECK (department IN ('WAREHOUSE', 'DELIVERY', 'PURCHASING_QUALITY', 'CUSTOMER_SERVICE')),
        owner_id uuid REFERENCES staff_user (id),
        description text NOT NULL CHECK (length(description) BETWEEN 1 AND 4000),
        status text NOT NULL CHECK (status IN ('OPEN', 'ACKNOWLEDGED', 'INVESTIGATING', 'WAITING_ON_CUSTOMER', 'RESOLVED', 'CLOSED', 'REOPENED')),
        root_cause text,
        outcome text CHECK (outcome IN ('REFUND', 'EXCHANGE', 'REDELIVERY', 'COMPENSATION', 'EXPLANATION')),
        resolution_note text,
        sla_policy jsonb NOT NULL,
        opened_at timestamptz(3) NOT NULL,
        started_at timestamptz(3) NOT NULL,
        paused_ms bigint NOT NULL DEFAULT 0,
        paused_since timestamptz(3),
        responded_at timestamptz(3),
        resolved_at timestamptz(3),
        closed_at timestamptz(3),
        sla_state text NOT NULL CHECK (sla_state IN ('ON_TRACK', 'AT_RISK', 'BREACHED', 'PAUSED', 'MET')),
        due_at timestamptz(3) NOT NULL,
        next_check_at timestamptz(3),
        response_breached boolean NOT NULL DEFAULT false,
        resolution_breached boolean NOT NULL DEFAULT false,
        escalated_at timestamptz(3),
        idempotency_key text,
        created_by text NOT NULL,
        last_event_sequence integer NOT NULL DEFAULT 0,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        UNIQUE (created_by, idempotency_key)
      )`);
    const open = `WHERE status NOT IN ('RESOLVED', 'CLOSED')`;
    await q.query(`CREATE INDEX complaint_queue ON complaint (due_at, id) ${open}`);
    await q.query(`CREATE INDEX complaint_by_due ON complaint (due_at, id)`);
    await q.query(`CREATE INDEX complaint_by_status ON complaint (status, due_at, id)`);
    await q.query(`CREATE INDEX complaint_by_sla ON complaint (sla_state, due_at, id)`);
    await q.query(`CREATE INDEX complaint_by_owner ON complaint (owner_id, due_at, id)`);
    await q.query(`CREATE INDEX complaint_by_department ON complaint (department, due_at, id)`);
    await q.query(`CREATE INDEX complaint_by_category ON complaint (category, due_at, id)`);
    await q.query(`CREATE INDEX complaint_by_customer ON complaint (customer_id, due_at, id)`);
    await q.query(`CREATE INDEX complaint_by_order ON complaint (order_id, due_at, id)`);
    await q.query(`CREATE INDEX complaint_check ON complaint (next_check_at) WHERE next_check_at IS NOT NULL`);

    await q.query(`
      CREATE TABLE complaint_event (
        id bigserial PRIMARY KEY,
        complaint_id uuid NOT NULL REFERENCES complaint (id),
        sequence integer NOT NULL,
        type text NOT NULL,
        from_status text,
        to_status text NOT NULL,
        reason text,
        actor text NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        UNIQUE (complaint_id, sequence)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE complaint_event, complaint`);
    await q.query(`DROP SEQUENCE complaint_number_seq`);
  }
}
