import { useQuery } from '@apollo/client/react';
import { deliveryZonesQuery } from '../graphql/areas';

/** The city's districts and where they lie: the map's geography over the offline basemap. */
export function useDeliveryZones(city: string) {
  const { data } = useQuery(deliveryZonesQuery, { variables: { city } });
  return data?.deliveryZones ?? [];
}
