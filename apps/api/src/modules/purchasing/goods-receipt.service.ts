import { EntityManager } from 'typeorm';
import { overReceiptRefusal, statusAfterReceipt } from '@fulfilment/domain';
import { Actor, actorLabel } from '../../common/actor';
import { localId } from '../../common/global-id';
import { MutationResult, Mutations } from '../../common/mutation';
import { fail, userError } from '../../common/user-error';
import { validateInput } from '../../common/validation';
import { StockService } from '../stock/stock.service';
import { GoodsReceipt } from './goods-receipt.entity';
import { PurchaseOrder } from './purchase-order.entity';
import { PurchaseOrderLine } from './purchase-order-line.entity';
import { PurchaseOrderTransitions } from './purchase-order-transitions';
import { ReceivePurchaseOrderInput } from './purchasing.inputs';

type ReceiveResult = MutationResult<{
  goodsReceipt: GoodsReceipt;
  purchaseOrder: PurchaseOrder;
  releasedOrderIds: string[];
}>;

/**
 * Receiving against a purchase order, in one transaction: the receipt and its inspected lines, the
 * order's line totals and status, RECEIPT movements for accepted goods, and the backorders they
 * release first (stock module: StockService.receive). Rejected goods never become stock; they stay
 * on the receipt against the supplier and never block booking what was accepted.
 */
export class GoodsReceiptService {
  constructor(
    private readonly mutations: Mutations,
    private readonly transitions: PurchaseOrderTransitions,
    private readonly stock: StockService,
  ) {}

