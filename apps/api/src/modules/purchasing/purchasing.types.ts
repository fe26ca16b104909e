import { Field, Int, ObjectType } from 'type-graphql';
import { Connection } from '../../common/connection';
import { MutationPayload } from '../../common/user-error';
import { GoodsReceipt } from './goods-receipt.entity';
import { PurchaseOrder } from './purchase-order.entity';
import { PurchaseOrderEvent } from './purchase-order-event.entity';
import { PurchaseRequirement } from './purchase-requirement.entity';
import { Supplier } from './supplier.entity';
import { SupplierOffer } from './supplier-offer.entity';

@ObjectType({ description: 'A page of suppliers, by code.' })
export class SupplierConnection extends Connection(Supplier) {}

@ObjectType({ description: 'A page of purchase requirements, newest first.' })
export class PurchaseRequirementConnection extends Connection(PurchaseRequirement) {}

@ObjectType({ description: 'A page of purchase orders, newest first.' })
export class PurchaseOrderConnection extends Connection(PurchaseOrder) {}

@ObjectType({ description: "A page of a purchase order's events, oldest first." })
export class PurchaseOrderEventConnection extends Connection(PurchaseOrderEvent) {}

@ObjectType({ description: 'A page of goods receipts, newest first.' })
export class GoodsReceiptConnection extends Connection(GoodsReceipt) {}

@ObjectType({ description: 'The supplier created or changed, or userErrors saying why not.' })
export class SupplierPayload extends MutationPayload {
  @Field(() => Supplier, { nullable: true, description: 'The supplier after the change.' })
  supplier: Supplier | null;
}

@ObjectType({ description: 'The offer set, or userErrors saying why not.' })
export class SupplierOfferPayload extends MutationPayload {
  @Field(() => SupplierOffer, { nullable: true, description: 'The offer after the change.' })
  offer: SupplierOffer | null;

  @Field(() => Supplier, { nullable: true, description: 'The supplier of the offer.' })
  supplier: Supplier | null;
}

@ObjectType({ description: 'What a requirements run made, or userErrors saying why it did not run.' })
export class GeneratePurchaseRequirementsPayload extends MutationPayload {
  @Field(() => [PurchaseRequirement], {
    nullable: true,
    description: 'The first 100 requirements this run created, by number; purchaseRequirements lists them all.',
  })
  requirements: PurchaseRequirement[] | null;

  @Field(() => Int, { nullable: true, description: 'How many requirements this run created.' })
  created: number | null;

  @Field(() => Int, { nullable: true, description: 'Stock levels whose figures were computed.' })
  considered: number | null;
}

@ObjectType({ description: 'The requirement after the change, or userErrors saying why nothing changed.' })
export class PurchaseRequirementPayload extends MutationPayload {
  @Field(() => PurchaseRequirement, { nullable: true, description: 'The requirement after the change.' })
  requirement: PurchaseRequirement | null;
}

@ObjectType({ description: 'The purchase orders created (one per supplier and warehouse), or userErrors.' })
export class CreatePurchaseOrderPayload extends MutationPayload {
  @Field(() => [PurchaseOrder], {
    nullable: true,
    description: 'The orders created (or found again for a repeated key).',
  })
  purchaseOrders: PurchaseOrder[] | null;

  @Field(() => PurchaseOrder, { nullable: true, description: 'The first of them.' })
  purchaseOrder: PurchaseOrder | null;
}

@ObjectType({ description: 'The purchase order after the change, or userErrors saying why nothing changed.' })
export class PurchaseOrderPayload extends MutationPayload {
  @Field(() => PurchaseOrder, { nullable: true, description: 'The purchase order after the change.' })
  purchaseOrder: PurchaseOrder | null;
}

@ObjectType({ description: 'The receipt, the purchase order after it, or userErrors saying why nothing was booked.' })
export class ReceivePurchaseOrderPayload extends MutationPayload {
  @Field(() => GoodsReceipt, { nullable: true, description: 'The receipt recorded.' })
  goodsReceipt: GoodsReceipt | null;

  @Field(() => PurchaseOrder, { nullable: true, description: 'The purchase order after the receipt.' })
  purchaseOrder: PurchaseOrder | null;
}
