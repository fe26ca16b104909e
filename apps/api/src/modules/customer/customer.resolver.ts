import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Context } from '../../app/context';
import { Requires } from '../access/requires';
import { toGlobalId } from '../../common/global-id';
import { OrderConnection } from '../order/order.types';
import { PageArgs } from '../../common/page-args';
import { Customer } from './customer.entity';
import { CustomerFilter } from './customer.inputs';
import { CustomerConnection } from './customer.types';
import { masks, personalData } from '../access/pii';

@Resolver(() => Customer)
// The masked fields' descriptions (name, phone, email, address) are on Customer's @Field: type-graphql prints those.
export class CustomerResolver {
  @Requires('CUSTOMER_READ')
  @Query(() => CustomerConnection, { description: 'Customers, newest first.' })
  customers(
    @Args() page: PageArgs,
    @Arg('filter', () => CustomerFilter, {
      nullable: true,
      description: 'Conditions the customers must meet; none: all customers.',
    })
    filter: CustomerFilter | undefined,
    @Ctx() ctx: Context,
  ) {
    return ctx.reads.customerQueries.list(filter ?? {}, page, ctx);
  }

  @FieldResolver(() => String)
  name(@Root() c: Customer, @Ctx() ctx: Context) {
    return personalData(ctx, `Customer:${c.id}`, c.name, masks.name);
  }

  @FieldResolver(() => String)
  phone(@Root() c: Customer, @Ctx() ctx: Context) {
    return personalData(ctx, `Customer:${c.id}`, c.phone, masks.phone);
  }

  @FieldResolver(() => String, { nullable: true })
  email(@Root() c: Customer, @Ctx() ctx: Context) {
    return personalData(ctx, `Customer:${c.id}`, c.email, masks.email);
  }

  @FieldResolver(() => String)
  address(@Root() c: Customer, @Ctx() ctx: Context) {
    return personalData(ctx, `Customer:${c.id}`, c.address, masks.address(c.city));
  }

  @Requires('ORDER_READ')
  @FieldResolver(() => OrderConnection, { description: "The customer's orders, newest first." })
  orders(@Root() customer: Customer, @Args() page: PageArgs, @Ctx() ctx: Context) {
    return ctx.services.orderQueries.list({ customerId: toGlobalId('Customer', customer.id) }, page);
  }
}
