import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import type {
  ComplaintCategory as ComplaintCategoryT,
  ComplaintChannel as ComplaintChannelT,
  ComplaintEventType as ComplaintEventTypeT,
  ComplaintOutcome as ComplaintOutcomeT,
  ComplaintPriority as ComplaintPriorityT,
  ComplaintStatus as ComplaintStatusT,
  Department as DepartmentT,
  RootCause as RootCauseT,
  SlaPolicy,
  SlaState as SlaStateT,
} from '@fulfilment/domain';
import { toGlobalId } from '../../common/global-id';
import { numericColumn } from '../../common/numeric-column';
import { Node } from '../node/node.interface';
import {
  ComplaintCategory,
  ComplaintChannel,
  ComplaintEventType,
  ComplaintOutcome,
  ComplaintPriority,
  ComplaintStatus,
  Department,
  RootCause,
} from './complaint.enums';

@Entity()
@ObjectType({
  implements: Node,
  description:
    'A customer’s complaint on a 24-hour clock: routed to a department, owned by an agent, investigated to a root cause and resolved; the customer is told at each step.',
})
export class Complaint implements Node {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID, { name: 'id', description: 'Global id (opaque); node(id:) fetches it.' })
  get nodeId(): string {
    return toGlobalId('Complaint', this.id);
  }

  @Field({ description: 'Complaint number customers quote, e.g. CP-000042.' })
  @Column()
  number: string;

  @Column('uuid')
  customerId: string;

  @Column({ type: 'uuid', nullable: true })
  orderId: string | null;

  @Column({ type: 'uuid', nullable: true })
  deliveryId: string | null;

  @Field(() => ComplaintChannel, { description: 'How it arrived.' })
  @Column({ type: 'text' })
  channel: ComplaintChannelT;

  @Field(() => ComplaintCategory, { description: 'What it is about.' })
  @Column({ type: 'text' })
  category: ComplaintCategoryT;

  @Field(() => ComplaintPriority, { description: 'How urgent (it picked the SLA policy).' })
  @Column({ type: 'text' })
  priority: ComplaintPriorityT;

  @Field(() => Department, { description: 'Who answers for it.' })
  @Column({ type: 'text' })
  department: DepartmentT;

  @Column({ type: 'uuid', nullable: true })
  ownerId: string | null;

  @Field({ description: 'What the customer says happened.' })
  @Column()
  description: string;

  @Field(() => ComplaintStatus, { description: 'Where it is.' })
  @Column({ type: 'text' })
  status: ComplaintStatusT;

  @Field(() => RootCause, { nullable: true, description: 'Why it happened; set when resolved.' })
  @Column({ type: 'text', nullable: true })
  rootCause: RootCauseT | null;

  @Field(() => ComplaintOutcome, { nullable: true, description: 'What the customer got; set when resolved.' })
  @Column({ type: 'text', nullable: true })
  outcome: ComplaintOutcomeT | null;

  @Field(() => String, { nullable: true, description: 'What the customer was told on resolution.' })
  @Column({ type: 'text', nullable: true })
  resolutionNote: string | null;

  @Column({ type: 'jsonb' })
  slaPolicy: SlaPolicy;

  @Field({ description: 'When it was recorded.' })
  @Column({ type: 'timestamptz' })
  openedAt: Date;

  @Column({ type: 'timestamptz' })
  startedAt: Date;

  @Column({ type: 'bigint', transformer: numericColumn })
  pausedMs: number;

  @Column({ type: 'timestamptz', nullable: true })
  pausedSince: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the customer got the first response.' })
  @Column({ type: 'timestamptz', nullable: true })
  respondedAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it was resolved (the latest time, if reopened).' })
  @Column({ type: 'timestamptz', nullable: true })
  resolvedAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it was closed.' })
  @Column({ type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Column({ type: 'text' })
  slaState: SlaStateT;

  @Column({ type: 'timestamptz' })
  dueAt: Date;

  /** The sweep's next look (kept in `complaint_clock`): set by setClock, undefined when not recomputed. */
  nextCheckAt?: Date | null;

  @Column()
  responseBreached: boolean;

  @Column()
  resolutionBreached: boolean;

  @Field(() => Date, { nullable: true, description: 'When managers were alerted (once); null when never.' })
  @Column({ type: 'timestamptz', nullable: true })
  escalatedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  idempotencyKey: string | null;

  @Column()
  createdBy: string;

  @Field(() => Int, { description: 'Sequence of its newest event.' })
  @Column('integer')
  lastEventSequence: number;

  @Field({ description: 'When the row was written.' })
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz' })
  updatedAt: Date;
}

@Entity()
@ObjectType({ description: 'One step in a complaint’s history, written in the transaction of the change.' })
export class ComplaintEvent {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column('uuid')
  complaintId: string;

  @Field(() => Int, { description: 'Per-complaint sequence number, 1, 2, 3… without gaps.' })
  @Column('integer')
  sequence: number;

  @Field(() => ComplaintEventType, { description: 'What happened.' })
  @Column({ type: 'text' })
  type: ComplaintEventTypeT;

  @Field(() => ComplaintStatus, { nullable: true, description: 'Status before; null when it was opened.' })
  @Column({ type: 'text', nullable: true })
  fromStatus: ComplaintStatusT | null;

  @Field(() => ComplaintStatus, { description: 'Status after.' })
  @Column({ type: 'text' })
  toStatus: ComplaintStatusT;

  @Field(() => String, { nullable: true, description: 'Why, in words.' })
  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column()
  actor: string;

  @Field({ description: 'When it happened.' })
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
