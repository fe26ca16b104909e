import {
  inspectionProblems,
  orderReturnState,
  refundAmountFen,
  RETURN_POLICY,
  ReturnLineAsked,
  returnProblems,
} from '@fulfilment/domain';
import { Actor, actorLabel } from '../../common/actor';
import { localId, toGlobalId } from '../../common/global-id';
import { MutationResult, Mutations, Tx } from '../../common/mutation';
import { hydrate } from '../../common/rows';
import { fail } from '../../common/user-error';
import { validateInput } from '../../common/validation';
import type { OrderPlacementService } from '../order/order-placement.service';
import type { OrderTransitions } from '../order/order-transitions';
import { StockService } from '../stock/stock.service';
import type { PaymentGateway } from './payment-gateway';
import { ReturnRequest } from './return.entity';
import { PlaceOrderInput } from '../order/order.inputs';
import { SOURCE_RECEIPT_JOIN } from '../purchasing/quality-trace';
import { DecideReturnInput, ReceiveReturnInput, RequestReturnInput } from './return.inputs';
import { ReturnChange, ReturnTransitions } from './return-transitions';

type ReturnResult = MutationResult<{ returnRequest: ReturnRequest }>;

const yuan = (fen: number) => `¥${(fen / 100).toFixed(2)}`;

interface ReceivedLine {
  lineNo: number;
  sku: string;
  unitPriceFen: number;
  quantity: number;
}

/**
 * Returns: asked for within the policy, decided, received and inspected (restocked, quality problems
 * traced to the supplier's receipt), then refunded, exchanged or credited.
 */
export class ReturnService {
  constructor(
    private readonly mutations: Mutations,
    private readonly transitions: ReturnTransitions,
    private readonly stock: StockService,
    private readonly gateway: PaymentGateway,
    private readonly placement: OrderPlacementService,
    private readonly orders: OrderTransitions,
  ) {}

