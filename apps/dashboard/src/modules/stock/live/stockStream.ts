import type { LiveStream } from '../../../app/live/liveStream';
import type { StockAlertsLiveSubscription } from '../../../gql/graphql';
import { stockAlertSubscription } from '../graphql/stock';

/** A stock level crossing a threshold; `key` tells alerts apart in lists. */
export type LiveStockAlert = StockAlertsLiveSubscription['stockAlert'] & { key: string };

/**
 * Threshold crossings. Each carries its stock level's new figures, so the cache updates that level
 * wherever it is shown. The feed shows them newest first; missed ones are not replayed.
 */
export const stockStream: LiveStream<LiveStockAlert, StockAlertsLiveSubscription> = {
  name: 'stock',
  permission: 'STOCK_READ',
  subscription: stockAlertSubscription,
  events: ({ stockAlert: a }) => (a ? [{ ...a, key: `${a.sku}@${a.warehouseCode}@${a.createdAt}` }] : []),
};
