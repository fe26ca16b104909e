import type { PurchaseOrderEventType, PurchaseOrderStatus } from '@fulfilment/domain';
import { liveChannel } from '../../live/topics';

/** A purchase order event as it travels through PostgreSQL NOTIFY to every API process. */
export interface PurchaseOrderEventMessage {
  id: string;
  purchaseOrderId: string;
  purchaseOrderNumber: string;
  supplierId: string;
  warehouseId: string;
  sequence: number;
  type: PurchaseOrderEventType;
  fromStatus: PurchaseOrderStatus | null;
  toStatus: PurchaseOrderStatus;
  reason: string | null;
  actor: string;
  createdAt: string;
}

declare module '../../live/topics' {
  interface Topics {
    PURCHASE_ORDER_EVENT: [PurchaseOrderEventMessage];
  }
}

export const PURCHASING_CHANNELS = [liveChannel('PURCHASE_ORDER_EVENT')];
