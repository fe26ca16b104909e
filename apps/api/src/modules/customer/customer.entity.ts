import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';
import type { CreditStatus as CreditStatusT, Region as RegionT } from '@fulfilment/domain';
import { CreditStatus, Region } from '../../common/enums';
import { toGlobalId } from '../../common/global-id';
import { Node } from '../node/node.interface';

@Entity()
@ObjectType({ implements: Node, description: 'A customer who places orders.' })
export class Customer implements Node {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID, { name: 'id' })
  get nodeId(): string {
    return toGlobalId('Customer', this.id);
  }

  @Field()
  @Column()
  name: string;

  @Field({ description: 'Mobile number, e.g. 13812345678.' })
  @Column()
  phone: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  email: string | null;

  @Field({ description: 'Default delivery address (street and number).' })
  @Column()
  address: string;

  @Field()
  @Column()
  city: string;

  @Field(() => Region)
  @Column({ type: 'text' })
  region: RegionT;

  @Field({ description: 'A new customer gets a credit assessment before large or cash-on-delivery orders go through.' })
  @Column()
  isNew: boolean;

  @Field(() => CreditStatus)
  @Column({ type: 'text' })
  creditStatus: CreditStatusT;

  @Field()
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
