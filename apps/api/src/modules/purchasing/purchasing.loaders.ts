import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { byIdLoader, childrenLoader, groupByParent } from '../../common/loaders';
import { GoodsReceipt, GoodsReceiptLine } from './goods-receipt.entity';
import { PurchaseOrder } from './purchase-order.entity';
import { PurchaseOrderLine } from './purchase-order-line.entity';
import { PurchaseRequirementRun } from './purchase-requirement.entity';
import { Supplier } from './supplier.entity';
import { SupplierOffer } from './supplier-offer.entity';
import { SupplierScorecard } from './supplier-scorecard.entity';
import { ON_ORDER_SQL } from './status-sql';

/** Suppliers, purchase orders and their parts, and what is on order per stock level: one statement per kind. */
export function purchasingLoaders(ds: DataSource, cache: boolean) {
  return {
    supplier: byIdLoader(ds, Supplier, cache),
    purchaseOrder: byIdLoader(ds, PurchaseOrder, cache),
    goodsReceipt: byIdLoader(ds, GoodsReceipt, cache),
    requirementRun: byIdLoader(ds, PurchaseRequirementRun, cache),
    purchaseOrderLines: childrenLoader(
      ds,
      PurchaseOrderLine,
      'purchase_order_id',
      (l: PurchaseOrderLine) => l.purchaseOrderId,
      't.line_no',
      cache,
    ),
    offersOfSupplier: childrenLoader(
      ds,
      SupplierOffer,
      'supplier_id',
      (o: SupplierOffer) => o.supplierId,
      't.product_id',
      cache,
    ),
    offersOfProduct: childrenLoader(
      ds,
      SupplierOffer,
      'product_id',
      (o: SupplierOffer) => o.productId,
      't.unit_price_fen, t.supplier_id',
      cache,
    ),
    receiptsOfPurchaseOrder: childrenLoader(
      ds,
      GoodsReceipt,
      'purchase_order_id',
      (g: GoodsReceipt) => g.purchaseOrderId,
      't.received_at, t.id',
      cache,
    ),
    receiptLines: childrenLoader(
      ds,
      GoodsReceiptLine,
      'goods_receipt_id',
      (l: GoodsReceiptLine) => l.goodsReceiptId,
      't.id',
      cache,
    ),
    scorecardsOfSupplier: childrenLoader(
      ds,
      SupplierScorecard,
      'supplier_id',
      (p: SupplierScorecard) => p.supplierId,
      't.period_start DESC',
      cache,
    ),
    releasedByReceipt: new DataLoader<string, string[]>(
      async (ids) => {
        const rows: { goods_receipt_id: string; order_id: string }[] = await ds.query(
          `SELECT goods_receipt_id, order_id FROM goods_receipt_release WHERE goods_receipt_id = ANY($1::uuid[])
            ORDER BY goods_receipt_id, position`,
          [ids],
        );
        return groupByParent(ids, rows, (r) => r.goods_receipt_id).map((g) => g.map((r) => r.order_id));
      },
      { cache },
    ),
    /** Units still expected on open purchase orders, by "productId/warehouseId". */
    onOrder: new DataLoader<string, number>(
      async (keys) => {
        const pairs = keys.map((k) => k.split('/'));
        const rows: { key: string; units: number }[] = await ds.query(
          `SELECT l.product_id || '/' || p.warehouse_id AS key, sum(greatest(l.quantity - l.accepted_qty, 0))::int AS units
             FROM purchase_order_line l JOIN purchase_order p ON p.id = l.purchase_order_id
            WHERE (l.product_id, p.warehouse_id) IN (SELECT * FROM unnest($1::uuid[], $2::uuid[]))
              AND p.status IN (${ON_ORDER_SQL})
            GROUP BY 1`,
          [pairs.map((p) => p[0]), pairs.map((p) => p[1])],
        );
        const units = new Map(rows.map((r) => [r.key, r.units]));
        return keys.map((k) => units.get(k) ?? 0);
      },
      { cache },
    ),
  };
}
