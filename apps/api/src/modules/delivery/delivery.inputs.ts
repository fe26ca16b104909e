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
import type {
  CourierState as CourierStateT,
  DeliveryExceptionReason as DeliveryExceptionReasonT,
  DeliveryRunStatus as DeliveryRunStatusT,
  DeliveryStatus as DeliveryStatusT,
  ProofKind as ProofKindT,
  ReplanAction as ReplanActionT,
  VehicleKind as VehicleKindT,
} from '@fulfilment/domain';
import { code } from '../../common/validation';
import {
  CourierState,
  DeliveryExceptionReason,
  DeliveryRunStatus,
  DeliveryStatus,
  ProofKind,
  ReplanAction,
  VehicleKind,
} from './delivery.enums';

/** Points in one reportCourierPositions call (a phone offline for a while sends its backlog in batches). */
export const MAX_POSITIONS_PER_REPORT = 500;
const HH_MM = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;
const PHONE = /^(1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8})$/;

@InputType({ description: 'A vehicle to add to the fleet.' })
export class CreateVehicleInput {
  @Field({ description: 'Plate or fleet number, unique.' })
  @IsNotEmpty(code('INVALID_INPUT', 'code must not be empty'))
  @MaxLength(32, code('TOO_LONG', 'code must be at most 32 characters'))
  code: string;

  @Field(() => VehicleKind, { description: 'What kind of vehicle.' })
  kind: VehicleKindT;

  @Field(() => Int, { description: 'Units it carries, 1–10,000.' })
  @Min(1, code('INVALID_QUANTITY', 'capacityUnits must be at least 1'))
  @Max(10_000, code('INVALID_QUANTITY', 'capacityUnits must be at most 10000'))
  capacityUnits: number;

  @Field(() => Int, { description: 'Kilograms it carries, 1–20,000.' })
  @Min(1, code('INVALID_QUANTITY', 'capacityKg must be at least 1'))
  @Max(20_000, code('INVALID_QUANTITY', 'capacityKg must be at most 20000'))
  capacityKg: number;
}

@InputType({ description: 'A courier to add to the fleet.' })
export class CreateCourierInput {
  @Field({ description: 'Courier code, unique, e.g. SH-C01.' })
  @IsNotEmpty(code('INVALID_INPUT', 'code must not be empty'))
  @MaxLength(32, code('TOO_LONG', 'code must be at most 32 characters'))
  code: string;

  @Field({ description: 'Name.' })
  @IsNotEmpty(code('INVALID_INPUT', 'name must not be empty'))
  @MaxLength(100, code('TOO_LONG', 'name must be at most 100 characters'))
  name: string;

  @Field({ description: 'Work phone: an 11-digit mobile or a landline with area code.' })
  @Matches(PHONE, code('INVALID_PHONE', 'phone must be a mainland China phone number'))
  phone: string;

  @Field({ description: 'The warehouse its runs leave from, e.g. SH-01.' })
  @IsNotEmpty(code('INVALID_INPUT', 'warehouseCode must not be empty'))
  @MaxLength(32, code('TOO_LONG', 'warehouseCode must be at most 32 characters'))
  warehouseCode: string;

  @Field(() => ID, { nullable: true, description: 'Global id of its vehicle.' })
  @IsOptional()
  vehicleId?: string | null;

  @Field(() => [String], {
    description: 'Zones it delivers in: 上海浦东新区 (city and district) or 上海 (the whole city).',
  })
  @ArrayNotEmpty(code('INVALID_INPUT', 'zones must not be empty'))
  @ArrayMaxSize(50, code('INVALID_INPUT', 'at most 50 zones'))
  zones: string[];

  @Field({ description: 'Shift start HH:MM, Asia/Shanghai.' })
  @Matches(HH_MM, code('INVALID_INPUT', 'shiftStart must be HH:MM'))
  shiftStart: string;

  @Field({ description: 'Shift end HH:MM, after the start.' })
  @Matches(HH_MM, code('INVALID_INPUT', 'shiftEnd must be HH:MM'))
  shiftEnd: string;

  @Field(() => ID, {
    nullable: true,
    description: 'Global id of the staff user (role COURIER) it signs in as from the phone page.',
  })
  @IsOptional()
  userId?: string | null;
}

@InputType({ description: 'Changes to a courier; fields left out keep their value.' })
export class UpdateCourierInput {
  @Field(() => ID, { description: 'Global id of the courier.' })
  courierId: string;

