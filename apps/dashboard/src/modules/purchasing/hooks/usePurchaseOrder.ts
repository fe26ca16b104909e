import { useQuery } from '@apollo/client/react';
import { useLiveListener } from '../../../app/live/useLiveEvents';
import { purchaseOrderQuery } from '../graphql/purchaseOrders';
import { purchaseOrderStream } from '../live/purchaseOrderStream';

/** One purchase order with lines, receipts, contacts and history; read again when an event concerns it. */
export function usePurchaseOrder(id: string | null) {
  const { data, error, loading, refetch } = useQuery(purchaseOrderQuery, {
    variables: { id: id ?? '' },
    skip: !id,
  });
  useLiveListener(purchaseOrderStream, (events) => {
    if (id && events.some((e) => e.purchaseOrder.id === id)) void refetch();
  });
  return {
    order: data?.purchaseOrder ?? null,
    events: data?.purchaseOrder?.events.edges.map((e) => e.node) ?? [],
    loaded: Boolean(data),
    loading,
    error,
    refresh: () => void refetch(),
  };
}
