import { Field, InputType } from 'type-graphql';
import type { Region as RegionT } from '@fulfilment/domain';
import { Region } from '../../common/enums';

@InputType({ description: 'All given conditions must hold.' })
export class CustomerFilter {
  @Field({
    nullable: true,
    description:
      '3 to 64 characters of the name or phone number. Callers without CUSTOMER_PII_READ match only what they are shown: the surname and the first three and last four digits ("138****5678").',
  })
  search?: string;

  @Field(() => Region, { nullable: true, description: 'Only customers of this region.' })
  region?: RegionT;

  @Field({ nullable: true, description: 'Only new (true) or established (false) customers.' })
  isNew?: boolean;
}
