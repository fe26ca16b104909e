import { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1763800000000 implements MigrationInterface {
  name = 'InitialSchema1763800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);

    await q.query(`
      CREATE TABLE warehouse (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE,
        name text NOT NULL,
        region text NOT NULL,
        city text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('WAREHOUSE', 'STATION')),
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE product (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        sku text NOT NULL UNIQUE,
        name text NOT NULL,
        spec text NOT NULL,
        category text NOT NULL,
        unit_price_fen integer NOT NULL CHECK (unit_price_fen >= 0),
        packaging text[] NOT NULL DEFAULT '{}',
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX product_category_sku_idx ON product (category, sku)`);
    await q.query(`CREATE INDEX product_search_idx ON product USING gin ((sku || ' ' || name) gin_trgm_ops)`);

    await q.query(`
      CREATE TABLE customer (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        phone text NOT NULL,
        email text,
        address text NOT NULL,
        city text NOT NULL,
        region text NOT NULL,
        is_new boolean NOT NULL DEFAULT true,
        credit_status text NOT NULL DEFAULT 'UNASSESSED',
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX customer_created_idx ON customer (created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX customer_region_created_idx ON customer (region, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX customer_new_created_idx ON customer (is_new, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX customer_search_idx ON customer USING gin ((name || ' ' || phone) gin_trgm_ops)`);

    await q.query(`
      CREATE TABLE stock_level (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        product_id uuid NOT NULL REFERENCES product(id),
        warehouse_id uuid NOT NULL REFERENCES warehouse(id),
        -- Copies of the (immutable) SKU and warehouse code, so lists sort and page by them with an index.
        sku text NOT NULL,
        warehouse_code text NOT NULL,
        on_hand integer NOT NULL,
        reserved integer NOT NULL DEFAULT 0,
        low_threshold integer NOT NULL,
        high_threshold integer NOT NULL,
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        UNIQUE (product_id, warehouse_id),
        -- The last line of defence against oversell: available (on_hand - reserved) never goes below zero.
        CONSTRAINT stock_level_reserved_within_on_hand CHECK (reserved >= 0 AND reserved <= on_hand),
        CONSTRAINT stock_level_thresholds CHECK (low_threshold >= 0 AND high_threshold > low_threshold)
      )`);
    await q.query(`CREATE UNIQUE INDEX stock_level_sku_warehouse_idx ON stock_level (sku, warehouse_code)`);
    await q.query(`CREATE INDEX stock_level_warehouse_sku_idx ON stock_level (warehouse_code, sku)`);
    await q.query(
      `CREATE INDEX stock_level_below_threshold_idx ON stock_level (sku, warehouse_code) WHERE on_hand - reserved <= low_threshold`,
    );

    await q.query(`
      CREATE TABLE stock_movement (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        stock_level_id uuid NOT NULL REFERENCES stock_level(id),
        product_id uuid NOT NULL,
        warehouse_id uuid NOT NULL,
        reason text NOT NULL,
        on_hand_delta integer NOT NULL,
        reserved_delta integer NOT NULL,
        on_hand_after integer NOT NULL,
        reserved_after integer NOT NULL,
        reference text,
        note text,
        actor text NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX stock_movement_level_idx ON stock_movement (stock_level_id, id DESC)`);

    await q.query(`CREATE SEQUENCE order_number_seq`);
    await q.query(`
      CREATE TABLE orders (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        number text NOT NULL UNIQUE,
        channel text NOT NULL,
        customer_id uuid NOT NULL REFERENCES customer(id),
        delivery_contact_name text NOT NULL,
        delivery_phone text NOT NULL,
        delivery_address text NOT NULL,
        delivery_city text NOT NULL,
        delivery_region text NOT NULL,
        payment_method text NOT NULL,
        payment_status text NOT NULL,
        priority text NOT NULL,
        promised_by timestamptz NOT NULL,
        status text NOT NULL,
        hold_reasons text[] NOT NULL DEFAULT '{}',
        status_reason text,
        allow_backorder boolean NOT NULL DEFAULT false,
        subtotal_fen integer NOT NULL,
        delivery_fee_fen integer NOT NULL,
        total_fen integer NOT NULL,
        note text,
        idempotency_key text UNIQUE,
        request_hash text,
        last_event_sequence integer NOT NULL DEFAULT 0,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    // Keyset pagination is by (created_at, id) descending; each filter gets an index that leads with it.
    await q.query(`CREATE INDEX orders_created_idx ON orders (created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX orders_status_created_idx ON orders (status, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX orders_channel_created_idx ON orders (channel, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX orders_customer_created_idx ON orders (customer_id, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX orders_region_created_idx ON orders (delivery_region, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX orders_number_search_idx ON orders USING gin (number gin_trgm_ops)`);

    await q.query(`
      CREATE TABLE order_line (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        order_id uuid NOT NULL REFERENCES orders(id),
        line_no integer NOT NULL,
        product_id uuid NOT NULL REFERENCES product(id),
        sku text NOT NULL,
        product_name text NOT NULL,
        spec text NOT NULL,
        quantity integer NOT NULL CHECK (quantity > 0),
        unit_price_fen integer NOT NULL CHECK (unit_price_fen >= 0),
        UNIQUE (order_id, line_no)
      )`);

    await q.query(`
      CREATE TABLE order_allocation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        order_id uuid NOT NULL REFERENCES orders(id),
        line_no integer NOT NULL,
        product_id uuid NOT NULL,
        sku text NOT NULL,
        warehouse_id uuid NOT NULL REFERENCES warehouse(id),
        stock_level_id uuid NOT NULL REFERENCES stock_level(id),
        quantity integer NOT NULL CHECK (quantity > 0),
        status text NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX order_allocation_order_idx ON order_allocation (order_id)`);
    await q.query(`CREATE INDEX order_allocation_warehouse_idx ON order_allocation (warehouse_id, order_id)`);

    await q.query(`
      CREATE TABLE order_event (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        order_id uuid NOT NULL REFERENCES orders(id),
        sequence integer NOT NULL,
        type text NOT NULL,
        from_status text,
        to_status text NOT NULL,
        reason text,
        actor text NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        UNIQUE (order_id, sequence)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'order_event',
      'order_allocation',
      'order_line',
      'orders',
      'stock_movement',
      'stock_level',
      'customer',
      'product',
      'warehouse',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${t}`);
    }
    await q.query(`DROP SEQUENCE IF EXISTS order_number_seq`);
  }
}
