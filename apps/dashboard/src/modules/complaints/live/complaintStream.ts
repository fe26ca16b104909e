import type { LiveStream } from '../../../app/live/liveStream';
import type { ComplaintChangedLiveSubscription } from '../../../gql/graphql';
import { complaintChangedSubscription } from '../graphql/complaints';

export type LiveComplaint = ComplaintChangedLiveSubscription['complaintChanged'];

/**
 * Every complaint change (opened, answered, assigned, a status step, an SLA mark). It carries the row with
 * its clock, so the cache updates the complaint wherever it is shown; the queue reads itself again for
 * complaints that enter or leave it, the complaint page for its history. Missed events are not replayed.
 */
export const complaintStream: LiveStream<LiveComplaint, ComplaintChangedLiveSubscription> = {
  name: 'complaints',
  permission: 'COMPLAINT_READ',
  subscription: complaintChangedSubscription,
  events: (data) => (data.complaintChanged ? [data.complaintChanged] : []),
};
