import type { LiveStream } from '../../../app/live/liveStream';
import type { BlockedAreaChangedLiveSubscription } from '../../../gql/graphql';
import { blockedAreaChangedSubscription } from '../graphql/areas';

export type LiveBlockedAreaChange = BlockedAreaChangedLiveSubscription['blockedAreaChanged'];

/** Areas blocked or opened again, by any dispatcher. Not replayed: the list is read again. */
export const blockedAreaStream: LiveStream<LiveBlockedAreaChange, BlockedAreaChangedLiveSubscription> = {
  name: 'blockedAreas',
  permission: 'DELIVERY_READ',
  subscription: blockedAreaChangedSubscription,
  events: (data) => (data.blockedAreaChanged ? [data.blockedAreaChanged] : []),
};
