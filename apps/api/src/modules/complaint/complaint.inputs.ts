import { IsNotEmpty, IsOptional, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import type {
  ComplaintCategory as ComplaintCategoryT,
  ComplaintChannel as ComplaintChannelT,
  ComplaintOutcome as ComplaintOutcomeT,
  ComplaintPriority as ComplaintPriorityT,
  ComplaintStatus as ComplaintStatusT,
  Department as DepartmentT,
  RootCause as RootCauseT,
  SlaState as SlaStateT,
} from '@fulfilment/domain';
import { code } from '../../common/validation';
import {
  ComplaintCategory,
  ComplaintChannel,
  ComplaintOutcome,
  ComplaintPriority,
  ComplaintStatus,
  Department,
  RootCause,
  SlaState,
} from './complaint.enums';

@InputType({ description: 'A complaint to record.' })
export class OpenComplaintInput {
  @Field(() => ID, { nullable: true, description: 'Global id of the customer; taken from the order when left out.' })
  customerId?: string;

  @Field(() => ID, { nullable: true, description: 'Global id of the order it is about.' })
  orderId?: string;

  @Field(() => ID, { nullable: true, description: 'Global id of the delivery it is about (its order is taken).' })
  deliveryId?: string;

  @Field(() => ComplaintChannel, { description: 'How it arrived.' })
  channel: ComplaintChannelT;

  @Field(() => ComplaintCategory, { description: 'What it is about; it decides the department.' })
  category: ComplaintCategoryT;

  @Field(() => ComplaintPriority, { defaultValue: 'NORMAL', description: 'How urgent; it picks the SLA policy.' })
  priority: ComplaintPriorityT;

  @Field({ description: 'What the customer says, 1 to 4,000 characters.' })
  @IsNotEmpty(code('INVALID_INPUT', 'description must not be empty'))
  @MaxLength(4000, code('TOO_LONG', 'description must be at most 4000 characters'))
  description: string;

  @Field({
    nullable: true,
    description: 'A key of the caller’s: a retry with the same key answers the same complaint.',
  })
  @IsOptional()
  @MaxLength(100, code('TOO_LONG', 'idempotencyKey must be at most 100 characters'))
  idempotencyKey?: string;
}

@InputType({ description: 'Names one complaint, with a note for its history.' })
export class ComplaintStepInput {
  @Field(() => ID, { description: 'Global id of the complaint.' })
  complaintId: string;

  @Field({ nullable: true, description: 'A note for the history, at most 500 characters.' })
  @IsOptional()
  @MaxLength(500, code('TOO_LONG', 'note must be at most 500 characters'))
  note?: string;
}

@InputType({ description: 'Who owns a complaint (and which department answers for it).' })
export class AssignComplaintInput {
  @Field(() => ID, { description: 'Global id of the complaint.' })
  complaintId: string;

  @Field(() => ID, { description: 'Global id of the staff user who owns it from now on.' })
  ownerId: string;

  @Field(() => Department, { nullable: true, description: 'Another department, when routing got it wrong.' })
  department?: DepartmentT;
}

@InputType({ description: 'A complaint’s next working status.' })
export class UpdateComplaintStatusInput {
  @Field(() => ID, { description: 'Global id of the complaint.' })
  complaintId: string;

  @Field(() => ComplaintStatus, {
    description: 'INVESTIGATING, WAITING_ON_CUSTOMER (pauses the clock) or CLOSED (after resolution).',
  })
  status: ComplaintStatusT;

  @Field({ nullable: true, description: 'Why, for the history, at most 500 characters.' })
  @IsOptional()
  @MaxLength(500, code('TOO_LONG', 'reason must be at most 500 characters'))
  reason?: string;
}

@InputType({ description: 'How a complaint was resolved.' })
export class ResolveComplaintInput {
  @Field(() => ID, { description: 'Global id of the complaint.' })
  complaintId: string;

  @Field(() => RootCause, { nullable: true, description: 'Why it happened (required).' })
  rootCause?: RootCauseT;

  @Field(() => ComplaintOutcome, { nullable: true, description: 'What the customer gets (required).' })
  outcome?: ComplaintOutcomeT;

  @Field({ description: 'What the customer is told, 1 to 1,000 characters.' })
  @MaxLength(1000, code('TOO_LONG', 'note must be at most 1000 characters'))
  note: string;
}

@InputType({ description: 'A complaint to reopen, and why.' })
export class ReopenComplaintInput {
  @Field(() => ID, { description: 'Global id of the complaint.' })
  complaintId: string;

  @Field({ description: 'Why, 1 to 500 characters.' })
  @IsNotEmpty(code('INVALID_INPUT', 'reason must not be empty'))
  @MaxLength(500, code('TOO_LONG', 'reason must be at most 500 characters'))
  reason: string;
}

@InputType({ description: 'Conditions complaints must meet; all given ones apply.' })
export class ComplaintFilter {
  @Field(() => ComplaintStatus, { nullable: true, description: 'In this status.' })
  status?: ComplaintStatusT;

  @Field({ nullable: true, description: 'Only complaints not yet resolved or closed (the queue).' })
  openOnly?: boolean;

  @Field(() => SlaState, { nullable: true, description: 'In this SLA state.' })
  slaState?: SlaStateT;

  @Field(() => ID, { nullable: true, description: 'Owned by this staff user (global id).' })
  ownerId?: string;

  @Field(() => Department, { nullable: true, description: 'Of this department.' })
  department?: DepartmentT;

  @Field(() => ComplaintCategory, { nullable: true, description: 'Of this category.' })
  category?: ComplaintCategoryT;

  @Field(() => ID, { nullable: true, description: 'Of this customer (global id).' })
  customerId?: string;

  @Field(() => ID, { nullable: true, description: 'About this order (global id).' })
  orderId?: string;
}
