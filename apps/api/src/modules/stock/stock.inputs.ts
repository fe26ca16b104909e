import { IsNotEmpty, IsOptional, Max, MaxLength, Min } from 'class-validator';
import { Field, InputType, Int, ObjectType } from 'type-graphql';
import type { MovementReason as MovementReasonT, StockStatus as StockStatusT } from '@fulfilment/domain';
import { MovementReason, StockStatus } from '../../common/enums';
import { Connection } from '../../common/connection';
import { MutationPayload } from '../../common/user-error';
import { code } from '../../common/validation';
import { StockLevel } from './stock-level.entity';
import { StockMovement } from './stock-movement.entity';

export const MAX_STOCK_CHANGE = 1_000_000;

@InputType({ description: 'Give either delta (a change) or countedQuantity (what a count found).' })
export class AdjustStockInput {
  @Field()
  @IsNotEmpty(code('INVALID_INPUT', 'sku must not be empty'))
  @MaxLength(64, code('TOO_LONG', 'sku must be at most 64 characters'))
  sku: string;

  @Field()
  @IsNotEmpty(code('INVALID_INPUT', 'warehouseCode must not be empty'))
  @MaxLength(32, code('TOO_LONG', 'warehouseCode must be at most 32 characters'))
  warehouseCode: string;

  @Field(() => Int, { nullable: true, description: 'Units to add (positive) or remove (negative).' })
  @IsOptional()
  @Min(-MAX_STOCK_CHANGE, code('INVALID_QUANTITY', `delta must be at least -${MAX_STOCK_CHANGE}`))
  @Max(MAX_STOCK_CHANGE, code('INVALID_QUANTITY', `delta must be at most ${MAX_STOCK_CHANGE}`))
  delta?: number;

  @Field(() => Int, { nullable: true, description: 'Units found by a count; the difference is booked as an adjustment.' })
  @IsOptional()
  @Min(0, code('INVALID_QUANTITY', 'countedQuantity must not be negative'))
  @Max(MAX_STOCK_CHANGE, code('INVALID_QUANTITY', `countedQuantity must be at most ${MAX_STOCK_CHANGE}`))
  countedQuantity?: number;

  @Field(() => MovementReason, { description: 'RECEIPT, COUNT_ADJUSTMENT, DAMAGE, RETURN or CORRECTION.' })
  reason: MovementReasonT;

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(500, code('TOO_LONG', 'note must be at most 500 characters'))
  note?: string;
}

@ObjectType()
export class AdjustStockPayload extends MutationPayload {
  @Field(() => StockLevel, { nullable: true })
  stockLevel: StockLevel | null;

  @Field(() => StockMovement, { nullable: true, description: 'The ledger entry written; null when a count matched the books.' })
  movement: StockMovement | null;
}

@InputType()
export class StockLevelFilter {
  @Field({ nullable: true })
  sku?: string;

  @Field({ nullable: true })
  warehouseCode?: string;

  @Field({ nullable: true, description: 'Only levels at or below their low threshold.' })
  belowThreshold?: boolean;
}

@ObjectType()
export class StockLevelConnection extends Connection(StockLevel) {}

@ObjectType()
export class StockMovementConnection extends Connection(StockMovement) {}

@ObjectType({ description: 'A stock level crossed a threshold (became low, out of stock, normal or overstocked).' })
export class StockAlert {
  @Field()
  sku: string;

  @Field()
  warehouseCode: string;

  @Field(() => StockStatus)
  previousStatus: StockStatusT;

  @Field(() => StockStatus)
  status: StockStatusT;

  @Field(() => Int)
  available: number;

  @Field(() => Int)
  lowThreshold: number;

  @Field(() => Int)
  highThreshold: number;

  @Field(() => String, { nullable: true, description: 'What caused it, e.g. an order number.' })
  reference: string | null;

  @Field()
  createdAt: Date;

  stockLevelId: string;
}
