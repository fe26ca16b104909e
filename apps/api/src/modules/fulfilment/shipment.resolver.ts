import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { proposePackaging } from '@fulfilment/domain';
import { Context } from '../../app/context';
import { localId } from '../../common/global-id';
import { PageArgs } from '../../common/page-args';
import { actorShown } from '../access/pii';
import { Requires } from '../access/requires';
import { Order } from '../order/order.entity';
import { Product } from '../product/product.entity';
import { Warehouse } from '../warehouse/warehouse.entity';
import { Carrier } from './carrier.entity';
import { rankCarriersFor, shipmentGrams } from './carrier-options';
import { Money } from '../../common/money.type';
import { ShipmentEvent } from './fulfilment-event.entity';
import { ShipmentEventMessage } from './fulfilment.events';
import {
  CheckOrderInput,
  CreateCarrierInput,
  PackOrderInput,
  ShipmentFilter,
  ShipOrderInput,
  UpdateCarrierInput,
} from './fulfilment.inputs';
import {
  CarrierChoice,
  CarrierOption,
  CarrierPayload,
  CarrierPoints,
  CheckOrderPayload,
  ProposedPackage,
  ShipmentConnection,
  ShipmentPayload,
} from './fulfilment.types';
import { PickList } from './pick-list.entity';
import { CheckError, Package, Shipment, ShipmentLine } from './shipment.entity';

@Resolver(() => Shipment)
export class ShipmentResolver {
  @Requires('FULFILMENT_READ')
  @Query(() => ShipmentConnection, { description: 'Shipments (order parts on the floor and shipped), newest first.' })
  shipments(
    @Args() page: PageArgs,
    @Arg('filter', () => ShipmentFilter, { nullable: true, description: 'Conditions to meet.' })
    filter: ShipmentFilter | undefined,
    @Ctx() ctx: Context,
  ) {
    return ctx.reads.fulfilmentQueries.shipments(filter ?? {}, page);
  }

  @Requires('FULFILMENT_READ')
  @Query(() => Shipment, { nullable: true, description: 'One shipment by id; null when there is none.' })
  shipment(@Arg('id', () => ID, { description: 'Global id of the shipment.' }) id: string, @Ctx() ctx: Context) {
    const uuid = localId(id, 'Shipment');
    return uuid ? ctx.loaders.shipment.load(uuid) : null;
  }

  @Requires('WAREHOUSE_WORK')
  @Mutation(() => CheckOrderPayload, {
    description:
      'The check (复核) of a PICKED shipment: every SKU counted again. A match makes it CHECKED (and corrects earlier check errors); a wrong item or quantity is recorded against the picker and the shipment stays PICKED until a check matches.',
  })
  async checkOrder(@Arg('input', { description: 'What was counted.' }) input: CheckOrderInput, @Ctx() ctx: Context) {
    return Object.assign(new CheckOrderPayload(), await ctx.services.shipments.check(input, ctx.actor));
  }

  @Requires('WAREHOUSE_WORK')
  @Mutation(() => ShipmentPayload, {
    description:
      'Packs a CHECKED shipment into packages, each labelled with a tracking number (UPU S10, check digit verified; printed by the platform unless given). The order becomes PACKED once all its parts are.',
  })
  async packOrder(@Arg('input', { description: 'The packages.' }) input: PackOrderInput, @Ctx() ctx: Context) {
    return Object.assign(new ShipmentPayload(), await ctx.services.shipments.pack(input, ctx.actor));
  }

  @Requires('SHIP_ORDERS')
  @Mutation(() => ShipmentPayload, {
    description:
      'Hands a PACKED shipment to a carrier (the one named, or the best-ranked for the destination, weight and urgency): exactly its allocated units leave stock (SHIPMENT movements). The order becomes SHIPPED once every part has left.',
  })
  async shipOrder(
    @Arg('input', { description: 'The shipment and carrier.' }) input: ShipOrderInput,
    @Ctx() ctx: Context,
  ) {
    return Object.assign(new ShipmentPayload(), await ctx.services.shipments.ship(input, ctx.actor));
  }

