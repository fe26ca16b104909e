import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Suppliers and purchasing: the qualified supplier list and its offers, purchase requirements with
 * the figures they were computed from, purchase orders (lines with a frozen promised date and a
 * movable expected date, an event table in the order_event shape, expediting contacts), goods
 * receipts split into accepted and rejected, the backorders each receipt released, and immutable
 * monthly supplier scorecards.
 */
export class Purchasing1764400000000 implements MigrationInterface {
  name = 'Purchasing1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE supplier (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE,
        name text NOT NULL,
        contact_name text NOT NULL,
        phone text NOT NULL,
        email text,
        address text NOT NULL,
        regions text[] NOT NULL DEFAULT '{}',
        status text NOT NULL CHECK (status IN ('QUALIFIED', 'PROBATION', 'SUSPENDED')),
        status_reason text,
        standing text NOT NULL DEFAULT 'UNRATED' CHECK (standing IN ('EXCELLENT', 'GOOD', 'WATCH', 'BLOCKED', 'UNRATED')),
        score numeric(5, 1),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT supplier_suspended_has_reason CHECK (status <> 'SUSPENDED' OR status_reason IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX supplier_status_code_idx ON supplier (status, code)`);
    await q.query(`CREATE INDEX supplier_standing_code_idx ON supplier (standing, code)`);
    await q.query(`CREATE INDEX supplier_regions_idx ON supplier USING gin (regions)`);
    await q.query(`CREATE INDEX supplier_search_idx ON supplier USING gin ((code || ' ' || name) gin_trgm_ops)`);

    await q.query(`
      CREATE TABLE supplier_offer (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        supplier_id uuid NOT NULL REFERENCES supplier(id),
        product_id uuid NOT NULL REFERENCES product(id),
        unit_price_fen integer NOT NULL CHECK (unit_price_fen > 0),
        lead_time_days integer NOT NULL CHECK (lead_time_days BETWEEN 1 AND 365),
        min_order_qty integer NOT NULL DEFAULT 1 CHECK (min_order_qty >= 1),
        pack_multiple integer NOT NULL DEFAULT 1 CHECK (pack_multiple >= 1),
        active boolean NOT NULL DEFAULT true,
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        UNIQUE (supplier_id, product_id)
      )`);
    await q.query(`CREATE INDEX supplier_offer_product_idx ON supplier_offer (product_id) WHERE active`);

    await q.query(`CREATE SEQUENCE purchase_requirement_number_seq`);
    // One row per requirements run: the suppliers as they stood (status, standing, score, regions), from
    // which each requirement's ranking of its candidate offers is recomputed exactly when it is read.
    await q.query(`
      CREATE TABLE purchase_requirement_run (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        warehouse_code text,
        suppliers jsonb NOT NULL,
        generated_by text NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE purchase_requirement (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        number text NOT NULL UNIQUE,
        product_id uuid NOT NULL REFERENCES product(id),
        warehouse_id uuid NOT NULL REFERENCES warehouse(id),
        sku text NOT NULL,
        warehouse_code text NOT NULL,
        quantity integer NOT NULL CHECK (quantity > 0),
        status text NOT NULL CHECK (status IN ('OPEN', 'ORDERED', 'DISMISSED')),
        trigger text NOT NULL,
        -- The figures it was computed from (why it exists).
        backordered integer NOT NULL,
        on_hand integer NOT NULL,
        reserved integer NOT NULL,
        low_threshold integer NOT NULL,
        high_threshold integer NOT NULL,
        daily_sales double precision NOT NULL,
        lead_time_days integer NOT NULL,
        demand_during_lead integer NOT NULL,
        on_order integer NOT NULL,
        open_requirements integer NOT NULL,
        projected integer NOT NULL,
        shortfall integer NOT NULL,
        min_order_qty integer NOT NULL,
        pack_multiple integer NOT NULL,
        run_id uuid NOT NULL REFERENCES purchase_requirement_run(id),
        suggested_supplier_id uuid REFERENCES supplier(id),
        -- The offers considered: [supplier id, unit price fen, lead time days, min order qty, pack multiple].
        candidate_offers jsonb NOT NULL DEFAULT '[]',
        purchase_order_id uuid,
        dismissed_reason text,
        generated_by text NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX purchase_requirement_created_idx ON purchase_requirement (created_at DESC, id DESC)`);
    await q.query(
      `CREATE INDEX purchase_requirement_status_created_idx ON purchase_requirement (status, created_at DESC, id DESC)`,
    );
    await q.query(
      `CREATE INDEX purchase_requirement_open_idx ON purchase_requirement (product_id, warehouse_id) INCLUDE (quantity) WHERE status = 'OPEN'`,
    );
    await q.query(
      `CREATE INDEX purchase_requirement_warehouse_idx ON purchase_requirement (warehouse_id, created_at DESC, id DESC)`,
    );
    await q.query(
      `CREATE INDEX purchase_requirement_supplier_idx ON purchase_requirement (suggested_supplier_id, created_at DESC, id DESC)`,
    );

    await q.query(`CREATE SEQUENCE purchase_order_number_seq`);
    await q.query(`
      CREATE TABLE purchase_order (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        number text NOT NULL UNIQUE,
        supplier_id uuid NOT NULL REFERENCES supplier(id),
        warehouse_id uuid NOT NULL REFERENCES warehouse(id),
        status text NOT NULL,
        total_fen bigint NOT NULL DEFAULT 0,
        -- Earliest expected date of a line still waiting for goods: what "overdue" is read from.
        expected_date date,
        override_reason text,
        note text,
        created_by text NOT NULL,
        idempotency_key text,
        sent_at timestamptz(3),
        confirmed_at timestamptz(3),
        received_at timestamptz(3),
        closed_at timestamptz(3),
        cancelled_at timestamptz(3),
        status_reason text,
        last_expedited_at timestamptz(3),
        -- When the daily check found it past its expected date; cleared when a new expected date is agreed.
        overdue_flagged_at timestamptz(3),
        last_event_sequence integer NOT NULL DEFAULT 0,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        -- One call with a key may make one order per supplier and warehouse; a retry returns them.
        UNIQUE (created_by, idempotency_key, supplier_id, warehouse_id)
      )`);
    await q.query(`CREATE INDEX purchase_order_created_idx ON purchase_order (created_at DESC, id DESC)`);
    await q.query(
      `CREATE INDEX purchase_order_status_created_idx ON purchase_order (status, created_at DESC, id DESC)`,
    );
    await q.query(
      `CREATE INDEX purchase_order_supplier_created_idx ON purchase_order (supplier_id, created_at DESC, id DESC)`,
    );
    await q.query(
      `CREATE INDEX purchase_order_warehouse_created_idx ON purchase_order (warehouse_id, created_at DESC, id DESC)`,
    );
    await q.query(
      `CREATE INDEX purchase_order_overdue_idx ON purchase_order (expected_date, id)
        WHERE status IN ('SENT', 'CONFIRMED', 'PARTIALLY_RECEIVED')`,
    );
    await q.query(`CREATE INDEX purchase_order_number_search_idx ON purchase_order USING gin (number gin_trgm_ops)`);

    await q.query(`
      CREATE TABLE purchase_order_line (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        purchase_order_id uuid NOT NULL REFERENCES purchase_order(id),
        line_no integer NOT NULL,
        product_id uuid NOT NULL REFERENCES product(id),
        sku text NOT NULL,
        product_name text NOT NULL,
        quantity integer NOT NULL CHECK (quantity > 0),
        unit_price_fen integer NOT NULL CHECK (unit_price_fen > 0),
        -- The offer's lead time when ordered: the scorecard measures the supplier against what it quoted.
        quoted_lead_days integer,
        -- The supplier's promise, frozen once the order is confirmed; expected_date may move when expedited.
        promised_date date,
        expected_date date,
        received_qty integer NOT NULL DEFAULT 0,
        accepted_qty integer NOT NULL DEFAULT 0 CHECK (accepted_qty >= 0),
        rejected_qty integer NOT NULL DEFAULT 0 CHECK (rejected_qty >= 0),
        requirement_ids uuid[] NOT NULL DEFAULT '{}',
        UNIQUE (purchase_order_id, line_no),
        CONSTRAINT purchase_order_line_split CHECK (received_qty = accepted_qty + rejected_qty),
        CONSTRAINT purchase_order_line_tolerance CHECK (accepted_qty <= floor(quantity * 1.05))
      )`);
    await q.query(
      `CREATE INDEX purchase_order_line_product_idx ON purchase_order_line (product_id, purchase_order_id)`,
    );
    // A promised date cannot change once the order is confirmed (the on-time rate depends on it).
    await q.query(`
      CREATE FUNCTION purchase_order_line_promise_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.promised_date IS DISTINCT FROM OLD.promised_date AND EXISTS (
             SELECT 1 FROM purchase_order p WHERE p.id = NEW.purchase_order_id AND p.confirmed_at IS NOT NULL) THEN
          RAISE EXCEPTION 'the promised date of a confirmed purchase order line cannot change' USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER purchase_order_line_promise_frozen BEFORE UPDATE OF promised_date ON purchase_order_line
        FOR EACH ROW EXECUTE FUNCTION purchase_order_line_promise_frozen()`);

    await q.query(`
      CREATE TABLE purchase_order_event (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        purchase_order_id uuid NOT NULL REFERENCES purchase_order(id),
        sequence integer NOT NULL,
        type text NOT NULL,
        from_status text,
        to_status text NOT NULL,
        reason text,
        actor text NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        UNIQUE (purchase_order_id, sequence)
      )`);

    await q.query(`
      CREATE TABLE purchase_order_contact (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        purchase_order_id uuid NOT NULL REFERENCES purchase_order(id),
        note text NOT NULL,
        new_expected_date date,
        actor text NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX purchase_order_contact_po_idx ON purchase_order_contact (purchase_order_id, id DESC)`);

    await q.query(`CREATE SEQUENCE goods_receipt_number_seq`);
    await q.query(`
      CREATE TABLE goods_receipt (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        number text NOT NULL UNIQUE,
        purchase_order_id uuid NOT NULL REFERENCES purchase_order(id),
        supplier_id uuid NOT NULL REFERENCES supplier(id),
        warehouse_id uuid NOT NULL REFERENCES warehouse(id),
        note text,
        actor text NOT NULL,
        idempotency_key text,
        received_at timestamptz(3) NOT NULL DEFAULT now(),
        UNIQUE (purchase_order_id, idempotency_key)
      )`);
    await q.query(`CREATE INDEX goods_receipt_po_idx ON goods_receipt (purchase_order_id, received_at DESC)`);
    await q.query(`CREATE INDEX goods_receipt_supplier_idx ON goods_receipt (supplier_id, received_at DESC, id DESC)`);
    await q.query(`
      CREATE TABLE goods_receipt_line (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        goods_receipt_id uuid NOT NULL REFERENCES goods_receipt(id),
        purchase_order_line_id uuid NOT NULL REFERENCES purchase_order_line(id),
        product_id uuid NOT NULL REFERENCES product(id),
        received integer NOT NULL CHECK (received > 0),
        accepted integer NOT NULL CHECK (accepted >= 0),
        rejected integer NOT NULL CHECK (rejected >= 0),
        rejection_reason text,
        CONSTRAINT goods_receipt_line_split CHECK (received = accepted + rejected),
        CONSTRAINT goods_receipt_line_reason CHECK (rejected = 0 OR rejection_reason IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX goods_receipt_line_receipt_idx ON goods_receipt_line (goods_receipt_id)`);
    await q.query(`CREATE INDEX goods_receipt_line_po_line_idx ON goods_receipt_line (purchase_order_line_id)`);
    await q.query(`
      CREATE TABLE goods_receipt_release (
        goods_receipt_id uuid NOT NULL REFERENCES goods_receipt(id),
        position integer NOT NULL,
        order_id uuid NOT NULL REFERENCES orders(id),
        PRIMARY KEY (goods_receipt_id, position)
      )`);

    await q.query(`
      CREATE TABLE supplier_scorecard_period (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        supplier_id uuid NOT NULL REFERENCES supplier(id),
        period_start date NOT NULL,
        period_end date NOT NULL,
        metrics jsonb NOT NULL,
        on_time_in_full numeric(5, 2),
        inspection_pass_rate numeric(5, 2),
        lead_time_kept numeric(5, 2),
        price_index numeric(5, 2),
        total numeric(5, 2),
        standing text NOT NULL,
        weights jsonb NOT NULL,
        computed_at timestamptz(3) NOT NULL DEFAULT now(),
        UNIQUE (supplier_id, period_start)
      )`);
    await q.query(`
      CREATE FUNCTION supplier_scorecard_period_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'supplier scorecard periods are immutable' USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER supplier_scorecard_period_immutable BEFORE UPDATE OR DELETE ON supplier_scorecard_period
        FOR EACH ROW EXECUTE FUNCTION supplier_scorecard_period_immutable()`);

    // Recent sales per product and warehouse (the requirement run's daily rate) read allocations by time.
    await q.query(
      `CREATE INDEX order_allocation_created_idx ON order_allocation (created_at) INCLUDE (product_id, warehouse_id, quantity)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS order_allocation_created_idx`);
    for (const t of [
      'supplier_scorecard_period',
      'goods_receipt_release',
      'goods_receipt_line',
      'goods_receipt',
      'purchase_order_contact',
      'purchase_order_event',
      'purchase_order_line',
      'purchase_order',
      'purchase_requirement',
      'purchase_requirement_run',
      'supplier_offer',
      'supplier',
    ])
      await q.query(`DROP TABLE IF EXISTS ${t}`);
    await q.query(`DROP FUNCTION IF EXISTS supplier_scorecard_period_immutable()`);
    await q.query(`DROP FUNCTION IF EXISTS purchase_order_line_promise_frozen()`);
    for (const s of ['goods_receipt_number_seq', 'purchase_order_number_seq', 'purchase_requirement_number_seq'])
      await q.query(`DROP SEQUENCE IF EXISTS ${s}`);
  }
}
