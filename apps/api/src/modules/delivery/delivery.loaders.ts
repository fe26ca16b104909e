import { DataSource } from 'typeorm';
import { byIdLoader, childrenLoader } from '../../common/loaders';
import { Courier, Vehicle } from './courier.entity';
import { DeliveryEvent, DeliveryRunEvent } from './delivery-event.entity';
import { Delivery, DeliveryRun, ProofOfDelivery } from './delivery.entity';

/** Couriers, vehicles, runs, deliveries and their parts: one statement per kind. */
export function deliveryLoaders(ds: DataSource, cache: boolean) {
  return {
    vehicle: byIdLoader(ds, Vehicle, cache),
    courier: byIdLoader(ds, Courier, cache),
    deliveryRun: byIdLoader(ds, DeliveryRun, cache),
    delivery: byIdLoader(ds, Delivery, cache),
    runStops: childrenLoader(ds, Delivery, 'run_id', (d) => d.runId!, 't.stop_seq, t.number', cache),
    deliveriesOfOrder: childrenLoader(ds, Delivery, 'order_id', (d) => d.orderId, 't.created_at, t.id', cache),
    proofOfDelivery: childrenLoader(ds, ProofOfDelivery, 'delivery_id', (p) => p.deliveryId, 't.recorded_at', cache),
    deliveryEvents: childrenLoader(ds, DeliveryEvent, 'delivery_id', (e) => e.deliveryId, 't.sequence', cache),
    deliveryRunEvents: childrenLoader(
      ds,
      DeliveryRunEvent,
      'delivery_run_id',
      (e) => e.deliveryRunId,
      't.sequence',
      cache,
    ),
  };
}
