import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsNotEmpty,
  IsOptional,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import type { PaymentMethod as PaymentMethodT, Region as RegionT } from '@fulfilment/domain';
import { OrderPriority, PaymentMethod, Region, SalesChannel } from '../../common/enums';
import { code } from '../../common/validation';

export const MAX_LINES = 100;
export const MAX_QUANTITY = 9999;
/** Mainland mobile numbers, or landlines such as 021-12345678. */
export const PHONE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;

@InputType({ description: 'One product and quantity of an order.' })
export class OrderLineInput {
  @Field({ description: 'Product SKU from the catalogue.' })
  @IsNotEmpty(code('INVALID_INPUT', 'sku must not be empty'))
  @MaxLength(64, code('TOO_LONG', 'sku must be at most 64 characters'))
  sku: string;

  @Field(() => Int, { description: 'Units, 1 or more.' })
  @Min(1, code('INVALID_QUANTITY', 'quantity must be at least 1'))
  @Max(MAX_QUANTITY, code('INVALID_QUANTITY', `quantity must be at most ${MAX_QUANTITY}`))
  quantity: number;
}

@InputType({ description: 'Where and to whom to deliver.' })
export class DeliveryAddressInput {
  @Field({ description: 'Who receives the delivery, at most 50 characters.' })
  @IsNotEmpty(code('INVALID_INPUT', 'contactName must not be empty'))
  @MaxLength(50, code('TOO_LONG', 'contactName must be at most 50 characters'))
  contactName: string;

  @Field({ description: 'Mobile (13812345678) or landline (021-12345678).' })
  @Matches(PHONE, code('INVALID_PHONE', 'phone must be a mainland mobile or landline number'))
  phone: string;

  @Field({ description: 'Street, building and number.' })
  @IsNotEmpty(code('INVALID_INPUT', 'address must not be empty'))
  @MaxLength(200, code('TOO_LONG', 'address must be at most 200 characters'))
  address: string;

  @Field({ description: 'City, e.g. 上海.' })
  @IsNotEmpty(code('INVALID_INPUT', 'city must not be empty'))
  @MaxLength(50, code('TOO_LONG', 'city must be at most 50 characters'))
  city: string;

  @Field(() => Region, { description: 'Service region of the address.' })
  region: RegionT;
}

@InputType({ description: 'A new order: customer, lines, payment and delivery.' })
export class PlaceOrderInput {
  @Field({
    nullable: true,
    description: 'Send the same key again (even concurrently) to get the first result instead of a second order.',
  })
  @IsOptional()
  @MaxLength(100, code('TOO_LONG', 'idempotencyKey must be at most 100 characters'))
  idempotencyKey?: string;

  @Field(() => ID, { description: 'Global id of the customer.' })
  customerId: string;

  @Field(() => [OrderLineInput], { description: 'The products ordered; at least one line.' })
  @ArrayNotEmpty(code('EMPTY_LINES', 'an order needs at least one line'))
  @ArrayMaxSize(MAX_LINES, code('TOO_MANY_LINES', `an order has at most ${MAX_LINES} lines`))
  @ValidateNested()
  lines: OrderLineInput[];

  @Field(() => DeliveryAddressInput, { nullable: true, description: "Defaults to the customer's address and contact." })
  @IsOptional()
  @ValidateNested()
  deliveryAddress?: DeliveryAddressInput;

  @Field(() => PaymentMethod, { description: 'How the customer pays.' })
  paymentMethod: PaymentMethodT;

  @Field({ defaultValue: false, description: 'True when the storefront has already taken an online payment.' })
  paid: boolean;

  @Field(() => SalesChannel, { description: 'Where the order came from.' })
  channel: SalesChannel;

  @Field(() => OrderPriority, { defaultValue: 'NORMAL', description: 'How urgent the order is (default NORMAL).' })
  priority: OrderPriority;

  @Field({ nullable: true, description: 'Promised delivery time; by default from the priority (12/24/48 hours).' })
  @IsOptional()
  promisedBy?: Date;

  @Field({
    defaultValue: false,
    description: 'When stock is short, keep the order as a backorder instead of rejecting it.',
  })
  allowBackorder: boolean;

  @Field({
    nullable: true,
    description:
      'Free text for the warehouse or courier, at most 500 characters; contact details in it are masked without CUSTOMER_PII_READ.',
  })
  @IsOptional()
  @MaxLength(500, code('TOO_LONG', 'note must be at most 500 characters'))
  note?: string;
}

@InputType({ description: 'The order to approve or release from hold.' })
export class ApproveOrderInput {
  @Field(() => ID, { description: 'Global id of the order.' })
  orderId: string;
}

@InputType({ description: 'The order to hold, and why.' })
export class HoldOrderInput {
  @Field(() => ID, { description: 'Global id of the order.' })
  orderId: string;

  @Field({ description: 'Why, 1 to 500 characters; recorded on the order event.' })
  @IsNotEmpty(code('INVALID_INPUT', 'a reason is required'))
  @MaxLength(500, code('TOO_LONG', 'reason must be at most 500 characters'))
  reason: string;
}

@InputType({ description: 'The order to cancel, and why.' })
export class CancelOrderInput extends HoldOrderInput {}

@InputType({ description: 'Changes to an order; fields left out stay as they are.' })
export class UpdateOrderInput {
  @Field(() => ID, { description: 'Global id of the order.' })
  orderId: string;

  @Field(() => [OrderLineInput], { nullable: true, description: 'Replaces all lines; allowed until picking starts.' })
  @IsOptional()
  @ArrayNotEmpty(code('EMPTY_LINES', 'an order needs at least one line'))
  @ArrayMaxSize(MAX_LINES, code('TOO_MANY_LINES', `an order has at most ${MAX_LINES} lines`))
  @ValidateNested()
  lines?: OrderLineInput[];

  @Field(() => DeliveryAddressInput, { nullable: true, description: 'Allowed until the order is shipped.' })
  @IsOptional()
  @ValidateNested()
  deliveryAddress?: DeliveryAddressInput;

  @Field({ nullable: true, description: 'Replaces the note; at most 500 characters.' })
  @IsOptional()
  @MaxLength(500, code('TOO_LONG', 'note must be at most 500 characters'))
  note?: string;

  @Field({ nullable: true, description: 'Why the customer asked for the change; recorded on the event.' })
  @IsOptional()
  @MaxLength(500, code('TOO_LONG', 'reason must be at most 500 characters'))
  reason?: string;
}
