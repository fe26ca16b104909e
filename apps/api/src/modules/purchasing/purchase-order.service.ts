import { DataSource } from 'typeorm';
import {
  AWAITING_GOODS_STATUSES,
  decimalToFen,
  isCalendarDay,
  orderQuantity,
  shanghaiDay,
  standingBlocksOrders,
  SupplierStanding,
} from '@fulfilment/domain';
import { Actor, actorLabel } from '../../common/actor';
import { localId } from '../../common/global-id';
import { MutationResult, Mutations, Tx } from '../../common/mutation';
import { fail, UserError, userError } from '../../common/user-error';
import { validateInput } from '../../common/validation';
import { PurchaseOrder } from './purchase-order.entity';
import { AWAITING_GOODS_SQL } from './status-sql';
import { PurchaseOrderChange, PurchaseOrderTransitions } from './purchase-order-transitions';
import {
  CancelPurchaseOrderInput,
  ClosePurchaseOrderInput,
  ConfirmPurchaseOrderInput,
  CreatePurchaseOrderInput,
  ExpeditePurchaseOrderInput,
  PurchaseOrderActionInput,
} from './purchasing.inputs';

type PoResult = MutationResult<{ purchaseOrder: PurchaseOrder }>;
type CreateResult = MutationResult<{ purchaseOrders: PurchaseOrder[] }>;

interface SupplierRow {
  id: string;
  code: string;
  status: string;
  standing: SupplierStanding;
}

interface DraftLine {
  productId: string;
  sku: string;
  productName: string;
  quantity: number;
  unitPriceFen: number;
  promisedDate: string | null;
  quotedLeadDays: number;
  requirementIds: string[];
}

/** Purchase orders: made by hand or from requirements, sent, confirmed, expedited, cancelled. */
export class PurchaseOrderService {
  constructor(
    private readonly ds: DataSource,
    private readonly mutations: Mutations,
    private readonly transitions: PurchaseOrderTransitions,
  ) {}

  async create(input: CreatePurchaseOrderInput, actor: Actor): Promise<CreateResult> {
    const invalid = await validateInput(input);
    const byHand = input.lines != null;
    if (byHand === (input.requirementIds != null))
      invalid.push(
        userError('INVALID_INPUT', 'Give either lines (with supplierId and warehouseCode) or requirementIds', [
          'input',
        ]),
      );
    if (byHand && (!input.supplierId || !input.warehouseCode))
      invalid.push(userError('INVALID_INPUT', 'An order by hand needs supplierId and warehouseCode', ['input']));
    if (byHand && input.lines!.length === 0)
      invalid.push(userError('EMPTY_LINES', 'An order needs at least one line', ['input', 'lines']));
    if (input.requirementIds?.length === 0)
      invalid.push(userError('EMPTY_LINES', 'Name at least one requirement', ['input', 'requirementIds']));
    invalid.push(...this.checkLines(input));
    return this.mutations.run(
      actor,
      { action: 'CREATE_PURCHASE_ORDER', targetType: 'PurchaseOrder', invalid },
      async (tx) => {
        const key = input.idempotencyKey ?? null;
        if (key) {
          await tx.m.query(
            `SELECT pg_advisory_xact_lock(hashtextextended('purchase order key ' || $1 || ' ' || $2, 0))`,
            [actorLabel(actor), key],
          );
          const earlier = await tx.m
            .getRepository(PurchaseOrder)
            .find({ where: { createdBy: actorLabel(actor), idempotencyKey: key }, order: { number: 'ASC' } });
          if (earlier.length) return { purchaseOrders: earlier };
        }
        const groups = byHand ? [await this.linesByHand(tx, input)] : await this.linesFromRequirements(tx, input);
        const purchaseOrders: PurchaseOrder[] = [];
        for (const g of groups) purchaseOrders.push(await this.insert(tx, g, input, key));
        return { purchaseOrders };
      },
    );
  }

  async send(input: PurchaseOrderActionInput, actor: Actor): Promise<PoResult> {
    return this.step(input, actor, 'SEND_PURCHASE_ORDER', async (c) => {
      await this.checkSupplier(c, input.overrideReason);
      await this.transitions.move(c, 'SENT', null);
    });
  }

