import { DataSource } from 'typeorm';
import { permissionsOfRole, type ReturnReason, type Role } from '@fulfilment/domain';
import { createServices } from '../../app/services';
import { Actor } from '../../common/actor';
import { toGlobalId } from '../../common/global-id';
import type { InspectedLineInput, RequestReturnInput } from '../../modules/returns/return.inputs';
import { Random } from './random';

/** A demo staff member (the demo users exist by now), acting as in the dashboard. */
function staff(id: string, email: string, role: Role): Actor {
  return {
    principal: {
      kind: 'USER',
      id,
      name: email,
      role,
      permissions: permissionsOfRole(role),
      sessionId: null,
      expiresAt: null,
    },
    requestId: 'seed',
    clientIp: null,
  };
}

/** What customers say when they ask, by reason. */
const SAID: Record<ReturnReason, string[]> = {
  QUALITY: ['收到的商品有质量问题,申请退货', '用了一次就坏了', '有明显的划痕和瑕疵'],
  DAMAGED: ['外箱压坏,商品也变形了', '瓶子裂了,漏了一半'],
  WRONG_ITEM: ['发来的规格和订单不一样', '颜色发错了'],
  MISSING_ITEM: ['少发了一件'],
  NOT_AS_DESCRIBED: ['和详情页的描述不一致', '实物比图片小很多', 'Not what the product page showed'],
  CHANGED_MIND: ['买多了,七天无理由退货', '家里已经有了,不需要了', 'Ordered by mistake, unopened'],
};
/** Why customer service turns a return down (the customer is told). */
const REJECTED = [
  '商品已拆封并使用,影响二次销售,不符合七天无理由退货条件',
  '照片显示商品完好,与描述一致;如有疑问请联系客服',
  '赠品未随商品一并退回,请补齐后重新申请',
  'The photos show the item in use; unopened goods only for a change of mind',
];

type Fate = 'REQUESTED' | 'APPROVED' | 'REJECTED' | 'RESOLVED';
interface Candidate {
  id: string;
  number: string;
  delivered_at: Date;
  complaint_id: string | null;
  root_cause: string | null;
  complaint_at: Date | null;
  lines: { lineNo: number; quantity: number; fresh: boolean }[];
}
interface Plan {
  order: Candidate;
  reason: ReturnReason;
  fate: Fate;
  resolution?: 'REFUND' | 'EXCHANGE' | 'STORE_CREDIT';
}

/** Complaints resolved with a cause that is our error bring a return for that reason (the same order). */
const REASON_OF_CAUSE: Record<string, ReturnReason> = {
  PICKING_ERROR: 'WRONG_ITEM',
  PACKING_DAMAGE: 'DAMAGED',
  SUPPLIER_QUALITY: 'QUALITY',
};

const HOUR = 3_600_000;

/**
 * Returns of the last week in every status the API reaches, through the returns module itself:
 * customer service asks for them on delivered orders within the policy (returns for our error — wrong
 * item, damage — only on orders whose complaint was resolved with that cause, so they add no order to the
 * error rate; quality returns of fresh food within 24 hours), approves most and rejects a few with a
 * reason; the warehouse receives and inspects the approved ones that came back (mostly restocked, damaged
 * goods written off, quality problems back to the supplier), which refunds them. Then each story is set
 * back to when it happened (request, decision, receipt; the refund with the receipt). Runs once the demo
 * users exist, after the complaints.
 */
