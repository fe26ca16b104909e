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

  @Field(() => ID, { name: 'id', description: 'Global id (opaque); node(id:) fetches it.' })
  get nodeId(): string {
    return toGlobalId('User', this.id);
  }

  @Field({ description: 'E-mail, the sign-in name.' })
  @Column()
  email: string;

  @Field({ description: 'Name shown in the dashboard and in histories.' })
  @Column()
  name: string;

  @Field(() => Role, { description: 'The role; it decides the permissions.' })
  @Column({ type: 'text' })
  role: RoleT;

  @Field(() => [Permission], { description: 'What the role allows.' })
  get permissions(): PermissionT[] {
    return [...ROLE_PERMISSIONS[this.role]];
  }

  @Column()
  passwordHash: string;

  @Field({ description: 'False for a disabled account: it cannot sign in.' })
  @Column()
  active: boolean;

  @Field(() => String, { nullable: true, description: 'Preferred dashboard language, e.g. zh-CN or en.' })
  @Column({ type: 'text', nullable: true })
  locale: string | null;

  @Field({ description: 'When the account was created.' })
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: 'Last successful sign-in; null if never.' })
  @Column({ type: 'timestamptz', nullable: true })
  lastLoginAt: Date | null;
}
