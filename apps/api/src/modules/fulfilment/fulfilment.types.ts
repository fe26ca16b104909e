import { Field, Float, Int, ObjectType } from 'type-graphql';
import type { PackageMaterial as PackageMaterialT, ShippingMethod as ShippingMethodT } from '@fulfilment/domain';
import { Connection } from '../../common/connection';
import { Money } from '../../common/money.type';
import { MutationPayload } from '../../common/user-error';
import { Order } from '../order/order.entity';
import { Carrier } from './carrier.entity';
import {
  PackageMaterial,
  ShipmentOutcome,
  ShippingMethod,
  type ShipmentOutcome as ShipmentOutcomeT,
} from './fulfilment.enums';
import { PickList } from './pick-list.entity';
import { CheckError, Shipment } from './shipment.entity';

@ObjectType({ description: 'A page of pick lists, newest first.' })
export class PickListConnection extends Connection(PickList) {}

@ObjectType({ description: 'A page of shipments, newest first.' })
export class ShipmentConnection extends Connection(Shipment) {}

@ObjectType({ description: 'Units of one SKU in a proposed package.' })
export class PackedItem {
  @Field({ description: 'SKU.' })
  sku: string;

  @Field(() => Int, { description: 'Units.' })
  quantity: number;
}

@ObjectType({ description: "A package the platform proposes from the products' packaging needs and weights." })
export class ProposedPackage {
  @Field(() => PackageMaterial, { description: 'Packaging to use.' })
  material: PackageMaterialT;

  @Field(() => [PackedItem], { description: 'What goes in it.' })
  items: PackedItem[];

  @Field(() => Int, { description: 'Expected weight in grams (the scale decides).' })
  weightG: number;

  @Field({ description: 'Why this packaging, for the packer.' })
  reason: string;
}

@ObjectType({ description: 'What became of one order of a completed or cancelled pick list.' })
export class PickListOrderOutcome {
  @Field(() => Order, { description: 'The order.' })
  order: Order;

  @Field(() => Shipment, { description: 'Its part on the list.' })
  shipment: Shipment;

  @Field(() => ShipmentOutcome, {
    nullable: true,
    description:
      'Why it left the list other than picked in full; null when it was picked in full and goes on to checking.',
  })
  outcome: ShipmentOutcomeT | null;

  @Field({ description: 'What happened, in words (units short, where the rest was reserved …).' })
  detail: string;
}

@ObjectType({ description: 'The pick list after the change, or userErrors saying why not.' })
export class PickListPayload extends MutationPayload {
  @Field(() => PickList, { nullable: true, description: 'The pick list.' })
  pickList: PickList | null;
}

@ObjectType({ description: 'The completed or cancelled pick list and what became of each of its orders.' })
export class ClosePickListPayload extends PickListPayload {
  @Field(() => [PickListOrderOutcome], {
    nullable: true,
    description: 'Every order of the list, with its outcome: none drops out silently.',
  })
  orders: PickListOrderOutcome[] | null;
}

@ObjectType({ description: 'The shipment after the change, or userErrors saying why not.' })
export class ShipmentPayload extends MutationPayload {
  @Field(() => Shipment, { nullable: true, description: 'The shipment.' })
  shipment: Shipment | null;
}

@ObjectType({
  description:
    'The result of a check: passed (the shipment is CHECKED), or the errors found, recorded against the picker; the shipment must then be checked again.',
})
export class CheckOrderPayload extends ShipmentPayload {
  @Field(() => Boolean, { nullable: true, description: 'Whether every item matched; null when the check was refused.' })
  passed: boolean | null;

  @Field(() => [CheckError], { nullable: true, description: 'What this check found wrong (empty when it passed).' })
  errors: CheckError[] | null;
}

@ObjectType({ description: 'The carrier after the change, or userErrors saying why not.' })
export class CarrierPayload extends MutationPayload {
  @Field(() => Carrier, { nullable: true, description: 'The carrier.' })
  carrier: Carrier | null;
}

@ObjectType({ description: "Points out of 100 behind a carrier's rank for one shipment." })
export class CarrierPoints {
  @Field(() => Float, { description: 'On-time record (unrated counts 60), weight 40 %.' })
  reliability: number;

  @Field(() => Float, { description: 'Cheapest eligible price / own price × 100, weight 35 %.' })
  price: number;

  @Field(() => Float, { description: 'Fastest eligible transit / own transit × 100, weight 25 %.' })
  speed: number;

  @Field(() => Float, { description: 'The weighted total the carriers are ranked by.' })
  total: number;
}

@ObjectType({
  description: 'A carrier as evaluated for one shipment: whether it can take it, and why it ranks where it does.',
})
export class CarrierOption {
  @Field(() => Carrier, { description: 'The carrier.' })
  carrier: Carrier;

  @Field({ description: 'It can take this shipment.' })
  eligible: boolean;

  @Field(() => String, { nullable: true, description: 'Why it cannot (inactive, region, method); null when eligible.' })
  excludedBecause: string | null;

  @Field(() => Int, {
    nullable: true,
    description: '1 for the carrier shipping picks without a carrierCode; null when ineligible.',
  })
  rank: number | null;

  @Field(() => Money, { description: 'Its price for this shipment: base plus per started kilogram.' })
  price: Money;

  @Field(() => Int, { description: 'Its usual transit days.' })
  transitDays: number;

  @Field(() => CarrierPoints, { description: 'The points behind the rank.' })
  points: CarrierPoints;
}

@ObjectType({
  description: 'How a shipment would leave: the method its weight and urgency call for, and every carrier ranked.',
})
export class CarrierChoice {
  @Field(() => ShippingMethod, { description: 'Express for small or urgent shipments, freight from 30 kg.' })
  method: ShippingMethodT;

  @Field(() => Int, {
    description: 'The weight it is ranked for, in grams: the packages once packed, else the units picked.',
  })
  weightG: number;

  @Field(() => [CarrierOption], { description: 'Every carrier: eligible ones by rank, then the others by code.' })
  options: CarrierOption[];
}