  async request(input: RequestReturnInput, actor: Actor): Promise<ReturnResult> {
    const invalid = await validateInput(input);
    return this.mutations.run(actor, { action: 'REQUEST_RETURN', targetType: 'ReturnRequest', invalid }, async (tx) => {
      const requestedBy = actorLabel(tx.actor);
      const key = input.idempotencyKey?.trim() || null;
      if (key) {
        const [same] = await tx.m.query(
          `SELECT * FROM return_request WHERE requested_by = $1 AND idempotency_key = $2`,
          [requestedBy, key],
        );
        if (same) return { returnRequest: hydrate(tx.m, ReturnRequest, same) };
      }
      const orderId = localId(input.orderId, 'Order');
      // The order is locked: two requests for it never both take the same units.
      const [order] = orderId
        ? await tx.m.query(`SELECT id, number, customer_id, status FROM orders WHERE id = $1 FOR UPDATE`, [orderId])
        : [];
      if (!order) fail('NOT_FOUND', 'No order with this id', ['input', 'orderId']);
      const complaintId = input.complaintId ? localId(input.complaintId, 'Complaint') : null;
      if (input.complaintId) {
        const [c] = complaintId ? await tx.m.query(`SELECT order_id FROM complaint WHERE id = $1`, [complaintId]) : [];
        if (!c || c.order_id !== order.id)
          fail('NOT_FOUND', 'No complaint about this order has this id', ['input', 'complaintId']);
      }
      const [{ at }] = await tx.m.query(
        `SELECT max(created_at) AS at FROM order_event WHERE order_id = $1 AND to_status = 'DELIVERED'`,
        [order.id],
      );
      const deliveredAt =
        (order.status === 'DELIVERED' || order.status === 'RETURNED') && at ? new Date(at).getTime() : null;
      const lines: {
        line_no: number;
        product_id: string;
        sku: string;
        quantity: number;
        unit_price_fen: number;
        fresh: boolean;
        returned: number;
      }[] = await tx.m.query(
        `SELECT l.line_no, l.product_id, l.sku, l.quantity, l.unit_price_fen,
                p.packaging && ARRAY['PERISHABLE', 'COLD_CHAIN'] AS fresh,
                coalesce((SELECT sum(rl.quantity) FROM return_line rl JOIN return_request r ON r.id = rl.return_id
                           WHERE r.order_id = l.order_id AND rl.line_no = l.line_no
                             AND r.status NOT IN ('REJECTED', 'CANCELLED')), 0)::int AS returned
           FROM order_line l JOIN product p ON p.id = l.product_id WHERE l.order_id = $1 ORDER BY l.line_no`,
        [order.id],
      );
      const byNo = new Map(lines.map((l) => [l.line_no, l]));
      const asked: ReturnLineAsked[] = input.lines.map((x, i) => {
        const l =
          byNo.get(x.lineNo) ??
          fail('UNKNOWN_LINE', `Order ${order.number} has no line ${x.lineNo}`, ['input', 'lines', String(i)]);
        return {
          lineNo: l.line_no,
          sku: l.sku,
          fresh: l.fresh,
          delivered: l.quantity,
          alreadyReturned: l.returned,
          quantity: x.quantity,
        };
      });
      if (new Set(asked.map((a) => a.lineNo)).size !== asked.length)
        fail('INVALID_INPUT', 'Name each line once', ['input', 'lines']);
      const problems = returnProblems(RETURN_POLICY, {
        deliveredAt,
        now: Date.now(),
        reason: input.reason,
        lines: asked,
      });
      if (problems.length) {
        const p = problems[0];
        const index = p.lineNo === undefined ? -1 : asked.findIndex((a) => a.lineNo === p.lineNo);
        fail(
          p.code,
          problems.map((x) => x.message).join('; '),
          index < 0 ? ['input', 'orderId'] : ['input', 'lines', String(index)],
        );
      }
      const [{ n }] = await tx.m.query(`SELECT nextval('return_number_seq') AS n`);
      const [row] = await tx.m.query(
        `INSERT INTO return_request (number, order_id, customer_id, complaint_id, reason, resolution, status, note, requested_by, idempotency_key)
         VALUES ($1, $2, $3, $4, $5, $9, 'REQUESTED', $6, $7, $8) RETURNING *`,
        [
          `RT-${String(n).padStart(6, '0')}`,
          order.id,
          order.customer_id,
          complaintId,
          input.reason,
          input.note?.trim() || null,
          requestedBy,
          key,
          input.resolution ?? 'REFUND',
        ],
      );
      await tx.m.query(
        `INSERT INTO return_line (return_id, line_no, product_id, sku, quantity, unit_price_fen)
         SELECT $1, l.line_no, l.product_id, l.sku, a.q, l.unit_price_fen
           FROM unnest($2::int[], $3::int[]) AS a(line_no, q) JOIN order_line l ON l.order_id = $4 AND l.line_no = a.line_no`,
        [row.id, asked.map((a) => a.lineNo), asked.map((a) => a.quantity), order.id],
      );
      const c = this.transitions.begin(tx, hydrate(tx.m, ReturnRequest, row));
      c.record('REQUESTED', `${input.reason}: ${asked.map((a) => `${a.sku} × ${a.quantity}`).join(', ')}`);
      return { returnRequest: await this.transitions.save(c, 'REQUEST_RETURN') };
    });
  }

  async approve(input: DecideReturnInput, actor: Actor): Promise<ReturnResult> {
    const invalid = await validateInput(input);
    return this.mutations.run(actor, { action: 'APPROVE_RETURN', targetType: 'ReturnRequest', invalid }, async (tx) => {
      const c = await this.transitions.lock(tx, localId(input.returnId, 'ReturnRequest'));
      this.transitions.move(c, 'APPROVED', input.reason?.trim() || 'Within the policy');
      return { returnRequest: await this.transitions.save(c, 'APPROVE_RETURN') };
    });
  }

  async reject(input: DecideReturnInput, actor: Actor): Promise<ReturnResult> {
    const invalid = await validateInput(input);
    return this.mutations.run(actor, { action: 'REJECT_RETURN', targetType: 'ReturnRequest', invalid }, async (tx) => {
      const c = await this.transitions.lock(tx, localId(input.returnId, 'ReturnRequest'));
      const reason = input.reason?.trim();
      if (!reason) fail('INVALID_INPUT', 'Say why the return is rejected; the customer is told', ['input', 'reason']);
      c.ret.decisionReason = reason!;
      this.transitions.move(c, 'REJECTED', reason!);
      return { returnRequest: await this.transitions.save(c, 'REJECT_RETURN') };
    });
  }

