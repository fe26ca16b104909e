import { logger } from '../common/logger';
import type { Caller } from './purchasing-traffic';

type Edges<N> = { edges: { node: N }[] };
type UserErrors = { userErrors: { code: string; message: string }[] };
interface Line {
  lineNo: number;
  quantity: number;
}

const pick = <T>(xs: readonly T[]) => xs[Math.floor(Math.random() * xs.length)];
/** What customers ask for: mostly a change of mind (non-fresh goods), now and then damage or quality. */
const ASKS = [
  { reason: 'CHANGED_MIND', note: '买多了,七天无理由退货', resolution: 'REFUND' },
  { reason: 'CHANGED_MIND', note: '不需要了,未拆封', resolution: 'STORE_CREDIT' },
  { reason: 'DAMAGED', note: '外箱压坏,商品变形', resolution: 'EXCHANGE' },
  { reason: 'NOT_AS_DESCRIBED', note: '和详情页描述不一致', resolution: 'REFUND' },
];

/**
 * Returns at a realistic pace, through the public API: now and then customer service asks for a return
 * of a delivered order (the policy refuses some, as it would a customer), approves what waits, and the
 * warehouse receives and inspects approved returns a few minutes later (mostly restocked, damage written
 * off), which refunds, credits or exchanges them.
 */
export class ReturnTraffic {
  constructor(
    private readonly agent: () => Caller,
    private readonly warehouse: () => Caller,
  ) {}

  async step(): Promise<void> {
    const api = this.agent();
    const roll = Math.random();
    if (roll < 0.4) {
      const delivered = await api.call<{ orders: Edges<{ id: string; number: string; lines: Line[] }> }>(
        `{ orders(first: 30, filter: { status: [DELIVERED] }) { edges { node { id number lines { lineNo quantity } } } } }`,
      );
      const order = delivered.orders.edges.length ? pick(delivered.orders.edges).node : null;
      if (!order) return;
      const ask = pick(ASKS);
      const line = pick(order.lines);
      const r = await api.call<{ requestReturn: UserErrors & { returnRequest: { number: string } | null } }>(
        `mutation($i: RequestReturnInput!) { requestReturn(input: $i) { returnRequest { number } userErrors { code message } } }`,
        {
          i: {
            orderId: order.id,
            reason: ask.reason,
            resolution: ask.resolution,
            note: ask.note,
            lines: [
              {
                lineNo: line.lineNo,
                quantity: Math.max(1, Math.min(line.quantity, 1 + Math.floor(Math.random() * 2))),
              },
            ],
            idempotencyKey: `demo-return-${Date.now()}-${Math.random().toString(36).slice(2)}`,
          },
        },
      );
      const p = r.requestReturn;
      logger.info(
        p.returnRequest
          ? `return ${p.returnRequest.number} asked for on ${order.number}`
          : `return of ${order.number} refused: ${p.userErrors[0]?.code}`,
      );
      return;
    }
    if (roll < 0.7) {
      const asked = await api.call<{ returnRequests: Edges<{ id: string; reason: string }> }>(
        `{ returnRequests(first: 10, filter: { status: REQUESTED }) { edges { node { id reason } } } }`,
      );
      const r = asked.returnRequests.edges.at(-1)?.node;
      if (!r) return;
      if (Math.random() < 0.1)
        await api.call(`mutation($i: DecideReturnInput!) { rejectReturn(input: $i) { userErrors { code message } } }`, {
          i: { returnId: r.id, reason: '商品已拆封使用,不符合七天无理由退货条件' },
        });
      else
        await api.call(
          `mutation($i: DecideReturnInput!) { approveReturn(input: $i) { userErrors { code message } } }`,
          { i: { returnId: r.id, reason: '符合退货政策' } },
        );
      return;
    }
    const approved = await this.warehouse().call<{
      returnRequests: Edges<{ id: string; number: string; reason: string; lines: Line[] }>;
    }>(
      `{ returnRequests(first: 10, filter: { status: APPROVED }) { edges { node { id number reason lines { lineNo quantity } } } } }`,
    );
    const r = approved.returnRequests.edges.at(-1)?.node;
    if (!r) return;
    const done = await this.warehouse().call<{ receiveReturn: UserErrors }>(
      `mutation($i: ReceiveReturnInput!) { receiveReturn(input: $i) { userErrors { code message } } }`,
      {
        i: {
          returnId: r.id,
          lines: r.lines.map((l) =>
            r.reason === 'DAMAGED'
              ? {
                  lineNo: l.lineNo,
                  received: l.quantity,
                  restock: 0,
                  damaged: l.quantity,
                  toSupplier: 0,
                  note: '破损,报损',
                }
              : {
                  lineNo: l.lineNo,
                  received: l.quantity,
                  restock: l.quantity,
                  damaged: 0,
                  toSupplier: 0,
                  note: '包装完好',
                },
          ),
        },
      },
    );
    logger.info(
      done.receiveReturn.userErrors.length
        ? `return ${r.number} not received: ${done.receiveReturn.userErrors[0].code}`
        : `return ${r.number} received and inspected`,
    );
  }
}
