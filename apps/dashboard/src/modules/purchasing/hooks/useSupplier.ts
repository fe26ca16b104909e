import { useQuery } from '@apollo/client/react';
import { useLiveListener } from '../../../app/live/useLiveEvents';
import { supplierDetailQuery } from '../graphql/suppliers';
import { purchaseOrderStream } from '../live/purchaseOrderStream';

/** One supplier with its scorecards, offers, purchase orders and rejections; read again when one of its orders changes. */
export function useSupplier(id: string) {
  const { data, error, loading, refetch } = useQuery(supplierDetailQuery, { variables: { id } });
  useLiveListener(purchaseOrderStream, (events) => {
    if (events.some((e) => e.purchaseOrder.supplier.id === id)) void refetch();
  });
  return { supplier: data?.supplier ?? null, loaded: Boolean(data), loading, error, refresh: () => void refetch() };
}
