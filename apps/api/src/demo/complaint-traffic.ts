import { logger } from '../common/logger';
import type { Caller } from './purchasing-traffic';

type Edges<N> = { edges: { node: N }[] };
type UserErrors = { userErrors: { code: string; message: string }[] };
interface Row {
  id: string;
  number: string;
  status: string;
  category: string;
}

const SAID: Record<string, string> = {
  LATE: '比预计送达时间晚了一个多小时',
  DAMAGED: '外包装破损,有一瓶漏了',
  WRONG_ITEM: '送来的规格和下单的不一样',
  MISSING_ITEM: '少了一件商品',
  QUALITY: '水果有点不新鲜',
  COURIER_SERVICE: '快递员没有提前打电话',
};
const CATEGORIES = Object.keys(SAID);
const CAUSE: Record<string, string> = {
  LATE: 'LATE_DELIVERY',
  DAMAGED: 'PACKING_DAMAGE',
  WRONG_ITEM: 'PICKING_ERROR',
  MISSING_ITEM: 'CHECK_MISSED',
  QUALITY: 'SUPPLIER_QUALITY',
  COURIER_SERVICE: 'COURIER_CONDUCT',
};
const pick = <T>(xs: readonly T[]) => xs[Math.floor(Math.random() * xs.length)];

/**
 * Customer service at a realistic pace, through the public API as the demo agent: now and then a
 * customer complains about a delivered order; open complaints are answered, investigated and resolved
 * over the following minutes, a few wait on the customer for a while.
 */
export class ComplaintTraffic {
  constructor(private readonly agent: () => Caller) {}

  async step(): Promise<void> {
    const api = this.agent();
    if (Math.random() < 0.35) {
      const delivered = await api.call<{ orders: Edges<{ id: string }> }>(
        `{ orders(first: 30, filter: { status: [DELIVERED] }) { edges { node { id } } } }`,
      );
      const order = delivered.orders.edges.length ? pick(delivered.orders.edges).node : null;
      if (order) {
        const category = pick(CATEGORIES);
        const r = await api.call<{ openComplaint: UserErrors & { complaint: { number: string } | null } }>(
          `mutation($i: OpenComplaintInput!) { openComplaint(input: $i) { complaint { number } userErrors { code message } } }`,
          {
            i: {
              orderId: order.id,
              channel: pick(['PHONE', 'CHAT', 'APP']),
              category,
              priority: Math.random() < 0.15 ? 'HIGH' : 'NORMAL',
              description: SAID[category],
            },
          },
        );
        if (r.openComplaint.complaint) logger.info(`complaint ${r.openComplaint.complaint.number} opened`);
      }
    }
    const open = await api.call<{ complaints: Edges<Row> }>(
      `{ complaints(first: 20, filter: { openOnly: true }) { edges { node { id number status category } } } }`,
    );
    const c = open.complaints.edges.length ? pick(open.complaints.edges).node : null;
    if (!c) return;
    const step = (query: string, i: Record<string, unknown>) =>
      api.call<Record<string, UserErrors>>(query, { i: { complaintId: c.id, ...i } });
    if (c.status === 'OPEN')
      await step(
        `mutation($i: ComplaintStepInput!) { acknowledgeComplaint(input: $i) { userErrors { code message } } }`,
        {
          note: '已联系客户,正在处理',
        },
      );
    else if (
      c.status === 'ACKNOWLEDGED' ||
      c.status === 'REOPENED' ||
      (c.status === 'WAITING_ON_CUSTOMER' && Math.random() < 0.5)
    )
      await step(
        `mutation($i: UpdateComplaintStatusInput!) { updateComplaintStatus(input: $i) { userErrors { code message } } }`,
        Math.random() < 0.2 && c.status !== 'WAITING_ON_CUSTOMER'
          ? { status: 'WAITING_ON_CUSTOMER', reason: '请客户提供照片' }
          : { status: 'INVESTIGATING' },
      );
    else if (c.status === 'INVESTIGATING' && Math.random() < 0.5)
      await step(
        `mutation($i: ResolveComplaintInput!) { resolveComplaint(input: $i) { userErrors { code message } } }`,
        {
          rootCause: CAUSE[c.category] ?? 'NO_FAULT_FOUND',
          outcome: c.category === 'LATE' ? 'COMPENSATION' : c.category === 'QUALITY' ? 'REFUND' : 'REDELIVERY',
          note: '已向客户致歉并处理',
        },
      );
  }
}
