import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { orderReturnState, OrderReturnState } from '@fulfilment/domain';
import { byIdLoader, childrenLoader } from '../../common/loaders';
import { Refund, ReturnEvent, ReturnLine, ReturnRequest, StoreCredit } from './return.entity';

/** Sums per key in one statement; keys without rows answer 0. */
function sumLoader(ds: DataSource, sql: string, cache: boolean): DataLoader<string, number> {
  return new DataLoader<string, number>(
    async (keys) => {
      const rows: { key: string; total: number }[] = await ds.query(sql, [keys]);
      const byKey = new Map(rows.map((r) => [r.key, Number(r.total)]));
      return keys.map((k) => byKey.get(k) ?? 0);
    },
    { cache },
  );
}

/** Returns, their lines, events, refund and credit, an order's returns and a customer's credit: one statement per kind. */
export function returnLoaders(ds: DataSource, cache: boolean) {
  return {
    returnRequest: byIdLoader(ds, ReturnRequest, cache),
    returnsOfOrder: childrenLoader(ds, ReturnRequest, 'order_id', (r) => r.orderId, 't.requested_at, t.id', cache),
    returnLines: childrenLoader(ds, ReturnLine, 'return_id', (l) => l.returnId, 't.line_no', cache),
    returnEvents: childrenLoader(ds, ReturnEvent, 'return_id', (e) => e.returnId, 't.sequence', cache),
    returnRefund: childrenLoader(ds, Refund, 'return_id', (x) => x.returnId, 't.created_at', cache),
    returnCredit: childrenLoader(ds, StoreCredit, 'return_id', (x) => x.returnId!, 't.created_at', cache),
    storeCreditBalance: sumLoader(
      ds,
      `SELECT customer_id AS key, sum(amount_fen)::bigint AS total FROM store_credit
        WHERE customer_id = ANY($1::uuid[]) GROUP BY customer_id`,
      cache,
    ),
    orderReturnState: new DataLoader<string, OrderReturnState>(
      async (orderIds) => {
        const rows: { order_id: string; ordered: number; received_back: number }[] = await ds.query(
          `SELECT l.order_id, l.quantity AS ordered,
                  coalesce((SELECT sum(rl.received) FROM return_line rl JOIN return_request q ON q.id = rl.return_id
                             WHERE q.order_id = l.order_id AND rl.line_no = l.line_no), 0)::int AS received_back
             FROM order_line l
            WHERE l.order_id = ANY($1::uuid[])
              AND EXISTS (SELECT 1 FROM return_request q WHERE q.order_id = l.order_id)`,
          [orderIds],
        );
        const byOrder = new Map<string, { ordered: number; receivedBack: number }[]>();
        for (const r of rows)
          byOrder.set(r.order_id, [
            ...(byOrder.get(r.order_id) ?? []),
            { ordered: r.ordered, receivedBack: r.received_back },
          ]);
        return orderIds.map((id) => orderReturnState(byOrder.get(id) ?? []));
      },
      { cache },
    ),
  };
}
