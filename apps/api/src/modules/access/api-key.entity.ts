import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';
import type { ApiKeyScope as ApiKeyScopeT } from '@fulfilment/domain';
import { ApiKeyScope } from '../../common/enums';
import { toGlobalId } from '../../common/global-id';

@Entity()
@ObjectType({ description: 'An integrator credential. Its secret is shown once, when created; only a hash is kept.' })
export class ApiKey {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID, { name: 'id', description: 'Global id (opaque); node(id:) fetches it.' })
  get nodeId(): string {
    return toGlobalId('ApiKey', this.id);
  }

  @Field({ description: 'Who uses it, e.g. "Tmall storefront".' })
  @Column()
  name: string;

  @Field({ description: 'The public start of the key (fk_<prefix>_…), to recognise it in logs.' })
  @Column()
  prefix: string;

  @Column()
  secretHash: string;

  @Field(() => [ApiKeyScope], { description: 'What the key may do.' })
  @Column({ type: 'text', array: true })
  scopes: ApiKeyScopeT[];

  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;

  @Field({ description: 'When the key was created.' })
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: 'The key stops working then; null: until revoked.' })
  @Column({ type: 'timestamptz', nullable: true })
  expiresAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the key was revoked; null while it works.' })
  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Field(() => Date, {
    nullable: true,
    description: 'When the key was last used (updated at most once a minute); null if never.',
  })
  @Column({ type: 'timestamptz', nullable: true })
  lastUsedAt: Date | null;
}
