import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import type {
  CarrierKind as CarrierKindT,
  Region as RegionT,
  ShippingMethod as ShippingMethodT,
} from '@fulfilment/domain';
import { Region } from '../../common/enums';
import { toGlobalId } from '../../common/global-id';
import { Money } from '../../common/money.type';
import { numericColumn } from '../../common/numeric-column';
import { Node } from '../node/node.interface';
import { CarrierKind, ShippingMethod } from './fulfilment.enums';

@Entity()
@ObjectType({
  implements: Node,
  description: "A carrier shipments leave with: the platform's own fleet or a partner chosen by evaluation.",
})
export class Carrier implements Node {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID, { name: 'id', description: 'Global id.' })
  get nodeId(): string {
    return toGlobalId('Carrier', this.id);
  }

  @Field({ description: 'Unique short code, e.g. SF-EXPRESS.' })
  @Column()
  code: string;

  @Field({ description: 'Name shown to staff and customers, e.g. 顺丰速运.' })
  @Column()
  name: string;

  @Field(() => CarrierKind, { description: 'Own fleet or partner.' })
  @Column({ type: 'text' })
  kind: CarrierKindT;

  @Field({ description: 'False while the carrier takes no shipments.' })
  @Column()
  active: boolean;

  @Field(() => [Region], { description: 'Regions it delivers to.' })
  @Column('text', { array: true })
  regions: RegionT[];

  @Field(() => [ShippingMethod], { description: 'Services it offers.' })
  @Column('text', { array: true })
  methods: ShippingMethodT[];

  @Field({ description: 'Two letters that start the tracking numbers printed for it (UPU S10), e.g. SF.' })
  @Column()
  trackingPrefix: string;

  @Column('integer')
  basePriceFen: number;

  @Field(() => Money, { description: 'Price per shipment before weight.' })
  get basePrice(): Money {
    return Money.ofFen(this.basePriceFen);
  }

  @Column('integer')
  perKgFen: number;

  @Field(() => Money, { description: 'Price per started kilogram.' })
  get perKg(): Money {
    return Money.ofFen(this.perKgFen);
  }

  @Field(() => Int, { description: 'Usual days from hand-over to delivery.' })
  @Column('integer')
  transitDays: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Share of its shipments delivered on time, 0–100; null while unrated (not the same as 100).',
  })
  @Column({ type: 'numeric', nullable: true, transformer: numericColumn })
  reliability: number | null;

  @Field({ description: 'When it was added.' })
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Field({ description: 'When it last changed.' })
  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
