import { Field, InputType } from 'type-graphql';
import type { Region as RegionT } from '@fulfilment/domain';
import { Region } from '../../common/enums';

@InputType()
export class CustomerFilter {
  @Field({ nullable: true, description: 'Part of the name or phone number.' })
  search?: string;

  @Field(() => Region, { nullable: true })
  region?: RegionT;

  @Field({ nullable: true })
  isNew?: boolean;
}
