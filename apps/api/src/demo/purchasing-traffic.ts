import { logger } from '../common/logger';

/** What the purchasing steps need of the demo's API client. */
export interface Caller {
  call<T = unknown>(query: string, variables?: Record<string, unknown>): Promise<T>;
}

type Edges<N> = { edges: { node: N }[] };
type UserErrors = { userErrors: { code: string; message: string }[] };
interface PoLine {
  id: string;
  sku: string;
  quantity: number;
  acceptedQty: number;
  outstandingQty: number;
  promisedDate: string | null;
}
interface Po {
  id: string;
  number: string;
  status: string;
  lines: PoLine[];
}

const PO_FIELDS = `id number status lines { id sku quantity acceptedQty outstandingQty promisedDate }`;
const REASONS = ['DAMAGED', 'QUALITY', 'WRONG_SPEC', 'EXPIRED'] as const;
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)];

/** YYYY-MM-DD in Shanghai, `days` from today. */
function shanghaiDay(days: number): string {
  return new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The purchasing side of the demo: purchasers send drafts, suppliers confirm with promised dates,
 * warehouse staff receive (sometimes part, now and then with rejects), and the morning's requirements
 * become new orders, so backorders clear as goods arrive. Refusals (userErrors) are counted and logged.
 */
export class PurchasingTraffic {
  readonly refused = new Map<string, number>();

  constructor(
    private readonly purchaser: () => Caller,
    private readonly receiver: () => Caller,
  ) {}

  async step(): Promise<void> {
    const roll = Math.random();
    if (roll < 0.45) await this.receive();
    else if (roll < 0.65) await this.confirm();
    else if (roll < 0.8) await this.send();
    else await this.orderRequirements();
  }

  private async orders(status: string[], first = 10): Promise<Po[]> {
    const d = await this.purchaser().call<{ purchaseOrders: Edges<Po> }>(
      `query($status: [PurchaseOrderStatus!]) { purchaseOrders(first: ${first}, filter: { status: $status }) { edges { node { ${PO_FIELDS} } } } }`,
      { status },
    );
    return d.purchaseOrders.edges.map((e) => e.node);
  }

  private refusal(action: string, po: string, r: UserErrors): boolean {
    if (!r.userErrors.length) return false;
    const code = r.userErrors[0].code;
    this.refused.set(code, (this.refused.get(code) ?? 0) + 1);
    logger.warn(
      { action, po, code, refusedSoFar: Object.fromEntries(this.refused) },
      `${action} ${po} refused: ${r.userErrors[0].message}`,
    );
    return true;
  }

  private async send(): Promise<void> {
    const po = pick(await this.orders(['DRAFT']));
    if (!po) return;
    const r = await this.purchaser().call<{ sendPurchaseOrder: UserErrors }>(
      `mutation($id: ID!) { sendPurchaseOrder(input: { purchaseOrderId: $id }) { userErrors { code message } } }`,
      { id: po.id },
    );
    if (!this.refusal('send', po.number, r.sendPurchaseOrder)) logger.info(`sent ${po.number} to the supplier`);
  }

  /** The supplier answers with a date per line, a few days out. */
  private async confirm(): Promise<void> {
    const po = pick(await this.orders(['SENT']));
    if (!po) return;
    const lines = po.lines.map((l) => ({ lineId: l.id, promisedDate: shanghaiDay(1 + Math.floor(Math.random() * 5)) }));
    const r = await this.purchaser().call<{ confirmPurchaseOrder: UserErrors }>(
      `mutation($input: ConfirmPurchaseOrderInput!) { confirmPurchaseOrder(input: $input) { userErrors { code message } } }`,
      { input: { purchaseOrderId: po.id, lines } },
    );
    if (!this.refusal('confirm', po.number, r.confirmPurchaseOrder))
      logger.info(`supplier confirmed ${po.number} for ${lines[0].promisedDate}`);
  }

  /** Goods arrive for a confirmed order: all or part of each line; about 5 % of receipts reject some units. */
  private async receive(): Promise<void> {
    const po = pick(await this.orders(['CONFIRMED', 'PARTIALLY_RECEIVED'], 20));
    if (!po) return;
    const partial = Math.random() < 0.25;
    const lines = po.lines
      .filter((l) => l.outstandingQty > 0)
      .map((l) => {
        const received = partial ? Math.max(1, Math.ceil(l.outstandingQty / 2)) : l.outstandingQty;
        const rejected = Math.random() < 0.05 ? Math.max(1, Math.round(received * 0.1)) : 0;
        return {
          lineId: l.id,
          received,
          accepted: received - rejected,
          rejected,
          ...(rejected ? { rejectionReason: pick(REASONS) } : {}),
        };
      });
    if (!lines.length) return;
    const r = await this.receiver().call<{
      receivePurchaseOrder: UserErrors & {
        goodsReceipt: { number: string; releasedOrders: { number: string }[] } | null;
        purchaseOrder: { status: string } | null;
      };
    }>(
      `mutation($input: ReceivePurchaseOrderInput!) { receivePurchaseOrder(input: $input) {
         goodsReceipt { number releasedOrders { number } } purchaseOrder { status } userErrors { code message } } }`,
      {
        input: {
          purchaseOrderId: po.id,
          lines,
          idempotencyKey: `demo-${Date.now()}-${Math.random().toString(36).slice(2)}`,
        },
      },
    );
    const p = r.receivePurchaseOrder;
    if (this.refusal('receive', po.number, p)) return;
    const rejected = lines.reduce((s, l) => s + l.rejected, 0);
    const released = p.goodsReceipt?.releasedOrders.map((o) => o.number) ?? [];
    logger.info(
      `received ${p.goodsReceipt?.number} on ${po.number} → ${p.purchaseOrder?.status}` +
        (rejected ? `, ${rejected} rejected` : '') +
        (released.length ? `; released backorders ${released.join(', ')}` : ''),
    );
  }

  /** The requirements run, then a few open requirements become orders to their suggested suppliers. */
  private async orderRequirements(): Promise<void> {
    if (Math.random() < 0.3) {
      const g = await this.purchaser().call<{
        generatePurchaseRequirements: UserErrors & { requirements: unknown[] | null };
      }>(`mutation { generatePurchaseRequirements(input: {}) { requirements { id } userErrors { code message } } }`);
      if (!this.refusal('generate requirements', '-', g.generatePurchaseRequirements))
        logger.info(`purchase requirements run: ${g.generatePurchaseRequirements.requirements?.length ?? 0} new`);
    }
    const d = await this.purchaser().call<{
      purchaseRequirements: Edges<{ id: string; number: string; suggestedSupplier: { id: string } | null }>;
    }>(
      `{ purchaseRequirements(first: 20, filter: { status: [OPEN] }) { edges { node { id number suggestedSupplier { id } } } } }`,
    );
    const open = d.purchaseRequirements.edges.map((e) => e.node).filter((r) => r.suggestedSupplier);
    if (!open.length) return;
    const chosen = open.sort(() => Math.random() - 0.5).slice(0, 1 + Math.floor(Math.random() * 4));
    const r = await this.purchaser().call<{
      createPurchaseOrder: UserErrors & { purchaseOrders: { number: string }[] | null };
    }>(
      `mutation($ids: [ID!]!, $key: String) { createPurchaseOrder(input: { requirementIds: $ids, idempotencyKey: $key }) {
         purchaseOrders { number } userErrors { code message } } }`,
      { ids: chosen.map((c) => c.id), key: `demo-${Date.now()}-${Math.random().toString(36).slice(2)}` },
    );
    if (!this.refusal('order requirements', chosen.map((c) => c.number).join(','), r.createPurchaseOrder))
      logger.info(
        `ordered ${chosen.map((c) => c.number).join(', ')} as ${r.createPurchaseOrder.purchaseOrders?.map((p) => p.number).join(', ')}`,
      );
  }
}