  async confirm(input: ConfirmPurchaseOrderInput, actor: Actor): Promise<PoResult> {
    const invalid = await validateInput(input);
    const today = shanghaiDay();
    for (const [i, l] of (input.lines ?? []).entries()) {
      if (!invalid.length && (!isCalendarDay(l.promisedDate) || l.promisedDate < today))
        invalid.push(
          userError('INVALID_DATE', `promisedDate must be today (${today}) or later`, [
            'input',
            'lines',
            i,
            'promisedDate',
          ]),
        );
    }
    return this.step(
      input,
      actor,
      'CONFIRM_PURCHASE_ORDER',
      async (c) => {
        await this.checkSupplier(c, input.overrideReason);
        for (const [i, l] of (input.lines ?? []).entries()) {
          const lineId = localId(l.lineId, 'PurchaseOrderLine');
          const [updated] = lineId
            ? await c.tx.m.query(
                `WITH u AS (UPDATE purchase_order_line SET promised_date = $3 WHERE id = $1 AND purchase_order_id = $2 RETURNING id)
                 SELECT id FROM u`,
                [lineId, c.po.id, l.promisedDate],
              )
            : [];
          if (!updated) fail('NOT_FOUND', 'No such line on this purchase order', ['input', 'lines', i, 'lineId']);
        }
        await this.transitions.move(c, 'CONFIRMED', null);
      },
      invalid,
    );
  }

  async expedite(input: ExpeditePurchaseOrderInput, actor: Actor): Promise<PoResult> {
    const invalid = await validateInput(input);
    const today = shanghaiDay();
    const day = input.newExpectedDate;
    if (!invalid.length && day && (!isCalendarDay(day) || day < today))
      invalid.push(
        userError('INVALID_DATE', `newExpectedDate must be today (${today}) or later`, ['input', 'newExpectedDate']),
      );
    return this.step(
      input,
      actor,
      'EXPEDITE_PURCHASE_ORDER',
      async (c) => {
        if (!AWAITING_GOODS_STATUSES.includes(c.po.status))
          fail('ILLEGAL_TRANSITION', `A purchase order that is ${c.po.status} is not waiting for goods`, [
            'input',
            'purchaseOrderId',
          ]);
        await c.tx.m.query(
          `INSERT INTO purchase_order_contact (purchase_order_id, note, new_expected_date, actor) VALUES ($1, $2, $3, $4)`,
          [c.po.id, input.note.trim(), day ?? null, actorLabel(actor)],
        );
        if (day)
          await c.tx.m.query(
            `UPDATE purchase_order_line SET expected_date = $2 WHERE purchase_order_id = $1 AND accepted_qty < quantity`,
            [c.po.id, day],
          );
        c.po.lastExpeditedAt = new Date();
        if (day) c.po.overdueFlaggedAt = null;
        c.record('EXPEDITED', day ? `${input.note.trim()} (now expected ${day})` : input.note.trim());
      },
      invalid,
    );
  }

  async cancel(input: CancelPurchaseOrderInput, actor: Actor): Promise<PoResult> {
    const invalid = await validateInput(input);
    return this.step(
      input,
      actor,
      'CANCEL_PURCHASE_ORDER',
      async (c) => {
        if (c.po.status === 'PARTIALLY_RECEIVED')
          fail('ILLEGAL_TRANSITION', 'Goods were received on this purchase order; it cannot be cancelled', [
            'input',
            'purchaseOrderId',
          ]);
        await this.transitions.move(c, 'CANCELLED', input.reason.trim());
      },
      invalid,
    );
  }

  /** Closes a received order, or short-closes a partly received one: the rest is no longer on order. */
  async close(input: ClosePurchaseOrderInput, actor: Actor): Promise<PoResult> {
    const invalid = await validateInput(input);
    return this.step(
      input,
      actor,
      'CLOSE_PURCHASE_ORDER',
      async (c) => this.transitions.move(c, 'CLOSED', input.reason.trim()),
      invalid,
    );
  }

  /**
   * The daily expediting check: each open order past its expected date, not flagged since its date
   * last moved, gets an OVERDUE event (a live alert for managers). Returns how many were flagged.
   */
  async flagOverdue(actor: Actor, today = shanghaiDay()): Promise<number> {
    const due: { id: string }[] = await this.ds.query(
      `SELECT id FROM purchase_order WHERE status IN (${AWAITING_GOODS_SQL})
          AND expected_date < $1::date AND overdue_flagged_at IS NULL ORDER BY expected_date, id`,
      [today],
    );
    let flagged = 0;
    for (const { id } of due) {
      const r = await this.mutations.run(actor, { action: 'FLAG_OVERDUE_PURCHASE_ORDER' }, async (tx) => {
        const po = await this.transitions.lock(tx, id);
        if (po.overdueFlaggedAt || !po.expectedDate || po.expectedDate >= today) return { flagged: false };
        const c = this.transitions.begin(tx, po);
        po.overdueFlaggedAt = new Date();
        c.record('OVERDUE', `Expected ${po.expectedDate}; goods still outstanding`);
        await this.transitions.save(c, null);
        return { flagged: true };
      });
      if (r.flagged) flagged++;
    }
    return flagged;
  }

