/** Stock grew at these products (a receipt, a count, a return): waiting backorders may now be served. */
export interface StockAdded {
  productIds: string[];
}

declare module '../../common/domain-events' {
  interface DomainEvents {
    STOCK_ADDED: StockAdded;
  }
}
