import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Returns and refunds: a return request per order (lines with what the warehouse found), its event
 * stream, and refunds (one per return, recorded with the gateway's reference and an idempotency key,
 * never more than the order's payment less what was refunded).
 */
export class Returns1764820000000 implements MigrationInterface {
  name = 'Returns1764820000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SEQUENCE return_number_seq`);
    await q.query(`
      CREATE TABLE return_request (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        number text NOT NULL UNIQUE,
        order_id uuid NOT NULL REFERENCES orders (id),
        customer_id uuid NOT NULL REFERENCES customer (id),
        complaint_id uuid REFERENCES complaint (id),
        reason text NOT NULL CHECK (reason IN ('QUALITY', 'DAMAGED', 'WRONG_ITEM', 'MISSING_ITEM', 'NOT_AS_DESCRIBED', 'CHANGED_MIND')),
        resolution text NOT NULL CHECK (resolution IN ('REFUND')),
        status text NOT NULL CHECK (status IN ('REQUESTED', 'APPROVED', 'REJECTED', 'RECEIVED', 'RESOLVED', 'CANCELLED')),
        note text,
        decision_reason text,
        requested_by text NOT NULL,
        idempotency_key text,
        requested_at timestamptz(3) NOT NULL DEFAULT now(),
        decided_at timestamptz(3),
        received_at timestamptz(3),
        resolved_at timestamptz(3),
        last_event_sequence integer NOT NULL DEFAULT 0,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        UNIQUE (requested_by, idempotency_key)
      )`);
    await q.query(`CREATE INDEX return_request_by_order ON return_request (order_id)`);
    await q.query(`CREATE INDEX return_request_by_status ON return_request (status, requested_at, id)`);
    await q.query(`CREATE INDEX return_request_by_requested ON return_request (requested_at, id)`);
    await q.query(`
      CREATE TABLE return_line (
        return_id uuid NOT NULL REFERENCES return_request (id),
        line_no integer NOT NULL,
        product_id uuid NOT NULL REFERENCES product (id),
        sku text NOT NULL,
        quantity integer NOT NULL CHECK (quantity > 0),
        unit_price_fen integer NOT NULL,
        received integer CHECK (received >= 0 AND received <= quantity),
        restocked integer CHECK (restocked >= 0),
        damaged integer CHECK (damaged >= 0),
        to_supplier integer CHECK (to_supplier >= 0),
        inspection_note text,
        PRIMARY KEY (return_id, line_no),
        CHECK (received IS NULL OR restocked + damaged + to_supplier = received)
      )`);
    await q.query(`
      CREATE TABLE return_event (
        id bigserial PRIMARY KEY,
        return_id uuid NOT NULL REFERENCES return_request (id),
        sequence integer NOT NULL,
        type text NOT NULL,
        from_status text,
        to_status text NOT NULL,
        reason text,
        actor text NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        UNIQUE (return_id, sequence)
      )`);
    await q.query(`
      CREATE TABLE refund (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        return_id uuid NOT NULL UNIQUE REFERENCES return_request (id),
        order_id uuid NOT NULL REFERENCES orders (id),
        amount_fen integer NOT NULL CHECK (amount_fen >= 0),
        method text NOT NULL,
        gateway text NOT NULL,
        gateway_reference text,
        idempotency_key text NOT NULL UNIQUE,
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX refund_by_order ON refund (order_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE refund, return_event, return_line, return_request`);
    await q.query(`DROP SEQUENCE return_number_seq`);
  }
}
