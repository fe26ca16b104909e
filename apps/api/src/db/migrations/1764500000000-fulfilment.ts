import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Warehouse fulfilment: bin locations, carriers, pick lists and shipments (one per order and warehouse
 * part) with their lines, check errors, packages and event streams. An allocation is on at most one live
 * shipment (shipment_line_allocation_idx): that is what keeps one order off two open pick
 * lists, whatever races.
 */
export class Fulfilment1764500000000 implements MigrationInterface {
  name = 'Fulfilment1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE stock_level ADD COLUMN bin_location text
                     CONSTRAINT stock_level_bin_location_format CHECK (bin_location ~ '^[A-Z]{1,2}-[0-9]{2}-[0-9]$')`);
    await q.query(
      `ALTER TABLE product ADD COLUMN unit_weight_g integer NOT NULL DEFAULT 500 CHECK (unit_weight_g >= 0)`,
    );
    await q.query(`ALTER TABLE customer ADD COLUMN key_account boolean NOT NULL DEFAULT false`);

    await q.query(`
      CREATE TABLE carrier (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE,
        name text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('OWN_FLEET', 'PARTNER')),
        active boolean NOT NULL DEFAULT true,
        regions text[] NOT NULL,
        methods text[] NOT NULL,
        -- The S10 service indicator of the tracking numbers the platform prints for it.
        tracking_prefix text NOT NULL CHECK (tracking_prefix ~ '^[A-Z]{2}$'),
        base_price_fen integer NOT NULL CHECK (base_price_fen >= 0),
        per_kg_fen integer NOT NULL CHECK (per_kg_fen >= 0),
        transit_days integer NOT NULL CHECK (transit_days >= 0),
        reliability numeric(5,2) CHECK (reliability BETWEEN 0 AND 100),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE SEQUENCE tracking_serial_seq MAXVALUE 99999999 CYCLE`);

    await q.query(`CREATE SEQUENCE pick_list_number_seq`);
    await q.query(`
      CREATE TABLE pick_list (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        number text NOT NULL UNIQUE,
        warehouse_id uuid NOT NULL REFERENCES warehouse(id),
        warehouse_code text NOT NULL,
        status text NOT NULL CHECK (status IN ('OPEN', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED')),
        delivery_city text,
        created_by text NOT NULL,
        picker text,
        idempotency_key text,
        last_event_sequence integer NOT NULL DEFAULT 0,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        started_at timestamptz(3),
        completed_at timestamptz(3)
      )`);
    await q.query(`CREATE INDEX pick_list_created_idx ON pick_list (created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX pick_list_warehouse_idx ON pick_list (warehouse_code, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX pick_list_status_idx ON pick_list (status, created_at DESC, id DESC)`);
    await q.query(
      `CREATE UNIQUE INDEX pick_list_idempotency_idx ON pick_list (created_by, idempotency_key) WHERE idempotency_key IS NOT NULL`,
    );
    await q.query(`
      CREATE TABLE pick_list_line (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        pick_list_id uuid NOT NULL REFERENCES pick_list(id),
        seq integer NOT NULL,
        product_id uuid NOT NULL REFERENCES product(id),
        sku text NOT NULL,
        stock_level_id uuid NOT NULL REFERENCES stock_level(id),
        bin_location text,
        required integer NOT NULL CHECK (required > 0),
        picked integer CHECK (picked >= 0 AND picked <= required),
        short_reason text CHECK (short_reason IN ('NOT_FOUND', 'DAMAGED')),
        picked_by text,
        picked_at timestamptz(3),
        UNIQUE (pick_list_id, seq),
        UNIQUE (pick_list_id, stock_level_id)
      )`);

    await q.query(`CREATE SEQUENCE shipment_number_seq`);
    await q.query(`
      CREATE TABLE shipment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        number text NOT NULL UNIQUE,
        order_id uuid NOT NULL REFERENCES orders(id),
        warehouse_id uuid NOT NULL REFERENCES warehouse(id),
        warehouse_code text NOT NULL,
        pick_list_id uuid NOT NULL REFERENCES pick_list(id),
        status text NOT NULL CHECK (status IN ('PICKING', 'PICKED', 'CHECKED', 'PACKED', 'SHIPPED', 'CANCELLED')),
        -- Why the shipment left its pick list other than picked in full (short pick, order cancelled …).
        outcome text,
        carrier_id uuid REFERENCES carrier(id),
        method text CHECK (method IN ('EXPRESS', 'FREIGHT')),
        tracking_number text UNIQUE,
        picked_by text,
        checked_by text,
        packed_by text,
        shipped_by text,
        last_event_sequence integer NOT NULL DEFAULT 0,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        picked_at timestamptz(3),
        checked_at timestamptz(3),
        packed_at timestamptz(3),
        shipped_at timestamptz(3)
      )`);
    await q.query(`CREATE INDEX shipment_order_idx ON shipment (order_id)`);
    await q.query(`CREATE INDEX shipment_pick_list_idx ON shipment (pick_list_id)`);
    await q.query(`CREATE INDEX shipment_created_idx ON shipment (created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX shipment_warehouse_idx ON shipment (warehouse_code, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX shipment_status_idx ON shipment (status, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX shipment_shipped_idx ON shipment (shipped_at) WHERE shipped_at IS NOT NULL`);
    await q.query(`CREATE INDEX shipment_checked_idx ON shipment (checked_at) WHERE checked_at IS NOT NULL`);
    await q.query(`CREATE INDEX shipment_carrier_idx ON shipment (carrier_id, created_at DESC, id DESC)`);
    await q.query(`
      CREATE TABLE shipment_line (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        shipment_id uuid NOT NULL REFERENCES shipment(id),
        allocation_id uuid NOT NULL REFERENCES order_allocation(id),
        line_no integer NOT NULL,
        product_id uuid NOT NULL REFERENCES product(id),
        sku text NOT NULL,
        stock_level_id uuid NOT NULL REFERENCES stock_level(id),
        required integer NOT NULL CHECK (required > 0),
        picked integer CHECK (picked >= 0 AND picked <= required),
        checked integer CHECK (checked >= 0),
        -- Its shipment was given up (pick list or order cancelled, short pick): the allocation may be listed again.
        released boolean NOT NULL DEFAULT false
      )`);
    await q.query(`CREATE INDEX shipment_line_shipment_idx ON shipment_line (shipment_id)`);
    await q.query(
      `CREATE UNIQUE INDEX shipment_line_allocation_idx ON shipment_line (allocation_id) WHERE NOT released`,
    );
    // The open allocations of a warehouse, which pick lists are made from (most allocations are long shipped).
    await q.query(
      `CREATE INDEX order_allocation_reserved_idx ON order_allocation (warehouse_id, order_id) WHERE status = 'RESERVED'`,
    );
    await q.query(`
      CREATE TABLE check_error (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        shipment_id uuid NOT NULL REFERENCES shipment(id),
        kind text NOT NULL CHECK (kind IN ('WRONG_ITEM', 'WRONG_QUANTITY')),
        sku text NOT NULL,
        expected integer NOT NULL,
        counted integer NOT NULL,
        picked_by text,
        checked_by text NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        corrected_at timestamptz(3),
        corrected_by text
      )`);
    await q.query(`CREATE INDEX check_error_shipment_idx ON check_error (shipment_id)`);
    await q.query(`CREATE INDEX check_error_created_idx ON check_error (created_at DESC, id DESC)`);
    await q.query(`
      CREATE TABLE package (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        shipment_id uuid NOT NULL REFERENCES shipment(id),
        seq integer NOT NULL,
        material text NOT NULL,
        weight_g integer NOT NULL CHECK (weight_g > 0),
        tracking_number text NOT NULL UNIQUE,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        UNIQUE (shipment_id, seq)
      )`);

    for (const [table, column, parent] of [
      ['pick_list_event', 'pick_list_id', 'pick_list'],
      ['shipment_event', 'shipment_id', 'shipment'],
    ])
      await q.query(`
        CREATE TABLE ${table} (
          id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
          ${column} uuid NOT NULL REFERENCES ${parent}(id),
          sequence integer NOT NULL,
          type text NOT NULL,
          from_status text,
          to_status text NOT NULL,
          reason text,
          actor text NOT NULL,
          created_at timestamptz(3) NOT NULL DEFAULT now(),
          UNIQUE (${column}, sequence)
        )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'shipment_event',
      'pick_list_event',
      'package',
      'check_error',
      'shipment_line',
      'shipment',
      'pick_list_line',
      'pick_list',
      'carrier',
    ])
      await q.query(`DROP TABLE IF EXISTS ${t}`);
    await q.query(`DROP INDEX IF EXISTS order_allocation_reserved_idx`);
    for (const s of ['shipment_number_seq', 'pick_list_number_seq', 'tracking_serial_seq'])
      await q.query(`DROP SEQUENCE IF EXISTS ${s}`);
    await q.query(`ALTER TABLE customer DROP COLUMN key_account`);
    await q.query(`ALTER TABLE product DROP COLUMN unit_weight_g`);
    await q.query(`ALTER TABLE stock_level DROP COLUMN bin_location`);
  }
}
