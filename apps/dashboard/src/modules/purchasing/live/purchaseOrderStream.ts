import type { LiveStream } from '../../../app/live/liveStream';
import type { PurchaseOrderChangedLiveSubscription } from '../../../gql/graphql';
import { purchaseOrderChangedSubscription } from '../graphql/purchaseOrders';

export type LivePurchaseOrderEvent = PurchaseOrderChangedLiveSubscription['purchaseOrderChanged'];

/**
 * Every purchase order event. It carries its order's new row, so the cache updates that order wherever
 * it is shown; pages showing lines or receipts read the order again. Missed events are not replayed
 * (a reconnect refetches what is on screen).
 */
export const purchaseOrderStream: LiveStream<LivePurchaseOrderEvent, PurchaseOrderChangedLiveSubscription> = {
  name: 'purchaseOrders',
  permission: 'PURCHASING_READ',
  subscription: purchaseOrderChangedSubscription,
  events: (data) => (data.purchaseOrderChanged ? [data.purchaseOrderChanged] : []),
};
