import type { LiveStream } from '../../../app/live/liveStream';
import type { DeliveryChangedLiveSubscription } from '../../../gql/graphql';
import { deliveryChangedSubscription } from '../graphql/deliveries';

export type LiveDeliveryEvent = DeliveryChangedLiveSubscription['deliveryChanged'];

/**
 * Every delivery event: created, planned, out, delivered, exception, late risk, rated. It carries ids and
 * statuses only, so the lists it concerns read themselves again. Missed events are not replayed.
 */
export const deliveryStream: LiveStream<LiveDeliveryEvent, DeliveryChangedLiveSubscription> = {
  name: 'deliveries',
  permission: 'DELIVERY_READ',
  subscription: deliveryChangedSubscription,
  events: (data) => (data.deliveryChanged ? [data.deliveryChanged] : []),
};
