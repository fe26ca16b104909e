import type { LiveStream } from '../../../app/live/liveStream';
import type { ShipmentChangedLiveSubscription } from '../../../gql/graphql';
import { shipmentChangedSubscription } from '../graphql/shipments';

export type LiveShipmentEvent = ShipmentChangedLiveSubscription['shipmentChanged'];

/**
 * Every shipment event: created, picked, checked (or check errors), packed, shipped, cancelled. It
 * carries its shipment's new row, so the cache moves that shipment wherever it is shown; lists whose
 * membership changes read themselves again. Missed events are not replayed.
 */
export const shipmentStream: LiveStream<LiveShipmentEvent, ShipmentChangedLiveSubscription> = {
  name: 'shipments',
  permission: 'FULFILMENT_READ',
  subscription: shipmentChangedSubscription,
  events: (data) => (data.shipmentChanged ? [data.shipmentChanged] : []),
};
