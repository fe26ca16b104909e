import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';
import { Permission as PermissionT, ROLE_PERMISSIONS, Role as RoleT } from '@fulfilment/domain';
import { Permission, Role } from '../../common/enums';
import { toGlobalId } from '../../common/global-id';

@Entity()
@ObjectType('User', { description: 'A staff member who signs in to the dashboard.' })
export class StaffUser {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID, { name: 'id' })
  get nodeId(): string {
    return toGlobalId('User', this.id);
  }

  @Field()
  @Column()
  email: string;

  @Field()
  @Column()
  name: string;

  @Field(() => Role)
  @Column({ type: 'text' })
  role: RoleT;

  @Field(() => [Permission], { description: 'What the role allows.' })
  get permissions(): PermissionT[] {
    return [...ROLE_PERMISSIONS[this.role]];
  }

  @Column()
  passwordHash: string;

  @Field()
  @Column()
  active: boolean;

  @Field(() => String, { nullable: true, description: 'Preferred dashboard language, e.g. zh-CN or en.' })
  @Column({ type: 'text', nullable: true })
  locale: string | null;

  @Field()
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  lastLoginAt: Date | null;
}
