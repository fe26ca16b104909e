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
import { Field, Float, ID, InputType, Int } from 'type-graphql';
import {
  PICK_LIST_MAX_ORDERS,
  type CarrierKind as CarrierKindT,
  type PackageMaterial as PackageMaterialT,
  type PickListStatus as PickListStatusT,
  type Region as RegionT,
  type ShipmentStatus as ShipmentStatusT,
  type ShippingMethod as ShippingMethodT,
  type ShortPickReason as ShortPickReasonT,
} from '@fulfilment/domain';
import { Region } from '../../common/enums';
import { code } from '../../common/validation';
import {
  CarrierKind,
  PackageMaterial,
  PickListStatus,
  ShipmentStatus,
  ShippingMethod,
  ShortPickReason,
} from './fulfilment.enums';

export const MAX_PACKAGES = 50;
export const MAX_CHECK_ITEMS = 200;
/** Units in one pick or check entry. */
export const MAX_UNITS = 100_000;
/** One package's weight, at most 1,000 kg. */
export const MAX_PACKAGE_WEIGHT_G = 1_000_000;

@InputType({ description: 'A pick list to create: orders chosen by the platform, or named by hand.' })
export class CreatePickListInput {
  @Field({ description: 'The warehouse to pick in, e.g. SH-01.' })
  @IsNotEmpty(code('INVALID_INPUT', 'warehouseCode must not be empty'))
  @MaxLength(32, code('TOO_LONG', 'warehouseCode must be at most 32 characters'))
  warehouseCode: string;

  @Field(() => [ID], {
    nullable: true,
    description:
      "Orders to pick, by hand; each must have allocated units in the warehouse that are on no other list. Without it the platform chooses: urgent orders first, then key accounts', then high and normal priority, oldest first.",
  })
  @IsOptional()
  @ArrayNotEmpty(code('INVALID_INPUT', 'orderIds must not be empty when given'))
  @ArrayMaxSize(PICK_LIST_MAX_ORDERS, code('TOO_MANY_LINES', `at most ${PICK_LIST_MAX_ORDERS} orders per list`))
  orderIds?: string[] | null;

  @Field(() => Int, {
    nullable: true,
    description: `Most orders the platform puts on the list: 1–${PICK_LIST_MAX_ORDERS}, 50 by default.`,
  })
  @IsOptional()
  @Min(1, code('INVALID_QUANTITY', 'maxOrders must be at least 1'))
  @Max(PICK_LIST_MAX_ORDERS, code('INVALID_QUANTITY', `maxOrders must be at most ${PICK_LIST_MAX_ORDERS}`))
  maxOrders?: number | null;

  @Field(() => Int, { nullable: true, description: 'Most units on the list (a trolley’s worth); no limit by default.' })
  @IsOptional()
  @Min(1, code('INVALID_QUANTITY', 'maxUnits must be at least 1'))
  @Max(MAX_UNITS, code('INVALID_QUANTITY', `maxUnits must be at most ${MAX_UNITS}`))
  maxUnits?: number | null;

  @Field(() => String, { nullable: true, description: 'Only orders delivered to this city, e.g. 上海.' })
  @IsOptional()
  @MaxLength(32, code('TOO_LONG', 'deliveryCity must be at most 32 characters'))
  deliveryCity?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Send the same key again (even concurrently) to get the first list instead of a second one.',
  })
  @IsOptional()
  @MaxLength(100, code('TOO_LONG', 'idempotencyKey must be at most 100 characters'))
  idempotencyKey?: string | null;
}

@InputType({ description: 'A pick list to act on.' })
export class PickListActionInput {
  @Field(() => ID, { description: 'The pick list.' })
  pickListId: string;
}

@InputType({ description: 'A pick list to cancel, and why.' })
export class CancelPickListInput {
  @Field(() => ID, { description: 'The pick list.' })
  pickListId: string;

  @Field({ description: 'Why; its orders go back to waiting for a list.' })
  @IsNotEmpty(code('INVALID_INPUT', 'reason must not be empty'))
  @MaxLength(500, code('TOO_LONG', 'reason must be at most 500 characters'))
  reason: string;
}

@InputType({ description: 'Units picked for one line of a running pick list (recording again replaces the count).' })
export class RecordPickInput {
  @Field(() => ID, { description: 'The pick list.' })
  pickListId: string;

  @Field(() => ID, { description: 'The line (PickListLine.id).' })
  lineId: string;

  @Field(() => Int, { description: 'Units picked, 0 to the required quantity.' })
  @Min(0, code('INVALID_QUANTITY', 'picked must not be negative'))
  @Max(MAX_UNITS, code('INVALID_QUANTITY', `picked must be at most ${MAX_UNITS}`))
  picked: number;

