import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsEmail,
  IsNotEmpty,
  IsOptional,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import type { Region as RegionT, RejectionReason as RejectionReasonT } from '@fulfilment/domain';
import { Region } from '../../common/enums';
import { code } from '../../common/validation';
import { PHONE } from '../order/order.inputs';
import {
  PurchaseOrderStatus,
  RejectionReason,
  RequirementStatus,
  SupplierStanding,
  SupplierStatus,
} from './purchasing.enums';
import type {
  PurchaseOrderStatus as PurchaseOrderStatusT,
  SupplierStanding as SupplierStandingT,
} from '@fulfilment/domain';
import type { RequirementStatus as RequirementStatusT } from './purchasing.enums';

export const MAX_PO_LINES = 200;
export const MAX_ORDER_QUANTITY = 1_000_000;
/** A calendar day, YYYY-MM-DD (Asia/Shanghai). */
export const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
/** Yuan above zero with at most two decimals, e.g. "12.50" (not "0" or "0.00"). */
export const PRICE = /^(?!0+(\.0{1,2})?$)\d{1,7}(\.\d{1,2})?$/;

@InputType({ description: 'A new supplier for the qualified list.' })
export class CreateSupplierInput {
  @Field({ description: 'Unique short code, letters, digits and dashes, e.g. SUP-HZ-01.' })
  @Matches(/^[A-Za-z0-9][A-Za-z0-9-]{1,31}$/, code('INVALID_INPUT', 'code must be 2–32 letters, digits or dashes'))
  code: string;

  @Field({ description: 'Registered company name.' })
  @IsNotEmpty(code('INVALID_INPUT', 'name must not be empty'))
  @MaxLength(100, code('TOO_LONG', 'name must be at most 100 characters'))
  name: string;

  @Field({ description: 'Contact person.' })
  @IsNotEmpty(code('INVALID_INPUT', 'contactName must not be empty'))
  @MaxLength(50, code('TOO_LONG', 'contactName must be at most 50 characters'))
  contactName: string;

  @Field({ description: 'Mobile (13812345678) or landline (021-12345678).' })
  @Matches(PHONE, code('INVALID_PHONE', 'phone must be a mainland mobile or landline number'))
  phone: string;

  @Field(() => String, { nullable: true, description: 'Contact e-mail.' })
  @IsOptional()
  @IsEmail({}, code('INVALID_INPUT', 'email must be an e-mail address'))
  @MaxLength(200, code('TOO_LONG', 'email must be at most 200 characters'))
  email?: string | null;

  @Field({ description: 'Business address.' })
  @IsNotEmpty(code('INVALID_INPUT', 'address must not be empty'))
  @MaxLength(200, code('TOO_LONG', 'address must be at most 200 characters'))
  address: string;

  @Field(() => [Region], { description: 'Regions it delivers to (at least one).' })
  @ArrayNotEmpty(code('INVALID_INPUT', 'regions must name at least one region'))
  regions: RegionT[];

  @Field(() => SupplierStatus, { nullable: true, description: 'Defaults to PROBATION until it has delivered well.' })
  @IsOptional()
  status?: SupplierStatus | null;

  @Field(() => String, { nullable: true, description: 'Why it is on probation or suspended; required for SUSPENDED.' })
  @IsOptional()
  @MaxLength(500, code('TOO_LONG', 'statusReason must be at most 500 characters'))
  statusReason?: string | null;
}

@InputType({ description: 'Changes to a supplier; fields left out stay as they are.' })
export class UpdateSupplierInput {
  @Field(() => ID, { description: 'The supplier to change.' })
  supplierId: string;

