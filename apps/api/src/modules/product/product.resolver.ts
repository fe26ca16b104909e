import { Arg, Args, Ctx, Field, InputType, ObjectType, Query, Resolver } from 'type-graphql';
import { badInput, Connection, escapeLike, paginate } from '../../common/connection';
import { Context } from '../../common/context';
import { Requires } from '../access/requires';
import { PageArgs } from '../../common/page-args';
import { Product } from './product.entity';

@ObjectType()
export class ProductConnection extends Connection(Product) {}

@InputType()
export class ProductFilter {
  @Field({ nullable: true, description: 'Part of the SKU or name.' })
  search?: string;

  @Field({ nullable: true })
  category?: string;
}

@Resolver(() => Product)
export class ProductResolver {
  @Requires('CATALOG_READ')
  @Query(() => ProductConnection, { description: 'The catalogue, by SKU.' })
  products(@Args() page: PageArgs, @Arg('filter', () => ProductFilter, { nullable: true }) filter: ProductFilter | undefined, @Ctx() ctx: Context) {
    const qb = ctx.services.ds.getRepository(Product).createQueryBuilder('p');
    if (filter?.category) qb.andWhere('p.category = :category', { category: filter.category });
    if (filter?.search) {
      if (filter.search.length > 64) badInput('filter.search must be at most 64 characters', 'filter');
      qb.andWhere(`(p.sku || ' ' || p.name) ILIKE :q`, { q: `%${escapeLike(filter.search)}%` });
    }
    return paginate(qb, { columns: ['p.sku'], kinds: ['text'], direction: 'ASC', values: (p) => [p.sku] }, page);
  }
}