  @Field(() => String, { nullable: true, description: 'Name.' })
  @IsOptional()
  @IsNotEmpty(code('INVALID_INPUT', 'name must not be empty'))
  @MaxLength(100, code('TOO_LONG', 'name must be at most 100 characters'))
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'Work phone.' })
  @IsOptional()
  @Matches(PHONE, code('INVALID_PHONE', 'phone must be a mainland China phone number'))
  phone?: string | null;

  @Field(() => ID, { nullable: true, description: 'Global id of its vehicle.' })
  @IsOptional()
  vehicleId?: string | null;

  @Field(() => [String], { nullable: true, description: 'Zones it delivers in.' })
  @IsOptional()
  @ArrayNotEmpty(code('INVALID_INPUT', 'zones must not be empty'))
  @ArrayMaxSize(50, code('INVALID_INPUT', 'at most 50 zones'))
  zones?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Shift start HH:MM.' })
  @IsOptional()
  @Matches(HH_MM, code('INVALID_INPUT', 'shiftStart must be HH:MM'))
  shiftStart?: string | null;

  @Field(() => String, { nullable: true, description: 'Shift end HH:MM.' })
  @IsOptional()
  @Matches(HH_MM, code('INVALID_INPUT', 'shiftEnd must be HH:MM'))
  shiftEnd?: string | null;

  @Field(() => CourierState, {
    nullable: true,
    description: 'OFF_DUTY or AVAILABLE (clocking off or on); ON_ROUTE is set by starting a run.',
  })
  @IsOptional()
  state?: CourierStateT | null;
}

@InputType({ description: 'What to plan.' })
export class PlanDeliveriesInput {
  @Field(() => String, { nullable: true, description: 'Only this warehouse’s deliveries, e.g. SH-01; all by default.' })
  @IsOptional()
  @MaxLength(32, code('TOO_LONG', 'warehouseCode must be at most 32 characters'))
  warehouseCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Only this zone, e.g. 上海浦东新区.' })
  @IsOptional()
  @MaxLength(64, code('TOO_LONG', 'zone must be at most 64 characters'))
  zone?: string | null;
}

@InputType({ description: 'A dispatcher assigning (or re-assigning) a planned run.' })
export class AssignDeliveryRunInput {
  @Field(() => ID, { description: 'Global id of the run.' })
  runId: string;

  @Field(() => ID, { description: 'Global id of the courier to take it.' })
  courierId: string;

  @Field(() => ID, {
    nullable: true,
    description:
      'The courier the dispatcher saw on the run (null: none). If another dispatcher changed it meanwhile, the assignment is refused with STALE_ASSIGNMENT.',
  })
  @IsOptional()
  replacingCourierId?: string | null;

  @Field({ description: 'Why (audited and kept with the run).' })
  @IsNotEmpty(code('INVALID_INPUT', 'a reason is required'))
  @MaxLength(500, code('TOO_LONG', 'reason must be at most 500 characters'))
  reason: string;
}

@InputType({ description: 'A dispatcher putting a delivery at a fixed place on a planned run.' })
export class MoveDeliveryStopInput {
  @Field(() => ID, { description: 'Global id of the delivery (unassigned, or on a planned run).' })
  deliveryId: string;

  @Field(() => ID, { description: 'Global id of the planned run.' })
  runId: string;

  @Field(() => Int, { description: 'Stop number on the run, 1 first.' })
  @Min(1, code('INVALID_QUANTITY', 'stop must be at least 1'))
  @Max(1000, code('INVALID_QUANTITY', 'stop must be at most 1000'))
  stop: number;

  @Field({ defaultValue: true, description: 'Lock it there: re-planning keeps it at this stop.' })
  locked: boolean;

  @Field({ description: 'Why (audited).' })
  @IsNotEmpty(code('INVALID_INPUT', 'a reason is required'))
  @MaxLength(500, code('TOO_LONG', 'reason must be at most 500 characters'))
  reason: string;
}

@InputType({ description: 'The run a courier leaves the warehouse with.' })
export class StartDeliveryRunInput {
  @Field(() => ID, { description: 'Global id of the run.' })
  runId: string;
}

@InputType({ description: 'One GPS fix from the courier’s phone.' })
export class CourierPositionInput {
  @Field(() => Float, { description: 'Latitude, WGS-84 degrees.' })
  @Min(-90, code('POSITION_OUT_OF_RANGE', 'lat must be between -90 and 90'))
  @Max(90, code('POSITION_OUT_OF_RANGE', 'lat must be between -90 and 90'))
  lat: number;

