import type { ReturnStatus } from '@fulfilment/domain';
import { liveChannel } from '../../live/topics';
import type { ReturnEventType } from './return.enums';

/** A return event as it travels through PostgreSQL NOTIFY. */
export interface ReturnEventMessage {
  id: string;
  returnId: string;
  returnNumber: string;
  orderId: string;
  sequence: number;
  type: ReturnEventType;
  fromStatus: ReturnStatus | null;
  toStatus: ReturnStatus;
  reason: string | null;
  actor: string;
  createdAt: string;
}

declare module '../../live/topics' {
  interface Topics {
    RETURN_EVENT: [ReturnEventMessage];
  }
}

export const RETURN_CHANNELS = [liveChannel('RETURN_EVENT')];
