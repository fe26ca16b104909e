import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import type { SupplierStanding as SupplierStandingT } from '@fulfilment/domain';
import { toGlobalId } from '../../common/global-id';
import { Money } from '../../common/money.type';
import { Node } from '../node/node.interface';
import { RequirementStatus, RequirementTrigger, SupplierStanding, SupplierStatus } from './purchasing.enums';

/** An offer as a requirement keeps it: [supplier id, unit price fen, lead time days, min order qty, pack multiple]. */
export type CandidateOffer = [string, number, number, number, number];

@ObjectType({ description: 'Why a requirement exists: the figures and settings it was computed from, at the time.' })
export class RequirementFigures {
  @Field(() => Int, { description: 'Units of waiting backorders for the product in this warehouse.' })
  backordered: number;

  @Field(() => Int, { description: 'Units on hand.' })
  onHand: number;

  @Field(() => Int, { description: 'Units reserved for orders.' })
  reserved: number;

  @Field(() => Int, { description: 'On hand minus reserved.' })
  available: number;

  @Field(() => Int, { description: 'Low threshold of the stock level.' })
  lowThreshold: number;

  @Field(() => Int, { description: 'High threshold: the level ordered up to.' })
  highThreshold: number;

  @Field(() => Float, { description: 'Recent daily sales (units per day).' })
  dailySales: number;

  @Field(() => Int, { description: "Lead time used, in days (the suggested supplier's, or the longest offer's)." })
  leadTimeDays: number;

  @Field(() => Int, { description: 'Expected sales during the lead time (daily sales × lead time, rounded up).' })
  demandDuringLead: number;

  @Field(() => Int, { description: 'Units already on order (open purchase order lines).' })
  onOrder: number;

  @Field(() => Int, { description: 'Units in other open requirements (never ordered twice).' })
  openRequirements: number;

  @Field(() => Int, { description: 'Stock expected at the end of the lead time.' })
  projected: number;

  @Field(() => Int, { description: 'Units missing to reach the high threshold.' })
  shortfall: number;

  @Field(() => Int, { description: "Minimum order quantity applied (the suggested supplier's)." })
  minOrderQty: number;

  @Field(() => Int, { description: "Pack multiple applied (the suggested supplier's)." })
  packMultiple: number;
}

@ObjectType({ description: 'How points are made up (each 0–100) for one candidate supplier.' })
export class CandidatePoints {
  @Field(() => Float, { description: 'Points for the scorecard (unrated suppliers get 60; probation costs 10).' })
  score: number;

  @Field(() => Float, { description: 'Points for price (the cheapest eligible offer gets 100).' })
  price: number;

  @Field(() => Float, { description: 'Points for lead time (the shortest eligible gets 100).' })
  leadTime: number;

  @Field(() => Float, { description: 'Weighted total: score 50 %, price 30 %, lead time 20 %.' })
  total: number;
}

@ObjectType({ description: 'A supplier that was considered for a requirement, and why it ranked where it did.' })
export class SupplierCandidateScore {
  @Field(() => ID, { description: 'Global id of the supplier.' })
  supplierId: string;

  @Field({ description: 'Supplier code.' })
  supplierCode: string;

  @Field(() => SupplierStatus, { description: 'Supplier status when the requirement was computed.' })
  status: SupplierStatus;

  @Field(() => SupplierStanding, { description: 'Scorecard standing when the requirement was computed.' })
  standing: SupplierStandingT;

  @Field(() => Float, { nullable: true, description: 'Rolling scorecard score, if rated.' })
  score: number | null;

  @Field(() => Money, { description: 'Offered unit price.' })
  unitPrice: Money;

  @Field(() => Int, { description: 'Quoted lead time in days.' })
  leadTimeDays: number;

  @Field({ description: 'Whether it could be suggested.' })
  eligible: boolean;

  @Field(() => String, { nullable: true, description: 'Why it could not be suggested (suspended, blocked, region).' })
  excludedBecause: string | null;

  @Field(() => Int, { nullable: true, description: 'Rank among eligible candidates, 1 = suggested.' })
  rank: number | null;

