import { Field, Int, ObjectType } from 'type-graphql';
import type { StockStatus as StockStatusT } from '@fulfilment/domain';
import { StockStatus } from '../../common/enums';
import { Connection } from '../../common/connection';
import { MutationPayload } from '../../common/user-error';
import { StockLevel } from './stock-level.entity';
import { StockMovement } from './stock-movement.entity';

@ObjectType()
export class AdjustStockPayload extends MutationPayload {
  @Field(() => StockLevel, { nullable: true })
  stockLevel: StockLevel | null;

  @Field(() => StockMovement, {
    nullable: true,
    description: 'The ledger entry written; null when a count matched the books.',
  })
  movement: StockMovement | null;
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
