import { DataSource } from 'typeorm';
import { shanghaiDay } from '@fulfilment/domain';
import { filterText, paginate, searchPattern, filterId } from '../../common/connection';
import { GoodsReceipt } from './goods-receipt.entity';
import { PurchaseOrder } from './purchase-order.entity';
import { PurchaseOrderContact, PurchaseOrderEvent } from './purchase-order-event.entity';
import { PurchaseRequirement } from './purchase-requirement.entity';
import { PurchaseOrderFilter, PurchaseRequirementFilter, SupplierFilter } from './purchasing.inputs';
import { Supplier } from './supplier.entity';
import { AWAITING_GOODS_SQL } from './status-sql';

type Page = { first?: number; after?: string };

/** Lists of the purchasing module: keyset pages, each filter on an indexed column. */
export class PurchasingQueryService {
  constructor(private readonly ds: DataSource) {}

  suppliers(filter: SupplierFilter, page: Page) {
    const qb = this.ds.getRepository(Supplier).createQueryBuilder('s');
    if (filter.status?.length) qb.andWhere('s.status = ANY(:status)', { status: filter.status });
    if (filter.standing?.length) qb.andWhere('s.standing = ANY(:standing)', { standing: filter.standing });
    if (filter.region) qb.andWhere(':region = ANY(s.regions)', { region: filter.region });
    const search = searchPattern(filter.search);
    if (search) qb.andWhere(`(s.code || ' ' || s.name) ILIKE :search`, { search });
    return paginate(qb, { columns: ['s.code'], kinds: ['text'], direction: 'ASC', values: (s) => [s.code] }, page);
  }

  async requirements(filter: PurchaseRequirementFilter, page: Page) {
    const qb = this.ds.getRepository(PurchaseRequirement).createQueryBuilder('r');
    if (filter.status?.length) qb.andWhere('r.status = ANY(:status)', { status: filter.status });
    const code = filterText(filter.warehouseCode, 'warehouseCode', 32);
    if (code) qb.andWhere('r.warehouse_code = :code', { code });
    const sku = filterText(filter.sku, 'sku', 64);
    if (sku) qb.andWhere('r.sku = :sku', { sku });
    if (filter.supplierId) {
      const id = filterId(filter.supplierId, 'Supplier', 'supplierId', 'a supplier');
      qb.andWhere('r.suggested_supplier_id = :sid', { sid: id });
    }
    return paginate(
      qb,
      {
        columns: ['r.createdAt', 'r.id'],
        kinds: ['timestamp', 'uuid'],
        direction: 'DESC',
        values: (r) => [r.createdAt, r.id],
      },
      page,
    );
  }

  async purchaseOrders(filter: PurchaseOrderFilter, page: Page) {
    const qb = this.ds.getRepository(PurchaseOrder).createQueryBuilder('p');
    if (filter.status?.length) qb.andWhere('p.status = ANY(:status)', { status: filter.status });
    if (filter.supplierId) {
      const id = filterId(filter.supplierId, 'Supplier', 'supplierId', 'a supplier');
      qb.andWhere('p.supplier_id = :sid', { sid: id });
    }
    const code = filterText(filter.warehouseCode, 'warehouseCode', 32);
    if (code) qb.andWhere('p.warehouse_id = (SELECT id FROM warehouse WHERE code = :code)', { code });
    const sku = filterText(filter.sku, 'sku', 64);
    if (sku)
      qb.andWhere(
        `EXISTS (SELECT 1 FROM purchase_order_line l WHERE l.purchase_order_id = p.id
                  AND l.product_id = (SELECT id FROM product WHERE sku = :sku))`,
        { sku },
      );
    const open = `p.status IN (${AWAITING_GOODS_SQL})`;
    if (filter.overdue === true) qb.andWhere(`${open} AND p.expected_date < :today`, { today: shanghaiDay() });
    if (filter.overdue === false)
      qb.andWhere(`NOT (${open} AND p.expected_date IS NOT NULL AND p.expected_date < :today)`, {
        today: shanghaiDay(),
      });
    const search = searchPattern(filter.search);
    if (search) qb.andWhere('p.number ILIKE :search', { search });
    return paginate(
      qb,
      {
        columns: ['p.createdAt', 'p.id'],
        kinds: ['timestamp', 'uuid'],
        direction: 'DESC',
        values: (p) => [p.createdAt, p.id],
      },
      page,
    );
  }

  events(purchaseOrderId: string, page: Page) {
    const qb = this.ds
      .getRepository(PurchaseOrderEvent)
      .createQueryBuilder('e')
      .where('e.purchase_order_id = :id', { id: purchaseOrderId });
    return paginate(qb, { columns: ['e.id'], kinds: ['bigint'], direction: 'ASC', values: (e) => [e.id] }, page);
  }

  contacts(purchaseOrderId: string) {
    return this.ds
      .getRepository(PurchaseOrderContact)
      .find({ where: { purchaseOrderId }, order: { id: 'DESC' }, take: 50 });
  }

  /** A supplier's receipts with rejections, newest first: what went back and why. */
  rejectionsOf(supplierId: string, page: Page) {
    const qb = this.ds
      .getRepository(GoodsReceipt)
      .createQueryBuilder('g')
      .where('g.supplier_id = :id', { id: supplierId })
      .andWhere('EXISTS (SELECT 1 FROM goods_receipt_line gl WHERE gl.goods_receipt_id = g.id AND gl.rejected > 0)');
    return paginate(
      qb,
      {
        columns: ['g.receivedAt', 'g.id'],
        kinds: ['timestamp', 'uuid'],
        direction: 'DESC',
        values: (g) => [g.receivedAt, g.id],
      },
      page,
    );
  }
}
