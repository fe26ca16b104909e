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

@InputType()
export class OrderLineInput {
  @Field({ description: 'Product SKU from the catalogue.' })
  @IsNotEmpty(code('INVALID_INPUT', 'sku must not be empty'))
  @MaxLength(64, code('TOO_LONG', 'sku must be at most 64 characters'))
  sku: string;

  @Field(() => Int)
  @Min(1, code('INVALID_QUANTITY', 'quantity must be at least 1'))
  @Max(MAX_QUANTITY, code('INVALID_QUANTITY', `quantity must be at most ${MAX_QUANTITY}`))
  quantity: number;
}

@InputType()
export class DeliveryAddressInput {
  @Field()
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

  @Field()
  @IsNotEmpty(code('INVALID_INPUT', 'city must not be empty'))
  @MaxLength(50, code('TOO_LONG', 'city must be at most 50 characters'))
  city: string;

  @Field(() => Region)
  region: RegionT;
}

@InputType()
export class PlaceOrderInput {
  @Field({
    nullable: true,
    description: 'Send the same key again (even concurrently) to get the first result instead of a second order.',
  })
  @IsOptional()
  @MaxLength(100, code('TOO_LONG', 'idempotencyKey must be at most 100 characters'))
  idempotencyKey?: string;

  @Field(() => ID)
  customerId: string;

  @Field(() => [OrderLineInput])
  @ArrayNotEmpty(code('EMPTY_LINES', 'an order needs at least one line'))
  @ArrayMaxSize(MAX_LINES, code('TOO_MANY_LINES', `an order has at most ${MAX_LINES} lines`))
  @ValidateNested()
  lines: OrderLineInput[];

  @Field(() => DeliveryAddressInput, { nullable: true, description: "Defaults to the customer's address and contact." })
  @IsOptional()
  @ValidateNested()
  deliveryAddress?: DeliveryAddressInput;

  @Field(() => PaymentMethod)
  paymentMethod: PaymentMethodT;

  @Field({ defaultValue: false, description: 'True when the storefront has already taken an online payment.' })
  paid: boolean;

  @Field(() => SalesChannel)
  channel: SalesChannel;

  @Field(() => OrderPriority, { defaultValue: 'NORMAL' })
  priority: OrderPriority;

  @Field({ nullable: true, description: 'Promised delivery time; by default from the priority (12/24/48 hours).' })
  @IsOptional()
  promisedBy?: Date;

  @Field({
    defaultValue: false,
    description: 'When stock is short, keep the order as a backorder instead of rejecting it.',
  })
  allowBackorder: boolean;

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(500, code('TOO_LONG', 'note must be at most 500 characters'))
  note?: string;
}

@InputType()
export class ApproveOrderInput {
  @Field(() => ID)
  orderId: string;
}

@InputType()
export class HoldOrderInput {
  @Field(() => ID)
  orderId: string;

  @Field()
  @IsNotEmpty(code('INVALID_INPUT', 'a reason is required'))
  @MaxLength(500, code('TOO_LONG', 'reason must be at most 500 characters'))
  reason: string;
}

@InputType()
export class CancelOrderInput extends HoldOrderInput {}

@InputType()
export class UpdateOrderInput {
  @Field(() => ID)
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

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(500, code('TOO_LONG', 'note must be at most 500 characters'))
  note?: string;

  @Field({ nullable: true, description: 'Why the customer asked for the change; recorded on the event.' })
  @IsOptional()
  @MaxLength(500, code('TOO_LONG', 'reason must be at most 500 characters'))
  reason?: string;
}
