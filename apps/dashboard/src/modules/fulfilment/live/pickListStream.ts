import type { LiveStream } from '../../../app/live/liveStream';
import type { PickListChangedLiveSubscription } from '../../../gql/graphql';
import { pickListChangedSubscription } from '../graphql/pickLists';

export type LivePickListEvent = PickListChangedLiveSubscription['pickListChanged'];

/**
 * Every pick list event: created, started, a pick recorded, completed, cancelled. It carries its list's
 * new row, so the cache updates that list wherever it is shown; the list page reads its lines again.
 * Missed events are not replayed (a reconnect refetches what is on screen).
 */
export const pickListStream: LiveStream<LivePickListEvent, PickListChangedLiveSubscription> = {
  name: 'pickLists',
  permission: 'FULFILMENT_READ',
  subscription: pickListChangedSubscription,
  events: (data) => (data.pickListChanged ? [data.pickListChanged] : []),
};
