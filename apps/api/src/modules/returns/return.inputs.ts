import { ArrayMaxSize, ArrayNotEmpty, IsOptional, MaxLength, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import type {
  ReturnReason as ReturnReasonT,
  ReturnResolution as ReturnResolutionT,
  ReturnStatus as ReturnStatusT,
} from '@fulfilment/domain';
import { code } from '../../common/validation';
import { ReturnReason, ReturnResolution, ReturnStatus } from './return.enums';

@InputType({ description: 'An order line to return.' })
export class ReturnLineInput {
  @Field(() => Int, { description: 'The order line’s number.' })
  lineNo: number;

  @Field(() => Int, { description: 'Units to return.' })
  quantity: number;
}

@InputType({ description: 'A return of delivered goods.' })
export class RequestReturnInput {
  @Field(() => ID, { description: 'Global id of the order.' })
  orderId: string;

  @Field(() => ReturnReason, { description: 'Why.' })
  reason: ReturnReasonT;

  @Field(() => ReturnResolution, {
    defaultValue: 'REFUND',
    description: 'What the customer gets when the goods arrive (default REFUND to the original payment method).',
  })
  resolution: ReturnResolutionT;

  @Field(() => [ReturnLineInput], { description: 'Lines and units, at least one.' })
  @ArrayNotEmpty(code('INVALID_INPUT', 'name at least one line'))
  @ArrayMaxSize(100, code('INVALID_INPUT', 'at most 100 lines'))
  @ValidateNested()
  lines: ReturnLineInput[];

  @Field({ nullable: true, description: 'What the customer says, at most 1,000 characters.' })
  @IsOptional()
  @MaxLength(1000, code('TOO_LONG', 'note must be at most 1000 characters'))
  note?: string;

  @Field(() => ID, { nullable: true, description: 'Global id of the complaint it answers.' })
  complaintId?: string;

  @Field({ nullable: true, description: 'A retry with the same key answers the same return.' })
  @IsOptional()
  @MaxLength(100, code('TOO_LONG', 'idempotencyKey must be at most 100 characters'))
  idempotencyKey?: string;
}

@InputType({ description: 'A decision on a return.' })
export class DecideReturnInput {
  @Field(() => ID, { description: 'Global id of the return.' })
  returnId: string;

  @Field({ nullable: true, description: 'Why (required to reject; the customer is told), at most 500 characters.' })
  @IsOptional()
  @MaxLength(500, code('TOO_LONG', 'reason must be at most 500 characters'))
  reason?: string;
}

@InputType({ description: 'What the warehouse found in one returned line.' })
export class InspectedLineInput {
  @Field(() => Int, { description: 'The order line’s number.' })
  lineNo: number;

  @Field(() => Int, { description: 'Units that arrived.' })
  received: number;

  @Field(() => Int, { description: 'Sellable again: back on the shelf (RETURN movement).' })
  restock: number;

  @Field(() => Int, { description: 'Damaged: written off.' })
  damaged: number;

  @Field(() => Int, { description: 'Sent back to the supplier.' })
  toSupplier: number;

  @Field({ nullable: true, description: 'A note, at most 500 characters.' })
  @IsOptional()
  @MaxLength(500, code('TOO_LONG', 'note must be at most 500 characters'))
  note?: string;
}

@InputType({ description: 'Returned goods received and inspected: restocks and refunds in one step.' })
export class ReceiveReturnInput {
  @Field(() => ID, { description: 'Global id of the return.' })
  returnId: string;

  @Field(() => [InspectedLineInput], { description: 'Every line of the return, once.' })
  @ArrayNotEmpty(code('INVALID_INPUT', 'name every line of the return'))
  @ArrayMaxSize(100, code('INVALID_INPUT', 'at most 100 lines'))
  @ValidateNested()
  lines: InspectedLineInput[];
}

@InputType({ description: 'Conditions returns must meet.' })
export class ReturnFilter {
  @Field(() => ReturnStatus, { nullable: true, description: 'In this status.' })
  status?: ReturnStatusT;

  @Field(() => ID, { nullable: true, description: 'Of this order (global id).' })
  orderId?: string;
}
