import { DataSource } from 'typeorm';
import {
  COMPLAINT_OUTCOMES,
  ComplaintCategory,
  ComplaintPriority,
  permissionsOfRole,
  RootCause,
} from '@fulfilment/domain';
import { createServices } from '../../app/services';
import { Actor } from '../../common/actor';
import { toGlobalId } from '../../common/global-id';
import { Random } from './random';

/** The demo's customer-service agent (the demo users exist by now), acting as in the dashboard. */
function agentOf(id: string): Actor {
  return {
    principal: {
      kind: 'USER',
      id,
      name: 'service@demo.local',
      role: 'CUSTOMER_SERVICE',
      permissions: permissionsOfRole('CUSTOMER_SERVICE'),
      sessionId: null,
      expiresAt: null,
    },
    requestId: 'seed',
    clientIp: null,
  };
}

/** What customers say, by category. */
const SAID: Record<ComplaintCategory, string[]> = {
  QUALITY: ['草莓有几颗已经发霉了', '牛奶打开后有酸味', '大米里有小虫'],
  LATE: ['说好下午送到,晚上九点才到', '预计送达时间过了两个小时还没到'],
  DAMAGED: ['箱子被压扁,两瓶水漏了', '鸡蛋碎了三个'],
  WRONG_ITEM: ['买的是全脂牛奶,送来的是脱脂的', '洗衣液的规格不对'],
  MISSING_ITEM: ['少了一袋面粉', '订单里的酸奶没有送到'],
  COURIER_SERVICE: ['快递员态度很差', '没打电话就把东西放在门口了'],
  OTHER: ['发票抬头开错了', '想修改收货电话'],
};
const CAUSE: Record<ComplaintCategory, RootCause> = {
  QUALITY: 'SUPPLIER_QUALITY',
  LATE: 'LATE_DELIVERY',
  DAMAGED: 'PACKING_DAMAGE',
  WRONG_ITEM: 'PICKING_ERROR',
  MISSING_ITEM: 'CHECK_MISSED',
  COURIER_SERVICE: 'COURIER_CONDUCT',
  OTHER: 'CUSTOMER_EXPECTATION',
};
const CATEGORIES = Object.keys(SAID) as ComplaintCategory[];

/** Customer service's knowledge base to start with: [category, locale, title, text]. */
const REPLIES: [ComplaintCategory | null, string, string, string][] = [
  [null, 'zh-CN', '受理确认', '您好,您的反馈我们已收到,将在24小时内给您答复,感谢您的耐心。'],
  [
    null,
    'en',
    'We have it',
    'Hello, we have received your message and will answer within 24 hours. Thank you for your patience.',
  ],
  ['LATE', 'zh-CN', '延迟致歉', '非常抱歉本次配送延迟,我们已为您发放一张10元优惠券,并督促配送站改进。'],
  [
    'LATE',
    'en',
    'Sorry for the delay',
    'We are sorry your delivery came late. We have added a ¥10 voucher to your account.',
  ],
  ['DAMAGED', 'zh-CN', '破损补发', '很抱歉商品在运输中受损,我们将为您免费补发,无需退回破损商品。'],
  [
    'DAMAGED',
    'en',
    'Damaged: we resend',
    'We are sorry the goods arrived damaged. We will send a replacement at no cost; no need to return them.',
  ],
  ['WRONG_ITEM', 'zh-CN', '错发换货', '很抱歉给您发错了商品,快递员将上门取回并送上正确的商品。'],
  ['QUALITY', 'zh-CN', '质量问题退款', '非常抱歉商品质量未达到您的期望,我们已为您办理退款,并已反馈给供应商。'],
  ['MISSING_ITEM', 'zh-CN', '漏发补发', '很抱歉订单中漏发了商品,我们已安排今日补发。'],
  ['COURIER_SERVICE', 'zh-CN', '服务致歉', '感谢您的反馈,我们已与配送员沟通并加强培训,给您带来不便深表歉意。'],
];

/**
 * Complaints of the last two days in every state, through the complaint module itself: about
 * delivered orders, some answered and resolved, some waiting on the customer, some still open; their
 * clocks set back to when they arrived, then swept, so a few are at risk or breached and escalated.
 * Runs once the demo users exist (after a fresh demo seed), as the demo's agent.
 */