  @Field(() => String, { nullable: true, description: 'New name.' })
  @IsOptional()
  @IsNotEmpty(code('INVALID_INPUT', 'name must not be empty'))
  @MaxLength(100, code('TOO_LONG', 'name must be at most 100 characters'))
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'New contact person.' })
  @IsOptional()
  @IsNotEmpty(code('INVALID_INPUT', 'contactName must not be empty'))
  @MaxLength(50, code('TOO_LONG', 'contactName must be at most 50 characters'))
  contactName?: string | null;

  @Field(() => String, { nullable: true, description: 'New phone.' })
  @IsOptional()
  @Matches(PHONE, code('INVALID_PHONE', 'phone must be a mainland mobile or landline number'))
  phone?: string | null;

  @Field(() => String, { nullable: true, description: 'New e-mail.' })
  @IsOptional()
  @IsEmail({}, code('INVALID_INPUT', 'email must be an e-mail address'))
  @MaxLength(200, code('TOO_LONG', 'email must be at most 200 characters'))
  email?: string | null;

  @Field(() => String, { nullable: true, description: 'New address.' })
  @IsOptional()
  @IsNotEmpty(code('INVALID_INPUT', 'address must not be empty'))
  @MaxLength(200, code('TOO_LONG', 'address must be at most 200 characters'))
  address?: string | null;

  @Field(() => [Region], { nullable: true, description: 'New list of regions it delivers to.' })
  @IsOptional()
  @ArrayNotEmpty(code('INVALID_INPUT', 'regions must name at least one region'))
  regions?: RegionT[] | null;

  @Field(() => SupplierStatus, { nullable: true, description: 'New status; SUSPENDED needs a statusReason.' })
  @IsOptional()
  status?: SupplierStatus | null;

  @Field(() => String, { nullable: true, description: 'Why the status changed.' })
  @IsOptional()
  @MaxLength(500, code('TOO_LONG', 'statusReason must be at most 500 characters'))
  statusReason?: string | null;
}

@InputType({ description: "A supplier's offer for one product; setting it again replaces it." })
export class SetSupplierOfferInput {
  @Field(() => ID, { description: 'The supplier.' })
  supplierId: string;

  @Field({ description: 'SKU of the product offered.' })
  @IsNotEmpty(code('INVALID_INPUT', 'sku must not be empty'))
  @MaxLength(64, code('TOO_LONG', 'sku must be at most 64 characters'))
  sku: string;

  @Field({ description: 'Price per unit in yuan, more than zero, at most two decimals, e.g. "12.50".' })
  @Matches(
    PRICE,
    code('INVALID_PRICE', 'unitPrice must be an amount in yuan above zero with at most two decimals, e.g. 12.50'),
  )
  unitPrice: string;

  @Field(() => Int, { description: 'Quoted days from confirmation to delivery, 1–365.' })
  @Min(1, code('INVALID_QUANTITY', 'leadTimeDays must be at least 1'))
  @Max(365, code('INVALID_QUANTITY', 'leadTimeDays must be at most 365'))
  leadTimeDays: number;

  @Field(() => Int, { nullable: true, description: 'Minimum quantity per order line (default 1).' })
  @IsOptional()
  @Min(1, code('INVALID_QUANTITY', 'minOrderQty must be at least 1'))
  @Max(MAX_ORDER_QUANTITY, code('INVALID_QUANTITY', `minOrderQty must be at most ${MAX_ORDER_QUANTITY}`))
  minOrderQty?: number | null;

  @Field(() => Int, { nullable: true, description: 'Quantities are multiples of this (default 1).' })
  @IsOptional()
  @Min(1, code('INVALID_QUANTITY', 'packMultiple must be at least 1'))
  @Max(10_000, code('INVALID_QUANTITY', 'packMultiple must be at most 10000'))
  packMultiple?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'False withdraws the offer (kept for history). Default true.' })
  @IsOptional()
  active?: boolean | null;
}

@InputType({ description: 'Which requirements to compute now.' })
export class GeneratePurchaseRequirementsInput {
  @Field(() => String, { nullable: true, description: 'Only this warehouse; all warehouses when left out.' })
  @IsOptional()
  @MaxLength(32, code('TOO_LONG', 'warehouseCode must be at most 32 characters'))
  warehouseCode?: string | null;
}

