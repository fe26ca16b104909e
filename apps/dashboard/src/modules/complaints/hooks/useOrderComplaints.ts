import { useQuery } from '@apollo/client/react';
import { useLiveListener } from '../../../app/live/useLiveEvents';
import { orderComplaintsQuery } from '../graphql/complaints';
import { complaintStream } from '../live/complaintStream';

/** The complaints about an order, oldest first; read again when one of them (or a new one) changes. */
export function useOrderComplaints(number: string, skip: boolean) {
  const { data, error, refetch } = useQuery(orderComplaintsQuery, { variables: { number }, skip });
  const order = data?.orderByNumber;
  useLiveListener(complaintStream, (events) => {
    if (order && events.some((e) => e.order?.id === order.id)) void refetch().catch(() => undefined);
  });
  return {
    orderId: order?.id ?? null,
    complaints: order?.complaints ?? [],
    loaded: Boolean(data),
    error,
    refresh: () => void refetch(),
  };
}
