import { BIN_CODE_PATTERN } from '@fulfilment/domain';
import { IsNotEmpty, IsOptional, Max, MaxLength, Min, Matches } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import type { MovementReason as MovementReasonT } from '@fulfilment/domain';
import { MovementReason } from '../../common/enums';
import { code } from '../../common/validation';

export const MAX_STOCK_CHANGE = 1_000_000;

@InputType({ description: 'Give either delta (a change) or countedQuantity (what a count found).' })
export class AdjustStockInput {
  @Field({ description: 'SKU of the product.' })
  @IsNotEmpty(code('INVALID_INPUT', 'sku must not be empty'))
  @MaxLength(64, code('TOO_LONG', 'sku must be at most 64 characters'))
  sku: string;

  @Field({ description: 'Code of the warehouse or station, e.g. SH-01.' })
  @IsNotEmpty(code('INVALID_INPUT', 'warehouseCode must not be empty'))
  @MaxLength(32, code('TOO_LONG', 'warehouseCode must be at most 32 characters'))
  warehouseCode: string;

  @Field(() => Int, { nullable: true, description: 'Units to add (positive) or remove (negative).' })
  @IsOptional()
  @Min(-MAX_STOCK_CHANGE, code('INVALID_QUANTITY', `delta must be at least -${MAX_STOCK_CHANGE}`))
  @Max(MAX_STOCK_CHANGE, code('INVALID_QUANTITY', `delta must be at most ${MAX_STOCK_CHANGE}`))
  delta?: number;

  @Field(() => Int, {
    nullable: true,
    description: 'Units found by a count; the difference is booked as an adjustment.',
  })
  @IsOptional()
  @Min(0, code('INVALID_QUANTITY', 'countedQuantity must not be negative'))
  @Max(MAX_STOCK_CHANGE, code('INVALID_QUANTITY', `countedQuantity must be at most ${MAX_STOCK_CHANGE}`))
  countedQuantity?: number;

  @Field(() => MovementReason, { description: 'RECEIPT, COUNT_ADJUSTMENT, DAMAGE, RETURN or CORRECTION.' })
  reason: MovementReasonT;

  @Field({ nullable: true, description: 'Why, at most 500 characters; kept on the movement.' })
  @IsOptional()
  @MaxLength(500, code('TOO_LONG', 'note must be at most 500 characters'))
  note?: string;
}

@InputType({ description: 'All given conditions must hold.' })
export class StockLevelFilter {
  @Field({ nullable: true, description: 'Only this SKU (exact).' })
  sku?: string;

  @Field({ nullable: true, description: 'Only this warehouse or station (exact code).' })
  warehouseCode?: string;

  @Field({ nullable: true, description: 'Only levels at or below their low threshold.' })
  belowThreshold?: boolean;
}

@InputType({ description: 'Where a stock level sits in its warehouse.' })
export class SetBinLocationInput {
  @Field({ description: 'SKU of the product.' })
  @IsNotEmpty(code('INVALID_INPUT', 'sku must not be empty'))
  @MaxLength(64, code('TOO_LONG', 'sku must be at most 64 characters'))
  sku: string;

  @Field({ description: 'Code of the warehouse or station, e.g. SH-01.' })
  @IsNotEmpty(code('INVALID_INPUT', 'warehouseCode must not be empty'))
  @MaxLength(32, code('TOO_LONG', 'warehouseCode must be at most 32 characters'))
  warehouseCode: string;

  @Field(() => String, {
    nullable: true,
    description:
      'Bin code aisle-bay-level, e.g. A-03-2 (one or two capital letters, two digits, one digit); null clears it.',
  })
  @IsOptional()
  @Matches(BIN_CODE_PATTERN, code('INVALID_INPUT', 'binLocation must look like A-03-2 (aisle, two-digit bay, level)'))
  binLocation?: string | null;
}
