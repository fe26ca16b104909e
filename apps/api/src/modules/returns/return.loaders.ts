import { DataSource } from 'typeorm';
import { byIdLoader, childrenLoader } from '../../common/loaders';
import { Refund, ReturnEvent, ReturnLine, ReturnRequest } from './return.entity';

/** Returns, their lines, events and refund, and an order's returns: one statement per kind. */
export function returnLoaders(ds: DataSource, cache: boolean) {
  return {
    returnRequest: byIdLoader(ds, ReturnRequest, cache),
    returnsOfOrder: childrenLoader(ds, ReturnRequest, 'order_id', (r) => r.orderId, 't.requested_at, t.id', cache),
    returnLines: childrenLoader(ds, ReturnLine, 'return_id', (l) => l.returnId, 't.line_no', cache),
    returnEvents: childrenLoader(ds, ReturnEvent, 'return_id', (e) => e.returnId, 't.sequence', cache),
    returnRefund: childrenLoader(ds, Refund, 'return_id', (x) => x.returnId, 't.created_at', cache),
  };
}