  async receive(input: ReceivePurchaseOrderInput, actor: Actor): Promise<ReceiveResult> {
    const invalid = await validateInput(input);
    const seen = new Set<string>();
    for (const [i, l] of (input.lines ?? []).entries()) {
      const field = ['input', 'lines', i];
      if (seen.has(l.lineId)) invalid.push(userError('INVALID_INPUT', 'A line appears twice', [...field, 'lineId']));
      seen.add(l.lineId);
      if (l.accepted + l.rejected !== l.received)
        invalid.push(
          userError(
            'RECEIPT_SPLIT_MISMATCH',
            `accepted (${l.accepted}) + rejected (${l.rejected}) must equal received (${l.received})`,
            [...field, 'received'],
          ),
        );
      if (l.rejected > 0 && !l.rejectionReason)
        invalid.push(
          userError('REJECTION_REASON_REQUIRED', 'Say why units were rejected', [...field, 'rejectionReason']),
        );
    }
    return this.mutations.run(
      actor,
      { action: 'RECEIVE_PURCHASE_ORDER', targetType: 'PurchaseOrder', invalid },
      async (tx) => {
        const { m } = tx;
        const poId = localId(input.purchaseOrderId, 'PurchaseOrder');
        const key = input.idempotencyKey ?? null;
        if (key && poId) {
          await m.query(`SELECT pg_advisory_xact_lock(hashtextextended('goods receipt ' || $1 || ' ' || $2, 0))`, [
            poId,
            key,
          ]);
          const earlier = await m.getRepository(GoodsReceipt).findOneBy({ purchaseOrderId: poId, idempotencyKey: key });
          if (earlier)
            return {
              goodsReceipt: earlier,
              purchaseOrder: await m.getRepository(PurchaseOrder).findOneByOrFail({ id: poId }),
              releasedOrderIds: await releasedBy(m, earlier.id),
            };
        }
        // The order's row lock queues receipts of the same order, so two racing receipts add up, never overwrite.
        const po = await this.transitions.lock(tx, poId);
        if (po.status !== 'CONFIRMED' && po.status !== 'PARTIALLY_RECEIVED')
          fail(
            'NOT_RECEIVABLE',
            po.status === 'SENT' || po.status === 'DRAFT'
              ? `Purchase order ${po.number} is ${po.status}; the supplier must confirm it before goods are received`
              : `Purchase order ${po.number} is ${po.status} and cannot receive goods`,
            ['input', 'purchaseOrderId'],
          );
        const lines = await m
          .getRepository(PurchaseOrderLine)
          .createQueryBuilder('l')
          .where('l.purchase_order_id = :id', { id: po.id })
          .orderBy('l.line_no')
          .setLock('pessimistic_write')
          .getMany();
        const byId = new Map(lines.map((l) => [l.id, l]));
        const picked = input.lines.map((l, i) => {
          const line =
            byId.get(localId(l.lineId, 'PurchaseOrderLine') ?? '') ??
            fail('NOT_FOUND', `No such line on purchase order ${po.number}`, ['input', 'lines', i, 'lineId']);
          const refusal = overReceiptRefusal(line.quantity, line.acceptedQty, l.accepted);
          if (refusal) fail('OVER_RECEIPT', `${line.sku}: ${refusal}`, ['input', 'lines', i, 'accepted']);
          return { input: l, line };
        });

        const [receipt] = await m.query(
          `INSERT INTO goods_receipt (number, purchase_order_id, supplier_id, warehouse_id, note, actor, idempotency_key)
         VALUES ('GR-' || lpad(nextval('goods_receipt_number_seq')::text, 6, '0'), $1, $2, $3, $4, $5, $6) RETURNING id, number`,
          [po.id, po.supplierId, po.warehouseId, input.note?.trim() || null, actorLabel(actor), key],
        );
        await m.query(
          `INSERT INTO goods_receipt_line (goods_receipt_id, purchase_order_line_id, product_id, received, accepted, rejected, rejection_reason)
         SELECT $1, * FROM unnest($2::uuid[], $3::uuid[], $4::int[], $5::int[], $6::int[], $7::text[])`,
          [
            receipt.id,
            picked.map((p) => p.line.id),
            picked.map((p) => p.line.productId),
            picked.map((p) => p.input.received),
            picked.map((p) => p.input.accepted),
            picked.map((p) => p.input.rejected),
            picked.map((p) => (p.input.rejected > 0 ? p.input.rejectionReason : null)),
          ],
        );
        await m.query(
          `UPDATE purchase_order_line l SET received_qty = l.received_qty + d.received, accepted_qty = l.accepted_qty + d.accepted,
                rejected_qty = l.rejected_qty + d.rejected
           FROM unnest($1::uuid[], $2::int[], $3::int[], $4::int[]) AS d(id, received, accepted, rejected) WHERE l.id = d.id`,
          [
            picked.map((p) => p.line.id),
            picked.map((p) => p.input.received),
            picked.map((p) => p.input.accepted),
            picked.map((p) => p.input.rejected),
          ],
        );
        const { released } = await this.stock.receive(
          tx,
          po.warehouseId,
          picked.map((p) => ({ productId: p.line.productId, quantity: p.input.accepted })),
          receipt.number,
          po.number,
        );
        if (released.length)
          await m.query(
            `INSERT INTO goods_receipt_release (goods_receipt_id, position, order_id)
           SELECT $1, d.ord, d.id FROM unnest($2::uuid[]) WITH ORDINALITY AS d(id, ord)`,
            [receipt.id, released],
          );

        const c = this.transitions.begin(tx, po);
        const accepted = picked.reduce((a, p) => a + p.input.accepted, 0);
        const rejected = picked.reduce((a, p) => a + p.input.rejected, 0);
        c.record(
          'RECEIVED',
          `${receipt.number}: ${accepted} accepted${rejected ? `, ${rejected} rejected` : ''}${released.length ? `; released ${released.length} backorder(s)` : ''}`,
        );
        const facts = await this.transitions.facts(c);
        const next = statusAfterReceipt(po.status, facts);
        if (next !== po.status) await this.transitions.move(c, next, receipt.number);
        const purchaseOrder = await this.transitions.save(c, 'RECEIVE_PURCHASE_ORDER', {
          receipt: receipt.number,
          accepted,
          rejected,
          released: released.length,
        });
        return {
          goodsReceipt: await m.getRepository(GoodsReceipt).findOneByOrFail({ id: receipt.id }),
          purchaseOrder,
          releasedOrderIds: released,
        };
      },
    );
  }
}

async function releasedBy(m: EntityManager, receiptId: string): Promise<string[]> {
  const rows: { order_id: string }[] = await m.query(
    `SELECT order_id FROM goods_receipt_release WHERE goods_receipt_id = $1 ORDER BY position`,
    [receiptId],
  );
  return rows.map((r) => r.order_id);
}