export async function seedReturns(ds: DataSource, seed: number): Promise<Record<string, number>> {
  const rnd = new Random(seed).fork('returns');
  const services = createServices(ds, { authSecret: undefined, tokenTtlMinutes: 60, sessionHours: 8 });
  const users: { id: string; email: string }[] = await ds.query(
    `SELECT id, email FROM staff_user WHERE email IN ('service@demo.local', 'warehouse@demo.local')`,
  );
  const idOf = (email: string) => users.find((u) => u.email === email)?.id;
  const serviceId = idOf('service@demo.local');
  const warehouseId = idOf('warehouse@demo.local');
  if (!serviceId || !warehouseId) return {};
  const agent = staff(serviceId, 'service@demo.local', 'CUSTOMER_SERVICE');
  const warehouse = staff(warehouseId, 'warehouse@demo.local', 'WAREHOUSE');

  // Orders delivered in the last six and a half days (the policy's window is seven), oldest first.
  const candidates: Candidate[] = await ds.query(
    `SELECT o.id, o.number, d.at AS delivered_at, c.id AS complaint_id, c.root_cause, c.opened_at AS complaint_at,
            json_agg(json_build_object('lineNo', l.line_no, 'quantity', l.quantity,
                                       'fresh', p.packaging && ARRAY['PERISHABLE', 'COLD_CHAIN']) ORDER BY l.line_no) AS lines
       FROM orders o
       JOIN LATERAL (SELECT max(e.created_at) AS at FROM order_event e WHERE e.order_id = o.id AND e.to_status = 'DELIVERED') d ON true
       LEFT JOIN LATERAL (SELECT c.id, c.root_cause, c.opened_at FROM complaint c WHERE c.order_id = o.id
                           ORDER BY c.opened_at LIMIT 1) c ON true
       JOIN order_line l ON l.order_id = o.id
       JOIN product p ON p.id = l.product_id
      WHERE o.status = 'DELIVERED' AND d.at BETWEEN now() - interval '6 days 12 hours' AND now() - interval '20 minutes'
      GROUP BY o.id, o.number, d.at, c.id, c.root_cause, c.opened_at
      ORDER BY d.at, o.number`,
  );
  const now = Date.now();
  const age = (o: Candidate) => now - new Date(o.delivered_at).getTime();
  const plans: Plan[] = [];
  const used = new Set<string>();
  const take = (o: Candidate, reason: ReturnReason, fate: Fate, resolution?: Plan['resolution']) => {
    used.add(o.id);
    plans.push({ order: o, reason, fate, resolution });
  };

  // After a complaint resolved with our error or the supplier's quality: the goods come back.
  const complained = candidates.filter((o) => o.root_cause && REASON_OF_CAUSE[o.root_cause]);
  for (const [i, o] of complained.entries()) {
    const reason = REASON_OF_CAUSE[o.root_cause!];
    take(o, reason, i % 4 === 3 ? 'APPROVED' : 'RESOLVED', i % 3 === 1 ? 'EXCHANGE' : undefined);
  }
  // Other returns are the customer's own reasons (not our error), on orders without a complaint.
  const free = candidates.filter((o) => !o.complaint_id);
  const older = free.filter((o) => age(o) > 36 * HOUR);
  const newer = free.filter((o) => age(o) <= 36 * HOUR);
  const OWN: ReturnReason[] = ['CHANGED_MIND', 'CHANGED_MIND', 'CHANGED_MIND', 'NOT_AS_DESCRIBED', 'QUALITY'];
  const pickFrom = (pool: Candidate[]) => {
    const left = pool.filter((o) => !used.has(o.id));
    return left.length ? left[rnd.int(0, left.length - 1)] : null;
  };
  const want: [Fate, number, Candidate[]][] = [
    ['RESOLVED', 12, older],
    ['REJECTED', 4, older],
    ['APPROVED', 5, free],
    ['REQUESTED', 6, newer],
  ];
  for (const [fate, n, pool] of want)
    for (let k = 0; k < n; k++) {
      const o = pickFrom(pool) ?? pickFrom(free);
      if (!o) break;
      const resolution = fate === 'RESOLVED' && k % 5 === 2 ? 'STORE_CREDIT' : undefined;
      take(o, OWN[rnd.int(0, OWN.length - 1)], fate, resolution);
    }

  const made: Record<string, number> = {};
  for (const [i, p] of plans.entries()) {
    const o = p.order;
    const deliveredAt = new Date(o.delivered_at).getTime();
    // Fresh food comes back only for quality within 24 hours; other goods within the week.
    const freshOk = p.reason === 'QUALITY' && now - deliveredAt < 23 * HOUR;
    const eligible = o.lines.filter((l) => !l.fresh || freshOk);
    if (!eligible.length) continue;
    const lines = eligible
      .filter((_, k) => k === 0 || rnd.chance(0.3))
      .map((l) => ({ lineNo: l.lineNo, quantity: l.quantity > 1 && rnd.chance(0.6) ? 1 : l.quantity }));
    const said = SAID[p.reason][rnd.int(0, SAID[p.reason].length - 1)];
    const input = {
      orderId: toGlobalId('Order', o.id),
      reason: p.reason,
      lines,
      note: said,
      complaintId: o.complaint_id ? toGlobalId('Complaint', o.complaint_id) : undefined,
      idempotencyKey: `seed-return-${o.number}`,
      resolution: p.resolution ?? 'REFUND',
    } as RequestReturnInput;
    const asked = await services.returns.request(input, agent);
    if (!asked.returnRequest) continue;
    const id = toGlobalId('ReturnRequest', asked.returnRequest.id);
    if (p.fate === 'REJECTED')
      await services.returns.reject({ returnId: id, reason: REJECTED[i % REJECTED.length] }, agent);
    else if (p.fate !== 'REQUESTED') await services.returns.approve({ returnId: id, reason: '符合退货政策' }, agent);
    if (p.fate === 'RESOLVED') {
      const inspected: InspectedLineInput[] = lines.map((l) => {
        // Now and then fewer units come back than were asked for.
        const received = l.quantity > 1 && rnd.chance(0.15) ? l.quantity - 1 : l.quantity;
        const opened = p.reason === 'CHANGED_MIND' && received > 0 && rnd.chance(0.15) ? 1 : 0;
        const split =
          p.reason === 'DAMAGED'
            ? { restock: 0, damaged: received, toSupplier: 0, note: '外包装及商品破损,报损' }
            : p.reason === 'QUALITY'
              ? { restock: 0, damaged: 0, toSupplier: received, note: '质量问题,退回供应商' }
              : opened
                ? { restock: received - 1, damaged: 1, toSupplier: 0, note: '一件已拆封,无法二次销售' }
                : { restock: received, damaged: 0, toSupplier: 0, note: '包装完好,重新上架' };
        return { lineNo: l.lineNo, received, ...split };
      });
      await services.returns.receive({ returnId: id, lines: inspected }, warehouse);
    }
    // Set the story back to when it happened: asked after delivery (and after the complaint), decided
    // within hours, the goods back one to three days later. Exchanges arrived within the last hour: their
    // replacement order is placed now.
    const after = Math.max(deliveredAt, o.complaint_at ? new Date(o.complaint_at).getTime() : 0) + 10 * 60_000;
    const span = Math.max(0, now - after);
    const asked_ =
      p.fate === 'REQUESTED'
        ? now - Math.min(span, (0.2 + rnd.next() * 6) * HOUR)
        : after + span * (p.fate === 'RESOLVED' ? 0.05 + rnd.next() * 0.2 : 0.1 + rnd.next() * 0.5);
    const decided = asked_ + Math.min((now - asked_) * 0.3, (0.3 + rnd.next() * 3) * HOUR);
    const received =
      p.resolution === 'EXCHANGE'
        ? now - (5 + rnd.next() * 40) * 60_000
        : decided + Math.min((now - decided) * 0.9, (20 + rnd.next() * 50) * HOUR);
    await ds.query(
      `WITH t AS (SELECT $2::timestamptz AS asked, $3::timestamptz AS decided, greatest($4::timestamptz, $3::timestamptz) AS received),
            r AS (UPDATE return_request SET requested_at = t.asked, created_at = t.asked,
                         decided_at = CASE WHEN decided_at IS NULL THEN NULL ELSE t.decided END,
                         received_at = CASE WHEN received_at IS NULL THEN NULL ELSE t.received END,
                         resolved_at = CASE WHEN resolved_at IS NULL THEN NULL ELSE t.received END,
                         updated_at = CASE WHEN received_at IS NOT NULL THEN t.received WHEN decided_at IS NOT NULL THEN t.decided ELSE t.asked END
                    FROM t WHERE id = $1 RETURNING id),
            f AS (UPDATE refund SET created_at = t.received FROM t WHERE return_id = $1 RETURNING id)
       UPDATE return_event e SET created_at = CASE WHEN e.type = 'REQUESTED' THEN t.asked
                                                   WHEN e.to_status IN ('APPROVED', 'REJECTED') THEN t.decided
                                                   ELSE t.received END + e.sequence * interval '1 millisecond'
         FROM t WHERE e.return_id = $1`,
      [asked.returnRequest.id, new Date(asked_), new Date(decided), new Date(received)],
    );
    made[p.fate] = (made[p.fate] ?? 0) + 1;
  }
  return made;
}