export async function seedComplaints(ds: DataSource, seed: number): Promise<number> {
  const rnd = new Random(seed).fork('complaints');
  const services = createServices(ds, { authSecret: undefined, tokenTtlMinutes: 60, sessionHours: 8 });
  const [owner] = await ds.query(`SELECT id FROM staff_user WHERE email = 'service@demo.local'`);
  if (!owner) return 0;
  const agent = agentOf(owner.id);
  const orders: { id: string; number: string }[] = await ds.query(
    `SELECT id, number FROM orders WHERE status = 'DELIVERED' ORDER BY number DESC LIMIT 60`,
  );
  let made = 0;
  for (const [i, o] of orders.entries()) {
    if (i >= 36) break;
    const category = CATEGORIES[Math.floor(rnd.next() * CATEGORIES.length)];
    const priority: ComplaintPriority = rnd.next() < 0.1 ? 'URGENT' : rnd.next() < 0.25 ? 'HIGH' : 'NORMAL';
    const said = SAID[category][Math.floor(rnd.next() * SAID[category].length)];
    const opened = await services.complaints.open(
      {
        orderId: toGlobalId('Order', o.id),
        channel: (['PHONE', 'CHAT', 'EMAIL', 'APP'] as const)[i % 4],
        category,
        priority,
        description: said,
        idempotencyKey: `seed-${o.number}`,
      },
      agent,
    );
    const c = opened.complaint!;
    const id = toGlobalId('Complaint', c.id);
    // Hours ago it arrived, and how far it got: the newest are still open.
    const hoursAgo = i < 6 ? 0.2 + rnd.next() * 2.2 : i < 14 ? 2 + rnd.next() * 10 : 4 + rnd.next() * 40;
    if (i >= 4) await services.complaints.acknowledge({ complaintId: id, note: '已致电客户,正在核实' }, agent);
    if (i >= 8 && i % 5 === 0)
      await services.complaints.updateStatus(
        { complaintId: id, status: 'WAITING_ON_CUSTOMER', reason: '请客户提供照片' },
        agent,
      );
    else if (i >= 8) await services.complaints.updateStatus({ complaintId: id, status: 'INVESTIGATING' }, agent);
    if (i >= 16 && i % 5 !== 0 && i % 7 !== 3) {
      const outcome =
        category === 'QUALITY' || category === 'DAMAGED' ? 'REFUND' : COMPLAINT_OUTCOMES[i % COMPLAINT_OUTCOMES.length];
      await services.complaints.resolve(
        { complaintId: id, rootCause: CAUSE[category], outcome, note: '已向客户致歉并处理完毕' },
        agent,
      );
      if (i % 3 === 0) await services.complaints.updateStatus({ complaintId: id, status: 'CLOSED' }, agent);
    }
    // Back-date the whole story by the complaint's age (clock and history alike).
    await ds.query(
      `WITH shift AS (SELECT $2 * interval '1 hour' AS d)
       UPDATE complaint SET opened_at = opened_at - d, started_at = started_at - d, paused_since = paused_since - d,
              responded_at = CASE WHEN responded_at IS NULL THEN NULL
                                  ELSE least(opened_at - d + $3 * interval '1 minute', now()) END,
              resolved_at = resolved_at - d + $4 * interval '1 hour', closed_at = closed_at - d + $4 * interval '1 hour',
              due_at = due_at - d, created_at = created_at - d, owner_id = coalesce(owner_id, $5::uuid)
         FROM shift WHERE id = $1`,
      [
        c.id,
        hoursAgo,
        20 + Math.floor(rnd.next() * 90),
        Math.min(hoursAgo * 0.8, 3 + rnd.next() * 18),
        owner?.id ?? null,
      ],
    );
    // Looked at again by the sweep below, which reads the back-dated clock.
    await ds.query(
      `INSERT INTO complaint_clock (complaint_id, next_check_at) VALUES ($1, now())
       ON CONFLICT (complaint_id) DO UPDATE SET next_check_at = now()`,
      [c.id],
    );
    await ds.query(
      `UPDATE complaint_event SET created_at = created_at - $2 * interval '1 hour' + sequence * interval '7 minutes'
        WHERE complaint_id = $1`,
      [c.id, hoursAgo],
    );
    made++;
  }
  await ds.query(
    `INSERT INTO reply_template (category, locale, title, body, updated_by)
     SELECT t.category, t.locale, t.title, t.body, 'seed' FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS t(category, locale, title, body)`,
    [REPLIES.map((r) => r[0]), REPLIES.map((r) => r[1]), REPLIES.map((r) => r[2]), REPLIES.map((r) => r[3])],
  );
  // The clocks as they stand now: at risk, breached and escalated where due.
  await services.complaintSweep.run({ principal: null, requestId: 'seed', clientIp: null }, Date.now() + 1000);
  return made;
}