  /**
   * The goods arrive: each line inspected (restocked with a RETURN movement to the warehouse it was
   * shipped from, damaged, or back to the supplier; quality lines traced to their receipt), then the
   * received units resolved once: refunded to the original payment method (the gateway's idempotency
   * key is the return), credited, or exchanged — never more money than was paid. An order whose every
   * unit came back becomes RETURNED.
   */
  async receive(input: ReceiveReturnInput, actor: Actor): Promise<ReturnResult> {
    const invalid = await validateInput(input);
    return this.mutations.run(actor, { action: 'RECEIVE_RETURN', targetType: 'ReturnRequest', invalid }, async (tx) => {
      const c = await this.transitions.lock(tx, localId(input.returnId, 'ReturnRequest'));
      const r = c.ret;
      const lines: { line_no: number; product_id: string; sku: string; quantity: number; unit_price_fen: number }[] =
        await tx.m.query(
          `SELECT line_no, product_id, sku, quantity, unit_price_fen FROM return_line WHERE return_id = $1 ORDER BY line_no`,
          [r.id],
        );
      const given = new Map(input.lines.map((l) => [l.lineNo, l]));
      if (given.size !== input.lines.length || lines.some((l) => !given.has(l.line_no)) || given.size !== lines.length)
        fail('INSPECTION_MISMATCH', `Book each of the return's lines once: ${lines.map((l) => l.line_no).join(', ')}`, [
          'input',
          'lines',
        ]);
      const problems = inspectionProblems(
        lines.map((l) => {
          const g = given.get(l.line_no)!;
          return {
            lineNo: l.line_no,
            requested: l.quantity,
            received: g.received,
            restock: g.restock,
            damaged: g.damaged,
            toSupplier: g.toSupplier,
          };
        }),
      );
      if (problems.length) fail('INSPECTION_MISMATCH', problems.join('; '), ['input', 'lines']);
      this.transitions.move(c, 'RECEIVED', 'Goods received and inspected');
      await tx.m.query(
        `UPDATE return_line rl SET received = g.received, restocked = g.restock, damaged = g.damaged, to_supplier = g.to_supplier,
                inspection_note = g.note
           FROM unnest($2::int[], $3::int[], $4::int[], $5::int[], $6::int[], $7::text[]) AS g(line_no, received, restock, damaged, to_supplier, note)
          WHERE rl.return_id = $1 AND rl.line_no = g.line_no`,
        [
          r.id,
          lines.map((l) => l.line_no),
          lines.map((l) => given.get(l.line_no)!.received),
          lines.map((l) => given.get(l.line_no)!.restock),
          lines.map((l) => given.get(l.line_no)!.damaged),
          lines.map((l) => given.get(l.line_no)!.toSupplier),
          lines.map((l) => given.get(l.line_no)!.note?.trim() || null),
        ],
      );
      await this.restock(
        tx,
        r,
        lines.map((l) => ({ lineNo: l.line_no, productId: l.product_id, quantity: given.get(l.line_no)!.restock })),
      );
      const found = lines.map((l) => {
        const g = given.get(l.line_no)!;
        return `line ${l.line_no}: ${g.received} received, ${g.restock} restocked, ${g.damaged} damaged, ${g.toSupplier} to supplier`;
      });
      c.record('INSPECTED', found.join('; '));
      if (r.reason === 'QUALITY') await this.trace(tx, r);
      const received = lines.map((l) => ({
        lineNo: l.line_no,
        sku: l.sku,
        unitPriceFen: l.unit_price_fen,
        quantity: given.get(l.line_no)!.received,
      }));
      const outcome = await this.resolve(c, received);
      const saved = await this.transitions.save(c, 'RECEIVE_RETURN', outcome);
      await this.markReturned(tx, r);
      return { returnRequest: saved };
    });
  }

