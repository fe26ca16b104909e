import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Last-mile delivery with the own fleet: vehicles and couriers (a courier may sign in as a user with
 * the COURIER role), blocked areas, runs of stops, deliveries (one per own-fleet shipment; on at most
 * one run, the run_id column itself), proofs of delivery with their images (size and type checked
 * here too), the event streams, customer positions, and courier positions partitioned by day.
 */
export class Delivery1764600000000 implements MigrationInterface {
  name = 'Delivery1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE customer ADD COLUMN lat double precision, ADD COLUMN lng double precision`);

    await q.query(`
      CREATE TABLE vehicle (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE,
        kind text NOT NULL CHECK (kind IN ('E_BIKE', 'TRICYCLE', 'VAN', 'TRUCK', 'WATER_TRUCK')),
        capacity_units integer NOT NULL CHECK (capacity_units > 0),
        capacity_kg integer NOT NULL CHECK (capacity_kg > 0),
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE courier (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE,
        name text NOT NULL,
        phone text NOT NULL,
        user_id uuid UNIQUE REFERENCES staff_user(id),
        warehouse_id uuid NOT NULL REFERENCES warehouse(id),
        vehicle_id uuid REFERENCES vehicle(id),
        -- The city its zones lie in (a courier delivers in one city).
        city text NOT NULL,
        zones text[] NOT NULL,
        shift_start time NOT NULL,
        shift_end time NOT NULL CHECK (shift_end > shift_start),
        state text NOT NULL DEFAULT 'OFF_DUTY' CHECK (state IN ('OFF_DUTY', 'AVAILABLE', 'ON_ROUTE')),
        lat double precision,
        lng double precision,
        position_at timestamptz(3),
        delivered integer NOT NULL DEFAULT 0,
        delivered_on_time integer NOT NULL DEFAULT 0,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX courier_warehouse_idx ON courier (warehouse_id, code, id)`);
    await q.query(`CREATE INDEX courier_city_idx ON courier (city, code, id)`);
    await q.query(`CREATE INDEX courier_zones_idx ON courier USING gin (zones)`);
    await q.query(`CREATE INDEX courier_state_idx ON courier (state, code, id)`);
    await q.query(`CREATE UNIQUE INDEX courier_code_id_idx ON courier (code, id)`);

    await q.query(`
      CREATE TABLE blocked_area (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        zone text NOT NULL,
        city text NOT NULL,
        reason text NOT NULL,
        blocked_by text NOT NULL,
        blocked_at timestamptz(3) NOT NULL DEFAULT now(),
        unblocked_by text,
        unblocked_at timestamptz(3)
      )`);
    await q.query(`CREATE UNIQUE INDEX blocked_area_active_idx ON blocked_area (zone) WHERE unblocked_at IS NULL`);
    await q.query(`CREATE INDEX blocked_area_blocked_idx ON blocked_area (blocked_at DESC, id DESC)`);

    await q.query(`CREATE SEQUENCE delivery_run_number_seq`);
    await q.query(`
      CREATE TABLE delivery_run (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        number text NOT NULL UNIQUE,
        warehouse_id uuid NOT NULL REFERENCES warehouse(id),
        zone text NOT NULL,
        courier_id uuid REFERENCES courier(id),
        status text NOT NULL CHECK (status IN ('PLANNED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED')),
        planned_start timestamptz(3) NOT NULL,
        planned_end timestamptz(3) NOT NULL,
        distance_m integer NOT NULL DEFAULT 0,
        units integer NOT NULL DEFAULT 0,
        weight_g integer NOT NULL DEFAULT 0,
        -- Every courier ranked when the run was assigned, with points and reasons: explains overrides.
        courier_choice jsonb NOT NULL DEFAULT '[]',
        assigned_by text,
        override_reason text,
        etas_at timestamptz(3),
        last_event_sequence integer NOT NULL DEFAULT 0,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        started_at timestamptz(3),
        completed_at timestamptz(3)
      )`);
    await q.query(`CREATE INDEX delivery_run_created_idx ON delivery_run (created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX delivery_run_status_idx ON delivery_run (status, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX delivery_run_courier_idx ON delivery_run (courier_id, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX delivery_run_zone_idx ON delivery_run (zone, created_at DESC, id DESC)`);