@InputType({ description: 'One line of a purchase order made by hand.' })
export class PurchaseOrderLineInput {
  @Field({ description: 'SKU the supplier offers.' })
  @IsNotEmpty(code('INVALID_INPUT', 'sku must not be empty'))
  @MaxLength(64, code('TOO_LONG', 'sku must be at most 64 characters'))
  sku: string;

  @Field(() => Int, { description: 'Units to order.' })
  @Min(1, code('INVALID_QUANTITY', 'quantity must be at least 1'))
  @Max(MAX_ORDER_QUANTITY, code('INVALID_QUANTITY', `quantity must be at most ${MAX_ORDER_QUANTITY}`))
  quantity: number;

  @Field(() => String, {
    nullable: true,
    description: "Price per unit in yuan; the supplier's offer price when left out.",
  })
  @IsOptional()
  @Matches(
    PRICE,
    code('INVALID_PRICE', 'unitPrice must be an amount in yuan above zero with at most two decimals, e.g. 12.50'),
  )
  unitPrice?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Promised delivery date if already known (YYYY-MM-DD, not in the past).',
  })
  @IsOptional()
  @Matches(DAY, code('INVALID_DATE', 'promisedDate must be a date YYYY-MM-DD'))
  promisedDate?: string | null;
}

@InputType({
  description:
    'A purchase order by hand (supplierId, warehouseCode, lines), or from requirements (requirementIds): one order per suggested supplier and warehouse.',
})
export class CreatePurchaseOrderInput {
  @Field(() => String, {
    nullable: true,
    description: 'Send the same key again (even concurrently) to get the first result instead of a second order.',
  })
  @IsOptional()
  @MaxLength(100, code('TOO_LONG', 'idempotencyKey must be at most 100 characters'))
  idempotencyKey?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The supplier; with requirementIds it overrides their suggested supplier.',
  })
  @IsOptional()
  supplierId?: string | null;

  @Field(() => String, { nullable: true, description: 'Warehouse receiving the goods (orders by hand).' })
  @IsOptional()
  @MaxLength(32, code('TOO_LONG', 'warehouseCode must be at most 32 characters'))
  warehouseCode?: string | null;

  @Field(() => [PurchaseOrderLineInput], { nullable: true, description: 'Lines of an order by hand.' })
  @IsOptional()
  @ArrayMaxSize(MAX_PO_LINES, code('TOO_MANY_LINES', `at most ${MAX_PO_LINES} lines`))
  @ValidateNested({ each: true })
  lines?: PurchaseOrderLineInput[] | null;

  @Field(() => [ID], { nullable: true, description: 'Open requirements to order.' })
  @IsOptional()
  @ArrayMaxSize(MAX_PO_LINES * 5, code('TOO_MANY_LINES', `at most ${MAX_PO_LINES * 5} requirements at once`))
  requirementIds?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Note for the supplier or the team.' })
  @IsOptional()
  @MaxLength(500, code('TOO_LONG', 'note must be at most 500 characters'))
  note?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "Needed to order from a supplier whose standing is BLOCKED: a manager's reason (PURCHASE_ORDER_OVERRIDE).",
  })
  @IsOptional()
  @MaxLength(500, code('TOO_LONG', 'overrideReason must be at most 500 characters'))
  overrideReason?: string | null;
}

@InputType({ description: 'A purchase order to act on, with an optional override of a blocking standing.' })
export class PurchaseOrderActionInput {
  @Field(() => ID, { description: 'The purchase order.' })
  purchaseOrderId: string;

  @Field(() => String, {
    nullable: true,
    description: "A manager's reason to go on although the supplier's standing is BLOCKED.",
  })
  @IsOptional()
  @MaxLength(500, code('TOO_LONG', 'overrideReason must be at most 500 characters'))
  overrideReason?: string | null;
}

