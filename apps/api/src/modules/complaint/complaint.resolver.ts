import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { readSla } from '@fulfilment/domain';
import { Context } from '../../app/context';
import { localId, toGlobalId } from '../../common/global-id';
import { PageArgs } from '../../common/page-args';
import { actorShown } from '../access/pii';
import { Requires } from '../access/requires';
import { Customer } from '../customer/customer.entity';
import { Delivery } from '../delivery/delivery.entity';
import { Order } from '../order/order.entity';
import { GoodsReceipt } from '../purchasing/goods-receipt.entity';
import { Supplier } from '../purchasing/supplier.entity';
import { Complaint, ComplaintEvent } from './complaint.entity';
import type { ComplaintEventMessage } from './complaint.events';
import {
  AssignComplaintInput,
  ComplaintFilter,
  ComplaintStepInput,
  OpenComplaintInput,
  ReopenComplaintInput,
  ResolveComplaintInput,
  UpdateComplaintStatusInput,
} from './complaint.inputs';
import { clockOf } from './complaint-transitions';
import {
  ComplaintConnection,
  ComplaintOwner,
  ComplaintPayload,
  ComplaintSla,
  QualityTrace,
  SlaAlert,
} from './complaint.types';

const ALERTS = new Set(['SLA_AT_RISK', 'SLA_BREACHED', 'ESCALATED']);

@Resolver(() => Complaint)
export class ComplaintResolver {
  @Requires('COMPLAINT_READ')
  @Query(() => ComplaintConnection, { description: 'Complaints by deadline, the most pressing first.' })
  complaints(
    @Args() page: PageArgs,
    @Arg('filter', () => ComplaintFilter, { nullable: true, description: 'Conditions to meet.' })
    filter: ComplaintFilter | undefined,
    @Ctx() ctx: Context,
  ) {
    return ctx.reads.complaintQueries.complaints(filter ?? {}, page);
  }

  @Requires('COMPLAINT_HANDLE')
  @Query(() => [ComplaintOwner], { description: 'Staff who may own complaints (active agents and managers), by name.' })
  async complaintHandlers(@Ctx() ctx: Context) {
    const rows = await ctx.services.complaints.handlers(ctx.services.ds);
    return rows.map((u) => Object.assign(new ComplaintOwner(), { id: toGlobalId('User', u.id), name: u.name }));
  }

  @Requires('COMPLAINT_READ')
  @Query(() => Complaint, { nullable: true, description: 'One complaint; null when there is none.' })
  complaint(@Arg('id', () => ID, { description: 'Global id of the complaint.' }) id: string, @Ctx() ctx: Context) {
    const local = localId(id, 'Complaint');
    return local ? ctx.loaders.complaint.load(local) : null;
  }

  @Requires('COMPLAINT_OPEN')
  @Mutation(() => ComplaintPayload, {
    description:
      'Records a complaint: routed to its department by category, on the clock of its priority’s policy (stored with it).',
  })
  async openComplaint(@Arg('input', { description: 'The complaint.' }) input: OpenComplaintInput, @Ctx() ctx: Context) {
    return Object.assign(new ComplaintPayload(), await ctx.services.complaints.open(input, ctx.actor));
  }

  @Requires('COMPLAINT_HANDLE')
  @Mutation(() => ComplaintPayload, {
    description:
      'The first response: the customer is told (COMPLAINT_ACKNOWLEDGED); the caller owns it if nobody does.',
  })
  async acknowledgeComplaint(
    @Arg('input', { description: 'The complaint.' }) input: ComplaintStepInput,
    @Ctx() ctx: Context,
  ) {
    return Object.assign(new ComplaintPayload(), await ctx.services.complaints.acknowledge(input, ctx.actor));
  }

  @Requires('COMPLAINT_HANDLE')
  @Mutation(() => ComplaintPayload, { description: 'Gives a complaint an owner (and another department).' })
  async assignComplaint(@Arg('input', { description: 'The owner.' }) input: AssignComplaintInput, @Ctx() ctx: Context) {
    return Object.assign(new ComplaintPayload(), await ctx.services.complaints.assign(input, ctx.actor));
  }

