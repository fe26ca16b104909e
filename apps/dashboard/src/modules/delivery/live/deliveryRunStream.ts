import type { LiveStream } from '../../../app/live/liveStream';
import type { DeliveryRunChangedLiveSubscription } from '../../../gql/graphql';
import { deliveryRunChangedSubscription } from '../graphql/runs';

export type LiveDeliveryRunEvent = DeliveryRunChangedLiveSubscription['deliveryRunChanged'];

/** Every run event: created, assigned (or overridden), re-sequenced, started, completed. Not replayed. */
export const deliveryRunStream: LiveStream<LiveDeliveryRunEvent, DeliveryRunChangedLiveSubscription> = {
  name: 'deliveryRuns',
  permission: 'DELIVERY_READ',
  subscription: deliveryRunChangedSubscription,
  events: (data) => (data.deliveryRunChanged ? [data.deliveryRunChanged] : []),
};