@InputType({ description: "The supplier's promised date for one line." })
export class PromisedDateInput {
  @Field(() => ID, { description: 'The purchase order line.' })
  lineId: string;

  @Field({ description: 'Promised delivery date, YYYY-MM-DD, today or later.' })
  @Matches(DAY, code('INVALID_DATE', 'promisedDate must be a date YYYY-MM-DD'))
  promisedDate: string;
}

@InputType({ description: "The supplier's confirmation: a promised date for every line (frozen from now on)." })
export class ConfirmPurchaseOrderInput extends PurchaseOrderActionInput {
  @Field(() => [PromisedDateInput], {
    nullable: true,
    description: 'Promised dates; lines left out keep the date they were created with.',
  })
  @IsOptional()
  @ArrayMaxSize(MAX_PO_LINES, code('TOO_MANY_LINES', `at most ${MAX_PO_LINES} lines`))
  @ValidateNested({ each: true })
  lines?: PromisedDateInput[] | null;
}

@InputType({ description: 'A contact with the supplier about a late purchase order.' })
export class ExpeditePurchaseOrderInput {
  @Field(() => ID, { description: 'The purchase order.' })
  purchaseOrderId: string;

  @Field({ description: 'What was agreed or said.' })
  @IsNotEmpty(code('INVALID_INPUT', 'note must not be empty'))
  @MaxLength(500, code('TOO_LONG', 'note must be at most 500 characters'))
  note: string;

  @Field(() => String, {
    nullable: true,
    description: 'New expected date for every outstanding line (YYYY-MM-DD, today or later).',
  })
  @IsOptional()
  @Matches(DAY, code('INVALID_DATE', 'newExpectedDate must be a date YYYY-MM-DD'))
  newExpectedDate?: string | null;
}

@InputType({ description: 'Cancel a purchase order before any goods arrived.' })
export class CancelPurchaseOrderInput {
  @Field(() => ID, { description: 'The purchase order.' })
  purchaseOrderId: string;

  @Field({ description: 'Why it is cancelled.' })
  @IsNotEmpty(code('INVALID_INPUT', 'reason must not be empty'))
  @MaxLength(500, code('TOO_LONG', 'reason must be at most 500 characters'))
  reason: string;
}

@InputType({ description: 'Close a purchase order: the rest will not be delivered (or everything has arrived).' })
export class ClosePurchaseOrderInput {
  @Field(() => ID, { description: 'The purchase order.' })
  purchaseOrderId: string;

  @Field({ description: 'Why it is closed, e.g. "supplier cannot deliver the rest".' })
  @IsNotEmpty(code('INVALID_INPUT', 'reason must not be empty'))
  @MaxLength(500, code('TOO_LONG', 'reason must be at most 500 characters'))
  reason: string;
}

@InputType({ description: 'Set an open purchase requirement aside.' })
export class DismissPurchaseRequirementInput {
  @Field(() => ID, { description: 'The requirement.' })
  requirementId: string;

  @Field({ description: 'Why it is not ordered; the next run counts it no longer, so it may be required again.' })
  @IsNotEmpty(code('INVALID_INPUT', 'reason must not be empty'))
  @MaxLength(500, code('TOO_LONG', 'reason must be at most 500 characters'))
  reason: string;
}

@InputType({ description: 'What arrived for one line, after inspection: received = accepted + rejected.' })
export class ReceiptLineInput {
  @Field(() => ID, { description: 'The purchase order line.' })
  lineId: string;

  @Field(() => Int, { description: 'Units that arrived.' })
  @Min(1, code('INVALID_QUANTITY', 'received must be at least 1'))
  @Max(MAX_ORDER_QUANTITY, code('INVALID_QUANTITY', `received must be at most ${MAX_ORDER_QUANTITY}`))
  received: number;

