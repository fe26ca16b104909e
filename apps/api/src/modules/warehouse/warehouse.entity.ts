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

  @Field(() => ID, { name: 'id', description: 'Global id (opaque); node(id:) fetches it.' })
  get nodeId(): string {
    return toGlobalId('Warehouse', this.id);
  }

  @Field({ description: 'Short code staff use, e.g. SH-01.' })
  @Column()
  code: string;

  @Field({ description: 'Name, e.g. 上海浦东仓.' })
  @Column()
  name: string;

  @Field(() => Region, { description: 'Service region it serves.' })
  @Column({ type: 'text' })
  region: RegionT;

  @Field({ description: 'City it is in.' })
  @Column()
  city: string;

  @Field(() => WarehouseKind, { description: 'Warehouse or delivery station.' })
  @Column({ type: 'text' })
  kind: WarehouseKind;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