  /** The customer's choice for what arrived; the details go into the audit record. */
  private async resolve(c: ReturnChange, received: ReceivedLine[]): Promise<Record<string, unknown>> {
    const { tx, ret: r } = c;
    if (r.resolution === 'EXCHANGE') {
      const again = received.filter((l) => l.quantity > 0);
      if (!again.length) {
        this.transitions.move(c, 'RESOLVED', 'Nothing arrived to exchange');
        return { exchanged: 0 };
      }
      const replacement = await this.exchange(tx, r, again);
      r.replacementOrderId = replacement.id;
      this.transitions.move(c, 'RESOLVED', `Exchanged: replacement order ${replacement.number}`);
      c.record('EXCHANGED', replacement.number);
      c.notices.push({
        event: 'EXCHANGE_PLACED',
        facts: { returnNumber: r.number, replacementNumber: replacement.number },
      });
      return { replacementOrder: replacement.number };
    }
    const amount = await this.payableFen(tx, r, received);
    if (r.resolution === 'STORE_CREDIT') {
      if (amount > 0)
        await tx.m.query(
          `INSERT INTO store_credit (customer_id, amount_fen, return_id, reason, actor) VALUES ($1, $2, $3, $4, $5)`,
          [r.customerId, amount, r.id, `Return ${r.number}`, actorLabel(tx.actor)],
        );
      this.transitions.move(c, 'RESOLVED', `Credited ${yuan(amount)}`);
      c.record('CREDITED', yuan(amount));
      c.notices.push({ event: 'STORE_CREDIT_GRANTED', facts: { amount: yuan(amount), returnNumber: r.number } });
      return { creditFen: amount };
    }
    await this.refund(tx, r, amount);
    this.transitions.move(c, 'RESOLVED', `Refunded ${yuan(amount)}`);
    c.record('REFUNDED', yuan(amount));
    c.notices.push({ event: 'REFUND_MADE', facts: { amount: yuan(amount), returnNumber: r.number } });
    return { refundFen: amount };
  }

  /**
   * The replacement: the units that arrived, ordered again through the normal placement (review,
   * reservation — never oversold — and confirmation; a backorder when short), at the prices paid,
   * delivered free to the original address, prioritised, already paid.
   */
  private async exchange(tx: Tx, r: ReturnRequest, lines: ReceivedLine[]) {
    const [o] = await tx.m.query(
      `SELECT number, channel, payment_method, delivery_contact_name, delivery_phone, delivery_address,
              delivery_city, delivery_region
         FROM orders WHERE id = $1`,
      [r.orderId],
    );
    return this.placement.placeWithin(
      tx,
      Object.assign(new PlaceOrderInput(), {
        customerId: toGlobalId('Customer', r.customerId),
        lines: lines.map((l) => ({ sku: l.sku, quantity: l.quantity })),
        deliveryAddress: {
          contactName: o.delivery_contact_name,
          phone: o.delivery_phone,
          address: o.delivery_address,
          city: o.delivery_city,
          region: o.delivery_region,
        },
        paymentMethod: o.payment_method,
        paid: true,
        channel: o.channel,
        priority: 'HIGH',
        allowBackorder: true,
        note: `Exchange for return ${r.number} of order ${o.number}`,
      }),
      { unitPricesFen: new Map(lines.map((l) => [l.sku, l.unitPriceFen])), freeDelivery: true },
    );
  }

  /**
   * Quality trace-back: each line of a quality return is traced to its source receipt
   * (SOURCE_RECEIPT_JOIN), and so to the supplier; the units not restocked count against that
   * supplier's scorecard (after-sales quality). Lines without a receipt stay untraced.
   */
  private async trace(tx: Tx, r: ReturnRequest): Promise<void> {
    await tx.m.query(
      `UPDATE return_line rl SET goods_receipt_id = t.receipt_id, supplier_id = t.supplier_id
         FROM (SELECT l.line_no, g.id AS receipt_id, g.supplier_id
                 FROM (SELECT $2::uuid AS order_id, line_no, product_id FROM return_line WHERE return_id = $1) l
                 ${SOURCE_RECEIPT_JOIN}) t
        WHERE rl.return_id = $1 AND rl.line_no = t.line_no`,
      [r.id, r.orderId],
    );
  }

