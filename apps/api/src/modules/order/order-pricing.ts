import { UserError, UserFailure, userError } from '../../common/user-error';
import type { Product } from '../product/product.entity';
import type { LineDraft } from '../stock/reservation.service';
import type { OrderLineInput } from './order.inputs';

/** Prices every line from the catalogue; unknown or inactive SKUs are named together. */
export function priceLines(products: Product[], lines: OrderLineInput[], field: string[]): LineDraft[] {
  const bySku = new Map(products.map((p) => [p.sku, p]));
  const errors: UserError[] = [];
  lines.forEach((l, i) => {
    const p = bySku.get(l.sku);
    if (!p) errors.push(userError('UNKNOWN_SKU', `Unknown SKU ${l.sku}`, [...field, i, 'sku']));
    else if (!p.active) errors.push(userError('PRODUCT_INACTIVE', `${l.sku} is no longer sold`, [...field, i, 'sku']));
  });
  if (errors.length) throw new UserFailure(errors);
  return lines.map((l, i) => ({ lineNo: i + 1, product: bySku.get(l.sku)!, quantity: l.quantity }));
}
