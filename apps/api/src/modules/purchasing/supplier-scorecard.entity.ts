import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import type { SupplierStanding as SupplierStandingT } from '@fulfilment/domain';
import { SupplierStanding } from './purchasing.enums';
import { numericColumn } from '../../common/numeric-column';

@ObjectType({ description: 'The figures a scorecard period was computed from (quantities in units).' })
export class ScorecardInputs {
  @Field(() => Int, { description: 'Units due on lines promised within the period.' })
  due: number;

  @Field(() => Int, { description: 'Of those, units accepted by the promised date (capped at what was due per line).' })
  onTimeInFull: number;

  @Field(() => Int, { description: 'Units received in the period (accepted + rejected).' })
  received: number;

  @Field(() => Int, { description: 'Units accepted at inspection in the period.' })
  accepted: number;

  @Field(() => Int, { description: 'Lines whose lead time could be measured.' })
  leadTimeLines: number;

  @Field(() => Int, { description: 'Lines whose price could be compared with other suppliers of the product.' })
  priceLines: number;

  @Field(() => Int, {
    nullable: true,
    description:
      'Units customers returned for quality that were traced to this supplier in the period; null for periods scored before it was measured.',
  })
  qualityReturned?: number;
}

@Entity({ name: 'supplier_scorecard_period' })
@ObjectType({
  description:
    "One supplier's scorecard for one month, stored once the month is over and never changed, with the inputs it was computed from. A criterion without data is null (not 100).",
})
export class SupplierScorecard {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  supplierId: string;

  @Field({ description: 'First day of the period (YYYY-MM-DD).' })
  @Column({ type: 'date' })
  periodStart: string;

  @Field({ description: 'Last day of the period (YYYY-MM-DD).' })
  @Column({ type: 'date' })
  periodEnd: string;

  @Column({ type: 'jsonb' })
  metrics: ScorecardInputs & { leadTimeKeptSum: number; priceIndexSum: number };

  @Field(() => ScorecardInputs, { description: 'The figures the scores were computed from.' })
  get inputs(): ScorecardInputs {
    return this.metrics;
  }

  @Field(() => Float, { nullable: true, description: 'On time in full, % of units due (partial deliveries count).' })
  @Column({ type: 'numeric', nullable: true, transformer: numericColumn })
  onTimeInFull: number | null;

  @Field(() => Float, { nullable: true, description: 'Accepted ÷ received at inspection, %.' })
  @Column({ type: 'numeric', nullable: true, transformer: numericColumn })
  inspectionPassRate: number | null;

  @Field(() => Float, { nullable: true, description: 'Quoted ÷ actual lead time, % (100 when kept or faster).' })
  @Column({ type: 'numeric', nullable: true, transformer: numericColumn })
  leadTimeKept: number | null;

  @Field(() => Float, {
    nullable: true,
    description: "Price against the other suppliers' offers of the same products, % (100 when at or below them).",
  })
  @Column({ type: 'numeric', nullable: true, transformer: numericColumn })
  priceIndex: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'After-sales quality, %: 100 − quality returns traced to the supplier ÷ units accepted in the period (never below 0).',
  })
  @Column({ type: 'numeric', nullable: true, transformer: numericColumn })
  afterSalesQuality: number | null;

  @Field(() => Float, { nullable: true, description: 'Weighted total 0–100 over the criteria with data.' })
  @Column({ type: 'numeric', nullable: true, transformer: numericColumn })
  total: number | null;

  @Field(() => SupplierStanding, { description: "The band of this period's total." })
  @Column({ type: 'text' })
  standing: SupplierStandingT;

  @Column({ type: 'jsonb' })
  weights: Record<string, number>;

  @Field({ description: 'When the period was computed.' })
  @Column({ type: 'timestamptz' })
  computedAt: Date;
}