  /** One change of one purchase order: lock, work, save with its events and audit row. */
  private async step(
    input: { purchaseOrderId: string },
    actor: Actor,
    action: string,
    work: (c: PurchaseOrderChange) => Promise<void>,
    invalid: UserError[] = [],
  ): Promise<PoResult> {
    return this.mutations.run(actor, { action, targetType: 'PurchaseOrder', invalid }, async (tx) => {
      const po = await this.transitions.lock(tx, localId(input.purchaseOrderId, 'PurchaseOrder'));
      const c = this.transitions.begin(tx, po);
      await work(c);
      return { purchaseOrder: await this.transitions.save(c, action) };
    });
  }

  /** A suspended supplier takes no orders; a BLOCKED standing needs a manager's override with a reason. */
  private async checkSupplier(c: PurchaseOrderChange, overrideReason: string | null | undefined): Promise<void> {
    const [s]: SupplierRow[] = await c.tx.m.query(`SELECT id, code, status, standing FROM supplier WHERE id = $1`, [
      c.po.supplierId,
    ]);
    this.checkOrderable(c.tx, s, overrideReason ?? c.po.overrideReason, ['input', 'overrideReason']);
    if (overrideReason?.trim()) c.po.overrideReason = overrideReason.trim();
  }

  private checkOrderable(tx: Tx, s: SupplierRow, overrideReason: string | null | undefined, field: string[]): void {
    if (s.status === 'SUSPENDED')
      fail('SUPPLIER_SUSPENDED', `Supplier ${s.code} is suspended; reinstate it or choose another`, [
        'input',
        'supplierId',
      ]);
    if (!standingBlocksOrders(s.standing)) return;
    if (!overrideReason?.trim())
      fail(
        'SUPPLIER_BLOCKED',
        `Supplier ${s.code}'s scorecard standing is BLOCKED; a manager must give an overrideReason`,
        field,
      );
    if (!tx.actor.principal?.permissions.has('PURCHASE_ORDER_OVERRIDE'))
      fail(
        'SUPPLIER_BLOCKED',
        `Only a manager (PURCHASE_ORDER_OVERRIDE) may order from ${s.code} while it is BLOCKED`,
        field,
      );
  }

  private checkLines(input: CreatePurchaseOrderInput): UserError[] {
    const errors: UserError[] = [];
    const today = shanghaiDay();
    const seen = new Set<string>();
    for (const [i, l] of (input.lines ?? []).entries()) {
      if (seen.has(l.sku))
        errors.push(userError('INVALID_INPUT', `${l.sku} appears on two lines`, ['input', 'lines', i, 'sku']));
      seen.add(l.sku);
      if (l.promisedDate && (!isCalendarDay(l.promisedDate) || l.promisedDate < today))
        errors.push(
          userError('INVALID_DATE', `promisedDate must be today (${today}) or later`, [
            'input',
            'lines',
            i,
            'promisedDate',
          ]),
        );
    }
    return errors;
  }

  private async supplier(tx: Tx, id: string | null, field: string[]): Promise<SupplierRow> {
    const [s]: SupplierRow[] = id
      ? await tx.m.query(`SELECT id, code, status, standing FROM supplier WHERE id = $1 FOR SHARE`, [id])
      : [];
    return s ?? fail('UNKNOWN_SUPPLIER', 'No supplier with this id', field);
  }

