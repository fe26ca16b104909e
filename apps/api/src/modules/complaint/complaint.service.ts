import { DEPARTMENT_OF_CATEGORY, permissionsOfRole, Role, ROLES, SLA_POLICIES, startClock } from '@fulfilment/domain';
import { Actor, actorLabel } from '../../common/actor';
import { localId } from '../../common/global-id';
import { MutationResult, Mutations, Tx } from '../../common/mutation';
import { hydrate } from '../../common/rows';
import { fail } from '../../common/user-error';
import { validateInput } from '../../common/validation';
import { Complaint } from './complaint.entity';
import {
  AssignComplaintInput,
  ComplaintStepInput,
  OpenComplaintInput,
  ReopenComplaintInput,
  ResolveComplaintInput,
  UpdateComplaintStatusInput,
} from './complaint.inputs';
import { ComplaintTransitions, setClock } from './complaint-transitions';

type ComplaintResult = MutationResult<{ complaint: Complaint }>;

/** Complaints: recorded, owned, answered, investigated, resolved, reopened. */
export class ComplaintService {
  constructor(
    private readonly mutations: Mutations,
    private readonly transitions: ComplaintTransitions,
  ) {}

  async open(input: OpenComplaintInput, actor: Actor): Promise<ComplaintResult> {
    const invalid = await validateInput(input);
    return this.mutations.run(actor, { action: 'OPEN_COMPLAINT', targetType: 'Complaint', invalid }, async (tx) => {
      const key = input.idempotencyKey?.trim() || null;
      const createdBy = actorLabel(tx.actor);
      if (key) {
        const [same] = await tx.m.query(`SELECT * FROM complaint WHERE created_by = $1 AND idempotency_key = $2`, [
          createdBy,
          key,
        ]);
        if (same) return { complaint: hydrate(tx.m, Complaint, same) };
      }
      const { customerId, orderId, deliveryId } = await this.subject(tx, input);
      const policy = SLA_POLICIES[input.priority];
      const now = Date.now();
      const [{ n }] = await tx.m.query(`SELECT nextval('complaint_number_seq') AS n`);
      const complaint = Object.assign(new Complaint(), {
        number: `CP-${String(n).padStart(6, '0')}`,
        customerId,
        orderId,
        deliveryId,
        channel: input.channel,
        category: input.category,
        priority: input.priority,
        department: DEPARTMENT_OF_CATEGORY[input.category],
        ownerId: null,
        description: input.description.trim(),
        status: 'OPEN' as const,
        rootCause: null,
        outcome: null,
        resolutionNote: null,
        slaPolicy: policy,
        openedAt: new Date(now),
        closedAt: null,
        responseBreached: false,
        resolutionBreached: false,
        escalatedAt: null,
        idempotencyKey: key,
        createdBy,
        lastEventSequence: 0,
      });
      setClock(complaint, startClock(now), now);
      const [row] = await tx.m.query(
        `INSERT INTO complaint (number, customer_id, order_id, delivery_id, channel, category, priority, department, description,
                status, sla_policy, opened_at, started_at, sla_state, due_at, idempotency_key, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'OPEN', $10, $11, $11, $12, $13, $14, $15)
         ON CONFLICT (created_by, idempotency_key) DO NOTHING RETURNING *`,
        [
          complaint.number,
          customerId,
          orderId,
          deliveryId,
          complaint.channel,
          complaint.category,
          complaint.priority,
          complaint.department,
          complaint.description,
          JSON.stringify(policy),
          complaint.openedAt,
          complaint.slaState,
          complaint.dueAt,
          key,
          createdBy,
        ],
      );
      if (!row) {
        // A retry with the same key committed first: its complaint is the answer.
        const [same] = await tx.m.query(`SELECT * FROM complaint WHERE created_by = $1 AND idempotency_key = $2`, [
          createdBy,
          key,
        ]);
        return { complaint: hydrate(tx.m, Complaint, same) };
      }
      const opened = hydrate(tx.m, Complaint, row);
      opened.nextCheckAt = complaint.nextCheckAt;
      const c = this.transitions.begin(tx, opened, now);
      c.record('OPENED', `${input.channel}: ${input.category} → ${complaint.department}`);
      return { complaint: await this.transitions.save(c, 'OPEN_COMPLAINT') };
    });
  }

