import type { StockStatus } from '@fulfilment/domain';
import { liveChannel } from '../../live/topics';

/** Stock grew at these products (a receipt, a count, a return): waiting backorders may now be served. */
export interface StockAdded {
  productIds: string[];
  /**
   * Filled by the order module's handler: the orders it allocated from this stock, in the order they
   * were released (a goods receipt shows them).
   */
  released?: string[];
}

declare module '../../common/domain-events' {
  interface DomainEvents {
    STOCK_ADDED: StockAdded;
  }
}

/** A stock level crossed its low or high threshold. */
export interface StockAlertMessage {
  stockLevelId: string;
  sku: string;
  warehouseCode: string;
  previousStatus: StockStatus;
  status: StockStatus;
  available: number;
  lowThreshold: number;
  highThreshold: number;
  reference: string | null;
  createdAt: string;
}

declare module '../../live/topics' {
  interface Topics {
    STOCK_ALERT: [StockAlertMessage];
  }
}

export const STOCK_CHANNELS = [liveChannel('STOCK_ALERT')];
