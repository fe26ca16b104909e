import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';
import type { Region as RegionT } from '@fulfilment/domain';
import { Region, WarehouseKind } from '../../common/enums';
import { toGlobalId } from '../../common/global-id';
import { Node } from '../node/node.interface';

@Entity()
@ObjectType({ implements: Node, description: 'A warehouse or delivery station that holds stock.' })
export class Warehouse implements Node {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID, { name: 'id' })
  get nodeId(): string {
    return toGlobalId('Warehouse', this.id);
  }

  @Field({ description: 'Short code staff use, e.g. SH-01.' })
  @Column()
  code: string;

  @Field()
  @Column()
  name: string;

  @Field(() => Region)
  @Column({ type: 'text' })
  region: RegionT;

  @Field()
  @Column()
  city: string;

  @Field(() => WarehouseKind)
  @Column({ type: 'text' })
  kind: WarehouseKind;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
