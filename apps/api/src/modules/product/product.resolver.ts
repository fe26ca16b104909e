import { Arg, Args, Ctx, Query, Resolver } from 'type-graphql';
import { Context } from '../../app/context';
import { PageArgs } from '../../common/page-args';
import { Requires } from '../access/requires';
import { Product } from './product.entity';
import { ProductFilter } from './product.inputs';
import { ProductConnection } from './product.types';

@Resolver(() => Product)
export class ProductResolver {
  @Requires('CATALOG_READ')
  @Query(() => ProductConnection, { description: 'The catalogue, by SKU.' })
  products(
    @Args() page: PageArgs,
    @Arg('filter', () => ProductFilter, {
      nullable: true,
      description: 'Conditions the products must meet; none: the whole catalogue.',
    })
    filter: ProductFilter | undefined,
    @Ctx() ctx: Context,
  ) {
    return ctx.reads.productQueries.list(filter ?? {}, page);
  }
}
