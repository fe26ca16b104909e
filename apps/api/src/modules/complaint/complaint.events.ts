import type { ComplaintEventType, ComplaintStatus, SlaState } from '@fulfilment/domain';
import { liveChannel } from '../../live/topics';

/** A complaint event as it travels through PostgreSQL NOTIFY to every API process. */
export interface ComplaintEventMessage {
  id: string;
  complaintId: string;
  complaintNumber: string;
  sequence: number;
  type: ComplaintEventType;
  fromStatus: ComplaintStatus | null;
  toStatus: ComplaintStatus;
  slaState: SlaState;
  dueAt: string;
  reason: string | null;
  actor: string;
  createdAt: string;
}

declare module '../../live/topics' {
  interface Topics {
    COMPLAINT_EVENT: [ComplaintEventMessage];
    /** Complaint events routed by complaint: a complaint page hears its own only. */
    COMPLAINT_EVENT_OF: [complaintId: string, message: ComplaintEventMessage];
  }
}

export const COMPLAINT_CHANNELS_LIVE = [
  liveChannel('COMPLAINT_EVENT', { to: 'COMPLAINT_EVENT_OF', key: (m) => m.complaintId }),
];
