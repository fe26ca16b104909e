import type { LiveStream } from '../../../app/live/liveStream';
import type { SlaAlertLiveSubscription } from '../../../gql/graphql';
import { slaAlertSubscription } from '../graphql/complaints';

export type LiveSlaAlert = SlaAlertLiveSubscription['slaAlert'];

/** A complaint turning at risk, breaching a deadline or escalated to managers (from the server's sweep). */
export const slaAlertStream: LiveStream<LiveSlaAlert, SlaAlertLiveSubscription> = {
  name: 'slaAlerts',
  permission: 'COMPLAINT_READ',
  subscription: slaAlertSubscription,
  events: (data) => (data.slaAlert ? [data.slaAlert] : []),
};