  @Requires('COMPLAINT_HANDLE')
  @Mutation(() => ComplaintPayload, {
    description: 'Investigating, waiting on the customer (the clock pauses), or closed after resolution.',
  })
  async updateComplaintStatus(
    @Arg('input', { description: 'The status.' }) input: UpdateComplaintStatusInput,
    @Ctx() ctx: Context,
  ) {
    return Object.assign(new ComplaintPayload(), await ctx.services.complaints.updateStatus(input, ctx.actor));
  }

  @Requires('COMPLAINT_HANDLE')
  @Mutation(() => ComplaintPayload, {
    description:
      'Resolves with a root cause, an outcome and a note; the customer is told (COMPLAINT_RESOLVED). RESOLUTION_INCOMPLETE without them.',
  })
  async resolveComplaint(
    @Arg('input', { description: 'The resolution.' }) input: ResolveComplaintInput,
    @Ctx() ctx: Context,
  ) {
    return Object.assign(new ComplaintPayload(), await ctx.services.complaints.resolve(input, ctx.actor));
  }

  @Requires('COMPLAINT_HANDLE')
  @Mutation(() => ComplaintPayload, {
    description: 'Reopens a resolved or closed complaint: a fresh resolution window.',
  })
  async reopenComplaint(
    @Arg('input', { description: 'The complaint and why.' }) input: ReopenComplaintInput,
    @Ctx() ctx: Context,
  ) {
    return Object.assign(new ComplaintPayload(), await ctx.services.complaints.reopen(input, ctx.actor));
  }

  @Requires('COMPLAINT_READ')
  @Subscription(() => Complaint, {
    topics: ({ args }) => (args.complaintId ? 'COMPLAINT_EVENT_OF' : 'COMPLAINT_EVENT'),
    topicId: ({ args }) =>
      args.complaintId ? (localId(args.complaintId, 'Complaint') ?? 'not-a-complaint') : undefined,
    description: 'Complaints as they change (every event after commit); of one complaint with complaintId.',
  })
  async complaintChanged(
    @Root() m: ComplaintEventMessage,
    @Arg('complaintId', () => ID, { nullable: true, description: 'Global id of one complaint.' })
    _id: string | undefined,
    @Ctx() ctx: Context,
  ) {
    return ctx.loaders.complaint.load(m.complaintId);
  }

  @Requires('COMPLAINT_READ')
  @Subscription(() => SlaAlert, {
    topics: 'COMPLAINT_EVENT',
    filter: ({ payload }: { payload: ComplaintEventMessage }) => ALERTS.has(payload.type),
    description: 'Complaints turning at risk, breaching a deadline, or escalated to managers.',
  })
  async slaAlert(@Root() m: ComplaintEventMessage, @Ctx() ctx: Context): Promise<SlaAlert> {
    return Object.assign(new SlaAlert(), {
      complaint: await ctx.loaders.complaint.load(m.complaintId),
      type: m.type,
      reason: m.reason,
      at: new Date(m.createdAt),
    });
  }

  @FieldResolver(() => ComplaintSla, { description: 'Its clock, computed now.' })
  sla(@Root() c: Complaint): ComplaintSla {
    const now = Date.now();
    const clock = clockOf(c);
    const r = readSla(c.slaPolicy, clock, now);
    const paused = clock.pausedMs + (clock.pausedSince !== null ? now - clock.pausedSince : 0);
    const window = (r.kind === 'RESPONSE' ? c.slaPolicy.responseMinutes : c.slaPolicy.resolutionMinutes) * 60;
    return Object.assign(new ComplaintSla(), {
      state: r.state,
      kind: r.kind,
      dueAt: new Date(r.dueAt),
      secondsLeft: r.leftMs === null ? null : Math.round(r.leftMs / 1000),
      responseDueAt: new Date(r.responseDueAt),
      resolutionDueAt: new Date(r.resolutionDueAt),
      responseBreached: r.responseBreached || c.responseBreached,
      resolutionBreached: r.resolutionBreached || c.resolutionBreached,
      policy: c.slaPolicy.name,
      pausedSeconds: Math.round(paused / 1000),
      windowSeconds: window,
      atRiskAt: new Date(r.dueAt - window * 1000 * c.slaPolicy.atRiskShare),
    });
  }