  @Requires('FULFILMENT_READ')
  @Subscription(() => ShipmentEvent, {
    topics: 'SHIPMENT_EVENT',
    description:
      'Every shipment event after it is committed: created, picked, checked (or check errors), packed, shipped, cancelled.',
  })
  shipmentChanged(@Root() message: ShipmentEventMessage): ShipmentEvent {
    return Object.assign(new ShipmentEvent(), message, { createdAt: new Date(message.createdAt) });
  }

  @Requires('ORDER_READ')
  @FieldResolver(() => Order, { description: 'The order it is part of.' })
  order(@Root() s: Shipment, @Ctx() ctx: Context) {
    return ctx.loaders.order.load(s.orderId);
  }

  @FieldResolver(() => Warehouse, { description: 'The warehouse it leaves from.' })
  warehouse(@Root() s: Shipment, @Ctx() ctx: Context) {
    return ctx.loaders.warehouse.load(s.warehouseId);
  }

  @FieldResolver(() => PickList, { description: 'The pick list it was picked on.' })
  pickList(@Root() s: Shipment, @Ctx() ctx: Context) {
    return ctx.loaders.pickList.load(s.pickListId);
  }

  @FieldResolver(() => Carrier, { nullable: true, description: 'The carrier, once shipped.' })
  carrier(@Root() s: Shipment, @Ctx() ctx: Context) {
    return s.carrierId ? ctx.loaders.carrier.load(s.carrierId) : null;
  }

  @FieldResolver(() => [ShipmentLine], { description: 'Its lines: required, picked and checked units.' })
  lines(@Root() s: Shipment, @Ctx() ctx: Context) {
    return ctx.loaders.shipmentLines.load(s.id);
  }

  @FieldResolver(() => [Package], { description: 'Its packages with their labels, once packed.' })
  packages(@Root() s: Shipment, @Ctx() ctx: Context) {
    return ctx.loaders.packages.load(s.id);
  }

  @FieldResolver(() => [CheckError], { description: 'Check errors found on it, oldest first (corrected ones too).' })
  checkErrors(@Root() s: Shipment, @Ctx() ctx: Context) {
    return ctx.loaders.checkErrors.load(s.id);
  }

  @FieldResolver(() => [ShipmentEvent], { description: 'Its history, oldest first: who did each stage and when.' })
  events(@Root() s: Shipment, @Ctx() ctx: Context) {
    return ctx.loaders.shipmentEvents.load(s.id);
  }

  @FieldResolver(() => [ProposedPackage], {
    description: "Packaging the platform proposes from the products' needs and weights for the units picked.",
  })
  async proposedPackaging(@Root() s: Shipment, @Ctx() ctx: Context): Promise<ProposedPackage[]> {
    const lines = (await ctx.loaders.shipmentLines.load(s.id)).filter((l) => (l.picked ?? l.required) > 0);
    const products = await ctx.loaders.product.loadMany(lines.map((l) => l.productId));
    return proposePackaging(
      lines.map((l, i) => {
        const p = products[i] as Product;
        return { sku: l.sku, quantity: l.picked ?? l.required, unitWeightG: p.unitWeightG, needs: p.packaging };
      }),
    );
  }

  @FieldResolver(() => CarrierChoice, {
    // Two statements per shipment: a page of shipments asking for it is bounded by the query cost limit.
    complexity: 100,
    description:
      'The method and every carrier ranked for this shipment (what shipOrder without carrierCode picks, and why others cannot take it).',
  })
  async carrierChoice(@Root() s: Shipment, @Ctx() ctx: Context): Promise<CarrierChoice> {
    const m = ctx.services.ds.manager;
    const order = await ctx.loaders.order.load(s.orderId);
    if (!order) throw new Error(`shipment ${s.number} without its order`);
    const r = await rankCarriersFor(
      m,
      await shipmentGrams(m, s.id),
      order.priority === 'URGENT',
      order.delivery.region,
    );
    return Object.assign(new CarrierChoice(), {
      method: r.method,
      weightG: r.grams,
      options: r.ranked.map((c) =>
        Object.assign(new CarrierOption(), {
          carrier: r.carriers.get(c.carrierId),
          eligible: c.eligible,
          excludedBecause: c.excludedBecause,
          rank: c.rank,
          price: Money.ofFen(c.priceFen),
          transitDays: c.transitDays,
          points: Object.assign(new CarrierPoints(), c.points),
        }),
      ),
    });
  }

