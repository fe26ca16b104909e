import { useQuery } from '@apollo/client/react';
import { orderDeliveriesQuery } from '../graphql/deliveries';
import { useRefetchOnDeliveryEvents } from './useRefetchOnDeliveryEvents';

/** An order's deliveries with their trail and proof; read again when one of them changes. */
export function useOrderDeliveries(number: string, skip: boolean) {
  const { data, error, refetch } = useQuery(orderDeliveriesQuery, { variables: { number }, skip });
  const deliveries = data?.orderByNumber?.deliveries ?? [];
  useRefetchOnDeliveryEvents({
    refetch,
    delivery: (e) => deliveries.some((d) => d.id === e.deliveryId),
    run: (e) => deliveries.some((d) => d.run?.id === e.deliveryRunId),
    delayMs: 300,
  });
  return { deliveries, loaded: Boolean(data), error };
}