  @FieldResolver(() => ComplaintOwner, { nullable: true, description: 'Who owns it; null until someone does.' })
  async owner(@Root() c: Complaint, @Ctx() ctx: Context) {
    const u = c.ownerId ? await ctx.loaders.complaintOwner.load(c.ownerId) : null;
    return u ? Object.assign(new ComplaintOwner(), { id: toGlobalId('User', u.id), name: u.name }) : null;
  }

  @FieldResolver(() => Customer, { nullable: true, description: 'The customer.' })
  customer(@Root() c: Complaint, @Ctx() ctx: Context) {
    return ctx.loaders.customer.load(c.customerId);
  }

  @FieldResolver(() => Order, { nullable: true, description: 'The order it is about; null when none.' })
  order(@Root() c: Complaint, @Ctx() ctx: Context) {
    return c.orderId ? ctx.loaders.order.load(c.orderId) : null;
  }

  @FieldResolver(() => Delivery, { nullable: true, description: 'The delivery it is about; null when none.' })
  delivery(@Root() c: Complaint, @Ctx() ctx: Context) {
    return c.deliveryId ? ctx.loaders.delivery.load(c.deliveryId) : null;
  }

  @FieldResolver(() => [ComplaintEvent], { description: 'Its history, oldest first.' })
  events(@Root() c: Complaint, @Ctx() ctx: Context) {
    return ctx.loaders.complaintEvents.load(c.id);
  }
}

@Resolver(() => Complaint)
export class ComplaintTraceResolver {
  @Requires('PURCHASING_READ')
  @FieldResolver(() => [QualityTrace], {
    description:
      'For a QUALITY complaint about an order: each line traced to the receipt and supplier its goods came from (lines without a receipt left out); empty for other complaints.',
  })
  async qualityTrace(@Root() c: Complaint, @Ctx() ctx: Context) {
    if (c.category !== 'QUALITY' || !c.orderId) return [];
    return (await ctx.loaders.sourcesOfOrder.load(c.orderId)).map((l) => Object.assign(new QualityTrace(), l));
  }
}

@Resolver(() => QualityTrace)
export class QualityTraceResolver {
  @Requires('PURCHASING_READ')
  @FieldResolver(() => GoodsReceipt, { description: 'The goods receipt.' })
  receipt(@Root() t: QualityTrace, @Ctx() ctx: Context) {
    return ctx.loaders.goodsReceipt.load(t.goodsReceiptId);
  }

  @Requires('PURCHASING_READ')
  @FieldResolver(() => Supplier, { description: 'The supplier who delivered it.' })
  supplier(@Root() t: QualityTrace, @Ctx() ctx: Context) {
    return ctx.loaders.supplier.load(t.supplierId);
  }
}

@Resolver(() => ComplaintEvent)
export class ComplaintEventResolver {
  @FieldResolver(() => String, { description: 'Who did it (staff by name, keys as recorded, or system).' })
  actor(@Root() e: ComplaintEvent, @Ctx() ctx: Context) {
    return actorShown(ctx, e.actor);
  }
}

@Resolver(() => Order)
export class OrderComplaintsResolver {
  @Requires('COMPLAINT_READ')
  @FieldResolver(() => [Complaint], { description: 'Complaints about it, oldest first.' })
  complaints(@Root() o: Order, @Ctx() ctx: Context) {
    return ctx.loaders.complaintsOfOrder.load(o.id);
  }
}