  @Field(() => CandidatePoints, { description: 'Points per criterion and in total.' })
  points: CandidatePoints;
}

/** A requirements run: the suppliers as they stood when it ranked their offers. */
@Entity()
export class PurchaseRequirementRun {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'jsonb' })
  suppliers: RunSupplier[];
}

/** A supplier as a run saw it. */
export interface RunSupplier {
  id: string;
  code: string;
  status: SupplierStatus;
  standing: SupplierStandingT;
  score: number | null;
  regions: string[];
}

@Entity()
@ObjectType({
  implements: Node,
  description:
    'What should be bought for one product and warehouse, why (the figures), and from whom (the suggested supplier and the candidates considered).',
})
export class PurchaseRequirement implements Node {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID, { name: 'id', description: 'Global id.' })
  get nodeId(): string {
    return toGlobalId('PurchaseRequirement', this.id);
  }

  @Field({ description: 'Requirement number, e.g. PR-000042.' })
  @Column()
  number: string;

  @Column('uuid')
  productId: string;

  @Column('uuid')
  warehouseId: string;

  @Field({ description: 'SKU of the product.' })
  @Column()
  sku: string;

  @Field({ description: 'Code of the warehouse the goods are for.' })
  @Column()
  warehouseCode: string;

  @Field(() => Int, { description: 'Units to order (rounded to the pack multiple, at least the minimum order).' })
  @Column('integer')
  quantity: number;

  @Field(() => RequirementStatus, { description: 'Open, ordered or dismissed.' })
  @Column({ type: 'text' })
  status: RequirementStatus;

  @Field(() => RequirementTrigger, { description: 'Backorders waiting, or stock falling below its low threshold.' })
  @Column({ type: 'text' })
  trigger: RequirementTrigger;

  @Column('integer')
  backordered: number;

  @Column('integer')
  onHand: number;

  @Column('integer')
  reserved: number;

  @Column('integer')
  lowThreshold: number;

  @Column('integer')
  highThreshold: number;

  @Column('double precision')
  dailySales: number;

  @Column('integer')
  leadTimeDays: number;

  @Column('integer')
  demandDuringLead: number;

  @Column('integer')
  onOrder: number;

  @Column('integer')
  openRequirements: number;

  @Column('integer')
  projected: number;

  @Column('integer')
  shortfall: number;

  @Column('integer')
  minOrderQty: number;

  @Column('integer')
  packMultiple: number;

  @Field(() => RequirementFigures, { description: 'The figures and settings it was computed from.' })
  get figures(): RequirementFigures {
    return {
      backordered: this.backordered,
      onHand: this.onHand,
      reserved: this.reserved,
      available: this.onHand - this.reserved,
      lowThreshold: this.lowThreshold,
      highThreshold: this.highThreshold,
      dailySales: this.dailySales,
      leadTimeDays: this.leadTimeDays,
      demandDuringLead: this.demandDuringLead,
      onOrder: this.onOrder,
      openRequirements: this.openRequirements,
      projected: this.projected,
      shortfall: this.shortfall,
      minOrderQty: this.minOrderQty,
      packMultiple: this.packMultiple,
    };
  }

  @Column('uuid')
  runId: string;

  @Column({ type: 'uuid', nullable: true })
  suggestedSupplierId: string | null;

  /** The offers considered: [supplier id, unit price fen, lead time days, min order qty, pack multiple]. */
  @Column({ type: 'jsonb' })
  candidateOffers: CandidateOffer[];

  @Column({ type: 'uuid', nullable: true })
  purchaseOrderId: string | null;

  @Field(() => String, { nullable: true, description: 'Why a purchaser set it aside (DISMISSED).' })
  @Column({ type: 'text', nullable: true })
  dismissedReason: string | null;

  @Field({ description: 'Who or what made it: a user, or "schedule" for the morning run.' })
  @Column()
  generatedBy: string;

  @Field({ description: 'When it was computed.' })
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Field({ description: 'When it last changed status.' })
  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
