import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import type { ComplaintEventType as ComplaintEventTypeT, SlaState as SlaStateT } from '@fulfilment/domain';
import { Connection } from '../../common/connection';
import { MutationPayload } from '../../common/user-error';
import { Complaint } from './complaint.entity';
import { ReplyTemplate, SatisfactionSurvey } from './survey.entity';
import { ComplaintEventType, SlaState } from './complaint.enums';

@ObjectType({ description: 'Complaints by deadline, the most pressing first.' })
export class ComplaintConnection extends Connection(Complaint) {}

@ObjectType({ description: 'The result of a change to a complaint.' })
export class ComplaintPayload extends MutationPayload {
  @Field(() => Complaint, { nullable: true, description: 'The complaint as it is now.' })
  complaint: Complaint | null;
}

@ObjectType({ description: 'A complaint’s clock, computed on the server at the moment of the answer.' })
export class ComplaintSla {
  @Field(() => SlaState, { description: 'How it stands against the current deadline.' })
  state: SlaStateT;

  @Field({ description: 'RESPONSE until the customer got a first answer, then RESOLUTION.' })
  kind: string;

  @Field({ description: 'The current deadline (while paused: as if the pause ended now).' })
  dueAt: Date;

  @Field(() => Int, {
    nullable: true,
    description: 'Seconds until the deadline (negative once breached; frozen while paused); null once resolved.',
  })
  secondsLeft: number | null;

  @Field({ description: 'Deadline of the first response.' })
  responseDueAt: Date;

  @Field({ description: 'Deadline of the resolution (of the current window, if reopened).' })
  resolutionDueAt: Date;

  @Field({ description: 'The first response came late (or has not come and is late).' })
  responseBreached: boolean;

  @Field({ description: 'The resolution came late (or has not come and is late).' })
  resolutionBreached: boolean;

  @Field({
    description: 'The policy it runs under, e.g. standard-2h-24h (wall clock; waiting on the customer does not count).',
  })
  policy: string;

  @Field(() => Int, { description: 'Seconds waited on the customer in the current window.' })
  pausedSeconds: number;

  @Field(() => Int, { description: 'Length of the current deadline’s window in seconds (response or resolution).' })
  windowSeconds: number;

  @Field({ description: 'When the current deadline turns at risk (the last quarter of its window begins).' })
  atRiskAt: Date;
}

@ObjectType({ description: 'A complaint turned at risk, breached a deadline, or was escalated to managers.' })
export class SlaAlert {
  @Field(() => Complaint, { description: 'The complaint.' })
  complaint: Complaint;

  @Field(() => ComplaintEventType, { description: 'SLA_AT_RISK, SLA_BREACHED or ESCALATED.' })
  type: ComplaintEventTypeT;

  @Field(() => String, { nullable: true, description: 'What happened, in words.' })
  reason: string | null;

  @Field({ description: 'When.' })
  at: Date;
}

@ObjectType({ description: 'The staff member who owns a complaint.' })
export class ComplaintOwner {
  @Field(() => ID, { description: 'Global id of the staff user (for assignComplaint and filters).' })
  id: string;

  @Field({ description: 'Their name.' })
  name: string;
}

@ObjectType({ description: 'The result of answering a survey.' })
export class SurveyPayload extends MutationPayload {
  @Field(() => SatisfactionSurvey, { nullable: true, description: 'The survey with the answer.' })
  survey: SatisfactionSurvey | null;
}

@ObjectType({ description: 'The result of saving a reply template.' })
export class ReplyTemplatePayload extends MutationPayload {
  @Field(() => ReplyTemplate, { nullable: true, description: 'The template.' })
  replyTemplate: ReplyTemplate | null;
}

@ObjectType({ description: 'The result of deleting a reply template.' })
export class DeleteReplyTemplatePayload extends MutationPayload {
  @Field(() => String, { nullable: true, description: 'Global id of the deleted template.' })
  deletedId: string | null;
}

@ObjectType({ description: 'Customer satisfaction over a period: the share of 4 and 5 answers, against the target.' })
export class Satisfaction {
  @Field(() => Int, { description: 'Days counted back from now.' })
  days: number;

  @Field(() => Int, { description: 'Answers: complaint surveys and delivery ratings.' })
  answers: number;

  @Field(() => Int, { description: 'Answers of 4 or 5.' })
  satisfied: number;

  @Field(() => Float, { nullable: true, description: 'satisfied ÷ answers (0–1); null without answers.' })
  rate: number | null;

  @Field(() => Float, { description: 'The target (0.9).' })
  target: number;

  @Field(() => Int, { description: 'Of which complaint surveys.' })
  complaintAnswers: number;

  @Field(() => Int, { description: 'Of which delivery ratings.' })
  deliveryRatings: number;
}

@ObjectType({ description: 'Satisfaction of one calendar month (Asia/Shanghai), against the target.' })
export class SatisfactionMonth {
  @Field({ description: 'The month, as YYYY-MM.' })
  month: string;

  @Field(() => Int, { description: 'Answers in the month: complaint and delivery surveys and delivery ratings.' })
  answers: number;

  @Field(() => Int, { description: 'Answers of 4 or 5.' })
  satisfied: number;

  @Field(() => Float, { nullable: true, description: 'satisfied ÷ answers (0–1); null without answers.' })
  rate: number | null;
}

@ObjectType({
  description:
    'Quality trace-back of one line of a complaint’s order: the goods receipt its units most likely came from (the last accepted receipt of the product into the shipping warehouse before allocation) and that receipt’s supplier.',
})
export class QualityTrace {
  @Field(() => Int, { description: 'The order line.' })
  lineNo: number;

  @Field({ description: 'Its SKU.' })
  sku: string;

  goodsReceiptId: string;
  supplierId: string;
}