  /** The first response to the customer; the caller owns the complaint if nobody does yet. */
  async acknowledge(input: ComplaintStepInput, actor: Actor): Promise<ComplaintResult> {
    const invalid = await validateInput(input);
    return this.mutations.run(
      actor,
      { action: 'ACKNOWLEDGE_COMPLAINT', targetType: 'Complaint', invalid },
      async (tx) => {
        const c = await this.transitions.lock(tx, localId(input.complaintId, 'Complaint'));
        const p = tx.actor.principal;
        if (c.complaint.ownerId === null && p?.kind === 'USER') {
          c.complaint.ownerId = p.id;
          c.record('ASSIGNED', `${p.name} (${c.complaint.department}), who answered`);
        }
        this.transitions.move(c, 'ACKNOWLEDGED', input.note?.trim() || 'First response sent to the customer');
        return { complaint: await this.transitions.save(c, 'ACKNOWLEDGE_COMPLAINT') };
      },
    );
  }

  async assign(input: AssignComplaintInput, actor: Actor): Promise<ComplaintResult> {
    return this.mutations.run(actor, { action: 'ASSIGN_COMPLAINT', targetType: 'Complaint' }, async (tx) => {
      const c = await this.transitions.lock(tx, localId(input.complaintId, 'Complaint'));
      const ownerId = localId(input.ownerId, 'User');
      const [owner] = ownerId
        ? await tx.m.query(`SELECT id, name, role, active FROM staff_user WHERE id = $1`, [ownerId])
        : [];
      if (!owner || !owner.active || !permissionsOfRole(owner.role as Role).has('COMPLAINT_HANDLE'))
        fail('OWNER_CANNOT_HANDLE', 'Choose an active agent or manager who handles complaints', ['input', 'ownerId']);
      if (c.complaint.status === 'RESOLVED' || c.complaint.status === 'CLOSED')
        fail('ILLEGAL_TRANSITION', `${c.complaint.number} is ${c.complaint.status}; reopen it first`, [
          'input',
          'complaintId',
        ]);
      c.complaint.ownerId = owner.id;
      if (input.department) c.complaint.department = input.department;
      c.record('ASSIGNED', `${owner.name} (${c.complaint.department})`);
      return { complaint: await this.transitions.save(c, 'ASSIGN_COMPLAINT', { owner: owner.name }) };
    });
  }

  async updateStatus(input: UpdateComplaintStatusInput, actor: Actor): Promise<ComplaintResult> {
    const invalid = await validateInput(input);
    return this.mutations.run(
      actor,
      { action: 'UPDATE_COMPLAINT_STATUS', targetType: 'Complaint', invalid },
      async (tx) => {
        if (!['INVESTIGATING', 'WAITING_ON_CUSTOMER', 'CLOSED'].includes(input.status))
          fail('INVALID_INPUT', 'Use acknowledgeComplaint, resolveComplaint or reopenComplaint for that step', [
            'input',
            'status',
          ]);
        const c = await this.transitions.lock(tx, localId(input.complaintId, 'Complaint'));
        this.transitions.move(c, input.status, input.reason?.trim() || null);
        return { complaint: await this.transitions.save(c, 'UPDATE_COMPLAINT_STATUS') };
      },
    );
  }

