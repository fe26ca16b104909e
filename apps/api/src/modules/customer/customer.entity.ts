import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';
import type {
  CreditStatus as CreditStatusT,
  NotificationChannel,
  NotificationLocale,
  Region as RegionT,
} from '@fulfilment/domain';
import { CreditStatus, Region } from '../../common/enums';
import { toGlobalId } from '../../common/global-id';
import { Node } from '../node/node.interface';

@Entity()
@ObjectType({ implements: Node, description: 'A customer who places orders.' })
export class Customer implements Node {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID, { name: 'id', description: 'Global id (opaque); node(id:) fetches it.' })
  get nodeId(): string {
    return toGlobalId('Customer', this.id);
  }

  @Field({ description: "The customer's name. Masked (surname only) without CUSTOMER_PII_READ." })
  @Column()
  name: string;

  @Field({ description: 'Mobile number, e.g. 13812345678. Masked (138****5678) without CUSTOMER_PII_READ.' })
  @Column()
  phone: string;

  @Field(() => String, {
    nullable: true,
    description: 'E-mail; null when not given. Masked without CUSTOMER_PII_READ.',
  })
  @Column({ type: 'text', nullable: true })
  email: string | null;

  @Field({
    description:
      'Default delivery address (street and number). Reduced to city and district without CUSTOMER_PII_READ.',
  })
  @Column()
  address: string;

  @Field({ description: 'City of the default address, e.g. 上海.' })
  @Column()
  city: string;

  @Field(() => Region, { description: 'Service region of the default address.' })
  @Column({ type: 'text' })
  region: RegionT;

  @Field({ description: 'A new customer gets a credit assessment before large or cash-on-delivery orders go through.' })
  @Column()
  isNew: boolean;

  @Field(() => CreditStatus, { description: 'Outcome of the credit assessment.' })
  @Column({ type: 'text' })
  creditStatus: CreditStatusT;

  @Field({ description: 'An important customer (key account): their orders are picked right after urgent ones.' })
  @Column()
  keyAccount: boolean;

  /** How the customer wants to be told (GraphQL: preferredChannel, in the notification module). */
  @Column({ type: 'text' })
  preferredChannel: NotificationChannel;

  /** The language the customer is told in (GraphQL: language). */
  @Column({ type: 'text' })
  locale: NotificationLocale;

  @Field({ description: 'When the customer was registered.' })
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
