import { useQuery } from '@apollo/client/react';
import { useMemo } from 'react';
import type { DeliveryStatus } from '../../../gql/graphql';
import { inCity } from '../components/cities';
import { deliveriesQuery } from '../graphql/deliveries';
import { useRefetchOnDeliveryEvents } from './useRefetchOnDeliveryEvents';

/** The city's deliveries in one status (the newest 100 of every city, filtered here), read again on events. */
export function useCityDeliveries(status: DeliveryStatus, city: string) {
  const { data, previousData, error, refetch } = useQuery(deliveriesQuery, {
    variables: { first: 100, filter: { status: [status] } },
  });
  useRefetchOnDeliveryEvents({ refetch });
  const shown = data ?? previousData;
  const rows = useMemo(
    () => (shown?.deliveries.edges.map((e) => e.node) ?? []).filter((d) => inCity(d.zone, city)),
    [shown, city],
  );
  return { rows, loaded: Boolean(shown), error, refresh: () => void refetch() };
}