  private async linesByHand(tx: Tx, input: CreatePurchaseOrderInput) {
    const supplier = await this.supplier(tx, localId(input.supplierId!, 'Supplier'), ['input', 'supplierId']);
    this.checkOrderable(tx, supplier, input.overrideReason, ['input', 'overrideReason']);
    const [w] = await tx.m.query(`SELECT id FROM warehouse WHERE code = $1`, [input.warehouseCode]);
    if (!w) fail('UNKNOWN_WAREHOUSE', `Unknown warehouse ${input.warehouseCode}`, ['input', 'warehouseCode']);
    const rows: OfferFacts[] = await tx.m.query(OFFER_FACTS_SQL, [supplier.id, w.id, input.lines!.map((l) => l.sku)]);
    const bySku = new Map(rows.map((r) => [r.sku, r]));
    const lines = input.lines!.map((l, i): DraftLine => {
      const field = ['input', 'lines', i];
      const o = bySku.get(l.sku) ?? fail('UNKNOWN_SKU', `Unknown SKU ${l.sku}`, [...field, 'sku']);
      if (!o.stocked) fail('NOT_FOUND', `Warehouse ${input.warehouseCode} does not stock ${l.sku}`, [...field, 'sku']);
      if (o.offer_id === null)
        fail('NO_OFFER', `Supplier ${supplier.code} has no active offer for ${l.sku}`, [...field, 'sku']);
      if (l.quantity < o.min_order_qty)
        fail('INVALID_QUANTITY', `${supplier.code} sells ${l.sku} from ${o.min_order_qty} units`, [
          ...field,
          'quantity',
        ]);
      if (l.quantity % o.pack_multiple !== 0)
        fail('INVALID_QUANTITY', `${l.sku} comes in packs of ${o.pack_multiple}`, [...field, 'quantity']);
      return {
        productId: o.product_id,
        sku: l.sku,
        productName: o.name,
        quantity: l.quantity,
        unitPriceFen: l.unitPrice ? decimalToFen(l.unitPrice) : o.unit_price_fen,
        promisedDate: l.promisedDate ?? null,
        quotedLeadDays: o.lead_time_days,
        requirementIds: [],
      };
    });
    return { supplierId: supplier.id, warehouseId: w.id as string, lines };
  }

  /** Open requirements, grouped per supplier and warehouse: one order each, lines rounded to the offer's packs. */
  private async linesFromRequirements(tx: Tx, input: CreatePurchaseOrderInput) {
    const ids = input.requirementIds!.map((g) => localId(g, 'PurchaseRequirement'));
    const bad = ids.findIndex((id) => !id);
    if (bad >= 0) fail('NOT_FOUND', 'No requirement with this id', ['input', 'requirementIds', bad]);
    const reqs: {
      id: string;
      product_id: string;
      warehouse_id: string;
      sku: string;
      quantity: number;
      status: string;
      suggested_supplier_id: string | null;
    }[] = await tx.m.query(
      `SELECT id, product_id, warehouse_id, sku, quantity, status, suggested_supplier_id FROM purchase_requirement
          WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`,
      [[...new Set(ids)]],
    );
    const byId = new Map(reqs.map((r) => [r.id, r]));
    ids.forEach((id, i) => {
      const r = byId.get(id!) ?? fail('NOT_FOUND', 'No requirement with this id', ['input', 'requirementIds', i]);
      if (r.status !== 'OPEN')
        fail('REQUIREMENT_NOT_OPEN', `Requirement for ${r.sku} is ${r.status}`, ['input', 'requirementIds', i]);
    });
    const chosen = input.supplierId ? localId(input.supplierId, 'Supplier') : null;
    if (input.supplierId && !chosen) fail('UNKNOWN_SUPPLIER', 'No supplier with this id', ['input', 'supplierId']);
    const groups = new Map<string, typeof reqs>();
    for (const r of reqs) {
      const supplierId = chosen ?? r.suggested_supplier_id;
      if (!supplierId)
        fail('NO_OFFER', `No supplier was suggested for ${r.sku}; choose one with supplierId`, ['input', 'supplierId']);
      const k = `${supplierId}/${r.warehouse_id}`;
      groups.set(k, [...(groups.get(k) ?? []), r]);
    }
    const result = [];
    for (const [k, group] of groups) {
      const [supplierId, warehouseId] = k.split('/');
      const supplier = await this.supplier(tx, supplierId, ['input', 'supplierId']);
      this.checkOrderable(tx, supplier, input.overrideReason, ['input', 'overrideReason']);
      const offers: OfferFacts[] = await tx.m.query(OFFER_FACTS_SQL, [
        supplierId,
        warehouseId,
        [...new Set(group.map((r) => r.sku))],
      ]);
      const offerOf = new Map(offers.map((o) => [o.sku, o]));
      const byProduct = new Map<string, DraftLine>();
      for (const r of group) {
        const o = offerOf.get(r.sku)!;
        if (o.offer_id === null)
          fail('NO_OFFER', `Supplier ${supplier.code} has no active offer for ${r.sku}`, ['input', 'requirementIds']);
        const line = byProduct.get(r.product_id) ?? {
          productId: r.product_id,
          sku: r.sku,
          productName: o.name,
          quantity: 0,
          unitPriceFen: o.unit_price_fen,
          promisedDate: null,
          quotedLeadDays: o.lead_time_days,
          requirementIds: [],
        };
        line.quantity += r.quantity;
        line.requirementIds.push(r.id);
        byProduct.set(r.product_id, line);
      }
      const lines = [...byProduct.values()].map((l) => {
        const o = offerOf.get(l.sku)!;
        return { ...l, quantity: orderQuantity(l.quantity, o.min_order_qty, o.pack_multiple) };
      });
      result.push({ supplierId, warehouseId, lines });
    }
    return result;
  }