  @FieldResolver(() => String, { nullable: true, description: 'Who picked it.' })
  pickedBy(@Root() s: Shipment, @Ctx() ctx: Context) {
    return s.pickedBy ? actorShown(ctx, s.pickedBy) : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Who checked it.' })
  checkedBy(@Root() s: Shipment, @Ctx() ctx: Context) {
    return s.checkedBy ? actorShown(ctx, s.checkedBy) : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Who packed it.' })
  packedBy(@Root() s: Shipment, @Ctx() ctx: Context) {
    return s.packedBy ? actorShown(ctx, s.packedBy) : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Who handed it to the carrier.' })
  shippedBy(@Root() s: Shipment, @Ctx() ctx: Context) {
    return s.shippedBy ? actorShown(ctx, s.shippedBy) : null;
  }
}

@Resolver(() => ShipmentLine)
export class ShipmentLineResolver {
  @FieldResolver(() => Product, { description: 'The product.' })
  product(@Root() l: ShipmentLine, @Ctx() ctx: Context) {
    return ctx.loaders.product.load(l.productId);
  }
}

@Resolver(() => CheckError)
export class CheckErrorResolver {
  @FieldResolver(() => String, {
    nullable: true,
    description: 'Who picked the shipment (the error counts against them).',
  })
  pickedBy(@Root() e: CheckError, @Ctx() ctx: Context) {
    return e.pickedBy ? actorShown(ctx, e.pickedBy) : null;
  }

  @FieldResolver(() => String, { description: 'Who found it.' })
  checkedBy(@Root() e: CheckError, @Ctx() ctx: Context) {
    return actorShown(ctx, e.checkedBy);
  }
}

@Resolver(() => ShipmentEvent)
export class ShipmentEventResolver {
  @FieldResolver(() => Shipment, { description: 'The shipment.' })
  shipment(@Root() e: ShipmentEvent, @Ctx() ctx: Context) {
    return ctx.loaders.shipment.load(e.shipmentId);
  }

  @FieldResolver(() => String, {
    description: 'Who: a staff member by name, "key:<name>" for an API key, or "system".',
  })
  actor(@Root() e: ShipmentEvent, @Ctx() ctx: Context) {
    return actorShown(ctx, e.actor);
  }
}

@Resolver(() => Order)
export class OrderShipmentsResolver {
  @Requires('FULFILMENT_READ')
  @FieldResolver(() => [Shipment], {
    description: 'Its parts on the warehouse floor, one per warehouse (and per pick list), oldest first.',
  })
  shipments(@Root() o: Order, @Ctx() ctx: Context) {
    return ctx.loaders.shipmentsOfOrder.load(o.id);
  }
}

@Resolver(() => Carrier)
export class CarrierResolver {
  @Requires('FULFILMENT_READ')
  @Query(() => [Carrier], { description: 'Carriers by code (a short list).' })
  carriers(
    @Arg('activeOnly', () => Boolean, { defaultValue: false, description: 'Only carriers taking shipments.' })
    activeOnly: boolean,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.fulfilmentQueries.carriers(activeOnly);
  }

  @Requires('CARRIER_MANAGE')
  @Mutation(() => CarrierPayload, { description: 'Adds a carrier.' })
  async createCarrier(@Arg('input', { description: 'The carrier.' }) input: CreateCarrierInput, @Ctx() ctx: Context) {
    return Object.assign(new CarrierPayload(), await ctx.services.carriers.create(input, ctx.actor));
  }

  @Requires('CARRIER_MANAGE')
  @Mutation(() => CarrierPayload, { description: 'Changes a carrier; fields left out keep their value.' })
  async updateCarrier(@Arg('input', { description: 'The changes.' }) input: UpdateCarrierInput, @Ctx() ctx: Context) {
    return Object.assign(new CarrierPayload(), await ctx.services.carriers.update(input, ctx.actor));
  }
}
