import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { CourierState as CourierStateT, VehicleKind as VehicleKindT } from '@fulfilment/domain';
import { toGlobalId } from '../../common/global-id';
import { Node } from '../node/node.interface';
import { CourierState, VehicleKind } from './delivery.enums';

@Entity()
@ObjectType({ implements: Node, description: 'A vehicle of the own fleet with what it carries.' })
export class Vehicle implements Node {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID, { name: 'id', description: 'Global id.' })
  get nodeId(): string {
    return toGlobalId('Vehicle', this.id);
  }

  @Field({ description: 'Plate or fleet number, e.g. 沪A·D1234.' })
  @Column()
  code: string;

  @Field(() => VehicleKind, { description: 'What kind of vehicle.' })
  @Column({ type: 'text' })
  kind: VehicleKindT;

  @Field(() => Int, { description: 'Units it carries (a water truck: buckets).' })
  @Column('integer')
  capacityUnits: number;

  @Field(() => Int, { description: 'Kilograms it carries.' })
  @Column('integer')
  capacityKg: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

@Entity()
@ObjectType({
  implements: Node,
  description: 'A courier of the own fleet: vehicle, zones, shift, state and last known position.',
})
export class Courier implements Node {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID, { name: 'id', description: 'Global id.' })
  get nodeId(): string {
    return toGlobalId('Courier', this.id);
  }

  @Field({ description: 'Courier code, e.g. SH-C01.' })
  @Column()
  code: string;

  @Field({ description: 'Name.' })
  @Column()
  name: string;

  @Field({ description: 'Work phone, for the dispatcher and, on the day, the customer.' })
  @Column()
  phone: string;

  /** The staff user it signs in as (role COURIER), if any. */
  @Column({ type: 'uuid', nullable: true })
  userId: string | null;

  @Column('uuid')
  warehouseId: string;

  @Column({ type: 'uuid', nullable: true })
  vehicleId: string | null;

  @Field({ description: 'The city it delivers in.' })
  @Column()
  city: string;

  @Field(() => [String], {
    description: 'Zones it delivers in: city and district (上海浦东新区), or a whole city (上海).',
  })
  @Column('text', { array: true })
  zones: string[];

  @Field({ description: 'Shift start, local time HH:MM (Asia/Shanghai).' })
  @Column({ type: 'time', transformer: { to: (v: string) => v, from: (v: string) => v.slice(0, 5) } })
  shiftStart: string;

  @Field({ description: 'Shift end, local time HH:MM (Asia/Shanghai).' })
  @Column({ type: 'time', transformer: { to: (v: string) => v, from: (v: string) => v.slice(0, 5) } })
  shiftEnd: string;

  @Field(() => CourierState, { description: 'Off duty, available, or on route.' })
  @Column({ type: 'text' })
  state: CourierStateT;

  @Column({ type: 'double precision', nullable: true })
  lat: number | null;

  @Column({ type: 'double precision', nullable: true })
  lng: number | null;

  @Field(() => Date, { nullable: true, description: 'When its last position was recorded.' })
  @Column({ type: 'timestamptz', nullable: true })
  positionAt: Date | null;

  @Field(() => Int, { description: 'Deliveries it has made.' })
  @Column('integer')
  delivered: number;

  @Field(() => Int, { description: 'Of those, delivered within their window.' })
  @Column('integer')
  deliveredOnTime: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

@Entity()
@ObjectType({
  implements: Node,
  description:
    'An area closed to delivery (an epidemic lockdown, a flood): new orders to it are held, planned deliveries into it are taken off their runs.',
})
export class BlockedArea implements Node {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID, { name: 'id', description: 'Global id.' })
  get nodeId(): string {
    return toGlobalId('BlockedArea', this.id);
  }

  @Field({ description: 'The zone: city and district (上海浦东新区) or a whole city.' })
  @Column()
  zone: string;

  @Field({ description: 'Its city.' })
  @Column()
  city: string;

  @Field({ description: 'Why it is blocked.' })
  @Column()
  reason: string;

  @Column()
  blockedBy: string;

  @Field({ description: 'When it was blocked.' })
  @Column({ type: 'timestamptz' })
  blockedAt: Date;

  @Column({ type: 'text', nullable: true })
  unblockedBy: string | null;

  @Field(() => Date, { nullable: true, description: 'When it was opened again; null while blocked.' })
  @Column({ type: 'timestamptz', nullable: true })
  unblockedAt: Date | null;
}