  async resolve(input: ResolveComplaintInput, actor: Actor): Promise<ComplaintResult> {
    const invalid = await validateInput(input);
    return this.mutations.run(actor, { action: 'RESOLVE_COMPLAINT', targetType: 'Complaint', invalid }, async (tx) => {
      const note = input.note.trim();
      if (!input.rootCause || !input.outcome || !note)
        fail(
          'RESOLUTION_INCOMPLETE',
          `Name ${[!input.rootCause && 'the root cause', !input.outcome && 'the outcome', !note && 'a note for the customer'].filter(Boolean).join(', ')}`,
          ['input', !input.rootCause ? 'rootCause' : !input.outcome ? 'outcome' : 'note'],
        );
      const c = await this.transitions.lock(tx, localId(input.complaintId, 'Complaint'));
      c.complaint.rootCause = input.rootCause;
      c.complaint.outcome = input.outcome;
      c.complaint.resolutionNote = note;
      const [asked] = await tx.m.query(`SELECT 1 FROM satisfaction_survey WHERE complaint_id = $1`, [c.complaint.id]);
      c.askSurvey = !asked;
      this.transitions.move(c, 'RESOLVED', `${input.rootCause} → ${input.outcome}: ${note}`);
      return { complaint: await this.transitions.save(c, 'RESOLVE_COMPLAINT') };
    });
  }

  async reopen(input: ReopenComplaintInput, actor: Actor): Promise<ComplaintResult> {
    const invalid = await validateInput(input);
    return this.mutations.run(actor, { action: 'REOPEN_COMPLAINT', targetType: 'Complaint', invalid }, async (tx) => {
      const c = await this.transitions.lock(tx, localId(input.complaintId, 'Complaint'));
      this.transitions.move(c, 'REOPENED', input.reason.trim());
      return { complaint: await this.transitions.save(c, 'REOPEN_COMPLAINT') };
    });
  }

  /** Staff who may own complaints (active, with COMPLAINT_HANDLE), by name. */
  async handlers(ds: { query(sql: string, params: unknown[]): Promise<{ id: string; name: string }[]> }) {
    const roles = ROLES.filter((r) => permissionsOfRole(r).has('COMPLAINT_HANDLE'));
    return ds.query(`SELECT id, name FROM staff_user WHERE active AND role = ANY($1::text[]) ORDER BY name`, [roles]);
  }

  /** The customer, order and delivery a new complaint is about, consistent with each other. */
  private async subject(
    tx: Tx,
    input: OpenComplaintInput,
  ): Promise<{ customerId: string; orderId: string | null; deliveryId: string | null }> {
    let deliveryId: string | null = null;
    let orderId = input.orderId ? localId(input.orderId, 'Order') : null;
    if (input.orderId && !orderId) fail('NOT_FOUND', 'No order with this id', ['input', 'orderId']);
    if (input.deliveryId) {
      const id = localId(input.deliveryId, 'Delivery');
      const [d] = id ? await tx.m.query(`SELECT id, order_id FROM delivery WHERE id = $1`, [id]) : [];
      if (!d) fail('NOT_FOUND', 'No delivery with this id', ['input', 'deliveryId']);
      if (orderId && d.order_id !== orderId)
        fail('ORDER_OF_ANOTHER_CUSTOMER', 'The delivery belongs to another order', ['input', 'deliveryId']);
      deliveryId = d.id;
      orderId = d.order_id;
    }
    let customerId = input.customerId ? localId(input.customerId, 'Customer') : null;
    if (input.customerId) {
      const [row] = customerId ? await tx.m.query(`SELECT id FROM customer WHERE id = $1`, [customerId]) : [];
      if (!row) fail('NOT_FOUND', 'No customer with this id', ['input', 'customerId']);
    }
    if (orderId) {
      const [o] = await tx.m.query(`SELECT customer_id FROM orders WHERE id = $1`, [orderId]);
      if (!o) fail('NOT_FOUND', 'No order with this id', ['input', 'orderId']);
      if (customerId && o.customer_id !== customerId)
        fail('ORDER_OF_ANOTHER_CUSTOMER', 'The order belongs to another customer', ['input', 'orderId']);
      customerId = o.customer_id;
    }
    if (!customerId) fail('CUSTOMER_REQUIRED', 'Name the customer or the order', ['input', 'customerId']);
    return { customerId: customerId!, orderId, deliveryId };
  }
}
