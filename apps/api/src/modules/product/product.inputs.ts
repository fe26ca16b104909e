import { Field, InputType } from 'type-graphql';

@InputType({ description: 'All given conditions must hold.' })
export class ProductFilter {
  @Field({ nullable: true, description: '3 to 64 characters of the SKU or name.' })
  search?: string;

  @Field({ nullable: true, description: 'Only products of this category (exact).' })
  category?: string;
}
