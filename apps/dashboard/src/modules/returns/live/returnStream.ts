import type { LiveStream } from '../../../app/live/liveStream';
import type { ReturnChangedLiveSubscription } from '../../../gql/graphql';
import { returnChangedSubscription } from '../graphql/returns';

export type LiveReturn = ReturnChangedLiveSubscription['returnChanged'];

/**
 * Every return change. It carries the row, so the cache updates the return wherever it is shown; the
 * queue reads itself again for returns that enter or leave it, the return page for its history and
 * outcome. Missed events are not replayed.
 */
export const returnStream: LiveStream<LiveReturn, ReturnChangedLiveSubscription> = {
  name: 'returns',
  permission: 'RETURN_READ',
  subscription: returnChangedSubscription,
  events: (data) => (data.returnChanged ? [data.returnChanged] : []),
};