    await q.query(`CREATE SEQUENCE delivery_number_seq`);
    await q.query(`
      CREATE TABLE delivery (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        number text NOT NULL UNIQUE,
        shipment_id uuid NOT NULL UNIQUE REFERENCES shipment(id),
        order_id uuid NOT NULL REFERENCES orders(id),
        warehouse_id uuid NOT NULL REFERENCES warehouse(id),
        status text NOT NULL
          CHECK (status IN ('UNASSIGNED', 'ASSIGNED', 'OUT_FOR_DELIVERY', 'DELIVERED', 'EXCEPTION', 'RETURNED')),
        zone text NOT NULL,
        city text NOT NULL,
        address_key text NOT NULL,
        lat double precision NOT NULL,
        lng double precision NOT NULL,
        units integer NOT NULL CHECK (units > 0),
        weight_g integer NOT NULL CHECK (weight_g >= 0),
        dispatch_rank smallint NOT NULL,
        window_start timestamptz(3) NOT NULL,
        window_end timestamptz(3) NOT NULL CHECK (window_end > window_start),
        run_id uuid REFERENCES delivery_run(id),
        stop_seq integer,
        locked boolean NOT NULL DEFAULT false,
        eta timestamptz(3),
        late_risk boolean NOT NULL DEFAULT false,
        tracking_token text NOT NULL UNIQUE,
        exception_reason text CHECK (exception_reason IN ('ACCIDENT', 'CONGESTION', 'BLOCKED_AREA', 'BAD_WEATHER',
                                                          'DAMAGED_GOODS', 'WRONG_ADDRESS', 'CUSTOMER_ABSENT')),
        exception_note text,
        exception_at timestamptz(3),
        out_at timestamptz(3),
        delivered_at timestamptz(3),
        on_time boolean,
        rating smallint CHECK (rating BETWEEN 1 AND 5),
        rating_comment text,
        rated_at timestamptz(3),
        -- The courier's positions while it was out, [[lat, lng, epoch s], …], kept past the positions' retention.
        trail jsonb,
        last_event_sequence integer NOT NULL DEFAULT 0,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        CHECK (status NOT IN ('ASSIGNED', 'OUT_FOR_DELIVERY') OR run_id IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX delivery_order_idx ON delivery (order_id)`);
    await q.query(`CREATE INDEX delivery_run_idx ON delivery (run_id, stop_seq)`);
    await q.query(`CREATE INDEX delivery_created_idx ON delivery (created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX delivery_status_idx ON delivery (status, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX delivery_zone_idx ON delivery (zone, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX delivery_late_idx ON delivery (created_at DESC, id DESC) WHERE late_risk`);
    await q.query(`CREATE INDEX delivery_unassigned_idx ON delivery (warehouse_id, zone) WHERE status = 'UNASSIGNED'`);

    await q.query(`
      CREATE TABLE proof_of_delivery (
        delivery_id uuid PRIMARY KEY REFERENCES delivery(id),
        kind text NOT NULL CHECK (kind IN ('SIGNATURE', 'CONTACTLESS')),
        content_type text NOT NULL CHECK (content_type IN ('image/png', 'image/jpeg', 'image/webp')),
        byte_size integer NOT NULL CHECK (byte_size BETWEEN 1 AND 524288),
        sha256 text NOT NULL,
        image bytea NOT NULL CHECK (octet_length(image) = byte_size),
        recipient_name text,
        note text,
        lat double precision,
        lng double precision,
        courier_id uuid REFERENCES courier(id),
        recorded_at timestamptz(3) NOT NULL DEFAULT now()
      )`);

    for (const [table, column, parent] of [
      ['delivery_event', 'delivery_id', 'delivery'],
      ['delivery_run_event', 'delivery_run_id', 'delivery_run'],
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

    // 200 couriers every 5 s is 3.5 million rows a day: one partition per Shanghai day, created ahead and
    // dropped after the retention by ensure_courier_position_partitions (run daily and at start).
    await q.query(`
      CREATE TABLE courier_position (
        courier_id uuid NOT NULL,
        recorded_at timestamptz(3) NOT NULL,
        lat double precision NOT NULL,
        lng double precision NOT NULL,
        accuracy_m real,
        run_id uuid,
        received_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (courier_id, recorded_at)
      ) PARTITION BY RANGE (recorded_at)`);
    await q.query(`
      CREATE FUNCTION ensure_courier_position_partitions(retention_days integer, days_ahead integer)
      RETURNS integer LANGUAGE plpgsql AS $$
      DECLARE
        today date := (now() AT TIME ZONE 'Asia/Shanghai')::date;
        d date;
        name text;
        dropped integer := 0;
      BEGIN
        FOR i IN -2 .. days_ahead LOOP
          d := today + i;
          name := 'courier_position_' || to_char(d, 'YYYYMMDD');
          IF to_regclass(name) IS NULL THEN
            EXECUTE format(
              'CREATE TABLE %I PARTITION OF courier_position FOR VALUES FROM (%L) TO (%L)',
              name,
              (d::timestamp AT TIME ZONE 'Asia/Shanghai'),
              ((d + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'));
          END IF;
        END LOOP;
        FOR name IN
          SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
           WHERE i.inhparent = 'courier_position'::regclass
             AND c.relname < 'courier_position_' || to_char(today - retention_days, 'YYYYMMDD')
        LOOP
          EXECUTE format('DROP TABLE %I', name);
          dropped := dropped + 1;
        END LOOP;
        RETURN dropped;
      END $$`);
    await q.query(`SELECT ensure_courier_position_partitions(7, 3)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS courier_position`);
    await q.query(`DROP FUNCTION IF EXISTS ensure_courier_position_partitions(integer, integer)`);
    for (const t of [
      'delivery_run_event',
      'delivery_event',
      'proof_of_delivery',
      'delivery',
      'delivery_run',
      'blocked_area',
      'courier',
      'vehicle',
    ])
      await q.query(`DROP TABLE IF EXISTS ${t}`);
    for (const s of ['delivery_number_seq', 'delivery_run_number_seq']) await q.query(`DROP SEQUENCE IF EXISTS ${s}`);
    await q.query(`ALTER TABLE customer DROP COLUMN lat, DROP COLUMN lng`);
  }
}
