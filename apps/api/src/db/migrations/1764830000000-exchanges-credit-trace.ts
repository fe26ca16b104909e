import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Returns resolved as an exchange (a linked replacement order) or store credit besides a refund;
 * returned lines traced to the goods receipt and supplier they came from (quality trace-back), which
 * the supplier scorecard counts as after-sales quality.
 */
export class ExchangesCreditTrace1764830000000 implements MigrationInterface {
  name = 'ExchangesCreditTrace1764830000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE return_request DROP CONSTRAINT return_request_resolution_check`);
    await q.query(`
      ALTER TABLE return_request
        ADD CONSTRAINT return_request_resolution_check CHECK (resolution IN ('REFUND', 'EXCHANGE', 'STORE_CREDIT')),
        ADD COLUMN replacement_order_id uuid UNIQUE REFERENCES orders (id)`);
    await q.query(`
      CREATE TABLE store_credit (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        customer_id uuid NOT NULL REFERENCES customer (id),
        amount_fen integer NOT NULL CHECK (amount_fen <> 0),
        return_id uuid UNIQUE REFERENCES return_request (id),
        reason text NOT NULL,
        actor text NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX store_credit_by_customer ON store_credit (customer_id) INCLUDE (amount_fen)`);
    await q.query(`
      ALTER TABLE return_line
        ADD COLUMN goods_receipt_id uuid REFERENCES goods_receipt (id),
        ADD COLUMN supplier_id uuid REFERENCES supplier (id)`);
    await q.query(`CREATE INDEX return_line_by_supplier ON return_line (supplier_id) WHERE supplier_id IS NOT NULL`);
    // The trace looks for the last receipt of a product into a warehouse before it was allocated.
    await q.query(`CREATE INDEX goods_receipt_line_by_product ON goods_receipt_line (product_id) WHERE accepted > 0`);
    await q.query(`CREATE INDEX return_request_received ON return_request (received_at) WHERE reason = 'QUALITY'`);
    // Satisfaction counts delivery ratings by when they were delivered.
    await q.query(`CREATE INDEX delivery_rated ON delivery (delivered_at) INCLUDE (rating) WHERE rating IS NOT NULL`);
    await q.query(`ALTER TABLE supplier_scorecard_period ADD COLUMN after_sales_quality numeric(5, 2)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE supplier_scorecard_period DROP COLUMN after_sales_quality`);
    await q.query(
      `DROP INDEX delivery_rated, return_request_received, goods_receipt_line_by_product, return_line_by_supplier`,
    );
    await q.query(`ALTER TABLE return_line DROP COLUMN goods_receipt_id, DROP COLUMN supplier_id`);
    await q.query(`DROP TABLE store_credit`);
    await q.query(`ALTER TABLE return_request DROP COLUMN replacement_order_id`);
    await q.query(`ALTER TABLE return_request DROP CONSTRAINT return_request_resolution_check`);
    await q.query(
      `ALTER TABLE return_request ADD CONSTRAINT return_request_resolution_check CHECK (resolution IN ('REFUND'))`,
    );
  }
}
