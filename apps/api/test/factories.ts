import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { CreditStatus, Region } from '@fulfilment/domain';
import { toGlobalId } from '../src/common/global-id';

/** Test data made through SQL, so each test arranges exactly what it needs. */
export const WAREHOUSES = [
  { code: 'SH-01', name: '上海浦东仓', region: 'EAST', city: '上海', kind: 'WAREHOUSE' },
  { code: 'HZ-ST1', name: '杭州西湖配送站', region: 'EAST', city: '杭州', kind: 'STATION' },
  { code: 'BJ-01', name: '北京朝阳仓', region: 'NORTH', city: '北京', kind: 'WAREHOUSE' },
  { code: 'GZ-01', name: '广州白云仓', region: 'SOUTH', city: '广州', kind: 'WAREHOUSE' },
] as const;

export async function createWarehouses(ds: DataSource): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  for (const w of WAREHOUSES) {
    const [row] = await ds.query(
      `INSERT INTO warehouse (code, name, region, city, kind) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name RETURNING id`,
      [w.code, w.name, w.region, w.city, w.kind],
    );
    ids[w.code] = row.id;
  }
  return ids;
}

export interface ProductSpec {
  sku?: string;
  name?: string;
  priceFen?: number;
  active?: boolean;
  /** Units on hand per warehouse code. */
  stock?: Record<string, number>;
  low?: number;
  high?: number;
}

export async function createProduct(ds: DataSource, spec: ProductSpec = {}) {
  const sku = spec.sku ?? `T-${randomBytes(4).toString('hex').toUpperCase()}`;
  const [p] = await ds.query(
    `INSERT INTO product (sku, name, spec, category, unit_price_fen, packaging, active)
     VALUES ($1, $2, '550ml×24瓶', '饮用水', $3, '{HEAVY,LIQUID}', $4) RETURNING id`,
    [sku, spec.name ?? `矿泉水 ${sku}`, spec.priceFen ?? 36_00, spec.active ?? true],
  );
  const levels: Record<string, string> = {};
  for (const [code, onHand] of Object.entries(spec.stock ?? {})) {
    const [w] = await ds.query(`SELECT id FROM warehouse WHERE code = $1`, [code]);
    const [l] = await ds.query(
      `INSERT INTO stock_level (product_id, warehouse_id, sku, warehouse_code, on_hand, reserved, low_threshold, high_threshold)
       VALUES ($1, $2, $3, $4, $5, 0, $6, $7) RETURNING id`,
      [p.id, w.id, sku, code, onHand, spec.low ?? 2, spec.high ?? 1000],
    );
    await ds.query(
      `INSERT INTO stock_movement (stock_level_id, product_id, warehouse_id, reason, on_hand_delta, reserved_delta, on_hand_after, reserved_after, reference, actor)
       VALUES ($1, $2, $3, 'RECEIPT', $4, 0, $4, 0, 'initial', 'test')`,
      [l.id, p.id, w.id, onHand],
    );
    levels[code] = l.id;
  }
  return { id: p.id as string, sku, levels };
}

export interface CustomerSpec {
  region?: Region;
  city?: string;
  isNew?: boolean;
  credit?: CreditStatus;
}

export async function createCustomer(ds: DataSource, spec: CustomerSpec = {}) {
  const phone = `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
  const [c] = await ds.query(
    `INSERT INTO customer (name, phone, address, city, region, is_new, credit_status)
     VALUES ('张伟', $1, '张杨路100号', $2, $3, $4, $5) RETURNING id`,
    [phone, spec.city ?? '上海', spec.region ?? 'EAST', spec.isNew ?? false, spec.credit ?? 'GOOD'],
  );
  return { id: c.id as string, gid: toGlobalId('Customer', c.id), phone };
}

export async function levelOf(
  ds: DataSource,
  levelId: string,
): Promise<{ onHand: number; reserved: number; available: number }> {
  const [l] = await ds.query(`SELECT on_hand, reserved FROM stock_level WHERE id = $1`, [levelId]);
  return { onHand: l.on_hand, reserved: l.reserved, available: l.on_hand - l.reserved };
}

/** The movement ledger explains every level: sums of deltas equal the level's figures. */
export async function ledgerMismatches(ds: DataSource): Promise<unknown[]> {
  return ds.query(`
    SELECT sl.id, sl.on_hand, sl.reserved, coalesce(sum(m.on_hand_delta), 0) AS ledger_on_hand, coalesce(sum(m.reserved_delta), 0) AS ledger_reserved
      FROM stock_level sl LEFT JOIN stock_movement m ON m.stock_level_id = sl.id
     GROUP BY sl.id
    HAVING sl.on_hand <> coalesce(sum(m.on_hand_delta), 0) OR sl.reserved <> coalesce(sum(m.reserved_delta), 0)
        OR sl.reserved <> (SELECT coalesce(sum(a.quantity), 0) FROM order_allocation a WHERE a.stock_level_id = sl.id AND a.status = 'RESERVED')`);
}

export const PLACE_ORDER = `
  mutation Place($input: PlaceOrderInput!) {
    placeOrder(input: $input) {
      order {
        id number status holdReasons statusReason paymentStatus lastEventSequence
        total { amount fen } subtotal { fen } deliveryFee { fen }
        delivery { contactName phone region city address }
        lines { lineNo sku quantity unitPrice { fen } lineTotal { fen } }
        allocations { sku quantity status lineNo warehouse { code } }
        events { sequence type fromStatus toStatus reason actor }
      }
      userErrors { code field message }
    }
  }`;

export function orderInput(
  customerGid: string,
  lines: { sku: string; quantity: number }[],
  extra: Record<string, unknown> = {},
) {
  return { customerId: customerGid, lines, paymentMethod: 'WECHAT_PAY', paid: true, channel: 'WEB', ...extra };
}
