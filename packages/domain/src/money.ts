/** Money is held as integer fen (1/100 CNY) so sums are exact. */
export function fenToDecimal(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

export function decimalToFen(amount: string): number {
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(amount.trim());
  if (!m) throw new RangeError(`not a money amount: ${amount}`);
  const fen = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  return m[1] ? -fen : fen;
}

/** Delivery is free from 99 yuan of goods; below that it costs 8 yuan. */
export const FREE_DELIVERY_FROM_FEN = 99_00;
export const DELIVERY_FEE_FEN = 8_00;

export interface OrderTotals {
  subtotalFen: number;
  deliveryFeeFen: number;
  totalFen: number;
}

export function orderTotals(lines: readonly { quantity: number; unitPriceFen: number }[]): OrderTotals {
  const subtotalFen = lines.reduce((sum, l) => sum + l.quantity * l.unitPriceFen, 0);
  const deliveryFeeFen = subtotalFen >= FREE_DELIVERY_FROM_FEN || subtotalFen === 0 ? 0 : DELIVERY_FEE_FEN;
  return { subtotalFen, deliveryFeeFen, totalFen: subtotalFen + deliveryFeeFen };
}
