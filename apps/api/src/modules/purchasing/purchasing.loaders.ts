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
import { SOURCE_RECEIPT_JOIN } from './quality-trace';
import { ON_ORDER_SQL } from './status-sql';

/** An order line and where its units came from. */
export interface SourceOfLine {
  lineNo: number;
  sku: string;
  goodsReceiptId: string;
  supplierId: string;
}

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
    /** Each line of an order with the receipt and supplier its units most likely came from (quality trace-back). */
    sourcesOfOrder: new DataLoader<string, SourceOfLine[]>(
      async (orderIds) => {
        const rows: (SourceOfLine & { order_id: string })[] = await ds.query(
          `SELECT l.order_id, l.line_no AS "lineNo", p.sku, g.id AS "goodsReceiptId", g.supplier_id AS "supplierId"
             FROM order_line l JOIN product p ON p.id = l.product_id
             ${SOURCE_RECEIPT_JOIN}
            WHERE l.order_id = ANY($1::uuid[]) ORDER BY l.order_id, l.line_no`,
          [orderIds],
        );
        return groupByParent(orderIds, rows, (r) => r.order_id).map((g) =>
          g.map(({ lineNo, sku, goodsReceiptId, supplierId }) => ({ lineNo, sku, goodsReceiptId, supplierId })),
        );
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