  /** Every delivered unit of the order received back: the order becomes RETURNED. */
  private async markReturned(tx: Tx, r: ReturnRequest): Promise<void> {
    const lines: { ordered: number; received_back: number }[] = await tx.m.query(
      `SELECT l.quantity AS ordered,
              coalesce((SELECT sum(rl.received) FROM return_line rl JOIN return_request q ON q.id = rl.return_id
                         WHERE q.order_id = l.order_id AND rl.line_no = l.line_no), 0)::int AS received_back
         FROM order_line l JOIN orders o ON o.id = l.order_id
        WHERE l.order_id = $1 AND o.status = 'DELIVERED'`,
      [r.orderId],
    );
    const state = orderReturnState(lines.map((l) => ({ ordered: l.ordered, receivedBack: l.received_back })));
    if (state === 'FULL') await this.orders.apply(tx, r.orderId, 'RETURNED', `${r.number}: every unit came back`);
  }

  /** Restocked units go back to the stock level each line was shipped from (its first shipped allocation). */
  private async restock(
    tx: Tx,
    r: ReturnRequest,
    lines: { lineNo: number; productId: string; quantity: number }[],
  ): Promise<void> {
    const wanted = lines.filter((l) => l.quantity > 0);
    if (!wanted.length) return;
    const from: { line_no: number; warehouse_id: string }[] = await tx.m.query(
      `SELECT DISTINCT ON (line_no) line_no, warehouse_id FROM order_allocation
        WHERE order_id = $1 AND line_no = ANY($2::int[]) ORDER BY line_no, (status = 'SHIPPED') DESC, created_at`,
      [r.orderId, wanted.map((l) => l.lineNo)],
    );
    const warehouseOf = new Map(from.map((f) => [f.line_no, f.warehouse_id]));
    const byWarehouse = new Map<string, { productId: string; quantity: number }[]>();
    for (const l of wanted) {
      const w =
        warehouseOf.get(l.lineNo) ??
        fail('NOT_FOUND', `Line ${l.lineNo} was never allocated to a warehouse`, ['input', 'lines']);
      byWarehouse.set(w, [...(byWarehouse.get(w) ?? []), { productId: l.productId, quantity: l.quantity }]);
    }
    for (const [warehouseId, ls] of byWarehouse)
      await this.stock.receive(tx, warehouseId, ls, r.number, 'Returned goods restocked', 'RETURN');
  }

  /**
   * What received units are worth at the price paid, capped by what the order's payment has left after
   * earlier refunds and credits; the order row is locked so two returns of one order never both take it.
   */
  private async payableFen(tx: Tx, r: ReturnRequest, lines: ReceivedLine[]): Promise<number> {
    const [o] = await tx.m.query(
      `SELECT total_fen, payment_method, payment_status,
              (SELECT coalesce(sum(amount_fen), 0)::int FROM refund WHERE order_id = o.id)
              + (SELECT coalesce(sum(c.amount_fen), 0)::int FROM store_credit c JOIN return_request q ON q.id = c.return_id
                  WHERE q.order_id = o.id) AS paid_back
         FROM orders o WHERE id = $1 FOR UPDATE`,
      [r.orderId],
    );
    // Cash on delivery is paid at the door: a delivered order is paid either way.
    const paid = o.payment_status === 'PAID' || o.payment_method === 'CASH_ON_DELIVERY' ? Number(o.total_fen) : 0;
    return refundAmountFen(lines, paid, Number(o.paid_back));
  }

  /** The refund to the original payment method, recorded once per return. */
  private async refund(tx: Tx, r: ReturnRequest, amount: number): Promise<void> {
    const [o] = await tx.m.query(`SELECT number, payment_method FROM orders WHERE id = $1`, [r.orderId]);
    const key = `return:${r.id}`;
    const { reference } = await this.gateway.refund({
      orderNumber: o.number,
      method: o.payment_method,
      amountFen: amount,
      idempotencyKey: key,
    });
    await tx.m.query(
      `INSERT INTO refund (return_id, order_id, amount_fen, method, gateway, gateway_reference, idempotency_key)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [r.id, r.orderId, amount, o.payment_method, this.gateway.name, reference, key],
    );
  }
}
