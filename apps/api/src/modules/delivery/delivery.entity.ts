import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import type {
  DeliveryExceptionReason as DeliveryExceptionReasonT,
  DeliveryRunStatus as DeliveryRunStatusT,
  DeliveryStatus as DeliveryStatusT,
  ProofKind as ProofKindT,
} from '@fulfilment/domain';
import { toGlobalId } from '../../common/global-id';
import { Node } from '../node/node.interface';
import { DeliveryRunStatus, DeliveryStatus, ProofKind } from './delivery.enums';

/** One courier ranked for a run when it was assigned, as stored with the run. */
export interface StoredCourierOption {
  courierId: string;
  code: string;
  eligible: boolean;
  excludedBecause: string | null;
  rank: number | null;
  kmToFirstStop: number;
  points: { distance: number; load: number; onTime: number; total: number };
}

@Entity()
@ObjectType({
  implements: Node,
  description: "A courier's run: stops in visit order with ETAs, from the warehouse and back.",
})
export class DeliveryRun implements Node {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID, { name: 'id', description: 'Global id.' })
  get nodeId(): string {
    return toGlobalId('DeliveryRun', this.id);
  }

  @Field({ description: 'Run number, e.g. DR-000123.' })
  @Column()
  number: string;

  @Column('uuid')
  warehouseId: string;

  @Field({ description: 'The zone it delivers in (city and district).' })
  @Column()
  zone: string;

  @Column({ type: 'uuid', nullable: true })
  courierId: string | null;

  @Field(() => DeliveryRunStatus, { description: 'Planned, in progress, completed or cancelled.' })
  @Column({ type: 'text' })
  status: DeliveryRunStatusT;

  @Field({ description: 'When it leaves the warehouse.' })
  @Column({ type: 'timestamptz' })
  plannedStart: Date;

  @Field({ description: 'When it is back at the warehouse.' })
  @Column({ type: 'timestamptz' })
  plannedEnd: Date;

  @Field(() => Int, { description: 'Planned distance in metres, warehouse to warehouse (road estimate).' })
  @Column('integer')
  distanceM: number;

  @Field(() => Int, { description: 'Units it carries.' })
  @Column('integer')
  units: number;

  @Field(() => Int, { description: 'Weight it carries in grams.' })
  @Column('integer')
  weightG: number;

  @Column({ type: 'jsonb' })
  courierChoice: StoredCourierOption[];

  @Column({ type: 'text', nullable: true })
  assignedBy: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "Why a dispatcher assigned the run's courier (an override of planning's choice); null while planning's choice stands.",
  })
  @Column({ type: 'text', nullable: true })
  overrideReason: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  etasAt: Date | null;

  @Column('integer')
  lastEventSequence: number;

  @Field({ description: 'When planning created it.' })
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @Field(() => Date, { nullable: true, description: 'When the courier left with it.' })
  @Column({ type: 'timestamptz', nullable: true })
  startedAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When its last stop was done.' })
  @Column({ type: 'timestamptz', nullable: true })
  completedAt: Date | null;
}

