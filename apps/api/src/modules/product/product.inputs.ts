import { Field, InputType } from 'type-graphql';

@InputType()
export class ProductFilter {
  @Field({ nullable: true, description: 'Part of the SKU or name.' })
  search?: string;

  @Field({ nullable: true })
  category?: string;
}