  @Field(() => ShortPickReason, { nullable: true, description: 'Required when fewer units were picked than required.' })
  @IsOptional()
  shortReason?: ShortPickReasonT | null;
}

@InputType({ description: 'One product counted at the check: scanned or typed.' })
export class CheckItemInput {
  @Field({ description: 'The SKU scanned or typed.' })
  @IsNotEmpty(code('INVALID_INPUT', 'sku must not be empty'))
  @MaxLength(64, code('TOO_LONG', 'sku must be at most 64 characters'))
  sku: string;

  @Field(() => Int, { description: 'Units counted.' })
  @Min(1, code('INVALID_QUANTITY', 'quantity must be at least 1'))
  @Max(MAX_UNITS, code('INVALID_QUANTITY', `quantity must be at most ${MAX_UNITS}`))
  quantity: number;
}

@InputType({ description: 'The check (复核) of a picked shipment: every item counted again before packing.' })
export class CheckOrderInput {
  @Field(() => ID, { description: 'The shipment (one warehouse’s part of the order).' })
  shipmentId: string;

  @Field(() => [CheckItemInput], { description: 'What the checker counted, one entry per SKU (repeats are added up).' })
  @ArrayNotEmpty(code('EMPTY_LINES', 'a check needs at least one item'))
  @ArrayMaxSize(MAX_CHECK_ITEMS, code('TOO_MANY_LINES', `at most ${MAX_CHECK_ITEMS} items`))
  @ValidateNested({ each: true })
  items: CheckItemInput[];
}

@InputType({ description: 'One package as packed and weighed.' })
export class PackageInput {
  @Field(() => PackageMaterial, { description: 'Packaging used.' })
  material: PackageMaterialT;

  @Field(() => Int, { description: 'Weight in grams from the scale, at least 1.' })
  @Min(1, code('INVALID_QUANTITY', 'weightG must be at least 1'))
  @Max(MAX_PACKAGE_WEIGHT_G, code('INVALID_QUANTITY', `weightG must be at most ${MAX_PACKAGE_WEIGHT_G}`))
  weightG: number;

  @Field(() => String, {
    nullable: true,
    description:
      "A pre-printed label's tracking number (UPU S10, check digit verified); the platform prints one when absent.",
  })
  @IsOptional()
  @MaxLength(32, code('TOO_LONG', 'trackingNumber must be at most 32 characters'))
  trackingNumber?: string | null;
}

@InputType({ description: 'The packages of a checked shipment.' })
export class PackOrderInput {
  @Field(() => ID, { description: 'The shipment.' })
  shipmentId: string;

  @Field(() => [PackageInput], { description: 'Its packages (at least one); proposedPackaging suggests them.' })
  @ArrayNotEmpty(code('EMPTY_LINES', 'packing needs at least one package'))
  @ArrayMaxSize(MAX_PACKAGES, code('TOO_MANY_LINES', `at most ${MAX_PACKAGES} packages`))
  @ValidateNested({ each: true })
  packages: PackageInput[];
}

@InputType({ description: 'A packed shipment leaving with a carrier.' })
export class ShipOrderInput {
  @Field(() => ID, { description: 'The shipment.' })
  shipmentId: string;

  @Field(() => String, {
    nullable: true,
    description: 'The carrier by code; without it the best-ranked carrier for the destination and weight is used.',
  })
  @IsOptional()
  @MaxLength(32, code('TOO_LONG', 'carrierCode must be at most 32 characters'))
  carrierCode?: string | null;
}

/** Yuan with at most two decimals, zero allowed (an own fleet may charge nothing per shipment). */
const YUAN = /^\d{1,6}(\.\d{1,2})?$/;
const CARRIER_CODE = /^[A-Z0-9][A-Z0-9-]{1,31}$/;
const TRACKING_PREFIX = /^[A-Z]{2}$/;

@InputType({ description: 'A new carrier.' })
export class CreateCarrierInput {
  @Field({ description: 'Unique code: 2–32 capital letters, digits or dashes, e.g. SF-EXPRESS.' })
  @Matches(CARRIER_CODE, code('INVALID_INPUT', 'code must be 2–32 capital letters, digits or dashes'))
  code: string;

  @Field({ description: 'Name, e.g. 顺丰速运.' })
  @IsNotEmpty(code('INVALID_INPUT', 'name must not be empty'))
  @MaxLength(100, code('TOO_LONG', 'name must be at most 100 characters'))
  name: string;

  @Field(() => CarrierKind, { description: 'Own fleet or partner.' })
  kind: CarrierKindT;

  @Field(() => [Region], { description: 'Regions it delivers to (at least one).' })
  @ArrayNotEmpty(code('INVALID_INPUT', 'regions must not be empty'))
  regions: RegionT[];

