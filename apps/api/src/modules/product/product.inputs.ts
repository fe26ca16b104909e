import { Field, InputType } from 'type-graphql';

@InputType()
export class ProductFilter {
  @Field({ nullable: true, description: '3 to 64 characters of the SKU or name.' })
  search?: string;

  @Field({ nullable: true })
  category?: string;
}