  @Field(() => Float, { description: 'Longitude, WGS-84 degrees.' })
  @Min(-180, code('POSITION_OUT_OF_RANGE', 'lng must be between -180 and 180'))
  @Max(180, code('POSITION_OUT_OF_RANGE', 'lng must be between -180 and 180'))
  lng: number;

  @Field({ description: 'When the phone recorded it: at most 24 hours old, at most 2 minutes ahead.' })
  recordedAt: Date;

  @Field(() => Float, { nullable: true, description: 'Accuracy radius in metres, as the phone reports it.' })
  @IsOptional()
  @Min(0, code('INVALID_INPUT', 'accuracyM must not be negative'))
  accuracyM?: number | null;
}

@InputType({ description: 'Positions of the signed-in courier (or, for a dispatcher, of the named courier).' })
export class ReportCourierPositionsInput {
  @Field(() => ID, {
    nullable: true,
    description: 'Global id of the courier; a courier reports for itself and leaves it out.',
  })
  @IsOptional()
  courierId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The run the positions belong to; refused with NOT_YOUR_RUN when it is another courier’s.',
  })
  @IsOptional()
  runId?: string | null;

  @Field(() => [CourierPositionInput], {
    description: `The fixes, in any order, at most ${MAX_POSITIONS_PER_REPORT}; one already recorded (same timestamp) is ignored.`,
  })
  @ArrayNotEmpty(code('INVALID_INPUT', 'positions must not be empty'))
  @ArrayMaxSize(MAX_POSITIONS_PER_REPORT, code('INVALID_INPUT', `at most ${MAX_POSITIONS_PER_REPORT} positions`))
  @ValidateNested({ each: true })
  positions: CourierPositionInput[];
}

@InputType({ description: 'The proof that a delivery was made.' })
export class ConfirmDeliveryInput {
  @Field(() => ID, { description: 'Global id of the delivery (out for delivery).' })
  deliveryId: string;

  @Field(() => ProofKind, { description: 'The recipient signed, or it was left at the door.' })
  kind: ProofKindT;

  @Field({
    description:
      'The signature or photo: a data URL (data:image/png;base64,…) or plain base64; PNG, JPEG or WebP, at most 512 KiB.',
  })
  @IsNotEmpty(code('PROOF_REQUIRED', 'an image is required'))
  image: string;

  @Field(() => String, { nullable: true, description: 'Who received it.' })
  @IsOptional()
  @MaxLength(100, code('TOO_LONG', 'recipientName must be at most 100 characters'))
  recipientName?: string | null;

  @Field(() => String, { nullable: true, description: 'Where it was left; required for contactless delivery.' })
  @IsOptional()
  @MaxLength(500, code('TOO_LONG', 'note must be at most 500 characters'))
  note?: string | null;

  @Field(() => Float, { nullable: true, description: 'Latitude where it was handed over.' })
  @IsOptional()
  @Min(-90, code('POSITION_OUT_OF_RANGE', 'lat must be between -90 and 90'))
  @Max(90, code('POSITION_OUT_OF_RANGE', 'lat must be between -90 and 90'))
  lat?: number | null;

  @Field(() => Float, { nullable: true, description: 'Longitude where it was handed over.' })
  @IsOptional()
  @Min(-180, code('POSITION_OUT_OF_RANGE', 'lng must be between -180 and 180'))
  @Max(180, code('POSITION_OUT_OF_RANGE', 'lng must be between -180 and 180'))
  lng?: number | null;
}

@InputType({ description: 'Why a delivery could not be made.' })
export class ReportDeliveryExceptionInput {
  @Field(() => ID, { description: 'Global id of the delivery.' })
  deliveryId: string;

  @Field(() => DeliveryExceptionReason, { description: 'What went wrong.' })
  reason: DeliveryExceptionReasonT;

  @Field({ description: "The courier's note." })
  @IsNotEmpty(code('INVALID_INPUT', 'a note is required'))
  @MaxLength(500, code('TOO_LONG', 'note must be at most 500 characters'))
  note: string;
}

@InputType({ description: 'What becomes of a delivery that ended in an exception.' })
export class ReplanDeliveryInput {
  @Field(() => ID, { description: 'Global id of the delivery (status EXCEPTION).' })
  deliveryId: string;

