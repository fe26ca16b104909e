import { Field, Int, ObjectType } from 'type-graphql';
import type { StockStatus as StockStatusT } from '@fulfilment/domain';
import { StockStatus } from '../../common/enums';
import { Connection } from '../../common/connection';
import { MutationPayload } from '../../common/user-error';
import { StockLevel } from './stock-level.entity';
import { StockMovement } from './stock-movement.entity';

@ObjectType({ description: 'The stock level after the adjustment, or userErrors saying why nothing changed.' })
export class AdjustStockPayload extends MutationPayload {
  @Field(() => StockLevel, { nullable: true, description: 'The stock level after the change.' })
  stockLevel: StockLevel | null;

  @Field(() => StockMovement, {
    nullable: true,
    description: 'The ledger entry written; null when a count matched the books.',
  })
  movement: StockMovement | null;
}

@ObjectType({ description: 'A page of stock levels, by SKU then warehouse code.' })
export class StockLevelConnection extends Connection(StockLevel) {}

@ObjectType({ description: 'A page of stock movements, newest first.' })
export class StockMovementConnection extends Connection(StockMovement) {}

@ObjectType({ description: 'A stock level crossed a threshold (became low, out of stock, normal or overstocked).' })
export class StockAlert {
  @Field({ description: 'SKU of the product.' })
  sku: string;

  @Field({ description: 'Code of the warehouse or station.' })
  warehouseCode: string;

  @Field(() => StockStatus, { description: 'Status before the change.' })
  previousStatus: StockStatusT;

  @Field(() => StockStatus, { description: 'Status after the change.' })
  status: StockStatusT;

  @Field(() => Int, { description: 'Available units after the change.' })
  available: number;

  @Field(() => Int, { description: 'The low threshold of the level.' })
  lowThreshold: number;

  @Field(() => Int, { description: 'The high threshold of the level.' })
  highThreshold: number;

  @Field(() => String, { nullable: true, description: 'What caused it, e.g. an order number.' })
  reference: string | null;

  @Field({ description: 'When the change was committed.' })
  createdAt: Date;

  stockLevelId: string;
}

@ObjectType({ description: 'The stock level after its bin changed, or userErrors saying why not.' })
export class StockLevelPayload extends MutationPayload {
  @Field(() => StockLevel, { nullable: true, description: 'The stock level.' })
  stockLevel: StockLevel | null;
}
