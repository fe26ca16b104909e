import { Arg, Args, Ctx, Field, FieldResolver, InputType, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { Region as RegionT } from '@fulfilment/domain';
import { badInput, Connection, escapeLike, paginate } from '../../common/connection';
import { Context } from '../../common/context';
import { Requires } from '../access/requires';
import { Region } from '../../common/enums';
import { toGlobalId } from '../../common/global-id';
import { OrderConnection } from '../order/order.types';
import { PageArgs } from '../../common/page-args';
import { Customer } from './customer.entity';
import { masks, personalData } from '../access/pii';

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
  @Requires('CUSTOMER_READ')
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

  @FieldResolver(() => String, { description: 'Masked (surname only) without CUSTOMER_PII_READ.' })
  name(@Root() c: Customer, @Ctx() ctx: Context) {
    return personalData(ctx, `Customer:${c.id}`, c.name, masks.name);
  }

  @FieldResolver(() => String, { description: 'Masked (138****5678) without CUSTOMER_PII_READ.' })
  phone(@Root() c: Customer, @Ctx() ctx: Context) {
    return personalData(ctx, `Customer:${c.id}`, c.phone, masks.phone);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Masked without CUSTOMER_PII_READ.' })
  email(@Root() c: Customer, @Ctx() ctx: Context) {
    return personalData(ctx, `Customer:${c.id}`, c.email, masks.email);
  }

  @FieldResolver(() => String, { description: 'Reduced to city and district without CUSTOMER_PII_READ.' })
  address(@Root() c: Customer, @Ctx() ctx: Context) {
    return personalData(ctx, `Customer:${c.id}`, c.address, masks.address(c.city));
  }

  @Requires('ORDER_READ')
  @FieldResolver(() => OrderConnection, { description: "The customer's orders, newest first." })
  orders(@Root() customer: Customer, @Args() page: PageArgs, @Ctx() ctx: Context) {
    return ctx.services.orderQueries.list({ customerId: toGlobalId('Customer', customer.id) }, page);
  }
}