  @Field(() => ReplanAction, { description: 'Next run, a new window, or back to the warehouse.' })
  action: ReplanActionT;

  @Field(() => Date, { nullable: true, description: 'Start of the new window (NEW_WINDOW).' })
  @IsOptional()
  windowStart?: Date | null;

  @Field(() => Date, { nullable: true, description: 'End of the new window (NEW_WINDOW).' })
  @IsOptional()
  windowEnd?: Date | null;

  @Field({ description: 'Why (audited).' })
  @IsNotEmpty(code('INVALID_INPUT', 'a reason is required'))
  @MaxLength(500, code('TOO_LONG', 'reason must be at most 500 characters'))
  reason: string;
}

@InputType({ description: "The customer's rating of a delivery, through the tracking link's token." })
export class RateDeliveryInput {
  @Field({ description: 'The tracking token from the customer’s link.' })
  @IsNotEmpty(code('NOT_FOUND', 'trackingToken must not be empty'))
  @MaxLength(64, code('NOT_FOUND', 'no delivery has this token'))
  trackingToken: string;

  @Field(() => Int, { description: '1 (poor) to 5 (excellent).' })
  @Min(1, code('INVALID_INPUT', 'rating must be 1 to 5'))
  @Max(5, code('INVALID_INPUT', 'rating must be 1 to 5'))
  rating: number;

  @Field(() => String, { nullable: true, description: 'A comment.' })
  @IsOptional()
  @MaxLength(1000, code('TOO_LONG', 'comment must be at most 1000 characters'))
  comment?: string | null;
}

@InputType({ description: 'An area to close to delivery.' })
export class BlockAreaInput {
  @Field({ description: 'The zone: 上海浦东新区 (city and district) or 上海 (a whole city).' })
  @IsNotEmpty(code('UNKNOWN_ZONE', 'zone must not be empty'))
  @MaxLength(64, code('UNKNOWN_ZONE', 'zone must be at most 64 characters'))
  zone: string;

  @Field({ description: 'Why (shown on the map and to the customers held).' })
  @IsNotEmpty(code('INVALID_INPUT', 'a reason is required'))
  @MaxLength(500, code('TOO_LONG', 'reason must be at most 500 characters'))
  reason: string;
}

@InputType({ description: 'A blocked area to open again.' })
export class UnblockAreaInput {
  @Field({ description: 'The zone.' })
  @IsNotEmpty(code('UNKNOWN_ZONE', 'zone must not be empty'))
  @MaxLength(64, code('UNKNOWN_ZONE', 'zone must be at most 64 characters'))
  zone: string;
}

@InputType({ description: 'Conditions a delivery must meet (all given ones).' })
export class DeliveryFilter {
  @Field(() => [DeliveryStatus], { nullable: true, description: 'Any of these statuses.' })
  @IsOptional()
  status?: DeliveryStatusT[] | null;

  @Field(() => String, { nullable: true, description: 'Zone, e.g. 上海浦东新区.' })
  @IsOptional()
  zone?: string | null;

  @Field(() => ID, { nullable: true, description: 'On this run.' })
  @IsOptional()
  runId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Only deliveries at risk of being late (true).' })
  @IsOptional()
  lateRisk?: boolean | null;
}

@InputType({ description: 'Conditions a run must meet (all given ones).' })
export class DeliveryRunFilter {
  @Field(() => [DeliveryRunStatus], { nullable: true, description: 'Any of these statuses.' })
  @IsOptional()
  status?: DeliveryRunStatusT[] | null;

  @Field(() => ID, { nullable: true, description: 'Assigned to this courier.' })
  @IsOptional()
  courierId?: string | null;

  @Field(() => String, { nullable: true, description: 'Zone.' })
  @IsOptional()
  zone?: string | null;
}

@InputType({ description: 'Conditions a courier must meet.' })
export class CourierFilter {
  @Field(() => CourierState, { nullable: true, description: 'In this state.' })
  @IsOptional()
  state?: CourierStateT | null;

  @Field(() => String, { nullable: true, description: 'Delivering in this city, e.g. 上海.' })
  @IsOptional()
  city?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Delivering in this zone (its own couriers and the whole city’s).',
  })
  @IsOptional()
  zone?: string | null;

  @Field(() => String, { nullable: true, description: 'Leaving from this warehouse.' })
  @IsOptional()
  warehouseCode?: string | null;
}