  private async insert(
    tx: Tx,
    g: { supplierId: string; warehouseId: string; lines: DraftLine[] },
    input: CreatePurchaseOrderInput,
    key: string | null,
  ): Promise<PurchaseOrder> {
    const [row] = await tx.m.query(
      `INSERT INTO purchase_order (number, supplier_id, warehouse_id, status, override_reason, note, created_by, idempotency_key)
       VALUES ('PO-' || lpad(nextval('purchase_order_number_seq')::text, 6, '0'), $1, $2, 'DRAFT', $3, $4, $5, $6) RETURNING *`,
      [
        g.supplierId,
        g.warehouseId,
        input.overrideReason?.trim() || null,
        input.note?.trim() || null,
        actorLabel(tx.actor),
        key,
      ],
    );
    await tx.m.query(
      `INSERT INTO purchase_order_line (purchase_order_id, line_no, product_id, sku, product_name, quantity, unit_price_fen,
                                        promised_date, requirement_ids, quoted_lead_days)
       SELECT $1, d.ord::int, d.product_id, d.sku, d.name, d.quantity, d.price, d.promised, d.reqs::uuid[], d.lead
         FROM unnest($2::uuid[], $3::text[], $4::text[], $5::int[], $6::int[], $7::date[], $8::text[], $9::int[])
              WITH ORDINALITY AS d(product_id, sku, name, quantity, price, promised, reqs, lead, ord)`,
      [
        row.id,
        g.lines.map((l) => l.productId),
        g.lines.map((l) => l.sku),
        g.lines.map((l) => l.productName),
        g.lines.map((l) => l.quantity),
        g.lines.map((l) => l.unitPriceFen),
        g.lines.map((l) => l.promisedDate),
        g.lines.map((l) => `{${l.requirementIds.join(',')}}`),
        g.lines.map((l) => l.quotedLeadDays),
      ],
    );
    const reqIds = g.lines.flatMap((l) => l.requirementIds);
    if (reqIds.length)
      await tx.m.query(
        `UPDATE purchase_requirement SET status = 'ORDERED', purchase_order_id = $1, updated_at = now() WHERE id = ANY($2::uuid[])`,
        [row.id, reqIds],
      );
    const po = await tx.m.getRepository(PurchaseOrder).findOneByOrFail({ id: row.id });
    const c = this.transitions.begin(tx, po);
    c.events.push({
      type: 'CREATED',
      from: null,
      to: 'DRAFT',
      reason: reqIds.length ? `From ${reqIds.length} requirement(s)` : null,
    });
    return this.transitions.save(c, 'CREATE_PURCHASE_ORDER', { lines: g.lines.length, requirements: reqIds.length });
  }
}

interface OfferFacts {
  product_id: string;
  sku: string;
  name: string;
  stocked: boolean;
  offer_id: string | null;
  unit_price_fen: number;
  min_order_qty: number;
  pack_multiple: number;
  lead_time_days: number;
}

/** Each SKU's product, whether the warehouse stocks it, and the supplier's active offer for it. */
const OFFER_FACTS_SQL = `
SELECT p.id AS product_id, p.sku, p.name,
       EXISTS (SELECT 1 FROM stock_level sl WHERE sl.product_id = p.id AND sl.warehouse_id = $2) AS stocked,
       o.id AS offer_id, o.unit_price_fen, o.min_order_qty, o.pack_multiple, o.lead_time_days
  FROM product p LEFT JOIN supplier_offer o ON o.product_id = p.id AND o.supplier_id = $1 AND o.active
 WHERE p.sku = ANY($3::text[])`;
