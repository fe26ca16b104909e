import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Field, Float, ID, ObjectType } from 'type-graphql';
import type { Region as RegionT, SupplierStanding as SupplierStandingT } from '@fulfilment/domain';
import { Region } from '../../common/enums';
import { toGlobalId } from '../../common/global-id';
import { Node } from '../node/node.interface';
import { numericColumn } from '../../common/numeric-column';
import { SupplierStanding, SupplierStatus } from './purchasing.enums';

@Entity()
@ObjectType({
  implements: Node,
  description: 'A supplier on the qualified list, with its offers, purchase orders and monthly scorecard.',
})
export class Supplier implements Node {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID, { name: 'id', description: 'Global id.' })
  get nodeId(): string {
    return toGlobalId('Supplier', this.id);
  }

  @Field({ description: 'Short unique code purchasers use, e.g. SUP-HZ-01.' })
  @Column()
  code: string;

  @Field({ description: 'Registered company name.' })
  @Column()
  name: string;

  @Field({ description: 'Contact person at the supplier.' })
  @Column()
  contactName: string;

  @Field({ description: 'Contact phone, mobile or landline.' })
  @Column()
  phone: string;

  @Field(() => String, { nullable: true, description: 'Contact e-mail, if any.' })
  @Column({ type: 'text', nullable: true })
  email: string | null;

  @Field({ description: 'Business address.' })
  @Column()
  address: string;

  @Field(() => [Region], {
    description: 'Regions the supplier delivers to; it is suggested only for warehouses there.',
  })
  @Column('text', { array: true })
  regions: RegionT[];

  @Field(() => SupplierStatus, { description: 'Qualified, on probation, or suspended.' })
  @Column({ type: 'text' })
  status: SupplierStatus;

  @Field(() => String, { nullable: true, description: 'Why the supplier is on probation or suspended.' })
  @Column({ type: 'text', nullable: true })
  statusReason: string | null;

  @Field(() => SupplierStanding, { description: 'Band of the rolling scorecard score; BLOCKED stops new orders.' })
  @Column({ type: 'text' })
  standing: SupplierStandingT;

  @Field(() => Float, {
    nullable: true,
    description: 'Rolling scorecard score 0–100 (recent months weigh more); null when nothing was scored yet.',
  })
  @Column({ type: 'numeric', nullable: true, transformer: numericColumn })
  score: number | null;

  @Field({ description: 'When the supplier was added.' })
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Field({ description: 'When the supplier was last changed.' })
  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
