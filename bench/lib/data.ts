import { withClient } from './platform';

export interface Catalogue {
  productIds: string[];
  customerIds: string[];
  warehouseCodes: string[];
}

/**
 * Writes a catalogue straight into a migrated database: `skus` products stocked with `onHand` units in
 * each of two warehouses (EAST and NORTH), and `customers` established customers in EAST with good
 * credit, so paid orders pass review and go straight to allocation.
 */
export async function createCatalogue(
  url: string,
  opts: { skus: number; onHand: number; customers: number },
): Promise<Catalogue> {
  return withClient(url, async (c) => {
    await c.query(`INSERT INTO warehouse (code, name, region, city, kind) VALUES
      ('BENCH-E', 'Bench East', 'EAST', 'Shanghai', 'WAREHOUSE'), ('BENCH-N', 'Bench North', 'NORTH', 'Beijing', 'WAREHOUSE')`);
    await c.query(
      `INSERT INTO product (sku, name, spec, category, unit_price_fen)
       SELECT 'B-' || lpad(i::text, 6, '0'), 'Bench product ' || i, '1 unit', 'Bench', 1000 + i % 5000 FROM generate_series(1, $1) i`,
      [opts.skus],
    );
    await c.query(
      `INSERT INTO stock_level (product_id, warehouse_id, sku, warehouse_code, on_hand, low_threshold, high_threshold)
       SELECT p.id, w.id, p.sku, w.code, $1, 10, $1 + 1 FROM product p CROSS JOIN warehouse w WHERE p.sku LIKE 'B-%' AND w.code LIKE 'BENCH-%'`,
      [opts.onHand],
    );
    await c.query(
      `INSERT INTO customer (name, phone, email, address, city, region, is_new, credit_status)
       SELECT 'Bench customer ' || i, '138' || lpad(i::text, 8, '0'), NULL, i || ' Nanjing Road', 'Shanghai', 'EAST', false, 'GOOD'
       FROM generate_series(1, $1) i`,
      [opts.customers],
    );
    await c.query('ANALYZE');
    const products = await c.query(`SELECT id FROM product WHERE sku LIKE 'B-%' ORDER BY sku`);
    const customers = await c.query(`SELECT id FROM customer ORDER BY id`);
    return {
      productIds: products.rows.map((r) => r.id),
      customerIds: customers.rows.map((r) => r.id),
      warehouseCodes: ['BENCH-E', 'BENCH-N'],
    };
  });
}

/** Global ids as the API hands them out (see apps/api/src/common/global-id.ts). */
export function globalId(type: string, id: string): string {
  return Buffer.from(`${type}:${id}`).toString('base64url');
}