@Entity()
@ObjectType({
  implements: Node,
  description: 'An own-fleet delivery: one shipment on its way from the warehouse to the customer’s door.',
})
export class Delivery implements Node {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID, { name: 'id', description: 'Global id.' })
  get nodeId(): string {
    return toGlobalId('Delivery', this.id);
  }

  @Field({ description: 'Delivery number, e.g. DL-000123.' })
  @Column()
  number: string;

  @Column('uuid')
  shipmentId: string;

  @Column('uuid')
  orderId: string;

  @Column('uuid')
  warehouseId: string;

  @Field(() => DeliveryStatus, { description: 'Where it is.' })
  @Column({ type: 'text' })
  status: DeliveryStatusT;

  @Field({ description: 'Its zone: city and district (上海浦东新区), or the city alone.' })
  @Column()
  zone: string;

  @Field({ description: 'City.' })
  @Column()
  city: string;

  @Column()
  addressKey: string;

  @Column('double precision')
  lat: number;

  @Column('double precision')
  lng: number;

  @Field(() => Int, { description: 'Units delivered.' })
  @Column('integer')
  units: number;

  @Field(() => Int, { description: 'Weight in grams.' })
  @Column('integer')
  weightG: number;

  /** 0 urgent, 1 key account, 2 high, 3 normal. */
  @Column('smallint')
  dispatchRank: number;

  @Field({ description: 'Start of the promised delivery window.' })
  @Column({ type: 'timestamptz' })
  windowStart: Date;

  @Field({ description: 'End of the promised delivery window.' })
  @Column({ type: 'timestamptz' })
  windowEnd: Date;

  @Column({ type: 'uuid', nullable: true })
  runId: string | null;

  @Field(() => Int, { nullable: true, description: 'Its stop number on the run, 1 first; null when not on a run.' })
  @Column({ type: 'integer', nullable: true })
  stopSeq: number | null;

  @Field({ description: 'A dispatcher fixed it at its place on its run; planning keeps it there.' })
  @Column()
  locked: boolean;

  @Field(() => Date, { nullable: true, description: 'Expected arrival, recomputed as the courier’s positions arrive.' })
  @Column({ type: 'timestamptz', nullable: true })
  eta: Date | null;

  @Field({ description: 'The ETA is within 15 minutes of the window’s end or past it: flagged before it is late.' })
  @Column()
  lateRisk: boolean;

  @Column()
  trackingToken: string;

  @Column({ type: 'text', nullable: true })
  exceptionReason: DeliveryExceptionReasonT | null;

  @Column({ type: 'text', nullable: true })
  exceptionNote: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  exceptionAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When its run left with it.' })
  @Column({ type: 'timestamptz', nullable: true })
  outAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it was delivered.' })
  @Column({ type: 'timestamptz', nullable: true })
  deliveredAt: Date | null;

  @Field(() => Boolean, { nullable: true, description: 'Delivered within its window; null until delivered.' })
  @Column({ type: 'boolean', nullable: true })
  onTime: boolean | null;

  @Field(() => Int, { nullable: true, description: "The customer's rating, 1–5; null until rated." })
  @Column({ type: 'smallint', nullable: true })
  rating: number | null;

  @Column({ type: 'text', nullable: true })
  ratingComment: string | null;

  @Field(() => Date, { nullable: true, description: 'When it was rated.' })
  @Column({ type: 'timestamptz', nullable: true })
  ratedAt: Date | null;

  @Column({ type: 'jsonb', nullable: true })
  trail: [number, number, number][] | null;

  @Column('integer')
  lastEventSequence: number;

  @Field({ description: 'When it was created (its shipment left).' })
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

@Entity()
@ObjectType({
  description:
    'Proof that a delivery was made: the recipient’s signature or a contactless photo, with where and when. The image is read from imageDataUrl.',
})
export class ProofOfDelivery {
  @PrimaryColumn('uuid')
  deliveryId: string;

  @Field(() => ProofKind, { description: 'Signature or contactless.' })
  @Column({ type: 'text' })
  kind: ProofKindT;

  @Field({ description: 'image/png, image/jpeg or image/webp.' })
  @Column()
  contentType: string;

  @Field(() => Int, { description: 'Image size in bytes.' })
  @Column('integer')
  byteSize: number;

  @Field({ description: 'SHA-256 of the image, hex.' })
  @Column()
  sha256: string;

  @Field(() => String, { nullable: true, description: 'Who received it, as they said.' })
  @Column({ type: 'text', nullable: true })
  recipientName: string | null;

  @Field(() => String, { nullable: true, description: 'The courier’s note (where it was left).' })
  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Field(() => Float, { nullable: true, description: 'Latitude where it was recorded.' })
  @Column({ type: 'double precision', nullable: true })
  lat: number | null;

  @Field(() => Float, { nullable: true, description: 'Longitude where it was recorded.' })
  @Column({ type: 'double precision', nullable: true })
  lng: number | null;

  @Column({ type: 'uuid', nullable: true })
  courierId: string | null;

  @Field({ description: 'When it was recorded.' })
  @Column({ type: 'timestamptz' })
  recordedAt: Date;
}
