import { Arg, Args, Ctx, Field, FieldResolver, InputType, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { Region as RegionT } from '@fulfilment/domain';
import { badInput, Connection, paginate } from '../../common/connection';
import { Context } from '../../common/context';
import { Region } from '../../common/enums';
import { toGlobalId } from '../../common/global-id';
import { OrderConnection } from '../order/order.types';
import { PageArgs } from '../order/order.resolver';
import { escapeLike } from '../product/product.resolver';
import { Customer } from './customer.entity';

@ObjectType()
export class CustomerConnection extends Connection(Customer) {}

@InputType()
export class CustomerFilter {
  @Field({ nullable: true, description: 'Part of the name or phone number.' })
  search?: string;

  @Field(() => Region, { nullable: true })
  region?: RegionT;

  @Field({ nullable: true })
  isNew?: boolean;
}

@Resolver(() => Customer)
export class CustomerResolver {
  @Query(() => CustomerConnection, { description: 'Customers, newest first.' })
  customers(@Args() page: PageArgs, @Arg('filter', () => CustomerFilter, { nullable: true }) filter: CustomerFilter | undefined, @Ctx() ctx: Context) {
    const qb = ctx.services.ds.getRepository(Customer).createQueryBuilder('c');
    if (filter?.region) qb.andWhere('c.region = :region', { region: filter.region });
    if (filter?.isNew !== undefined && filter?.isNew !== null) qb.andWhere('c.is_new = :isNew', { isNew: filter.isNew });
    if (filter?.search) {
      if (filter.search.length > 64) badInput('filter.search must be at most 64 characters', 'filter');
      qb.andWhere(`(c.name || ' ' || c.phone) ILIKE :q`, { q: `%${escapeLike(filter.search)}%` });
    }
    return paginate(qb, { columns: ['c.createdAt', 'c.id'], kinds: ['timestamp', 'uuid'], direction: 'DESC', values: (c) => [c.createdAt, c.id] }, page);
  }

  @FieldResolver(() => OrderConnection, { description: "The customer's orders, newest first." })
  orders(@Root() customer: Customer, @Args() page: PageArgs, @Ctx() ctx: Context) {
    return ctx.services.orderQueries.list({ customerId: toGlobalId('Customer', customer.id) }, page);
  }
}