  @Field(() => Int, { description: 'Units that passed inspection.' })
  @Min(0, code('INVALID_QUANTITY', 'accepted must not be negative'))
  @Max(MAX_ORDER_QUANTITY, code('INVALID_QUANTITY', `accepted must be at most ${MAX_ORDER_QUANTITY}`))
  accepted: number;

  @Field(() => Int, { description: 'Units rejected.' })
  @Min(0, code('INVALID_QUANTITY', 'rejected must not be negative'))
  @Max(MAX_ORDER_QUANTITY, code('INVALID_QUANTITY', `rejected must be at most ${MAX_ORDER_QUANTITY}`))
  rejected: number;

  @Field(() => RejectionReason, { nullable: true, description: 'Required when units were rejected.' })
  @IsOptional()
  rejectionReason?: RejectionReasonT | null;
}

@InputType({ description: 'Goods that arrived against a purchase order.' })
export class ReceivePurchaseOrderInput {
  @Field(() => ID, { description: 'The purchase order.' })
  purchaseOrderId: string;

  @Field(() => String, {
    nullable: true,
    description: 'Send the same key again (even concurrently) to get the first receipt instead of a second one.',
  })
  @IsOptional()
  @MaxLength(100, code('TOO_LONG', 'idempotencyKey must be at most 100 characters'))
  idempotencyKey?: string | null;

  @Field(() => [ReceiptLineInput], { description: 'Lines that arrived (at least one).' })
  @ArrayNotEmpty(code('EMPTY_LINES', 'a receipt needs at least one line'))
  @ArrayMaxSize(MAX_PO_LINES, code('TOO_MANY_LINES', `at most ${MAX_PO_LINES} lines`))
  @ValidateNested({ each: true })
  lines: ReceiptLineInput[];

  @Field(() => String, { nullable: true, description: 'Note from the receiving staff.' })
  @IsOptional()
  @MaxLength(500, code('TOO_LONG', 'note must be at most 500 characters'))
  note?: string | null;
}

@InputType({ description: 'All given conditions must hold.' })
export class SupplierFilter {
  @Field(() => [SupplierStatus], { nullable: true, description: 'Any of these statuses.' })
  status?: SupplierStatus[] | null;

  @Field(() => [SupplierStanding], { nullable: true, description: 'Any of these standings.' })
  standing?: SupplierStandingT[] | null;

  @Field(() => Region, { nullable: true, description: 'Delivers to this region.' })
  region?: RegionT | null;

  @Field(() => String, { nullable: true, description: '3 to 64 characters of the code or name.' })
  search?: string | null;
}

@InputType({ description: 'All given conditions must hold.' })
export class PurchaseRequirementFilter {
  @Field(() => [RequirementStatus], { nullable: true, description: 'Any of these statuses.' })
  status?: RequirementStatusT[] | null;

  @Field(() => String, { nullable: true, description: 'For this warehouse.' })
  warehouseCode?: string | null;

  @Field(() => String, { nullable: true, description: 'For this SKU.' })
  sku?: string | null;

  @Field(() => ID, { nullable: true, description: 'Suggested for this supplier.' })
  supplierId?: string | null;
}

@InputType({ description: 'All given conditions must hold.' })
export class PurchaseOrderFilter {
  @Field(() => [PurchaseOrderStatus], { nullable: true, description: 'Any of these statuses.' })
  status?: PurchaseOrderStatusT[] | null;

  @Field(() => ID, { nullable: true, description: 'To this supplier.' })
  supplierId?: string | null;

  @Field(() => String, { nullable: true, description: 'For this warehouse.' })
  warehouseCode?: string | null;

  @Field(() => String, { nullable: true, description: 'With a line of this SKU.' })
  sku?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Only orders past their expected date without full receipt (true), or only those not (false).',
  })
  overdue?: boolean | null;

  @Field(() => String, { nullable: true, description: '3 to 64 characters of the order number.' })
  search?: string | null;
}
