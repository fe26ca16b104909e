import { DataSource } from 'typeorm';
import { permissionsOfRole, proposePackaging } from '@fulfilment/domain';
import { Actor } from '../../common/actor';
import { DomainEventHandlers } from '../../common/domain-events';
import { toGlobalId } from '../../common/global-id';
import { Mutations } from '../../common/mutation';
import { PickListService } from '../../modules/fulfilment/pick-list.service';
import { PickListTransitions } from '../../modules/fulfilment/pick-list-transitions';
import { ShipmentService } from '../../modules/fulfilment/shipment.service';
import { ShipmentTransitions } from '../../modules/fulfilment/shipment-transitions';
import { OrderRepository } from '../../modules/order/order.repository';
import { OrderTransitions } from '../../modules/order/order-transitions';
import { ReservationService } from '../../modules/stock/reservation.service';
import { StockRepository } from '../../modules/stock/stock.repository';
import { WarehouseSeed } from './model';
import { Random } from './random';

function staff(w: WarehouseSeed, rng: Random): Actor {
  const name = `warehouse:${rng.pick(w.staff)}`;
  return {
    principal: {
      kind: 'USER',
      id: name,
      name,
      role: 'WAREHOUSE',
      permissions: permissionsOfRole('WAREHOUSE'),
      sessionId: null,
      expiresAt: null,
    },
    requestId: 'seed',
    clientIp: null,
  };
}

function must<T extends { userErrors: { code: string; message: string }[] }>(r: T, what: string): T {
  if (r.userErrors.length) throw new Error(`seed floor: ${what}: ${r.userErrors[0].code} ${r.userErrors[0].message}`);
  return r;
}

/**
 * The warehouse floor at the end of the demo history, through the fulfilment module itself: the orders
 * the history left PICKING go onto pick lists per warehouse; most lists are walked and completed, and
 * their shipments checked (one check finds a wrong count first), packed with the proposed packaging and
 * some shipped; the rest wait OPEN or half picked. So every stage has orders with their real records.
 */
export async function seedFloor(ds: DataSource, warehouses: readonly WarehouseSeed[], seed: number): Promise<void> {
  const rng = new Random(seed);
  const mutations = new Mutations(ds, new DomainEventHandlers());
  const stock = new StockRepository();
  const reservations = new ReservationService(stock);
  const orders = new OrderTransitions(new OrderRepository(stock), reservations);
  const shipmentTransitions = new ShipmentTransitions(reservations);
  const lists = new PickListService(
    ds,
    mutations,
    new PickListTransitions(),
    shipmentTransitions,
    orders,
    reservations,
  );
  const shipments = new ShipmentService(mutations, shipmentTransitions, orders);

  const waiting: { order_id: string; warehouse_code: string }[] = await ds.query(
    `SELECT DISTINCT a.order_id, a.warehouse_code FROM orders o
       JOIN (SELECT x.order_id, w.code AS warehouse_code FROM order_allocation x JOIN warehouse w ON w.id = x.warehouse_id
              WHERE x.status = 'RESERVED') a ON a.order_id = o.id
      WHERE o.status = 'PICKING' ORDER BY a.warehouse_code, a.order_id`,
  );
  let checkErrorShown = false;
  for (const w of warehouses) {
    const ids = waiting.filter((r) => r.warehouse_code === w.code).map((r) => toGlobalId('Order', r.order_id));
    if (ids.length === 0) continue;
    const cut = Math.max(1, Math.round(ids.length * 0.75));
    const picker = staff(w, rng);
    for (const [part, walked] of [
      [ids.slice(0, cut), true],
      [ids.slice(cut), false],
    ] as const) {
      if (part.length === 0) continue;
      const { pickList } = must(
        await lists.create({ warehouseCode: w.code, orderIds: part }, picker),
        `pick list at ${w.code}`,
      );
      const listId = toGlobalId('PickList', pickList!.id);
      if (!walked && rng.chance(0.5)) continue;
      must(await lists.start({ pickListId: listId }, picker), 'start');
      const lines: { id: string; required: number }[] = await ds.query(
        `SELECT id, required FROM pick_list_line WHERE pick_list_id = $1 ORDER BY seq`,
        [pickList!.id],
      );
      const recorded = walked ? lines : lines.slice(0, Math.floor(lines.length / 2));
      for (const l of recorded)
        must(
          await lists.recordPick(
            { pickListId: listId, lineId: toGlobalId('PickListLine', l.id), picked: l.required },
            picker,
          ),
          'pick',
        );
      if (!walked) continue;
      const done = must(await lists.complete({ pickListId: listId }, picker), 'complete');
      const byNumber = [...done.orders!].sort((a, b) => a.shipment.number.localeCompare(b.shipment.number));
      for (const { shipment } of byNumber) {
        if (rng.chance(0.15)) continue; // waiting for its check
        const sid = toGlobalId('Shipment', shipment.id);
        const counted: { sku: string; picked: number }[] = await ds.query(
          `SELECT sku, sum(picked)::int AS picked FROM shipment_line WHERE shipment_id = $1 AND NOT released GROUP BY sku`,
          [shipment.id],
        );
        const checker = staff(w, rng);
        if (!checkErrorShown) {
          checkErrorShown = true;
          await shipments.check(
            { shipmentId: sid, items: counted.map((c, i) => ({ sku: c.sku, quantity: c.picked + (i === 0 ? 1 : 0) })) },
            checker,
          );
        }
        must(
          await shipments.check(
            { shipmentId: sid, items: counted.map((c) => ({ sku: c.sku, quantity: c.picked })) },
            checker,
          ),
          'check',
        );
        if (rng.chance(0.2)) continue; // checked, waiting for the packer
        const products: { sku: string; picked: number; unit_weight_g: number; packaging: string[] }[] = await ds.query(
          `SELECT l.sku, sum(l.picked)::int AS picked, p.unit_weight_g, p.packaging FROM shipment_line l
             JOIN product p ON p.id = l.product_id WHERE l.shipment_id = $1 AND NOT l.released AND l.picked > 0
            GROUP BY l.sku, p.unit_weight_g, p.packaging`,
          [shipment.id],
        );
        const proposed = proposePackaging(
          products.map((p) => ({
            sku: p.sku,
            quantity: p.picked,
            unitWeightG: p.unit_weight_g,
            needs: p.packaging as never,
          })),
        );
        must(
          await shipments.pack(
            {
              shipmentId: sid,
              packages: proposed.map((p) => ({
                material: p.material,
                // The scale: a little over the goods' weight for the packaging itself.
                weightG: Math.max(1, Math.round(p.weightG * (1.02 + rng.next() * 0.05))),
              })),
            },
            staff(w, rng),
          ),
          'pack',
        );
        if (rng.chance(0.7)) continue; // packed, waiting for the carrier
        must(await shipments.ship({ shipmentId: sid }, staff(w, rng)), 'ship');
      }
    }
  }
}
