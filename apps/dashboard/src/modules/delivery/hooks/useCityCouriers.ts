import { useQuery } from '@apollo/client/react';
import { useMemo } from 'react';
import { couriersQuery } from '../graphql/couriers';
import { inCity } from '../components/cities';
import { useRefetchOnDeliveryEvents } from './useRefetchOnDeliveryEvents';

/** Couriers delivering in the city; their positions move through the cache (useCourierMoves). */
export function useCityCouriers(city: string) {
  // A city's fleet is tens of couriers, well inside one page.
  const { data, previousData, error, refetch } = useQuery(couriersQuery, { variables: { filter: { city } } });
  useRefetchOnDeliveryEvents({ refetch, delivery: () => false, delayMs: 1_500 });
  const shown = data ?? previousData;
  const couriers = useMemo(
    () => (shown?.couriers.edges ?? []).map((e) => e.node).filter((c) => c.zones.some((z) => inCity(z, city))),
    [shown, city],
  );
  return { couriers, loaded: Boolean(shown), error, refresh: () => void refetch() };
}