  @Field(() => [ShippingMethod], { description: 'Services it offers (at least one).' })
  @ArrayNotEmpty(code('INVALID_INPUT', 'methods must not be empty'))
  methods: ShippingMethodT[];

  @Field({ description: 'Two capital letters that start its tracking numbers, e.g. SF.' })
  @Matches(TRACKING_PREFIX, code('INVALID_INPUT', 'trackingPrefix must be two capital letters'))
  trackingPrefix: string;

  @Field({ description: 'Price per shipment in yuan, e.g. "8.00" (0 allowed for the own fleet: "0").' })
  @Matches(YUAN, code('INVALID_PRICE', 'basePrice must be yuan with at most two decimals'))
  basePrice: string;

  @Field({ description: 'Price per started kilogram in yuan, e.g. "2.50".' })
  @Matches(YUAN, code('INVALID_PRICE', 'perKg must be yuan with at most two decimals'))
  perKg: string;

  @Field(() => Int, { description: 'Usual days from hand-over to delivery, 0–30.' })
  @Min(0, code('INVALID_QUANTITY', 'transitDays must not be negative'))
  @Max(30, code('INVALID_QUANTITY', 'transitDays must be at most 30'))
  transitDays: number;

  @Field(() => Float, { nullable: true, description: 'On-time share 0–100 from experience; null while unrated.' })
  @IsOptional()
  @Min(0, code('INVALID_INPUT', 'reliability must be 0–100'))
  @Max(100, code('INVALID_INPUT', 'reliability must be 0–100'))
  reliability?: number | null;
}

@InputType({ description: 'Changes to a carrier; fields left out keep their value.' })
export class UpdateCarrierInput {
  @Field(() => ID, { description: 'The carrier.' })
  carrierId: string;

  @Field(() => Boolean, { nullable: true, description: 'False to stop giving it shipments.' })
  @IsOptional()
  active?: boolean | null;

  @Field(() => String, { nullable: true, description: 'New name.' })
  @IsOptional()
  @IsNotEmpty(code('INVALID_INPUT', 'name must not be empty'))
  @MaxLength(100, code('TOO_LONG', 'name must be at most 100 characters'))
  name?: string | null;

  @Field(() => [Region], { nullable: true, description: 'New regions (at least one).' })
  @IsOptional()
  @ArrayNotEmpty(code('INVALID_INPUT', 'regions must not be empty'))
  regions?: RegionT[] | null;

  @Field(() => [ShippingMethod], { nullable: true, description: 'New services (at least one).' })
  @IsOptional()
  @ArrayNotEmpty(code('INVALID_INPUT', 'methods must not be empty'))
  methods?: ShippingMethodT[] | null;

  @Field(() => String, { nullable: true, description: 'New price per shipment in yuan.' })
  @IsOptional()
  @Matches(YUAN, code('INVALID_PRICE', 'basePrice must be yuan with at most two decimals'))
  basePrice?: string | null;

  @Field(() => String, { nullable: true, description: 'New price per started kilogram in yuan.' })
  @IsOptional()
  @Matches(YUAN, code('INVALID_PRICE', 'perKg must be yuan with at most two decimals'))
  perKg?: string | null;

  @Field(() => Int, { nullable: true, description: 'New usual transit days, 0–30.' })
  @IsOptional()
  @Min(0, code('INVALID_QUANTITY', 'transitDays must not be negative'))
  @Max(30, code('INVALID_QUANTITY', 'transitDays must be at most 30'))
  transitDays?: number | null;

  @Field(() => Float, { nullable: true, description: 'New on-time share 0–100.' })
  @IsOptional()
  @Min(0, code('INVALID_INPUT', 'reliability must be 0–100'))
  @Max(100, code('INVALID_INPUT', 'reliability must be 0–100'))
  reliability?: number | null;
}

@InputType({ description: 'All given conditions must hold.' })
export class PickListFilter {
  @Field(() => [PickListStatus], { nullable: true, description: 'Any of these statuses.' })
  status?: PickListStatusT[] | null;

  @Field(() => String, { nullable: true, description: 'In this warehouse.' })
  warehouseCode?: string | null;
}

@InputType({ description: 'All given conditions must hold.' })
export class ShipmentFilter {
  @Field(() => [ShipmentStatus], { nullable: true, description: 'Any of these stages.' })
  status?: ShipmentStatusT[] | null;

  @Field(() => String, { nullable: true, description: 'Leaving from this warehouse.' })
  warehouseCode?: string | null;

  @Field(() => String, { nullable: true, description: 'With this carrier (code).' })
  carrierCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Shipped on this day, YYYY-MM-DD (Asia/Shanghai).' })
  shippedOn?: string | null;
}
