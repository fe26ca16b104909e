import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import type {
  CheckErrorKind as CheckErrorKindT,
  PackageMaterial as PackageMaterialT,
  ShipmentStatus as ShipmentStatusT,
  ShippingMethod as ShippingMethodT,
} from '@fulfilment/domain';
import { toGlobalId } from '../../common/global-id';
import { Node } from '../node/node.interface';
import {
  CheckErrorKind,
  PackageMaterial,
  ShipmentOutcome,
  ShipmentStatus,
  ShippingMethod,
  type ShipmentOutcome as ShipmentOutcomeT,
} from './fulfilment.enums';

@Entity()
@ObjectType({
  implements: Node,
  description:
    "One warehouse's part of an order on its way out: picked, checked, packed and shipped as a unit, with its own status.",
})
export class Shipment implements Node {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID, { name: 'id', description: 'Global id.' })
  get nodeId(): string {
    return toGlobalId('Shipment', this.id);
  }

  @Field({ description: 'Shipment number, e.g. SH-000123.' })
  @Column()
  number: string;

  @Column('uuid')
  orderId: string;

  @Column('uuid')
  warehouseId: string;

  @Field({ description: 'Code of the warehouse it leaves from.' })
  @Column()
  warehouseCode: string;

  @Column('uuid')
  pickListId: string;

  @Field(() => ShipmentStatus, { description: 'Its stage on the floor.' })
  @Column({ type: 'text' })
  status: ShipmentStatusT;

  @Field(() => ShipmentOutcome, {
    nullable: true,
    description: 'Why it left its pick list other than picked in full; null when nothing unusual happened.',
  })
  @Column({ type: 'text', nullable: true })
  outcome: ShipmentOutcomeT | null;

  @Column({ type: 'uuid', nullable: true })
  carrierId: string | null;

  @Field(() => ShippingMethod, { nullable: true, description: 'Express or freight, once shipped.' })
  @Column({ type: 'text', nullable: true })
  method: ShippingMethodT | null;

  @Field(() => String, {
    nullable: true,
    description: 'Tracking number of its first package (UPU S10 with check digit), once packed.',
  })
  @Column({ type: 'text', nullable: true })
  trackingNumber: string | null;

  @Column({ type: 'text', nullable: true })
  pickedBy: string | null;

  @Column({ type: 'text', nullable: true })
  checkedBy: string | null;

  @Column({ type: 'text', nullable: true })
  packedBy: string | null;

  @Column({ type: 'text', nullable: true })
  shippedBy: string | null;

  @Column('integer')
  lastEventSequence: number;

  @Field({ description: 'When it went onto a pick list.' })
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Field({ description: 'When it last changed.' })
  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @Field(() => Date, { nullable: true, description: 'When its pick list was completed.' })
  @Column({ type: 'timestamptz', nullable: true })
  pickedAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When its check passed.' })
  @Column({ type: 'timestamptz', nullable: true })
  checkedAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it was packed.' })
  @Column({ type: 'timestamptz', nullable: true })
  packedAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it left with the carrier.' })
  @Column({ type: 'timestamptz', nullable: true })
  shippedAt: Date | null;
}

@Entity()
@ObjectType({ description: 'One allocation of an order line on a shipment: required, picked and checked units.' })
export class ShipmentLine {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  shipmentId: string;

  @Column('uuid')
  allocationId: string;

  @Field(() => Int, { description: "The order line's number." })
  @Column('integer')
  lineNo: number;

  @Column('uuid')
  productId: string;

  @Field({ description: 'SKU.' })
  @Column()
  sku: string;

  @Column('uuid')
  stockLevelId: string;

  @Field(() => Int, { description: 'Units allocated to this warehouse for the line.' })
  @Column('integer')
  required: number;

  @Field(() => Int, { nullable: true, description: 'Units picked; null until its pick list is completed.' })
  @Column({ type: 'integer', nullable: true })
  picked: number | null;

  @Field(() => Int, { nullable: true, description: 'Units counted at the last check; null before any check.' })
  @Column({ type: 'integer', nullable: true })
  checked: number | null;
}

@Entity()
@ObjectType({ description: 'A wrong item or quantity found by a check (复核), with who picked it.' })
export class CheckError {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  shipmentId: string;

  @Field(() => CheckErrorKind, { description: 'What was wrong.' })
  @Column({ type: 'text' })
  kind: CheckErrorKindT;

  @Field({ description: 'The SKU scanned or expected.' })
  @Column()
  sku: string;

  @Field(() => Int, { description: 'Units the shipment should hold (0 for an item not on it).' })
  @Column('integer')
  expected: number;

  @Field(() => Int, { description: 'Units the checker counted.' })
  @Column('integer')
  counted: number;

  @Column({ type: 'text', nullable: true })
  pickedBy: string | null;

  @Column()
  checkedBy: string;

  @Field({ description: 'When it was found.' })
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: 'When a later check matched; null while open.' })
  @Column({ type: 'timestamptz', nullable: true })
  correctedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  correctedBy: string | null;
}

@Entity()
@ObjectType({ description: 'A package of a shipment, with its label: material, weight and tracking number.' })
export class Package {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  shipmentId: string;

  @Field(() => Int, { description: 'Package 1, 2, 3… of the shipment.' })
  @Column('integer')
  seq: number;

  @Field(() => PackageMaterial, { description: 'Packaging used.' })
  @Column({ type: 'text' })
  material: PackageMaterialT;

  @Field(() => Int, { description: 'Weighed weight in grams.' })
  @Column('integer')
  weightG: number;

  @Field({ description: 'Tracking number on its label (UPU S10, e.g. FP123456785CN).' })
  @Column()
  trackingNumber: string;

  @Field({ description: 'When it was packed.' })
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
